/* The metadata of every page for machines: OpenGraph, the Twitter card,
 * feed links of lists, and JSON-LD (NewsArticle or the page's own type,
 * and a BreadcrumbList matching the visible breadcrumb). It fills
 * meta_html, printed in the head by the theme. */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "site_internal.h"

enum { HEADLINE_MAX_CHARS = 110 };

void
gz_json_script_safe(struct gz_buf *out, const char *json, size_t n)
{
        /* In JSON text these characters occur only inside strings, where an
         * escape means the same. */
        size_t run = 0;
        for (size_t i = 0; i < n; i++) {
                const char *rep = json[i] == '<'   ? "\\u003c"
                                  : json[i] == '>' ? "\\u003e"
                                  : json[i] == '&' ? "\\u0026"
                                                   : NULL;
                if (rep == NULL)
                        continue;
                gz_buf_put(out, json + run, i - run);
                gz_buf_puts(out, rep);
                run = i + 1;
        }
        gz_buf_put(out, json + run, n - run);
}

/* A string value of the page's root, or NULL. */
static const char *
root_str(struct gz_page *p, const char *key)
{
        const struct gz_val *v = gz_obj_get(p->root, key);
        if (v == NULL || (v->type != GZ_VAL_STR && v->type != GZ_VAL_HTML))
                return NULL;
        return gz_arena_strndup(p->a, v->u.s.p, v->u.s.n);
}

static void
meta_tag(struct gz_buf *b, const char *attr, const char *name, const char *content)
{
        if (content == NULL || *content == '\0')
                return;
        gz_buf_printf(b, "<meta %s=\"%s\" content=\"", attr, name);
        gz_html_escape_c(b, content);
        gz_buf_puts(b, "\">\n");
}

static void
meta_int(struct gz_buf *b, const char *name, int value)
{
        if (value > 0)
                gz_buf_printf(b, "<meta property=\"%s\" content=\"%d\">\n", name, value);
}

static json_t *
jstr(const char *s)
{
        json_t *v = s ? json_string(s) : NULL;
        return v ? v : json_string("");
}

static const char *
rfc3339(struct gz_page *p, gz_time t)
{
        char s[40];
        gz_time_rfc3339(t, gz_tz_offset(p->settings->timezone, t), s);
        return gz_arena_strdup(p->a, s);
}

struct image {
        const char *url;
        int width, height;
        const char *alt;
};

/* The widest JPEG of a media item (absolute URL). */
static bool
largest(struct gz_page *p, const struct gz_media *m, struct image *out)
{
        if (m == NULL)
                return false;
        out->url =
            gz_page_uri(p, gz_media_url(p->a, m, 1 << 20, "jpeg", &out->width, &out->height));
        out->alt = m->alt;
        return true;
}

/* The site's logo: the logo setting's image, else the theme's icon. */
static bool
logo(struct gz_page *p, struct image *out)
{
        memset(out, 0, sizeof(*out));
        if (p->settings->logo_media_id) {
                struct gz_media *m;
                if (gz_store_media_get(p->site->store, p->a, p->settings->logo_media_id, &m,
                                       NULL) == GZ_OK) {
                        gz_page_dep(p, "media:%lld", (long long)m->id);
                        out->url = gz_page_uri(
                            p, gz_media_url(p->a, m, 600, NULL, &out->width, &out->height));
                        out->alt = p->settings->name;
                        return true;
                }
        }
        const char *icon = gz_site_asset_url(p->site, "favicon.svg");
        if (icon == NULL)
                return false;
        out->url = gz_page_uri(p, icon);
        out->alt = p->settings->name;
        return true;
}

static json_t *
image_object(const char *url, int width, int height)
{
        json_t *o = json_object();
        json_object_set_new(o, "@type", json_string("ImageObject"));
        json_object_set_new(o, "url", jstr(url));
        if (width > 0 && height > 0) {
                json_object_set_new(o, "width", json_integer(width));
                json_object_set_new(o, "height", json_integer(height));
        }
        return o;
}

/* The featured image in each aspect ratio the renditions have, the widest
 * of each ratio first; with a single ratio, every JPEG size, widest first. */
