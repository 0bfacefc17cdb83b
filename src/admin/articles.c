/* Articles in the admin: the dashboard, the list with its filters, the
 * editor (new and existing), saving with the workflow's actions, stale
 * saves (409 with both versions), the trash. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "admin_internal.h"

enum { AUTHOR_ROWS = 4, LIST_PAGE = 30 };

/* ---- list rows ------------------------------------------------------------- */

static struct gz_val *
article_row(struct gz_actx *x, const struct gz_article *ar)
{
        struct gz_val *r = gz_val_obj(x->a);
        gz_obj_set_int(r, "id", ar->id);
        gz_obj_set_str(r, "title", ar->title);
        gz_obj_set_str(r, "status", gz_article_status_names[ar->status]);
        gz_obj_set_str(r, "kind", gz_article_kind_names[ar->kind]);
        gz_obj_set(r, "updated", gz_admin_date(x, ar->updated_at));
        if (ar->status == GZ_STATUS_SCHEDULED)
                gz_obj_set(r, "scheduled", gz_admin_date(x, ar->scheduled_at));
        struct gz_buf by;
        gz_buf_init(&by, x->a);
        for (size_t i = 0; i < ar->author_count; i++)
                gz_buf_printf(&by, "%s%s", i ? ", " : "", ar->authors[i].name);
        gz_obj_set_str(r, "byline", by.data ? by.data : "");
        gz_obj_set_bool(r, "editable", gz_may_edit(x->user, ar));
        if (ar->status == GZ_STATUS_PUBLISHED) {
                int y, m;
                gz_time_to_civil(ar->published_at, &y, &m, NULL, NULL, NULL, NULL, NULL);
                gz_obj_set_str(r, "public_url",
                               ar->kind == GZ_KIND_PAGE
                                   ? gz_arena_printf(x->a, "/%s/", ar->slug)
                                   : gz_arena_printf(x->a, "/%04d/%02d/%s/", y, m, ar->slug));
        }
        return r;
}

static struct gz_val *
rows(struct gz_actx *x, const struct gz_article *list, size_t n)
{
        struct gz_val *v = gz_val_list(x->a);
        for (size_t i = 0; i < n; i++)
                gz_list_push(v, article_row(x, &list[i]));
        return v;
}

/* What this user may see in lists: everybody's for editors, their own
 * otherwise. */
static void
scope(struct gz_actx *x, struct gz_article_query *q)
{
        if (!gz_role_can(x->user->role, GZ_CAN_EDIT_ANY))
                q->created_by = x->user->id;
}

void
gz_admin_dashboard(struct gz_actx *x)
{
        gz_admin_page(x, "Dashboard");
        struct gz_store *s = x->admin->store;
        struct gz_article *list;
        size_t n;
        static const struct {
                const char *key;
                int status;
                bool mine;
        } blocks[] = {
            {"drafts", GZ_STATUS_DRAFT, true},
            {"review", GZ_STATUS_REVIEW, false},
            {"scheduled", GZ_STATUS_SCHEDULED, false},
            {"published", GZ_STATUS_PUBLISHED, false},
        };
        for (size_t i = 0; i < GZ_ARRAY_LEN(blocks); i++) {
                struct gz_article_query q = {
                    .status = blocks[i].status, .kind = -1, .by_updated = true, .limit = 8};
                if (blocks[i].mine)
                        q.created_by = x->user->id;
                else
                        scope(x, &q);
                if (gz_store_articles(s, x->a, &q, &list, &n, NULL, NULL) != GZ_OK)
                        n = 0;
                gz_obj_set(x->root, blocks[i].key, rows(x, list, n));
                gz_obj_set_bool(x->root, gz_arena_printf(x->a, "has_%s", blocks[i].key), n > 0);
        }
        gz_admin_render(x, "dashboard", 200);
}

/* ---- the list -------------------------------------------------------------- */

