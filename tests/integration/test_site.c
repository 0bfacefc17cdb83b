/* The public site over real HTTP: every page type of the demo newsroom and
 * the parts each must show. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "lib/harness.h"

static struct gz_test_server server;
static char site_dir[512];

/* The first value of a column for a query on the site's database. */
static char *
db_value(const char *sql)
{
        char path[700];
        snprintf(path, sizeof(path), "%s/gazette.db", site_dir);
        sqlite3 *db;
        sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL);
        sqlite3_stmt *st;
        char *value = NULL;
        if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK) {
                if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
                        value = strdup((const char *)sqlite3_column_text(st, 0));
                sqlite3_finalize(st);
        }
        sqlite3_close(db);
        return value;
}

/* The address of the newest published article of a kind. */
static char *
article_url(const char *kind)
{
        char sql[512];
        snprintf(sql, sizeof(sql),
                 "SELECT strftime('/%%Y/%%m/', published_at, 'unixepoch') || slug || '/' "
                 "FROM articles WHERE kind = '%s' AND status = 'published' "
                 "ORDER BY published_at DESC LIMIT 1",
                 kind);
        return db_value(sql);
}

static void
get_ok(const char *path, struct gz_test_resp *r)
{
        assert_int_equal(gz_test_get(&server, path, r), 0);
        if (r->status != 200)
                fprintf(stderr, "GET %s: %ld\n", path, r->status);
        assert_int_equal(r->status, 200);
        const char *ct = gz_test_header(r, "Content-Type");
        assert_non_null(ct);
        assert_string_equal(ct, "text/html; charset=utf-8");
}

#define has(r, s) assert_true(gz_test_contains((r)->body, (r)->len, (s)))
#define lacks(r, s) assert_false(gz_test_contains((r)->body, (r)->len, (s)))

static void
every_page_has_date_bar_navigation_and_footer(void **state)
{
        (void)state;
        struct gz_test_resp r;
        get_ok("/", &r);
        /* Today in the site's zone (the demo uses UTC). */
        char today[64];
        time_t now = time(NULL);
        strftime(today, sizeof(today), "<time class=\"today\" datetime=\"%Y-%m-%d\">",
                 gmtime(&now));
        has(&r, today);
        has(&r, "The Northgate Courier");
        has(&r, "<nav class=\"sections\" aria-label=\"Sections\">");
        has(&r, "<ul class=\"sub\">"); /* subsections */
        has(&r, "href=\"/news/city/\"");
        has(&r, "<footer class=\"site-footer\">");
        has(&r, "href=\"/about/\"");
        has(&r, "href=\"/contact/\"");
        has(&r, "<a class=\"skip\" href=\"#main\">");
        has(&r, "<main id=\"main\"");
        has(&r, "<html lang=\"en\" dir=\"ltr\">");
        gz_test_resp_free(&r);
}

static void
home_has_lead_latest_and_section_blocks(void **state)
{
        (void)state;
        struct gz_test_resp r;
        get_ok("/", &r);
        has(&r, "<section class=\"lead\"");
        has(&r, "<picture>");
        has(&r, "<section class=\"latest\"");
        assert_true(gz_test_count(r.body, r.len, "<section class=\"block\"") >= 3);
        has(&r, "<h2 id=\"block-news\" class=\"block-title\"><a href=\"/news/\">News</a></h2>");
        gz_test_resp_free(&r);
}

static void
section_pages_have_breadcrumb_and_articles(void **state)
{
        (void)state;
        struct gz_test_resp r;
        get_ok("/news/", &r);
        has(&r, "<nav class=\"breadcrumb\" aria-label=\"Breadcrumb\">\n<ol>");
        has(&r, "<li><a href=\"/\">Home</a></li>");
        has(&r, "<span aria-current=\"page\">News</span>");
        has(&r, "<h1>News</h1>");
        has(&r, "<li class=\"card");
        has(&r, "href=\"/news/city/\""); /* subsection links */
        gz_test_resp_free(&r);
        get_ok("/news/city/", &r);
        has(&r, "<li><a href=\"/news/\">News</a></li>");
        has(&r, "<span aria-current=\"page\">City</span>");
        gz_test_resp_free(&r);
}

