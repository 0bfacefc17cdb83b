/* Archives over real HTTP: the index with every year and month and their
 * counts, year and month pages listing exactly the articles under their
 * addresses with pages and rel links, the article's date leading there,
 * and the dependencies the pages record. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cache/cache.h"
#include "lib/harness.h"
#include "site/site.h"

static struct gz_test_server server;
static char site_dir[512];

#define has(r, s) assert_true(gz_test_contains((r)->body, (r)->len, (s)))
#define lacks(r, s) assert_false(gz_test_contains((r)->body, (r)->len, (s)))

struct month {
        int year, month, count;
};

/* Published articles (not pages) per UTC month, newest first. */
static size_t
db_months(struct month *out, size_t max)
{
        char path[700];
        snprintf(path, sizeof(path), "%s/gazette.db", site_dir);
        sqlite3 *db;
        sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL);
        sqlite3_stmt *st;
        size_t n = 0;
        sqlite3_prepare_v2(db,
                           "SELECT strftime('%Y', published_at, 'unixepoch'), strftime('%m', "
                           "published_at, 'unixepoch'), count(*) FROM articles WHERE status = "
                           "'published' AND kind != 'page' AND deleted_at IS NULL AND lang = "
                           "'en' GROUP BY 1, 2 ORDER BY 1 DESC, 2 DESC",
                           -1, &st, NULL);
        while (n < max && sqlite3_step(st) == SQLITE_ROW) {
                out[n].year = atoi((const char *)sqlite3_column_text(st, 0));
                out[n].month = atoi((const char *)sqlite3_column_text(st, 1));
                out[n].count = sqlite3_column_int(st, 2);
                n++;
        }
        sqlite3_finalize(st);
        sqlite3_close(db);
        return n;
}

static void
get_ok(const char *path, struct gz_test_resp *r)
{
        assert_int_equal(gz_test_get(&server, path, r), 0);
        if (r->status != 200)
                fprintf(stderr, "GET %s: %ld\n", path, r->status);
        assert_int_equal(r->status, 200);
}

static const char *const month_names[] = {"January",   "February", "March",    "April",
                                          "May",       "June",     "July",     "August",
                                          "September", "October",  "November", "December"};

static void
the_index_shows_every_year_and_month_with_counts(void **state)
{
        (void)state;
        struct month months[200];
        size_t n = db_months(months, 200);
        assert_true(n >= 3);
        struct gz_test_resp r;
        get_ok("/archive/", &r);
        has(&r, "<h1>Archive</h1>");
        int total = 0;
        for (size_t i = 0; i < n; i++) {
                char cell[256];
                snprintf(cell, sizeof(cell),
                         "<a href=\"/%04d/%02d/\" aria-label=\"%s %04d\"><span "
                         "class=\"month\">%s</span> <span class=\"count\">%d</span></a>",
                         months[i].year, months[i].month, month_names[months[i].month - 1],
                         months[i].year, month_names[months[i].month - 1], months[i].count);
                if (!gz_test_contains(r.body, r.len, cell))
                        fprintf(stderr, "missing %s\n", cell);
                has(&r, cell);
                total += months[i].count;
        }
        /* Twelve cells for each year; months without articles have no link. */
        size_t years = 0;
        for (size_t i = 0; i < n; i++)
                years += i == 0 || months[i].year != months[i - 1].year;
        assert_int_equal(gz_test_count(r.body, r.len, "<ol class=\"calendar\">"), years);
        assert_int_equal(gz_test_count(r.body, r.len, "<span class=\"month\">"), 12 * years);
        assert_int_equal(gz_test_count(r.body, r.len, "<li class=\"none\">"), 12 * years - n);
        char total_text[64];
        snprintf(total_text, sizeof(total_text), "%d articles in the archive", total);
        has(&r, total_text);
        gz_test_resp_free(&r);
}