static struct gz_val *
options(struct gz_actx *x, const char *const *names, int count, const char *selected)
{
        struct gz_val *list = gz_val_list(x->a);
        for (int i = 0; i < count; i++) {
                struct gz_val *o = gz_val_obj(x->a);
                gz_obj_set_str(o, "value", names[i]);
                gz_obj_set_str(o, "label", names[i]);
                gz_obj_set_bool(o, "selected", selected && strcmp(selected, names[i]) == 0);
                gz_list_push(list, o);
        }
        return list;
}

static struct gz_val *
section_options(struct gz_actx *x, struct gz_section_tree *tree, int64_t selected_id,
                const char *selected_path)
{
        struct gz_val *list = gz_val_list(x->a);
        /* Parents first, children indented below each parent. */
        for (size_t i = 0; i < tree->count; i++) {
                const struct gz_section *top = &tree->sections[i];
                if (top->parent_id != 0)
                        continue;
                for (int pass = 0; pass < 2; pass++) {
                        for (size_t k = 0; k < tree->count; k++) {
                                const struct gz_section *s = &tree->sections[k];
                                bool mine = pass == 0 ? s == top
                                                      : s->parent_id != 0 &&
                                                            strncmp(s->path, top->path,
                                                                    strlen(top->path)) == 0 &&
                                                            s->path[strlen(top->path)] == '/';
                                if (!mine)
                                        continue;
                                struct gz_val *o = gz_val_obj(x->a);
                                gz_obj_set_str(o, "value", s->path);
                                const struct gz_section *chain[16];
                                size_t depth = gz_tree_chain(tree, s->id, chain, 16);
                                char *label = gz_arena_strdup(x->a, s->name);
                                for (size_t d = 1; d < depth; d++)
                                        label = gz_arena_printf(x->a, "\xE2\x80\x83%s", label);
                                gz_obj_set_str(o, "label", label);
                                gz_obj_set_bool(o, "selected",
                                                selected_path ? strcmp(selected_path, s->path) == 0
                                                              : s->id == selected_id);
                                gz_list_push(list, o);
                        }
                }
        }
        return list;
}

