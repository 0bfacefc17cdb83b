/* Unit tests for src/auth/password.c: argon2id hashing, rehash decisions and
 * the password policy. */
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <sodium.h>

#include "auth/auth.h"

/* The cheapest cost libsodium allows, so the suite stays fast; the tests
 * that are about the default cost set it back themselves. */
static int
cheap_cost(void **state)
{
        (void)state;
        assert_int_equal(
            gz_password_set_cost(crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN), GZ_OK);
        return 0;
}

static void
hash_verifies_the_right_password_only(void **state)
{
        (void)state;
        char hash[GZ_PASSWORD_HASH_MAX];
        struct gz_error err = {0};
        assert_int_equal(gz_password_hash("correct horse battery staple", hash, &err), GZ_OK);
        assert_true(gz_password_verify(hash, "correct horse battery staple"));
        assert_false(gz_password_verify(hash, "correct horse battery stapl"));
        assert_false(gz_password_verify(hash, "Correct horse battery staple"));
        assert_false(gz_password_verify(hash, ""));
        assert_false(gz_password_verify(hash, NULL));
}

static void
hash_is_argon2id_and_salted(void **state)
{
        (void)state;
        char a[GZ_PASSWORD_HASH_MAX], b[GZ_PASSWORD_HASH_MAX];
        assert_int_equal(gz_password_hash("same password twice", a, NULL), GZ_OK);
        assert_int_equal(gz_password_hash("same password twice", b, NULL), GZ_OK);
        assert_memory_equal(a, "$argon2id$v=19$", 15);
        assert_string_not_equal(a, b);
        assert_true(gz_password_verify(a, "same password twice"));
        assert_true(gz_password_verify(b, "same password twice"));
}

static void
non_ascii_passwords_hash_and_verify(void **state)
{
        (void)state;
        char hash[GZ_PASSWORD_HASH_MAX];
        const char *persian =
            "\u0631\u0645\u0632 \u0639\u0628\u0648\u0631 \u0645\u0646 \u0627\u06cc\u0646\u0647";
        assert_int_equal(gz_password_hash(persian, hash, NULL), GZ_OK);
        assert_true(gz_password_verify(hash, persian));
        assert_false(gz_password_verify(hash, "\u0631\u0645\u0632"));
}

static void
default_cost_is_interactive(void **state)
{
        (void)state;
        char hash[GZ_PASSWORD_HASH_MAX];
        assert_int_equal(gz_password_set_cost(0, 0), GZ_OK);
        assert_int_equal(gz_password_hash("a password at the default cost", hash, NULL), GZ_OK);
        char expected[64];
        snprintf(expected, sizeof(expected), "$m=%zu,t=%llu,p=1$",
                 (size_t)crypto_pwhash_MEMLIMIT_INTERACTIVE / 1024,
                 (unsigned long long)crypto_pwhash_OPSLIMIT_INTERACTIVE);
        assert_non_null(strstr(hash, expected));
        assert_false(gz_password_needs_rehash(hash));
        assert_true(gz_password_verify(hash, "a password at the default cost"));

        /* A cheaper cost for new hashes makes the old ones due for rehashing. */
        cheap_cost(NULL);
        assert_true(gz_password_needs_rehash(hash));
        assert_true(gz_password_verify(hash, "a password at the default cost"));
}

static void
needs_rehash_for_other_algorithms_and_garbage(void **state)
{
        (void)state;
        char hash[GZ_PASSWORD_HASH_MAX];
        assert_int_equal(gz_password_hash("fresh hash at current cost", hash, NULL), GZ_OK);
        assert_false(gz_password_needs_rehash(hash));

        /* argon2i with the very same cost still verifies but should move on. */
        char argon2i[crypto_pwhash_STRBYTES];
        const char *pw = "an older argon2i password";
        assert_int_equal(
            crypto_pwhash_str_alg(argon2i, pw, strlen(pw), crypto_pwhash_argon2i_OPSLIMIT_MIN,
                                  crypto_pwhash_argon2i_MEMLIMIT_MIN, crypto_pwhash_ALG_ARGON2I13),
            0);
        assert_memory_equal(argon2i, "$argon2i$", 9);
        assert_true(gz_password_verify(argon2i, pw));
        assert_true(gz_password_needs_rehash(argon2i));

        assert_true(gz_password_needs_rehash(NULL));
        assert_true(gz_password_needs_rehash(""));
        assert_true(gz_password_needs_rehash("$2y$10$abcdefghijklmnopqrstuv"));
}

