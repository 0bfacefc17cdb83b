/* Views: the values templates read, made from the store's structs. Every
 * page shares the layout built here (head, masthead, navigation, footer). */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "../cache/cache.h"
#include "site_internal.h"

void
gz_deps_add(struct gz_deps *d, uint64_t key)
{
        for (size_t i = 0; i < d->count; i++)
                if (d->keys[i] == key)
                        return;
        d->keys = gz_arena_grow(d->arena, d->keys, d->count, &d->cap, sizeof(*d->keys));
        d->keys[d->count++] = key;
}

void
gz_page_dep(struct gz_page *p, const char *fmt, ...)
{
        if (p->deps == NULL)
                return;
        char name[256];
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(name, sizeof(name), fmt, ap);
        va_end(ap);
        gz_deps_add(p->deps, gz_cache_dep("%s", name));
}

const char *
gz_page_str(struct gz_page *p, const char *key)
{
        struct gz_val *v = gz_obj_get(p->t, key);
        return v && v->type == GZ_VAL_STR ? v->u.s.p : key;
}

char *
gz_page_fmt(struct gz_page *p, const char *key, ...)
{
        const char *tpl = gz_page_str(p, key);
        struct gz_buf b;
        gz_buf_init(&b, p->a);
        gz_buf_reserve(&b, strlen(tpl));
        for (const char *s = tpl; *s;) {
                const char *open = strchr(s, '{');
                const char *close = open ? strchr(open, '}') : NULL;
                if (open == NULL || close == NULL) {
                        gz_buf_puts(&b, s);
                        break;
                }
                gz_buf_put(&b, s, (size_t)(open - s));
                size_t name_len = (size_t)(close - open - 1);
                const char *value = NULL;
                va_list ap;
                va_start(ap, key);
                for (const char *name; (name = va_arg(ap, const char *)) != NULL;) {
                        const char *v = va_arg(ap, const char *);
                        if (strlen(name) == name_len && strncmp(name, open + 1, name_len) == 0)
                                value = v;
                }
                va_end(ap);
                if (value != NULL)
                        gz_buf_puts(&b, value);
                else
                        gz_buf_put(&b, open, (size_t)(close - open + 1));
                s = close + 1;
        }
        return b.data ? b.data : gz_arena_strdup(p->a, "");
}

char *
gz_page_abs(struct gz_page *p, const char *path)
{
        return gz_arena_printf(p->a, "%s%s", p->settings->base_url, path);
}

/* ---- small views -------------------------------------------------------- */

struct gz_val *
gz_view_date(struct gz_page *p, gz_time t, enum gz_date_style style)
{
        struct gz_val *d = gz_val_obj(p->a);
        char iso[40];
        gz_time_rfc3339(t, gz_tz_offset(p->settings->timezone, t), iso);
        gz_obj_set_str(d, "iso", gz_arena_strdup(p->a, iso));
        struct gz_buf text;
        gz_buf_init(&text, p->a);
        gz_date_format(&text, p->lang->locale, p->settings->timezone, t, style);
        gz_obj_set_str(d, "text", text.data ? text.data : "");
        return d;
}

char *
gz_view_article_url(struct gz_page *p, const struct gz_article *ar)
{
        const char *prefix = "";
        if (strcmp(ar->lang, p->settings->language) != 0)
                prefix = gz_arena_printf(p->a, "/%s", ar->lang);
        if (ar->kind == GZ_KIND_PAGE)
                return gz_arena_printf(p->a, "%s/%s/", prefix, ar->slug);
        int y, m;
        gz_time_to_civil(ar->published_at ? ar->published_at : gz_now(), &y, &m, NULL, NULL, NULL,
                         NULL, NULL);
        return gz_arena_printf(p->a, "%s/%04d/%02d/%s/", prefix, y, m, ar->slug);
}

char *
gz_view_section_url(struct gz_page *p, const struct gz_section *s)
{
        return gz_arena_printf(p->a, "%s/%s/", p->prefix, s->path);
}

char *
gz_view_picture(struct gz_page *p, const struct gz_media *m, const char *sizes, bool lazy)
{
        struct gz_buf b;
        gz_buf_init(&b, p->a);
        gz_render_picture(&b, m, NULL, sizes, lazy);
        return b.data;
}

