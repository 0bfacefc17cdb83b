/* Full-text search: reading a reader's query, the FTS5 expression made of
 * it, and searching a real database filled through the content rules, in
 * English, Persian and Arabic. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "content/content.h"
#include "store/store.h"

/* ---- the query parser -------------------------------------------------- */

static struct gz_search_terms
parse(struct gz_arena *a, const char *input)
{
        struct gz_search_terms t;
        gz_store_search_parse(a, input, strlen(input), &t);
        return t;
}

static void
expect_terms(const char *input, const char *expected_text)
{
        struct gz_arena *a = gz_arena_new(4096);
        struct gz_search_terms t = parse(a, input);
        const char *text = gz_store_search_text(a, t.terms, t.count);
        if (strcmp(text, expected_text) != 0)
                fprintf(stderr, "input [%s]: got [%s], expected [%s]\n", input, text,
                        expected_text);
        assert_string_equal(text, expected_text);
        gz_arena_free(a);
}

static void
parser_keeps_words_phrases_and_prefixes(void **state)
{
        (void)state;
        expect_terms("budget", "budget");
        expect_terms("  harbour   cranes ", "harbour cranes");
        expect_terms("\"harbour cranes\" budg*", "\"harbour cranes\" budg*");
        expect_terms("\"the council\"* vote", "\"the council\"* vote");
        expect_terms("“curly quotes” and «guillemets»", "\"curly quotes\" and \"guillemets\"");
        expect_terms("«عبارت   فارسی» واژه", "\"عبارت فارسی\" واژه");
        expect_terms("cat cat CAT", "cat CAT");
        expect_terms("co-operate 10:30", "co-operate 10:30");

        struct gz_arena *a = gz_arena_new(4096);
        struct gz_search_terms t = parse(a, "\"a b\" cr*");
        assert_int_equal(t.count, 2);
        assert_true(t.terms[0].phrase);
        assert_false(t.terms[0].prefix);
        assert_string_equal(t.terms[0].text, "a b");
        assert_false(t.terms[1].phrase);
        assert_true(t.terms[1].prefix);
        assert_string_equal(t.terms[1].text, "cr");
        gz_arena_free(a);
}

static void
parser_drops_operators_filters_and_stray_syntax(void **state)
{
        (void)state;
        expect_terms("war AND peace OR NOT NEAR(truce, 5)", "war peace truce 5");
        expect_terms("and or not", "and or not"); /* only FTS5's uppercase operators */
        expect_terms("title:harbour body:crane", "harbour crane");
        expect_terms("{title body}: harbour", "title body harbour");
        expect_terms("^start (group) [x] +plus -minus", "start group x plus minus");
        expect_terms("\"unclosed phrase here", "\"unclosed phrase here\"");
        expect_terms("stray \" quote", "stray \"quote\"");
        expect_terms("\"\" \"   \" *** ... !!! ^", "");
        expect_terms("a* x", "a x"); /* a one-letter prefix reads everything */
        expect_terms("word*!", "word*");
        expect_terms("foo\x01\x02\x7f bar\tbaz\r\n", "foo bar baz");
        expect_terms("caf\xff\xfe\xc3 ok", "caf ok"); /* invalid UTF-8 parts words */
        expect_terms("— « » ؟ ، 😀", "");
}

