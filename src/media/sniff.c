/* The four image types Gazette accepts: their names, and a look at the magic
 * bytes before anything heavier runs. Pure C, no libvips. */
#include <string.h>

#include "media.h"

static const char *const media_mimes[GZ_MEDIA__MAX] = {
    [GZ_MEDIA_JPEG] = "image/jpeg",
    [GZ_MEDIA_PNG] = "image/png",
    [GZ_MEDIA_WEBP] = "image/webp",
    [GZ_MEDIA_GIF] = "image/gif",
};

static const char *const media_exts[GZ_MEDIA__MAX] = {
    [GZ_MEDIA_JPEG] = "jpg",
    [GZ_MEDIA_PNG] = "png",
    [GZ_MEDIA_WEBP] = "webp",
    [GZ_MEDIA_GIF] = "gif",
};

const char *
gz_media_mime(enum gz_media_type type)
{
        if ((unsigned)type >= GZ_MEDIA__MAX)
                return NULL;
        return media_mimes[type];
}

const char *
gz_media_ext(enum gz_media_type type)
{
        if ((unsigned)type >= GZ_MEDIA__MAX)
                return NULL;
        return media_exts[type];
}

static bool
starts_with(const unsigned char *p, size_t len, const char *magic, size_t magic_len)
{
        return len >= magic_len && memcmp(p, magic, magic_len) == 0;
}

enum gz_media_type
gz_media_sniff(const void *data, size_t len)
{
        const unsigned char *p = data;
        if (p == NULL)
                return GZ_MEDIA__MAX;
        /* SOI then the first marker's 0xFF. */
        if (starts_with(p, len, "\xff\xd8\xff", 3))
                return GZ_MEDIA_JPEG;
        if (starts_with(p, len, "\x89PNG\r\n\x1a\n", 8))
                return GZ_MEDIA_PNG;
        /* RIFF, a 4-byte size we do not trust, then the form type. */
        if (starts_with(p, len, "RIFF", 4) && len >= 12 && memcmp(p + 8, "WEBP", 4) == 0)
                return GZ_MEDIA_WEBP;
        if (starts_with(p, len, "GIF87a", 6) || starts_with(p, len, "GIF89a", 6))
                return GZ_MEDIA_GIF;
        return GZ_MEDIA__MAX;
}