static void
article_list(struct gz_actx *x)
{
        gz_admin_page(x, "Articles");
        struct gz_article_query q = {
            .status = -1, .kind = -1, .by_updated = true, .limit = LIST_PAGE};
        scope(x, &q);
        const char *status = gz_req_query(x->req, "status");
        const char *kind = gz_req_query(x->req, "kind");
        const char *section = gz_req_query(x->req, "section");
        const char *author = gz_req_query(x->req, "author");
        const char *search = gz_req_query(x->req, "q");
        const char *mine = gz_req_query(x->req, "mine");
        const char *page_s = gz_req_query(x->req, "page");
        if (status && *status) {
                int v = gz_enum_lookup(gz_article_status_names, GZ_STATUS__MAX, status);
                q.status = v < GZ_STATUS__MAX ? v : -1;
        }
        if (kind && *kind) {
                int v = gz_enum_lookup(gz_article_kind_names, GZ_KIND__MAX, kind);
                q.kind = v < GZ_KIND__MAX ? v : -1;
        }
        struct gz_section_tree tree = {0};
        gz_store_sections(x->admin->store, x->a, &tree.sections, &tree.count, NULL);
        if (section && *section) {
                const struct gz_section *sec = gz_tree_find_path(&tree, section);
                if (sec != NULL)
                        q.section_count =
                            gz_tree_subtree(&tree, sec->id, x->a, (int64_t **)&q.section_ids);
        }
        struct gz_author *authors;
        size_t author_count = 0;
        gz_store_authors(x->admin->store, x->a, &authors, &author_count, NULL);
        struct gz_val *author_opts = gz_val_list(x->a);
        for (size_t i = 0; i < author_count; i++) {
                struct gz_val *o = gz_val_obj(x->a);
                gz_obj_set_str(o, "value", authors[i].slug);
                gz_obj_set_str(o, "label", authors[i].name);
                bool sel = author && strcmp(author, authors[i].slug) == 0;
                gz_obj_set_bool(o, "selected", sel);
                if (sel)
                        q.author_id = authors[i].id;
                gz_list_push(author_opts, o);
        }
        if (search && *search)
                q.title_contains = gz_arena_strndup(x->a, search, 200);
        if (mine && strcmp(mine, "1") == 0)
                q.created_by = x->user->id;
        long long page = 1;
        if (page_s && !gz_parse_int(page_s, 1, 100000, &page))
                page = 1;
        q.offset = (size_t)(page - 1) * LIST_PAGE;
        struct gz_article *list;
        size_t n = 0, total = 0;
        if (gz_store_articles(x->admin->store, x->a, &q, &list, &n, &total, NULL) != GZ_OK)
                n = 0;
        gz_obj_set(x->root, "articles", rows(x, list, n));
        gz_obj_set_bool(x->root, "has_articles", n > 0);
        gz_obj_set_int(x->root, "total", (long long)total);
        gz_obj_set(x->root, "status_options",
                   options(x, gz_article_status_names, GZ_STATUS__MAX, status));
        gz_obj_set(x->root, "kind_options", options(x, gz_article_kind_names, GZ_KIND__MAX, kind));
        gz_obj_set(x->root, "section_options",
                   section_options(x, &tree, 0, section ? section : ""));
        gz_obj_set(x->root, "author_options", author_opts);
        gz_obj_set_str(x->root, "q", search);
        gz_obj_set_bool(x->root, "mine", q.created_by == x->user->id);
        /* Pages keep the filters. */
        struct gz_buf base;
        gz_buf_init(&base, x->a);
        gz_buf_puts(&base, "/admin/articles?");
        const char *keys[] = {"status", "kind", "section", "author", "q", "mine"};
        for (size_t i = 0; i < GZ_ARRAY_LEN(keys); i++) {
                const char *v = gz_req_query(x->req, keys[i]);
                if (v && *v) {
                        gz_buf_printf(&base, "%s=", keys[i]);
                        gz_url_encode(&base, v, strlen(v));
                        gz_buf_putc(&base, '&');
                }
        }
        if (page > 1)
                gz_obj_set_str(x->root, "prev_url",
                               gz_arena_printf(x->a, "%spage=%lld", base.data, page - 1));
        if ((size_t)page * LIST_PAGE < total)
                gz_obj_set_str(x->root, "next_url",
                               gz_arena_printf(x->a, "%spage=%lld", base.data, page + 1));
        gz_admin_render(x, "articles", 200);
}

/* ---- the editor -------------------------------------------------------------- */

/* The form's values: from the article, or from what was sent (after an
 * error, so nothing typed is lost). */
struct editor_values {
        int64_t id, version;
        const char *title, *subtitle, *slug, *kind, *excerpt, *body, *signature, *statement_date;
        const char *section_path;
        int64_t section_id;
        int64_t featured;
        int64_t authors[AUTHOR_ROWS];
        const char *tags;
        const char *schedule_date, *schedule_time;
        enum gz_article_status status;
        gz_time published_at, updated_at;
        int64_t created_by;
};

static void
values_from_article(struct gz_actx *x, const struct gz_article *ar, struct editor_values *v)
{
        memset(v, 0, sizeof(*v));
        v->id = ar->id;
        v->version = ar->version;
        v->title = ar->title;
        v->subtitle = ar->subtitle;
        v->slug = ar->slug;
        v->kind = gz_article_kind_names[ar->kind];
        v->excerpt = ar->excerpt;
        v->body = ar->body_md;
        v->signature = ar->signature;
        v->statement_date = ar->statement_date;
        v->section_id = ar->section_id;
        v->featured = ar->featured_media_id;
        for (size_t i = 0; i < ar->author_count && i < AUTHOR_ROWS; i++)
                v->authors[i] = ar->authors[i].id;
        struct gz_buf tags;
        gz_buf_init(&tags, x->a);
        for (size_t i = 0; i < ar->tag_count; i++)
                gz_buf_printf(&tags, "%s%s", i ? ", " : "", ar->tags[i].name);
        v->tags = tags.data ? tags.data : "";
        v->status = ar->status;
        v->published_at = ar->published_at;
        v->updated_at = ar->updated_at;
        v->created_by = ar->created_by;
        if (ar->scheduled_at) {
                int y, m, d;
                gz_tz_civil(x->settings.timezone, ar->scheduled_at, &y, &m, &d);
                int off = gz_tz_offset(x->settings.timezone, ar->scheduled_at);
                int hh, mm;
                gz_time_to_civil(ar->scheduled_at + off, NULL, NULL, NULL, &hh, &mm, NULL, NULL);
                v->schedule_date = gz_arena_printf(x->a, "%04d-%02d-%02d", y, m, d);
                v->schedule_time = gz_arena_printf(x->a, "%02d:%02d", hh, mm);
        }
}