static void
month_and_year_pages_list_exactly_their_articles(void **state)
{
        (void)state;
        struct month months[200];
        size_t n = db_months(months, 200);
        for (size_t i = 0; i < n; i++) {
                char path[64];
                snprintf(path, sizeof(path), "/%04d/%02d/", months[i].year, months[i].month);
                struct gz_test_resp r;
                get_ok(path, &r);
                int shown = (int)gz_test_count(r.body, r.len, "<li class=\"card");
                assert_int_equal(shown, months[i].count < 20 ? months[i].count : 20);
                /* Every card links into this month. */
                char link[160];
                snprintf(link, sizeof(link), "<h3 class=\"card-title\"><a href=\"%s", path);
                assert_int_equal(gz_test_count(r.body, r.len, link), (size_t)shown);
                char heading[96];
                snprintf(heading, sizeof(heading), "<h1>%s %04d</h1>",
                         month_names[months[i].month - 1], months[i].year);
                has(&r, heading);
                has(&r, "<p class=\"kicker\">Archive</p>");
                gz_test_resp_free(&r);
        }
        /* A year lists the sum of its months. */
        int year = months[0].year, sum = 0;
        for (size_t i = 0; i < n; i++)
                if (months[i].year == year)
                        sum += months[i].count;
        char path[32];
        snprintf(path, sizeof(path), "/%04d/", year);
        struct gz_test_resp r;
        get_ok(path, &r);
        assert_int_equal(gz_test_count(r.body, r.len, "<li class=\"card"), sum < 20 ? sum : 20);
        char chip[128];
        snprintf(chip, sizeof(chip), "<li><a href=\"/%04d/%02d/\">%s</a> <small>(%d)</small></li>",
                 months[0].year, months[0].month, month_names[months[0].month - 1],
                 months[0].count);
        has(&r, chip);
        gz_test_resp_free(&r);
        /* Nothing there: not found. */
        static const char *const missing[] = {"/1999/", "/1999/01/", "/2026/13/", "/2026/00/",
                                              "/0999/"};
        for (size_t i = 0; i < sizeof(missing) / sizeof(missing[0]); i++) {
                assert_int_equal(gz_test_get(&server, missing[i], &r), 0);
                assert_int_equal(r.status, 404);
                gz_test_resp_free(&r);
        }
        assert_int_equal(gz_test_get(&server, "/2026/11", &r), 0);
        assert_int_equal(r.status, 301);
        assert_string_equal(gz_test_header(&r, "Location"), "/2026/11/");
        gz_test_resp_free(&r);
}

static void
archive_pages_paginate_with_rel_links(void **state)
{
        (void)state;
        char cmd[1024];
        snprintf(cmd, sizeof(cmd), "'%s' settings '%s' per_page 2", gz_test_bin(), site_dir);
        assert_int_equal(gz_test_run(cmd, NULL), 0);
        gz_test_server_stop(&server);
        gz_test_server_start(&server, site_dir, NULL);
        struct month months[200];
        db_months(months, 200);
        char base[32], link[160];
        snprintf(base, sizeof(base), "/%04d/%02d/", months[0].year, months[0].month);
        assert_true(months[0].count > 4);
        struct gz_test_resp r;
        get_ok(base, &r);
        snprintf(link, sizeof(link), "<link rel=\"next\" href=\"http://127.0.0.1:8080%s?page=2\">",
                 base);
        has(&r, link);
        lacks(&r, "rel=\"prev\"");
        assert_int_equal(gz_test_count(r.body, r.len, "<li class=\"card"), 2);
        gz_test_resp_free(&r);
        char page[96];
        snprintf(page, sizeof(page), "%s?page=2", base);
        get_ok(page, &r);
        snprintf(link, sizeof(link), "<link rel=\"prev\" href=\"http://127.0.0.1:8080%s\">", base);
        has(&r, link);
        snprintf(link, sizeof(link),
                 "<link rel=\"canonical\" href=\"http://127.0.0.1:8080%s?page=2\">", base);
        has(&r, link);
        gz_test_resp_free(&r);
        int last = (months[0].count + 1) / 2;
        snprintf(page, sizeof(page), "%s?page=%d", base, last + 1);
        assert_int_equal(gz_test_get(&server, page, &r), 0);
        assert_int_equal(r.status, 404);
        gz_test_resp_free(&r);
        snprintf(cmd, sizeof(cmd), "'%s' settings '%s' per_page 20", gz_test_bin(), site_dir);
        assert_int_equal(gz_test_run(cmd, NULL), 0);
        gz_test_server_stop(&server);
        gz_test_server_start(&server, site_dir, NULL);
}

