/* Sitemaps (sitemaps.org protocol 0.9): an index of sitemaps of at most
 * gz_sitemap_max_urls addresses each (articles by UTC month, sections,
 * tags, authors, static pages), the Google News sitemap, and robots.txt. */
#include <stdlib.h>
#include <string.h>

#include "site_internal.h"

size_t gz_sitemap_max_urls = 50000;

#define XML_HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
#define NS_SITEMAP "http://www.sitemaps.org/schemas/sitemap/0.9"
#define NS_IMAGE "http://www.google.com/schemas/sitemap-image/1.1"
#define NS_NEWS "http://www.google.com/schemas/sitemap-news/0.9"
#define SITEMAP_TYPE "application/xml; charset=utf-8"

enum { NEWS_WINDOW = 2 * 86400, NEWS_MAX = 1000, BATCH = 1000 };

enum list_file { FILE_SECTIONS, FILE_TAGS, FILE_AUTHORS, FILE_PAGES, FILE__MAX };
static const char *const list_file_names[FILE__MAX] = {"sections", "tags", "authors", "pages"};

static const char *
lang_prefix(struct gz_page *p, const char *lang)
{
        return strcmp(lang, p->settings->language) == 0 ? "" : gz_arena_printf(p->a, "/%s", lang);
}

/* Every change of a published article drops "search"; every entry or exit
 * of a list drops "home:" and "archive:" of its language. */
static void
depend_on_articles(struct gz_page *p)
{
        gz_page_dep(p, "search");
        for (size_t i = 0; i < p->st->language_count; i++) {
                gz_page_dep(p, "home:%s", p->st->languages[i].code);
                gz_page_dep(p, "archive:%s", p->st->languages[i].code);
                gz_page_dep(p, "pages:%s", p->st->languages[i].code);
        }
}

static void
w3c_date(struct gz_buf *b, gz_time t)
{
        char s[32];
        gz_time_iso8601_utc(t, s);
        gz_buf_puts(b, s);
}

static void
url_entry(struct gz_buf *b, const char *loc, gz_time lastmod, const char *image)
{
        gz_buf_puts(b, "<url><loc>");
        gz_xml_escape(b, loc, strlen(loc));
        gz_buf_puts(b, "</loc>");
        if (lastmod > 0) {
                gz_buf_puts(b, "<lastmod>");
                w3c_date(b, lastmod);
                gz_buf_puts(b, "</lastmod>");
        }
        if (image != NULL) {
                gz_buf_puts(b, "<image:image><image:loc>");
                gz_xml_escape(b, image, strlen(image));
                gz_buf_puts(b, "</image:loc></image:image>");
        }
        gz_buf_puts(b, "</url>\n");
}

static const char *
image_of(struct gz_page *p, const struct gz_article *ar)
{
        if (ar->featured == NULL)
                return NULL;
        return gz_page_uri(p, gz_media_url(p->a, ar->featured, 1 << 20, "jpeg", NULL, NULL));
}

static gz_time
changed_at(const struct gz_article *ar)
{
        return ar->updated_at > ar->published_at ? ar->updated_at : ar->published_at;
}

/* ---- the lists: sections (with the front pages), tags, authors, pages ----- */

struct list_url {
        const char *path;
        gz_time lastmod;
};

struct list_urls {
        struct list_url *items;
        size_t count, cap;
};

static void
list_add(struct gz_page *p, struct list_urls *l, const char *path, gz_time lastmod)
{
        for (size_t i = 0; i < l->count; i++) {
                if (strcmp(l->items[i].path, path) == 0) {
                        if (lastmod > l->items[i].lastmod)
                                l->items[i].lastmod = lastmod;
                        return;
                }
        }
        l->items = gz_arena_grow(p->a, l->items, l->count, &l->cap, sizeof(*l->items));
        l->items[l->count++] = (struct list_url){path, lastmod};
}