static void
values_from_form(struct gz_actx *x, struct editor_values *v)
{
        v->title = gz_admin_form(x, "title");
        v->subtitle = gz_admin_form(x, "subtitle");
        v->slug = gz_admin_form(x, "slug");
        v->kind = gz_admin_form(x, "kind");
        v->excerpt = gz_admin_form(x, "excerpt");
        v->body = gz_admin_form(x, "body");
        v->signature = gz_admin_form(x, "signature");
        v->statement_date = gz_admin_form(x, "statement_date");
        v->section_path = gz_admin_form(x, "section");
        v->featured = gz_admin_id(gz_admin_form(x, "featured"));
        const char *authors[AUTHOR_ROWS];
        size_t n = gz_req_form_all(x->req, "author", authors, AUTHOR_ROWS);
        memset(v->authors, 0, sizeof(v->authors));
        for (size_t i = 0, k = 0; i < n; i++) {
                int64_t id = gz_admin_id(authors[i]);
                if (id)
                        v->authors[k++] = id;
        }
        v->tags = gz_admin_form(x, "tags");
        v->schedule_date = gz_admin_form(x, "schedule_date");
        v->schedule_time = gz_admin_form(x, "schedule_time");
        long long version;
        if (gz_parse_int(gz_admin_form(x, "version"), 0, INT64_MAX, &version))
                v->version = version;
}

