/* Revisions: every save of an article, listed, compared with the current
 * text, and restored (a restore is a new save, so it is a revision too). */
#include <jansson.h>
#include <string.h>

#include "admin_internal.h"

static void
revision_list(struct gz_actx *x, const struct gz_article *ar)
{
        gz_admin_page(x, "Revisions");
        struct gz_revision *list;
        size_t n = 0;
        if (gz_store_revisions(x->admin->store, x->a, ar->id, &list, &n, NULL) != GZ_OK)
                n = 0;
        struct gz_val *rows = gz_val_list(x->a);
        for (size_t i = 0; i < n; i++) {
                struct gz_val *r = gz_val_obj(x->a);
                gz_obj_set_int(r, "id", list[i].id);
                gz_obj_set_int(r, "version", list[i].version);
                gz_obj_set_str(r, "title", list[i].title);
                gz_obj_set_str(r, "status", gz_article_status_names[list[i].status]);
                gz_obj_set_str(r, "by", *list[i].saved_by_name ? list[i].saved_by_name : "system");
                gz_obj_set(r, "saved", gz_admin_date(x, list[i].saved_at));
                gz_obj_set_bool(r, "current", list[i].version == ar->version);
                gz_list_push(rows, r);
        }
        gz_obj_set(x->root, "revisions", rows);
        gz_obj_set_int(x->root, "article_id", ar->id);
        gz_obj_set_str(x->root, "article_title", ar->title);
        gz_admin_render(x, "revisions", 200);
}

static void
field_change(struct gz_actx *x, struct gz_val *list, const char *label, const char *old_value,
             const char *new_value)
{
        old_value = old_value ? old_value : "";
        new_value = new_value ? new_value : "";
        if (strcmp(old_value, new_value) == 0)
                return;
        struct gz_val *f = gz_val_obj(x->a);
        gz_obj_set_str(f, "label", label);
        gz_obj_set_str(f, "old", old_value);
        gz_obj_set_str(f, "new", new_value);
        gz_list_push(list, f);
}

/* Restores a revision's text and its metadata (kind, slug, section,
 * authors, tags, featured image) as a new save of the article. */
static void
restore(struct gz_actx *x, const struct gz_revision *rev, const struct gz_article *ar)
{
        struct gz_article_input in = {
            .id = ar->id,
            .version = ar->version,
            .title = rev->title,
            .subtitle = rev->subtitle,
            .excerpt = rev->excerpt,
            .body_md = rev->body_md,
            .signature = rev->signature,
            .statement_date = rev->statement_date,
        };
        json_error_t jerr;
        json_t *meta = json_loads(rev->meta, 0, &jerr);
        int64_t *authors = NULL;
        const char **tags = NULL;
        if (meta != NULL) {
                const char *kind = json_string_value(json_object_get(meta, "kind"));
                const char *slug = json_string_value(json_object_get(meta, "slug"));
                in.kind = kind ? gz_arena_strdup(x->a, kind) : NULL;
                in.slug = slug ? gz_arena_strdup(x->a, slug) : NULL;
                in.section_id = json_integer_value(json_object_get(meta, "section_id"));
                in.section_path = in.section_id ? NULL : "";
                in.featured_media_id =
                    json_integer_value(json_object_get(meta, "featured_media_id"));
                in.set_featured = true;
                json_t *list = json_object_get(meta, "authors");
                size_t n = json_array_size(list);
                authors = GZ_NEW_ARRAY(x->a, int64_t, n + 1);
                for (size_t i = 0; i < n; i++)
                        authors[i] = json_integer_value(json_array_get(list, i));
                in.author_ids = authors;
                in.author_count = n;
                in.set_authors = true;
                list = json_object_get(meta, "tags");
                n = json_array_size(list);
                tags = GZ_NEW_ARRAY(x->a, const char *, n + 1);
                for (size_t i = 0; i < n; i++) {
                        const char *t = json_string_value(json_array_get(list, i));
                        tags[i] = gz_arena_strdup(x->a, t ? t : "");
                }
                in.tag_names = tags;
                in.tag_count = n;
                in.set_tags = true;
                json_decref(meta);
        }
        struct gz_error err;
        int64_t id, version;
        if (gz_article_save(x->admin->content, &in, GZ_ACTION_SAVE, x->user->id, x->req->client_ip,
                            &id, &version, &err) != GZ_OK) {
                gz_admin_error(x, 409, err.msg);
                return;
        }
        gz_store_audit(x->admin->store, x->user->id, x->req->client_ip, "revision-restore",
                       gz_arena_printf(x->a, "article:%lld", (long long)id),
                       gz_arena_printf(x->a, "version %lld", (long long)rev->version));
        gz_admin_redirect(x, gz_arena_printf(x->a, "articles/%lld?done=restored", (long long)id));
}

