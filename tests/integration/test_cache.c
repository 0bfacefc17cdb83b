/* The cache over real HTTP: a change that returns is visible on every page
 * that shows it, unrelated pages stay cached, and a thousand requests for
 * one missing page render it once. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <curl/curl.h>
#include <pthread.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/admin_client.h"
#include "lib/harness.h"

static struct gz_test_server server;
static char site_dir[512];
#define PASSWORD "cache test password"

struct counters {
        unsigned long long hits, misses, fills;
};

static struct counters
counters(void)
{
        struct gz_test_resp r;
        gz_test_get(&server, "/healthz", &r);
        struct counters c = {0};
        const char *at = strstr(r.body, "hits ");
        if (at)
                sscanf(at, "hits %llu misses %llu fills %llu", &c.hits, &c.misses, &c.fills);
        gz_test_resp_free(&r);
        return c;
}

static char *
page(const char *path)
{
        struct gz_test_resp r;
        assert_int_equal(gz_test_get(&server, path, &r), 0);
        if (r.status != 200)
                fprintf(stderr, "GET %s: %ld\n", path, r.status);
        assert_int_equal(r.status, 200);
        free(r.headers);
        return r.body;
}

static char *
db_text(const char *sql)
{
        char path[700];
        snprintf(path, sizeof(path), "%s/gazette.db", site_dir);
        sqlite3 *db;
        sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL);
        sqlite3_stmt *st;
        char *v = NULL;
        if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK) {
                if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
                        v = strdup((const char *)sqlite3_column_text(st, 0));
                sqlite3_finalize(st);
        }
        sqlite3_close(db);
        return v;
}

static void
publishing_shows_everywhere_and_leaves_the_rest_cached(void **state)
{
        (void)state;
        char *culture_article = db_text(
            "SELECT strftime('/%Y/%m/', a.published_at, 'unixepoch') || a.slug || '/' FROM "
            "articles a JOIN sections s ON s.id = a.section_id WHERE s.path LIKE 'culture%' AND "
            "a.status = 'published' LIMIT 1");
        assert_non_null(culture_article);
        const char *warm[] = {"/",         "/news/",        "/news/city/",
                              "/culture/", culture_article, "/tag/harbour/"};
        for (size_t i = 0; i < 6; i++)
                free(page(warm[i]));
        struct counters before = counters();
        for (size_t i = 0; i < 6; i++)
                free(page(warm[i]));
        struct counters after = counters();
        assert_int_equal(after.misses, before.misses); /* all from the cache */

        struct gz_admin_client c;
        assert_int_equal(gz_admin_sign_in(&c, &server, "editor@example.org", PASSWORD, NULL), 303);
        struct gz_test_resp r;
        assert_int_equal(gz_admin_post(&c, "/admin/articles/new", true, &r,
                                       "title=Cache test: the ferry runs again", "body=It runs.",
                                       "section=news/city", "tags=Harbour", "version=0",
                                       "action=publish", NULL),
                         303);
        gz_test_resp_free(&r);
        /* As soon as the publish returned: */
        const char *shows[] = {"/", "/news/", "/news/city/", "/tag/harbour/"};
        for (size_t i = 0; i < 4; i++) {
                char *body = page(shows[i]);
                if (strstr(body, "Cache test: the ferry runs again") == NULL)
                        fprintf(stderr, "stale: %s\n", shows[i]);
                assert_non_null(strstr(body, "Cache test: the ferry runs again"));
                free(body);
        }
        struct counters mid = counters();
        free(page("/culture/"));
        free(page(culture_article));
        struct counters end = counters();
        assert_int_equal(end.misses, mid.misses); /* untouched pages stayed */
        gz_admin_client_end(&c);
        free(culture_article);
}

