/* The media library in the admin: uploads (decoded, stripped of every piece
 * of metadata and resized by the sandboxed image worker), the library with
 * its search, each image's alt text, caption and credit (a change renders
 * again the articles that show it), and deleting images nobody uses. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../auth/auth.h"
#include "../media/media.h"
#include "forms.h"

enum { LIBRARY_PAGE = 24, ALT_MAX = 500, CAPTION_MAX = 1000, CREDIT_MAX = 300 };

/* "20.0 MB", "300 KB": sizes an editor can compare. */
static char *
human_bytes(struct gz_actx *x, size_t n)
{
        if (n >= 1024 * 1024)
                return gz_arena_printf(x->a, "%.1f MB", (double)n / (1024.0 * 1024.0));
        if (n >= 1024)
                return gz_arena_printf(x->a, "%zu KB", n / 1024);
        return gz_arena_printf(x->a, "%zu bytes", n);
}

/* What to paste into a body: ![alt](media:ID). Without a title the figure
 * takes the library's caption and credit, so editing them here updates
 * every article. */
static char *
markdown_for(struct gz_actx *x, const struct gz_media *m)
{
        struct gz_buf b;
        gz_buf_init(&b, x->a);
        gz_buf_puts(&b, "![");
        for (const char *p = m->alt; *p; p++) {
                if (*p == '\\' || *p == '[' || *p == ']')
                        gz_buf_putc(&b, '\\');
                gz_buf_putc(&b, *p);
        }
        gz_buf_printf(&b, "](media:%lld)", (long long)m->id);
        return b.data;
}

/* ---- the library ------------------------------------------------------------ */

struct upload_values {
        const char *alt, *caption, *credit;
};

static void
library(struct gz_actx *x, const struct upload_values *typed, const char *error, int status)
{
        gz_admin_page(x, "Media");
        const char *q = gz_req_query(x->req, "q");
        if (q != NULL)
                q = gz_arena_strndup(x->a, q, 200);
        long long page = gz_admin_page_number(x);
        struct gz_media *list;
        size_t n = 0, total = 0;
        if (gz_store_media_list(x->admin->store, x->a, q, LIBRARY_PAGE,
                                (size_t)(page - 1) * LIBRARY_PAGE, &list, &n, &total,
                                NULL) != GZ_OK)
                n = 0;
        struct gz_val *items = gz_val_list(x->a);
        for (size_t i = 0; i < n; i++) {
                struct gz_media *m = &list[i];
                struct gz_val *o = gz_val_obj(x->a);
                gz_obj_set_int(o, "id", m->id);
                gz_obj_set_html(o, "picture",
                                gz_admin_thumbnail(x, m, "(min-width: 40rem) 16rem, 45vw"));
                gz_obj_set_str(o, "alt", m->alt);
                gz_obj_set_str(o, "caption", m->caption);
                gz_obj_set_str(o, "credit", m->credit);
                gz_obj_set_str(o, "markdown", markdown_for(x, m));
                gz_obj_set_int(o, "width", m->width);
                gz_obj_set_int(o, "height", m->height);
                gz_list_push(items, o);
        }
        gz_obj_set(x->root, "media", items);
        gz_obj_set_bool(x->root, "has_media", n > 0);
        gz_obj_set_int(x->root, "total", (long long)total);
        gz_obj_set_str(x->root, "q", q);
        if (q != NULL && *q)
                gz_obj_set_str(x->root, "count_text",
                               gz_arena_printf(x->a, "%zu image%s match%s “%s”", total,
                                               total == 1 ? "" : "s", total == 1 ? "es" : "", q));
        else
                gz_obj_set_str(x->root, "count_text",
                               gz_arena_printf(x->a, "%zu image%s", total, total == 1 ? "" : "s"));
        gz_obj_set_str(x->root, "limit", human_bytes(x, x->admin->upload_limit));
        if (typed != NULL) {
                gz_obj_set_str(x->root, "alt", typed->alt);
                gz_obj_set_str(x->root, "caption", typed->caption);
                gz_obj_set_str(x->root, "credit", typed->credit);
        }
        gz_obj_set_str(x->root, "error", error);
        struct gz_buf base;
        gz_buf_init(&base, x->a);
        gz_buf_puts(&base, "/admin/media?");
        if (q != NULL && *q) {
                gz_buf_puts(&base, "q=");
                gz_url_encode(&base, q, strlen(q));
                gz_buf_putc(&base, '&');
        }
        if (page > 1)
                gz_obj_set_str(x->root, "prev_url",
                               gz_arena_printf(x->a, "%spage=%lld", base.data, page - 1));
        if ((size_t)page * LIBRARY_PAGE < total)
                gz_obj_set_str(x->root, "next_url",
                               gz_arena_printf(x->a, "%spage=%lld", base.data, page + 1));
        gz_admin_render(x, "media", status);
}

