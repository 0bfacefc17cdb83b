/* Randomness, session tokens and constant-time helpers on libsodium, and the
 * one place libsodium is initialised. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "auth.h"

_Static_assert(GZ_TOKEN_LEN + 1 ==
                   sodium_base64_ENCODED_LEN(GZ_TOKEN_BYTES,
                                             sodium_base64_VARIANT_URLSAFE_NO_PADDING),
               "token length matches base64url of GZ_TOKEN_BYTES");
_Static_assert(GZ_TOKEN_HASH_LEN == crypto_hash_sha256_BYTES * 2, "token hash is hex SHA-256");

static pthread_once_t sodium_once = PTHREAD_ONCE_INIT;
static int sodium_status = -1;

static void
sodium_start(void)
{
        sodium_status = sodium_init() < 0 ? -1 : 0;
}

enum gz_err
gz_auth_init(struct gz_error *err)
{
        pthread_once(&sodium_once, sodium_start);
        if (sodium_status != 0)
                return gz_fail(err, GZ_EIO,
                               "libsodium could not be initialised "
                               "(no source of secure randomness)");
        return GZ_OK;
}

/* Randomness that silently failed would mint guessable tokens; stopping the
 * process is the only safe answer. */
static void
sodium_ready(void)
{
        if (gz_auth_init(NULL) != GZ_OK) {
                gz_errorf("auth: libsodium could not be initialised");
                abort();
        }
}

void
gz_random_bytes(void *buf, size_t n)
{
        sodium_ready();
        randombytes_buf(buf, n);
}

void
gz_token_new(char out[GZ_TOKEN_LEN + 1])
{
        unsigned char raw[GZ_TOKEN_BYTES];
        gz_random_bytes(raw, sizeof(raw));
        sodium_bin2base64(out, GZ_TOKEN_LEN + 1, raw, sizeof(raw),
                          sodium_base64_VARIANT_URLSAFE_NO_PADDING);
        sodium_memzero(raw, sizeof(raw));
}

bool
gz_token_wellformed(const char *s, size_t n)
{
        if (s == NULL || n != GZ_TOKEN_LEN)
                return false;
        for (size_t i = 0; i < n; i++) {
                char c = s[i];
                if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                      c == '-' || c == '_'))
                        return false;
        }
        /* 43 characters carry 258 bits; the last one's low 2 bits are padding
         * and zero in every token we make. */
        static const char alphabet[] =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        size_t last = (size_t)(strchr(alphabet, s[n - 1]) - alphabet);
        return (last & 3) == 0;
}

void
gz_token_hash(const char *token, char out[GZ_TOKEN_HASH_LEN + 1])
{
        unsigned char digest[crypto_hash_sha256_BYTES];
        sodium_ready();
        crypto_hash_sha256(digest, (const unsigned char *)token, strlen(token));
        gz_hex(digest, sizeof(digest), out);
}

bool
gz_secure_eq(const void *a, const void *b, size_t n)
{
        if (n == 0)
                return true;
        sodium_ready();
        return sodium_memcmp(a, b, n) == 0;
}

void
gz_secure_zero(void *p, size_t n)
{
        if (n != 0)
                sodium_memzero(p, n);
}