static void
parser_bounds_terms_and_length(void **state)
{
        (void)state;
        struct gz_arena *a = gz_arena_new(64 * 1024);
        /* 10 KB of words: at most GZ_SEARCH_MAX_TERMS, and said so. */
        struct gz_buf big;
        gz_buf_init(&big, a);
        for (int i = 0; big.len < 10 * 1024; i++)
                gz_buf_printf(&big, "word%d ", i);
        struct gz_search_terms t;
        gz_store_search_parse(a, big.data, big.len, &t);
        assert_int_equal(t.count, GZ_SEARCH_MAX_TERMS);
        assert_true(t.truncated);

        /* A very long word in a two-byte script is cut at a character. */
        gz_buf_truncate(&big, 0);
        gz_buf_puts(&big, "x");
        for (int i = 0; i < 300; i++)
                gz_buf_puts(&big, "ب");
        gz_buf_puts(&big, "*");
        gz_store_search_parse(a, big.data, big.len, &t);
        assert_int_equal(t.count, 1);
        size_t n = strlen(t.terms[0].text);
        assert_true(n <= GZ_SEARCH_MAX_TERM_BYTES);
        assert_true(gz_utf8_valid(t.terms[0].text, n));
        assert_false(t.terms[0].prefix); /* a cut word is no prefix of anything */
        assert_true(t.truncated);

        /* Input past GZ_SEARCH_MAX_INPUT is not read. */
        gz_buf_truncate(&big, 0);
        for (int i = 0; i < GZ_SEARCH_MAX_INPUT + 10; i++)
                gz_buf_putc(&big, ' ');
        gz_buf_puts(&big, "hidden");
        gz_store_search_parse(a, big.data, big.len, &t);
        assert_int_equal(t.count, 0);
        assert_true(t.truncated);
        gz_arena_free(a);
}

/* ---- the FTS5 expression ------------------------------------------------ */

static sqlite3 *memdb;

static int
run_match(const char *expr)
{
        sqlite3_stmt *st;
        int rc = sqlite3_prepare_v2(memdb, "SELECT count(*) FROM t WHERE t MATCH ?", -1, &st, NULL);
        if (rc != SQLITE_OK)
                return rc;
        sqlite3_bind_text(st, 1, expr, -1, SQLITE_STATIC);
        rc = sqlite3_step(st);
        int count = sqlite3_column_int(st, 0);
        sqlite3_finalize(st);
        return rc == SQLITE_ROW ? count : -rc;
}

static void
expression_is_valid_fts5_for_any_input(void **state)
{
        (void)state;
        assert_int_equal(sqlite3_open(":memory:", &memdb), SQLITE_OK);
        assert_int_equal(
            sqlite3_exec(memdb,
                         "CREATE VIRTUAL TABLE t USING fts5(title, body);"
                         "INSERT INTO t VALUES ('Harbour cranes return', 'The council voted');"
                         "INSERT INTO t VALUES ('NEAR and OR', 'title: \"quoted\" AND');",
                         NULL, NULL, NULL),
            SQLITE_OK);
        static const char *const inputs[] = {"\"",
                                             "\"\"\"\"",
                                             "NEAR(",
                                             "a OR",
                                             "*",
                                             "^x",
                                             "title:x",
                                             "x\"y",
                                             ":",
                                             ")",
                                             "AND",
                                             "\"a\" AND",
                                             "OR OR OR",
                                             "NOT",
                                             "-",
                                             "'",
                                             "''",
                                             "x' OR '1'='1",
                                             "a\\\"b",
                                             "\"*\"",
                                             "\"a\"\"b\"",
                                             "{",
                                             "}",
                                             "col : x",
                                             "NEAR(a b, 2)",
                                             "a + b",
                                             "a AND (b OR c)",
                                             "\x01\x02\x03",
                                             "€",
                                             "\xe2\x80",
                                             "**x",
                                             "x**",
                                             "\"x\"*y",
                                             "( ) ( )"};
        struct gz_arena *a = gz_arena_new(4096);
        for (size_t i = 0; i < sizeof(inputs) / sizeof(inputs[0]); i++) {
                struct gz_search_terms t = parse(a, inputs[i]);
                char *expr = gz_store_search_expr(a, &t);
                if (*expr == '\0')
                        continue;
                int got = run_match(expr);
                if (got < 0)
                        fprintf(stderr, "input [%s] expr [%s]: %s\n", inputs[i], expr,
                                sqlite3_errmsg(memdb));
                assert_true(got >= 0);
        }
        /* Every byte value, and pseudo-random bytes. */
        char all[256];
        for (int i = 0; i < 255; i++)
                all[i] = (char)(i + 1);
        all[255] = '\0';
        struct gz_search_terms t;
        gz_store_search_parse(a, all, 255, &t);
        assert_true(run_match(gz_store_search_expr(a, &t)) >= 0);
        unsigned seed = 12345;
        char noise[4096];
        for (int round = 0; round < 200; round++) {
                for (size_t i = 0; i < sizeof(noise); i++) {
                        seed = seed * 1103515245u + 12345u;
                        /* Mostly FTS5's own syntax, some letters and bytes. */
                        static const char pick[] = "\"*():^{}+-ANDORNEAR ab\xd8\xa8\x01";
                        noise[i] = pick[(seed >> 16) % (sizeof(pick) - 1)];
                }
                gz_store_search_parse(a, noise, sizeof(noise), &t);
                char *expr = gz_store_search_expr(a, &t);
                if (*expr)
                        assert_true(run_match(expr) >= 0);
        }
        /* The expression means what the reader typed. */
        t = parse(a, "cranes");
        assert_int_equal(run_match(gz_store_search_expr(a, &t)), 1);
        t = parse(a, "\"cranes return\"");
        assert_int_equal(run_match(gz_store_search_expr(a, &t)), 1);
        t = parse(a, "\"return cranes\"");
        assert_int_equal(run_match(gz_store_search_expr(a, &t)), 0);
        t = parse(a, "cran*");
        assert_int_equal(run_match(gz_store_search_expr(a, &t)), 1);
        t = parse(a, "NEAR OR AND");
        assert_int_equal(t.count, 0);
        t = parse(a, "title:\"quoted\"");
        assert_string_equal(gz_store_search_expr(a, &t), "\"title\" \"quoted\"");
        assert_int_equal(run_match(gz_store_search_expr(a, &t)), 1);
        gz_arena_free(a);
        sqlite3_close(memdb);
}