/* ---- uploading ----------------------------------------------------------------- */

static bool
plain_file_name(const char *name)
{
        return name != NULL && *name && name[0] != '.' && strchr(name, '/') == NULL;
}

static void
remove_file(struct gz_actx *x, const char *name)
{
        if (!plain_file_name(name))
                return;
        char *path = gz_arena_printf(x->a, "%s/%s", x->admin->media_dir, name);
        unlink(path);
}

static void
remove_result(struct gz_actx *x, const struct gz_media_result *r)
{
        remove_file(x, r->original);
        for (size_t i = 0; i < r->rendition_count; i++)
                remove_file(x, r->renditions[i].file);
}

/* A name no other upload has: the date and 48 random bits. */
static char *
fresh_basename(struct gz_actx *x)
{
        unsigned char bytes[6];
        char hex[2 * sizeof(bytes) + 1];
        gz_random_bytes(bytes, sizeof(bytes));
        gz_hex(bytes, sizeof(bytes), hex);
        int y, m, d;
        gz_time_to_civil(x->req->now, &y, &m, &d, NULL, NULL, NULL, NULL);
        return gz_arena_printf(x->a, "%04d%02d%02d-%s", y, m, d, hex);
}

static bool
texts_ok(const struct upload_values *v, struct gz_error *err)
{
        return gz_admin_text_ok("alt text", v->alt, ALT_MAX, false, false, err) &&
               gz_admin_text_ok("caption", v->caption, CAPTION_MAX, true, false, err) &&
               gz_admin_text_ok("credit", v->credit, CREDIT_MAX, false, false, err);
}

static void
upload(struct gz_actx *x)
{
        struct upload_values v = {.alt = gz_admin_field(x, "alt"),
                                  .caption = gz_admin_field(x, "caption"),
                                  .credit = gz_admin_field(x, "credit")};
        struct gz_error err = {0};
        if (!texts_ok(&v, &err)) {
                library(x, &v, err.msg, 422);
                return;
        }
        const struct gz_form_field *file = gz_req_form_file(x->req, "file");
        if (file == NULL || file->tmp_path == NULL || file->file_size == 0) {
                library(x, &v, "Choose an image file to upload.", 422);
                return;
        }
        size_t limit = x->admin->upload_limit;
        if (file->file_size > limit) {
                library(x, &v,
                        gz_arena_printf(x->a,
                                        "The file is %s; the limit is %s. Nothing was stored.",
                                        human_bytes(x, file->file_size), human_bytes(x, limit)),
                        413);
                return;
        }
        char *data = NULL;
        size_t len = 0;
        if (gz_file_read(file->tmp_path, limit, &data, &len, &err) != GZ_OK) {
                library(x, &v, "The upload could not be read. Try again.", 500);
                return;
        }
        /* A first look at the bytes turns away what is plainly no image;
         * what libvips finds when the worker decodes it decides the rest. */
        if (gz_media_sniff(data, len) == GZ_MEDIA__MAX) {
                free(data);
                library(x, &v,
                        "This file is not a JPEG, PNG, WebP or GIF image. The type is read from "
                        "the file's content, not its name: save the picture in one of these "
                        "formats and upload it again. Nothing was stored.",
                        415);
                return;
        }
        if (gz_mkdirs(x->admin->media_dir, 0755, &err) != GZ_OK) {
                free(data);
                gz_errorf("media: %s", err.msg);
                library(x, &v, "The media folder cannot be written. Nothing was stored.", 500);
                return;
        }
        char *base = fresh_basename(x);
        struct gz_media_limits limits = {.max_bytes = limit};
        struct gz_media_result result;
        enum gz_err e =
            gz_media_process_isolated(x->admin->worker_exe, data, len, x->admin->media_dir, base,
                                      &limits, 0, GZ_MEDIA_FAULT_NONE, &result, &err);
        free(data);
        if (e != GZ_OK) {
                /* The worker's loader check says "not a JPEG, PNG, WebP or GIF
                 * image" when the content is another type. */
                bool refused_type = e == GZ_EINVAL && strncmp(err.msg, "not a ", 6) == 0;
                int status = refused_type ? 415 : e == GZ_ETOOBIG ? 413 : 422;
                gz_warn("media: upload by %s refused: %s", x->user->email, err.msg);
                library(x, &v,
                        gz_arena_printf(x->a, "The image was not accepted: %s. Nothing was stored.",
                                        err.msg),
                        status);
                return;
        }
        int64_t id = 0;
        if (gz_content_media_add(x->admin->content, base, &result, v.alt, v.caption, v.credit,
                                 x->user->id, &id, &err) != GZ_OK) {
                remove_result(x, &result);
                gz_errorf("media: %s", err.msg);
                library(x, &v, "The image could not be recorded. Nothing was stored.", 500);
                return;
        }
        const char *name = file->filename ? file->filename : "";
        if (!gz_utf8_valid(name, strlen(name)))
                name = "";
        gz_store_audit(x->admin->store, x->user->id, x->req->client_ip, "media-upload",
                       gz_arena_printf(x->a, "media:%lld", (long long)id),
                       gz_arena_strndup(x->a, name, gz_utf8_prefix(name, strlen(name), 120)));
        gz_admin_redirect(x, gz_arena_printf(x->a, "media/%lld?done=uploaded", (long long)id));
}