static void
verify_refuses_garbage_and_unterminated_hashes(void **state)
{
        (void)state;
        assert_false(gz_password_verify(NULL, "whatever password"));
        assert_false(gz_password_verify("", "whatever password"));
        assert_false(gz_password_verify("$argon2id$v=19$m=8,t=1,p=1$bad", "whatever password"));
        /* A hash buffer with no NUL inside it must not be read past its end. */
        char *unterminated = malloc(GZ_PASSWORD_HASH_MAX);
        assert_non_null(unterminated);
        memset(unterminated, 'a', GZ_PASSWORD_HASH_MAX);
        assert_false(gz_password_verify(unterminated, "whatever password"));
        assert_true(gz_password_needs_rehash(unterminated));
        free(unterminated);
}

static void
over_long_passwords_are_refused(void **state)
{
        (void)state;
        char *pw = malloc(GZ_PASSWORD_MAX_BYTES + 2);
        assert_non_null(pw);
        memset(pw, 'x', GZ_PASSWORD_MAX_BYTES);
        pw[GZ_PASSWORD_MAX_BYTES] = '\0';
        char hash[GZ_PASSWORD_HASH_MAX];
        assert_int_equal(gz_password_hash(pw, hash, NULL), GZ_OK);
        assert_true(gz_password_verify(hash, pw));

        pw[GZ_PASSWORD_MAX_BYTES] = 'x';
        pw[GZ_PASSWORD_MAX_BYTES + 1] = '\0';
        struct gz_error err = {0};
        assert_int_equal(gz_password_hash(pw, hash, &err), GZ_ETOOBIG);
        assert_int_equal(err.code, GZ_ETOOBIG);
        assert_non_null(strstr(err.msg, "1024"));
        /* Its 1024-byte prefix's hash must not accept it either. */
        pw[GZ_PASSWORD_MAX_BYTES] = '\0';
        assert_int_equal(gz_password_hash(pw, hash, NULL), GZ_OK);
        pw[GZ_PASSWORD_MAX_BYTES] = 'x';
        assert_false(gz_password_verify(hash, pw));
        assert_int_equal(gz_password_hash(NULL, hash, &err), GZ_EINVAL);
        free(pw);
}

static void
set_cost_rejects_values_outside_libsodium_limits(void **state)
{
        (void)state;
        assert_int_equal(gz_password_set_cost(crypto_pwhash_opslimit_max() + 1ULL, 0), GZ_EINVAL);
        assert_int_equal(gz_password_set_cost(0, crypto_pwhash_MEMLIMIT_MIN - 1), GZ_EINVAL);
        /* A refused change leaves the cost as it was (the cheap one). */
        char hash[GZ_PASSWORD_HASH_MAX];
        assert_int_equal(gz_password_hash("still the cheap cost", hash, NULL), GZ_OK);
        assert_non_null(strstr(hash, "$m=8,t=1,p=1$"));
}

static void
policy_counts_code_points_not_bytes(void **state)
{
        (void)state;
        struct gz_error err = {0};
        assert_int_equal(gz_password_check_policy("abcdefghijkl", &err), GZ_OK);
        assert_int_equal(gz_password_check_policy("abcdefghijk", &err), GZ_EINVAL);
        assert_string_equal(err.msg,
                            "The password must be at least 12 characters long; this one has 11.");
        /* Twelve Persian letters are 24 bytes and pass; eleven emoji are 44
         * bytes and do not. */
        assert_int_equal(gz_password_check_policy("\u0627\u0628\u067e\u062a\u062b\u062c\u0686"
                                                  "\u062d\u062e\u062f\u0630\u0631",
                                                  &err),
                         GZ_OK);
        gz_error_clear(&err);
        char emoji[64] = "";
        for (int i = 0; i < 11; i++)
                strcat(emoji, "\U0001F512");
        assert_int_equal(strlen(emoji), 44);
        assert_int_equal(gz_password_check_policy(emoji, &err), GZ_EINVAL);
        assert_non_null(strstr(err.msg, "this one has 11"));
        strcat(emoji, "\U0001F511");
        assert_int_equal(gz_password_check_policy(emoji, &err), GZ_OK);
}

