/* The SQLite store against a real database file. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store/store.h"

static char dir[64];
static char path[128];

static int
fresh(void **state)
{
        (void)state;
        snprintf(dir, sizeof(dir), "/tmp/gz-store-XXXXXX");
        assert_non_null(mkdtemp(dir));
        snprintf(path, sizeof(path), "%s/gazette.db", dir);
        return 0;
}

static int
cleanup(void **state)
{
        (void)state;
        char cmd[128];
        snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
        return system(cmd) == 0 ? 0 : -1;
}

static struct gz_store *
open_new(void)
{
        struct gz_store *s;
        struct gz_error err;
        assert_int_equal(gz_store_open(path, GZ_STORE_CREATE, &s, &err), GZ_OK);
        struct gz_language en = {
            .code = "en", .name = "English", .locale = "en", .is_default = true};
        assert_int_equal(gz_store_language_save(s, &en, &err), GZ_OK);
        return s;
}

static void
open_creates_and_migrates_once(void **state)
{
        (void)state;
        struct gz_store *s = open_new();
        int version = gz_store_schema_version(s);
        assert_true(version >= 2);
        gz_store_close(s);
        struct gz_error err;
        assert_int_equal(gz_store_open(path, 0, &s, &err), GZ_OK);
        assert_int_equal(gz_store_schema_version(s), version);
        struct gz_arena *a = gz_arena_new(1024);
        const char *result;
        assert_int_equal(gz_store_check(s, a, &result, &err), GZ_OK);
        assert_string_equal(result, "ok");
        gz_arena_free(a);
        gz_store_close(s);
}

static void
missing_file_is_not_found(void **state)
{
        (void)state;
        struct gz_store *s;
        struct gz_error err;
        assert_int_equal(gz_store_open(path, 0, &s, &err), GZ_ENOTFOUND);
        assert_non_null(strstr(err.msg, "does not exist"));
}

static void
garbage_file_is_refused_clearly(void **state)
{
        (void)state;
        FILE *f = fopen(path, "w");
        for (int i = 0; i < 200; i++)
                fputs("this is not a database at all\n", f);
        fclose(f);
        struct gz_store *s;
        struct gz_error err;
        assert_int_equal(gz_store_open(path, 0, &s, &err), GZ_ECORRUPT);
        assert_non_null(strstr(err.msg, "not a Gazette database"));
}

static void
another_programs_database_is_refused(void **state)
{
        (void)state;
        sqlite3 *db;
        assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
        assert_int_equal(sqlite3_exec(db, "CREATE TABLE t(x)", NULL, NULL, NULL), SQLITE_OK);
        sqlite3_close(db);
        struct gz_store *s;
        struct gz_error err;
        assert_int_equal(gz_store_open(path, 0, &s, &err), GZ_ECORRUPT);
        assert_non_null(strstr(err.msg, "another program"));
}

static struct gz_article
draft(const char *slug)
{
        struct gz_article ar = {0};
        ar.kind = GZ_KIND_NEWS;
        ar.status = GZ_STATUS_DRAFT;
        ar.lang = "en";
        ar.slug = slug;
        ar.title = "A title";
        ar.body_md = "Body text about the harbour.";
        ar.body_html = "<p>Body text about the harbour.</p>";
        return ar;
}

static void
articles_save_with_versions(void **state)
{
        (void)state;
        struct gz_store *s = open_new();
        struct gz_error err;
        struct gz_article ar = draft("first");
        assert_int_equal(gz_store_article_save(s, &ar, NULL, 0, NULL, 0, &err), GZ_OK);
        assert_true(ar.id > 0);
        assert_int_equal(ar.version, 1);
        assert_int_equal(ar.translation_group, ar.id);

        /* Two editors start from version 1; the second save is stale. */
        struct gz_article one = ar, two = ar;
        one.title = "Edited by one";
        assert_int_equal(gz_store_article_save(s, &one, NULL, 0, NULL, 0, &err), GZ_OK);
        assert_int_equal(one.version, 2);
        two.title = "Edited by two";
        assert_int_equal(gz_store_article_save(s, &two, NULL, 0, NULL, 0, &err), GZ_ECONFLICT);
        assert_non_null(strstr(err.msg, "version 2"));

        struct gz_arena *a = gz_arena_new(4096);
        struct gz_article *got;
        assert_int_equal(gz_store_article_get(s, a, ar.id, NULL, NULL, &got, &err), GZ_OK);
        assert_string_equal(got->title, "Edited by one");
        assert_int_equal(got->version, 2);

        struct gz_article dup = draft("first");
        assert_int_equal(gz_store_article_save(s, &dup, NULL, 0, NULL, 0, &err), GZ_ECONFLICT);
        assert_false(gz_store_slug_free(s, "en", "first", 0));
        assert_true(gz_store_slug_free(s, "en", "first", ar.id));
        gz_arena_free(a);
        gz_store_close(s);
}

