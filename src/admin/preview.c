/* Preview: the editor's form rendered exactly as the public article page,
 * without saving anything. The editor's "Preview" button posts the form
 * here into a frame beside it (or a new tab); admin.js refreshes it as the
 * editor types, but nothing needs JavaScript. */
#include <string.h>

#include "admin_internal.h"

static const char *
form_or(struct gz_actx *x, const char *name, const char *fallback)
{
        const char *v = gz_admin_form(x, name);
        return v != NULL ? v : fallback;
}

void
gz_admin_preview(struct gz_actx *x)
{
        if (x->req->method != GZ_POST || !gz_role_can(x->user->role, GZ_CAN_WRITE)) {
                gz_admin_error(x, 405, "Preview with the editor's Preview button.");
                return;
        }
        struct gz_store *s = x->admin->store;
        struct gz_article *ar = GZ_NEW(x->a, struct gz_article);
        int64_t id = gz_admin_id(gz_admin_form(x, "id"));
        if (id) {
                struct gz_article *stored;
                if (gz_store_article_get(s, x->a, id, NULL, NULL, &stored, NULL) != GZ_OK ||
                    !gz_may_edit(x->user, stored)) {
                        gz_admin_error(x, 403, "Your role does not allow editing this article.");
                        return;
                }
                *ar = *stored;
        } else {
                ar->lang = x->settings.language;
                ar->status = GZ_STATUS_DRAFT;
        }
        ar->title = form_or(x, "title", ar->title ? ar->title : "");
        ar->subtitle = form_or(x, "subtitle", ar->subtitle);
        ar->signature = form_or(x, "signature", ar->signature);
        ar->statement_date = form_or(x, "statement_date", ar->statement_date);
        ar->slug = ar->slug && *ar->slug ? ar->slug : "preview";
        const char *kind = gz_admin_form(x, "kind");
        int k = kind ? gz_enum_lookup(gz_article_kind_names, GZ_KIND__MAX, kind) : GZ_KIND__MAX;
        if (k != GZ_KIND__MAX)
                ar->kind = (enum gz_article_kind)k;
        if (ar->published_at == 0)
                ar->published_at = x->req->now;
        ar->updated_at = ar->published_at;

        struct gz_error err;
        const char *body = form_or(x, "body", ar->body_md ? ar->body_md : "");
        if (gz_content_render_body(x->admin->content, x->a, body, &ar->body_html, NULL, NULL,
                                   &err) != GZ_OK) {
                gz_admin_error(x, 422, err.msg);
                return;
        }
        const char *section = gz_admin_form(x, "section");
        if (section != NULL) {
                struct gz_section_tree tree = {0};
                gz_store_sections(s, x->a, &tree.sections, &tree.count, NULL);
                const struct gz_section *sec = gz_tree_find_path(&tree, section);
                ar->section_id = sec ? sec->id : 0;
        }
        const char *authors[8];
        size_t n = gz_req_form_all(x->req, "author", authors, 8);
        if (n > 0) {
                ar->authors = GZ_NEW_ARRAY(x->a, struct gz_author, n);
                ar->author_count = 0;
                for (size_t i = 0; i < n; i++) {
                        struct gz_author *au;
                        int64_t aid = gz_admin_id(authors[i]);
                        if (aid && gz_store_author_get(s, x->a, aid, NULL, &au, NULL) == GZ_OK)
                                ar->authors[ar->author_count++] = *au;
                }
        }
        const char *tags = gz_admin_form(x, "tags");
        if (tags != NULL) {
                size_t cap = 0;
                ar->tags = NULL;
                ar->tag_count = 0;
                char *copy = gz_arena_strdup(x->a, tags), *save = NULL;
                for (char *t = strtok_r(copy, ",", &save); t; t = strtok_r(NULL, ",", &save)) {
                        while (*t == ' ')
                                t++;
                        char *slug = gz_slugify(x->a, t, 80);
                        if (*slug == '\0')
                                continue;
                        ar->tags =
                            gz_arena_grow(x->a, ar->tags, ar->tag_count, &cap, sizeof(*ar->tags));
                        ar->tags[ar->tag_count++] = (struct gz_tag){.name = t, .slug = slug};
                }
        }
        const char *featured = gz_admin_form(x, "featured");
        if (featured != NULL) {
                ar->featured = NULL;
                int64_t mid = gz_admin_id(featured);
                if (mid)
                        gz_store_media_get(s, x->a, mid, &ar->featured, NULL);
        }
        gz_resp_init(x->resp);
        gz_site_render_article(x->admin->site, x->req, x->resp, ar, true);
        /* The preview may sit in a frame of the admin, and no cache keeps it. */
        gz_resp_header(x->resp, "Content-Security-Policy",
                       "default-src 'self'; img-src 'self' data:; style-src 'self'; "
                       "script-src 'self'; object-src 'none'; frame-ancestors 'self'");
        gz_resp_header(x->resp, "X-Frame-Options", "SAMEORIGIN");
        gz_resp_header(x->resp, "X-Content-Type-Options", "nosniff");
        gz_resp_header(x->resp, "Cache-Control", "no-store");
        gz_resp_header(x->resp, "Referrer-Policy", "same-origin");
}