static void
section_pages_paginate_with_rel_links(void **state)
{
        (void)state;
        /* Two per page makes every section span pages. */
        char cmd[1024];
        snprintf(cmd, sizeof(cmd), "'%s' settings '%s' per_page 2", gz_test_bin(), site_dir);
        assert_int_equal(gz_test_run(cmd, NULL), 0);
        gz_test_server_stop(&server);
        gz_test_server_start(&server, site_dir, NULL);
        struct gz_test_resp r;
        get_ok("/news/", &r);
        has(&r, "<link rel=\"next\" href=\"http://127.0.0.1:8080/news/?page=2\">");
        has(&r, "<a rel=\"next\" href=\"/news/?page=2\">");
        lacks(&r, "rel=\"prev\"");
        assert_int_equal(gz_test_count(r.body, r.len, "<li class=\"card"), 2);
        gz_test_resp_free(&r);
        get_ok("/news/?page=2", &r);
        has(&r, "<link rel=\"prev\" href=\"http://127.0.0.1:8080/news/\">");
        has(&r, "<a rel=\"prev\" href=\"/news/\">");
        gz_test_resp_free(&r);
        assert_int_equal(gz_test_get(&server, "/news/?page=999", &r), 0);
        assert_int_equal(r.status, 404);
        gz_test_resp_free(&r);
        assert_int_equal(gz_test_get(&server, "/news/?page=abc", &r), 0);
        assert_int_equal(r.status, 404);
        gz_test_resp_free(&r);
        snprintf(cmd, sizeof(cmd), "'%s' settings '%s' per_page 20", gz_test_bin(), site_dir);
        assert_int_equal(gz_test_run(cmd, NULL), 0);
        gz_test_server_stop(&server);
        gz_test_server_start(&server, site_dir, NULL);
}

static void
article_page_has_every_part(void **state)
{
        (void)state;
        char *url = db_value("SELECT strftime('/%Y/%m/', a.published_at, 'unixepoch') || a.slug "
                             "|| '/' FROM articles a JOIN sections s ON s.id = a.section_id "
                             "WHERE a.kind = 'news' AND a.status = 'published' AND "
                             "s.parent_id IS NOT NULL AND a.featured_media_id IS NOT NULL AND "
                             "EXISTS (SELECT 1 FROM article_tags t WHERE t.article_id = a.id) "
                             "ORDER BY a.published_at DESC LIMIT 1");
        assert_non_null(url);
        struct gz_test_resp r;
        get_ok(url, &r);
        has(&r, "<nav class=\"breadcrumb\" aria-label=\"Breadcrumb\">\n<ol>\n<li><a href=\"/\">"
                "Home</a></li>");
        assert_int_equal(gz_test_count(r.body, r.len, "<h1"), 1);
        has(&r, "<h1 class=\"article-title\">");
        has(&r, "<p class=\"byline\">By <a class=\"author person\" href=\"/author/");
        has(&r, "rel=\"author\"");
        has(&r, "<p class=\"dates\"><time datetime=\"");
        has(&r, "<figure class=\"featured\">\n<picture>");
        has(&r, "<figcaption>");
        has(&r, "<small class=\"credit\">");
        has(&r, " alt=\"");
        has(&r, "<div class=\"body\">\n<p>");
        has(&r, "rel=\"tag\"");
        has(&r, "href=\"/tag/");
        has(&r, "<aside class=\"related\"");
        has(&r, "<link rel=\"canonical\" href=\"http://127.0.0.1:8080");
        free(url);
        gz_test_resp_free(&r);
}

static void
statement_has_signature_block_and_its_own_date(void **state)
{
        (void)state;
        char *url = article_url("statement");
        assert_non_null(url);
        struct gz_test_resp r;
        get_ok(url, &r);
        has(&r, "<article class=\"article kind-statement\"");
        has(&r, "<p class=\"kicker\">Statement</p>");
        has(&r, "<footer class=\"signature\">");
        has(&r, "<p class=\"signed\"><span>");
        has(&r, "<p class=\"statement-date\">Statement dated <time datetime=\"");
        has(&r, "<ol>"); /* numbered points */
        has(&r, "class=\"author organization\"");
        free(url);
        gz_test_resp_free(&r);
}

