/* The public pages: home, sections, articles, tags, authors, archives and
 * the 404 page. Each builds its values and renders one template. */
#include <stdlib.h>
#include <string.h>

#include "site_internal.h"

static struct gz_article_query
published(struct gz_page *p)
{
        struct gz_article_query q = {.lang = p->lang->code,
                                     .status = GZ_STATUS_PUBLISHED,
                                     .kind = -1,
                                     .exclude_pages = true};
        return q;
}

void
gz_page_not_found(struct gz_page *p)
{
        gz_page_layout(p, gz_page_str(p, "not_found"), NULL, p->req->path);
        gz_obj_set_bool(p->root, "noindex", true);
        gz_obj_set_str(p->root, "heading", gz_page_str(p, "not_found"));
        gz_obj_set_str(p->root, "message", gz_page_str(p, "not_found_text"));
        gz_obj_set_str(p->root, "path", p->req->path);
        gz_page_render(p, "error", 404);
}

/* ---- home ---------------------------------------------------------------- */

void
gz_page_home(struct gz_page *p)
{
        if (gz_req_query(p->req, "page") != NULL) {
                gz_page_not_found(p);
                return;
        }
        gz_page_layout(p, NULL,
                       *p->settings->description ? p->settings->description : p->settings->tagline,
                       gz_arena_printf(p->a, "%s/", p->prefix));
        gz_page_dep(p, "home:%s", p->lang->code);
        struct gz_store *store = p->site->store;

        /* The lead: the newest story with a picture. */
        struct gz_article_query q = published(p);
        q.featured_only = true;
        q.limit = 1;
        struct gz_article *lead = NULL;
        size_t n = 0;
        gz_store_articles(store, p->a, &q, &lead, &n, NULL, NULL);
        int64_t lead_id = n ? lead[0].id : 0;
        if (n) {
                struct gz_val *v = gz_view_card(p, &lead[0], false);
                if (lead[0].featured)
                        gz_obj_set_html(v, "image",
                                        gz_view_picture(p, lead[0].featured,
                                                        "(min-width: 50rem) 42rem, 100vw", false));
                gz_obj_set(p->root, "lead", v);
        }

        q = published(p);
        q.exclude_id = lead_id;
        q.limit = 8;
        struct gz_article *latest;
        gz_store_articles(store, p->a, &q, &latest, &n, NULL, NULL);
        if (n && lead_id == 0) { /* no pictures at all: the newest leads */
                gz_obj_set(p->root, "lead", gz_view_card(p, &latest[0], false));
                latest++;
                n--;
        }
        gz_obj_set(p->root, "latest", gz_view_cards(p, latest, n, false));
        gz_obj_set_bool(p->root, "has_latest", n > 0);

        /* One block per top section with its newest four. */
        struct gz_val *blocks = gz_val_list(p->a);
        const struct gz_section_tree *t = &p->st->tree;
        for (size_t i = 0; i < t->count; i++) {
                const struct gz_section *s = &t->sections[i];
                if (s->parent_id != 0)
                        continue;
                q = published(p);
                q.section_count = gz_tree_subtree(t, s->id, p->a, (int64_t **)&q.section_ids);
                q.limit = 4;
                struct gz_article *list;
                if (gz_store_articles(store, p->a, &q, &list, &n, NULL, NULL) != GZ_OK || n == 0)
                        continue;
                struct gz_val *b = gz_val_obj(p->a);
                gz_obj_set_str(b, "name", s->name);
                gz_obj_set_str(b, "slug", s->slug);
                gz_obj_set_str(b, "url", gz_view_section_url(p, s));
                gz_obj_set_str(b, "more_label", gz_page_fmt(p, "more_in", "name", s->name, NULL));
                gz_obj_set(b, "articles", gz_view_cards(p, list, n, true));
                gz_list_push(blocks, b);
        }
        gz_obj_set(p->root, "blocks", blocks);
        gz_page_render(p, "home", 200);
}

/* ---- lists ---------------------------------------------------------------- */

/* Runs a paginated query and fills articles, pagination and has_articles;
 * false when the page number is out of range (a 404). */