/* ---- searching a real database ------------------------------------------- */

static char dir[64];
static struct gz_store *store;
static struct gz_content content;
static int64_t author_ana, author_org;

enum { DAY = 86400 };
static const gz_time T0 = 1790000000; /* 2026-09-21 */

static int
setup_store(void **state)
{
        (void)state;
        snprintf(dir, sizeof(dir), "/tmp/gz-search-XXXXXX");
        assert_non_null(mkdtemp(dir));
        char path[128];
        snprintf(path, sizeof(path), "%s/gazette.db", dir);
        struct gz_error err;
        assert_int_equal(gz_store_open(path, GZ_STORE_CREATE, &store, &err), GZ_OK);
        static const struct gz_language langs[] = {
            {.code = "en", .name = "English", .locale = "en", .is_default = true},
            {.code = "fa", .name = "فارسی", .locale = "fa", .position = 1},
            {.code = "ar", .name = "العربية", .locale = "ar", .position = 2},
        };
        for (size_t i = 0; i < 3; i++)
                assert_int_equal(gz_store_language_save(store, &langs[i], &err), GZ_OK);
        struct gz_section news = {.slug = "news", .path = "news", .name = "News"};
        assert_int_equal(gz_store_section_save(store, &news, &err), GZ_OK);
        struct gz_section city = {
            .slug = "city", .path = "news/city", .name = "City", .parent_id = news.id};
        assert_int_equal(gz_store_section_save(store, &city, &err), GZ_OK);
        struct gz_section sport = {.slug = "sport", .path = "sport", .name = "Sport"};
        assert_int_equal(gz_store_section_save(store, &sport, &err), GZ_OK);
        struct gz_author ana = {.kind = GZ_AUTHOR_PERSON, .slug = "ana", .name = "Ana Ruiz"};
        assert_int_equal(gz_store_author_save(store, &ana, &err), GZ_OK);
        struct gz_author org = {
            .kind = GZ_AUTHOR_ORGANIZATION, .slug = "council", .name = "Harbour Council"};
        assert_int_equal(gz_store_author_save(store, &org, &err), GZ_OK);
        author_ana = ana.id;
        author_org = org.id;
        content = (struct gz_content){.store = store, .site_dir = dir};
        return 0;
}

static int
teardown_store(void **state)
{
        (void)state;
        gz_store_close(store);
        char cmd[128];
        snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
        return system(cmd) == 0 ? 0 : -1;
}

