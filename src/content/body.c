/* Article bodies: Markdown rendered once, when saved, with images from the
 * media library ("media:42") as responsive pictures with their caption and
 * credit. */
#include <string.h>

#include "../render/render.h"
#include "content.h"

struct body_ctx {
        struct gz_content *content;
        struct gz_arena *arena;
        /* Library images the body uses, for the alt-text rule. */
        int64_t missing_alt_id;
};

static bool
image_hook(void *ctx, const struct gz_md_image *img, struct gz_buf *out, const char **caption,
           const char **credit)
{
        struct body_ctx *bc = ctx;
        long long id;
        if (strncmp(img->url, "media:", 6) != 0 || !gz_parse_int(img->url + 6, 1, INT64_MAX, &id))
                return false;
        struct gz_media *m;
        if (gz_store_media_get(bc->content->store, bc->arena, id, &m, NULL) != GZ_OK)
                return false; /* written as a plain image with a dead link: visible to the editor */
        const char *alt = img->alt && *img->alt ? img->alt : m->alt;
        if (alt == NULL || *alt == '\0')
                bc->missing_alt_id = m->id;
        gz_render_picture(out, m, alt, "(min-width: 760px) 720px, 100vw", true);
        if (img->title == NULL && m->caption[0])
                *caption = m->caption;
        if (m->credit[0])
                *credit = m->credit;
        return true;
}

enum gz_err
gz_content_render_body(struct gz_content *c, struct gz_arena *a, const char *md, const char **html,
                       const char **text, int64_t *missing_alt, struct gz_error *err)
{
        struct body_ctx bc = {.content = c, .arena = a};
        struct gz_md_hooks hooks = {.image = image_hook, .ctx = &bc};
        struct gz_buf out;
        gz_buf_init(&out, a);
        size_t len = strlen(md);
        enum gz_err e = gz_markdown_render(md, len, GZ_MD_FIGURES, &hooks, &out, err);
        if (e != GZ_OK)
                return e;
        *html = out.data ? out.data : "";
        if (missing_alt != NULL)
                *missing_alt = bc.missing_alt_id;
        if (text != NULL) {
                struct gz_buf plain;
                gz_buf_init(&plain, a);
                gz_markdown_text(md, len, &plain);
                *text = plain.data ? plain.data : "";
        }
        return GZ_OK;
}

char *
gz_content_excerpt(struct gz_arena *a, const char *text, size_t max_chars)
{
        /* Collapse whitespace, then cut at a word boundary. */
        struct gz_buf b;
        gz_buf_init(&b, a);
        bool space = true;
        for (const char *p = text; *p; p++) {
                if (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r') {
                        if (!space)
                                gz_buf_putc(&b, ' ');
                        space = true;
                } else {
                        gz_buf_putc(&b, *p);
                        space = false;
                }
        }
        while (b.len > 0 && b.data[b.len - 1] == ' ')
                gz_buf_truncate(&b, b.len - 1);
        if (b.data == NULL)
                return gz_arena_strdup(a, "");
        size_t cut = gz_utf8_prefix(b.data, b.len, max_chars);
        if (cut >= b.len)
                return b.data;
        size_t word = cut;
        while (word > cut / 2 && b.data[word] != ' ')
                word--;
        if (b.data[word] == ' ')
                cut = word;
        while (cut > 0 && strchr(" ,;:.-", b.data[cut - 1]) != NULL)
                cut--;
        gz_buf_truncate(&b, cut);
        gz_buf_puts(&b, "\xE2\x80\xA6");
        return b.data;
}