/* ---- one image ---------------------------------------------------------------------- */

static struct gz_val *
users_of(struct gz_actx *x, const int64_t *ids, size_t n, size_t *published)
{
        struct gz_val *rows = gz_val_list(x->a);
        *published = 0;
        if (n == 0)
                return rows;
        struct gz_article_query q = {
            .status = -1, .kind = -1, .ids = ids, .id_count = n, .by_updated = true, .limit = 100};
        struct gz_article *list;
        size_t count = 0;
        if (gz_store_articles(x->admin->store, x->a, &q, &list, &count, NULL, NULL) != GZ_OK)
                count = 0;
        for (size_t i = 0; i < count; i++) {
                struct gz_val *r = gz_val_obj(x->a);
                gz_obj_set_int(r, "id", list[i].id);
                gz_obj_set_str(r, "title", list[i].title);
                gz_obj_set_str(r, "status", gz_article_status_names[list[i].status]);
                gz_obj_set_bool(r, "editable", gz_may_edit(x->user, &list[i]));
                gz_list_push(rows, r);
        }
        q.status = GZ_STATUS_PUBLISHED;
        q.limit = 1;
        size_t total = 0;
        if (gz_store_articles(x->admin->store, x->a, &q, &list, &count, &total, NULL) == GZ_OK)
                *published = total;
        return rows;
}