static int64_t
publish(struct gz_article_input in, gz_time at)
{
        in.published_at = at;
        if (in.section_path == NULL)
                in.section_path = "news";
        int64_t id = 0, version = 0;
        struct gz_error err;
        enum gz_err e =
            gz_article_save(&content, &in, GZ_ACTION_PUBLISH, 0, NULL, &id, &version, &err);
        if (e != GZ_OK)
                fprintf(stderr, "publish: %s\n", err.msg);
        assert_int_equal(e, GZ_OK);
        return id;
}

static size_t
search(struct gz_arena *a, const char *text, struct gz_search_query q, struct gz_search_hit **hits,
       size_t *total)
{
        struct gz_search_terms *t = GZ_NEW(a, struct gz_search_terms);
        gz_store_search_parse(a, text, strlen(text), t);
        q.terms = t;
        if (q.limit == 0)
                q.limit = 20;
        size_t n = 0;
        struct gz_error err;
        enum gz_err e = gz_store_search(store, a, &q, hits, &n, total, &err);
        if (e != GZ_OK)
                fprintf(stderr, "search [%s]: %s\n", text, err.msg);
        assert_int_equal(e, GZ_OK);
        return n;
}

static const struct gz_search_query any = {.kind = -1};

static bool
found(struct gz_arena *a, const char *text, const char *lang, int64_t id)
{
        struct gz_search_query q = any;
        q.lang = lang;
        struct gz_search_hit *hits;
        size_t n = search(a, text, q, &hits, NULL);
        for (size_t i = 0; i < n; i++)
                if (hits[i].article.id == id)
                        return true;
        return false;
}

static void
title_ranks_above_body_and_snippets_mark_words(void **state)
{
        (void)state;
        struct gz_arena *a = gz_arena_new(64 * 1024);
        int64_t body_only = publish(
            (struct gz_article_input){
                .title = "Council budget vote",
                .body_md = "The harbour, the harbour and again the harbour: a <b>bold</b> plan "
                           "for the old harbour front, said the mayor of the city.",
                .author_ids = &author_ana,
                .author_count = 1,
                .set_authors = true},
            T0);
        int64_t in_title = publish(
            (struct gz_article_input){.title = "Harbour cranes return",
                                      .body_md = "Two cranes came back to the docks on Monday."},
            T0 - DAY);
        struct gz_search_hit *hits;
        size_t total = 0;
        size_t n = search(a, "harbour", any, &hits, &total);
        assert_int_equal(n, 2);
        assert_int_equal(total, 2);
        assert_int_equal(hits[0].article.id, in_title);
        assert_int_equal(hits[1].article.id, body_only);
        /* The body's snippet, words marked, text as written. */
        assert_non_null(strstr(hits[1].snippet, "\x01harbour\x02"));
        assert_string_equal(hits[1].article.title, "Council budget vote");
        assert_int_equal(hits[1].article.author_count, 1);
        /* Matched only in the title: no body snippet to show. */
        assert_string_equal(hits[0].snippet, "");

        /* Newest first on request. */
        struct gz_search_query q = any;
        q.by_date = true;
        n = search(a, "harbour", q, &hits, NULL);
        assert_int_equal(hits[0].article.id, body_only);

        /* Phrases, prefixes, case and Latin diacritics. */
        assert_true(found(a, "\"cranes return\"", NULL, in_title));
        assert_false(found(a, "\"return cranes\"", NULL, in_title));
        assert_true(found(a, "cran*", NULL, in_title));
        assert_true(found(a, "HARBOUR CRANES", NULL, in_title));
        int64_t cafe = publish(
            (struct gz_article_input){.title = "Café résumé naïveté", .body_md = "Über straße."},
            T0 - 2 * DAY);
        assert_true(found(a, "cafe resume naivete", NULL, cafe));
        assert_true(found(a, "CAFÉ", NULL, cafe));
        assert_true(found(a, "uber", NULL, cafe));
        /* Every term must match. */
        assert_false(found(a, "harbour zeppelin", NULL, in_title));
        gz_arena_free(a);
}

