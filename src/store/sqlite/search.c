/* Full-text search on SQLite FTS5: a reader's query turned into a safe
 * MATCH expression, the "gazette" tokenizer that folds Arabic and Persian
 * letter forms, the search itself with bm25 ranking and snippets, and the
 * counts behind archives and sitemaps. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "sqlite_internal.h"

/* ---- reading a reader's query ------------------------------------------ */

enum cp_class { CP_CHAR, CP_SPACE, CP_QUOTE };

static enum cp_class
classify(uint32_t cp)
{
        if (cp <= 0x20 || cp == 0x7f || (cp >= 0x80 && cp <= 0xa0))
                return CP_SPACE; /* controls, C1 controls, no-break space */
        switch (cp) {
        case '"':
        case 0x00ab: /* « */
        case 0x00bb: /* » */
        case 0x201c: /* “ */
        case 0x201d: /* ” */
        case 0x201e: /* „ */
        case 0xff02: /* ＂ */
                return CP_QUOTE;
        case 0x1680:
        case 0x2028:
        case 0x2029:
        case 0x202f:
        case 0x205f:
        case 0x3000:
        case 0xfeff:
                return CP_SPACE;
        default:
                break;
        }
        if (cp >= 0x2000 && cp <= 0x200b)
                return CP_SPACE;
        return CP_CHAR;
}

/* Whether the tokenizer would keep cp as part of a word: letters and digits
 * of any script. Punctuation, symbols and lone combining marks are not;
 * the list need not be complete, since a quoted string the tokenizer finds
 * empty matches nothing and is ignored among other terms. */
static bool
is_word_char(uint32_t cp)
{
        if (cp < 0x80)
                return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') ||
                       (cp >= 'A' && cp <= 'Z') || cp == '_';
        if ((cp >= 0xa1 && cp <= 0xbf) || cp == 0xd7 || cp == 0xf7)
                return false;
        if (cp >= 0x0300 && cp <= 0x036f) /* combining diacritics */
                return false;
        if (cp == 0x060c || cp == 0x061b || cp == 0x061f || cp == 0x06d4 || cp == 0x0640 ||
            (cp >= 0x066a && cp <= 0x066d) || (cp >= 0x064b && cp <= 0x065f) || cp == 0x0670)
                return false; /* Arabic punctuation, tatweel and harakat */
        if ((cp >= 0x2000 && cp <= 0x2bff) || (cp >= 0x3000 && cp <= 0x303f) ||
            (cp >= 0xfe10 && cp <= 0xfe6f) || (cp >= 0xff01 && cp <= 0xff0f) ||
            (cp >= 0xff1a && cp <= 0xff20) || cp == 0xfd3e || cp == 0xfd3f || cp >= 0x1f000)
                return false; /* general punctuation, symbols, arrows, emoji */
        return true;
}

/* Decodes one code point; an invalid byte is U+FFFD with length 1. */
static size_t
next_cp(const char *s, size_t n, uint32_t *cp)
{
        size_t len = gz_utf8_decode(s, n, cp);
        if (len == 0) {
                *cp = 0xfffd;
                return 1;
        }
        return len;
}

static bool
has_word_char(const char *s, size_t n)
{
        for (size_t i = 0; i < n;) {
                uint32_t cp;
                i += next_cp(s + i, n - i, &cp);
                if (cp != 0xfffd && is_word_char(cp))
                        return true;
        }
        return false;
}

/* Code points of word characters at the end of s (the stem of a prefix). */
static size_t
trailing_word_chars(const char *s, size_t n)
{
        size_t count = 0;
        for (size_t i = 0; i < n;) {
                uint32_t cp;
                i += next_cp(s + i, n - i, &cp);
                count = cp != 0xfffd && is_word_char(cp) ? count + 1 : 0;
        }
        return count;
}

static bool
is_ascii_punct(char c)
{
        return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') ||
               (c >= '{' && c <= '~');
}

struct parse {
        struct gz_arena *a;
        struct gz_search_terms *out;
        size_t cap;
        struct gz_buf cur; /* the term being read, words joined by one space */
        bool pending_space;
};

