/* The roles table at the HTTP level for articles (writing, publishing,
 * anybody's articles, the review queue, the trash), sessions, sign-in
 * messages and CSRF checks, against the real server. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lib/admin_client.h"
#include "lib/harness.h"

static struct gz_test_server server;
static char site_dir[512];
static const char *const roles[] = {"contributor", "author", "editor", "admin"};
#define PASSWORD "roles test password"

static long long
db_int(const char *sql)
{
        char path[700];
        snprintf(path, sizeof(path), "%s/gazette.db", site_dir);
        sqlite3 *db;
        sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL);
        sqlite3_stmt *st;
        long long v = -1;
        if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK) {
                if (sqlite3_step(st) == SQLITE_ROW)
                        v = sqlite3_column_int64(st, 0);
                sqlite3_finalize(st);
        }
        sqlite3_close(db);
        return v;
}

static void
as(struct gz_admin_client *c, const char *role)
{
        char email[64];
        snprintf(email, sizeof(email), "%s@example.org", role);
        assert_int_equal(gz_admin_sign_in(c, &server, email, PASSWORD, NULL), 303);
}

/* Writes an article as this client; returns its id. */
static long long
write_article(struct gz_admin_client *c, const char *title, const char *action, long expect)
{
        struct gz_test_resp r;
        char field_title[256], field_action[64];
        snprintf(field_title, sizeof(field_title), "title=%s", title);
        snprintf(field_action, sizeof(field_action), "action=%s", action);
        long status = gz_admin_post(c, "/admin/articles/new", true, &r, field_title, "body=Words.",
                                    "section=news/city", "version=0", field_action, NULL);
        if (status != expect)
                fprintf(stderr, "%s %s: %ld\n", action, title, status);
        assert_int_equal(status, expect);
        long long id = 0;
        const char *loc = gz_test_header(&r, "Location");
        if (loc != NULL && strstr(loc, "/admin/articles/") != NULL)
                id = atoll(strstr(loc, "/admin/articles/") + strlen("/admin/articles/"));
        gz_test_resp_free(&r);
        return id;
}

static void
every_role_writes_and_submits(void **state)
{
        (void)state;
        for (size_t i = 0; i < 4; i++) {
                struct gz_admin_client c;
                as(&c, roles[i]);
                char title[64];
                snprintf(title, sizeof(title), "Draft by %s", roles[i]);
                assert_true(write_article(&c, title, "save", 303) > 0);
                snprintf(title, sizeof(title), "Submitted by %s", roles[i]);
                long long id = write_article(&c, title, "submit", 303);
                char sql[128];
                snprintf(sql, sizeof(sql), "SELECT status = 'review' FROM articles WHERE id = %lld",
                         id);
                assert_int_equal(db_int(sql), 1);
                gz_admin_client_end(&c);
        }
}

static void
only_authors_and_up_publish_their_own(void **state)
{
        (void)state;
        long long before = db_int("SELECT count(*) FROM articles WHERE status = 'published'");
        struct gz_admin_client c;
        as(&c, "contributor");
        write_article(&c, "Contributor tries to publish", "publish", 403);
        write_article(&c, "Contributor tries to schedule", "schedule", 403);
        assert_int_equal(db_int("SELECT count(*) FROM articles WHERE status = 'published'"),
                         before);
        /* Nothing half-written either. */
        assert_int_equal(
            db_int("SELECT count(*) FROM articles WHERE title LIKE 'Contributor tries%'"), 0);
        gz_admin_client_end(&c);
        for (size_t i = 1; i < 4; i++) {
                as(&c, roles[i]);
                char title[64];
                snprintf(title, sizeof(title), "Published by %s", roles[i]);
                long long id = write_article(&c, title, "publish", 303);
                char path[64];
                snprintf(path, sizeof(path), "/admin/articles/%lld", id);
                /* Unpublish it again: allowed for one's own. */
                char sql[128];
                snprintf(sql, sizeof(sql), "SELECT version FROM articles WHERE id = %lld", id);
                char v[32];
                snprintf(v, sizeof(v), "version=%lld", db_int(sql));
                char t[80];
                snprintf(t, sizeof(t), "title=%s", title);
                struct gz_test_resp r;
                assert_int_equal(gz_admin_post(&c, path, true, &r, t, "body=Words.", v,
                                               "action=unpublish", NULL),
                                 303);
                gz_test_resp_free(&r);
                snprintf(sql, sizeof(sql),
                         "SELECT status = 'unpublished' FROM articles WHERE id = %lld", id);
                assert_int_equal(db_int(sql), 1);
                gz_admin_client_end(&c);
        }
}

