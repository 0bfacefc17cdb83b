/* The search page over real HTTP: ranking, marked snippets, counts,
 * pages, filters, any query a person can type, suggestions when nothing is
 * found, Persian and Arabic, and the cache dependencies it records. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <curl/curl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cache/cache.h"
#include "content/content.h"
#include "lib/harness.h"
#include "site/site.h"

static struct gz_test_server server;
static char site_dir[512];
static int64_t okapi_ids[3];
static int64_t ar_id, fa_id;
static char author_slug[128];

#define has(r, s) assert_true(gz_test_contains((r)->body, (r)->len, (s)))
#define lacks(r, s) assert_false(gz_test_contains((r)->body, (r)->len, (s)))

static char *
enc(const char *s)
{
        char *e = curl_easy_escape(NULL, s, 0);
        char *copy = strdup(e);
        curl_free(e);
        return copy;
}

static void
get(const char *path, struct gz_test_resp *r)
{
        assert_int_equal(gz_test_get(&server, path, r), 0);
}

/* GET /search?q=QUERY&EXTRA (prefix "" or "/fa"), expecting a page. */
static void
search(const char *prefix, const char *query, const char *extra, struct gz_test_resp *r)
{
        char *q = enc(query);
        char path[16384];
        snprintf(path, sizeof(path), "%s/search?q=%s%s%s", prefix, q, extra ? "&" : "",
                 extra ? extra : "");
        free(q);
        get(path, r);
        if (r->status != 200)
                fprintf(stderr, "GET %s: %ld\n", path, r->status);
        assert_int_equal(r->status, 200);
        assert_string_equal(gz_test_header(r, "Content-Type"), "text/html; charset=utf-8");
}

static void
expect_count(const struct gz_test_resp *r, const char *query, int count)
{
        char text[512];
        if (count == 0)
                snprintf(text, sizeof(text), "Nothing found for “%s”", query);
        else if (count == 1)
                snprintf(text, sizeof(text), "1 result for “%s”", query);
        else
                snprintf(text, sizeof(text), "%d results for “%s”", count, query);
        if (!gz_test_contains(r->body, r->len, text))
                fprintf(stderr, "expected \"%s\"\n", text);
        has(r, text);
}

/* ---- the content the tests search ----------------------------------------- */

static int64_t
publish(struct gz_content *c, struct gz_article_input in, gz_time at)
{
        in.published_at = at;
        int64_t id = 0, version = 0;
        struct gz_error err;
        if (gz_article_save(c, &in, GZ_ACTION_PUBLISH, 0, NULL, &id, &version, &err) != GZ_OK) {
                fprintf(stderr, "publish %s: %s\n", in.title, err.msg);
                exit(2);
        }
        return id;
}

static void
add_content(void)
{
        char path[700];
        snprintf(path, sizeof(path), "%s/gazette.db", site_dir);
        struct gz_store *store;
        struct gz_error err;
        if (gz_store_open(path, 0, &store, &err) != GZ_OK) {
                fprintf(stderr, "%s\n", err.msg);
                exit(2);
        }
        struct gz_language fa = {.code = "fa", .name = "فارسی", .locale = "fa", .position = 1};
        struct gz_language ar = {.code = "ar", .name = "العربية", .locale = "ar", .position = 2};
        gz_store_language_save(store, &fa, NULL);
        gz_store_language_save(store, &ar, NULL);
        struct gz_content c = {.store = store, .site_dir = site_dir};
        gz_time now = gz_now();
        publish(&c,
                (struct gz_article_input){.title = "Quokka census begins",
                                          .body_md = "Counting starts on Monday.",
                                          .section_path = "news"},
                now - 3600);
        publish(&c,
                (struct gz_article_input){
                    .title = "Notes from the bush",
                    .body_md = "A quokka, another quokka, a third quokka, and more quokka news.",
                    .section_path = "news"},
                now - 7200);
        publish(&c,
                (struct gz_article_input){
                    .title = "Garden visitors",
                    .body_md = "Beware <script>alert(1)</script> of the wombat & its friends.",
                    .section_path = "news"},
                now - 9000);
        /* Three okapi articles that differ in every filter. */
        const char *tags[] = {"Okapis"};
        struct gz_arena *a = gz_arena_new(4096);
        struct gz_author *authors;
        size_t author_count = 0;
        if (gz_store_authors(store, a, &authors, &author_count, NULL) != GZ_OK || author_count == 0)
                exit(2);
        int64_t author_id = authors[0].id;
        snprintf(author_slug, sizeof(author_slug), "%s", authors[0].slug);
        gz_arena_free(a);
        okapi_ids[0] = publish(&c,
                               (struct gz_article_input){.title = "Okapi spotted in the valley",
                                                         .body_md = "A shy okapi.",
                                                         .section_path = "news/city",
                                                         .tag_names = tags,
                                                         .tag_count = 1,
                                                         .set_tags = true,
                                                         .author_ids = &author_id,
                                                         .author_count = 1,
                                                         .set_authors = true},
                               gz_time_from_civil(2026, 1, 15, 10, 0, 0));
        okapi_ids[1] = publish(&c,
                               (struct gz_article_input){.title = "Statement on the okapi",
                                                         .kind = "statement",
                                                         .body_md = "The council's okapi policy.",
                                                         .section_path = "politics"},
                               gz_time_from_civil(2025, 6, 1, 10, 0, 0));
        okapi_ids[2] = publish(&c,
                               (struct gz_article_input){.title = "In praise of the okapi",
                                                         .kind = "opinion",
                                                         .body_md = "Striped legs, long tongue.",
                                                         .section_path = "culture"},
                               gz_time_from_civil(2024, 12, 1, 10, 0, 0));
        ar_id = publish(&c,
                        (struct gz_article_input){
                            .lang = "ar",
                            .slug = "dars",
                            .title = "الميزانيّة الجديدة",
                            .body_md = "كَتَبَ الوَلَدُ الدَّرْسَ في المدرسة. قال عليّ إنّ أحمد سيأتي.",
                            .section_path = "news"},
                        now - 600);
        fa_id =
            publish(&c,
                    (struct gz_article_input){
                        .lang = "fa",
                        .slug = "budje",
                        .title = "بودجهٔ شهرداری",
                        .body_md = "اعضای کمیته می‌خواهند بودجه را در "
                                   "سال ۱۴۰۳ بررسی کنند.",
                        .section_path = "news"},
                    now - 600);
        gz_store_close(store);
}

