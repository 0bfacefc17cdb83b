/* Fuzzes what turns a reader's search into an FTS5 expression: the terms
 * are bounded, valid UTF-8 without control characters or quotes; the
 * expression is always accepted by FTS5; searching a real store with it
 * never fails; and the "gazette" tokenizer, given the input as a document,
 * indexes it and places snippets inside it. */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store/store.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

static struct gz_store *store;
static sqlite3 *memdb;
static char dir[64];

static void
remove_dir(void)
{
        gz_store_close(store);
        sqlite3_close(memdb);
        char cmd[128];
        snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
        if (system(cmd) != 0)
                fprintf(stderr, "could not remove %s\n", dir);
}

static void
init(void)
{
        snprintf(dir, sizeof(dir), "/tmp/gz-fuzz-search-XXXXXX");
        if (mkdtemp(dir) == NULL)
                abort();
        char path[128];
        snprintf(path, sizeof(path), "%s/gazette.db", dir);
        struct gz_error err;
        if (gz_store_open(path, GZ_STORE_CREATE, &store, &err) != GZ_OK)
                abort();
        struct gz_language en = {.code = "en", .name = "English", .locale = "en", .is_default = 1};
        if (gz_store_language_save(store, &en, &err) != GZ_OK)
                abort();
        static const char *const texts[][2] = {
            {"Harbour cranes return", "Two cranes came back to the harbour on Monday."},
            {"الميزانيّة الجديدة", "كَتَبَ الوَلَدُ الدَّرْسَ في المدرسة."},
            {"بودجهٔ شهرداری",
             "اعضای کمیته می‌خواهند بودجه را در سال ۱۴۰۳ "
             "بررسی "
             "کنند."},
        };
        for (size_t i = 0; i < sizeof(texts) / sizeof(texts[0]); i++) {
                char slug[16];
                snprintf(slug, sizeof(slug), "a%zu", i);
                struct gz_article ar = {.kind = GZ_KIND_NEWS,
                                        .status = GZ_STATUS_PUBLISHED,
                                        .lang = "en",
                                        .slug = slug,
                                        .title = texts[i][0],
                                        .body_md = texts[i][1],
                                        .body_text = texts[i][1],
                                        .published_at = 1790000000};
                if (gz_store_article_save(store, &ar, NULL, 0, NULL, 0, &err) != GZ_OK)
                        abort();
        }
        /* Opened after the store: the tokenizer is there automatically. */
        if (sqlite3_open(":memory:", &memdb) != SQLITE_OK ||
            sqlite3_exec(memdb,
                         "CREATE VIRTUAL TABLE plain USING fts5(body);"
                         "INSERT INTO plain VALUES ('harbour cranes and a \"quoted\" NEAR');"
                         "CREATE VIRTUAL TABLE doc USING fts5(body, tokenize = 'gazette "
                         "remove_diacritics 2')",
                         NULL, NULL, NULL) != SQLITE_OK)
                abort();
        atexit(remove_dir);
}

static void
check_match(const char *table, const char *expr)
{
        char sql[160];
        snprintf(sql, sizeof(sql),
                 "SELECT rowid, snippet(%s, 0, char(1), char(2), '…', 8) FROM %s WHERE %s "
                 "MATCH ?",
                 table, table, table);
        sqlite3_stmt *st;
        if (sqlite3_prepare_v2(memdb, sql, -1, &st, NULL) != SQLITE_OK)
                abort();
        sqlite3_bind_text(st, 1, expr, -1, SQLITE_STATIC);
        int rc;
        while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
                const char *snippet = (const char *)sqlite3_column_text(st, 1);
                if (snippet == NULL)
                        abort();
        }
        if (rc != SQLITE_DONE) {
                fprintf(stderr, "FTS5 refused [%s]: %s\n", expr, sqlite3_errmsg(memdb));
                abort();
        }
        sqlite3_finalize(st);
}

int
LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
        if (store == NULL)
                init();
        struct gz_arena *a = gz_arena_new(16 * 1024);
        const char *input = (const char *)data;
        struct gz_search_terms t;
        gz_store_search_parse(a, input, size, &t);
        if (t.count > GZ_SEARCH_MAX_TERMS)
                abort();
        for (size_t i = 0; i < t.count; i++) {
                const char *s = t.terms[i].text;
                size_t n = strlen(s);
                if (n == 0 || n > GZ_SEARCH_MAX_TERM_BYTES || !gz_utf8_valid(s, n) ||
                    strchr(s, '"') != NULL)
                        abort();
                for (size_t k = 0; k < n; k++)
                        if ((unsigned char)s[k] < 0x20 || s[k] == 0x7f)
                                abort();
        }
        char *expr = gz_store_search_expr(a, &t);
        if (strlen(expr) > GZ_SEARCH_MAX_TERMS * (2 * GZ_SEARCH_MAX_TERM_BYTES + 5))
                abort();
        if (*expr)
                check_match("plain", expr);

        struct gz_search_query q = {.terms = &t, .kind = -1, .limit = 5};
        struct gz_search_hit *hits;
        size_t count, total;
        struct gz_error err;
        if (gz_store_search(store, a, &q, &hits, &count, &total, &err) != GZ_OK) {
                fprintf(stderr, "search failed: %s\n", err.msg);
                abort();
        }
        q.by_date = true;
        if (gz_store_search(store, a, &q, &hits, &count, &total, &err) != GZ_OK)
                abort();

        /* The input as a document of the folding tokenizer. */
        sqlite3_stmt *st;
        if (sqlite3_exec(memdb, "DELETE FROM doc", NULL, NULL, NULL) != SQLITE_OK ||
            sqlite3_prepare_v2(memdb, "INSERT INTO doc (body) VALUES (?)", -1, &st, NULL) !=
                SQLITE_OK)
                abort();
        sqlite3_bind_text(st, 1, input, (int)size, SQLITE_STATIC);
        if (sqlite3_step(st) != SQLITE_DONE)
                abort();
        sqlite3_finalize(st);
        if (*expr)
                check_match("doc", expr);
        gz_arena_free(a);
        return 0;
}