static char *
byline_text(struct gz_page *p, const struct gz_article *ar)
{
        if (ar->author_count == 0)
                return NULL;
        struct gz_buf b;
        gz_buf_init(&b, p->a);
        for (size_t i = 0; i < ar->author_count; i++) {
                if (i > 0)
                        gz_buf_puts(&b, i + 1 == ar->author_count ? gz_page_str(p, "and")
                                                                  : gz_page_str(p, "comma"));
                gz_buf_puts(&b, ar->authors[i].name);
        }
        return b.data;
}

struct gz_val *
gz_view_card(struct gz_page *p, const struct gz_article *ar, bool image)
{
        struct gz_val *c = gz_val_obj(p->a);
        gz_page_dep(p, "a:%lld", (long long)ar->id);
        for (size_t i = 0; i < ar->author_count; i++)
                gz_page_dep(p, "author:%lld", (long long)ar->authors[i].id);
        if (image && ar->featured != NULL)
                gz_page_dep(p, "media:%lld", (long long)ar->featured->id);
        gz_obj_set_str(c, "title", ar->title);
        gz_obj_set_str(c, "url", gz_view_article_url(p, ar));
        gz_obj_set_str(c, "summary", ar->summary && *ar->summary ? ar->summary : NULL);
        gz_obj_set(c, "date", gz_view_date(p, ar->published_at, GZ_DATE_MEDIUM));
        gz_obj_set_str(c, "byline", byline_text(p, ar));
        gz_obj_set_str(c, "kind", gz_article_kind_names[ar->kind]);
        const struct gz_section *s = gz_tree_find(&p->st->tree, ar->section_id);
        if (s != NULL) {
                struct gz_val *sv = gz_val_obj(p->a);
                gz_obj_set_str(sv, "name", s->name);
                gz_obj_set_str(sv, "url", gz_view_section_url(p, s));
                gz_obj_set(c, "section", sv);
        }
        if (image && ar->featured != NULL)
                gz_obj_set_html(c, "image",
                                gz_view_picture(p, ar->featured,
                                                "(min-width: 72rem) 22rem, (min-width: 40rem) "
                                                "45vw, 100vw",
                                                true));
        return c;
}

struct gz_val *
gz_view_cards(struct gz_page *p, const struct gz_article *list, size_t n, bool images)
{
        struct gz_val *cards = gz_val_list(p->a);
        for (size_t i = 0; i < n; i++)
                gz_list_push(cards, gz_view_card(p, &list[i], images));
        return cards;
}

struct gz_val *
gz_view_breadcrumb(struct gz_page *p, int64_t section_id, const char *last_name, bool in_article)
{
        struct gz_val *list = gz_val_list(p->a);
        struct gz_val *home = gz_val_obj(p->a);
        gz_obj_set_str(home, "name", gz_page_str(p, "home"));
        gz_obj_set_str(home, "url", gz_arena_printf(p->a, "%s/", p->prefix));
        gz_list_push(list, home);
        const struct gz_section *chain[16];
        size_t n = section_id ? gz_tree_chain(&p->st->tree, section_id, chain, 16) : 0;
        for (size_t i = 0; i < n; i++) {
                struct gz_val *item = gz_val_obj(p->a);
                gz_obj_set_str(item, "name", chain[i]->name);
                /* The current page is the last item, without a link. */
                if (in_article || !(last_name == NULL && i + 1 == n))
                        gz_obj_set_str(item, "url", gz_view_section_url(p, chain[i]));
                gz_list_push(list, item);
        }
        if (last_name != NULL) {
                struct gz_val *item = gz_val_obj(p->a);
                gz_obj_set_str(item, "name", last_name);
                gz_list_push(list, item);
        }
        return list;
}

long
gz_view_page_number(struct gz_page *p)
{
        const char *s = gz_req_query(p->req, "page");
        if (s == NULL)
                return 1;
        long long n;
        if (!gz_parse_int(s, 1, 100000, &n))
                return 0;
        return (long)n;
}