static long long
article_of(const char *role)
{
        char sql[256];
        snprintf(sql, sizeof(sql),
                 "SELECT a.id FROM articles a JOIN users u ON u.id = a.created_by WHERE u.email = "
                 "'%s@example.org' AND a.status = 'review' ORDER BY a.id LIMIT 1",
                 role);
        return db_int(sql);
}

static void
only_editors_touch_anybodys_articles(void **state)
{
        (void)state;
        long long editors = article_of("editor");
        long long contributors = article_of("contributor");
        assert_true(editors > 0 && contributors > 0);
        char path[64];
        struct gz_admin_client c;
        for (size_t i = 0; i < 2; i++) { /* contributor, author */
                as(&c, roles[i]);
                snprintf(path, sizeof(path), "/admin/articles/%lld", editors);
                assert_int_equal(gz_admin_get(&c, path, NULL), 403);
                struct gz_test_resp r;
                assert_int_equal(gz_admin_post(&c, path, true, &r, "title=Hijacked", "version=1",
                                               "action=publish", NULL),
                                 403);
                gz_test_resp_free(&r);
                gz_admin_client_end(&c);
        }
        assert_int_equal(db_int("SELECT count(*) FROM articles WHERE title = 'Hijacked'"), 0);
        for (size_t i = 2; i < 4; i++) { /* editor, admin */
                as(&c, roles[i]);
                snprintf(path, sizeof(path), "/admin/articles/%lld", contributors);
                assert_int_equal(gz_admin_get(&c, path, NULL), 200);
                gz_admin_client_end(&c);
        }
        /* An editor approves the contributor's submission. */
        as(&c, "editor");
        char sql[128], v[32];
        snprintf(sql, sizeof(sql), "SELECT version FROM articles WHERE id = %lld", contributors);
        snprintf(v, sizeof(v), "version=%lld", db_int(sql));
        snprintf(path, sizeof(path), "/admin/articles/%lld", contributors);
        struct gz_test_resp r;
        assert_int_equal(gz_admin_post(&c, path, true, &r, "title=Approved contribution",
                                       "body=Words.", v, "action=publish", NULL),
                         303);
        gz_test_resp_free(&r);
        snprintf(sql, sizeof(sql), "SELECT status = 'published' FROM articles WHERE id = %lld",
                 contributors);
        assert_int_equal(db_int(sql), 1);
        gz_admin_client_end(&c);
}

static void
the_review_queue_is_for_editors(void **state)
{
        (void)state;
        struct gz_admin_client c;
        struct gz_test_resp r;
        as(&c, "contributor");
        write_article(&c, "Submitted by contributor", "submit", 303);
        assert_int_equal(gz_admin_get(&c, "/admin/articles?status=review", &r), 200);
        assert_true(gz_test_contains(r.body, r.len, "Submitted by contributor"));
        assert_false(gz_test_contains(r.body, r.len, "Submitted by author"));
        gz_test_resp_free(&r);
        gz_admin_client_end(&c);
        as(&c, "editor");
        assert_int_equal(gz_admin_get(&c, "/admin/articles?status=review", &r), 200);
        assert_true(gz_test_contains(r.body, r.len, "Submitted by author"));
        assert_true(gz_test_contains(r.body, r.len, "Submitted by admin"));
        gz_test_resp_free(&r);
        gz_admin_client_end(&c);
}

static void
the_trash_follows_the_roles(void **state)
{
        (void)state;
        struct gz_admin_client c;
        struct gz_test_resp r;
        char path[80];
        as(&c, "contributor");
        long long mine = write_article(&c, "Contributor draft to delete", "save", 303);
        snprintf(path, sizeof(path), "/admin/articles/%lld/delete", mine);
        assert_int_equal(gz_admin_post(&c, path, true, &r, NULL), 403);
        gz_test_resp_free(&r);
        gz_admin_client_end(&c);
        as(&c, "author");
        long long own = write_article(&c, "Author draft to delete", "save", 303);
        snprintf(path, sizeof(path), "/admin/articles/%lld/delete", own);
        assert_int_equal(gz_admin_post(&c, path, true, &r, NULL), 303);
        gz_test_resp_free(&r);
        snprintf(path, sizeof(path), "/admin/trash/%lld/restore", own);
        assert_int_equal(gz_admin_post(&c, path, true, &r, NULL), 403);
        gz_test_resp_free(&r);
        assert_int_equal(gz_admin_post(&c, "/admin/trash/empty", true, &r, NULL), 403);
        gz_test_resp_free(&r);
        gz_admin_client_end(&c);
        as(&c, "editor");
        assert_int_equal(gz_admin_post(&c, path, true, &r, NULL), 303);
        gz_test_resp_free(&r);
        char sql[128];
        snprintf(sql, sizeof(sql), "SELECT deleted_at IS NULL FROM articles WHERE id = %lld", own);
        assert_int_equal(db_int(sql), 1);
        gz_admin_client_end(&c);
}