static void
tag_author_and_static_pages(void **state)
{
        (void)state;
        char *tag = db_value("SELECT t.slug FROM tags t JOIN article_tags at ON at.tag_id = t.id "
                             "GROUP BY t.id ORDER BY count(*) DESC LIMIT 1");
        char path[512];
        snprintf(path, sizeof(path), "/tag/%s/", tag);
        struct gz_test_resp r;
        get_ok(path, &r);
        has(&r, "<p class=\"kicker\">Tag</p>");
        has(&r, "<li class=\"card");
        gz_test_resp_free(&r);
        free(tag);

        char *org = db_value("SELECT slug FROM authors WHERE kind = 'organization' LIMIT 1");
        snprintf(path, sizeof(path), "/author/%s/", org);
        get_ok(path, &r);
        has(&r, "<p class=\"kicker\">Organization</p>");
        has(&r, "<div class=\"author-photo\"><picture>");
        has(&r, "<p class=\"bio\">");
        lacks(&r, "mailto:"); /* no email of anybody (JSON-LD's "@type" is fine) */
        lacks(&r, "@example.org");
        gz_test_resp_free(&r);
        free(org);

        get_ok("/about/", &r);
        has(&r, "<article class=\"article page\"");
        gz_test_resp_free(&r);
        get_ok("/contact/", &r);
        gz_test_resp_free(&r);
}

static void
missing_pages_are_404_with_the_path_escaped(void **state)
{
        (void)state;
        struct gz_test_resp r;
        assert_int_equal(gz_test_get(&server, "/no-such-page-%3Cscript%3Ealert(1)/", &r), 0);
        assert_int_equal(r.status, 404);
        has(&r, "Page not found");
        has(&r, "&lt;script&gt;alert(1)");
        lacks(&r, "<script>alert");
        has(&r, "<meta name=\"robots\" content=\"noindex\">");
        gz_test_resp_free(&r);
        assert_int_equal(gz_test_get(&server, "/2020/01/no-such-article/", &r), 0);
        assert_int_equal(r.status, 404);
        gz_test_resp_free(&r);
        assert_int_equal(gz_test_get(&server, "/tag/no-such-tag/", &r), 0);
        assert_int_equal(r.status, 404);
        gz_test_resp_free(&r);
}

static void
addresses_without_slash_move_permanently(void **state)
{
        (void)state;
        struct gz_test_resp r;
        assert_int_equal(gz_test_get(&server, "/news", &r), 0);
        assert_int_equal(r.status, 301);
        assert_string_equal(gz_test_header(&r, "Location"), "/news/");
        gz_test_resp_free(&r);
        assert_int_equal(gz_test_get(&server, "/about", &r), 0);
        assert_int_equal(r.status, 301);
        assert_string_equal(gz_test_header(&r, "Location"), "/about/");
        gz_test_resp_free(&r);
        assert_int_equal(gz_test_get(&server, "/nothing-here", &r), 0);
        assert_int_equal(r.status, 404);
        gz_test_resp_free(&r);
}

static void
article_in_a_wrong_month_moves_to_its_address(void **state)
{
        (void)state;
        char *url = article_url("news");
        char *slug = strrchr(url, '/');
        *slug = '\0';
        slug = strrchr(url, '/') + 1;
        char wrong[512];
        snprintf(wrong, sizeof(wrong), "/1999/01/%s/", slug);
        struct gz_test_resp r;
        assert_int_equal(gz_test_get(&server, wrong, &r), 0);
        assert_int_equal(r.status, 301);
        assert_non_null(strstr(gz_test_header(&r, "Location"), slug));
        gz_test_resp_free(&r);
        free(url);
}

static void
conditional_get_and_head(void **state)
{
        (void)state;
        struct gz_test_resp r;
        get_ok("/", &r);
        const char *etag = gz_test_header(&r, "ETag");
        assert_non_null(etag);
        char inm[300];
        snprintf(inm, sizeof(inm), "If-None-Match: %s", etag);
        size_t full_len = r.len;
        assert_non_null(gz_test_header(&r, "Cache-Control"));
        gz_test_resp_free(&r);
        const char *headers[] = {inm, NULL};
        assert_int_equal(gz_test_request(&server, "GET", "/", headers, NULL, 0, &r), 0);
        assert_int_equal(r.status, 304);
        assert_int_equal(r.len, 0);
        gz_test_resp_free(&r);
        assert_int_equal(gz_test_request(&server, "HEAD", "/", NULL, NULL, 0, &r), 0);
        assert_int_equal(r.status, 200);
        assert_int_equal(r.len, 0);
        char expect[64];
        snprintf(expect, sizeof(expect), "%zu", full_len);
        assert_string_equal(gz_test_header(&r, "Content-Length"), expect);
        assert_non_null(gz_test_header(&r, "Date"));
        gz_test_resp_free(&r);
}

