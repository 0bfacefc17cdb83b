/* Unit tests for src/auth/base32.c against RFC 4648's vectors and the ways
 * people write secrets down. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <cmocka.h>

#include "auth/auth.h"

/* RFC 4648, section 10. */
static const struct {
        const char *plain;
        const char *padded;
} rfc4648[] = {
    {"", ""},
    {"f", "MY======"},
    {"fo", "MZXQ===="},
    {"foo", "MZXW6==="},
    {"foob", "MZXW6YQ="},
    {"fooba", "MZXW6YTB"},
    {"foobar", "MZXW6YTBOI======"},
};

static void
encode_gives_rfc4648_vectors_without_padding(void **state)
{
        (void)state;
        for (size_t i = 0; i < sizeof(rfc4648) / sizeof(rfc4648[0]); i++) {
                char out[32];
                size_t n = strlen(rfc4648[i].plain);
                size_t len =
                    gz_base32_encode((const unsigned char *)rfc4648[i].plain, n, out, sizeof(out));
                size_t unpadded = strcspn(rfc4648[i].padded, "=");
                assert_int_equal(len, unpadded);
                assert_int_equal(len, GZ_BASE32_ENCODED_LEN(n));
                assert_memory_equal(out, rfc4648[i].padded, unpadded);
                assert_int_equal(out[len], '\0');
        }
}

static void
decode_reads_rfc4648_vectors_padded_unpadded_and_lowercase(void **state)
{
        (void)state;
        for (size_t i = 0; i < sizeof(rfc4648) / sizeof(rfc4648[0]); i++) {
                const char *plain = rfc4648[i].plain;
                char forms[3][32];
                strcpy(forms[0], rfc4648[i].padded);
                size_t unpadded = strcspn(rfc4648[i].padded, "=");
                memcpy(forms[1], rfc4648[i].padded, unpadded);
                forms[1][unpadded] = '\0';
                for (size_t k = 0; k <= strlen(forms[0]); k++)
                        forms[2][k] = (forms[0][k] >= 'A' && forms[0][k] <= 'Z')
                                          ? (char)(forms[0][k] + 32)
                                          : forms[0][k];
                for (int f = 0; f < 3; f++) {
                        unsigned char out[16];
                        size_t out_len = 99;
                        struct gz_error err = {0};
                        assert_int_equal(gz_base32_decode(forms[f], strlen(forms[f]), out,
                                                          sizeof(out), &out_len, &err),
                                         GZ_OK);
                        assert_int_equal(out_len, strlen(plain));
                        assert_memory_equal(out, plain, out_len);
                }
        }
}

static void
decode_ignores_spaces_and_line_breaks(void **state)
{
        (void)state;
        const char *forms[] = {
            "mzxw 6ytb oi",     "MZXW6YTBOI======\n",  " M Z X W 6 Y T B O I ",
            "MZXW\t6YTB\r\nOI", "mzxw 6ytb oi== ====",
        };
        for (size_t i = 0; i < sizeof(forms) / sizeof(forms[0]); i++) {
                unsigned char out[16];
                size_t out_len = 0;
                assert_int_equal(
                    gz_base32_decode(forms[i], strlen(forms[i]), out, sizeof(out), &out_len, NULL),
                    GZ_OK);
                assert_int_equal(out_len, 6);
                assert_memory_equal(out, "foobar", 6);
        }
}