static void
image_page(struct gz_actx *x, const struct gz_media *m, const struct upload_values *typed,
           const char *error, int status)
{
        gz_admin_page(x, gz_arena_printf(x->a, "Image %lld", (long long)m->id));
        struct gz_val *r = x->root;
        gz_obj_set_str(r, "error", error);
        gz_obj_set_int(r, "id", m->id);
        gz_obj_set_html(r, "picture", gz_admin_thumbnail(x, m, "(min-width: 60rem) 28rem, 100vw"));
        gz_obj_set_str(r, "alt", typed ? typed->alt : m->alt);
        gz_obj_set_str(r, "caption", typed ? typed->caption : m->caption);
        gz_obj_set_str(r, "credit", typed ? typed->credit : m->credit);
        gz_obj_set_bool(r, "no_alt", *m->alt == '\0');
        gz_obj_set_str(r, "markdown", markdown_for(x, m));
        gz_obj_set_int(r, "width", m->width);
        gz_obj_set_int(r, "height", m->height);
        gz_obj_set_str(r, "source_type", m->source_type);
        gz_obj_set_str(r, "size", human_bytes(x, (size_t)m->bytes));
        gz_obj_set(r, "uploaded", gz_admin_date(x, m->created_at));
        struct gz_user *by;
        if (m->uploaded_by &&
            gz_store_user_get(x->admin->store, x->a, m->uploaded_by, NULL, &by, NULL) == GZ_OK)
                gz_obj_set_str(r, "uploaded_by", by->name);
        struct gz_val *files = gz_val_list(x->a);
        for (size_t i = 0; i < m->rendition_count; i++) {
                struct gz_val *f = gz_val_obj(x->a);
                gz_obj_set_str(f, "url", gz_arena_printf(x->a, "/media/%s", m->renditions[i].file));
                gz_obj_set_str(
                    f, "label",
                    gz_arena_printf(x->a, "%d × %d %s", m->renditions[i].width,
                                    m->renditions[i].height,
                                    strcmp(m->renditions[i].type, "jpeg") == 0 ? "JPEG" : "WebP"));
                gz_list_push(files, f);
        }
        gz_obj_set(r, "files", files);
        gz_obj_set_str(r, "original_url", gz_arena_printf(x->a, "/media/%s", m->original));

        int64_t *ids;
        size_t n = 0, published = 0;
        if (gz_store_media_articles(x->admin->store, x->a, m->id, true, &ids, &n, NULL) != GZ_OK)
                n = 0;
        struct gz_val *used_by = users_of(x, ids, n, &published);
        gz_obj_set(r, "used_by", used_by);
        gz_obj_set_bool(r, "more_articles", used_by->u.list.count < n);
        struct gz_author *authors;
        size_t author_count = 0;
        if (gz_store_authors(x->admin->store, x->a, &authors, &author_count, NULL) != GZ_OK)
                author_count = 0;
        struct gz_val *profiles = gz_val_list(x->a);
        for (size_t i = 0; i < author_count; i++) {
                if (authors[i].photo_media_id != m->id)
                        continue;
                struct gz_val *o = gz_val_obj(x->a);
                gz_obj_set_int(o, "id", authors[i].id);
                gz_obj_set_str(o, "name", authors[i].name);
                gz_list_push(profiles, o);
        }
        gz_obj_set(r, "profiles", profiles);
        gz_obj_set_bool(r, "has_profiles", profiles->u.list.count > 0);
        gz_obj_set_bool(r, "can_edit_profiles", gz_role_can(x->user->role, GZ_CAN_TAXONOMY));
        gz_obj_set_bool(r, "has_articles", n > 0);
        gz_obj_set_bool(r, "in_use", n > 0 || profiles->u.list.count > 0);
        gz_obj_set_int(r, "use_count", (long long)n);
        gz_obj_set_bool(r, "is_logo", x->settings.logo_media_id == m->id);
        gz_obj_set_bool(r, "can_delete", gz_role_can(x->user->role, GZ_CAN_EDIT_ANY));
        gz_admin_render(x, "media_edit", status);
}