static bool
paged_list(struct gz_page *p, struct gz_article_query *q, const char *base)
{
        long page = gz_view_page_number(p);
        if (page < 1)
                return false;
        q->limit = (size_t)p->settings->per_page;
        q->offset = (size_t)(page - 1) * q->limit;
        struct gz_article *list;
        size_t n, total = 0;
        if (gz_store_articles(p->site->store, p->a, q, &list, &n, &total, NULL) != GZ_OK)
                return false;
        if (n == 0 && page > 1)
                return false;
        long pages = (long)((total + q->limit - 1) / q->limit);
        gz_obj_set(p->root, "articles", gz_view_cards(p, list, n, true));
        gz_obj_set_bool(p->root, "has_articles", n > 0);
        gz_view_pagination(p, base, page, pages);
        if (page > 1)
                gz_obj_set_str(p->root, "canonical",
                               gz_page_abs(p, gz_arena_printf(p->a, "%s?page=%ld", base, page)));
        return true;
}

void
gz_page_section(struct gz_page *p, const struct gz_section *s)
{
        const char *base = gz_view_section_url(p, s);
        p->current_section = s->id;
        p->feed_base = base;
        gz_page_dep(p, "sec:%lld", (long long)s->id);
        gz_page_layout(p, s->name, s->description, base);
        struct gz_val *sv = gz_val_obj(p->a);
        gz_obj_set_str(sv, "name", s->name);
        gz_obj_set_str(sv, "description", *s->description ? s->description : NULL);
        gz_obj_set(p->root, "section", sv);
        gz_obj_set(p->root, "breadcrumb", gz_view_breadcrumb(p, s->id, NULL, false));
        struct gz_val *subs = gz_val_list(p->a);
        for (size_t i = 0; i < p->st->tree.count; i++) {
                const struct gz_section *c = &p->st->tree.sections[i];
                if (c->parent_id != s->id)
                        continue;
                struct gz_val *item = gz_val_obj(p->a);
                gz_obj_set_str(item, "name", c->name);
                gz_obj_set_str(item, "url", gz_view_section_url(p, c));
                gz_list_push(subs, item);
        }
        gz_obj_set(p->root, "subsections", subs);
        gz_obj_set_bool(p->root, "has_subsections", subs->u.list.count > 0);
        struct gz_article_query q = published(p);
        q.section_count = gz_tree_subtree(&p->st->tree, s->id, p->a, (int64_t **)&q.section_ids);
        if (!paged_list(p, &q, base)) {
                gz_page_not_found(p);
                return;
        }
        gz_page_render(p, "section", 200);
}

void
gz_page_tag(struct gz_page *p, const char *slug)
{
        struct gz_tag *tag;
        if (gz_store_tag_get(p->site->store, p->a, 0, slug, &tag, NULL) != GZ_OK) {
                gz_page_not_found(p);
                return;
        }
        const char *base = gz_arena_printf(p->a, "%s/tag/%s/", p->prefix, tag->slug);
        p->feed_base = base;
        gz_page_dep(p, "tag:%lld", (long long)tag->id);
        gz_page_dep(p, "tag-list:%lld", (long long)tag->id);
        gz_page_layout(p, tag->name, NULL, base);
        gz_obj_set_str(p->root, "kicker", gz_page_str(p, "tag"));
        gz_obj_set_str(p->root, "heading", tag->name);
        gz_obj_set(p->root, "breadcrumb", gz_view_breadcrumb(p, 0, tag->name, false));
        struct gz_article_query q = published(p);
        q.tag_id = tag->id;
        if (!paged_list(p, &q, base)) {
                gz_page_not_found(p);
                return;
        }
        gz_page_render(p, "list", 200);
}

static struct gz_val *
paragraphs(struct gz_page *p, const char *text)
{
        struct gz_val *list = gz_val_list(p->a);
        const char *s = text;
        while (s && *s) {
                const char *end = strstr(s, "\n\n");
                size_t n = end ? (size_t)(end - s) : strlen(s);
                while (n > 0 && (s[n - 1] == '\n' || s[n - 1] == '\r' || s[n - 1] == ' '))
                        n--;
                if (n > 0)
                        gz_list_push(list, gz_val_strn(p->a, s, n));
                s = end ? end + 2 : NULL;
                while (s && (*s == '\n' || *s == '\r'))
                        s++;
        }
        return list;
}

