/* Sitemaps, the Google News sitemap and robots.txt, read with libxml2 and
 * checked against the protocol's rules: namespaces, at most 50,000
 * addresses a file, absolute addresses from the base URL setting, W3C
 * dates, escaping, every published article listed, and the news window of
 * two days. The splitting of large sitemaps and the cache dependencies are
 * checked in this process with a lowered limit. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <libxml/parser.h>
#include <libxml/uri.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <regex.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cache/cache.h"
#include "content/content.h"
#include "lib/harness.h"
#include "site/site_internal.h"

#define BASE "https://news.example.org"
#define NS_SITEMAP "http://www.sitemaps.org/schemas/sitemap/0.9"
#define NS_NEWS "http://www.google.com/schemas/sitemap-news/0.9"
#define NS_IMAGE "http://www.google.com/schemas/sitemap-image/1.1"

static struct gz_test_server server;
static char site_dir[512];
static const char *odd_title = "Q&A: <why> \"quotes\" & 'apostrophes' matter";

#define has(r, s) assert_true(gz_test_contains((r)->body, (r)->len, (s)))

/* ---- helpers --------------------------------------------------------------- */

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

static long
db_int(const char *sql)
{
        char *v = db_value(sql);
        long n = v ? atol(v) : -1;
        free(v);
        return n;
}

/* Fetches an absolute address of the site from the test server. */
static void
fetch(const char *url, struct gz_test_resp *r)
{
        const char *path = url;
        if (strncmp(url, BASE, strlen(BASE)) == 0)
                path = url + strlen(BASE);
        assert_int_equal(gz_test_get(&server, path, r), 0);
}