static void
filters_narrow_and_totals_count_every_match(void **state)
{
        (void)state;
        struct gz_arena *a = gz_arena_new(64 * 1024);
        const char *tags[] = {"Ferries"};
        int64_t ids[6];
        for (int i = 0; i < 6; i++) {
                struct gz_article_input in = {.title = gz_arena_printf(a, "Ferry timetable %d", i),
                                              .body_md = "The ferry leaves at dawn.",
                                              .kind = i == 5 ? "statement" : "news",
                                              .section_path =
                                                  i < 2 ? "news/city" : (i < 4 ? "news" : "sport"),
                                              .tag_names = i % 2 == 0 ? tags : NULL,
                                              .tag_count = i % 2 == 0 ? 1 : 0,
                                              .set_tags = true,
                                              .author_ids = i == 5 ? &author_org : &author_ana,
                                              .author_count = 1,
                                              .set_authors = true};
                ids[i] = publish(in, T0 - i * 10 * DAY);
        }
        struct gz_search_hit *hits;
        size_t total;
        struct gz_search_query q = any;
        q.limit = 2;
        assert_int_equal(search(a, "ferry", q, &hits, &total), 2);
        assert_int_equal(total, 6);
        q.offset = 4;
        assert_int_equal(search(a, "ferry", q, &hits, &total), 2);
        assert_int_equal(total, 6);
        q.offset = 6;
        assert_int_equal(search(a, "ferry", q, &hits, &total), 0);
        assert_int_equal(total, 6);

        struct gz_section_tree tree;
        assert_int_equal(gz_store_sections(store, a, &tree.sections, &tree.count, NULL), GZ_OK);
        int64_t *subtree;
        q = any;
        q.section_count = gz_tree_subtree(&tree, gz_tree_find_path(&tree, "news")->id, a, &subtree);
        q.section_ids = subtree;
        assert_int_equal(search(a, "ferry", q, &hits, &total), 4); /* news and news/city */

        q = any;
        struct gz_tag *tag;
        assert_int_equal(gz_store_tag_get(store, a, 0, "ferries", &tag, NULL), GZ_OK);
        q.tag_id = tag->id;
        assert_int_equal(search(a, "ferry", q, &hits, &total), 3);

        q = any;
        q.author_id = author_org;
        assert_int_equal(search(a, "ferry", q, &hits, &total), 1);
        assert_int_equal(hits[0].article.id, ids[5]);
        q = any;
        q.kind = GZ_KIND_STATEMENT;
        assert_int_equal(search(a, "ferry", q, &hits, &total), 1);

        q = any;
        q.from = T0 - 25 * DAY; /* ids 0, 1, 2 */
        q.by_date = true;
        assert_int_equal(search(a, "ferry", q, &hits, &total), 3);
        assert_int_equal(hits[0].article.id, ids[0]);
        q.to = T0 - 5 * DAY; /* ids 1, 2 */
        assert_int_equal(search(a, "ferry", q, &hits, &total), 2);
        assert_int_equal(hits[0].article.id, ids[1]);

        q = any;
        q.lang = "fa";
        assert_int_equal(search(a, "ferry", q, &hits, &total), 0);

        struct gz_tag *suggest;
        size_t count;
        assert_int_equal(gz_store_search_tags(store, a, "en", "ferr", 5, &suggest, &count, NULL),
                         GZ_OK);
        assert_int_equal(count, 1);
        assert_string_equal(suggest[0].slug, "ferries");
        assert_int_equal(suggest[0].article_count, 3);
        gz_arena_free(a);
}

