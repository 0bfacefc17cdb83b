/* libFuzzer harness for the header-only path every upload takes first: the
 * magic-byte check, libvips choosing a loader from the content, and the
 * JPEG, PNG, WebP or GIF header read against the limits (gz_media_probe). No
 * pixel is decoded, as for a real upload before its limits are checked. */
#include <stdint.h>
#include <stdlib.h>

#include "media/media.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
        static bool started;
        if (!started) {
                /* Damaged headers are the point here; their warnings are noise. */
                setenv("VIPS_WARNING", "0", 1);
                if (gz_media_init("fuzz_image_header", NULL) != GZ_OK)
                        abort();
                started = true;
        }
        struct gz_media_limits limits = {.max_pixels = 4000000};
        struct gz_media_info info;
        struct gz_error err = {0};
        enum gz_err e = gz_media_probe(data, size, &limits, &info, &err);
        if (e == GZ_OK) {
                if (info.width <= 0 || info.height <= 0 ||
                    (uint64_t)info.width * (uint64_t)info.height > limits.max_pixels ||
                    info.type != gz_media_sniff(data, size))
                        abort();
        } else if (err.code != e || err.msg[0] == '\0') {
                abort();
        }
        return 0;
}