void
gz_admin_revisions(struct gz_actx *x)
{
        struct gz_store *s = x->admin->store;
        /* /admin/articles/<id>/revisions */
        if (strcmp(x->seg[0], "articles") == 0) {
                struct gz_article *ar;
                if (gz_store_article_get(s, x->a, gz_admin_id(x->seg[1]), NULL, NULL, &ar, NULL) !=
                    GZ_OK) {
                        gz_admin_error(x, 404, "There is no such article.");
                        return;
                }
                revision_list(x, ar);
                return;
        }
        /* /admin/revisions/<id>[/restore] */
        struct gz_revision *rev;
        struct gz_article *ar;
        if (x->n < 2 ||
            gz_store_revision_get(s, x->a, gz_admin_id(x->seg[1]), &rev, NULL) != GZ_OK ||
            gz_store_article_get(s, x->a, rev->article_id, NULL, NULL, &ar, NULL) != GZ_OK) {
                gz_admin_error(x, 404, "There is no such revision.");
                return;
        }
        if (!gz_may_edit(x->user, ar)) {
                gz_admin_error(x, 403, "Your role does not allow editing this article.");
                return;
        }
        if (x->n == 3 && strcmp(x->seg[2], "restore") == 0 && x->req->method == GZ_POST) {
                restore(x, rev, ar);
                return;
        }
        if (x->n != 2) {
                gz_admin_error(x, 404, "There is no such page in the admin.");
                return;
        }
        gz_admin_page(x, "Revision");
        gz_obj_set_int(x->root, "id", rev->id);
        gz_obj_set_int(x->root, "version", rev->version);
        gz_obj_set_int(x->root, "current_version", ar->version);
        gz_obj_set_int(x->root, "article_id", ar->id);
        gz_obj_set_str(x->root, "article_title", ar->title);
        gz_obj_set_str(x->root, "by", *rev->saved_by_name ? rev->saved_by_name : "system");
        gz_obj_set(x->root, "saved", gz_admin_date(x, rev->saved_at));
        gz_obj_set_bool(x->root, "is_current", rev->version == ar->version);
        struct gz_val *fields = gz_val_list(x->a);
        field_change(x, fields, "Title", rev->title, ar->title);
        field_change(x, fields, "Subtitle", rev->subtitle, ar->subtitle);
        field_change(x, fields, "Excerpt", rev->excerpt, ar->excerpt);
        field_change(x, fields, "Signature", rev->signature, ar->signature);
        field_change(x, fields, "Statement date", rev->statement_date, ar->statement_date);
        gz_obj_set(x->root, "fields", fields);
        gz_obj_set_bool(x->root, "has_fields", fields->u.list.count > 0);
        struct gz_val *diff = gz_admin_diff(x->a, rev->body_md, ar->body_md);
        gz_obj_set(x->root, "diff", diff);
        gz_obj_set_bool(x->root, "has_diff", diff->u.list.count > 0);
        gz_admin_render(x, "revision", 200);
}