void
gz_view_pagination(struct gz_page *p, const char *base, long page, long pages)
{
        if (pages <= 1)
                return;
        struct gz_val *pg = gz_val_obj(p->a);
        char num[24], total[24];
        snprintf(num, sizeof(num), "%ld", page);
        snprintf(total, sizeof(total), "%ld", pages);
        gz_obj_set_str(pg, "label", gz_page_fmt(p, "page_of", "page", num, "pages", total, NULL));
        if (page > 1) {
                char *prev = page == 2 ? gz_arena_strdup(p->a, base)
                                       : gz_arena_printf(p->a, "%s?page=%ld", base, page - 1);
                gz_obj_set_str(pg, "prev", prev);
                gz_obj_set_str(p->root, "prev_url", gz_page_abs(p, prev));
        }
        if (page < pages) {
                char *next = gz_arena_printf(p->a, "%s?page=%ld", base, page + 1);
                gz_obj_set_str(pg, "next", next);
                gz_obj_set_str(p->root, "next_url", gz_page_abs(p, next));
        }
        gz_obj_set(p->root, "pagination", pg);
}

/* ---- the layout ----------------------------------------------------------- */

static struct gz_val *
nav(struct gz_page *p)
{
        struct gz_val *list = gz_val_list(p->a);
        const struct gz_section_tree *t = &p->st->tree;
        const struct gz_section *chain[16];
        size_t depth = p->current_section ? gz_tree_chain(t, p->current_section, chain, 16) : 0;
        for (size_t i = 0; i < t->count; i++) {
                const struct gz_section *top = &t->sections[i];
                if (top->parent_id != 0)
                        continue;
                struct gz_val *item = gz_val_obj(p->a);
                gz_obj_set_str(item, "name", top->name);
                gz_obj_set_str(item, "url", gz_view_section_url(p, top));
                gz_obj_set_bool(item, "current", depth > 0 && chain[0]->id == top->id);
                struct gz_val *children = gz_val_list(p->a);
                for (size_t k = 0; k < t->count; k++) {
                        const struct gz_section *sub = &t->sections[k];
                        if (sub->parent_id != top->id)
                                continue;
                        struct gz_val *child = gz_val_obj(p->a);
                        gz_obj_set_str(child, "name", sub->name);
                        gz_obj_set_str(child, "url", gz_view_section_url(p, sub));
                        gz_obj_set_bool(child, "current", depth > 1 && chain[1]->id == sub->id);
                        gz_list_push(children, child);
                }
                gz_obj_set(item, "children", children);
                gz_obj_set_bool(item, "has_children", children->u.list.count > 0);
                gz_list_push(list, item);
        }
        return list;
}

static struct gz_val *
footer_pages(struct gz_page *p)
{
        gz_page_dep(p, "pages:%s", p->lang->code);
        struct gz_article_query q = {.lang = p->lang->code,
                                     .status = GZ_STATUS_PUBLISHED,
                                     .kind = GZ_KIND_PAGE,
                                     .limit = 12};
        struct gz_article *list;
        size_t n = 0;
        struct gz_val *pages = gz_val_list(p->a);
        if (gz_store_articles(p->site->store, p->a, &q, &list, &n, NULL, NULL) != GZ_OK)
                return pages;
        /* Alphabetical reads better in a footer than by date. */
        for (size_t i = 1; i < n; i++)
                for (size_t k = i; k > 0 && strcmp(list[k - 1].title, list[k].title) > 0; k--) {
                        struct gz_article tmp = list[k];
                        list[k] = list[k - 1];
                        list[k - 1] = tmp;
                }
        for (size_t i = 0; i < n; i++) {
                struct gz_val *item = gz_val_obj(p->a);
                gz_page_dep(p, "a:%lld", (long long)list[i].id);
                gz_obj_set_str(item, "title", list[i].title);
                gz_obj_set_str(item, "url", gz_view_article_url(p, &list[i]));
                gz_list_push(pages, item);
        }
        return pages;
}