static void
collect_list(struct gz_page *p, enum list_file file, struct list_urls *out)
{
        struct gz_store *store = p->site->store;
        memset(out, 0, sizeof(*out));
        struct gz_list_lastmod *rows = NULL;
        size_t n = 0;
        switch (file) {
        case FILE_SECTIONS: {
                /* A section lists its subsections' articles too: a change
                 * below it changes it. The front pages come first. */
                struct gz_archive_month *months;
                size_t mn;
                for (size_t i = 0; i < p->st->language_count; i++) {
                        const char *code = p->st->languages[i].code;
                        if (gz_store_archive_months(store, p->a, code, &months, &mn, NULL) ==
                                GZ_OK &&
                            mn > 0) {
                                gz_time newest = 0;
                                for (size_t k = 0; k < mn; k++)
                                        if (months[k].last_modified > newest)
                                                newest = months[k].last_modified;
                                list_add(p, out, gz_arena_printf(p->a, "%s/", lang_prefix(p, code)),
                                         newest);
                        }
                }
                if (gz_store_list_lastmod(store, p->a, GZ_LIST_SECTIONS, &rows, &n, NULL) != GZ_OK)
                        n = 0;
                for (size_t i = 0; i < n; i++) {
                        const struct gz_section *chain[16];
                        size_t depth = gz_tree_chain(&p->st->tree, rows[i].id, chain, 16);
                        for (size_t k = 0; k < depth; k++)
                                list_add(p, out,
                                         gz_arena_printf(p->a, "%s/%s/",
                                                         lang_prefix(p, rows[i].lang),
                                                         chain[k]->path),
                                         rows[i].last_modified);
                }
                break;
        }
        case FILE_TAGS:
        case FILE_AUTHORS: {
                bool tags = file == FILE_TAGS;
                if (gz_store_list_lastmod(store, p->a, tags ? GZ_LIST_TAGS : GZ_LIST_AUTHORS, &rows,
                                          &n, NULL) != GZ_OK)
                        n = 0;
                for (size_t i = 0; i < n; i++) {
                        gz_page_dep(p, "%s:%lld", tags ? "tag" : "author", (long long)rows[i].id);
                        /* (id, lang) pairs are unique: no need to merge. */
                        out->items = gz_arena_grow(p->a, out->items, out->count, &out->cap,
                                                   sizeof(*out->items));
                        out->items[out->count++] = (struct list_url){
                            gz_arena_printf(p->a, "%s/%s/%s/", lang_prefix(p, rows[i].lang),
                                            tags ? "tag" : "author", rows[i].slug),
                            rows[i].last_modified};
                }
                break;
        }
        case FILE_PAGES: {
                struct gz_article_query q = {
                    .status = GZ_STATUS_PUBLISHED, .kind = GZ_KIND_PAGE, .limit = 0};
                struct gz_article *list;
                size_t count = 0;
                if (gz_store_articles(store, p->a, &q, &list, &count, NULL, NULL) != GZ_OK)
                        count = 0;
                for (size_t i = 0; i < count; i++) {
                        out->items = gz_arena_grow(p->a, out->items, out->count, &out->cap,
                                                   sizeof(*out->items));
                        out->items[out->count++] = (struct list_url){
                            gz_view_article_url(p, &list[i]), changed_at(&list[i])};
                }
                break;
        }
        default:
                break;
        }
}

static size_t
parts_of(size_t count)
{
        return (count + gz_sitemap_max_urls - 1) / gz_sitemap_max_urls;
}

static const char *
part_name(struct gz_page *p, const char *stem, size_t part)
{
        return part <= 1 ? gz_arena_printf(p->a, "%s.xml", stem)
                         : gz_arena_printf(p->a, "%s-%zu.xml", stem, part);
}

/* ---- /sitemap.xml ---------------------------------------------------------- */

static void
index_entry(struct gz_page *p, struct gz_buf *b, const char *name, gz_time lastmod)
{
        const char *loc = gz_page_uri(p, gz_arena_printf(p->a, "/sitemaps/%s", name));
        gz_buf_puts(b, "<sitemap><loc>");
        gz_xml_escape(b, loc, strlen(loc));
        gz_buf_puts(b, "</loc>");
        if (lastmod > 0) {
                gz_buf_puts(b, "<lastmod>");
                w3c_date(b, lastmod);
                gz_buf_puts(b, "</lastmod>");
        }
        gz_buf_puts(b, "</sitemap>\n");
}

void
gz_page_sitemap_index(struct gz_page *p)
{
        depend_on_articles(p);
        struct gz_buf b;
        gz_buf_init(&b, p->a);
        gz_buf_puts(&b, XML_HEAD "<sitemapindex xmlns=\"" NS_SITEMAP "\">\n");
        for (int f = 0; f < FILE__MAX; f++) {
                struct list_urls l;
                collect_list(p, (enum list_file)f, &l);
                gz_time newest = 0;
                for (size_t i = 0; i < l.count; i++)
                        if (l.items[i].lastmod > newest)
                                newest = l.items[i].lastmod;
                for (size_t part = 1; part <= parts_of(l.count); part++)
                        index_entry(p, &b, part_name(p, list_file_names[f], part), newest);
        }
        struct gz_archive_month *months;
        size_t n = 0;
        if (gz_store_archive_months(p->site->store, p->a, NULL, &months, &n, NULL) != GZ_OK)
                n = 0;
        for (size_t i = 0; i < n; i++) {
                const char *stem =
                    gz_arena_printf(p->a, "articles-%04d-%02d", months[i].year, months[i].month);
                for (size_t part = 1; part <= parts_of((size_t)months[i].count); part++)
                        index_entry(p, &b, part_name(p, stem, part), months[i].last_modified);
        }
        gz_buf_puts(&b, "</sitemapindex>\n");
        gz_page_send(p, SITEMAP_TYPE, b.data, b.len, 0);
}