static void
editor_page(struct gz_actx *x, const struct editor_values *v, const struct gz_article *stored,
            int status)
{
        struct gz_val *r = x->root;
        gz_obj_set_int(r, "id", v->id);
        gz_obj_set_bool(r, "is_new", v->id == 0);
        gz_obj_set_int(r, "version", v->version);
        gz_obj_set_str(r, "title_value", v->title);
        gz_obj_set_str(r, "subtitle", v->subtitle);
        gz_obj_set_str(r, "slug", v->slug);
        gz_obj_set_str(r, "excerpt", v->excerpt);
        gz_obj_set_str(r, "body", v->body);
        gz_obj_set_str(r, "signature", v->signature);
        gz_obj_set_str(r, "statement_date", v->statement_date);
        gz_obj_set_str(r, "tags", v->tags);
        gz_obj_set_str(r, "schedule_date", v->schedule_date);
        gz_obj_set_str(r, "schedule_time", v->schedule_time);
        gz_obj_set_str(r, "timezone", x->settings.timezone);
        gz_obj_set_str(r, "status", gz_article_status_names[v->status]);
        gz_obj_set(r, "kind_options",
                   options(x, gz_article_kind_names, GZ_KIND__MAX, v->kind ? v->kind : "news"));
        struct gz_section_tree tree = {0};
        gz_store_sections(x->admin->store, x->a, &tree.sections, &tree.count, NULL);
        gz_obj_set(r, "section_options", section_options(x, &tree, v->section_id, v->section_path));
        struct gz_author *authors;
        size_t author_count = 0;
        gz_store_authors(x->admin->store, x->a, &authors, &author_count, NULL);
        struct gz_val *rows_v = gz_val_list(x->a);
        for (int row = 0; row < AUTHOR_ROWS; row++) {
                struct gz_val *rv = gz_val_obj(x->a);
                gz_obj_set_int(rv, "n", row + 1);
                struct gz_val *opts = gz_val_list(x->a);
                for (size_t i = 0; i < author_count; i++) {
                        struct gz_val *o = gz_val_obj(x->a);
                        gz_obj_set_int(o, "value", authors[i].id);
                        gz_obj_set_str(
                            o, "label",
                            authors[i].kind == GZ_AUTHOR_ORGANIZATION
                                ? gz_arena_printf(x->a, "%s (organization)", authors[i].name)
                                : authors[i].name);
                        gz_obj_set_bool(o, "selected", v->authors[row] == authors[i].id);
                        gz_list_push(opts, o);
                }
                gz_obj_set(rv, "options", opts);
                gz_list_push(rows_v, rv);
        }
        gz_obj_set(r, "author_rows", rows_v);
        /* Recent library images to pick the featured one from. */
        struct gz_media *media;
        size_t media_count = 0;
        gz_store_media_list(x->admin->store, x->a, NULL, 60, 0, &media, &media_count, NULL, NULL);
        struct gz_val *media_opts = gz_val_list(x->a);
        bool featured_listed = false;
        for (size_t i = 0; i < media_count; i++) {
                struct gz_val *o = gz_val_obj(x->a);
                gz_obj_set_int(o, "value", media[i].id);
                gz_obj_set_str(o, "label",
                               gz_arena_printf(x->a, "%lld: %s", (long long)media[i].id,
                                               *media[i].alt ? media[i].alt : "(no alt text)"));
                gz_obj_set_bool(o, "selected", media[i].id == v->featured);
                featured_listed |= media[i].id == v->featured;
                gz_list_push(media_opts, o);
        }
        if (v->featured && !featured_listed) {
                struct gz_val *o = gz_val_obj(x->a);
                gz_obj_set_int(o, "value", v->featured);
                gz_obj_set_str(o, "label", gz_arena_printf(x->a, "%lld", (long long)v->featured));
                gz_obj_set_bool(o, "selected", true);
                gz_list_push(media_opts, o);
        }
        gz_obj_set(r, "media_options", media_opts);

        /* Which buttons: only what the server will accept from this user. */
        struct gz_article probe = {.id = v->id, .status = v->status, .created_by = v->created_by};
        if (v->id == 0)
                probe.created_by = x->user->id;
        gz_obj_set_bool(r, "can_publish", gz_may_act(x->user, &probe, GZ_ACTION_PUBLISH));
        gz_obj_set_bool(r, "can_unpublish",
                        v->status == GZ_STATUS_PUBLISHED &&
                            gz_may_act(x->user, &probe, GZ_ACTION_UNPUBLISH));
        gz_obj_set_bool(r, "is_published", v->status == GZ_STATUS_PUBLISHED);
        gz_obj_set_bool(r, "can_trash",
                        v->id != 0 && gz_may_edit(x->user, &probe) &&
                            gz_role_can(x->user->role, GZ_CAN_PUBLISH_OWN));
        if (stored != NULL && stored->status == GZ_STATUS_PUBLISHED) {
                int y, m;
                gz_time_to_civil(stored->published_at, &y, &m, NULL, NULL, NULL, NULL, NULL);
                gz_obj_set_str(r, "public_url",
                               stored->kind == GZ_KIND_PAGE
                                   ? gz_arena_printf(x->a, "/%s/", stored->slug)
                                   : gz_arena_printf(x->a, "/%04d/%02d/%s/", y, m, stored->slug));
        }
        if (v->updated_at)
                gz_obj_set(r, "updated", gz_admin_date(x, v->updated_at));
        gz_admin_render(x, "editor", status);
}

/* ---- saving ---------------------------------------------------------------- */

