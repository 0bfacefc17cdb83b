/* Fuzzes request path decoding and urlencoded parsing (query strings and
 * form bodies): no crash, no leak, and what is accepted is well-formed. */
#include <stdlib.h>
#include <string.h>

#include "http/http.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

int
LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
        struct gz_arena *a = gz_arena_new(4096);
        const char *s = (const char *)data;
        char *path;
        if (gz_http_decode_path(a, s, size, &path)) {
                size_t n = strlen(path);
                if (path[0] != '/' || !gz_utf8_valid(path, n))
                        abort();
                for (size_t i = 0; i < n; i++)
                        if ((unsigned char)path[i] < 0x20)
                                abort();
        }
        size_t fields = 0;
        for (struct gz_form_field *f = gz_http_parse_urlencoded(a, s, size, 1000); f; f = f->next) {
                /* Decoded NUL bytes are dropped, so lengths agree. */
                if (f->name == NULL || f->value == NULL || strlen(f->value) != f->value_len)
                        abort();
                fields++;
        }
        if (fields > 1000)
                abort();
        gz_arena_free(a);
        return 0;
}
