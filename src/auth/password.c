/* Password hashing with argon2id (libsodium's crypto_pwhash_str) and the
 * password policy new passwords must meet. */
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "auth.h"

_Static_assert(GZ_PASSWORD_HASH_MAX == crypto_pwhash_STRBYTES, "hash buffer fits libsodium's");

/* 0 means libsodium's INTERACTIVE value; atomics because a test may change
 * the cost while other threads hash. */
static _Atomic unsigned long long cost_opslimit;
static _Atomic size_t cost_memlimit;

static unsigned long long
current_opslimit(void)
{
        unsigned long long ops = atomic_load(&cost_opslimit);
        return ops ? ops : crypto_pwhash_OPSLIMIT_INTERACTIVE;
}

static size_t
current_memlimit(void)
{
        size_t mem = atomic_load(&cost_memlimit);
        return mem ? mem : crypto_pwhash_MEMLIMIT_INTERACTIVE;
}

static void
sodium_ready(void)
{
        if (gz_auth_init(NULL) != GZ_OK) {
                gz_errorf("auth: libsodium could not be initialised");
                abort();
        }
}

enum gz_err
gz_password_set_cost(unsigned long long opslimit, size_t memlimit)
{
        if (opslimit != 0 &&
            (opslimit < crypto_pwhash_opslimit_min() || opslimit > crypto_pwhash_opslimit_max()))
                return GZ_EINVAL;
        if (memlimit != 0 &&
            (memlimit < crypto_pwhash_memlimit_min() || memlimit > crypto_pwhash_memlimit_max()))
                return GZ_EINVAL;
        atomic_store(&cost_opslimit, opslimit);
        atomic_store(&cost_memlimit, memlimit);
        return GZ_OK;
}

enum gz_err
gz_password_hash(const char *password, char out[GZ_PASSWORD_HASH_MAX], struct gz_error *err)
{
        if (password == NULL)
                return gz_fail(err, GZ_EINVAL, "No password was given.");
        size_t len = strnlen(password, GZ_PASSWORD_MAX_BYTES + 1);
        if (len > GZ_PASSWORD_MAX_BYTES)
                return gz_fail(err, GZ_ETOOBIG, "Password is longer than %d bytes.",
                               GZ_PASSWORD_MAX_BYTES);
        sodium_ready();
        if (crypto_pwhash_str(out, password, len, current_opslimit(), current_memlimit()) != 0)
                return gz_fail(err, GZ_ENOMEM, "Not enough memory to hash the password.");
        return GZ_OK;
}

/* Hash strings come from our own database, but a truncated or garbled row
 * must not be read past its end. */
static bool
hash_terminated(const char *hash)
{
        return hash != NULL && strnlen(hash, GZ_PASSWORD_HASH_MAX) < GZ_PASSWORD_HASH_MAX;
}

bool
gz_password_verify(const char *hash, const char *password)
{
        if (!hash_terminated(hash) || password == NULL)
                return false;
        size_t len = strnlen(password, GZ_PASSWORD_MAX_BYTES + 1);
        if (len > GZ_PASSWORD_MAX_BYTES)
                return false;
        sodium_ready();
        return crypto_pwhash_str_verify(hash, password, len) == 0;
}

bool
gz_password_needs_rehash(const char *hash)
{
        if (!hash_terminated(hash))
                return true;
        /* libsodium also accepts argon2i hashes with the same cost; those
         * should move to argon2id too. */
        if (strncmp(hash, crypto_pwhash_argon2id_STRPREFIX,
                    sizeof(crypto_pwhash_argon2id_STRPREFIX) - 1) != 0)
                return true;
        sodium_ready();
        return crypto_pwhash_str_needs_rehash(hash, current_opslimit(), current_memlimit()) != 0;
}

enum gz_err
gz_password_check_policy(const char *password, struct gz_error *err)
{
        if (password == NULL || password[0] == '\0')
                return gz_fail(err, GZ_EINVAL, "Please enter a password.");
        size_t len = strnlen(password, GZ_PASSWORD_MAX_BYTES + 1);
        if (len > GZ_PASSWORD_MAX_BYTES)
                return gz_fail(err, GZ_EINVAL,
                               "The password is too long: the limit is %d bytes, which is at "
                               "least %d characters.",
                               GZ_PASSWORD_MAX_BYTES, GZ_PASSWORD_MAX_BYTES / 4);
        if (!gz_utf8_valid(password, len))
                return gz_fail(err, GZ_EINVAL,
                               "The password contains bytes that are not valid UTF-8 text. "
                               "Type it again, or paste it as plain text.");
        size_t chars = 0;
        for (size_t i = 0; i < len; chars++) {
                uint32_t cp;
                size_t step = gz_utf8_decode(password + i, len - i, &cp);
                if (step == 0)
                        break;
                i += step;
        }
        if (chars < GZ_PASSWORD_MIN_CHARS)
                return gz_fail(
                    err, GZ_EINVAL,
                    "The password must be at least %d characters long; this one has %zu.",
                    GZ_PASSWORD_MIN_CHARS, chars);
        return GZ_OK;
}