static void
article_dates_lead_to_their_month(void **state)
{
        (void)state;
        struct gz_test_resp r;
        get_ok("/", &r);
        const char *at = strstr(r.body, "<h2 id=\"lead-title\" class=\"lead-title\"><a href=\"");
        assert_non_null(at);
        char path[256];
        sscanf(at + strlen("<h2 id=\"lead-title\" class=\"lead-title\"><a href=\""), "%255[^\"]",
               path);
        gz_test_resp_free(&r);
        get_ok(path, &r);
        char link[128];
        snprintf(link, sizeof(link), "\"><a class=\"date-link\" href=\"%.9s\">", path);
        has(&r, link);
        gz_test_resp_free(&r);
        get_ok("/", &r);
        has(&r, "<a href=\"/archive/\">Archive</a>");
        gz_test_resp_free(&r);
}

static bool
has_dep(const struct gz_deps *d, const char *name)
{
        uint64_t key = gz_cache_dep("%s", name);
        for (size_t i = 0; i < d->count; i++)
                if (d->keys[i] == key)
                        return true;
        return false;
}

static void
archive_pages_record_their_keys(void **state)
{
        (void)state;
        char path[700];
        snprintf(path, sizeof(path), "%s/gazette.db", site_dir);
        struct gz_store *store;
        struct gz_site *site;
        struct gz_error err;
        assert_int_equal(gz_store_open(path, 0, &store, &err), GZ_OK);
        struct gz_site_options opt = {.dir = site_dir, .store = store};
        assert_int_equal(gz_site_open(&opt, &site, &err), GZ_OK);
        static const struct {
                const char *path;
                const char *keys[3];
        } cases[] = {
            {"/archive/", {"archive:en", NULL, NULL}},
            {"/2026/", {"archive:en:2026", NULL, NULL}},
            {"/2026/11/", {"archive:en:2026-11", "archive:en:2026", NULL}},
        };
        for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
                struct gz_arena *a = gz_arena_new(64 * 1024);
                struct gz_req req = {.arena = a,
                                     .method = GZ_GET,
                                     .method_name = "GET",
                                     .path = cases[i].path,
                                     .raw_path = cases[i].path,
                                     .query = "",
                                     .client_ip = "127.0.0.1",
                                     .peer_ip = "127.0.0.1",
                                     .now = gz_now()};
                struct gz_resp resp;
                gz_resp_init(&resp);
                struct gz_deps deps = {.arena = a};
                gz_site_handle(site, &req, &resp, &deps);
                assert_int_equal(resp.status, 200);
                assert_true(deps.cacheable);
                for (size_t k = 0; k < 3 && cases[i].keys[k]; k++)
                        assert_true(has_dep(&deps, cases[i].keys[k]));
                gz_arena_free(a);
        }
        gz_site_close(site);
        gz_store_close(store);
}

static int
setup(void **state)
{
        (void)state;
        gz_test_demo_site(site_dir, sizeof(site_dir));
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
            cmocka_unit_test(the_index_shows_every_year_and_month_with_counts),
            cmocka_unit_test(month_and_year_pages_list_exactly_their_articles),
            cmocka_unit_test(archive_pages_paginate_with_rel_links),
            cmocka_unit_test(article_dates_lead_to_their_month),
            cmocka_unit_test(archive_pages_record_their_keys),
        };
        return cmocka_run_group_tests_name("archive", tests, setup, teardown);
}