static void
add_term(struct parse *ps, const char *text, size_t n, bool phrase, bool prefix)
{
        struct gz_search_terms *t = ps->out;
        if (n > GZ_SEARCH_MAX_TERM_BYTES) {
                n = GZ_SEARCH_MAX_TERM_BYTES;
                while (n > 0 && ((unsigned char)text[n] & 0xc0) == 0x80)
                        n--; /* back to a character boundary */
                prefix = false;
                t->truncated = true;
        }
        while (n > 0 && text[n - 1] == ' ')
                n--;
        if (n == 0 || !has_word_char(text, n))
                return;
        if (prefix && trailing_word_chars(text, n) < 2)
                prefix = false; /* "a*" would read every word of the index */
        for (size_t i = 0; i < t->count; i++)
                if (t->terms[i].phrase == phrase && t->terms[i].prefix == prefix &&
                    strlen(t->terms[i].text) == n && memcmp(t->terms[i].text, text, n) == 0)
                        return;
        if (t->count == GZ_SEARCH_MAX_TERMS) {
                t->truncated = true;
                return;
        }
        t->terms = gz_arena_grow(ps->a, t->terms, t->count, &ps->cap, sizeof(*t->terms));
        struct gz_search_term *term = &t->terms[t->count++];
        term->text = gz_arena_strndup(ps->a, text, n);
        term->phrase = phrase;
        term->prefix = prefix;
}

/* A bare word: brackets and other punctuation around it go, a trailing *
 * makes it a prefix, and FTS5's operator words are not terms. */
static void
finish_word(struct parse *ps)
{
        const char *s = ps->cur.data ? ps->cur.data : "";
        size_t n = ps->cur.len;
        bool prefix = false;
        while (n > 0 && is_ascii_punct(s[n - 1]) && s[n - 1] != '*')
                n--;
        while (n > 0 && s[n - 1] == '*') {
                prefix = true;
                n--;
        }
        while (n > 0 && is_ascii_punct(s[n - 1]))
                n--;
        while (n > 0 && is_ascii_punct(*s)) {
                s++;
                n--;
        }
        /* "title:word" is a column filter in FTS5: the word is searched. */
        static const char *const columns[] = {"title", "subtitle", "excerpt",
                                              "body",  "authors",  "tags"};
        for (size_t i = 0; i < GZ_ARRAY_LEN(columns); i++) {
                size_t k = strlen(columns[i]);
                if (n > k && s[k] == ':' && strncasecmp(s, columns[i], k) == 0) {
                        s += k + 1;
                        n -= k + 1;
                        break;
                }
        }
        while (n > 0 && is_ascii_punct(*s)) {
                s++;
                n--;
        }
        static const char *const operators[] = {"AND", "OR", "NOT", "NEAR"};
        bool op = false;
        for (size_t i = 0; i < GZ_ARRAY_LEN(operators); i++)
                op |= n == strlen(operators[i]) && memcmp(s, operators[i], n) == 0;
        if (!op)
                add_term(ps, s, n, false, prefix);
        gz_buf_truncate(&ps->cur, 0);
        ps->pending_space = false;
}

static void
finish_phrase(struct parse *ps, bool prefix)
{
        add_term(ps, ps->cur.data ? ps->cur.data : "", ps->cur.len, true, prefix);
        gz_buf_truncate(&ps->cur, 0);
        ps->pending_space = false;
}

void
gz_store_search_parse(struct gz_arena *a, const char *input, size_t len,
                      struct gz_search_terms *out)
{
        memset(out, 0, sizeof(*out));
        if (input == NULL)
                return;
        if (len > GZ_SEARCH_MAX_INPUT) {
                len = GZ_SEARCH_MAX_INPUT;
                while (len > 0 && ((unsigned char)input[len] & 0xc0) == 0x80)
                        len--;
                out->truncated = true;
        }
        struct parse ps = {.a = a, .out = out};
        gz_buf_init(&ps.cur, a);
        bool in_phrase = false;
        for (size_t i = 0; i < len;) {
                uint32_t cp;
                size_t n = next_cp(input + i, len - i, &cp);
                enum cp_class cls = cp == 0xfffd && n == 1 ? CP_SPACE : classify(cp);
                /* Outside quotes, brackets and carets (FTS5 grouping, NEAR
                 * groups, column sets, initial-token marks) part words. */
                if (!in_phrase && cls == CP_CHAR && cp < 0x80 && strchr("(){}[]^", (int)cp))
                        cls = CP_SPACE;
                if (cls == CP_QUOTE) {
                        if (in_phrase) {
                                /* "a phrase"* is a prefix of its last word. */
                                bool prefix = false;
                                while (i + n < len && input[i + n] == '*') {
                                        prefix = true;
                                        n++;
                                }
                                finish_phrase(&ps, prefix);
                        } else {
                                finish_word(&ps);
                        }
                        in_phrase = !in_phrase;
                } else if (cls == CP_SPACE) {
                        if (in_phrase)
                                ps.pending_space = ps.cur.len > 0;
                        else if (ps.cur.len > 0)
                                finish_word(&ps);
                } else {
                        if (ps.pending_space)
                                gz_buf_putc(&ps.cur, ' ');
                        ps.pending_space = false;
                        gz_buf_put(&ps.cur, input + i, n);
                }
                i += n;
        }
        /* An unclosed quote: the rest is the phrase. */
        if (in_phrase)
                finish_phrase(&ps, false);
        else
                finish_word(&ps);
}