static char **
split_tags(struct gz_actx *x, const char *text, size_t *count)
{
        size_t cap = 0, n = 0;
        char **list = NULL;
        char *copy = gz_arena_strdup(x->a, text ? text : "");
        char *save = NULL;
        for (char *t = strtok_r(copy, ",", &save); t; t = strtok_r(NULL, ",", &save)) {
                while (*t == ' ' || *t == '\t')
                        t++;
                size_t len = strlen(t);
                while (len > 0 && (t[len - 1] == ' ' || t[len - 1] == '\t'))
                        t[--len] = '\0';
                if (len == 0)
                        continue;
                list = gz_arena_grow(x->a, list, n, &cap, sizeof(*list));
                list[n++] = t;
        }
        *count = n;
        return list;
}

static enum gz_article_action
parse_action(const char *s)
{
        int a = s ? gz_enum_lookup(gz_article_action_names, GZ_ACTION__MAX, s) : GZ_ACTION_SAVE;
        return (enum gz_article_action)a;
}

static const char *const done_codes[GZ_ACTION__MAX] = {
    [GZ_ACTION_SAVE] = "saved",
    [GZ_ACTION_SUBMIT] = "submitted",
    [GZ_ACTION_PUBLISH] = "published",
    [GZ_ACTION_SCHEDULE] = "scheduled",
    [GZ_ACTION_UNPUBLISH] = "unpublished",
};

/* Two versions side by side, and the editor keeping what was typed but
 * starting from the newer version: nothing is lost. */
static void
conflict_page(struct gz_actx *x, struct editor_values *mine, const struct gz_article *theirs)
{
        gz_admin_page(x, "Someone else saved this article");
        gz_obj_set_str(x->root, "theirs_title", theirs->title);
        gz_obj_set_str(x->root, "theirs_body", theirs->body_md);
        gz_obj_set_int(x->root, "theirs_version", theirs->version);
        gz_obj_set(x->root, "theirs_updated", gz_admin_date(x, theirs->updated_at));
        gz_obj_set_str(x->root, "mine_title", mine->title);
        gz_obj_set_str(x->root, "mine_body", mine->body);
        gz_obj_set_int(x->root, "mine_version", mine->version);
        gz_obj_set(x->root, "diff",
                   gz_admin_diff(x->a, theirs->body_md ? theirs->body_md : "",
                                 mine->body ? mine->body : ""));
        gz_obj_set_bool(x->root, "conflict", true);
        mine->version = theirs->version;
        mine->status = theirs->status;
        mine->created_by = theirs->created_by;
        editor_page(x, mine, theirs, 409);
}