static int
fts_rows(const char *match)
{
        sqlite3 *db;
        sqlite3_open(path, &db);
        sqlite3_stmt *st;
        sqlite3_prepare_v2(db, "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?", -1,
                           &st, NULL);
        sqlite3_bind_text(st, 1, match, -1, SQLITE_STATIC);
        sqlite3_step(st);
        int n = sqlite3_column_int(st, 0);
        sqlite3_finalize(st);
        sqlite3_close(db);
        return n;
}

static void
search_index_follows_the_published_state(void **state)
{
        (void)state;
        struct gz_store *s = open_new();
        struct gz_error err;
        struct gz_article ar = draft("harbour");
        ar.body_text = "Cranes at the harbour";
        assert_int_equal(gz_store_article_save(s, &ar, NULL, 0, NULL, 0, &err), GZ_OK);
        assert_int_equal(fts_rows("cranes"), 0);
        ar.status = GZ_STATUS_PUBLISHED;
        ar.published_at = gz_now();
        assert_int_equal(gz_store_article_save(s, &ar, NULL, 0, NULL, 0, &err), GZ_OK);
        assert_int_equal(fts_rows("cranes"), 1);
        ar.status = GZ_STATUS_UNPUBLISHED;
        assert_int_equal(gz_store_article_save(s, &ar, NULL, 0, NULL, 0, &err), GZ_OK);
        assert_int_equal(fts_rows("cranes"), 0);
        gz_store_close(s);
}

static void
listings_filter_and_count(void **state)
{
        (void)state;
        struct gz_store *s = open_new();
        struct gz_error err;
        struct gz_section news = {.slug = "news", .path = "news", .name = "News"};
        assert_int_equal(gz_store_section_save(s, &news, &err), GZ_OK);
        int64_t tag;
        assert_int_equal(gz_store_tag_ensure(s, "budget", "Budget", &tag, &err), GZ_OK);
        struct gz_author au = {
            .kind = GZ_AUTHOR_ORGANIZATION, .slug = "council", .name = "City Council"};
        assert_int_equal(gz_store_author_save(s, &au, &err), GZ_OK);
        for (int i = 0; i < 25; i++) {
                char slug[32];
                snprintf(slug, sizeof(slug), "story-%d", i);
                struct gz_article ar = draft(slug);
                ar.status = i % 5 == 0 ? GZ_STATUS_DRAFT : GZ_STATUS_PUBLISHED;
                ar.published_at = 1000000 + i;
                ar.section_id = i % 2 ? news.id : 0;
                assert_int_equal(gz_store_article_save(s, &ar, &au.id, i % 3 == 0 ? 1 : 0, &tag,
                                                       i % 4 == 0 ? 1 : 0, &err),
                                 GZ_OK);
        }
        struct gz_arena *a = gz_arena_new(4096);
        struct gz_article_query q = {
            .lang = "en", .status = GZ_STATUS_PUBLISHED, .kind = -1, .limit = 10};
        struct gz_article *list;
        size_t n, total;
        assert_int_equal(gz_store_articles(s, a, &q, &list, &n, &total, &err), GZ_OK);
        assert_int_equal(n, 10);
        assert_int_equal(total, 20);
        assert_string_equal(list[0].slug, "story-24"); /* newest first */
        q.section_ids = &news.id;
        q.section_count = 1;
        assert_int_equal(gz_store_articles(s, a, &q, &list, &n, &total, &err), GZ_OK);
        assert_int_equal(total, 10); /* odd ones, minus drafts 5 and 15 */
        q.section_count = 0;
        q.author_id = au.id;
        q.limit = 100;
        assert_int_equal(gz_store_articles(s, a, &q, &list, &n, &total, &err), GZ_OK);
        assert_int_equal(n, 7); /* multiples of 3 that are not drafts: 3,6,9,12,18,21,24 */
        assert_int_equal(list[0].author_count, 1);
        assert_string_equal(list[0].authors[0].name, "City Council");
        assert_int_equal(list[0].authors[0].kind, GZ_AUTHOR_ORGANIZATION);
        q.author_id = 0;
        q.tag_id = tag;
        assert_int_equal(gz_store_articles(s, a, &q, &list, &n, &total, &err), GZ_OK);
        assert_int_equal(n, 5); /* 4, 8, 12, 16, 24: 0 and 20 are drafts */

        /* Totals are remembered between pages, and forgotten when the
         * database changes: page 2 of the whole list, then a new article. */
        q.tag_id = 0;
        q.limit = 10;
        q.offset = 10;
        assert_int_equal(gz_store_articles(s, a, &q, &list, &n, &total, &err), GZ_OK);
        assert_int_equal(total, 20);
        assert_int_equal(gz_store_articles(s, a, &q, &list, &n, &total, &err), GZ_OK);
        assert_int_equal(total, 20);
        struct gz_article late = draft("story-late");
        late.status = GZ_STATUS_PUBLISHED;
        late.published_at = 2000000;
        assert_int_equal(gz_store_article_save(s, &late, NULL, 0, NULL, 0, &err), GZ_OK);
        assert_int_equal(gz_store_articles(s, a, &q, &list, &n, &total, &err), GZ_OK);
        assert_int_equal(total, 21);
        gz_arena_free(a);
        gz_store_close(s);
}

