/* Fuzzes the Mustache compiler and renderer: the input up to its first NUL is
 * a template, the bytes after it (if any) the partial "p"; both are rendered
 * against a small fixed context, also under the strict flag. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "render/render.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char default_partial[] = "<{{name}}|{{#items}}{{title}}{{/items}}|{{{body}}}>\n";

static struct gz_val *
make_context(struct gz_arena *a)
{
        struct gz_val *ctx = gz_val_obj(a);
        gz_obj_set_str(ctx, "name", "A & <B>");
        gz_obj_set_html(ctx, "body", "<p>trusted</p>");
        gz_obj_set_int(ctx, "n", 42);
        gz_obj_set(ctx, "pi", gz_val_double(a, 3.14159));
        gz_obj_set_bool(ctx, "yes", true);
        gz_obj_set_bool(ctx, "no", false);
        gz_obj_set(ctx, "nothing", gz_val_null());
        struct gz_val *items = gz_val_list(a);
        for (int i = 0; i < 3; i++) {
                struct gz_val *item = gz_val_obj(a);
                gz_obj_set_int(item, "id", i);
                gz_obj_set_str(item, "title", i == 1 ? "\"quoted\"" : "plain");
                gz_obj_set_bool(item, "items", false); /* ends {{>p}} recursion */
                gz_list_push(items, item);
        }
        gz_obj_set(ctx, "items", items);
        gz_obj_set(ctx, "empty", gz_val_list(a));
        struct gz_val *inner = gz_val_obj(a);
        gz_obj_set_str(inner, "name", "inner");
        struct gz_val *deeper = gz_val_obj(a);
        gz_obj_set_html(deeper, "html", "<b>x</b>");
        gz_obj_set(inner, "deeper", deeper);
        gz_obj_set(ctx, "inner", inner);
        return ctx;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
        const char *src = (const char *)data;
        const char *nul = memchr(src, '\0', size);
        size_t tpl_len = nul ? (size_t)(nul - src) : size;
        const char *partial = nul ? nul + 1 : default_partial;
        size_t partial_len = nul ? size - tpl_len - 1 : strlen(default_partial);

        struct gz_arena *a = gz_arena_new(4096);
        struct gz_val *ctx = make_context(a);
        for (unsigned flags = 0; flags <= GZ_TPL_STRICT; flags += GZ_TPL_STRICT) {
                struct gz_tpl_set *set = gz_tpl_set_new(flags);
                /* Small limits keep exponential templates quick. */
                gz_tpl_set_limits(set, 1 << 20, 200000);
                struct gz_error err;
                /* The template is also "t", so {{>t}} recurses into itself. */
                if (gz_tpl_set_add(set, "p", partial, partial_len, &err) == GZ_OK &&
                    gz_tpl_set_add(set, "t", src, tpl_len, &err) == GZ_OK) {
                        struct gz_buf out;
                        gz_buf_init(&out, a);
                        gz_buf_puts(&out, "x");
                        if (gz_tpl_render(set, "t", ctx, &out, &err) != GZ_OK &&
                            (out.len != 1 || out.data[0] != 'x'))
                                __builtin_trap(); /* a failed render must not half-write */
                }
                gz_tpl_set_free(set);
        }
        gz_arena_free(a);
        return 0;
}