static void
policy_refuses_invalid_utf8(void **state)
{
        (void)state;
        struct gz_error err = {0};
        const char *bad[] = {
            "long enough pass\xff",             /* a byte that is never UTF-8 */
            "long enough pass\xc3",             /* cut short */
            "long enough pass\xc0\xaf",         /* overlong '/' */
            "long enough pass\xed\xa0\x80",     /* a UTF-16 surrogate */
            "long enough pass\xf4\x90\x80\x80", /* above U+10FFFF */
        };
        for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
                gz_error_clear(&err);
                assert_int_equal(gz_password_check_policy(bad[i], &err), GZ_EINVAL);
                assert_non_null(strstr(err.msg, "not valid UTF-8"));
        }
}

static void
policy_refuses_empty_and_over_long(void **state)
{
        (void)state;
        struct gz_error err = {0};
        assert_int_equal(gz_password_check_policy(NULL, &err), GZ_EINVAL);
        assert_string_equal(err.msg, "Please enter a password.");
        assert_int_equal(gz_password_check_policy("", &err), GZ_EINVAL);

        char *pw = malloc(GZ_PASSWORD_MAX_BYTES + 2);
        assert_non_null(pw);
        memset(pw, 'y', GZ_PASSWORD_MAX_BYTES + 1);
        pw[GZ_PASSWORD_MAX_BYTES + 1] = '\0';
        assert_int_equal(gz_password_check_policy(pw, &err), GZ_EINVAL);
        assert_string_equal(err.msg, "The password is too long: the limit is 1024 bytes, which is "
                                     "at least 256 characters.");
        pw[GZ_PASSWORD_MAX_BYTES] = '\0';
        assert_int_equal(gz_password_check_policy(pw, &err), GZ_OK);
        free(pw);
}

static void *
hash_in_thread(void *arg)
{
        char hash[GZ_PASSWORD_HASH_MAX];
        const char *pw = arg;
        if (gz_password_hash(pw, hash, NULL) != GZ_OK || !gz_password_verify(hash, pw))
                return (void *)1;
        return NULL;
}

static void
hashing_works_from_many_threads(void **state)
{
        (void)state;
        pthread_t threads[8];
        for (size_t i = 0; i < 8; i++)
                assert_int_equal(
                    pthread_create(&threads[i], NULL, hash_in_thread, "password from a thread"), 0);
        for (size_t i = 0; i < 8; i++) {
                void *result;
                assert_int_equal(pthread_join(threads[i], &result), 0);
                assert_null(result);
        }
}

int
main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test_setup(hash_verifies_the_right_password_only, cheap_cost),
            cmocka_unit_test_setup(hash_is_argon2id_and_salted, cheap_cost),
            cmocka_unit_test_setup(non_ascii_passwords_hash_and_verify, cheap_cost),
            cmocka_unit_test(default_cost_is_interactive),
            cmocka_unit_test_setup(needs_rehash_for_other_algorithms_and_garbage, cheap_cost),
            cmocka_unit_test_setup(verify_refuses_garbage_and_unterminated_hashes, cheap_cost),
            cmocka_unit_test_setup(over_long_passwords_are_refused, cheap_cost),
            cmocka_unit_test_setup(set_cost_rejects_values_outside_libsodium_limits, cheap_cost),
            cmocka_unit_test(policy_counts_code_points_not_bytes),
            cmocka_unit_test(policy_refuses_invalid_utf8),
            cmocka_unit_test(policy_refuses_empty_and_over_long),
            cmocka_unit_test_setup(hashing_works_from_many_threads, cheap_cost),
        };
        return cmocka_run_group_tests(tests, NULL, NULL);
}