static void
decode_names_the_bad_character_and_where(void **state)
{
        (void)state;
        unsigned char out[16];
        size_t out_len = 0;
        struct gz_error err = {0};
        /* 0, 1, 8 and 9 are not base32 even though people type them for O, I, B, g. */
        const char *bad[] = {"MZXW0YTB", "MZXW1YTB", "MZXW8YTB",
                             "MZXW9YTB", "MZXW-YTB", "MZXW=YTB"};
        for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
                gz_error_clear(&err);
                assert_int_equal(
                    gz_base32_decode(bad[i], strlen(bad[i]), out, sizeof(out), &out_len, &err),
                    GZ_EINVAL);
                assert_int_equal(err.code, GZ_EINVAL);
                assert_non_null(strstr(err.msg, "position 5"));
        }
        assert_int_equal(gz_base32_decode("MZXW6YTB", 8, out, sizeof(out), &out_len, &err), GZ_OK);
        gz_base32_decode("MZ\xC3\xA9", 4, out, sizeof(out), &out_len, &err);
        assert_string_equal(err.msg, "Byte 0xC3 at position 3 is not base32: only the letters "
                                     "A-Z and the digits 2-7 are used.");
        gz_base32_decode("MZ!", 3, out, sizeof(out), &out_len, &err);
        assert_string_equal(err.msg, "'!' at position 3 is not base32: only the letters A-Z "
                                     "and the digits 2-7 are used.");
        /* A NUL byte inside the slice is input like any other. */
        assert_int_equal(gz_base32_decode("MY\0=====", 8, out, sizeof(out), &out_len, &err),
                         GZ_EINVAL);
}

static void
decode_refuses_lengths_no_data_encodes_to(void **state)
{
        (void)state;
        unsigned char out[16];
        size_t out_len = 0;
        struct gz_error err = {0};
        const char *bad[] = {"M", "MZX", "MZXW6Y", "MZXW6YTBO", "M=======", "MZX====="};
        for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
                assert_int_equal(
                    gz_base32_decode(bad[i], strlen(bad[i]), out, sizeof(out), &out_len, &err),
                    GZ_EINVAL);
        assert_non_null(strstr(err.msg, "length"));
}

static void
decode_refuses_wrong_padding(void **state)
{
        (void)state;
        unsigned char out[16];
        size_t out_len = 0;
        const char *bad[] = {"MY=", "MY=======", "MZXW6YQ==", "MZXW6YTB========", "MZXQ==="};
        for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
                assert_int_equal(
                    gz_base32_decode(bad[i], strlen(bad[i]), out, sizeof(out), &out_len, NULL),
                    GZ_EINVAL);
}

static void
decode_refuses_non_canonical_trailing_bits(void **state)
{
        (void)state;
        unsigned char out[16];
        size_t out_len = 0;
        struct gz_error err = {0};
        /* "MY" is "f"; "MZ" would carry a set bit past the byte's end. */
        assert_int_equal(gz_base32_decode("MY", 2, out, sizeof(out), &out_len, &err), GZ_OK);
        assert_int_equal(gz_base32_decode("MZ", 2, out, sizeof(out), &out_len, &err), GZ_EINVAL);
        assert_non_null(strstr(err.msg, "last character"));
        assert_int_equal(gz_base32_decode("MZXW6YR", 7, out, sizeof(out), &out_len, &err),
                         GZ_EINVAL);
        assert_int_equal(gz_base32_decode("MZXW6YQ", 7, out, sizeof(out), &out_len, &err), GZ_OK);
}

static void
decode_writes_nothing_when_it_fails(void **state)
{
        (void)state;
        unsigned char out[8];
        size_t out_len = 77;
        struct gz_error err = {0};
        memset(out, 0xAA, sizeof(out));
        assert_int_equal(gz_base32_decode("MZXW6YTBOI", 10, out, 5, &out_len, &err), GZ_ETOOBIG);
        assert_string_equal(err.msg, "Base32 text decodes to 6 bytes; room for 5.");
        assert_int_equal(gz_base32_decode("MZXW6YTB0I", 10, out, 8, &out_len, &err), GZ_EINVAL);
        for (size_t i = 0; i < sizeof(out); i++)
                assert_int_equal(out[i], 0xAA);
        assert_int_equal(out_len, 77);
        assert_int_equal(gz_base32_decode("MZXW6YTBOI", 10, out, 6, &out_len, &err), GZ_OK);
        assert_int_equal(out_len, 6);
        assert_int_equal(out[6], 0xAA);
        assert_int_equal(gz_base32_decode("", 0, NULL, 0, &out_len, &err), GZ_OK);
        assert_int_equal(out_len, 0);
}