/* ---- /sitemaps/NAME ---------------------------------------------------------- */

/* "stem.xml" is part 1, "stem-K.xml" part K >= 2; 0 when name is neither. */
static size_t
part_of_name(const char *name, const char *stem)
{
        size_t n = strlen(stem);
        if (strncmp(name, stem, n) != 0)
                return 0;
        const char *rest = name + n;
        if (strcmp(rest, ".xml") == 0)
                return 1;
        long long k;
        size_t len = strlen(rest);
        if (len < 6 || rest[0] != '-' || rest[1] == '0' || strcmp(rest + len - 4, ".xml") != 0 ||
            !gz_parse_int_n(rest + 1, len - 5, 2, 1000000, &k))
                return 0;
        return (size_t)k;
}

static void
articles_sitemap(struct gz_page *p, int year, int month, size_t part, struct gz_buf *b,
                 size_t *written)
{
        gz_time from = gz_time_from_civil(year, month, 1, 0, 0, 0);
        gz_time to = month == 12 ? gz_time_from_civil(year + 1, 1, 1, 0, 0, 0)
                                 : gz_time_from_civil(year, month + 1, 1, 0, 0, 0);
        struct gz_article_query q = {.status = GZ_STATUS_PUBLISHED,
                                     .kind = -1,
                                     .exclude_pages = true,
                                     .published_from = from,
                                     .published_to = to,
                                     .limit = BATCH,
                                     .offset = (part - 1) * gz_sitemap_max_urls};
        gz_page_dep(p, "search");
        for (size_t i = 0; i < p->st->language_count; i++)
                gz_page_dep(p, "archive:%s:%04d-%02d", p->st->languages[i].code, year, month);
        /* Batches in a scratch arena: a month of a big site stays small. */
        struct gz_arena *scratch = gz_arena_new(256 * 1024);
        struct gz_arena *page_arena = p->a;
        size_t left = gz_sitemap_max_urls;
        while (left > 0) {
                q.limit = left < BATCH ? left : BATCH;
                struct gz_article *list;
                size_t n = 0;
                if (gz_store_articles(p->site->store, scratch, &q, &list, &n, NULL, NULL) !=
                        GZ_OK ||
                    n == 0)
                        break;
                p->a = scratch; /* URLs made for this batch die with it */
                for (size_t i = 0; i < n; i++)
                        url_entry(b, gz_page_uri(p, gz_view_article_url(p, &list[i])),
                                  changed_at(&list[i]), image_of(p, &list[i]));
                p->a = page_arena;
                *written += n;
                left -= n;
                q.offset += n;
                gz_arena_reset(scratch);
                if (n < q.limit)
                        break;
        }
        gz_arena_free(scratch);
}

bool
gz_page_sitemap(struct gz_page *p, const char *name)
{
        struct gz_buf b;
        gz_buf_init(&b, p->a);
        gz_buf_puts(&b,
                    XML_HEAD "<urlset xmlns=\"" NS_SITEMAP "\" xmlns:image=\"" NS_IMAGE "\">\n");
        size_t written = 0;
        int year, month;
        char tail[32];
        if (sscanf(name, "articles-%4d-%2d%31s", &year, &month, tail) == 3 &&
            strlen(name) >= strlen("articles-YYYY-MM.xml") && name[13] == '-' && month >= 1 &&
            month <= 12 && year >= 1970) {
                size_t part = part_of_name(name + 16, "");
                char expect[32];
                snprintf(expect, sizeof(expect), "articles-%04d-%02d", year, month);
                if (part == 0 || strncmp(name, expect, 16) != 0)
                        return false;
                articles_sitemap(p, year, month, part, &b, &written);
        } else {
                int file = -1;
                size_t part = 0;
                for (int f = 0; f < FILE__MAX && file < 0; f++)
                        if ((part = part_of_name(name, list_file_names[f])) > 0)
                                file = f;
                if (file < 0)
                        return false;
                depend_on_articles(p);
                struct list_urls l;
                collect_list(p, (enum list_file)file, &l);
                size_t first = (part - 1) * gz_sitemap_max_urls;
                for (size_t i = first; i < l.count && i < first + gz_sitemap_max_urls; i++) {
                        url_entry(&b, gz_page_uri(p, l.items[i].path), l.items[i].lastmod, NULL);
                        written++;
                }
        }
        /* A sitemap holds at least one address (the protocol's schema). */
        if (written == 0)
                return false;
        gz_buf_puts(&b, "</urlset>\n");
        gz_page_send(p, SITEMAP_TYPE, b.data, b.len, 0);
        return true;
}