static void
sections_move_with_their_children(void **state)
{
        (void)state;
        struct gz_store *s = open_new();
        struct gz_error err;
        struct gz_section news = {.slug = "news", .path = "news", .name = "News"};
        assert_int_equal(gz_store_section_save(s, &news, &err), GZ_OK);
        struct gz_section city = {
            .parent_id = news.id, .slug = "city", .path = "news/city", .name = "City"};
        assert_int_equal(gz_store_section_save(s, &city, &err), GZ_OK);
        struct gz_section again = {.slug = "news", .path = "news", .name = "Again"};
        assert_int_equal(gz_store_section_save(s, &again, &err), GZ_ECONFLICT);
        news.slug = "local";
        news.path = "local";
        assert_int_equal(gz_store_section_save(s, &news, &err), GZ_OK);
        struct gz_arena *a = gz_arena_new(4096);
        struct gz_section *all;
        size_t n;
        assert_int_equal(gz_store_sections(s, a, &all, &n, &err), GZ_OK);
        assert_int_equal(n, 2);
        assert_string_equal(all[0].path, "local");
        assert_string_equal(all[1].path, "local/city");
        /* A section with children cannot go. */
        assert_int_equal(gz_store_section_delete(s, news.id, &err), GZ_ECONFLICT);
        assert_int_equal(gz_store_section_delete(s, city.id, &err), GZ_OK);
        assert_int_equal(gz_store_section_delete(s, news.id, &err), GZ_OK);
        gz_arena_free(a);
        gz_store_close(s);
}

static void
transactions_roll_back_everything(void **state)
{
        (void)state;
        struct gz_store *s = open_new();
        struct gz_error err;
        assert_int_equal(gz_store_tx_begin(s, &err), GZ_OK);
        struct gz_article ar = draft("inside");
        assert_int_equal(gz_store_article_save(s, &ar, NULL, 0, NULL, 0, &err), GZ_OK);
        /* Reads inside the transaction see it. */
        assert_false(gz_store_slug_free(s, "en", "inside", 0));
        gz_store_tx_rollback(s);
        assert_true(gz_store_slug_free(s, "en", "inside", 0));
        gz_store_close(s);
}

static void
settings_and_redirects(void **state)
{
        (void)state;
        struct gz_store *s = open_new();
        struct gz_error err;
        struct gz_arena *a = gz_arena_new(1024);
        assert_null(gz_store_setting_get(s, a, "name"));
        assert_int_equal(gz_store_setting_set(s, "name", "Courier", &err), GZ_OK);
        assert_int_equal(gz_store_setting_set(s, "name", "Herald", &err), GZ_OK);
        assert_string_equal(gz_store_setting_get(s, a, "name"), "Herald");
        int status = 0;
        assert_int_equal(gz_store_redirect_set(s, "/?p=12", "/2024/05/x/", 301, &err), GZ_OK);
        assert_string_equal(gz_store_redirect_get(s, a, "/?p=12", &status), "/2024/05/x/");
        assert_int_equal(status, 301);
        assert_null(gz_store_redirect_get(s, a, "/?p=13", &status));
        gz_arena_free(a);
        gz_store_close(s);
}

int
main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test_setup_teardown(open_creates_and_migrates_once, fresh, cleanup),
            cmocka_unit_test_setup_teardown(missing_file_is_not_found, fresh, cleanup),
            cmocka_unit_test_setup_teardown(garbage_file_is_refused_clearly, fresh, cleanup),
            cmocka_unit_test_setup_teardown(another_programs_database_is_refused, fresh, cleanup),
            cmocka_unit_test_setup_teardown(articles_save_with_versions, fresh, cleanup),
            cmocka_unit_test_setup_teardown(search_index_follows_the_published_state, fresh,
                                            cleanup),
            cmocka_unit_test_setup_teardown(listings_filter_and_count, fresh, cleanup),
            cmocka_unit_test_setup_teardown(sections_move_with_their_children, fresh, cleanup),
            cmocka_unit_test_setup_teardown(transactions_roll_back_everything, fresh, cleanup),
            cmocka_unit_test_setup_teardown(settings_and_redirects, fresh, cleanup),
        };
        return cmocka_run_group_tests_name("store", tests, NULL, NULL);
}