char *
gz_store_search_expr(struct gz_arena *a, const struct gz_search_terms *t)
{
        struct gz_buf b;
        gz_buf_init(&b, a);
        gz_buf_puts(&b, "");
        for (size_t i = 0; i < t->count; i++) {
                /* Every term is a quoted string: inside quotes FTS5 reads no
                 * operator, column filter or bracket, only the words. */
                if (i > 0)
                        gz_buf_putc(&b, ' ');
                gz_buf_putc(&b, '"');
                for (const char *s = t->terms[i].text; *s; s++) {
                        if (*s == '"')
                                gz_buf_putc(&b, '"');
                        gz_buf_putc(&b, *s);
                }
                gz_buf_putc(&b, '"');
                if (t->terms[i].prefix)
                        gz_buf_puts(&b, " *");
        }
        return b.data;
}

char *
gz_store_search_text(struct gz_arena *a, const struct gz_search_term *terms, size_t count)
{
        struct gz_buf b;
        gz_buf_init(&b, a);
        gz_buf_puts(&b, "");
        for (size_t i = 0; i < count; i++) {
                if (i > 0)
                        gz_buf_putc(&b, ' ');
                if (terms[i].phrase)
                        gz_buf_printf(&b, "\"%s\"", terms[i].text);
                else
                        gz_buf_puts(&b, terms[i].text);
                if (terms[i].prefix)
                        gz_buf_putc(&b, '*');
        }
        return b.data;
}

/* ---- the "gazette" tokenizer ----------------------------------------------- */

/* unicode61 splits words at Arabic harakat (they are combining marks, not
 * letters) and keeps Arabic and Persian forms of the same letter apart.
 * This tokenizer hands unicode61 a folded copy of the text, so that
 * "كَتَبَ" is found by "كتب" and "علي" by "علی", and maps the offsets back
 * so snippets and highlights point into the original text:
 *   - harakat, Quranic marks, superscript alef and tatweel are removed;
 *   - the zero-width non-joiner is removed (Persian "می‌روم" is one word,
 *     found as "میروم" too);
 *   - alef with hamza or madda, and alef wasla, become alef;
 *   - Persian yeh and alef maksura become Arabic yeh, keheh becomes kaf;
 *   - teh marbuta and heh with yeh above become heh;
 *   - Arabic-Indic and Persian digits become ASCII digits.
 * Everything else is unicode61's: case folding and removal of Latin
 * diacritics (remove_diacritics 2). */

/* The replacement of a code point: itself, another, or 0 to drop it. */
static uint32_t
fold_cp(uint32_t cp)
{
        if (cp < 0x0600 || cp > 0x06ff) {
                if (cp == 0x200c || cp == 0x200d)
                        return 0; /* ZWNJ, ZWJ */
                return cp;
        }
        if ((cp >= 0x0610 && cp <= 0x061a) || (cp >= 0x064b && cp <= 0x065f) || cp == 0x0670 ||
            cp == 0x0640 || (cp >= 0x06d6 && cp <= 0x06dc) || (cp >= 0x06df && cp <= 0x06e4) ||
            cp == 0x06e7 || cp == 0x06e8 || (cp >= 0x06ea && cp <= 0x06ed))
                return 0;
        switch (cp) {
        case 0x0622: /* آ */
        case 0x0623: /* أ */
        case 0x0625: /* إ */
        case 0x0671: /* ٱ */
                return 0x0627;
        case 0x0649: /* ى */
        case 0x06cc: /* ی */
                return 0x064a;
        case 0x06a9: /* ک */
                return 0x0643;
        case 0x0629: /* ة */
        case 0x06c0: /* ۀ */
                return 0x0647;
        default:
                break;
        }
        if (cp >= 0x0660 && cp <= 0x0669)
                return '0' + (cp - 0x0660);
        if (cp >= 0x06f0 && cp <= 0x06f9)
                return '0' + (cp - 0x06f0);
        return cp;
}

/* Whether the text holds anything fold_cp changes: Arabic-block letters
 * (lead bytes D8-DB) or a zero-width (non-)joiner. */
