/* Helpers shared by the media, taxonomy and people pages: form fields,
 * text checks, statuses, change reports, option lists. */
#include <string.h>

#include "forms.h"

const char *
gz_admin_field(struct gz_actx *x, const char *name)
{
        const char *v = gz_admin_form(x, name);
        if (v == NULL)
                return NULL;
        while (*v == ' ' || *v == '\t' || *v == '\r' || *v == '\n')
                v++;
        size_t n = strlen(v);
        while (n > 0 &&
               (v[n - 1] == ' ' || v[n - 1] == '\t' || v[n - 1] == '\r' || v[n - 1] == '\n'))
                n--;
        return gz_arena_strndup(x->a, v, n);
}

bool
gz_admin_text_ok(const char *label, const char *value, size_t max, bool multiline, bool required,
                 struct gz_error *err)
{
        size_t n = value ? strlen(value) : 0;
        if (required && n == 0) {
                gz_fail(err, GZ_EINVAL, "%s: required", label);
                return false;
        }
        if (n > max) {
                gz_fail(err, GZ_EINVAL, "%s: too long (at most %zu bytes)", label, max);
                return false;
        }
        if (n && !gz_utf8_valid(value, n)) {
                gz_fail(err, GZ_EINVAL, "%s: not valid UTF-8 text", label);
                return false;
        }
        for (size_t i = 0; i < n; i++) {
                unsigned char c = (unsigned char)value[i];
                bool allowed = c >= 0x20 || (multiline && (c == '\n' || c == '\t' || c == '\r'));
                if (!allowed || c == 0x7f) {
                        gz_fail(err, GZ_EINVAL, "%s: contains a control character", label);
                        return false;
                }
        }
        return true;
}

int
gz_admin_status(enum gz_err e)
{
        switch (e) {
        case GZ_EINVAL:
                return 422;
        case GZ_ECONFLICT:
                return 409;
        case GZ_ENOTFOUND:
                return 404;
        case GZ_ETOOBIG:
                return 413;
        case GZ_EPERM:
                return 403;
        default:
                return 500;
        }
}

void
gz_admin_changed(struct gz_actx *x, enum gz_change_kind kind, int64_t id)
{
        struct gz_content *c = x->admin->content;
        if (c->on_change == NULL)
                return;
        struct gz_change change = {.kind = kind, .id = id};
        c->on_change(c->change_ctx, &change);
}

long long
gz_admin_page_number(struct gz_actx *x)
{
        long long page = 1;
        const char *s = gz_req_query(x->req, "page");
        if (s == NULL || !gz_parse_int(s, 1, 100000, &page))
                page = 1;
        return page;
}

struct gz_val *
gz_admin_media_options(struct gz_actx *x, int64_t selected)
{
        struct gz_val *list = gz_val_list(x->a);
        struct gz_media *media;
        size_t n = 0;
        if (gz_store_media_list(x->admin->store, x->a, NULL, 300, 0, &media, &n, NULL, NULL) !=
            GZ_OK)
                n = 0;
        bool listed = false;
        for (size_t i = 0; i < n; i++) {
                struct gz_val *o = gz_val_obj(x->a);
                gz_obj_set_int(o, "value", media[i].id);
                gz_obj_set_str(o, "label",
                               gz_arena_printf(x->a, "%lld: %s", (long long)media[i].id,
                                               *media[i].alt ? media[i].alt : "(no alt text)"));
                gz_obj_set_bool(o, "selected", media[i].id == selected);
                listed |= media[i].id == selected;
                gz_list_push(list, o);
        }
        struct gz_media *m;
        if (selected && !listed &&
            gz_store_media_get(x->admin->store, x->a, selected, &m, NULL) == GZ_OK) {
                struct gz_val *o = gz_val_obj(x->a);
                gz_obj_set_int(o, "value", m->id);
                gz_obj_set_str(o, "label",
                               gz_arena_printf(x->a, "%lld: %s", (long long)m->id,
                                               *m->alt ? m->alt : "(no alt text)"));
                gz_obj_set_bool(o, "selected", true);
                gz_list_push(list, o);
        }
        return list;
}

static void
section_branch(struct gz_actx *x, const struct gz_section_tree *tree, int64_t parent, int depth,
               int64_t selected, int64_t exclude, struct gz_val *list)
{
        if (depth > 16)
                return;
        for (size_t i = 0; i < tree->count; i++) {
                const struct gz_section *s = &tree->sections[i];
                if (s->parent_id != parent || s->id == exclude)
                        continue;
                struct gz_val *o = gz_val_obj(x->a);
                gz_obj_set_int(o, "value", s->id);
                char *label = gz_arena_strdup(x->a, s->name);
                for (int d = 0; d < depth; d++)
                        label = gz_arena_printf(x->a, "\xE2\x80\x83%s", label); /* em space */
                gz_obj_set_str(o, "label", label);
                gz_obj_set_str(o, "path", s->path);
                gz_obj_set_bool(o, "selected", s->id == selected);
                gz_list_push(list, o);
                section_branch(x, tree, s->id, depth + 1, selected, exclude, list);
        }
}

struct gz_val *
gz_admin_section_options(struct gz_actx *x, const struct gz_section_tree *tree, int64_t selected,
                         int64_t exclude_subtree)
{
        struct gz_val *list = gz_val_list(x->a);
        section_branch(x, tree, 0, 0, selected, exclude_subtree, list);
        return list;
}

const char *
gz_admin_thumbnail(struct gz_actx *x, const struct gz_media *m, const char *sizes)
{
        struct gz_buf b;
        gz_buf_init(&b, x->a);
        gz_render_picture(&b, m, NULL, sizes, true);
        return b.data ? b.data : "";
}
