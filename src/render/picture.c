/* Responsive pictures from media renditions. */
#include <string.h>

#include "../store/store.h"
#include "render.h"

const char *
gz_media_url(struct gz_arena *a, const struct gz_media *m, int width, const char *type,
             int *out_width, int *out_height)
{
        const struct gz_media_rendition_ref *best = NULL;
        for (size_t i = 0; i < m->rendition_count; i++) {
                const struct gz_media_rendition_ref *r = &m->renditions[i];
                if (type != NULL && strcmp(r->type, type) != 0)
                        continue;
                /* The smallest one at least as wide, else the widest. */
                if (best == NULL || (best->width < width && r->width > best->width) ||
                    (r->width >= width && r->width < best->width))
                        best = r;
        }
        if (best == NULL) {
                if (out_width)
                        *out_width = m->width;
                if (out_height)
                        *out_height = m->height;
                return gz_arena_printf(a, "/media/%s", m->original);
        }
        if (out_width)
                *out_width = best->width;
        if (out_height)
                *out_height = best->height;
        return gz_arena_printf(a, "/media/%s", best->file);
}

static void
srcset(struct gz_buf *out, const struct gz_media *m, const char *type)
{
        bool first = true;
        for (size_t i = 0; i < m->rendition_count; i++) {
                const struct gz_media_rendition_ref *r = &m->renditions[i];
                if (strcmp(r->type, type) != 0)
                        continue;
                if (!first)
                        gz_buf_puts(out, ", ");
                gz_buf_puts(out, "/media/");
                gz_html_escape_url(out, r->file, strlen(r->file));
                gz_buf_printf(out, " %dw", r->width);
                first = false;
        }
}

static bool
has_type(const struct gz_media *m, const char *type)
{
        for (size_t i = 0; i < m->rendition_count; i++)
                if (strcmp(m->renditions[i].type, type) == 0)
                        return true;
        return false;
}

void
gz_render_picture(struct gz_buf *out, const struct gz_media *m, const char *alt, const char *sizes,
                  bool lazy)
{
        /* The fallback <img> is the JPEG closest to 960 px; its box keeps
         * the original's proportions so the page does not jump. */
        const struct gz_media_rendition_ref *fallback = NULL;
        for (size_t i = 0; i < m->rendition_count; i++) {
                const struct gz_media_rendition_ref *r = &m->renditions[i];
                if (strcmp(r->type, "jpeg") != 0)
                        continue;
                if (fallback == NULL || (fallback->width < 960 && r->width > fallback->width) ||
                    (r->width >= 960 && r->width < fallback->width))
                        fallback = r;
        }
        const char *src = fallback ? fallback->file : m->original;
        int width = fallback ? fallback->width : m->width;
        int height = fallback ? fallback->height : m->height;
        if (sizes == NULL)
                sizes = "100vw";
        gz_buf_puts(out, "<picture>");
        if (has_type(m, "webp")) {
                gz_buf_puts(out, "<source type=\"image/webp\" srcset=\"");
                srcset(out, m, "webp");
                gz_buf_puts(out, "\" sizes=\"");
                gz_html_escape_c(out, sizes);
                gz_buf_puts(out, "\">");
        }
        gz_buf_puts(out, "<img src=\"/media/");
        gz_html_escape_url(out, src, strlen(src));
        gz_buf_puts(out, "\"");
        if (has_type(m, "jpeg")) {
                gz_buf_puts(out, " srcset=\"");
                srcset(out, m, "jpeg");
                gz_buf_puts(out, "\" sizes=\"");
                gz_html_escape_c(out, sizes);
                gz_buf_puts(out, "\"");
        }
        gz_buf_printf(out, " width=\"%d\" height=\"%d\" alt=\"", width, height);
        gz_html_escape_c(out, alt != NULL && *alt ? alt : m->alt);
        gz_buf_puts(out, lazy ? "\" loading=\"lazy\" decoding=\"async\"></picture>"
                              : "\" decoding=\"async\"></picture>");
}