static json_t *
article_images(struct gz_page *p, const struct gz_media *m)
{
        json_t *list = json_array();
        size_t n = m->rendition_count;
        const struct gz_media_rendition_ref **jpegs =
            GZ_NEW_ARRAY(p->a, const struct gz_media_rendition_ref *, n + 1);
        size_t count = 0;
        for (size_t i = 0; i < n; i++)
                if (strcmp(m->renditions[i].type, "jpeg") == 0 && m->renditions[i].height > 0)
                        jpegs[count++] = &m->renditions[i];
        for (size_t i = 1; i < count; i++)
                for (size_t k = i; k > 0 && jpegs[k]->width > jpegs[k - 1]->width; k--) {
                        const struct gz_media_rendition_ref *t = jpegs[k];
                        jpegs[k] = jpegs[k - 1];
                        jpegs[k - 1] = t;
                }
        /* Ratios as width:height reduced to 1/100 of a unit. */
        long *ratios = GZ_NEW_ARRAY(p->a, long, count + 1);
        size_t ratio_count = 0;
        for (size_t i = 0; i < count; i++) {
                long r = (long)jpegs[i]->width * 100 / jpegs[i]->height;
                bool seen = false;
                for (size_t k = 0; k < ratio_count; k++)
                        seen |= labs(ratios[k] - r) <= 1;
                if (!seen)
                        ratios[ratio_count++] = r;
        }
        for (size_t i = 0; i < count; i++) {
                long r = (long)jpegs[i]->width * 100 / jpegs[i]->height;
                bool widest_of_ratio = true;
                for (size_t k = 0; k < i; k++)
                        if (labs((long)jpegs[k]->width * 100 / jpegs[k]->height - r) <= 1)
                                widest_of_ratio = false;
                if (ratio_count > 1 && !widest_of_ratio)
                        continue;
                json_array_append_new(
                    list,
                    image_object(gz_page_uri(p, gz_arena_printf(p->a, "/media/%s", jpegs[i]->file)),
                                 jpegs[i]->width, jpegs[i]->height));
        }
        if (count == 0)
                json_array_append_new(
                    list,
                    image_object(gz_page_uri(p, gz_media_url(p->a, m, 1 << 20, NULL, NULL, NULL)),
                                 m->width, m->height));
        return list;
}

static json_t *
publisher(struct gz_page *p)
{
        json_t *o = json_object();
        json_object_set_new(o, "@type", json_string("Organization"));
        json_object_set_new(o, "name", jstr(p->settings->name));
        json_object_set_new(o, "url", jstr(gz_page_uri(p, "/")));
        struct image img;
        if (logo(p, &img))
                json_object_set_new(o, "logo", image_object(img.url, img.width, img.height));
        return o;
}

static const char *
headline(struct gz_page *p, const char *title)
{
        size_t n = strlen(title);
        size_t cut = gz_utf8_prefix(title, n, HEADLINE_MAX_CHARS);
        if (cut == n)
                return title;
        cut = gz_utf8_prefix(title, n, HEADLINE_MAX_CHARS - 1);
        return gz_arena_printf(p->a, "%.*s…", (int)cut, title);
}

static json_t *
article_ld(struct gz_page *p, const struct gz_article *ar, const char *canonical)
{
        json_t *o = json_object();
        json_object_set_new(o, "@context", json_string("https://schema.org"));
        json_t *type;
        if (ar->kind == GZ_KIND_PAGE) {
                type = json_string("WebPage");
        } else if (ar->kind == GZ_KIND_NEWS) {
                type = json_string("NewsArticle");
        } else {
                /* A statement is an organization's report; an opinion an
                 * opinion piece: both stay news articles too. */
                type = json_array();
                json_array_append_new(type, json_string("NewsArticle"));
                json_array_append_new(
                    type,
                    json_string(ar->kind == GZ_KIND_STATEMENT ? "Report" : "OpinionNewsArticle"));
        }
        json_object_set_new(o, "@type", type);
        json_t *page = json_object();
        json_object_set_new(page, "@type", json_string("WebPage"));
        json_object_set_new(page, "@id", jstr(canonical));
        json_object_set_new(o, "mainEntityOfPage", page);
        json_object_set_new(o, "url", jstr(canonical));
        json_object_set_new(o, "headline", jstr(headline(p, ar->title)));
        if (ar->summary && *ar->summary)
                json_object_set_new(o, "description", jstr(ar->summary));
        if (ar->featured != NULL)
                json_object_set_new(o, "image", article_images(p, ar->featured));
        gz_time published = ar->published_at ? ar->published_at : p->req->now;
        gz_time modified = ar->updated_at > published ? ar->updated_at : published;
        json_object_set_new(o, "datePublished", jstr(rfc3339(p, published)));
        json_object_set_new(o, "dateModified", jstr(rfc3339(p, modified)));
        json_t *authors = json_array();
        for (size_t i = 0; i < ar->author_count; i++) {
                const struct gz_author *au = &ar->authors[i];
                json_t *a = json_object();
                json_object_set_new(
                    a, "@type",
                    json_string(au->kind == GZ_AUTHOR_ORGANIZATION ? "Organization" : "Person"));
                json_object_set_new(a, "name", jstr(au->name));
                json_object_set_new(a, "url",
                                    jstr(gz_page_uri(p, gz_arena_printf(p->a, "%s/author/%s/",
                                                                        p->prefix, au->slug))));
                json_array_append_new(authors, a);
        }
        if (ar->author_count == 0) /* nobody signed it: the newsroom did */
                json_array_append_new(authors, publisher(p));
        json_object_set_new(o, "author", authors);
        json_object_set_new(o, "publisher", publisher(p));
        const struct gz_section *s = gz_tree_find(&p->st->tree, ar->section_id);
        if (s != NULL)
                json_object_set_new(o, "articleSection", jstr(s->name));
        json_t *keywords = json_array();
        for (size_t i = 0; i < ar->tag_count; i++)
                json_array_append_new(keywords, jstr(ar->tags[i].name));
        json_object_set_new(o, "keywords", keywords);
        json_object_set_new(o, "inLanguage", jstr(ar->lang));
        return o;
}

