/* The metadata of pages for machines, over real HTTP: JSON-LD parsed with
 * jansson and every field checked against the database (NewsArticle and
 * its kin, BreadcrumbList against the visible breadcrumb, WebSite), the
 * OpenGraph and Twitter tags, title, description and canonical addresses
 * from the base URL setting, and a title made to break out of its script
 * element. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <jansson.h>
#include <regex.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "content/content.h"
#include "lib/harness.h"

#define BASE "https://news.example.org"
#define TEHRAN (3 * 3600 + 1800) /* no daylight saving time since 2022 */

static struct gz_test_server server;
static char site_dir[512];
static const char *odd_title = "</script><script>alert(1)</script> & “quotes” <!-- x";
static int64_t odd_id;

#define has(r, s) assert_true(gz_test_contains((r)->body, (r)->len, (s)))
#define lacks(r, s) assert_false(gz_test_contains((r)->body, (r)->len, (s)))

/* ---- helpers ------------------------------------------------------------- */

struct rows {
        char **v;
        size_t n;
};

/* Every row's first column. */
static struct rows
db_rows(const char *sql)
{
        char path[700];
        snprintf(path, sizeof(path), "%s/gazette.db", site_dir);
        sqlite3 *db;
        sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL);
        sqlite3_stmt *st;
        struct rows r = {0};
        if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK) {
                while (sqlite3_step(st) == SQLITE_ROW) {
                        r.v = realloc(r.v, (r.n + 1) * sizeof(*r.v));
                        const char *t = (const char *)sqlite3_column_text(st, 0);
                        r.v[r.n++] = strdup(t ? t : "");
                }
                sqlite3_finalize(st);
        }
        sqlite3_close(db);
        return r;
}

static char *
db_value(const char *sql)
{
        struct rows r = db_rows(sql);
        char *v = r.n ? r.v[0] : NULL;
        for (size_t i = 1; i < r.n; i++)
                free(r.v[i]);
        free(r.v);
        return v;
}

static void
rows_free(struct rows *r)
{
        for (size_t i = 0; i < r->n; i++)
                free(r->v[i]);
        free(r->v);
}

static void
get_ok(const char *path, struct gz_test_resp *r)
{
        assert_int_equal(gz_test_get(&server, path, r), 0);
        if (r->status != 200)
                fprintf(stderr, "GET %s: %ld\n", path, r->status);
        assert_int_equal(r->status, 200);
}

