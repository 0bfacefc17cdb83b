/* Media records: what src/media/ made, with the editor's alt text, caption
 * and credit. */
#include <string.h>

#include "../media/media.h"
#include "content.h"

static const char *
rendition_type(enum gz_media_type t)
{
        return t == GZ_MEDIA_WEBP ? "webp" : t == GZ_MEDIA_JPEG ? "jpeg" : NULL;
}

enum gz_err
gz_content_media_add(struct gz_content *c, const char *file_base, const struct gz_media_result *r,
                     const char *alt, const char *caption, const char *credit, int64_t user_id,
                     int64_t *id, struct gz_error *err)
{
        struct gz_arena *a = gz_arena_new(4096);
        struct gz_media m = {0};
        m.file_base = file_base;
        m.source_type = gz_media_ext(r->source_type);
        m.original = r->original;
        m.width = r->width;
        m.height = r->height;
        m.alt = alt ? alt : "";
        m.caption = caption ? caption : "";
        m.credit = credit ? credit : "";
        m.bytes = (int64_t)r->original_bytes;
        m.uploaded_by = user_id;
        m.renditions = GZ_NEW_ARRAY(a, struct gz_media_rendition_ref, r->rendition_count + 1);
        int widest = 0;
        for (size_t i = 0; i < r->rendition_count; i++) {
                struct gz_media_rendition_ref *ref = &m.renditions[m.rendition_count++];
                ref->width = r->renditions[i].width;
                ref->height = r->renditions[i].height;
                ref->type = rendition_type(r->renditions[i].type);
                ref->file = r->renditions[i].file;
                if (ref->width > widest)
                        widest = ref->width;
        }
        const char *original_type = rendition_type(r->original_type);
        if (original_type != NULL && r->width > widest) {
                struct gz_media_rendition_ref *ref = &m.renditions[m.rendition_count++];
                ref->width = r->width;
                ref->height = r->height;
                ref->type = original_type;
                ref->file = r->original;
        }
        enum gz_err e = gz_store_media_save(c->store, &m, err);
        if (e == GZ_OK)
                *id = m.id;
        gz_arena_free(a);
        return e;
}