static void
persian_and_arabic_are_found_whatever_their_marks_and_letter_forms(void **state)
{
        (void)state;
        struct gz_arena *a = gz_arena_new(64 * 1024);
        /* Arabic with full harakat, shadda, teh marbuta, alef with hamza,
         * Arabic yeh and kaf. */
        int64_t ar = publish(
            (struct gz_article_input){.lang = "ar",
                                      .title = "الميزانيّة الجديدة للمدينة",
                                      .body_md =
                                          "كَتَبَ الوَلَدُ الدَّرْسَ في المدرسة. قال عليّ إنّ أحمد سيأتي. "
                                          "العام ١٤٤٦.",
                                      .slug = "mizaniya"},
            T0);
        /* Persian with Persian yeh and keheh, zero-width non-joiners and
         * Persian digits. */
        int64_t fa = publish(
            (struct gz_article_input){
                .lang = "fa",
                .title = "بودجهٔ شهرداری تهران",
                .body_md = "اعضای کمیته می‌خواهند بودجه را در سال "
                           "۱۴۰۳ "
                           "بررسی کنند. "
                           "کتاب‌ها در کتابخانه است.",
                .slug = "budje"},
            T0);

        /* As written. */
        assert_true(found(a, "الميزانيّة", "ar", ar));
        assert_true(found(a, "بودجه", "fa", fa));
        /* Without harakat or shadda. */
        assert_true(found(a, "كتب الولد الدرس", "ar", ar));
        assert_true(found(a, "\"كتب الولد الدرس\"", "ar", ar));
        assert_true(found(a, "الميزانية", "ar", ar));
        /* Persian letters for Arabic text and the other way round: keheh
         * for kaf, Persian yeh for Arabic yeh, heh for teh marbuta, bare
         * alef for alef with hamza. */
        assert_true(found(a, "کتب", "ar", ar));
        assert_true(found(a, "علی", "ar", ar));
        assert_true(found(a, "المدرسه", "ar", ar));
        assert_true(found(a, "احمد", "ar", ar));
        assert_true(found(a, "كميته", "fa", fa));
        assert_true(found(a, "تهران", "fa", fa));
        /* The zero-width non-joiner: with it, without it. */
        assert_true(found(a, "می‌خواهند", "fa", fa));
        assert_true(found(a, "میخواهند", "fa", fa));
        assert_true(found(a, "کتاب‌ها", "fa", fa));
        /* Digits in any of the three forms. */
        assert_true(found(a, "1403", "fa", fa));
        assert_true(found(a, "۱۴۰۳", "fa", fa));
        assert_true(found(a, "1446", "ar", ar));
        assert_true(found(a, "۱۴۴۶", "ar", ar));
        /* Prefixes in both scripts. */
        assert_true(found(a, "کتابخ*", "fa", fa));
        assert_true(found(a, "الميزان*", "ar", ar));
        /* Mixed scripts in one query: all terms must match. */
        assert_false(found(a, "بودجه harbour", "fa", fa));
        /* A word that is not there. */
        assert_false(found(a, "قطار", NULL, fa));

        /* The snippet shows the text as written, harakat included, with the
         * whole word marked. */
        struct gz_search_query q = any;
        q.lang = "ar";
        struct gz_search_hit *hits;
        assert_int_equal(search(a, "كتب", q, &hits, NULL), 1);
        assert_non_null(strstr(hits[0].snippet, "\x01كَتَبَ\x02"));
        assert_int_equal(search(a, "الدرس", q, &hits, NULL), 1);
        assert_non_null(strstr(hits[0].snippet, "\x01الدَّرْسَ\x02"));
        q.lang = "fa";
        assert_int_equal(search(a, "میخواهند", q, &hits, NULL), 1);
        assert_non_null(strstr(hits[0].snippet, "\x01می‌خواهند\x02"));
        gz_arena_free(a);
}