static json_t *
page_ld(struct gz_page *p, const char *title, const char *description, const char *canonical)
{
        json_t *o = json_object();
        json_object_set_new(o, "@context", json_string("https://schema.org"));
        json_t *site = json_object();
        json_object_set_new(site, "@type", json_string("WebSite"));
        json_object_set_new(site, "name", jstr(p->settings->name));
        json_object_set_new(site, "url",
                            jstr(gz_page_uri(p, gz_arena_printf(p->a, "%s/", p->prefix))));
        if (p->title == NULL) {
                /* The front page: the site itself, searchable. */
                json_decref(o);
                o = site;
                json_object_set_new(o, "@context", json_string("https://schema.org"));
                json_object_set_new(o, "inLanguage", jstr(p->lang->code));
                if (description)
                        json_object_set_new(o, "description", jstr(description));
                json_object_set_new(o, "publisher", publisher(p));
                json_t *action = json_object();
                json_object_set_new(action, "@type", json_string("SearchAction"));
                json_t *target = json_object();
                json_object_set_new(target, "@type", json_string("EntryPoint"));
                json_object_set_new(
                    target, "urlTemplate",
                    jstr(gz_arena_printf(
                        p->a, "%s?q={search_term_string}",
                        gz_page_uri(p, gz_arena_printf(p->a, "%s/search", p->prefix)))));
                json_object_set_new(action, "target", target);
                json_object_set_new(action, "query-input",
                                    json_string("required name=search_term_string"));
                json_object_set_new(o, "potentialAction", action);
                return o;
        }
        json_object_set_new(o, "@type",
                            jstr(p->schema_type ? p->schema_type
                                 : p->feed_base ? "CollectionPage"
                                                : "WebPage"));
        json_object_set_new(o, "name", jstr(title));
        json_object_set_new(o, "url", jstr(canonical));
        if (description)
                json_object_set_new(o, "description", jstr(description));
        json_object_set_new(o, "inLanguage", jstr(p->lang->code));
        json_object_set_new(o, "isPartOf", site);
        return o;
}

/* The visible breadcrumb as a BreadcrumbList: same names, same links; the
 * current page (shown without a link) is the canonical address. */
static json_t *
breadcrumb_ld(struct gz_page *p, const char *canonical)
{
        const struct gz_val *crumbs = gz_obj_get(p->root, "breadcrumb");
        if (crumbs == NULL || crumbs->type != GZ_VAL_LIST || crumbs->u.list.count < 2)
                return NULL;
        json_t *o = json_object();
        json_object_set_new(o, "@context", json_string("https://schema.org"));
        json_object_set_new(o, "@type", json_string("BreadcrumbList"));
        json_t *items = json_array();
        for (size_t i = 0; i < crumbs->u.list.count; i++) {
                const struct gz_val *c = crumbs->u.list.items[i];
                const struct gz_val *name = gz_obj_get(c, "name");
                const struct gz_val *url = gz_obj_get(c, "url");
                json_t *item = json_object();
                json_object_set_new(item, "@type", json_string("ListItem"));
                json_object_set_new(item, "position", json_integer((json_int_t)i + 1));
                json_object_set_new(item, "name",
                                    jstr(name && name->type == GZ_VAL_STR
                                             ? gz_arena_strndup(p->a, name->u.s.p, name->u.s.n)
                                             : ""));
                const char *href =
                    url && url->type == GZ_VAL_STR
                        ? gz_page_uri(p, gz_arena_strndup(p->a, url->u.s.p, url->u.s.n))
                        : canonical;
                json_object_set_new(item, "item", jstr(href));
                json_array_append_new(items, item);
        }
        json_object_set_new(o, "itemListElement", items);
        return o;
}