static bool
needs_fold(const char *s, int n)
{
        for (int i = 0; i < n; i++) {
                unsigned char c = (unsigned char)s[i];
                if (c >= 0xd8 && c <= 0xdb)
                        return true;
                if (c == 0xe2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
                    ((unsigned char)s[i + 2] == 0x8c || (unsigned char)s[i + 2] == 0x8d))
                        return true;
        }
        return false;
}

static size_t
put_utf8(char *out, uint32_t cp)
{
        if (cp < 0x80) {
                out[0] = (char)cp;
                return 1;
        }
        if (cp < 0x800) {
                out[0] = (char)(0xc0 | (cp >> 6));
                out[1] = (char)(0x80 | (cp & 0x3f));
                return 2;
        }
        out[0] = (char)(0xe0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
        out[2] = (char)(0x80 | (cp & 0x3f));
        return 3;
}

/* Folds text into out (at most n bytes) and records, for every output byte
 * and for the end, the offset in the input it comes from. */
static int
fold_text(const char *text, int n, char *out, int *from)
{
        int o = 0;
        for (int i = 0; i < n;) {
                uint32_t cp;
                size_t len = gz_utf8_decode(text + i, (size_t)(n - i), &cp);
                if (len == 0) {
                        from[o] = i;
                        out[o++] = text[i++];
                        continue;
                }
                uint32_t f = fold_cp(cp);
                if (f != 0) {
                        /* Folding never makes a character longer. */
                        size_t w = f == cp ? len : put_utf8(out + o, f);
                        if (f == cp)
                                memcpy(out + o, text + i, len);
                        for (size_t k = 0; k < w; k++)
                                from[o + (int)k] = i;
                        o += (int)w;
                }
                i += (int)len;
        }
        from[o] = n;
        return o;
}

struct tok_module {
        fts5_tokenizer inner; /* unicode61 */
        void *inner_ctx;
};

struct tok {
        struct tok_module *module;
        Fts5Tokenizer *inner;
};

struct tok_call {
        void *ctx;
        int (*token)(void *, int, const char *, int, int, int);
        const int *from;
};

static int
tok_create(void *ctx, const char **argv, int argc, Fts5Tokenizer **out)
{
        struct tok_module *m = ctx;
        struct tok *t = sqlite3_malloc(sizeof(*t));
        if (t == NULL)
                return SQLITE_NOMEM;
        t->module = m;
        int rc = m->inner.xCreate(m->inner_ctx, argv, argc, &t->inner);
        if (rc != SQLITE_OK) {
                sqlite3_free(t);
                return rc;
        }
        *out = (Fts5Tokenizer *)t;
        return SQLITE_OK;
}

static void
tok_delete(Fts5Tokenizer *p)
{
        struct tok *t = (struct tok *)p;
        t->module->inner.xDelete(t->inner);
        sqlite3_free(t);
}

static int
tok_mapped(void *ctx, int flags, const char *token, int n, int start, int end)
{
        struct tok_call *call = ctx;
        return call->token(call->ctx, flags, token, n, call->from[start], call->from[end]);
}

static int
tok_tokenize(Fts5Tokenizer *p, void *ctx, int flags, const char *text, int n,
             int (*token)(void *, int, const char *, int, int, int))
{
        struct tok *t = (struct tok *)p;
        if (n <= 0 || !needs_fold(text, n))
                return t->module->inner.xTokenize(t->inner, ctx, flags, text, n, token);
        char *folded = sqlite3_malloc64((sqlite3_uint64)n + 1);
        int *from = sqlite3_malloc64(((sqlite3_uint64)n + 1) * sizeof(int));
        int rc = SQLITE_NOMEM;
        if (folded != NULL && from != NULL) {
                int len = fold_text(text, n, folded, from);
                struct tok_call call = {.ctx = ctx, .token = token, .from = from};
                rc = t->module->inner.xTokenize(t->inner, &call, flags, folded, len, tok_mapped);
        }
        sqlite3_free(folded);
        sqlite3_free(from);
        return rc;
}

/* Registers the tokenizer on one connection; returns an SQLite code. */
static int
register_tokenizer(sqlite3 *db)
{
        /* Preparing reads the schema: a file that is no database fails
         * here, and its error is the connection's. */
        fts5_api *api = NULL;
        sqlite3_stmt *st = NULL;
        int rc = sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &st, NULL);
        if (rc != SQLITE_OK)
                return rc;
        sqlite3_bind_pointer(st, 1, (void *)&api, "fts5_api_ptr", NULL);
        sqlite3_step(st);
        sqlite3_finalize(st);
        if (api == NULL || api->iVersion < 2)
                return SQLITE_ERROR;
        void *ctx;
        fts5_tokenizer found;
        if (api->xFindTokenizer(api, "gazette", &ctx, &found) == SQLITE_OK)
                return SQLITE_OK; /* the automatic extension was first */
        struct tok_module *m = sqlite3_malloc(sizeof(*m));
        if (m == NULL)
                return SQLITE_NOMEM;
        rc = api->xFindTokenizer(api, "unicode61", &m->inner_ctx, &m->inner);
        static fts5_tokenizer gazette = {tok_create, tok_delete, tok_tokenize};
        if (rc == SQLITE_OK)
                rc = api->xCreateTokenizer(api, "gazette", m, &gazette, sqlite3_free);
        if (rc != SQLITE_OK)
                sqlite3_free(m);
        return rc;
}