static void
encode_refuses_a_short_buffer(void **state)
{
        (void)state;
        char out[8];
        memset(out, '#', sizeof(out));
        /* "fooba" needs 8 characters and a NUL. */
        assert_int_equal(gz_base32_encode((const unsigned char *)"fooba", 5, out, 8), 0);
        assert_int_equal(out[0], '\0');
        assert_int_equal(gz_base32_encode((const unsigned char *)"fooba", 5, out, 0), 0);
        char exact[9];
        assert_int_equal(gz_base32_encode((const unsigned char *)"fooba", 5, exact, 9), 8);
        assert_string_equal(exact, "MZXW6YTB");
}

static void
every_length_round_trips(void **state)
{
        (void)state;
        for (size_t n = 0; n <= 80; n++) {
                unsigned char in[80], back[80];
                char text[GZ_BASE32_ENCODED_LEN(80) + 1];
                gz_random_bytes(in, n);
                size_t len = gz_base32_encode(in, n, text, sizeof(text));
                assert_int_equal(len, GZ_BASE32_ENCODED_LEN(n));
                size_t back_len = 0;
                assert_int_equal(
                    gz_base32_decode(text, len, back, GZ_BASE32_DECODED_MAX(len), &back_len, NULL),
                    GZ_OK);
                assert_int_equal(back_len, n);
                assert_memory_equal(back, in, n);
        }
        /* All 256 byte values survive. */
        unsigned char all[256], back[256];
        char text[GZ_BASE32_ENCODED_LEN(256) + 1];
        for (int i = 0; i < 256; i++)
                all[i] = (unsigned char)i;
        size_t len = gz_base32_encode(all, 256, text, sizeof(text));
        size_t back_len = 0;
        assert_int_equal(gz_base32_decode(text, len, back, sizeof(back), &back_len, NULL), GZ_OK);
        assert_memory_equal(back, all, 256);
}

static void
totp_secret_is_32_characters(void **state)
{
        (void)state;
        unsigned char secret[GZ_TOTP_SECRET_BYTES];
        char text[GZ_BASE32_ENCODED_LEN(GZ_TOTP_SECRET_BYTES) + 1];
        gz_random_bytes(secret, sizeof(secret));
        assert_int_equal(gz_base32_encode(secret, sizeof(secret), text, sizeof(text)), 32);
        /* The secret in Google's Key URI Format example. */
        unsigned char hello[16];
        size_t n = 0;
        assert_int_equal(gz_base32_decode("JBSWY3DPEHPK3PXP", 16, hello, sizeof(hello), &n, NULL),
                         GZ_OK);
        assert_int_equal(n, 10);
        assert_memory_equal(hello, "Hello!\xde\xad\xbe\xef", 10);
}

int
main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(encode_gives_rfc4648_vectors_without_padding),
            cmocka_unit_test(decode_reads_rfc4648_vectors_padded_unpadded_and_lowercase),
            cmocka_unit_test(decode_ignores_spaces_and_line_breaks),
            cmocka_unit_test(decode_names_the_bad_character_and_where),
            cmocka_unit_test(decode_refuses_lengths_no_data_encodes_to),
            cmocka_unit_test(decode_refuses_wrong_padding),
            cmocka_unit_test(decode_refuses_non_canonical_trailing_bits),
            cmocka_unit_test(decode_writes_nothing_when_it_fails),
            cmocka_unit_test(encode_refuses_a_short_buffer),
            cmocka_unit_test(every_length_round_trips),
            cmocka_unit_test(totp_secret_is_32_characters),
        };
        return cmocka_run_group_tests(tests, NULL, NULL);
}
