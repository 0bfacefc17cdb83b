/* Unit tests for src/auth/token.c: randomness, session tokens, their hashes
 * and constant-time comparison. */
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <sodium.h>

#include "auth/auth.h"

#define MANY 2000

static int
compare_tokens(const void *a, const void *b)
{
        return strcmp(a, b);
}

static void
token_is_43_base64url_chars_of_32_bytes(void **state)
{
        (void)state;
        char token[GZ_TOKEN_LEN + 1];
        memset(token, '#', sizeof(token));
        gz_token_new(token);
        assert_int_equal(strlen(token), 43);
        assert_int_equal(strspn(token, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                                       "0123456789-_"),
                         43);
        assert_true(gz_token_wellformed(token, strlen(token)));
        unsigned char raw[64];
        size_t raw_len = 0;
        assert_int_equal(sodium_base642bin(raw, sizeof(raw), token, strlen(token), NULL, &raw_len,
                                           NULL, sodium_base64_VARIANT_URLSAFE_NO_PADDING),
                         0);
        assert_int_equal(raw_len, GZ_TOKEN_BYTES);
}

static void
tokens_do_not_repeat(void **state)
{
        (void)state;
        char(*tokens)[GZ_TOKEN_LEN + 1] = calloc(MANY, sizeof(*tokens));
        assert_non_null(tokens);
        for (size_t i = 0; i < MANY; i++)
                gz_token_new(tokens[i]);
        qsort(tokens, MANY, sizeof(*tokens), compare_tokens);
        for (size_t i = 1; i < MANY; i++)
                assert_string_not_equal(tokens[i - 1], tokens[i]);
        free(tokens);
}

static void
token_hash_is_hex_sha256(void **state)
{
        (void)state;
        char hash[GZ_TOKEN_HASH_LEN + 1];
        /* FIPS 180-2 example "abc". */
        gz_token_hash("abc", hash);
        assert_string_equal(hash,
                            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        gz_token_hash("", hash);
        assert_string_equal(hash,
                            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        char token[GZ_TOKEN_LEN + 1], again[GZ_TOKEN_HASH_LEN + 1];
        gz_token_new(token);
        gz_token_hash(token, hash);
        gz_token_hash(token, again);
        assert_string_equal(hash, again);
        assert_int_equal(strlen(hash), 64);
}

static void
wellformed_refuses_other_shapes(void **state)
{
        (void)state;
        const char *good = "_-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAw";
        const char *bad[] = {
            "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",   /* 42 */
            "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", /* 44 */
            "AAAAAAAAAAAAAAAAAAAAA+AAAAAAAAAAAAAAAAAAAAA",  /* standard base64 */
            "AAAAAAAAAAAAAAAAAAAAA/AAAAAAAAAAAAAAAAAAAAA",
            "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", /* padding */
            "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA A", /* a space */
            "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAB", /* bits past 256 set */
        };
        assert_true(gz_token_wellformed(good, strlen(good)));
        for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
                assert_false(gz_token_wellformed(bad[i], strlen(bad[i])));
        assert_false(gz_token_wellformed(NULL, 43));
        /* A NUL inside the counted bytes is not a token either. */
        char with_nul[GZ_TOKEN_LEN];
        memcpy(with_nul, good, GZ_TOKEN_LEN);
        with_nul[10] = '\0';
        assert_false(gz_token_wellformed(with_nul, GZ_TOKEN_LEN));
}

static void
secure_eq_compares_every_byte(void **state)
{
        (void)state;
        unsigned char a[100], b[100];
        for (size_t i = 0; i < sizeof(a); i++)
                a[i] = b[i] = (unsigned char)i;
        assert_true(gz_secure_eq(a, b, sizeof(a)));
        for (size_t i = 0; i < sizeof(a); i++) {
                b[i] ^= 0x80;
                assert_false(gz_secure_eq(a, b, sizeof(a)));
                b[i] ^= 0x80;
        }
        assert_true(gz_secure_eq(a, b, 0));
        assert_true(gz_secure_eq("abc", "abd", 2));
}

static void
random_bytes_fill_the_buffer(void **state)
{
        (void)state;
        unsigned char a[64], b[64], zero[64] = {0};
        memset(a, 0, sizeof(a));
        memset(b, 0, sizeof(b));
        gz_random_bytes(a, sizeof(a));
        gz_random_bytes(b, sizeof(b));
        assert_memory_not_equal(a, zero, sizeof(a));
        assert_memory_not_equal(a, b, sizeof(a));
        /* Both halves are filled, not just a prefix. */
        assert_memory_not_equal(a + 32, zero, 32);
        gz_random_bytes(a, 0);
}

static void
secure_zero_wipes(void **state)
{
        (void)state;
        char secret[32];
        memset(secret, 'S', sizeof(secret));
        gz_secure_zero(secret, sizeof(secret));
        for (size_t i = 0; i < sizeof(secret); i++)
                assert_int_equal(secret[i], 0);
        gz_secure_zero(NULL, 0);
}

static void
init_reports_success_and_is_idempotent(void **state)
{
        (void)state;
        struct gz_error err = {0};
        assert_int_equal(gz_auth_init(&err), GZ_OK);
        assert_int_equal(gz_auth_init(&err), GZ_OK);
        assert_int_equal(gz_auth_init(NULL), GZ_OK);
}

static void *
tokens_in_thread(void *arg)
{
        char(*out)[GZ_TOKEN_LEN + 1] = arg;
        for (size_t i = 0; i < 100; i++)
                gz_token_new(out[i]);
        return NULL;
}

static void
tokens_from_many_threads_are_distinct(void **state)
{
        (void)state;
        enum { THREADS = 8, EACH = 100 };
        char(*tokens)[GZ_TOKEN_LEN + 1] = calloc(THREADS * EACH, sizeof(*tokens));
        assert_non_null(tokens);
        pthread_t threads[THREADS];
        for (size_t i = 0; i < THREADS; i++)
                assert_int_equal(
                    pthread_create(&threads[i], NULL, tokens_in_thread, tokens + i * EACH), 0);
        for (size_t i = 0; i < THREADS; i++)
                assert_int_equal(pthread_join(threads[i], NULL), 0);
        qsort(tokens, THREADS * EACH, sizeof(*tokens), compare_tokens);
        for (size_t i = 0; i < THREADS * EACH; i++) {
                assert_true(gz_token_wellformed(tokens[i], strlen(tokens[i])));
                if (i > 0)
                        assert_string_not_equal(tokens[i - 1], tokens[i]);
        }
        free(tokens);
}

int
main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(token_is_43_base64url_chars_of_32_bytes),
            cmocka_unit_test(tokens_do_not_repeat),
            cmocka_unit_test(token_hash_is_hex_sha256),
            cmocka_unit_test(wellformed_refuses_other_shapes),
            cmocka_unit_test(secure_eq_compares_every_byte),
            cmocka_unit_test(random_bytes_fill_the_buffer),
            cmocka_unit_test(secure_zero_wipes),
            cmocka_unit_test(init_reports_success_and_is_idempotent),
            cmocka_unit_test(tokens_from_many_threads_are_distinct),
        };
        return cmocka_run_group_tests(tests, NULL, NULL);
}