static xmlDocPtr
parse_xml(const struct gz_test_resp *r)
{
        /* No network, no entities from outside: the document alone. */
        xmlDocPtr doc = xmlReadMemory(r->body, (int)r->len, "sitemap.xml", NULL,
                                      XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
        assert_non_null(doc);
        return doc;
}

static xmlXPathObjectPtr
xpath(xmlDocPtr doc, const char *expr)
{
        xmlXPathContextPtr ctx = xmlXPathNewContext(doc);
        xmlXPathRegisterNs(ctx, BAD_CAST "s", BAD_CAST NS_SITEMAP);
        xmlXPathRegisterNs(ctx, BAD_CAST "news", BAD_CAST NS_NEWS);
        xmlXPathRegisterNs(ctx, BAD_CAST "image", BAD_CAST NS_IMAGE);
        xmlXPathObjectPtr obj = xmlXPathEvalExpression(BAD_CAST expr, ctx);
        xmlXPathFreeContext(ctx);
        assert_non_null(obj);
        return obj;
}

static int
node_count(xmlXPathObjectPtr obj)
{
        return obj->nodesetval ? obj->nodesetval->nodeNr : 0;
}

static char *
node_text(xmlXPathObjectPtr obj, int i)
{
        xmlChar *t = xmlNodeGetContent(obj->nodesetval->nodeTab[i]);
        char *copy = strdup((const char *)t);
        xmlFree(t);
        return copy;
}

static bool
matches(const char *pattern, const char *s)
{
        regex_t re;
        assert_int_equal(regcomp(&re, pattern, REG_EXTENDED | REG_NOSUB), 0);
        bool ok = regexec(&re, s, 0, NULL, 0) == 0;
        regfree(&re);
        return ok;
}

#define W3C_DATE "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(Z|[+-][0-9]{2}:[0-9]{2})$"

/* A loc the protocol accepts: absolute, on the site, at most 2,048
 * characters, an ASCII URI that parses. */
static void
check_loc(const char *loc)
{
        if (strncmp(loc, BASE "/", strlen(BASE) + 1) != 0)
                fprintf(stderr, "loc not on the site: %s\n", loc);
        assert_int_equal(strncmp(loc, BASE "/", strlen(BASE) + 1), 0);
        assert_true(strlen(loc) < 2048);
        for (const char *c = loc; *c; c++)
                assert_true((unsigned char)*c > 0x20 && (unsigned char)*c < 0x7f);
        xmlURIPtr uri = xmlParseURI(loc);
        assert_non_null(uri);
        assert_string_equal(uri->scheme, "https");
        assert_string_equal(uri->server, "news.example.org");
        xmlFreeURI(uri);
}

struct url_set {
        char **locs;
        size_t count;
};

static void
url_set_add(struct url_set *s, const char *loc)
{
        s->locs = realloc(s->locs, (s->count + 1) * sizeof(*s->locs));
        s->locs[s->count++] = strdup(loc);
}

static bool
url_set_has(const struct url_set *s, const char *loc)
{
        for (size_t i = 0; i < s->count; i++)
                if (strcmp(s->locs[i], loc) == 0)
                        return true;
        return false;
}

static void
url_set_free(struct url_set *s)
{
        for (size_t i = 0; i < s->count; i++)
                free(s->locs[i]);
        free(s->locs);
        memset(s, 0, sizeof(*s));
}

/* Reads one sitemap by the rules; adds its locs to all. */
static void
check_sitemap(const char *url, struct url_set *all)
{
        struct gz_test_resp r;
        fetch(url, &r);
        assert_int_equal(r.status, 200);
        assert_string_equal(gz_test_header(&r, "Content-Type"), "application/xml; charset=utf-8");
        assert_true(r.len < 50 * 1024 * 1024);
        xmlDocPtr doc = parse_xml(&r);
        xmlNodePtr root = xmlDocGetRootElement(doc);
        assert_string_equal((const char *)root->name, "urlset");
        assert_string_equal((const char *)root->ns->href, NS_SITEMAP);
        xmlXPathObjectPtr urls = xpath(doc, "/s:urlset/s:url");
        int n = node_count(urls);
        assert_true(n >= 1 && n <= 50000);
        xmlXPathObjectPtr locs = xpath(doc, "/s:urlset/s:url/s:loc");
        assert_int_equal(node_count(locs), n); /* one loc per url */
        for (int i = 0; i < n; i++) {
                char *loc = node_text(locs, i);
                check_loc(loc);
                assert_false(url_set_has(all, loc)); /* listed once */
                url_set_add(all, loc);
                free(loc);
        }
        xmlXPathObjectPtr dates = xpath(doc, "/s:urlset/s:url/s:lastmod");
        for (int i = 0; i < node_count(dates); i++) {
                char *d = node_text(dates, i);
                assert_true(matches(W3C_DATE, d));
                free(d);
        }
        xmlXPathObjectPtr images = xpath(doc, "//image:image/image:loc");
        for (int i = 0; i < node_count(images); i++) {
                char *loc = node_text(images, i);
                check_loc(loc);
                assert_non_null(strstr(loc, "/media/"));
                free(loc);
        }
        xmlXPathFreeObject(images);
        xmlXPathFreeObject(dates);
        xmlXPathFreeObject(locs);
        xmlXPathFreeObject(urls);
        xmlFreeDoc(doc);
        gz_test_resp_free(&r);
}

/* ---- over HTTP --------------------------------------------------------------- */

static void
the_index_lists_every_sitemap_and_each_follows_the_protocol(void **state)
{
        (void)state;
        struct gz_test_resp r;
        fetch(BASE "/sitemap.xml", &r);
        assert_int_equal(r.status, 200);
        assert_string_equal(gz_test_header(&r, "Content-Type"), "application/xml; charset=utf-8");
        assert_non_null(gz_test_header(&r, "ETag"));
        xmlDocPtr doc = parse_xml(&r);
        xmlNodePtr root = xmlDocGetRootElement(doc);
        assert_string_equal((const char *)root->name, "sitemapindex");
        assert_string_equal((const char *)root->ns->href, NS_SITEMAP);
        xmlXPathObjectPtr locs = xpath(doc, "/s:sitemapindex/s:sitemap/s:loc");
        xmlXPathObjectPtr dates = xpath(doc, "/s:sitemapindex/s:sitemap/s:lastmod");
        int n = node_count(locs);
        assert_true(n >= 5 && n <= 50000);
        assert_int_equal(node_count(dates), n); /* every sitemap has its lastmod */
        struct url_set all = {0};
        bool names[4] = {false};
        for (int i = 0; i < n; i++) {
                char *loc = node_text(locs, i);
                char *date = node_text(dates, i);
                check_loc(loc);
                assert_true(matches("^" BASE "/sitemaps/(sections|tags|authors|pages|articles-["
                                    "0-9]{4}-[0-9]{2})(-[2-9][0-9]*)?\\.xml$",
                                    loc));
                assert_true(matches(W3C_DATE, date));
                names[0] |= strstr(loc, "/sections.xml") != NULL;
                names[1] |= strstr(loc, "/tags.xml") != NULL;
                names[2] |= strstr(loc, "/authors.xml") != NULL;
                names[3] |= strstr(loc, "/pages.xml") != NULL;
                check_sitemap(loc, &all);
                free(loc);
                free(date);
        }
        assert_true(names[0] && names[1] && names[2] && names[3]);

        /* Every published article and page is listed, each once. */
        size_t article_urls = 0;
        for (size_t i = 0; i < all.count; i++)
                article_urls += matches("^" BASE "/(fa/)?[0-9]{4}/[0-9]{2}/[^/]+/$", all.locs[i]);
        long articles = db_int("SELECT count(*) FROM articles WHERE status = 'published' AND "
                               "kind != 'page' AND deleted_at IS NULL");
        assert_int_equal(article_urls, articles);
        char *url = db_value("SELECT '" BASE "' || strftime('/%Y/%m/', published_at, "
                             "'unixepoch') || slug || '/' FROM articles WHERE status = "
                             "'published' AND kind = 'news' ORDER BY published_at LIMIT 1");
        assert_true(url_set_has(&all, url));
        free(url);
        char *page = db_value("SELECT '" BASE "/' || slug || '/' FROM articles WHERE status = "
                              "'published' AND kind = 'page' LIMIT 1");
        assert_true(url_set_has(&all, page));
        free(page);
        assert_true(url_set_has(&all, BASE "/"));
        assert_true(url_set_has(&all, BASE "/news/"));
        assert_true(url_set_has(&all, BASE "/about/"));
        /* The Persian article's address is percent-encoded ASCII. */
        bool persian = false;
        for (size_t i = 0; i < all.count; i++)
                persian |= strstr(all.locs[i], "/fa/") != NULL &&
                           strstr(all.locs[i], "%D8%A8%D9%88%D8%AF%D8%AC%D9%87") != NULL;
        assert_true(persian);
        /* Some listed addresses answer 200. */
        for (size_t i = 0; i < all.count; i += 7) {
                struct gz_test_resp answer;
                fetch(all.locs[i], &answer);
                if (answer.status != 200)
                        fprintf(stderr, "%s: %ld\n", all.locs[i], answer.status);
                assert_int_equal(answer.status, 200);
                gz_test_resp_free(&answer);
        }
        url_set_free(&all);
        xmlXPathFreeObject(dates);
        xmlXPathFreeObject(locs);
        xmlFreeDoc(doc);
        gz_test_resp_free(&r);

        fetch(BASE "/sitemaps/articles-1999-01.xml", &r);
        assert_int_equal(r.status, 404);
        gz_test_resp_free(&r);
        fetch(BASE "/sitemaps/tags-1.xml", &r);
        assert_int_equal(r.status, 404);
        gz_test_resp_free(&r);
        fetch(BASE "/sitemaps/../gazette.db", &r);
        assert_true(r.status == 404 || r.status == 400);
        gz_test_resp_free(&r);
}

static void
news_sitemap_lists_the_last_two_days_only(void **state)
{
        (void)state;
        struct gz_test_resp r;
        fetch(BASE "/news-sitemap.xml", &r);
        assert_int_equal(r.status, 200);
        assert_string_equal(gz_test_header(&r, "Content-Type"), "application/xml; charset=utf-8");
        xmlDocPtr doc = parse_xml(&r);
        xmlXPathObjectPtr urls = xpath(doc, "/s:urlset/s:url");
        int n = node_count(urls);
        long expected = db_int("SELECT count(*) FROM articles WHERE status = 'published' AND "
                               "kind != 'page' AND deleted_at IS NULL AND published_at > "
                               "strftime('%s', 'now') - 172800");
        assert_true(expected >= 2); /* the demo's newest and ours */
        assert_int_equal(n, expected);
        assert_true(n <= 1000);
        for (int i = 1; i <= n; i++) {
                char expr[256];
                snprintf(expr, sizeof(expr), "/s:urlset/s:url[%d]/s:loc", i);
                xmlXPathObjectPtr loc = xpath(doc, expr);
                assert_int_equal(node_count(loc), 1);
                char *l = node_text(loc, 0);
                check_loc(l);
                free(l);
                xmlXPathFreeObject(loc);
                static const char *const parts[] = {"news:news/news:publication/news:name",
                                                    "news:news/news:publication/news:language",
                                                    "news:news/news:publication_date",
                                                    "news:news/news:title"};
                for (size_t k = 0; k < 4; k++) {
                        snprintf(expr, sizeof(expr), "/s:urlset/s:url[%d]/%s", i, parts[k]);
                        xmlXPathObjectPtr v = xpath(doc, expr);
                        assert_int_equal(node_count(v), 1);
                        char *text = node_text(v, 0);
                        assert_true(*text != '\0');
                        if (k == 0)
                                assert_string_equal(text, "The Northgate Courier");
                        if (k == 1)
                                assert_true(strcmp(text, "en") == 0 || strcmp(text, "fa") == 0);
                        if (k == 2) {
                                assert_true(matches(W3C_DATE, text));
                                assert_true(strstr(text, "+03:30") != NULL); /* Asia/Tehran */
                        }
                        free(text);
                        xmlXPathFreeObject(v);
                }
        }
        /* Escaped on the way out, exact after parsing. */
        char expr[512];
        xmlXPathObjectPtr titles = xpath(doc, "//news:title");
        bool found = false;
        for (int i = 0; i < node_count(titles); i++) {
                char *t = node_text(titles, i);
                found |= strcmp(t, odd_title) == 0;
                free(t);
        }
        assert_true(found);
        xmlXPathFreeObject(titles);
        /* The old article is not there. */
        snprintf(expr, sizeof(expr), "//s:loc[contains(., 'an-old-story')]");
        xmlXPathObjectPtr old = xpath(doc, expr);
        assert_int_equal(node_count(old), 0);
        xmlXPathFreeObject(old);
        xmlXPathFreeObject(urls);
        xmlFreeDoc(doc);
        gz_test_resp_free(&r);
}

static void
robots_txt_points_to_the_sitemaps_and_keeps_the_editors_rules(void **state)
{
        (void)state;
        struct gz_test_resp r;
        fetch(BASE "/robots.txt", &r);
        assert_int_equal(r.status, 200);
        assert_string_equal(gz_test_header(&r, "Content-Type"), "text/plain; charset=utf-8");
        has(&r, "User-agent: *\n");
        has(&r, "Disallow: /admin/\n");
        has(&r, "Disallow: /private/\n");
        has(&r, "User-agent: BadBot\nDisallow: /\n");
        has(&r, "Sitemap: " BASE "/sitemap.xml\n");
        has(&r, "Sitemap: " BASE "/news-sitemap.xml\n");
        gz_test_resp_free(&r);
        /* Only at the root: not per language. */
        fetch(BASE "/fa/robots.txt", &r);
        assert_int_equal(r.status, 404);
        gz_test_resp_free(&r);
        fetch(BASE "/fa/sitemap.xml", &r);
        assert_int_equal(r.status, 404);
        gz_test_resp_free(&r);
}

/* ---- in this process: splitting and dependencies ---------------------------- */

static struct gz_store *store;
static struct gz_site *site;

static void
render(const char *path, struct gz_arena *a, struct gz_resp *resp, struct gz_deps *deps)
{
        const char *q = strchr(path, '?');
        struct gz_req req = {.arena = a,
                             .method = GZ_GET,
                             .method_name = "GET",
                             .path = q ? gz_arena_strndup(a, path, (size_t)(q - path)) : path,
                             .query = q ? q + 1 : "",
                             .client_ip = "127.0.0.1",
                             .peer_ip = "127.0.0.1",
                             .now = gz_now()};
        req.raw_path = req.path;
        gz_resp_init(resp);
        *deps = (struct gz_deps){.arena = a};
        gz_site_handle(site, &req, resp, deps);
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

static int
count_of(const struct gz_resp *resp, const char *needle)
{
        return (int)gz_test_count(resp->body, resp->body_len, needle);
}

static void
open_site(void)
{
        char path[700];
        snprintf(path, sizeof(path), "%s/gazette.db", site_dir);
        struct gz_error err;
        assert_int_equal(gz_store_open(path, 0, &store, &err), GZ_OK);
        struct gz_site_options opt = {.dir = site_dir, .store = store};
        assert_int_equal(gz_site_open(&opt, &site, &err), GZ_OK);
}

static void
close_site(void)
{
        gz_site_close(site);
        gz_store_close(store);
}

static void
large_sitemaps_split_into_numbered_parts(void **state)
{
        (void)state;
        open_site();
        gz_sitemap_max_urls = 4;
        struct gz_arena *a = gz_arena_new(256 * 1024);
        struct gz_resp resp;
        struct gz_deps deps;
        render("/sitemap.xml", a, &resp, &deps);
        assert_int_equal(resp.status, 200);
        /* November 2026 has more than four articles: parts 1, 2, ... */
        assert_true(
            gz_test_contains(resp.body, resp.body_len, "/sitemaps/articles-2026-11.xml</loc>"));
        assert_true(
            gz_test_contains(resp.body, resp.body_len, "/sitemaps/articles-2026-11-2.xml</loc>"));
        assert_true(gz_test_contains(resp.body, resp.body_len, "/sitemaps/tags-2.xml</loc>"));
        long month_count = db_int("SELECT count(*) FROM articles WHERE status = 'published' AND "
                                  "kind != 'page' AND strftime('%Y-%m', published_at, "
                                  "'unixepoch') = '2026-11'");
        long parts = (month_count + 3) / 4;
        int listed_parts = count_of(&resp, "/sitemaps/articles-2026-11");
        assert_int_equal(listed_parts, parts);
        /* The parts hold every article of the month once, four at most each. */
        int total = 0;
        for (long part = 1; part <= parts; part++) {
                char path[128];
                if (part == 1)
                        snprintf(path, sizeof(path), "/sitemaps/articles-2026-11.xml");
                else
                        snprintf(path, sizeof(path), "/sitemaps/articles-2026-11-%ld.xml", part);
                struct gz_resp p;
                struct gz_deps d;
                render(path, a, &p, &d);
                assert_int_equal(p.status, 200);
                int n = count_of(&p, "<url>");
                assert_true(n >= 1 && n <= 4);
                total += n;
                assert_true(has_dep(&d, "search"));
                assert_true(has_dep(&d, "archive:en:2026-11"));
        }
        assert_int_equal(total, month_count);
        char beyond[128];
        snprintf(beyond, sizeof(beyond), "/sitemaps/articles-2026-11-%ld.xml", parts + 1);
        render(beyond, a, &resp, &deps);
        assert_int_equal(resp.status, 404);
        render("/sitemaps/articles-2026-11-02.xml", a, &resp, &deps);
        assert_int_equal(resp.status, 404);
        gz_sitemap_max_urls = 50000;
        gz_arena_free(a);
        close_site();
}

static void
sitemaps_and_feeds_record_what_they_show(void **state)
{
        (void)state;
        open_site();
        struct gz_arena *a = gz_arena_new(256 * 1024);
        struct gz_resp resp;
        struct gz_deps deps;
        render("/sitemap.xml", a, &resp, &deps);
        assert_true(deps.cacheable);
        assert_true(has_dep(&deps, "search"));  /* any edit of a published article */
        assert_true(has_dep(&deps, "home:en")); /* any publish or unpublish */
        assert_true(has_dep(&deps, "home:fa"));
        assert_true(has_dep(&deps, "archive:en"));

        /* The news sitemap leaves when its oldest entry turns two days old. */
        render("/news-sitemap.xml", a, &resp, &deps);
        assert_true(has_dep(&deps, "home:en"));
        long oldest = db_int("SELECT min(published_at) FROM articles WHERE status = 'published' "
                             "AND kind != 'page' AND published_at > strftime('%s', 'now') - "
                             "172800");
        assert_true(deps.expires <= oldest + 172800 + 1);
        assert_true(deps.expires > gz_now());

        render("/feed.xml", a, &resp, &deps);
        assert_int_equal(resp.status, 200);
        assert_true(deps.cacheable);
        assert_true(has_dep(&deps, "home:en"));
        char *newest =
            db_value("SELECT 'a:' || id FROM articles WHERE status = 'published' AND "
                     "kind != 'page' AND lang = 'en' ORDER BY published_at DESC LIMIT 1");
        assert_true(has_dep(&deps, newest));
        free(newest);
        render("/news/feed.json", a, &resp, &deps);
        char *news = db_value("SELECT 'sec:' || id FROM sections WHERE path = 'news'");
        assert_true(has_dep(&deps, news));
        free(news);
        render("/tag/harbour/atom.xml", a, &resp, &deps);
        assert_int_equal(resp.status, 200);
        char *tag = db_value("SELECT 'tag-list:' || id FROM tags WHERE slug = 'harbour'");
        assert_true(has_dep(&deps, tag));
        free(tag);
        render("/tag/no-such-tag/feed.xml", a, &resp, &deps);
        assert_int_equal(resp.status, 404);
        gz_arena_free(a);
        close_site();
}

/* ---- setup ------------------------------------------------------------------- */

static void
settings(const char *key, const char *value)
{
        char cmd[2048];
        snprintf(cmd, sizeof(cmd), "'%s' settings '%s' %s '%s'", gz_test_bin(), site_dir, key,
                 value);
        if (gz_test_run(cmd, NULL) != 0) {
                fprintf(stderr, "could not set %s\n", key);
                exit(2);
        }
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
        struct gz_language fa = {.code = "fa", .name = "فارسی", .locale = "fa", .position = 1};
        gz_store_language_save(s, &fa, NULL);
        struct gz_content c = {.store = s, .site_dir = site_dir};
        int64_t id, version;
        struct gz_article_input odd = {.title = odd_title,
                                       .body_md = "Escaping.",
                                       .section_path = "news",
                                       .published_at = gz_now() - 60};
        struct gz_article_input old = {.title = "An old story",
                                       .body_md = "Long ago.",
                                       .section_path = "news",
                                       .published_at = gz_now() - 3 * 86400};
        struct gz_article_input persian = {.lang = "fa",
                                           .title = "بودجه شهر",
                                           .body_md = "متن.",
                                           .section_path = "news",
                                           .published_at = gz_now() - 120};
        if (gz_article_save(&c, &odd, GZ_ACTION_PUBLISH, 0, NULL, &id, &version, &err) != GZ_OK ||
            gz_article_save(&c, &old, GZ_ACTION_PUBLISH, 0, NULL, &id, &version, &err) != GZ_OK ||
            gz_article_save(&c, &persian, GZ_ACTION_PUBLISH, 0, NULL, &id, &version, &err) !=
                GZ_OK) {
                fprintf(stderr, "%s\n", err.msg);
                return -1;
        }
        gz_store_close(s);
        settings("base_url", BASE);
        settings("timezone", "Asia/Tehran");
        settings("robots", "Disallow: /private/\nUser-agent: BadBot\nDisallow: /");
        gz_test_server_start(&server, site_dir, NULL);
        return 0;
}

static int
teardown(void **state)
{
        (void)state;
        int rc = gz_test_server_stop(&server);
        gz_test_rmtree(site_dir);
        xmlCleanupParser();
        return rc == 0 ? 0 : -1;
}

int
main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(the_index_lists_every_sitemap_and_each_follows_the_protocol),
            cmocka_unit_test(news_sitemap_lists_the_last_two_days_only),
            cmocka_unit_test(robots_txt_points_to_the_sitemaps_and_keeps_the_editors_rules),
            cmocka_unit_test(large_sitemaps_split_into_numbered_parts),
            cmocka_unit_test(sitemaps_and_feeds_record_what_they_show),
        };
        return cmocka_run_group_tests_name("sitemaps", tests, setup, teardown);
}