void
gz_page_author(struct gz_page *p, const char *slug)
{
        struct gz_author *au;
        if (gz_store_author_get(p->site->store, p->a, 0, slug, &au, NULL) != GZ_OK) {
                gz_page_not_found(p);
                return;
        }
        const char *base = gz_arena_printf(p->a, "%s/author/%s/", p->prefix, au->slug);
        p->feed_base = base;
        gz_page_dep(p, "author:%lld", (long long)au->id);
        gz_page_dep(p, "author-list:%lld", (long long)au->id);
        if (au->photo != NULL)
                gz_page_dep(p, "media:%lld", (long long)au->photo->id);
        /* No email or login is ever shown: only the public profile. */
        gz_page_layout(p, au->name, au->title, base);
        struct gz_val *av = gz_val_obj(p->a);
        gz_obj_set_str(av, "name", au->name);
        gz_obj_set_str(av, "title", *au->title ? au->title : NULL);
        gz_obj_set_str(av, "kind", gz_author_kind_names[au->kind]);
        gz_obj_set_str(av, "kind_label",
                       gz_page_str(p, au->kind == GZ_AUTHOR_ORGANIZATION ? "author_organization"
                                                                         : "author_person"));
        gz_obj_set(av, "bio_paragraphs", paragraphs(p, au->bio));
        if (au->photo != NULL)
                gz_obj_set_html(av, "photo", gz_view_picture(p, au->photo, "6rem", false));
        gz_obj_set(p->root, "author", av);
        gz_obj_set(p->root, "breadcrumb", gz_view_breadcrumb(p, 0, au->name, false));
        struct gz_article_query q = published(p);
        q.author_id = au->id;
        if (!paged_list(p, &q, base)) {
                gz_page_not_found(p);
                return;
        }
        gz_page_render(p, "list", 200);
}

/* ---- one article ------------------------------------------------------------ */

static struct gz_val *
lines(struct gz_page *p, const char *text)
{
        struct gz_val *list = gz_val_list(p->a);
        for (const char *s = text; s && *s;) {
                const char *end = strchr(s, '\n');
                size_t n = end ? (size_t)(end - s) : strlen(s);
                while (n > 0 && (s[n - 1] == '\r' || s[n - 1] == ' '))
                        n--;
                if (n > 0)
                        gz_list_push(list, gz_val_strn(p->a, s, n));
                s = end ? end + 1 : NULL;
        }
        return list;
}