/* ---- /news-sitemap.xml ------------------------------------------------------ */

void
gz_page_news_sitemap(struct gz_page *p)
{
        gz_time now = p->req->now;
        struct gz_article_query q = {.status = GZ_STATUS_PUBLISHED,
                                     .kind = -1,
                                     .exclude_pages = true,
                                     .published_from = now - NEWS_WINDOW,
                                     .published_to = now + 1,
                                     .limit = NEWS_MAX};
        depend_on_articles(p);
        struct gz_article *list;
        size_t n = 0;
        if (gz_store_articles(p->site->store, p->a, &q, &list, &n, NULL, NULL) != GZ_OK)
                n = 0;
        struct gz_buf b;
        gz_buf_init(&b, p->a);
        gz_buf_puts(&b, XML_HEAD "<urlset xmlns=\"" NS_SITEMAP "\" xmlns:news=\"" NS_NEWS
                                 "\" xmlns:image=\"" NS_IMAGE "\">\n");
        const char *site_name = p->settings->name;
        for (size_t i = 0; i < n; i++) {
                const struct gz_article *ar = &list[i];
                gz_page_dep(p, "a:%lld", (long long)ar->id);
                const char *loc = gz_page_uri(p, gz_view_article_url(p, ar));
                gz_buf_puts(&b, "<url><loc>");
                gz_xml_escape(&b, loc, strlen(loc));
                gz_buf_puts(&b, "</loc><news:news><news:publication><news:name>");
                gz_xml_escape(&b, site_name, strlen(site_name));
                gz_buf_puts(&b, "</news:name><news:language>");
                gz_xml_escape(&b, ar->lang, strlen(ar->lang));
                gz_buf_puts(&b, "</news:language></news:publication><news:publication_date>");
                char date[40];
                gz_time_rfc3339(ar->published_at,
                                gz_tz_offset(p->settings->timezone, ar->published_at), date);
                gz_buf_puts(&b, date);
                gz_buf_puts(&b, "</news:publication_date><news:title>");
                gz_xml_escape(&b, ar->title, strlen(ar->title));
                gz_buf_puts(&b, "</news:title></news:news>");
                const char *image = image_of(p, ar);
                if (image != NULL) {
                        gz_buf_puts(&b, "<image:image><image:loc>");
                        gz_xml_escape(&b, image, strlen(image));
                        gz_buf_puts(&b, "</image:loc></image:image>");
                }
                gz_buf_puts(&b, "</url>\n");
        }
        gz_buf_puts(&b, "</urlset>\n");
        /* The oldest entry leaves when it turns two days old. */
        gz_time expires = n > 0 ? list[n - 1].published_at + NEWS_WINDOW + 1 : 0;
        gz_page_send(p, SITEMAP_TYPE, b.data, b.len, expires);
}

/* ---- /robots.txt ------------------------------------------------------------- */

void
gz_page_robots(struct gz_page *p)
{
        struct gz_buf b;
        gz_buf_init(&b, p->a);
        gz_buf_puts(&b, "User-agent: *\nDisallow: /admin/\nDisallow: /search\n");
        for (size_t i = 0; i < p->st->language_count; i++) {
                const char *code = p->st->languages[i].code;
                if (strcmp(code, p->settings->language) != 0)
                        gz_buf_printf(&b, "Disallow: /%s/search\n", code);
        }
        /* The editors' own rules: lines of text, no control characters. */
        const char *rules = p->settings->robots;
        bool line_start = true;
        for (const char *s = rules; s && *s; s++) {
                unsigned char c = (unsigned char)*s;
                if (c == '\r')
                        continue;
                if (c < 0x20 && c != '\n' && c != '\t')
                        continue;
                gz_buf_putc(&b, (char)c);
                line_start = c == '\n';
        }
        if (!line_start)
                gz_buf_putc(&b, '\n');
        gz_buf_printf(&b, "\nSitemap: %s\nSitemap: %s\n", gz_page_uri(p, "/sitemap.xml"),
                      gz_page_uri(p, "/news-sitemap.xml"));
        gz_page_send(p, "text/plain; charset=utf-8", b.data, b.len, 0);
}