/* HTML text back to characters (the five our escaping makes). */
static char *
unescape(const char *s, size_t n)
{
        static const struct {
                const char *entity, *ch;
        } map[] = {{"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}};
        char *out = malloc(n + 1);
        size_t o = 0;
        for (size_t i = 0; i < n;) {
                bool done = false;
                for (size_t k = 0; k < 5 && !done; k++) {
                        size_t len = strlen(map[k].entity);
                        if (i + len <= n && strncmp(s + i, map[k].entity, len) == 0) {
                                out[o++] = map[k].ch[0];
                                i += len;
                                done = true;
                        }
                }
                if (!done)
                        out[o++] = s[i++];
        }
        out[o] = '\0';
        return out;
}

/* The content of <meta ATTR="NAME" content="...">, the nth one, or NULL. */
static char *
meta(const struct gz_test_resp *r, const char *attr, const char *name, int nth)
{
        char needle[256];
        snprintf(needle, sizeof(needle), "<meta %s=\"%s\" content=\"", attr, name);
        const char *at = r->body;
        for (int i = 0; i <= nth; i++) {
                at = strstr(at, needle);
                if (at == NULL)
                        return NULL;
                at += strlen(needle);
        }
        const char *end = strchr(at, '"');
        return unescape(at, (size_t)(end - at));
}

static char *
og(const struct gz_test_resp *r, const char *property)
{
        return meta(r, "property", property, 0);
}

static char *
canonical_of(const struct gz_test_resp *r)
{
        const char *at = strstr(r->body, "<link rel=\"canonical\" href=\"");
        assert_non_null(at);
        at += strlen("<link rel=\"canonical\" href=\"");
        return unescape(at, strcspn(at, "\""));
}

/* Every JSON-LD block of the page, parsed. */
static size_t
json_ld(const struct gz_test_resp *r, json_t **out, size_t max)
{
        static const char open[] = "<script type=\"application/ld+json\">";
        size_t n = 0;
        for (const char *at = strstr(r->body, open); at && n < max; at = strstr(at, open)) {
                at += strlen(open);
                const char *end = strstr(at, "</script>");
                assert_non_null(end);
                json_error_t err;
                out[n] = json_loadb(at, (size_t)(end - at), 0, &err);
                if (out[n] == NULL)
                        fprintf(stderr, "JSON-LD: %s\n", err.text);
                assert_non_null(out[n]);
                n++;
        }
        return n;
}

static json_t *
ld_of_type(json_t **ld, size_t n, const char *type)
{
        for (size_t i = 0; i < n; i++) {
                json_t *t = json_object_get(ld[i], "@type");
                if (json_is_string(t) && strcmp(json_string_value(t), type) == 0)
                        return ld[i];
                for (size_t k = 0; json_is_array(t) && k < json_array_size(t); k++)
                        if (strcmp(json_string_value(json_array_get(t, k)), type) == 0)
                                return ld[i];
        }
        return NULL;
}

static const char *
str(json_t *o, const char *key)
{
        json_t *v = json_object_get(o, key);
        if (!json_is_string(v))
                fprintf(stderr, "JSON-LD: no string %s\n", key);
        assert_true(json_is_string(v));
        return json_string_value(v);
}

/* RFC 3339 in the site's zone (Tehran) for a UTC time. */
static void
tehran_time(long t, char out[40])
{
        time_t local = (time_t)(t + TEHRAN);
        struct tm tm;
        gmtime_r(&local, &tm);
        strftime(out, 40, "%Y-%m-%dT%H:%M:%S+03:30", &tm);
}

static char *
article_path(const char *id)
{
        char sql[256];
        snprintf(sql, sizeof(sql),
                 "SELECT strftime('/%%Y/%%m/', published_at, 'unixepoch') || slug || '/' FROM "
                 "articles WHERE id = %s",
                 id);
        return db_value(sql);
}

/* Every field of an article's JSON-LD against its row. */
static void
check_article_ld(json_t *a, const char *id, const char *canonical)
{
        char sql[512];
        assert_string_equal(str(a, "@context"), "https://schema.org");
        snprintf(sql, sizeof(sql), "SELECT title FROM articles WHERE id = %s", id);
        char *title = db_value(sql);
        assert_string_equal(str(a, "headline"), title);
        free(title);
        snprintf(sql, sizeof(sql), "SELECT summary FROM articles WHERE id = %s", id);
        char *summary = db_value(sql);
        assert_string_equal(str(a, "description"), summary);
        free(summary);
        assert_string_equal(str(a, "url"), canonical);
        json_t *page = json_object_get(a, "mainEntityOfPage");
        assert_string_equal(str(page, "@type"), "WebPage");
        assert_string_equal(str(page, "@id"), canonical);

        snprintf(sql, sizeof(sql), "SELECT published_at FROM articles WHERE id = %s", id);
        char *pub = db_value(sql);
        char expect[40];
        tehran_time(atol(pub), expect);
        assert_string_equal(str(a, "datePublished"), expect);
        free(pub);
        snprintf(sql, sizeof(sql),
                 "SELECT max(updated_at, published_at) FROM articles WHERE id = %s", id);
        char *mod = db_value(sql);
        tehran_time(atol(mod), expect);
        assert_string_equal(str(a, "dateModified"), expect);
        free(mod);

        json_t *authors = json_object_get(a, "author");
        assert_true(json_is_array(authors));
        snprintf(sql, sizeof(sql),
                 "SELECT au.kind || '|' || au.name || '|' || au.slug FROM article_authors x JOIN "
                 "authors au ON au.id = x.author_id WHERE x.article_id = %s ORDER BY x.position",
                 id);
        struct rows rows = db_rows(sql);
        assert_int_equal(json_array_size(authors), rows.n);
        for (size_t i = 0; i < rows.n; i++) {
                json_t *au = json_array_get(authors, i);
                char kind[32], name[256], slug[256];
                sscanf(rows.v[i], "%31[^|]|%255[^|]|%255s", kind, name, slug);
                assert_string_equal(str(au, "@type"),
                                    strcmp(kind, "organization") == 0 ? "Organization" : "Person");
                assert_string_equal(str(au, "name"), name);
                char url[600];
                snprintf(url, sizeof(url), BASE "/author/%s/", slug);
                assert_string_equal(str(au, "url"), url);
        }
        rows_free(&rows);

        json_t *pub_org = json_object_get(a, "publisher");
        assert_string_equal(str(pub_org, "@type"), "Organization");
        assert_string_equal(str(pub_org, "name"), "The Northgate Courier");
        assert_string_equal(str(pub_org, "url"), BASE "/");
        json_t *logo = json_object_get(pub_org, "logo");
        assert_string_equal(str(logo, "@type"), "ImageObject");
        assert_int_equal(strncmp(str(logo, "url"), BASE "/", strlen(BASE) + 1), 0);

        snprintf(sql, sizeof(sql),
                 "SELECT s.name FROM articles a JOIN sections s ON s.id = a.section_id WHERE "
                 "a.id = %s",
                 id);
        char *section = db_value(sql);
        assert_string_equal(str(a, "articleSection"), section);
        free(section);
        snprintf(sql, sizeof(sql),
                 "SELECT t.name FROM article_tags x JOIN tags t ON t.id = x.tag_id WHERE "
                 "x.article_id = %s ORDER BY t.name",
                 id);
        rows = db_rows(sql);
        json_t *keywords = json_object_get(a, "keywords");
        assert_int_equal(json_array_size(keywords), rows.n);
        for (size_t i = 0; i < rows.n; i++)
                assert_string_equal(json_string_value(json_array_get(keywords, i)), rows.v[i]);
        rows_free(&rows);
        snprintf(sql, sizeof(sql), "SELECT lang FROM articles WHERE id = %s", id);
        char *lang = db_value(sql);
        assert_string_equal(str(a, "inLanguage"), lang);
        free(lang);

        /* Images: the renditions there are, widest first, with sizes. */
        snprintf(sql, sizeof(sql),
                 "SELECT m.renditions FROM articles a JOIN media m ON m.id = a.featured_media_id "
                 "WHERE a.id = %s",
                 id);
        char *renditions = db_value(sql);
        if (renditions != NULL) {
                json_t *images = json_object_get(a, "image");
                assert_true(json_is_array(images));
                size_t jpegs = gz_test_count(renditions, strlen(renditions), ":jpeg:");
                assert_int_equal(json_array_size(images), jpegs); /* one ratio: every size */
                long last_width = 1 << 30;
                for (size_t i = 0; i < json_array_size(images); i++) {
                        json_t *img = json_array_get(images, i);
                        assert_string_equal(str(img, "@type"), "ImageObject");
                        const char *u = str(img, "url");
                        assert_int_equal(strncmp(u, BASE "/media/", strlen(BASE "/media/")), 0);
                        assert_non_null(strstr(renditions, strrchr(u, '/') + 1));
                        long w = (long)json_integer_value(json_object_get(img, "width"));
                        long h = (long)json_integer_value(json_object_get(img, "height"));
                        assert_true(w > 0 && h > 0 && w <= last_width);
                        assert_true(labs(w * 9 - h * 16) <= 16); /* the demo's 16:9 */
                        last_width = w;
                }
                free(renditions);
        }
}

/* ---- tests ------------------------------------------------------------------ */

static char *
newest(const char *kind)
{
        char sql[768];
        snprintf(sql, sizeof(sql),
                 "SELECT a.id FROM articles a JOIN sections s ON s.id = a.section_id WHERE "
                 "a.kind = '%s' AND a.status = 'published' AND a.lang = 'en' AND "
                 "a.featured_media_id IS NOT NULL AND s.parent_id IS NOT NULL AND EXISTS (SELECT "
                 "1 FROM article_tags t WHERE t.article_id = a.id) AND a.id != %lld ORDER BY "
                 "a.published_at DESC LIMIT 1",
                 kind, (long long)odd_id);
        return db_value(sql);
}

static void
news_article_json_ld_has_every_field(void **state)
{
        (void)state;
        char *id = newest("news");
        assert_non_null(id);
        char *path = article_path(id);
        struct gz_test_resp r;
        get_ok(path, &r);
        char *canonical = canonical_of(&r);
        char expect[1024];
        snprintf(expect, sizeof(expect), BASE "%s", path);
        assert_string_equal(canonical, expect);
        json_t *ld[8];
        size_t n = json_ld(&r, ld, 8);
        assert_int_equal(n, 2);
        json_t *a = ld_of_type(ld, n, "NewsArticle");
        assert_non_null(a);
        assert_string_equal(str(a, "@type"), "NewsArticle");
        check_article_ld(a, id, canonical);
        for (size_t i = 0; i < n; i++)
                json_decref(ld[i]);
        free(canonical);
        free(path);
        free(id);
        gz_test_resp_free(&r);
}

static void
statements_and_opinions_use_their_types_with_the_same_fields(void **state)
{
        (void)state;
        static const char *const kinds[][2] = {{"statement", "Report"},
                                               {"opinion", "OpinionNewsArticle"}};
        for (size_t k = 0; k < 2; k++) {
                char sql[512];
                snprintf(sql, sizeof(sql),
                         "SELECT id FROM articles WHERE kind = '%s' AND status = 'published' "
                         "ORDER BY published_at DESC LIMIT 1",
                         kinds[k][0]);
                char *id = db_value(sql);
                assert_non_null(id);
                char *path = article_path(id);
                struct gz_test_resp r;
                get_ok(path, &r);
                char *canonical = canonical_of(&r);
                json_t *ld[8];
                size_t n = json_ld(&r, ld, 8);
                json_t *a = ld_of_type(ld, n, kinds[k][1]);
                assert_non_null(a);
                assert_ptr_equal(a, ld_of_type(ld, n, "NewsArticle")); /* both types */
                check_article_ld(a, id, canonical);
                for (size_t i = 0; i < n; i++)
                        json_decref(ld[i]);
                free(canonical);
                free(path);
                free(id);
                gz_test_resp_free(&r);
        }
}

/* The visible breadcrumb: names and links. */
static size_t
visible_breadcrumb(const struct gz_test_resp *r, char **names, char **links, size_t max)
{
        const char *nav = strstr(r->body, "<nav class=\"breadcrumb\"");
        assert_non_null(nav);
        const char *end = strstr(nav, "</nav>");
        size_t n = 0;
        for (const char *li = strstr(nav, "<li>"); li && li < end && n < max;
             li = strstr(li + 1, "<li>")) {
                li += 4;
                if (strncmp(li, "<a href=\"", 9) == 0) {
                        const char *href = li + 9;
                        size_t hl = strcspn(href, "\"");
                        char *link = unescape(href, hl);
                        links[n] = malloc(strlen(BASE) + strlen(link) + 1);
                        sprintf(links[n], BASE "%s", link);
                        free(link);
                        const char *text = href + hl + 2;
                        names[n] = unescape(text, strcspn(text, "<"));
                } else {
                        const char *text = strchr(li, '>') + 1;
                        names[n] = unescape(text, strcspn(text, "<"));
                        links[n] = NULL;
                }
                n++;
        }
        return n;
}

static void
breadcrumb_list_matches_the_visible_breadcrumb(void **state)
{
        (void)state;
        char *id = newest("news");
        char *article = article_path(id);
        const char *paths[] = {article,     "/news/city/", "/tag/harbour/",
                               "/archive/", "/2026/11/",   "/search?q=harbour"};
        for (size_t p = 0; p < sizeof(paths) / sizeof(paths[0]); p++) {
                struct gz_test_resp r;
                get_ok(paths[p], &r);
                char *canonical = canonical_of(&r);
                char *names[16], *links[16];
                size_t n = visible_breadcrumb(&r, names, links, 16);
                assert_true(n >= 2);
                json_t *ld[8];
                size_t count = json_ld(&r, ld, 8);
                json_t *list = ld_of_type(ld, count, "BreadcrumbList");
                assert_non_null(list);
                json_t *items = json_object_get(list, "itemListElement");
                assert_int_equal(json_array_size(items), n);
                for (size_t i = 0; i < n; i++) {
                        json_t *item = json_array_get(items, i);
                        assert_string_equal(str(item, "@type"), "ListItem");
                        assert_int_equal(json_integer_value(json_object_get(item, "position")),
                                         (json_int_t)i + 1);
                        assert_string_equal(str(item, "name"), names[i]);
                        /* The current page, shown without a link, is the canonical. */
                        assert_string_equal(str(item, "item"), links[i] ? links[i] : canonical);
                        free(names[i]);
                        free(links[i]);
                }
                for (size_t i = 0; i < count; i++)
                        json_decref(ld[i]);
                free(canonical);
                gz_test_resp_free(&r);
        }
        free(article);
        free(id);
}

static void
open_graph_and_twitter_card_describe_the_article(void **state)
{
        (void)state;
        char *id = newest("news");
        char *path = article_path(id);
        struct gz_test_resp r;
        get_ok(path, &r);
        char *canonical = canonical_of(&r);
        char sql[512];
        snprintf(sql, sizeof(sql), "SELECT title FROM articles WHERE id = %s", id);
        char *title = db_value(sql);
        snprintf(sql, sizeof(sql), "SELECT summary FROM articles WHERE id = %s", id);
        char *summary = db_value(sql);
        json_t *ld[8];
        size_t n = json_ld(&r, ld, 8);
        json_t *a = ld_of_type(ld, n, "NewsArticle");

        char *v;
        assert_string_equal(v = og(&r, "og:type"), "article"), free(v);
        assert_string_equal(v = og(&r, "og:title"), title), free(v);
        assert_string_equal(v = og(&r, "og:description"), summary), free(v);
        assert_string_equal(v = og(&r, "og:url"), canonical), free(v);
        assert_string_equal(v = og(&r, "og:site_name"), "The Northgate Courier"), free(v);
        char *image = og(&r, "og:image");
        assert_string_equal(image, json_string_value(json_object_get(
                                       json_array_get(json_object_get(a, "image"), 0), "url")));
        assert_string_equal(v = og(&r, "og:image:width"), "1600"), free(v);
        assert_string_equal(v = og(&r, "og:image:height"), "900"), free(v);
        assert_non_null(v = og(&r, "og:image:alt")), free(v);
        assert_string_equal(v = og(&r, "article:published_time"), str(a, "datePublished")), free(v);
        assert_string_equal(v = og(&r, "article:modified_time"), str(a, "dateModified")), free(v);
        assert_string_equal(v = og(&r, "article:section"), str(a, "articleSection")), free(v);
        json_t *authors = json_object_get(a, "author");
        for (size_t i = 0; i < json_array_size(authors); i++) {
                v = meta(&r, "property", "article:author", (int)i);
                assert_string_equal(v, str(json_array_get(authors, i), "url"));
                free(v);
        }
        json_t *keywords = json_object_get(a, "keywords");
        for (size_t i = 0; i < json_array_size(keywords); i++) {
                v = meta(&r, "property", "article:tag", (int)i);
                assert_string_equal(v, json_string_value(json_array_get(keywords, i)));
                free(v);
        }
        assert_null(meta(&r, "property", "article:tag", (int)json_array_size(keywords)));
        assert_string_equal(v = meta(&r, "name", "twitter:card", 0), "summary_large_image"),
            free(v);
        assert_string_equal(v = meta(&r, "name", "twitter:title", 0), title), free(v);
        assert_string_equal(v = meta(&r, "name", "twitter:image", 0), image), free(v);
        /* The image is the site's and really that size. */
        struct gz_test_resp img;
        assert_int_equal(gz_test_get(&server, image + strlen(BASE), &img), 0);
        assert_int_equal(img.status, 200);
        assert_string_equal(gz_test_header(&img, "Content-Type"), "image/jpeg");
        gz_test_resp_free(&img);
        for (size_t i = 0; i < n; i++)
                json_decref(ld[i]);
        free(image);
        free(title);
        free(summary);
        free(canonical);
        free(path);
        free(id);
        gz_test_resp_free(&r);
}

static void
a_title_cannot_break_out_of_its_script(void **state)
{
        (void)state;
        char id[32];
        snprintf(id, sizeof(id), "%lld", (long long)odd_id);
        char *path = article_path(id);
        struct gz_test_resp r;
        get_ok(path, &r);
        /* Only our own elements: every </script> closes a JSON-LD block. */
        size_t scripts = gz_test_count(r.body, r.len, "<script");
        assert_int_equal(scripts, 2);
        assert_int_equal(gz_test_count(r.body, r.len, "<script type=\"application/ld+json\">"), 2);
        assert_int_equal(gz_test_count(r.body, r.len, "</script>"), 2);
        lacks(&r, "<script>alert");
        lacks(&r, "<!-- x");
        json_t *ld[8];
        size_t n = json_ld(&r, ld, 8);
        json_t *a = ld_of_type(ld, n, "NewsArticle");
        assert_string_equal(str(a, "headline"), odd_title);
        char *v = og(&r, "og:title");
        assert_string_equal(v, odd_title);
        free(v);
        has(&r, "<meta property=\"og:title\" content=\"&lt;/script&gt;&lt;script&gt;alert(1)");
        for (size_t i = 0; i < n; i++)
                json_decref(ld[i]);
        free(path);
        gz_test_resp_free(&r);
}

static void
every_page_has_title_description_canonical_and_its_type(void **state)
{
        (void)state;
        static const struct {
                const char *path, *type, *og_type;
        } pages[] = {
            {"/", "WebSite", "website"},
            {"/news/", "CollectionPage", "website"},
            {"/tag/harbour/", "CollectionPage", "website"},
            {"/archive/", "CollectionPage", "website"},
            {"/2026/", "CollectionPage", "website"},
            {"/search?q=harbour", "SearchResultsPage", "website"},
            {"/about/", "WebPage", "website"},
        };
        for (size_t i = 0; i < sizeof(pages) / sizeof(pages[0]); i++) {
                struct gz_test_resp r;
                get_ok(pages[i].path, &r);
                has(&r, "<title>");
                char *canonical = canonical_of(&r);
                assert_int_equal(strncmp(canonical, BASE "/", strlen(BASE) + 1), 0);
                char *v = og(&r, "og:url");
                assert_string_equal(v, canonical);
                free(v);
                assert_string_equal(v = og(&r, "og:type"), pages[i].og_type), free(v);
                json_t *ld[8];
                size_t n = json_ld(&r, ld, 8);
                json_t *page = ld_of_type(ld, n, pages[i].type);
                if (page == NULL)
                        fprintf(stderr, "%s: no %s\n", pages[i].path, pages[i].type);
                assert_non_null(page);
                assert_string_equal(str(page, "inLanguage"), "en");
                assert_string_equal(str(page, "url"),
                                    strcmp(pages[i].type, "WebSite") == 0 ? BASE "/" : canonical);
                if (strcmp(pages[i].type, "WebSite") == 0) {
                        json_t *action = json_object_get(page, "potentialAction");
                        assert_string_equal(str(action, "@type"), "SearchAction");
                        assert_string_equal(str(json_object_get(action, "target"), "urlTemplate"),
                                            BASE "/search?q={search_term_string}");
                        assert_string_equal(str(action, "query-input"),
                                            "required name=search_term_string");
                        /* The front page's description is the site's. */
                        v = meta(&r, "name", "description", 0);
                        assert_non_null(v);
                        assert_string_equal(str(page, "description"), v);
                        free(v);
                }
                for (size_t k = 0; k < n; k++)
                        json_decref(ld[k]);
                free(canonical);
                gz_test_resp_free(&r);
        }
        /* An article's description is its excerpt. */
        char *id = newest("news");
        char *path = article_path(id);
        struct gz_test_resp r;
        get_ok(path, &r);
        char sql[256];
        snprintf(sql, sizeof(sql), "SELECT summary FROM articles WHERE id = %s", id);
        char *summary = db_value(sql);
        char *v = meta(&r, "name", "description", 0);
        assert_string_equal(v, summary);
        /* The article's date leads to its month in the archive. */
        char link[256];
        snprintf(link, sizeof(link), "<a class=\"date-link\" href=\"%.9s\">", path);
        has(&r, link);
        free(v);
        free(summary);
        free(path);
        free(id);
        gz_test_resp_free(&r);
}

/* ---- setup -------------------------------------------------------------------- */

static void
settings(const char *key, const char *value)
{
        char cmd[2048];
        snprintf(cmd, sizeof(cmd), "'%s' settings '%s' %s '%s'", gz_test_bin(), site_dir, key,
                 value);
        if (gz_test_run(cmd, NULL) != 0)
                exit(2);
}

static int
setup(void **state)
{
        (void)state;
        gz_test_demo_site(site_dir, sizeof(site_dir));
        char path[700];
        snprintf(path, sizeof(path), "%s/gazette.db", site_dir);
        struct gz_store *s;
        struct gz_error err;
        if (gz_store_open(path, 0, &s, &err) != GZ_OK)
                return -1;
        struct gz_content c = {.store = s, .site_dir = site_dir};
        int64_t version;
        const char *tags[] = {"Harbour"};
        struct gz_article_input odd = {.title = odd_title,
                                       .body_md = "A title that tries to end its script.",
                                       .section_path = "news",
                                       .tag_names = tags,
                                       .tag_count = 1,
                                       .set_tags = true,
                                       .published_at = gz_now() - 30 * 86400};
        if (gz_article_save(&c, &odd, GZ_ACTION_PUBLISH, 0, NULL, &odd_id, &version, &err) !=
            GZ_OK) {
                fprintf(stderr, "%s\n", err.msg);
                return -1;
        }
        gz_store_close(s);
        settings("base_url", BASE);
        settings("timezone", "Asia/Tehran");
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
            cmocka_unit_test(news_article_json_ld_has_every_field),
            cmocka_unit_test(statements_and_opinions_use_their_types_with_the_same_fields),
            cmocka_unit_test(breadcrumb_list_matches_the_visible_breadcrumb),
            cmocka_unit_test(open_graph_and_twitter_card_describe_the_article),
            cmocka_unit_test(a_title_cannot_break_out_of_its_script),
            cmocka_unit_test(every_page_has_title_description_canonical_and_its_type),
        };
        return cmocka_run_group_tests_name("meta", tests, setup, teardown);
}