/* ---- tests ------------------------------------------------------------------ */

static void
titles_rank_first_and_found_words_are_marked(void **state)
{
        (void)state;
        struct gz_test_resp r;
        search("", "quokka", NULL, &r);
        expect_count(&r, "quokka", 2);
        const char *title = strstr(r.body, "Quokka census begins");
        const char *body_only = strstr(r.body, "Notes from the bush");
        assert_non_null(title);
        assert_non_null(body_only);
        assert_true(title < body_only); /* in the title beats four times in the body */
        has(&r, "<mark>quokka</mark>");
        /* The header's form keeps the query; result pages are not indexed. */
        has(&r, "name=\"q\" type=\"search\" placeholder=\"Search the archive\" value=\"quokka\"");
        has(&r, "<meta name=\"robots\" content=\"noindex\">");
        gz_test_resp_free(&r);
}

static void
snippets_are_escaped_but_for_the_marks(void **state)
{
        (void)state;
        struct gz_test_resp r;
        search("", "wombat", NULL, &r);
        expect_count(&r, "wombat", 1);
        has(&r, "<mark>wombat</mark>");
        has(&r, "&lt;script&gt;alert(1)&lt;/script&gt;");
        has(&r, "&amp; its friends");
        lacks(&r, "<script>alert");
        gz_test_resp_free(&r);
}

static void
results_paginate_with_rel_links_keeping_filters(void **state)
{
        (void)state;
        struct gz_test_resp r;
        search("", "the", "sort=date", &r);
        assert_int_equal(gz_test_count(r.body, r.len, "<li class=\"card\">"), 20);
        has(&r, "<link rel=\"next\" href=\"http://127.0.0.1:8080/search?q=the&amp;sort=date&amp;"
                "page=2\">");
        has(&r, "<a rel=\"next\" href=\"/search?q=the&amp;sort=date&amp;page=2\">");
        lacks(&r, "rel=\"prev\"");
        has(&r, "<ol class=\"cards list results\" start=\"1\">");
        gz_test_resp_free(&r);
        search("", "the", "sort=date&page=2", &r);
        has(&r, "<link rel=\"prev\" href=\"http://127.0.0.1:8080/search?q=the&amp;sort=date\">");
        has(&r, "<ol class=\"cards list results\" start=\"21\">");
        assert_true(gz_test_count(r.body, r.len, "<li class=\"card\">") > 0);
        gz_test_resp_free(&r);
        get("/search?q=the&page=999", &r);
        assert_int_equal(r.status, 404);
        gz_test_resp_free(&r);
        /* Newest first really is by date. */
        search("", "okapi", "sort=date", &r);
        const char *a = strstr(r.body, "Okapi spotted"), *b = strstr(r.body, "Statement on the");
        const char *c = strstr(r.body, "In praise of");
        assert_true(a && b && c && a < b && b < c);
        gz_test_resp_free(&r);
}