static void
forms_without_token_or_origin_are_refused(void **state)
{
        (void)state;
        struct gz_admin_client c;
        struct gz_test_resp r;
        as(&c, "editor");
        long long before = db_int("SELECT count(*) FROM articles");
        assert_int_equal(gz_admin_post(&c, "/admin/articles/new", false, &r, "title=No token",
                                       "action=save", NULL),
                         403);
        gz_test_resp_free(&r);
        /* The right token from another origin. */
        const struct gz_test_server *real = c.server;
        struct gz_test_server other = *real;
        snprintf(other.base, sizeof(other.base), "http://localhost:%d", real->port);
        c.server = &other;
        assert_int_equal(gz_admin_post(&c, "/admin/articles/new", true, &r, "title=Other origin",
                                       "action=save", NULL),
                         403);
        gz_test_resp_free(&r);
        c.server = real;
        assert_int_equal(db_int("SELECT count(*) FROM articles"), before);
        gz_admin_client_end(&c);
}

static void
sign_in_failures_all_read_the_same(void **state)
{
        (void)state;
        struct gz_admin_client c;
        assert_int_equal(
            gz_admin_sign_in(&c, &server, "editor@example.org", "wrong password!", NULL), 401);
        gz_admin_client_end(&c);
        assert_int_equal(
            gz_admin_sign_in(&c, &server, "nobody@example.org", "wrong password!", NULL), 401);
        gz_admin_client_end(&c);
        char cmd[1024];
        snprintf(cmd, sizeof(cmd), "'%s' user disable '%s' --email author2@example.org",
                 gz_test_bin(), site_dir);
        assert_int_equal(gz_test_run(cmd, NULL), 0);
        assert_int_equal(gz_admin_sign_in(&c, &server, "author2@example.org", PASSWORD, NULL), 401);
        gz_admin_client_end(&c);
        assert_int_equal(
            db_int("SELECT count(*) >= 3 FROM audit_log WHERE action = 'login-failed'"), 1);
}

static void
sessions_have_safe_cookies_and_end_at_sign_out(void **state)
{
        (void)state;
        struct gz_admin_client c;
        /* The failed sign-in of the test before makes the account wait a second. */
        sleep(2);
        as(&c, "editor");
        /* The jar holds the cookie as the server set it. */
        char *jar = NULL, cmd[700];
        snprintf(cmd, sizeof(cmd), "cat '%s'", c.jar);
        gz_test_run(cmd, &jar);
        assert_non_null(strstr(jar, "#HttpOnly_127.0.0.1\tFALSE\t/admin\tFALSE"));
        assert_non_null(strstr(jar, "gz_session"));
        free(jar);
        struct gz_test_resp r;
        assert_int_equal(gz_admin_get(&c, "/admin/", &r), 200);
        assert_string_equal(gz_test_header(&r, "Cache-Control"), "no-store");
        assert_non_null(
            strstr(gz_test_header(&r, "Content-Security-Policy"), "frame-ancestors 'none'"));
        gz_test_resp_free(&r);
        assert_int_equal(gz_admin_post(&c, "/admin/logout", true, &r, NULL), 303);
        gz_test_resp_free(&r);
        assert_int_equal(gz_admin_get(&c, "/admin/", NULL), 303);
        gz_admin_client_end(&c);
        /* Only the hash of a token is stored. */
        assert_int_equal(db_int("SELECT min(length(token_hash)) FROM sessions"), 64);
}

static int
setup(void **state)
{
        (void)state;
        gz_test_demo_site(site_dir, sizeof(site_dir));
        for (size_t i = 0; i < 4; i++) {
                char email[64];
                snprintf(email, sizeof(email), "%s@example.org", roles[i]);
                gz_test_add_user(site_dir, email, roles[i], PASSWORD);
        }
        gz_test_add_user(site_dir, "author2@example.org", "author", PASSWORD);
        gz_test_server_start(&server, site_dir, NULL);
        return 0;
}

static int
teardown(void **state)
{
        (void)state;
        int rc = gz_test_server_stop(&server);
        gz_test_rmtree(site_dir);
        return rc == 0 ? 0 : -1;
}

int
main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(every_role_writes_and_submits),
            cmocka_unit_test(only_authors_and_up_publish_their_own),
            cmocka_unit_test(only_editors_touch_anybodys_articles),
            cmocka_unit_test(the_review_queue_is_for_editors),
            cmocka_unit_test(the_trash_follows_the_roles),
            cmocka_unit_test(forms_without_token_or_origin_are_refused),
            cmocka_unit_test(sign_in_failures_all_read_the_same),
            cmocka_unit_test(sessions_have_safe_cookies_and_end_at_sign_out),
        };
        return cmocka_run_group_tests_name("admin roles", tests, setup, teardown);
}