static void
save(struct gz_actx *x, struct gz_article *stored)
{
        struct editor_values v = {0};
        if (stored != NULL) {
                v.id = stored->id;
                v.status = stored->status;
                v.created_by = stored->created_by;
                v.updated_at = stored->updated_at;
        }
        values_from_form(x, &v);
        enum gz_article_action action = parse_action(gz_admin_form(x, "action"));
        struct gz_article probe = {.id = v.id,
                                   .status = stored ? stored->status : GZ_STATUS_DRAFT,
                                   .created_by = stored ? stored->created_by : x->user->id};
        if (action == GZ_ACTION__MAX) {
                gz_admin_error(x, 400, "Unknown action.");
                return;
        }
        if (!gz_may_act(x->user, &probe, action)) {
                gz_admin_error(x, 403, "Your role does not allow this on this article.");
                return;
        }
        size_t tag_count;
        char **tags = split_tags(x, v.tags, &tag_count);
        size_t author_count = 0;
        for (; author_count < AUTHOR_ROWS && v.authors[author_count]; author_count++)
                ;
        /* A new article without a byline is signed by its writer, if the
         * account has one. */
        if (author_count == 0 && stored == NULL && x->user->author_id) {
                v.authors[0] = x->user->author_id;
                author_count = 1;
        }
        struct gz_article_input in = {
            .id = v.id,
            .version = v.version,
            .kind = v.kind,
            .slug = v.slug,
            .title = v.title,
            .subtitle = v.subtitle,
            .excerpt = v.excerpt,
            .body_md = v.body,
            .signature = v.signature,
            .statement_date = v.statement_date,
            .section_path = v.section_path ? v.section_path : "",
            .featured_media_id = v.featured,
            .set_featured = true,
            .author_ids = v.authors,
            .author_count = author_count,
            .set_authors = true,
            .tag_names = (const char *const *)tags,
            .tag_count = tag_count,
            .set_tags = true,
        };
        struct gz_error err = {0};
        if (action == GZ_ACTION_SCHEDULE) {
                gz_time t = 0;
                bool ok = false;
                if (v.schedule_date && v.schedule_time && strlen(v.schedule_date) == 10) {
                        /* Local wall time in the site's zone; seconds are optional. */
                        int y, mo, d, h, mi, sec = 0;
                        int got = sscanf(v.schedule_time, "%d:%d:%d", &h, &mi, &sec);
                        char *day = gz_arena_printf(x->a, "%sT00:00", v.schedule_date);
                        if (got >= 2 && h >= 0 && h < 24 && mi >= 0 && mi < 60 && sec >= 0 &&
                            sec < 60 && gz_time_parse(day, &t, NULL) &&
                            sscanf(v.schedule_date, "%d-%d-%d", &y, &mo, &d) == 3) {
                                t = gz_tz_from_local(x->settings.timezone, y, mo, d, h, mi) + sec;
                                ok = true;
                        }
                }
                if (!ok) {
                        gz_fail(&err, GZ_EINVAL, "schedule: give a date and a time");
                        gz_admin_page(x, v.id ? "Edit article" : "New article");
                        gz_admin_form_error(x, &err);
                        editor_page(x, &v, stored, 422);
                        return;
                }
                in.scheduled_at = t;
        }
        int64_t id = 0, version = 0;
        enum gz_err e = gz_article_save(x->admin->content, &in, action, x->user->id,
                                        x->req->client_ip, &id, &version, &err);
        if (e == GZ_ECONFLICT && v.id != 0) {
                /* A stale version (not a taken slug): show both versions. */
                struct gz_article *theirs;
                if (gz_store_article_get(x->admin->store, x->a, v.id, NULL, NULL, &theirs, NULL) ==
                        GZ_OK &&
                    theirs->version != v.version) {
                        conflict_page(x, &v, theirs);
                        return;
                }
        }
        if (e != GZ_OK) {
                gz_admin_page(x, v.id ? "Edit article" : "New article");
                gz_admin_form_error(x, &err);
                editor_page(x, &v, stored,
                            e == GZ_EINVAL      ? 422
                            : e == GZ_ECONFLICT ? 409
                            : e == GZ_ENOTFOUND ? 404
                                                : 500);
                return;
        }
        gz_admin_redirect(
            x, gz_arena_printf(x->a, "articles/%lld?done=%s", (long long)id, done_codes[action]));
}

/* ---- /admin/articles/... ------------------------------------------------------- */

static void
trash_one(struct gz_actx *x, struct gz_article *ar)
{
        bool allowed = gz_may_edit(x->user, ar) && gz_role_can(x->user->role, GZ_CAN_PUBLISH_OWN);
        if (!allowed) {
                gz_admin_error(x, 403, "Your role does not allow deleting this article.");
                return;
        }
        struct gz_error err;
        if (gz_article_trash(x->admin->content, ar->id, true, x->user->id, x->req->client_ip,
                             &err) != GZ_OK) {
                gz_admin_error(x, 400, err.msg);
                return;
        }
        gz_admin_redirect(x, "trash?done=trashed");
}