static void
filters_narrow_results_and_bad_values_are_explained(void **state)
{
        (void)state;
        static const struct {
                const char *extra;
                int count;
                const char *only; /* the title left, when one */
        } cases[] = {
            {NULL, 3, NULL},
            {"section=news", 1, "Okapi spotted"},
            {"section=politics", 1, "Statement on the okapi"},
            {"kind=statement", 1, "Statement on the okapi"},
            {"kind=opinion", 1, "In praise of the okapi"},
            {"from=2025-01-01&to=2025-12-31", 1, "Statement on the okapi"},
            {"from=2025-01-01", 2, NULL},
            {"to=2025-06-01", 2, NULL}, /* the whole day of "to" counts */
            {"tag=okapis", 1, "Okapi spotted"},
            {"section=news&kind=statement", 0, NULL},
        };
        for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
                struct gz_test_resp r;
                search("", "okapi", cases[i].extra, &r);
                expect_count(&r, "okapi", cases[i].count);
                if (cases[i].only)
                        has(&r, cases[i].only);
                gz_test_resp_free(&r);
        }
        char by_author[200];
        snprintf(by_author, sizeof(by_author), "author=%s", author_slug);
        struct gz_test_resp ra;
        search("", "okapi", by_author, &ra);
        expect_count(&ra, "okapi", 1);
        has(&ra, "Okapi spotted");
        gz_test_resp_free(&ra);
        /* Values that mean nothing are left out, and the page says so. */
        static const char *const bad[][2] = {
            {"section=no/such/section", "section"},
            {"kind=gossip", "kind"},
            {"from=2025-02-30", "from"},
            {"to=yesterday", "to"},
            {"sort=random", "sort"},
            {"author=nobody-at-all", "author"},
            {"tag=%3Cscript%3E", "tag"},
        };
        for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
                struct gz_test_resp r;
                search("", "okapi", bad[i][0], &r);
                expect_count(&r, "okapi", 3);
                char note[128];
                snprintf(note, sizeof(note), "The %s filter was left out", bad[i][1]);
                has(&r, note);
                lacks(&r, "<script>");
                gz_test_resp_free(&r);
        }
        /* A chosen filter shows in the form and can be removed. */
        struct gz_test_resp r;
        search("", "okapi", "tag=okapis&kind=news", &r);
        has(&r, "<input type=\"hidden\" name=\"tag\" value=\"okapis\">");
        has(&r, "<option value=\"news\" selected>News</option>");
        has(&r, "href=\"/search?q=okapi&amp;kind=news\"");
        gz_test_resp_free(&r);
}

static void
any_query_gets_a_page_never_an_error(void **state)
{
        (void)state;
        static const char *const queries[] = {
            "\"",
            "\"\"\"",
            "NEAR(",
            "a OR",
            "AND",
            "title:x",
            "{title}: x",
            "^start",
            "(unclosed",
            "x\" OR \"1",
            "*",
            "a*",
            "**",
            "'; DROP TABLE articles; --",
            "\x01\x02",
            "\x7f",
            "\xe2\x80\xa8",
            "مخلوط mixed نص",
            "😀",
            "   ",
            "col:\"a\"*",
            "NOT NOT",
            "-",
            "%",
        };
        for (size_t i = 0; i < sizeof(queries) / sizeof(queries[0]); i++) {
                struct gz_test_resp r;
                search("", queries[i], NULL, &r);
                lacks(&r, "fts5");
                lacks(&r, "syntax error");
                lacks(&r, "SQL");
                gz_test_resp_free(&r);
        }
        /* 10 KB of text, invalid UTF-8 and a NUL in the query string. */
        char big[10 * 1024 + 64];
        strcpy(big, "/search?q=");
        size_t n = strlen(big);
        while (n < 10 * 1024)
                n += (size_t)sprintf(big + n, "okapi%%22%%28+");
        struct gz_test_resp r;
        get(big, &r);
        assert_int_equal(r.status, 200);
        has(&r, "only its first words were used");
        lacks(&r, "fts5");
        gz_test_resp_free(&r);
        static const char *const raw[] = {
            "/search?q=%FF%FE%C3", "/search?q=a%00b", "/search?q=%22%22%22%22",
            "/search?q=&page=1",   "/search",         "/search?q=okapi&q=again"};
        for (size_t i = 0; i < sizeof(raw) / sizeof(raw[0]); i++) {
                get(raw[i], &r);
                assert_true(r.status == 200 || r.status == 400);
                gz_test_resp_free(&r);
        }
        get("/search", &r);
        has(&r, "Type a word or two to search the archive.");
        gz_test_resp_free(&r);
        /* The address with a slash moves to the one without. */
        get("/search/?q=okapi", &r);
        assert_int_equal(r.status, 301);
        assert_string_equal(gz_test_header(&r, "Location"), "/search?q=okapi");
        gz_test_resp_free(&r);
}