static void
save_texts(struct gz_actx *x, struct gz_media *m)
{
        struct upload_values v = {.alt = gz_admin_field(x, "alt"),
                                  .caption = gz_admin_field(x, "caption"),
                                  .credit = gz_admin_field(x, "credit")};
        if (v.alt == NULL)
                v.alt = "";
        if (v.caption == NULL)
                v.caption = "";
        if (v.credit == NULL)
                v.credit = "";
        struct gz_error err = {0};
        if (!texts_ok(&v, &err)) {
                image_page(x, m, &v, err.msg, 422);
                return;
        }
        if (strcmp(v.alt, m->alt) == 0 && strcmp(v.caption, m->caption) == 0 &&
            strcmp(v.credit, m->credit) == 0) {
                gz_admin_redirect(x,
                                  gz_arena_printf(x->a, "media/%lld?done=saved", (long long)m->id));
                return;
        }
        /* Published articles keep the alt text they were published with. */
        if (*v.alt == '\0' && *m->alt != '\0') {
                int64_t *ids;
                size_t n = 0, published = 0;
                if (gz_store_media_articles(x->admin->store, x->a, m->id, true, &ids, &n, NULL) ==
                    GZ_OK)
                        users_of(x, ids, n, &published);
                if (published > 0) {
                        image_page(x, m, &v,
                                   gz_arena_printf(x->a,
                                                   "alt text: %zu published article%s show%s "
                                                   "this image, so it needs alt text.",
                                                   published, published == 1 ? "" : "s",
                                                   published == 1 ? "s" : ""),
                                   422);
                        return;
                }
        }
        struct gz_media changed = *m;
        changed.alt = v.alt;
        changed.caption = v.caption;
        changed.credit = v.credit;
        if (gz_store_media_save(x->admin->store, &changed, &err) != GZ_OK) {
                image_page(x, m, &v, err.msg, gz_admin_status(err.code));
                return;
        }
        size_t refreshed = 0;
        if (gz_content_media_refresh(x->admin->content, m->id, &refreshed, &err) != GZ_OK) {
                /* The texts are saved; the pages show them after the next save
                 * of each article. Say so rather than pretend. */
                gz_errorf("media %lld: refreshing articles: %s", (long long)m->id, err.msg);
                struct gz_media *now = m;
                gz_store_media_get(x->admin->store, x->a, m->id, &now, NULL);
                image_page(x, now, NULL,
                           "The texts are saved, but the articles showing this image could not "
                           "be updated. Save one of them to try again.",
                           500);
                return;
        }
        gz_store_audit(
            x->admin->store, x->user->id, x->req->client_ip, "media-edit",
            gz_arena_printf(x->a, "media:%lld", (long long)m->id),
            gz_arena_printf(x->a, "%zu article%s updated", refreshed, refreshed == 1 ? "" : "s"));
        gz_admin_redirect(x, gz_arena_printf(x->a, "media/%lld?done=saved", (long long)m->id));
}

static void
delete_image(struct gz_actx *x, struct gz_media *m)
{
        if (!gz_role_can(x->user->role, GZ_CAN_EDIT_ANY)) {
                gz_admin_error(x, 403, "Only editors delete images from the library.");
                return;
        }
        if (x->settings.logo_media_id == m->id) {
                image_page(x, m, NULL,
                           "This image is the site's logo: choose another logo in the settings "
                           "first.",
                           409);
                return;
        }
        struct gz_error err = {0};
        enum gz_err e = gz_store_media_delete(x->admin->store, m->id, &err);
        if (e != GZ_OK) {
                image_page(x, m, NULL, gz_arena_printf(x->a, "Not deleted: %s.", err.msg),
                           gz_admin_status(e));
                return;
        }
        /* The record is gone, so nothing links to the files any more. */
        remove_file(x, m->original);
        for (size_t i = 0; i < m->rendition_count; i++)
                remove_file(x, m->renditions[i].file);
        gz_store_audit(x->admin->store, x->user->id, x->req->client_ip, "media-delete",
                       gz_arena_printf(x->a, "media:%lld", (long long)m->id), m->file_base);
        gz_admin_changed(x, GZ_CHANGE_MEDIA, m->id);
        gz_admin_redirect(x, "media?done=deleted");
}

void
gz_admin_media(struct gz_actx *x)
{
        if (!gz_role_can(x->user->role, GZ_CAN_UPLOAD)) {
                gz_admin_error(x, 403, "Your role does not include the media library.");
                return;
        }
        bool post = x->req->method == GZ_POST;
        if (x->n == 1) {
                if (post)
                        upload(x);
                else
                        library(x, NULL, NULL, 200);
                return;
        }
        int64_t id = gz_admin_id(x->seg[1]);
        struct gz_media *m;
        if (x->n > 3 || id == 0 ||
            gz_store_media_get(x->admin->store, x->a, id, &m, NULL) != GZ_OK) {
                gz_admin_error(x, 404, "There is no such image.");
                return;
        }
        if (x->n == 2) {
                if (post)
                        save_texts(x, m);
                else
                        image_page(x, m, NULL, NULL, 200);
        } else if (strcmp(x->seg[2], "delete") == 0 && post) {
                delete_image(x, m);
        } else {
                gz_admin_error(x, 404, "There is no such page in the admin.");
        }
}