static void
edits_and_unpublishing_are_never_served_stale(void **state)
{
        (void)state;
        char *id = db_text("SELECT id FROM articles WHERE title = 'Cache test: the ferry runs "
                           "again'");
        char *url = db_text("SELECT strftime('/%Y/%m/', published_at, 'unixepoch') || slug || '/' "
                            "FROM articles WHERE title = 'Cache test: the ferry runs again'");
        free(page(url));
        struct gz_admin_client c;
        assert_int_equal(gz_admin_sign_in(&c, &server, "editor@example.org", PASSWORD, NULL), 303);
        char path[64], sql[128];
        snprintf(path, sizeof(path), "/admin/articles/%s", id);
        snprintf(sql, sizeof(sql), "SELECT 'version=' || version FROM articles WHERE id = %s", id);
        char *version = db_text(sql);
        struct gz_test_resp r;
        assert_int_equal(gz_admin_post(&c, path, true, &r, "title=Cache test: ferry timetable cut",
                                       "body=It runs less.", "section=news/city", "tags=Harbour",
                                       version, "action=publish", NULL),
                         303);
        gz_test_resp_free(&r);
        free(version);
        const char *shows[] = {url, "/", "/news/city/", "/tag/harbour/"};
        for (size_t i = 0; i < 4; i++) {
                char *body = page(shows[i]);
                assert_non_null(strstr(body, "Cache test: ferry timetable cut"));
                assert_null(strstr(body, "the ferry runs again"));
                free(body);
        }
        version = db_text(sql);
        assert_int_equal(gz_admin_post(&c, path, true, &r, "title=Cache test: ferry timetable cut",
                                       version, "action=unpublish", NULL),
                         303);
        gz_test_resp_free(&r);
        free(version);
        assert_int_equal(gz_test_get(&server, url, &r), 0);
        assert_int_equal(r.status, 404);
        gz_test_resp_free(&r);
        char *home = page("/");
        assert_null(strstr(home, "ferry timetable cut"));
        free(home);
        gz_admin_client_end(&c);
        free(id);
        free(url);
}

struct hammer {
        const char *url;
        long status;
};

static void *
hit(void *arg)
{
        struct hammer *h = arg;
        CURL *curl = curl_easy_init();
        curl_easy_setopt(curl, CURLOPT_URL, h->url);
        curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, fwrite);
        FILE *null = fopen("/dev/null", "w");
        curl_easy_setopt(curl, CURLOPT_WRITEDATA, null);
        if (curl_easy_perform(curl) == CURLE_OK)
                curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &h->status);
        fclose(null);
        curl_easy_cleanup(curl);
        return NULL;
}

static void
many_requests_for_one_missing_page_render_it_once(void **state)
{
        (void)state;
        char *author = db_text("SELECT slug FROM authors ORDER BY id DESC LIMIT 1");
        char url[256];
        snprintf(url, sizeof(url), "%s/author/%s/", server.base, author);
        enum { N = 60 };
        pthread_t threads[N];
        struct hammer h[N];
        struct counters before = counters();
        for (int i = 0; i < N; i++) {
                h[i] = (struct hammer){.url = url};
                pthread_create(&threads[i], NULL, hit, &h[i]);
        }
        for (int i = 0; i < N; i++) {
                pthread_join(threads[i], NULL);
                assert_int_equal(h[i].status, 200);
        }
        struct counters after = counters();
        assert_int_equal(after.fills - before.fills, 1);
        assert_int_equal(after.misses - before.misses, 1);
        free(author);
}

static int
setup(void **state)
{
        (void)state;
        curl_global_init(CURL_GLOBAL_DEFAULT);
        gz_test_demo_site(site_dir, sizeof(site_dir));
        gz_test_add_user(site_dir, "editor@example.org", "editor", PASSWORD);
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
            cmocka_unit_test(publishing_shows_everywhere_and_leaves_the_rest_cached),
            cmocka_unit_test(edits_and_unpublishing_are_never_served_stale),
            cmocka_unit_test(many_requests_for_one_missing_page_render_it_once),
        };
        return cmocka_run_group_tests_name("cache", tests, setup, teardown);
}
