/* libFuzzer harness for the base32 decoder: any accepted text must re-encode
 * to its canonical form, and any bytes must survive encode then decode. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "auth/auth.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
check_decode(const char *text, size_t size)
{
        size_t cap = GZ_BASE32_DECODED_MAX(size);
        unsigned char *bin = malloc(cap + 1);
        if (bin == NULL)
                abort();
        size_t len = 0;
        struct gz_error err = {0};
        enum gz_err rc = gz_base32_decode(text, size, bin, cap, &len, &err);
        if (rc != GZ_OK) {
                /* A refusal always explains itself. */
                if (rc != GZ_EINVAL || err.code != rc || err.msg[0] == '\0')
                        abort();
                free(bin);
                return;
        }
        if (len > cap)
                abort();

        /* The canonical form: uppercase, without blanks and padding. */
        char *canon = malloc(size + 1);
        size_t canon_len = 0;
        if (canon == NULL)
                abort();
        for (size_t i = 0; i < size; i++) {
                char c = text[i];
                if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '=')
                        continue;
                canon[canon_len++] = (c >= 'a' && c <= 'z') ? (char)(c - 'a' + 'A') : c;
        }
        char *again = malloc(GZ_BASE32_ENCODED_LEN(len) + 1);
        if (again == NULL)
                abort();
        size_t again_len = gz_base32_encode(bin, len, again, GZ_BASE32_ENCODED_LEN(len) + 1);
        if (again_len != canon_len || memcmp(again, canon, canon_len) != 0)
                abort();

        /* One byte too little room is refused without writing. */
        if (len > 0) {
                unsigned char *small = malloc(len);
                if (small == NULL)
                        abort();
                memset(small, 0x5A, len);
                size_t small_len = 0;
                if (gz_base32_decode(text, size, small, len - 1, &small_len, NULL) != GZ_ETOOBIG)
                        abort();
                for (size_t i = 0; i < len; i++)
                        if (small[i] != 0x5A)
                                abort();
                free(small);
        }
        free(again);
        free(canon);
        free(bin);
}

static void
check_round_trip(const uint8_t *data, size_t size)
{
        size_t text_size = GZ_BASE32_ENCODED_LEN(size) + 1;
        char *text = malloc(text_size);
        unsigned char *back = malloc(size + 1);
        if (text == NULL || back == NULL)
                abort();
        size_t text_len = gz_base32_encode(data, size, text, text_size);
        if (text_len != text_size - 1 || text[text_len] != '\0')
                abort();
        size_t back_len = 0;
        if (gz_base32_decode(text, text_len, back, size, &back_len, NULL) != GZ_OK ||
            back_len != size || memcmp(back, data, size) != 0)
                abort();
        free(back);
        free(text);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
        check_decode((const char *)data, size);
        check_round_trip(data, size);
        return 0;
}