static int
auto_register(sqlite3 *db, const char **errmsg, const sqlite3_api_routines *api)
{
        (void)errmsg;
        (void)api;
        /* A connection to a file that is not yet readable still opens; its
         * own first statement reports the problem. */
        register_tokenizer(db);
        return SQLITE_OK;
}

static void
add_auto_extension(void)
{
        /* Every later connection of the process gets the tokenizer, also
         * one opened with sqlite3_open() directly (tests, tools linked with
         * Gazette), so the index never meets a connection that cannot read
         * it. */
        sqlite3_auto_extension((void (*)(void))auto_register);
}

enum gz_err
gz_sql_search_init(struct gz_conn *c, struct gz_error *err)
{
        static pthread_once_t once = PTHREAD_ONCE_INIT;
        pthread_once(&once, add_auto_extension);
        int rc = register_tokenizer(c->db);
        if (rc == SQLITE_OK)
                return GZ_OK;
        if (sqlite3_errcode(c->db) != SQLITE_OK)
                return gz_sql_fail(c, err, "search");
        return gz_fail(err, GZ_EIO, "this SQLite has no FTS5 full-text search (%s)",
                       sqlite3_errstr(rc));
}

/* ---- searching ------------------------------------------------------------- */

/* Title well above subtitle and excerpt, those above tags and authors,
 * the body last (column order: title, subtitle, excerpt, body, authors,
 * tags). */
#define RANKING "bm25(10.0, 4.0, 4.0, 1.0, 2.0, 3.0)"

static void
ids_json(struct gz_buf *b, const int64_t *ids, size_t n)
{
        gz_buf_putc(b, '[');
        for (size_t i = 0; i < n; i++)
                gz_buf_printf(b, "%s%lld", i ? "," : "", (long long)ids[i]);
        gz_buf_putc(b, ']');
}

/* The articles a search may show: published and live (whatever the index
 * holds) and within the filters. Every column here is in the
 * articles_archive index and the subqueries read other indexes, so this
 * never reads an article's row, whose bodies come before its dates. */
static void
search_where(struct gz_buf *sql, const struct gz_search_query *q)
{
        gz_buf_puts(sql, " a.status = 'published' AND a.deleted_at IS NULL");
        if (q->lang)
                gz_buf_puts(sql, " AND a.lang = ?2");
        if (q->kind >= 0)
                gz_buf_puts(sql, " AND a.kind = ?3");
        if (q->section_count)
                gz_buf_puts(sql, " AND a.id IN (SELECT id FROM articles WHERE section_id IN "
                                 "(SELECT value FROM json_each(?4)))");
        if (q->tag_id)
                gz_buf_puts(sql, " AND a.id IN (SELECT article_id FROM article_tags WHERE "
                                 "tag_id = ?5)");
        if (q->author_id)
                gz_buf_puts(sql, " AND a.id IN (SELECT article_id FROM article_authors WHERE "
                                 "author_id = ?6)");
        if (q->from)
                gz_buf_puts(sql, " AND a.published_at >= ?7");
        if (q->to)
                gz_buf_puts(sql, " AND a.published_at < ?8");
}

/* The same for ranked results, checked as FTS5 hands them out: the
 * selective filters as sets read once from their indexes, language, status
 * and kind from the first bytes of the article's row (they come before its
 * bodies). A row the index should not hold is also left out when the page's
 * articles are read (published and live only). */