void
gz_admin_articles(struct gz_actx *x)
{
        if (x->n == 1) {
                article_list(x);
                return;
        }
        if (x->n == 2 && strcmp(x->seg[1], "new") == 0) {
                if (!gz_role_can(x->user->role, GZ_CAN_WRITE)) {
                        gz_admin_error(x, 403, "Your role does not allow writing.");
                        return;
                }
                if (x->req->method == GZ_POST) {
                        save(x, NULL);
                        return;
                }
                gz_admin_page(x, "New article");
                struct editor_values v = {
                    .kind = "news", .status = GZ_STATUS_DRAFT, .created_by = x->user->id};
                v.authors[0] = x->user->author_id;
                editor_page(x, &v, NULL, 200);
                return;
        }
        int64_t id = gz_admin_id(x->seg[1]);
        struct gz_article *ar;
        if (id == 0 ||
            gz_store_article_get(x->admin->store, x->a, id, NULL, NULL, &ar, NULL) != GZ_OK) {
                gz_admin_error(x, 404, "There is no such article.");
                return;
        }
        if (!gz_may_edit(x->user, ar)) {
                gz_admin_error(x, 403, "Your role does not allow editing this article.");
                return;
        }
        if (ar->deleted_at) {
                gz_admin_redirect(x, "trash");
                return;
        }
        if (x->n == 2) {
                if (x->req->method == GZ_POST) {
                        save(x, ar);
                        return;
                }
                gz_admin_page(x, "Edit article");
                struct editor_values v;
                values_from_article(x, ar, &v);
                editor_page(x, &v, ar, 200);
                return;
        }
        if (x->n == 3 && strcmp(x->seg[2], "delete") == 0 && x->req->method == GZ_POST) {
                trash_one(x, ar);
                return;
        }
        if (x->n == 3 && strcmp(x->seg[2], "preview") == 0) {
                gz_site_render_article(x->admin->site, x->req, x->resp, ar, true);
                gz_resp_header(x->resp, "Content-Security-Policy",
                               "default-src 'self'; img-src 'self' data:; style-src 'self'; "
                               "script-src 'self'; object-src 'none'; frame-ancestors 'self'");
                gz_resp_header(x->resp, "X-Frame-Options", "SAMEORIGIN");
                return;
        }
        if (x->n == 3 && strcmp(x->seg[2], "revisions") == 0) {
                gz_admin_revisions(x);
                return;
        }
        gz_admin_error(x, 404, "There is no such page in the admin.");
}

/* ---- the trash -------------------------------------------------------------------- */

void
gz_admin_trash(struct gz_actx *x)
{
        bool editor = gz_role_can(x->user->role, GZ_CAN_EDIT_ANY);
        if (x->n == 2 && strcmp(x->seg[1], "empty") == 0 && x->req->method == GZ_POST) {
                if (!editor) {
                        gz_admin_error(x, 403, "Only editors empty the trash.");
                        return;
                }
                struct gz_error err;
                size_t n = gz_store_trash_empty(x->admin->store, &err);
                gz_store_audit(x->admin->store, x->user->id, x->req->client_ip, "trash-empty", "",
                               gz_arena_printf(x->a, "%zu articles", n));
                gz_admin_redirect(x, "trash?done=emptied");
                return;
        }
        if (x->n == 3 && strcmp(x->seg[2], "restore") == 0 && x->req->method == GZ_POST) {
                if (!editor) {
                        gz_admin_error(x, 403, "Only editors restore from the trash.");
                        return;
                }
                struct gz_error err;
                int64_t id = gz_admin_id(x->seg[1]);
                if (gz_article_trash(x->admin->content, id, false, x->user->id, x->req->client_ip,
                                     &err) != GZ_OK) {
                        gz_admin_error(x, 400, err.msg);
                        return;
                }
                gz_admin_redirect(
                    x, gz_arena_printf(x->a, "articles/%lld?done=restored", (long long)id));
                return;
        }
        if (x->n != 1) {
                gz_admin_error(x, 404, "There is no such page in the admin.");
                return;
        }
        gz_admin_page(x, "Trash");
        struct gz_article_query q = {
            .status = -1, .kind = -1, .trashed = true, .by_updated = true, .limit = 200};
        scope(x, &q);
        struct gz_article *list;
        size_t n = 0;
        if (gz_store_articles(x->admin->store, x->a, &q, &list, &n, NULL, NULL) != GZ_OK)
                n = 0;
        gz_obj_set(x->root, "articles", rows(x, list, n));
        gz_obj_set_bool(x->root, "has_articles", n > 0);
        gz_obj_set_bool(x->root, "can_restore", editor);
        gz_admin_render(x, "trash", 200);
}
