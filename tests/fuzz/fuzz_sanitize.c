/* libFuzzer harness for the HTML sanitizer: any input must sanitize to
 * allowed markup with safe URLs only, and sanitizing that output again must
 * give the same bytes. A broken invariant aborts with the reason. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "render/render.h"

#include "../unit/render/sanitize_check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
        if (size > 4u * 1024 * 1024) {
                struct gz_buf out;
                gz_buf_init(&out, NULL);
                if (gz_sanitize_html((const char *)data, size, &out, NULL) != GZ_ETOOBIG)
                        abort();
                gz_buf_free(&out);
                return 0;
        }
        char why[2048];
        if (!check_sanitize((const char *)data, size, why, sizeof(why))) {
                fprintf(stderr, "sanitizer invariant broken: %s\n", why);
                abort();
        }
        return 0;
}