void
gz_page_layout(struct gz_page *p, const char *title, const char *description, const char *path)
{
        struct gz_val *root = p->root = gz_val_obj(p->a);
        const struct gz_settings *set = p->settings;
        p->title = title;
        gz_obj_set_str(root, "lang", p->lang->code);
        gz_obj_set_str(root, "dir", gz_lang_dir(p->lang->code));
        struct gz_val *site = gz_val_obj(p->a);
        gz_obj_set_str(site, "name", set->name);
        gz_obj_set_str(site, "tagline", *set->tagline ? set->tagline : NULL);
        gz_obj_set_str(site, "copyright", *set->copyright ? set->copyright : NULL);
        gz_obj_set(root, "site", site);
        gz_obj_set_str(root, "page_title",
                       title ? gz_arena_printf(p->a, "%s – %s", title, set->name) : set->name);
        gz_obj_set_str(root, "description", description && *description ? description : NULL);
        gz_obj_set_str(root, "canonical", gz_page_abs(p, path));
        struct gz_val *assets = gz_val_obj(p->a);
        gz_obj_set_str(assets, "style", gz_site_asset_url(p->site, "style.css"));
        gz_obj_set_str(assets, "favicon", gz_site_asset_url(p->site, "favicon.svg"));
        gz_obj_set(root, "assets", assets);
        gz_obj_set(root, "t", p->t);

        /* The date bar: today in the site's time zone. */
        gz_obj_set(root, "today", gz_view_date(p, p->req->now, GZ_DATE_LONG));
        int y, m, d;
        gz_tz_civil(set->timezone, p->req->now, &y, &m, &d);
        gz_obj_set_str(gz_obj_get(root, "today"), "iso",
                       gz_arena_printf(p->a, "%04d-%02d-%02d", y, m, d));

        gz_obj_set_str(root, "home_url", gz_arena_printf(p->a, "%s/", p->prefix));
        gz_obj_set_str(root, "search_url", gz_arena_printf(p->a, "%s/search", p->prefix));
        gz_obj_set_str(root, "feed_url", gz_arena_printf(p->a, "%s/feed.xml", p->prefix));
        gz_obj_set_str(root, "archive_url", gz_arena_printf(p->a, "%s/archive/", p->prefix));
        struct gz_val *langs = gz_val_list(p->a);
        for (size_t i = 0; p->st->language_count > 1 && i < p->st->language_count; i++) {
                const struct gz_language *l = &p->st->languages[i];
                struct gz_val *item = gz_val_obj(p->a);
                gz_obj_set_str(item, "code", l->code);
                gz_obj_set_str(item, "name", l->name);
                bool is_default = strcmp(l->code, set->language) == 0;
                gz_obj_set_str(item, "url",
                               is_default ? "/" : gz_arena_printf(p->a, "/%s/", l->code));
                gz_obj_set_bool(item, "current", l == p->lang);
                gz_list_push(langs, item);
        }
        gz_obj_set(root, "languages", langs);
        gz_obj_set_bool(root, "has_languages", langs->u.list.count > 1);
        gz_obj_set(root, "nav", nav(p));
        struct gz_val *pages = footer_pages(p);
        gz_obj_set(root, "pages", pages);
        gz_obj_set_bool(root, "has_pages", pages->u.list.count > 0);
}

void
gz_page_render(struct gz_page *p, const char *name, int status)
{
        struct gz_buf out;
        gz_buf_init(&out, p->a);
        gz_buf_reserve(&out, 32 * 1024);
        struct gz_error err;
        if (status == 200)
                gz_page_meta(p);
        if (gz_tpl_render(p->site->theme.templates, name, p->root, &out, &err) != GZ_OK) {
                gz_errorf("site: template %s: %s", name, err.msg);
                gz_resp_text(p->resp, 500, NULL);
                return;
        }
        if (status == 200) {
                gz_page_send(p, "text/html; charset=utf-8", out.data, out.len, 0);
                return;
        }
        gz_resp_body(p->resp, status, "text/html; charset=utf-8", out.data, out.len);
        gz_resp_header(p->resp, "Cache-Control", "no-store");
}

/* A 200 answer that caches can keep: readers revalidate every time (a 304
 * costs almost nothing) against a strong ETag of the body, and the cache
 * keeps it until midnight in the site's zone (the date bar) or expires,
 * whichever comes first. Conditional requests are the caller's business
 * (the cache, or gz_http_conditional without one). */
void
gz_page_send(struct gz_page *p, const char *content_type, const char *body, size_t len,
             gz_time expires)
{
        gz_resp_body(p->resp, 200, content_type, body, len);
        gz_resp_header(p->resp, "Cache-Control", "public, no-cache");
        gz_resp_header(
            p->resp, "ETag",
            gz_arena_printf(p->a, "\"%016llx\"", (unsigned long long)gz_hash64(body, len)));
        if (p->deps != NULL) {
                gz_time midnight = gz_tz_next_midnight(p->settings->timezone, p->req->now);
                p->deps->cacheable = true;
                p->deps->expires = expires > 0 && expires < midnight ? expires : midnight;
        }
}