void
gz_page_article(struct gz_page *p, const struct gz_article *ar, bool preview)
{
        const char *url = gz_view_article_url(p, ar);
        p->current_section = ar->section_id;
        gz_page_dep(p, "a:%lld", (long long)ar->id);
        gz_page_dep(p, "group:%lld", (long long)ar->translation_group);
        for (size_t i = 0; i < ar->author_count; i++)
                gz_page_dep(p, "author:%lld", (long long)ar->authors[i].id);
        for (size_t i = 0; i < ar->tag_count; i++) {
                gz_page_dep(p, "tag:%lld", (long long)ar->tags[i].id);
                gz_page_dep(p, "rel-tag:%lld", (long long)ar->tags[i].id);
        }
        gz_page_dep(p, "rel-sec:%lld", (long long)ar->section_id);
        if (ar->featured != NULL)
                gz_page_dep(p, "media:%lld", (long long)ar->featured->id);
        gz_page_layout(p, ar->title, ar->summary, url);
        struct gz_val *root = p->root;
        if (preview) {
                gz_obj_set_bool(root, "preview", true);
                gz_obj_set_bool(root, "noindex", true);
        }
        gz_obj_set_str(root, "kind", gz_article_kind_names[ar->kind]);
        const char *kind_label =
            gz_page_str(p, gz_arena_printf(p->a, "kind_%s", gz_article_kind_names[ar->kind]));
        gz_obj_set_str(root, "kind_label", *kind_label ? kind_label : NULL);
        gz_obj_set_str(root, "title", ar->title);
        gz_obj_set_str(root, "subtitle", ar->subtitle && *ar->subtitle ? ar->subtitle : NULL);
        gz_obj_set_html(root, "body_html", ar->body_html ? ar->body_html : "");
        gz_obj_set(root, "breadcrumb", gz_view_breadcrumb(p, ar->section_id, NULL, true));
        gz_time published_at = ar->published_at ? ar->published_at : p->req->now;
        gz_obj_set(root, "published", gz_view_date(p, published_at, GZ_DATE_TIME));
        p->article = ar;
        int year, month;
        gz_time_to_civil(published_at, &year, &month, NULL, NULL, NULL, NULL, NULL);
        gz_obj_set_str(root, "date_archive_url",
                       gz_arena_printf(p->a, "%s/%04d/%02d/", p->prefix, year, month));
        /* "Updated" only when the change came well after publication. */
        if (ar->updated_at > published_at + 3600)
                gz_obj_set(root, "updated", gz_view_date(p, ar->updated_at, GZ_DATE_TIME));

        struct gz_val *authors = gz_val_list(p->a);
        for (size_t i = 0; i < ar->author_count; i++) {
                struct gz_val *av = gz_val_obj(p->a);
                gz_obj_set_str(av, "name", ar->authors[i].name);
                gz_obj_set_str(av, "kind", gz_author_kind_names[ar->authors[i].kind]);
                gz_obj_set_str(
                    av, "url",
                    gz_arena_printf(p->a, "%s/author/%s/", p->prefix, ar->authors[i].slug));
                gz_obj_set_bool(av, "last", i + 1 == ar->author_count);
                gz_obj_set_str(av, "sep",
                               i + 2 == ar->author_count ? gz_page_str(p, "and")
                                                         : gz_page_str(p, "comma"));
                gz_list_push(authors, av);
        }
        gz_obj_set(root, "authors", authors);
        gz_obj_set_bool(root, "has_authors", ar->author_count > 0);

        if (ar->featured != NULL) {
                struct gz_val *f = gz_val_obj(p->a);
                gz_obj_set_html(
                    f, "picture",
                    gz_view_picture(p, ar->featured, "(min-width: 72rem) 72rem, 100vw", false));
                gz_obj_set_str(f, "caption", ar->featured->caption);
                gz_obj_set_str(f, "credit", *ar->featured->credit ? ar->featured->credit : NULL);
                gz_obj_set_bool(f, "has_caption", *ar->featured->caption || *ar->featured->credit);
                gz_obj_set(root, "featured", f);
        }

        if (ar->signature && *ar->signature) {
                gz_obj_set(root, "signature_lines", lines(p, ar->signature));
                gz_obj_set_bool(root, "has_signature", true);
                gz_time sd;
                if (ar->statement_date && *ar->statement_date &&
                    gz_time_parse(ar->statement_date, &sd, NULL)) {
                        /* A calendar date: format it at noon UTC so no zone
                         * moves it to another day. */
                        struct gz_val *d = gz_val_obj(p->a);
                        gz_obj_set_str(d, "iso", ar->statement_date);
                        struct gz_buf text;
                        gz_buf_init(&text, p->a);
                        gz_date_format(&text, p->lang->locale, "UTC", sd + 12 * 3600,
                                       GZ_DATE_MEDIUM);
                        gz_obj_set_str(d, "text", text.data);
                        gz_obj_set(root, "statement_date", d);
                }
        }

        struct gz_val *tags = gz_val_list(p->a);
        for (size_t i = 0; i < ar->tag_count; i++) {
                struct gz_val *tv = gz_val_obj(p->a);
                gz_obj_set_str(tv, "name", ar->tags[i].name);
                gz_obj_set_str(tv, "url",
                               gz_arena_printf(p->a, "%s/tag/%s/", p->prefix, ar->tags[i].slug));
                gz_list_push(tags, tv);
        }
        gz_obj_set(root, "tags", tags);
        gz_obj_set_bool(root, "has_tags", ar->tag_count > 0);

        if (ar->kind != GZ_KIND_PAGE) {
                struct gz_article *related;
                size_t n = 0;
                gz_store_related(p->site->store, p->a, ar, 4, &related, &n, NULL);
                gz_obj_set(root, "related", gz_view_cards(p, related, n, true));
                gz_obj_set_bool(root, "has_related", n > 0);
        }

        /* Other languages of the same article. */
        struct gz_val *translations = gz_val_list(p->a);
        if (ar->translation_group && p->st->language_count > 1) {
                struct gz_article_query q = {.status = GZ_STATUS_PUBLISHED,
                                             .kind = -1,
                                             .translation_group = ar->translation_group,
                                             .exclude_id = ar->id,
                                             .limit = 20};
                struct gz_article *list;
                size_t n = 0;
                if (gz_store_articles(p->site->store, p->a, &q, &list, &n, NULL, NULL) != GZ_OK)
                        n = 0;
                for (size_t i = 0; i < n; i++) {
                        struct gz_val *tv = gz_val_obj(p->a);
                        gz_obj_set_str(tv, "lang", list[i].lang);
                        gz_obj_set_str(tv, "name", list[i].lang);
                        for (size_t k = 0; k < p->st->language_count; k++)
                                if (strcmp(p->st->languages[k].code, list[i].lang) == 0)
                                        gz_obj_set_str(tv, "name", p->st->languages[k].name);
                        gz_obj_set_str(tv, "url", gz_view_article_url(p, &list[i]));
                        gz_list_push(translations, tv);
                }
        }
        gz_obj_set(root, "translations", translations);
        gz_obj_set_bool(root, "has_translations", translations->u.list.count > 0);
        gz_page_render(p, ar->kind == GZ_KIND_PAGE ? "page" : "article", 200);
}