static void
rank_where(struct gz_buf *sql, const struct gz_search_query *q)
{
        if (q->section_count)
                gz_buf_puts(sql, " AND +f.rowid IN (SELECT id FROM articles WHERE section_id IN "
                                 "(SELECT value FROM json_each(?4)))");
        if (q->tag_id)
                gz_buf_puts(sql, " AND +f.rowid IN (SELECT article_id FROM article_tags WHERE "
                                 "tag_id = ?5)");
        if (q->author_id)
                gz_buf_puts(sql, " AND +f.rowid IN (SELECT article_id FROM article_authors WHERE "
                                 "author_id = ?6)");
        if (q->from || q->to) {
                gz_buf_puts(sql, " AND +f.rowid IN (SELECT a.id FROM articles a WHERE a.status = "
                                 "'published'");
                if (q->lang)
                        gz_buf_puts(sql, " AND a.lang = ?2");
                if (q->from)
                        gz_buf_puts(sql, " AND a.published_at >= ?7");
                if (q->to)
                        gz_buf_puts(sql, " AND a.published_at < ?8");
                gz_buf_putc(sql, ')');
        }
        gz_buf_puts(sql, " AND EXISTS (SELECT 1 FROM articles a WHERE a.id = f.rowid");
        if (q->lang)
                gz_buf_puts(sql, " AND a.lang = ?2");
        if (q->kind >= 0)
                gz_buf_puts(sql, " AND a.kind = ?3");
        gz_buf_puts(sql, " AND a.status = 'published')");
}

static void
search_bind(sqlite3_stmt *st, const struct gz_search_query *q, const char *match,
            const char *sections)
{
        gz_sql_bind_text(st, 1, match);
        if (q->lang)
                gz_sql_bind_text(st, 2, q->lang);
        if (q->kind >= 0 && q->kind < GZ_KIND__MAX)
                gz_sql_bind_text(st, 3, gz_article_kind_names[q->kind]);
        if (q->section_count)
                gz_sql_bind_text(st, 4, sections);
        if (q->tag_id)
                sqlite3_bind_int64(st, 5, q->tag_id);
        if (q->author_id)
                sqlite3_bind_int64(st, 6, q->author_id);
        if (q->from)
                sqlite3_bind_int64(st, 7, q->from);
        if (q->to)
                sqlite3_bind_int64(st, 8, q->to);
}

/* The best snippet: from the body, else the excerpt or subtitle, where a
 * term was found; "" when it matched only elsewhere. */
static const char *
snippet_of(struct gz_conn *c, struct gz_arena *a, const char *match, int64_t id)
{
        static const char sql[] = "SELECT snippet(articles_fts, 3, char(1), char(2), '…', 24), "
                                  "snippet(articles_fts, 2, char(1), char(2), '…', 24), "
                                  "snippet(articles_fts, 1, char(1), char(2), '…', 24) "
                                  "FROM articles_fts WHERE articles_fts MATCH ?1 AND rowid = ?2";
        sqlite3_stmt *st = gz_sql_prepare(c, sql);
        if (st == NULL)
                return "";
        gz_sql_bind_text(st, 1, match);
        sqlite3_bind_int64(st, 2, id);
        const char *best = "";
        if (sqlite3_step(st) == SQLITE_ROW) {
                for (int col = 0; col < 3; col++) {
                        const char *s = (const char *)sqlite3_column_text(st, col);
                        if (s != NULL && strchr(s, GZ_SEARCH_MARK_OPEN) != NULL) {
                                best = gz_arena_strdup(a, s);
                                break;
                        }
                }
        }
        gz_sql_done(st);
        return best;
}

enum gz_err
gz_store_search(struct gz_store *s, struct gz_arena *a, const struct gz_search_query *q,
                struct gz_search_hit **out, size_t *count, size_t *total, struct gz_error *err)
{
        *out = NULL;
        *count = 0;
        if (total)
                *total = 0;
        const char *match = gz_store_search_expr(a, q->terms);
        if (q->terms == NULL || q->terms->count == 0 || match == NULL || *match == '\0')
                return GZ_OK;
        struct gz_buf sections, sql;
        gz_buf_init(&sections, a);
        gz_buf_init(&sql, a);
        if (q->section_count)
                ids_json(&sections, q->section_ids, q->section_count);

        /* "+" keeps each side from being looked up row by row through the
         * other: the matches are gathered once, the filtered articles are
         * read from an index once, and one is checked against the other. */
        struct gz_conn *c = gz_sql_reader(s);
        if (q->by_date) {
                gz_buf_puts(&sql, "SELECT a.id FROM articles a WHERE");
                search_where(&sql, q);
                gz_buf_puts(&sql, " AND +a.id IN (SELECT rowid FROM articles_fts WHERE "
                                  "articles_fts MATCH ?1) ORDER BY a.published_at DESC, a.id DESC");
        } else {
                /* Ranked inside FTS5, which hands out the best first: each is
                 * checked until the page is full. */
                gz_buf_puts(&sql, "SELECT f.rowid FROM articles_fts f WHERE articles_fts MATCH ?1 "
                                  "AND f.rank MATCH '" RANKING "'");
                rank_where(&sql, q);
                gz_buf_puts(&sql, " ORDER BY f.rank");
        }
        gz_buf_puts(&sql, " LIMIT ?9 OFFSET ?10");
        sqlite3_stmt *st = gz_sql_prepare(c, sql.data);
        if (st == NULL)
                return gz_sql_fail(c, err, "search");
        search_bind(st, q, match, sections.data);
        sqlite3_bind_int64(st, 9, q->limit ? (sqlite3_int64)q->limit : -1);
        sqlite3_bind_int64(st, 10, (sqlite3_int64)q->offset);
        size_t n = 0;
        int64_t *ids = NULL;
        enum gz_err read = gz_sql_read_ids(c, st, a, &ids, &n, err, "search");
        if (read != GZ_OK)
                return read;