static void
ld_script(struct gz_buf *b, json_t *o)
{
        if (o == NULL)
                return;
        char *text = json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER);
        json_decref(o);
        if (text == NULL)
                return;
        gz_buf_puts(b, "<script type=\"application/ld+json\">");
        gz_json_script_safe(b, text, strlen(text));
        gz_buf_puts(b, "</script>\n");
        free(text);
}

static void
feed_links(struct gz_page *p, struct gz_buf *b, const char *title)
{
        static const char *const labels[GZ_FEED__MAX] = {"RSS", "Atom", "JSON Feed"};
        for (int f = 0; f < GZ_FEED__MAX; f++) {
                gz_buf_printf(b, "<link rel=\"alternate\" type=\"%.*s\" title=\"",
                              (int)strcspn(gz_feed_types[f], ";"), gz_feed_types[f]);
                gz_html_escape_c(b, title);
                gz_buf_printf(b, " (%s)\" href=\"", labels[f]);
                gz_html_escape_c(b, gz_arena_printf(p->a, "%s%s", p->feed_base, gz_feed_files[f]));
                gz_buf_puts(b, "\">\n");
        }
}

void
gz_page_meta(struct gz_page *p)
{
        if (p->root == NULL)
                return;
        const struct gz_article *ar = p->article;
        const char *canonical = root_str(p, "canonical");
        const char *description = root_str(p, "description");
        const char *title = p->title ? p->title : p->settings->name;
        bool is_article = ar != NULL && ar->kind != GZ_KIND_PAGE;
        struct image img;
        bool has_image =
            ar != NULL && ar->featured != NULL ? largest(p, ar->featured, &img) : logo(p, &img);
        struct gz_buf b;
        gz_buf_init(&b, p->a);
        gz_buf_reserve(&b, 4096);

        meta_tag(&b, "property", "og:type", is_article ? "article" : "website");
        meta_tag(&b, "property", "og:title", title);
        meta_tag(&b, "property", "og:description", description);
        meta_tag(&b, "property", "og:url", canonical);
        meta_tag(&b, "property", "og:site_name", p->settings->name);
        if (has_image) {
                meta_tag(&b, "property", "og:image", img.url);
                meta_int(&b, "og:image:width", img.width);
                meta_int(&b, "og:image:height", img.height);
                meta_tag(&b, "property", "og:image:alt", img.alt);
        }
        if (is_article) {
                gz_time published = ar->published_at ? ar->published_at : p->req->now;
                gz_time modified = ar->updated_at > published ? ar->updated_at : published;
                meta_tag(&b, "property", "article:published_time", rfc3339(p, published));
                meta_tag(&b, "property", "article:modified_time", rfc3339(p, modified));
                for (size_t i = 0; i < ar->author_count; i++)
                        meta_tag(&b, "property", "article:author",
                                 gz_page_uri(p, gz_arena_printf(p->a, "%s/author/%s/", p->prefix,
                                                                ar->authors[i].slug)));
                const struct gz_section *s = gz_tree_find(&p->st->tree, ar->section_id);
                if (s != NULL)
                        meta_tag(&b, "property", "article:section", s->name);
                for (size_t i = 0; i < ar->tag_count; i++)
                        meta_tag(&b, "property", "article:tag", ar->tags[i].name);
        }
        bool large = has_image && ar != NULL && ar->featured != NULL;
        meta_tag(&b, "name", "twitter:card", large ? "summary_large_image" : "summary");
        meta_tag(&b, "name", "twitter:title", title);
        meta_tag(&b, "name", "twitter:description", description);
        if (has_image) {
                meta_tag(&b, "name", "twitter:image", img.url);
                meta_tag(&b, "name", "twitter:image:alt", img.alt);
        }
        if (p->feed_base != NULL)
                feed_links(p, &b, title);

        ld_script(&b, ar != NULL ? article_ld(p, ar, canonical)
                                 : page_ld(p, title, description, canonical));
        ld_script(&b, breadcrumb_ld(p, canonical));
        gz_obj_set_html(p->root, "meta_html", b.data);
}