static void
index_changes_with_the_article_in_the_same_transaction(void **state)
{
        (void)state;
        struct gz_arena *a = gz_arena_new(64 * 1024);
        struct gz_error err;
        int64_t id = 0, version = 0;
        struct gz_article_input in = {.title = "Lighthouse keeper retires",
                                      .body_md = "After forty years at the lighthouse.",
                                      .section_path = "news"};
        /* A draft is not found. */
        assert_int_equal(
            gz_article_save(&content, &in, GZ_ACTION_SAVE, 0, NULL, &id, &version, &err), GZ_OK);
        assert_false(found(a, "lighthouse", NULL, id));
        /* Published: found. */
        in = (struct gz_article_input){.id = id, .version = version};
        assert_int_equal(
            gz_article_save(&content, &in, GZ_ACTION_PUBLISH, 0, NULL, &id, &version, &err), GZ_OK);
        assert_true(found(a, "lighthouse", NULL, id));
        /* Edited: the new words are found, the old ones are gone. */
        in = (struct gz_article_input){
            .id = id, .version = version, .title = "Beacon keeper retires", .body_md = "Forty."};
        assert_int_equal(
            gz_article_save(&content, &in, GZ_ACTION_SAVE, 0, NULL, &id, &version, &err), GZ_OK);
        assert_true(found(a, "beacon", NULL, id));
        assert_false(found(a, "lighthouse", NULL, id));
        /* A stale save changes nothing, the index neither. */
        in = (struct gz_article_input){.id = id, .version = version - 1, .title = "Stale title"};
        assert_int_equal(
            gz_article_save(&content, &in, GZ_ACTION_SAVE, 0, NULL, &id, &version, &err),
            GZ_ECONFLICT);
        assert_false(found(a, "stale", NULL, id));
        assert_true(found(a, "beacon", NULL, id));
        /* A transaction rolled back takes its index change with it. */
        struct gz_article *ar;
        assert_int_equal(gz_store_article_get(store, a, id, NULL, NULL, &ar, &err), GZ_OK);
        assert_int_equal(gz_store_tx_begin(store, &err), GZ_OK);
        ar->title = "Rolled back words";
        ar->status = GZ_STATUS_PUBLISHED;
        assert_int_equal(gz_store_article_save(store, ar, NULL, 0, NULL, 0, &err), GZ_OK);
        assert_true(found(a, "rolled", NULL, id)); /* inside the transaction */
        gz_store_tx_rollback(store);
        assert_false(found(a, "rolled", NULL, id));
        assert_true(found(a, "beacon", NULL, id));
        /* Unpublished: gone. */
        in = (struct gz_article_input){.id = id, .version = version};
        assert_int_equal(
            gz_article_save(&content, &in, GZ_ACTION_UNPUBLISH, 0, NULL, &id, &version, &err),
            GZ_OK);
        assert_false(found(a, "beacon", NULL, id));
        /* Published again, then deleted (moved to the trash): gone. */
        in = (struct gz_article_input){.id = id, .version = version};
        assert_int_equal(
            gz_article_save(&content, &in, GZ_ACTION_PUBLISH, 0, NULL, &id, &version, &err), GZ_OK);
        assert_true(found(a, "beacon", NULL, id));
        assert_int_equal(gz_store_article_get(store, a, id, NULL, NULL, &ar, &err), GZ_OK);
        ar->deleted_at = gz_now();
        assert_int_equal(gz_store_article_save(store, ar, NULL, 0, NULL, 0, &err), GZ_OK);
        assert_false(found(a, "beacon", NULL, id));
        gz_arena_free(a);
}

static void
any_typed_query_searches_without_error(void **state)
{
        (void)state;
        struct gz_arena *a = gz_arena_new(256 * 1024);
        publish((struct gz_article_input){.title = "Quotes \"and\" operators AND OR NEAR",
                                          .body_md = "title: x ^y (z) {w}"},
                T0);
        static const char *const queries[] = {"\"",
                                              "\"\"",
                                              "NEAR(",
                                              "title:x",
                                              "AND OR NOT",
                                              "^y",
                                              "(z)",
                                              "{w}",
                                              "*",
                                              "a*",
                                              "\"and\"",
                                              "x\" OR \"1",
                                              "'; DROP TABLE articles; --",
                                              "\x01\x02\x03",
                                              "\xff\xfe",
                                              "مخلوط mixed نص",
                                              "😀😀",
                                              "  ",
                                              ""};
        for (size_t i = 0; i < sizeof(queries) / sizeof(queries[0]); i++) {
                struct gz_search_hit *hits;
                size_t total;
                search(a, queries[i], any, &hits, &total);
                struct gz_search_query q = any;
                q.by_date = true;
                search(a, queries[i], q, &hits, &total);
        }
        /* 10 KB of text. */
        char *big = gz_arena_alloc(a, 10 * 1024 + 1);
        for (int i = 0; i < 10 * 1024; i++)
                big[i] = "ab \"*(:^"[i % 8];
        big[10 * 1024] = '\0';
        struct gz_search_hit *hits;
        search(a, big, any, &hits, NULL);
        /* Operators in the text are words like any other. */
        assert_true(search(a, "near operators", any, &hits, NULL) == 1);
        gz_arena_free(a);
}