        if (total != NULL) {
                if (n < q->limit && (n > 0 || q->offset == 0)) {
                        *total = q->offset + n;
                } else {
                        gz_buf_truncate(&sql, 0);
                        gz_buf_puts(&sql, "SELECT count(*) FROM articles a WHERE");
                        search_where(&sql, q);
                        gz_buf_puts(&sql, " AND +a.id IN (SELECT rowid FROM articles_fts WHERE "
                                          "articles_fts MATCH ?1)");
                        st = gz_sql_prepare(c, sql.data);
                        if (st == NULL)
                                return gz_sql_fail(c, err, "search");
                        search_bind(st, q, match, sections.data);
                        int rc = sqlite3_step(st);
                        if (rc == SQLITE_ROW)
                                *total = (size_t)sqlite3_column_int64(st, 0);
                        gz_sql_done(st);
                        if (rc != SQLITE_ROW)
                                return gz_sql_fail(c, err, "search");
                }
        }
        if (n == 0)
                return GZ_OK;

        struct gz_article_query lq = {
            .status = GZ_STATUS_PUBLISHED, .kind = -1, .ids = ids, .id_count = n, .limit = n};
        struct gz_article *found;
        size_t found_n;
        enum gz_err e = gz_store_articles(s, a, &lq, &found, &found_n, NULL, err);
        if (e != GZ_OK)
                return e;
        struct gz_search_hit *hits = GZ_NEW_ARRAY(a, struct gz_search_hit, n);
        size_t k = 0;
        for (size_t i = 0; i < n; i++) {
                for (size_t j = 0; j < found_n; j++) {
                        if (found[j].id != ids[i])
                                continue;
                        hits[k].article = found[j];
                        hits[k].snippet = snippet_of(c, a, match, ids[i]);
                        k++;
                        break;
                }
        }
        *out = hits;
        *count = k;
        return GZ_OK;
}

enum gz_err
gz_store_search_tags(struct gz_store *s, struct gz_arena *a, const char *lang, const char *word,
                     size_t limit, struct gz_tag **out, size_t *count, struct gz_error *err)
{
        static const char sql[] =
            "SELECT t.id, t.slug, t.name, count(*) AS n FROM tags t "
            "JOIN article_tags at ON at.tag_id = t.id "
            "JOIN articles a ON a.id = at.article_id AND a.status = 'published' AND "
            "a.deleted_at IS NULL AND a.lang = ?1 "
            "WHERE instr(lower(t.name), lower(?2)) > 0 OR instr(t.slug, lower(?2)) > 0 "
            "GROUP BY t.id ORDER BY n DESC, t.name LIMIT ?3";
        *out = NULL;
        *count = 0;
        struct gz_conn *c = gz_sql_reader(s);
        sqlite3_stmt *st = gz_sql_prepare(c, sql);
        if (st == NULL)
                return gz_sql_fail(c, err, "tags");
        gz_sql_bind_text(st, 1, lang);
        gz_sql_bind_text(st, 2, word);
        sqlite3_bind_int64(st, 3, (sqlite3_int64)limit);
        return gz_sql_read_tags(c, st, a, out, count, err);
}

/* ---- archives and sitemaps --------------------------------------------------- */