static void
nothing_found_offers_words_tags_and_no_filters(void **state)
{
        (void)state;
        struct gz_test_resp r;
        search("", "okapi zeppelinqq", "kind=news", &r);
        expect_count(&r, "okapi zeppelinqq", 0);
        has(&r, "Try fewer or different words");
        /* The word that finds something, alone (with the filter kept). */
        has(&r, "<a href=\"/search?q=okapi&amp;kind=news\">okapi</a> <small>(1)</small>");
        lacks(&r, ">zeppelinqq</a>");
        /* The tag whose name holds a word. */
        has(&r, "<a href=\"/tag/okapis/\" rel=\"tag\">Okapis</a>");
        /* The same words without the filter. */
        has(&r, "<a href=\"/search?q=okapi%20zeppelinqq\">Search the whole site instead</a>");
        gz_test_resp_free(&r);
}

static void
persian_and_arabic_articles_are_found(void **state)
{
        (void)state;
        struct gz_test_resp r;
        /* No harakat in the query, harakat in the text, and the snippet shows
         * the word as written. */
        search("/ar", "كتب الدرس", NULL, &r);
        has(&r, "الميزانيّة الجديدة");
        has(&r, "<mark>كَتَبَ</mark>");
        has(&r, "<mark>الدَّرْسَ</mark>");
        has(&r, "<html lang=\"ar\" dir=\"rtl\">");
        gz_test_resp_free(&r);
        /* Persian keheh and yeh for Arabic kaf and yeh, and the other way. */
        search("/ar", "کتب علی", NULL, &r);
        has(&r, "الميزانيّة الجديدة");
        gz_test_resp_free(&r);
        search("/fa", "كميته", NULL, &r);
        has(&r, "بودجهٔ شهرداری");
        gz_test_resp_free(&r);
        /* With and without the zero-width non-joiner; Persian digits. */
        search("/fa", "میخواهند", NULL, &r);
        has(&r, "<mark>می‌خواهند</mark>");
        gz_test_resp_free(&r);
        search("/fa", "1403", NULL, &r);
        has(&r, "بودجهٔ شهرداری");
        gz_test_resp_free(&r);
        /* Each language searches its own articles. */
        search("/fa", "كتب", NULL, &r);
        lacks(&r, "الميزانيّة الجديدة");
        has(&r, "چیزی برای «كتب» پیدا نشد.");
        gz_test_resp_free(&r);
}

/* ---- dependencies, in this process ---------------------------------------- */

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
search_pages_record_search_and_every_result(void **state)
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
        struct gz_arena *a = gz_arena_new(64 * 1024);
        struct gz_req req = {.arena = a,
                             .method = GZ_GET,
                             .method_name = "GET",
                             .path = "/search",
                             .raw_path = "/search",
                             .query = "q=okapi",
                             .client_ip = "127.0.0.1",
                             .peer_ip = "127.0.0.1",
                             .now = gz_now()};
        struct gz_resp resp;
        gz_resp_init(&resp);
        struct gz_deps deps = {.arena = a};
        gz_site_handle(site, &req, &resp, &deps);
        assert_int_equal(resp.status, 200);
        assert_true(deps.cacheable);
        assert_true(deps.expires > req.now);
        assert_true(has_dep(&deps, "search"));
        char key[64];
        for (int i = 0; i < 3; i++) {
                snprintf(key, sizeof(key), "a:%lld", (long long)okapi_ids[i]);
                assert_true(has_dep(&deps, key));
        }
        assert_non_null(gz_resp_get_header(&resp, "ETag"));
        gz_arena_free(a);
        gz_site_close(site);
        gz_store_close(store);
}

static int
setup(void **state)
{
        (void)state;
        gz_test_demo_site(site_dir, sizeof(site_dir));
        add_content();
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
            cmocka_unit_test(titles_rank_first_and_found_words_are_marked),
            cmocka_unit_test(snippets_are_escaped_but_for_the_marks),
            cmocka_unit_test(results_paginate_with_rel_links_keeping_filters),
            cmocka_unit_test(filters_narrow_results_and_bad_values_are_explained),
            cmocka_unit_test(any_query_gets_a_page_never_an_error),
            cmocka_unit_test(nothing_found_offers_words_tags_and_no_filters),
            cmocka_unit_test(persian_and_arabic_articles_are_found),
            cmocka_unit_test(search_pages_record_search_and_every_result),
        };
        return cmocka_run_group_tests_name("search", tests, setup, teardown);
}