static void
archive_counts_and_list_dates(void **state)
{
        (void)state;
        struct gz_arena *a = gz_arena_new(64 * 1024);
        const char *tags[] = {"Tides"};
        /* 2026-09 (two), 2026-08 (one), and one in Persian. */
        int64_t sep = gz_time_from_civil(2026, 9, 10, 12, 0, 0);
        int64_t aug = gz_time_from_civil(2026, 8, 31, 23, 59, 0);
        publish(
            (struct gz_article_input){
                .title = "One", .tag_names = tags, .tag_count = 1, .set_tags = true},
            sep);
        publish(
            (struct gz_article_input){
                .title = "Two", .author_ids = &author_ana, .author_count = 1, .set_authors = true},
            sep + DAY);
        publish((struct gz_article_input){.title = "Three", .section_path = "sport"}, aug);
        publish((struct gz_article_input){.title = "چهار", .lang = "fa", .slug = "chahar"}, aug);
        publish((struct gz_article_input){.title = "About", .kind = "page", .section_path = ""},
                sep);
        struct gz_archive_month *months;
        size_t n;
        assert_int_equal(gz_store_archive_months(store, a, "en", &months, &n, NULL), GZ_OK);
        assert_int_equal(n, 2);
        assert_int_equal(months[0].year, 2026);
        assert_int_equal(months[0].month, 9);
        assert_int_equal(months[0].count, 2); /* the page is not counted */
        assert_int_equal(months[1].month, 8);
        assert_int_equal(months[1].count, 1);
        assert_true(months[0].last_modified >= sep + DAY);
        assert_int_equal(gz_store_archive_months(store, a, NULL, &months, &n, NULL), GZ_OK);
        assert_int_equal(months[1].count, 2); /* both languages */

        struct gz_list_lastmod *rows;
        assert_int_equal(gz_store_list_lastmod(store, a, GZ_LIST_TAGS, &rows, &n, NULL), GZ_OK);
        assert_int_equal(n, 1);
        assert_string_equal(rows[0].slug, "tides");
        assert_string_equal(rows[0].lang, "en");
        assert_int_equal(rows[0].count, 1);
        assert_int_equal(gz_store_list_lastmod(store, a, GZ_LIST_AUTHORS, &rows, &n, NULL), GZ_OK);
        assert_int_equal(n, 1);
        assert_string_equal(rows[0].slug, "ana");
        assert_int_equal(gz_store_list_lastmod(store, a, GZ_LIST_SECTIONS, &rows, &n, NULL), GZ_OK);
        assert_int_equal(n, 3); /* news in en and fa, sport in en */
        assert_int_equal(gz_store_list_lastmod(store, a, GZ_LIST__MAX, &rows, &n, NULL), GZ_EINVAL);
        gz_arena_free(a);
}

int
main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(parser_keeps_words_phrases_and_prefixes),
            cmocka_unit_test(parser_drops_operators_filters_and_stray_syntax),
            cmocka_unit_test(parser_bounds_terms_and_length),
            cmocka_unit_test(expression_is_valid_fts5_for_any_input),
            cmocka_unit_test_setup_teardown(title_ranks_above_body_and_snippets_mark_words,
                                            setup_store, teardown_store),
            cmocka_unit_test_setup_teardown(filters_narrow_and_totals_count_every_match,
                                            setup_store, teardown_store),
            cmocka_unit_test_setup_teardown(
                persian_and_arabic_are_found_whatever_their_marks_and_letter_forms, setup_store,
                teardown_store),
            cmocka_unit_test_setup_teardown(index_changes_with_the_article_in_the_same_transaction,
                                            setup_store, teardown_store),
            cmocka_unit_test_setup_teardown(any_typed_query_searches_without_error, setup_store,
                                            teardown_store),
            cmocka_unit_test_setup_teardown(archive_counts_and_list_dates, setup_store,
                                            teardown_store),
        };
        return cmocka_run_group_tests_name("search", tests, NULL, NULL);
}
