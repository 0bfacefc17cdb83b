/* Feeds: RSS 2.0, Atom (RFC 4287) and JSON Feed 1.1 of the site and of
 * every section, tag and author, with full content, and the helpers every
 * non-HTML response shares (absolute URIs, CDATA, ETags). */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "site_internal.h"

const char *const gz_feed_files[GZ_FEED__MAX] = {
    [GZ_FEED_RSS] = "feed.xml", [GZ_FEED_ATOM] = "atom.xml", [GZ_FEED_JSON] = "feed.json"};
const char *const gz_feed_types[GZ_FEED__MAX] = {
    [GZ_FEED_RSS] = "application/rss+xml; charset=utf-8",
    [GZ_FEED_ATOM] = "application/atom+xml; charset=utf-8",
    [GZ_FEED_JSON] = "application/feed+json; charset=utf-8"};

enum { FEED_ENTRIES = 20 };

/* ---- shared by every non-HTML response ------------------------------------ */

char *
gz_page_uri(struct gz_page *p, const char *path)
{
        static const char hex[] = "0123456789ABCDEF";
        struct gz_buf b;
        gz_buf_init(&b, p->a);
        gz_buf_puts(&b, p->settings->base_url);
        for (const unsigned char *s = (const unsigned char *)path; *s; s++) {
                /* RFC 3986 path characters stay; the rest is encoded. */
                if ((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
                    (*s >= '0' && *s <= '9') || strchr("-._~/!$&'()*+,;=:@%?", *s) != NULL) {
                        gz_buf_putc(&b, (char)*s);
                } else {
                        char enc[3] = {'%', hex[*s >> 4], hex[*s & 15]};
                        gz_buf_put(&b, enc, 3);
                }
        }
        return b.data;
}

void
gz_xml_cdata(struct gz_buf *out, const char *s, size_t n)
{
        gz_buf_puts(out, "<![CDATA[");
        size_t run = 0;
        for (size_t i = 0; i + 2 < n; i++) {
                if (s[i] == ']' && s[i + 1] == ']' && s[i + 2] == '>') {
                        /* "]]" ends this section, ">" starts the next. */
                        gz_buf_put(out, s + run, i + 2 - run);
                        gz_buf_puts(out, "]]><![CDATA[");
                        run = i + 2;
                }
        }
        gz_buf_put(out, s + run, n - run);
        gz_buf_puts(out, "]]>");
}

/* Root-relative links and sources made absolute, for a feed is read far
 * from the site. The HTML is our own renderer's, where attribute values
 * are always double-quoted and quotes in text are escaped, so `="/` only
 * ever starts an attribute value. */
const char *
gz_feed_absolute_html(struct gz_arena *a, const char *base, const char *html)
{
        if (html == NULL)
                return "";
        struct gz_buf b;
        gz_buf_init(&b, a);
        gz_buf_reserve(&b, strlen(html) + 256);
        const char *s = html;
        for (const char *at; (at = strstr(s, "=\"/")) != NULL;) {
                const char *name = at;
                while (name > html && name[-1] >= 'a' && name[-1] <= 'z')
                        name--;
                size_t name_len = (size_t)(at - name);
                bool url_attr = (name_len == 4 && strncmp(name, "href", 4) == 0) ||
                                (name_len == 3 && strncmp(name, "src", 3) == 0) ||
                                (name_len == 6 && strncmp(name, "srcset", 6) == 0);
                const char *value = at + 2;
                gz_buf_put(&b, s, (size_t)(value - s));
                const char *end = strchr(value, '"');
                if (end == NULL)
                        end = value + strlen(value);
                if (!url_attr || value[1] == '/') { /* "//host": not ours to touch */
                        s = value;
                        continue;
                }
                /* srcset: "/a.jpg 480w, /b.jpg 960w" has one URL per candidate. */
                for (const char *v = value; v < end;) {
                        const char *comma =
                            name_len == 6 ? memchr(v, ',', (size_t)(end - v)) : NULL;
                        const char *stop = comma ? comma + 1 : end;
                        while (v < stop && *v == ' ')
                                gz_buf_putc(&b, *v++);
                        if (v < stop && *v == '/' && (v + 1 >= end || v[1] != '/'))
                                gz_buf_puts(&b, base);
                        gz_buf_put(&b, v, (size_t)(stop - v));
                        v = stop;
                }
                s = end;
        }
        gz_buf_puts(&b, s);
        return b.data;
}

/* ---- what a feed shows ---------------------------------------------------- */

struct feed_image {
        const char *url; /* absolute */
        int width, height;
        off_t bytes;
        const char *alt, *caption, *credit;
};

struct feed_author {
        const char *name, *url;
        bool organization;
};

struct feed_entry {
        const struct gz_article *ar;
        const char *url, *id;
        gz_time published, updated;
        struct feed_author *authors;
        size_t author_count;
        const char **categories; /* tags, then the section */
        size_t category_count;
        struct feed_image *image;
        const char *content; /* the body's HTML with absolute links */
};

struct feed {
        enum gz_feed_format format;
        const char *title, *description;
        const char *page_url, *self_url, *id;
        gz_time updated;
        struct feed_entry *entries;
        size_t count;
};

/* A tag URI (RFC 4151) from the host and the day the article was made:
 * stable when its title, address or the site's design change. */
static const char *
entry_id(struct gz_page *p, const struct gz_article *ar)
{
        const char *host = p->settings->base_url;
        const char *sep = strstr(host, "://");
        host = sep ? sep + 3 : host;
        size_t host_len = strcspn(host, ":/");
        int y, m, d;
        gz_time_to_civil(ar->created_at ? ar->created_at : ar->published_at, &y, &m, &d, NULL, NULL,
                         NULL, NULL);
        return gz_arena_printf(p->a, "tag:%.*s,%04d-%02d-%02d:article:%lld", (int)host_len, host, y,
                               m, d, (long long)ar->id);
}

static struct feed_image *
entry_image(struct gz_page *p, const struct gz_media *m)
{
        struct feed_image *img = GZ_NEW(p->a, struct feed_image);
        const char *path = gz_media_url(p->a, m, 1 << 20, "jpeg", &img->width, &img->height);
        img->url = gz_page_uri(p, path);
        struct stat st;
        char *file = gz_arena_printf(p->a, "%s/%s", p->site->media_dir, path + strlen("/media/"));
        img->bytes = stat(file, &st) == 0 ? st.st_size : 0;
        img->alt = m->alt;
        img->caption = m->caption;
        img->credit = m->credit;
        return img;
}

static void
fill_entry(struct gz_page *p, struct feed_entry *e, const struct gz_article *ar)
{
        e->ar = ar;
        e->url = gz_page_uri(p, gz_view_article_url(p, ar));
        e->id = entry_id(p, ar);
        e->published = ar->published_at;
        e->updated = ar->updated_at > ar->published_at ? ar->updated_at : ar->published_at;
        gz_page_dep(p, "a:%lld", (long long)ar->id);
        e->authors = GZ_NEW_ARRAY(p->a, struct feed_author, ar->author_count + 1);
        for (size_t i = 0; i < ar->author_count; i++) {
                const struct gz_author *au = &ar->authors[i];
                gz_page_dep(p, "author:%lld", (long long)au->id);
                e->authors[i].name = au->name;
                e->authors[i].organization = au->kind == GZ_AUTHOR_ORGANIZATION;
                e->authors[i].url =
                    gz_page_uri(p, gz_arena_printf(p->a, "%s/author/%s/", p->prefix, au->slug));
        }
        e->author_count = ar->author_count;
        e->categories = GZ_NEW_ARRAY(p->a, const char *, ar->tag_count + 1);
        for (size_t i = 0; i < ar->tag_count; i++) {
                gz_page_dep(p, "tag:%lld", (long long)ar->tags[i].id);
                e->categories[e->category_count++] = ar->tags[i].name;
        }
        const struct gz_section *s = gz_tree_find(&p->st->tree, ar->section_id);
        bool named = false;
        for (size_t i = 0; s != NULL && i < e->category_count; i++)
                named |= strcmp(e->categories[i], s->name) == 0;
        if (s != NULL && !named)
                e->categories[e->category_count++] = s->name;
        e->content = gz_feed_absolute_html(p->a, p->settings->base_url, ar->body_html);
        if (ar->featured != NULL) {
                gz_page_dep(p, "media:%lld", (long long)ar->featured->id);
                e->image = entry_image(p, ar->featured);
        }
}

static void
rfc3339(struct gz_page *p, struct gz_buf *b, gz_time t)
{
        char s[40];
        gz_time_rfc3339(t, gz_tz_offset(p->settings->timezone, t), s);
        gz_buf_puts(b, s);
}

static void
xml(struct gz_buf *b, const char *s)
{
        if (s != NULL)
                gz_xml_escape(b, s, strlen(s));
}

/* <name>text</name> */
static void
xml_el(struct gz_buf *b, const char *name, const char *text)
{
        gz_buf_printf(b, "<%s>", name);
        xml(b, text);
        gz_buf_printf(b, "</%s>\n", name);
}

/* ---- RSS 2.0 -------------------------------------------------------------- */

static void
write_rss(struct gz_page *p, const struct feed *f, struct gz_buf *b)
{
        char date[40];
        gz_buf_puts(b, "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                       "<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\" "
                       "xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" "
                       "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
                       "xmlns:media=\"http://search.yahoo.com/mrss/\">\n<channel>\n");
        xml_el(b, "title", f->title);
        xml_el(b, "link", f->page_url);
        xml_el(b, "description", f->description);
        xml_el(b, "language", p->lang->code);
        if (*p->settings->copyright)
                xml_el(b, "copyright", p->settings->copyright);
        gz_time_rfc822(f->updated, gz_tz_offset(p->settings->timezone, f->updated), date);
        xml_el(b, "lastBuildDate", date);
        xml_el(b, "generator", "Gazette");
        gz_buf_puts(b, "<atom:link rel=\"self\" type=\"application/rss+xml\" href=\"");
        xml(b, f->self_url);
        gz_buf_puts(b, "\"/>\n");
        for (size_t i = 0; i < f->count; i++) {
                const struct feed_entry *e = &f->entries[i];
                gz_buf_puts(b, "<item>\n");
                xml_el(b, "title", e->ar->title);
                xml_el(b, "link", e->url);
                gz_buf_puts(b, "<guid isPermaLink=\"false\">");
                xml(b, e->id);
                gz_buf_puts(b, "</guid>\n");
                gz_time_rfc822(e->published, gz_tz_offset(p->settings->timezone, e->published),
                               date);
                xml_el(b, "pubDate", date);
                /* RSS has no date of change: Atom's, as feed readers know it. */
                gz_buf_puts(b, "<atom:updated>");
                rfc3339(p, b, e->updated);
                gz_buf_puts(b, "</atom:updated>\n");
                /* <author> wants an email address, which is never shown. */
                for (size_t k = 0; k < e->author_count; k++)
                        xml_el(b, "dc:creator", e->authors[k].name);
                for (size_t k = 0; k < e->category_count; k++)
                        xml_el(b, "category", e->categories[k]);
                xml_el(b, "description", e->ar->summary);
                gz_buf_puts(b, "<content:encoded>");
                gz_xml_cdata(b, e->content, strlen(e->content));
                gz_buf_puts(b, "</content:encoded>\n");
                if (e->image != NULL) {
                        gz_buf_puts(b, "<enclosure url=\"");
                        xml(b, e->image->url);
                        gz_buf_printf(b, "\" length=\"%lld\" type=\"image/jpeg\"/>\n",
                                      (long long)e->image->bytes);
                        gz_buf_puts(b, "<media:content url=\"");
                        xml(b, e->image->url);
                        gz_buf_printf(b,
                                      "\" medium=\"image\" type=\"image/jpeg\" width=\"%d\" "
                                      "height=\"%d\">",
                                      e->image->width, e->image->height);
                        if (*e->image->caption || *e->image->alt) {
                                gz_buf_puts(b, "<media:description type=\"plain\">");
                                xml(b, *e->image->caption ? e->image->caption : e->image->alt);
                                gz_buf_puts(b, "</media:description>");
                        }
                        if (*e->image->credit) {
                                gz_buf_puts(b, "<media:credit>");
                                xml(b, e->image->credit);
                                gz_buf_puts(b, "</media:credit>");
                        }
                        gz_buf_puts(b, "</media:content>\n");
                }
                gz_buf_puts(b, "</item>\n");
        }
        gz_buf_puts(b, "</channel>\n</rss>\n");
}

/* ---- Atom ----------------------------------------------------------------- */

static void
write_atom(struct gz_page *p, const struct feed *f, struct gz_buf *b)
{
        gz_buf_puts(b, "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                       "<feed xmlns=\"http://www.w3.org/2005/Atom\" "
                       "xmlns:media=\"http://search.yahoo.com/mrss/\" xml:lang=\"");
        xml(b, p->lang->code);
        gz_buf_puts(b, "\">\n");
        gz_buf_puts(b, "<title type=\"text\">");
        xml(b, f->title);
        gz_buf_puts(b, "</title>\n");
        if (f->description && *f->description) {
                gz_buf_puts(b, "<subtitle type=\"text\">");
                xml(b, f->description);
                gz_buf_puts(b, "</subtitle>\n");
        }
        gz_buf_puts(b, "<link rel=\"alternate\" type=\"text/html\" href=\"");
        xml(b, f->page_url);
        gz_buf_puts(b, "\"/>\n<link rel=\"self\" type=\"application/atom+xml\" href=\"");
        xml(b, f->self_url);
        gz_buf_puts(b, "\"/>\n");
        xml_el(b, "id", f->id);
        gz_buf_puts(b, "<updated>");
        rfc3339(p, b, f->updated);
        gz_buf_puts(b, "</updated>\n");
        /* The site stands for entries that name nobody (RFC 4287 4.1.1). */
        gz_buf_puts(b, "<author><name>");
        xml(b, p->settings->name);
        gz_buf_puts(b, "</name><uri>");
        xml(b, gz_page_uri(p, gz_arena_printf(p->a, "%s/", p->prefix)));
        gz_buf_puts(b, "</uri></author>\n");
        if (*p->settings->copyright)
                xml_el(b, "rights", p->settings->copyright);
        gz_buf_puts(b, "<generator>Gazette</generator>\n");
        const char *icon = gz_site_asset_url(p->site, "favicon.svg");
        if (icon != NULL)
                xml_el(b, "icon", gz_page_uri(p, icon));
        for (size_t i = 0; i < f->count; i++) {
                const struct feed_entry *e = &f->entries[i];
                gz_buf_puts(b, "<entry>\n<title type=\"text\">");
                xml(b, e->ar->title);
                gz_buf_puts(b, "</title>\n<link rel=\"alternate\" type=\"text/html\" href=\"");
                xml(b, e->url);
                gz_buf_puts(b, "\"/>\n");
                xml_el(b, "id", e->id);
                gz_buf_puts(b, "<published>");
                rfc3339(p, b, e->published);
                gz_buf_puts(b, "</published>\n<updated>");
                rfc3339(p, b, e->updated);
                gz_buf_puts(b, "</updated>\n");
                for (size_t k = 0; k < e->author_count; k++) {
                        gz_buf_puts(b, "<author><name>");
                        xml(b, e->authors[k].name);
                        gz_buf_puts(b, "</name><uri>");
                        xml(b, e->authors[k].url);
                        gz_buf_puts(b, "</uri></author>\n");
                }
                for (size_t k = 0; k < e->category_count; k++) {
                        gz_buf_puts(b, "<category term=\"");
                        xml(b, e->categories[k]);
                        gz_buf_puts(b, "\"/>\n");
                }
                gz_buf_puts(b, "<summary type=\"text\">");
                xml(b, e->ar->summary);
                gz_buf_puts(b, "</summary>\n<content type=\"html\">");
                xml(b, e->content);
                gz_buf_puts(b, "</content>\n");
                if (e->image != NULL) {
                        gz_buf_puts(b, "<link rel=\"enclosure\" type=\"image/jpeg\" href=\"");
                        xml(b, e->image->url);
                        gz_buf_printf(b, "\" length=\"%lld\"/>\n", (long long)e->image->bytes);
                        gz_buf_puts(b, "<media:content url=\"");
                        xml(b, e->image->url);
                        gz_buf_printf(b,
                                      "\" medium=\"image\" type=\"image/jpeg\" width=\"%d\" "
                                      "height=\"%d\"/>\n",
                                      e->image->width, e->image->height);
                }
                gz_buf_puts(b, "</entry>\n");
        }
        gz_buf_puts(b, "</feed>\n");
}

/* ---- JSON Feed 1.1 --------------------------------------------------------- */

static json_t *
json_time(struct gz_page *p, gz_time t)
{
        char s[40];
        gz_time_rfc3339(t, gz_tz_offset(p->settings->timezone, t), s);
        return json_string(s);
}

static json_t *
json_text(const char *s)
{
        /* jansson refuses invalid UTF-8; stored text is valid, but be sure. */
        json_t *v = s ? json_string(s) : NULL;
        return v ? v : json_string("");
}

static void
write_json(struct gz_page *p, const struct feed *f, struct gz_buf *b)
{
        json_t *root = json_object();
        json_object_set_new(root, "version", json_string("https://jsonfeed.org/version/1.1"));
        json_object_set_new(root, "title", json_text(f->title));
        json_object_set_new(root, "home_page_url", json_text(f->page_url));
        json_object_set_new(root, "feed_url", json_text(f->self_url));
        if (f->description && *f->description)
                json_object_set_new(root, "description", json_text(f->description));
        json_object_set_new(root, "language", json_text(p->lang->code));
        const char *icon = gz_site_asset_url(p->site, "favicon.svg");
        if (icon != NULL)
                json_object_set_new(root, "favicon", json_text(gz_page_uri(p, icon)));
        json_t *site_author = json_object();
        json_object_set_new(site_author, "name", json_text(p->settings->name));
        json_object_set_new(site_author, "url",
                            json_text(gz_page_uri(p, gz_arena_printf(p->a, "%s/", p->prefix))));
        json_t *site_authors = json_array();
        json_array_append_new(site_authors, site_author);
        json_object_set_new(root, "authors", site_authors);
        json_t *items = json_array();
        for (size_t i = 0; i < f->count; i++) {
                const struct feed_entry *e = &f->entries[i];
                json_t *it = json_object();
                json_object_set_new(it, "id", json_text(e->id));
                json_object_set_new(it, "url", json_text(e->url));
                json_object_set_new(it, "title", json_text(e->ar->title));
                json_object_set_new(it, "summary", json_text(e->ar->summary));
                json_object_set_new(it, "content_html", json_text(e->content));
                json_object_set_new(it, "date_published", json_time(p, e->published));
                json_object_set_new(it, "date_modified", json_time(p, e->updated));
                json_object_set_new(it, "language", json_text(e->ar->lang));
                if (e->author_count) {
                        json_t *list = json_array();
                        for (size_t k = 0; k < e->author_count; k++) {
                                json_t *au = json_object();
                                json_object_set_new(au, "name", json_text(e->authors[k].name));
                                json_object_set_new(au, "url", json_text(e->authors[k].url));
                                json_array_append_new(list, au);
                        }
                        json_object_set_new(it, "authors", list);
                }
                if (e->category_count) {
                        json_t *list = json_array();
                        for (size_t k = 0; k < e->category_count; k++)
                                json_array_append_new(list, json_text(e->categories[k]));
                        json_object_set_new(it, "tags", list);
                }
                if (e->image != NULL) {
                        json_object_set_new(it, "image", json_text(e->image->url));
                        json_t *att = json_object();
                        json_object_set_new(att, "url", json_text(e->image->url));
                        json_object_set_new(att, "mime_type", json_string("image/jpeg"));
                        if (e->image->bytes > 0)
                                json_object_set_new(att, "size_in_bytes",
                                                    json_integer((json_int_t)e->image->bytes));
                        if (*e->image->caption)
                                json_object_set_new(att, "title", json_text(e->image->caption));
                        json_t *list = json_array();
                        json_array_append_new(list, att);
                        json_object_set_new(it, "attachments", list);
                }
                json_array_append_new(items, it);
        }
        json_object_set_new(root, "items", items);
        char *text = json_dumps(root, JSON_INDENT(1) | JSON_PRESERVE_ORDER);
        json_decref(root);
        if (text == NULL)
                gz_oom(__FILE__, __LINE__);
        gz_buf_puts(b, text);
        gz_buf_putc(b, '\n');
        free(text);
}

/* ---- the lists ------------------------------------------------------------- */

bool
gz_page_feed(struct gz_page *p, enum gz_feed_format format, char **seg, size_t n)
{
        struct gz_store *store = p->site->store;
        const struct gz_settings *set = p->settings;
        struct gz_article_query q = {.lang = p->lang->code,
                                     .status = GZ_STATUS_PUBLISHED,
                                     .kind = -1,
                                     .exclude_pages = true,
                                     .limit = FEED_ENTRIES};
        struct feed f = {.format = format};
        const char *base;
        const char *name = NULL; /* of the list, NULL for the site */
        f.description = *set->description ? set->description : set->tagline;
        if (n == 0) {
                base = gz_arena_printf(p->a, "%s/", p->prefix);
                gz_page_dep(p, "home:%s", p->lang->code);
        } else if (n == 2 && strcmp(seg[0], "tag") == 0) {
                struct gz_tag *tag;
                if (gz_store_tag_get(store, p->a, 0, seg[1], &tag, NULL) != GZ_OK)
                        return false;
                base = gz_arena_printf(p->a, "%s/tag/%s/", p->prefix, tag->slug);
                name = tag->name;
                q.tag_id = tag->id;
                gz_page_dep(p, "tag:%lld", (long long)tag->id);
                gz_page_dep(p, "tag-list:%lld", (long long)tag->id);
        } else if (n == 2 && strcmp(seg[0], "author") == 0) {
                struct gz_author *au;
                if (gz_store_author_get(store, p->a, 0, seg[1], &au, NULL) != GZ_OK)
                        return false;
                base = gz_arena_printf(p->a, "%s/author/%s/", p->prefix, au->slug);
                name = au->name;
                if (*au->title)
                        f.description = au->title;
                q.author_id = au->id;
                gz_page_dep(p, "author:%lld", (long long)au->id);
                gz_page_dep(p, "author-list:%lld", (long long)au->id);
        } else {
                struct gz_buf path;
                gz_buf_init(&path, p->a);
                for (size_t i = 0; i < n; i++)
                        gz_buf_printf(&path, "%s%s", i ? "/" : "", seg[i]);
                const struct gz_section *s = gz_tree_find_path(&p->st->tree, path.data);
                if (s == NULL)
                        return false;
                base = gz_view_section_url(p, s);
                name = s->name;
                if (*s->description)
                        f.description = s->description;
                q.section_count =
                    gz_tree_subtree(&p->st->tree, s->id, p->a, (int64_t **)&q.section_ids);
                gz_page_dep(p, "sec:%lld", (long long)s->id);
        }
        f.title = name ? gz_arena_printf(p->a, "%s – %s", name, set->name) : set->name;
        if (f.description == NULL || *f.description == '\0')
                f.description = f.title;
        f.page_url = gz_page_uri(p, base);
        f.self_url = gz_page_uri(p, gz_arena_printf(p->a, "%s%s", base, gz_feed_files[format]));
        f.id = f.page_url;

        struct gz_article *list;
        size_t count = 0;
        if (gz_store_articles(store, p->a, &q, &list, &count, NULL, NULL) != GZ_OK)
                count = 0;
        f.entries = GZ_NEW_ARRAY(p->a, struct feed_entry, count + 1);
        for (size_t i = 0; i < count; i++) {
                /* The whole article: body, tags, authors in order. */
                struct gz_article *ar;
                if (gz_store_article_get(store, p->a, list[i].id, NULL, NULL, &ar, NULL) != GZ_OK)
                        continue;
                ar->featured = list[i].featured;
                fill_entry(p, &f.entries[f.count], ar);
                if (f.entries[f.count].updated > f.updated)
                        f.updated = f.entries[f.count].updated;
                f.count++;
        }
        if (f.updated == 0)
                f.updated = p->req->now;
        struct gz_buf out;
        gz_buf_init(&out, p->a);
        gz_buf_reserve(&out, 64 * 1024);
        if (format == GZ_FEED_RSS)
                write_rss(p, &f, &out);
        else if (format == GZ_FEED_ATOM)
                write_atom(p, &f, &out);
        else
                write_json(p, &f, &out);
        gz_page_send(p, gz_feed_types[format], out.data, out.len, 0);
        return true;
}