static void
assets_are_fingerprinted_small_and_cached_for_good(void **state)
{
        (void)state;
        struct gz_test_resp r;
        get_ok("/", &r);
        const char *at = strstr(r.body, "<link rel=\"stylesheet\" href=\"/assets/style.");
        assert_non_null(at);
        char href[128];
        sscanf(at + strlen("<link rel=\"stylesheet\" href=\""), "%127[^\"]", href);
        gz_test_resp_free(&r);
        assert_int_equal(gz_test_get(&server, href, &r), 0);
        assert_int_equal(r.status, 200);
        assert_string_equal(gz_test_header(&r, "Content-Type"), "text/css; charset=utf-8");
        assert_string_equal(gz_test_header(&r, "Cache-Control"),
                            "public, max-age=31536000, immutable");
        assert_true(r.len > 1000 && r.len < 20 * 1024);
        lacks(&r, "url(http"); /* no external assets */
        lacks(&r, "@import");
        gz_test_resp_free(&r);
        assert_int_equal(gz_test_get(&server, "/assets/style.0000000000.css", &r), 0);
        assert_int_equal(r.status, 404);
        gz_test_resp_free(&r);
}

static void
media_files_are_served_and_traversal_refused(void **state)
{
        (void)state;
        struct gz_test_resp r;
        get_ok("/", &r);
        const char *at = strstr(r.body, "src=\"/media/");
        assert_non_null(at);
        char src[256];
        sscanf(at + 5, "%255[^\"]", src);
        gz_test_resp_free(&r);
        assert_int_equal(gz_test_get(&server, src, &r), 0);
        assert_int_equal(r.status, 200);
        assert_string_equal(gz_test_header(&r, "Content-Type"), "image/jpeg");
        assert_true(r.len > 1000);
        assert_true((unsigned char)r.body[0] == 0xFF && (unsigned char)r.body[1] == 0xD8);
        gz_test_resp_free(&r);
        assert_int_equal(gz_test_get(&server, "/media/..%2Fgazette.db", &r), 0);
        assert_int_equal(r.status, 404);
        gz_test_resp_free(&r);
        assert_int_equal(gz_test_get(&server, "/media/../gazette.db", &r), 0);
        assert_true(r.status == 404 || r.status == 400);
        gz_test_resp_free(&r);
}

static void
every_response_has_security_headers(void **state)
{
        (void)state;
        struct gz_test_resp r;
        get_ok("/", &r);
        const char *csp = gz_test_header(&r, "Content-Security-Policy");
        assert_non_null(csp);
        assert_non_null(strstr(csp, "default-src 'self'"));
        assert_null(strstr(csp, "unsafe-inline"));
        assert_string_equal(gz_test_header(&r, "X-Content-Type-Options"), "nosniff");
        assert_string_equal(gz_test_header(&r, "Referrer-Policy"),
                            "strict-origin-when-cross-origin");
        assert_non_null(gz_test_header(&r, "Permissions-Policy"));
        lacks(&r, "<script>"); /* no inline script */
        gz_test_resp_free(&r);
        assert_int_equal(gz_test_get(&server, "/healthz", &r), 0);
        assert_int_equal(r.status, 200);
        gz_test_resp_free(&r);
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
            cmocka_unit_test(every_page_has_date_bar_navigation_and_footer),
            cmocka_unit_test(home_has_lead_latest_and_section_blocks),
            cmocka_unit_test(section_pages_have_breadcrumb_and_articles),
            cmocka_unit_test(section_pages_paginate_with_rel_links),
            cmocka_unit_test(article_page_has_every_part),
            cmocka_unit_test(statement_has_signature_block_and_its_own_date),
            cmocka_unit_test(tag_author_and_static_pages),
            cmocka_unit_test(missing_pages_are_404_with_the_path_escaped),
            cmocka_unit_test(addresses_without_slash_move_permanently),
            cmocka_unit_test(article_in_a_wrong_month_moves_to_its_address),
            cmocka_unit_test(conditional_get_and_head),
            cmocka_unit_test(assets_are_fingerprinted_small_and_cached_for_good),
            cmocka_unit_test(media_files_are_served_and_traversal_refused),
            cmocka_unit_test(every_response_has_security_headers),
        };
        return cmocka_run_group_tests_name("site", tests, setup, teardown);
}