enum gz_err
gz_store_archive_months(struct gz_store *s, struct gz_arena *a, const char *lang,
                        struct gz_archive_month **out, size_t *count, struct gz_error *err)
{
        /* Months are UTC months, as in article addresses. The rows come
         * newest first from the archive index (no table, no sort) and are
         * counted here: a month's bounds are worked out once per month, not
         * per row. Grouping in SQL with strftime took 10 ms at 10,000
         * articles, and every archive page asks. */
        static const char by_lang[] =
            "SELECT published_at, max(updated_at, published_at) FROM articles "
            "WHERE status = 'published' AND lang = ?1 AND deleted_at IS NULL AND kind != 'page' "
            "AND published_at IS NOT NULL ORDER BY published_at DESC";
        static const char all[] =
            "SELECT published_at, max(updated_at, published_at) FROM articles "
            "WHERE status = 'published' AND deleted_at IS NULL AND kind != 'page' "
            "AND published_at IS NOT NULL ORDER BY published_at DESC";
        *out = NULL;
        *count = 0;
        struct gz_conn *c = gz_sql_reader(s);
        sqlite3_stmt *st = gz_sql_prepare(c, lang ? by_lang : all);
        if (st == NULL)
                return gz_sql_fail(c, err, "archive");
        if (lang)
                gz_sql_bind_text(st, 1, lang);
        size_t n = 0, cap = 0;
        struct gz_archive_month *list = NULL;
        int rc;
        gz_time month_start = 0;
        struct gz_archive_month *m = NULL;
        while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
                gz_time at = sqlite3_column_int64(st, 0);
                gz_time changed = sqlite3_column_int64(st, 1);
                if (m == NULL || at < month_start) {
                        list = gz_arena_grow(a, list, n, &cap, sizeof(*list));
                        m = &list[n++];
                        memset(m, 0, sizeof(*m));
                        gz_time_to_civil(at, &m->year, &m->month, NULL, NULL, NULL, NULL, NULL);
                        month_start = gz_time_from_civil(m->year, m->month, 1, 0, 0, 0);
                }
                m->count++;
                if (changed > m->last_modified)
                        m->last_modified = changed;
        }
        gz_sql_done(st);
        if (rc != SQLITE_DONE)
                return gz_sql_fail(c, err, "archive");
        *out = list;
        *count = n;
        return GZ_OK;
}

enum gz_err
gz_store_list_lastmod(struct gz_store *s, struct gz_arena *a, enum gz_list_kind kind,
                      struct gz_list_lastmod **out, size_t *count, struct gz_error *err)
{
        static const char *const sql[GZ_LIST__MAX] = {
            [GZ_LIST_SECTIONS] =
                "SELECT a.section_id, '', a.lang, max(max(a.updated_at, a.published_at)), "
                "count(*) FROM articles a WHERE a.status = 'published' AND a.deleted_at IS NULL "
                "AND a.kind != 'page' AND a.section_id IS NOT NULL "
                "GROUP BY a.section_id, a.lang ORDER BY a.section_id, a.lang",
            /* CROSS JOIN keeps this order: the articles from the index,
             * then their links by primary key, never an article's row. */
            [GZ_LIST_TAGS] =
                "SELECT t.id, t.slug, a.lang, max(max(a.updated_at, a.published_at)), count(*) "
                "FROM articles a CROSS JOIN article_tags x ON x.article_id = a.id "
                "JOIN tags t ON t.id = x.tag_id WHERE a.status = 'published' AND "
                "a.deleted_at IS NULL AND a.kind != 'page' GROUP BY t.id, a.lang "
                "ORDER BY t.slug, a.lang",
            [GZ_LIST_AUTHORS] =
                "SELECT au.id, au.slug, a.lang, max(max(a.updated_at, a.published_at)), count(*) "
                "FROM articles a CROSS JOIN article_authors x ON x.article_id = a.id "
                "JOIN authors au ON au.id = x.author_id WHERE a.status = 'published' AND "
                "a.deleted_at IS NULL AND a.kind != 'page' GROUP BY au.id, a.lang "
                "ORDER BY au.slug, a.lang",
        };
        *out = NULL;
        *count = 0;
        if ((unsigned)kind >= GZ_LIST__MAX)
                return gz_fail(err, GZ_EINVAL, "no such list");
        struct gz_conn *c = gz_sql_reader(s);
        sqlite3_stmt *st = gz_sql_prepare(c, sql[kind]);
        if (st == NULL)
                return gz_sql_fail(c, err, "lists");
        size_t n = 0, cap = 0;
        struct gz_list_lastmod *list = NULL;
        int rc;
        while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
                list = gz_arena_grow(a, list, n, &cap, sizeof(*list));
                struct gz_list_lastmod *l = &list[n++];
                l->id = sqlite3_column_int64(st, 0);
                l->slug = gz_sql_text(st, 1, a);
                l->lang = gz_sql_text(st, 2, a);
                l->last_modified = sqlite3_column_int64(st, 3);
                l->count = sqlite3_column_int64(st, 4);
        }
        gz_sql_done(st);
        if (rc != SQLITE_DONE)
                return gz_sql_fail(c, err, "lists");
        *out = list;
        *count = n;
        return GZ_OK;
}
