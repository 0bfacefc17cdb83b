/* libFuzzer harness for the parent's parser of the media worker's answer:
 * a worker that decoded a hostile file may be hostile itself, so whatever it
 * prints must be refused or turned into a result that names only the files
 * the parent expects. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "media/media_internal.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
        char *copy = malloc(size > 0 ? size : 1);
        if (copy == NULL)
                return 0;
        memcpy(copy, data, size);
        struct gz_media_answer answer;
        if (gz_media_parse_answer(copy, size, "photo", &answer)) {
                const struct gz_media_result *r = &answer.result;
                if (answer.is_error) {
                        if (answer.code <= GZ_OK || answer.code >= GZ_ERR__MAX)
                                abort();
                } else {
                        if (r->rendition_count < 1 ||
                            r->rendition_count > GZ_MEDIA_MAX_RENDITIONS ||
                            strncmp(r->original, "photo.", 6) != 0 || r->width < 1 || r->height < 1)
                                abort();
                        for (size_t i = 0; i < r->rendition_count; i++)
                                if (strncmp(r->renditions[i].file, "photo-", 6) != 0 ||
                                    strchr(r->renditions[i].file, '/') != NULL ||
                                    r->renditions[i].width > r->width)
                                        abort();
                }
        }
        free(copy);
        return 0;
}
