/* Unit tests for src/auth/recovery.c: making recovery codes and reading them
 * back from what users type. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <cmocka.h>

#include "auth/auth.h"

static const char alphabet[] = "0123456789abcdefghjkmnpqrstvwxyz";

static void
new_code_is_three_groups_of_four_without_look_alikes(void **state)
{
        (void)state;
        for (int n = 0; n < 200; n++) {
                char code[GZ_RECOVERY_CODE_LEN + 1];
                gz_recovery_code_new(code);
                assert_int_equal(strlen(code), 14);
                assert_int_equal(code[4], '-');
                assert_int_equal(code[9], '-');
                for (int i = 0; i < 14; i++) {
                        if (i == 4 || i == 9)
                                continue;
                        assert_non_null(strchr(alphabet, code[i]));
                        assert_null(strchr("ilou", code[i]));
                }
                /* A fresh code is already in canonical form. */
                char again[GZ_RECOVERY_CODE_LEN + 1];
                assert_int_equal(gz_recovery_code_normalize(code, strlen(code), again, NULL),
                                 GZ_OK);
                assert_string_equal(again, code);
        }
}

static void
codes_use_every_symbol_and_do_not_repeat(void **state)
{
        (void)state;
        enum { CODES = 2000 };
        static char codes[CODES][GZ_RECOVERY_CODE_LEN + 1];
        unsigned counts[32] = {0};
        for (int n = 0; n < CODES; n++) {
                gz_recovery_code_new(codes[n]);
                for (int i = 0; i < 14; i++)
                        if (codes[n][i] != '-')
                                counts[strchr(alphabet, codes[n][i]) - alphabet]++;
                for (int m = 0; m < n; m++)
                        assert_string_not_equal(codes[m], codes[n]);
        }
        /* 24000 draws, 750 expected per symbol; a biased or short alphabet
         * lands far outside this band. */
        for (int s = 0; s < 32; s++) {
                assert_in_range(counts[s], 550, 950);
        }
}

static void
normalize_accepts_what_people_type(void **state)
{
        (void)state;
        char out[GZ_RECOVERY_CODE_LEN + 1];
        const char *typed[] = {
            "k7m2-9xqf-4tzp",    "K7M2-9XQF-4TZP",   "k7m2 9xqf 4tzp",          "k7m29xqf4tzp",
            " k7m2--9xqf-4tzp ", "K7M2\t9XQF\t4TZP", "k 7 m 2 9 x q f 4 t z p",
        };
        for (size_t i = 0; i < sizeof(typed) / sizeof(typed[0]); i++) {
                memset(out, '#', sizeof(out));
                assert_int_equal(gz_recovery_code_normalize(typed[i], strlen(typed[i]), out, NULL),
                                 GZ_OK);
                assert_string_equal(out, "k7m2-9xqf-4tzp");
        }
        /* Letters that look like digits are read as those digits. */
        assert_int_equal(gz_recovery_code_normalize("oOiI-lL01-2345", 14, out, NULL), GZ_OK);
        assert_string_equal(out, "0011-1101-2345");
}

static void
normalize_refuses_what_cannot_be_a_code(void **state)
{
        (void)state;
        char out[GZ_RECOVERY_CODE_LEN + 1];
        struct gz_error err = {0};
        const char *bad[] = {
            "k7m2-9xqf-4tz",         /* 11 characters */
            "k7m2-9xqf-4tzpp",       /* 13 */
            "",                      /* nothing */
            "k7m2-9xqf-4tzu",        /* u is not in the alphabet */
            "k7m2_9xqf_4tzp",        /* other punctuation */
            "k7m2-9xqf-4tz\xc3\xa9", /* non-ASCII */
        };
        for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
                gz_error_clear(&err);
                assert_int_equal(gz_recovery_code_normalize(bad[i], strlen(bad[i]), out, &err),
                                 GZ_EINVAL);
                assert_int_equal(err.code, GZ_EINVAL);
                assert_true(strlen(err.msg) > 10);
        }
        char long_input[200];
        memset(long_input, '-', sizeof(long_input));
        memcpy(long_input, "k7m29xqf4tzp", 12);
        assert_int_equal(gz_recovery_code_normalize(long_input, sizeof(long_input), out, &err),
                         GZ_EINVAL);
        assert_int_equal(gz_recovery_code_normalize(NULL, 0, out, &err), GZ_EINVAL);
        /* The input is a counted slice: bytes after n are not read. */
        assert_int_equal(gz_recovery_code_normalize("k7m2-9xqf-4tzpXXXX", 14, out, &err), GZ_OK);
        assert_string_equal(out, "k7m2-9xqf-4tzp");
}

static void
normalized_codes_hash_alike(void **state)
{
        (void)state;
        char code[GZ_RECOVERY_CODE_LEN + 1], typed[GZ_RECOVERY_CODE_LEN + 1];
        char stored[GZ_TOKEN_HASH_LEN + 1], offered[GZ_TOKEN_HASH_LEN + 1];
        gz_recovery_code_new(code);
        gz_token_hash(code, stored);
        char upper[32];
        for (size_t i = 0; i <= strlen(code); i++)
                upper[i] = (code[i] >= 'a' && code[i] <= 'z') ? (char)(code[i] - 32) : code[i];
        assert_int_equal(gz_recovery_code_normalize(upper, strlen(upper), typed, NULL), GZ_OK);
        gz_token_hash(typed, offered);
        assert_true(gz_secure_eq(stored, offered, GZ_TOKEN_HASH_LEN));
}

int
main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(new_code_is_three_groups_of_four_without_look_alikes),
            cmocka_unit_test(codes_use_every_symbol_and_do_not_repeat),
            cmocka_unit_test(normalize_accepts_what_people_type),
            cmocka_unit_test(normalize_refuses_what_cannot_be_a_code),
            cmocka_unit_test(normalized_codes_hash_alike),
        };
        return cmocka_run_group_tests(tests, NULL, NULL);
}
