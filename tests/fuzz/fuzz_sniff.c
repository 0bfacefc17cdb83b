/* libFuzzer harness for gz_media_sniff: any bytes, any length, and the answer
 * must agree with the magic it claims. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "media/media.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
        /* A copy of exactly size bytes, so reading past the end is caught. */
        uint8_t *copy = malloc(size > 0 ? size : 1);
        if (copy == NULL)
                return 0;
        memcpy(copy, data, size);
        enum gz_media_type type = gz_media_sniff(copy, size);
        if (type != GZ_MEDIA__MAX) {
                const char *mime = gz_media_mime(type);
                const char *ext = gz_media_ext(type);
                if (mime == NULL || ext == NULL || strncmp(mime, "image/", 6) != 0)
                        abort();
        }
        if (type == GZ_MEDIA_JPEG && (size < 3 || copy[0] != 0xff || copy[1] != 0xd8))
                abort();
        if (type == GZ_MEDIA_WEBP && (size < 12 || memcmp(copy + 8, "WEBP", 4) != 0))
                abort();
        free(copy);
        return 0;
}
