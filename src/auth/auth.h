/* Gazette auth: the cryptographic building blocks of signing in. Password
 * hashing, session tokens, base32, HOTP/TOTP second factors, recovery codes
 * and the QR code that enrols an authenticator app. No HTTP, no SQL. */
#ifndef GZ_AUTH_H
#define GZ_AUTH_H

#include "../core/core.h"

/* Initialises libsodium once, safe to call from any thread. The functions
 * below that need libsodium call it themselves (and abort if randomness is
 * unavailable); the server calls it at start-up so that such a failure is
 * reported with a message instead. */
enum gz_err gz_auth_init(struct gz_error *err);

/* ---- passwords: argon2id in libsodium's string format ---------------- */

/* Room for a hash string with its NUL (crypto_pwhash_STRBYTES). */
#define GZ_PASSWORD_HASH_MAX 128
#define GZ_PASSWORD_MIN_CHARS 12   /* Unicode code points */
#define GZ_PASSWORD_MAX_BYTES 1024 /* bounds the work an attacker can ask for */

/* Sets the argon2id cost of new hashes; 0 for either restores libsodium's
 * INTERACTIVE default. Tests lower it; the server leaves it alone. Values
 * outside libsodium's limits give GZ_EINVAL and change nothing. */
enum gz_err gz_password_set_cost(unsigned long long opslimit, size_t memlimit);
/* Hashes any password of at most GZ_PASSWORD_MAX_BYTES; the policy is the
 * caller's business (gz_password_check_policy) so old passwords still hash. */
enum gz_err gz_password_hash(const char *password, char out[GZ_PASSWORD_HASH_MAX],
                             struct gz_error *err);
/* False for a wrong password and for anything that is not a hash we know. */
bool gz_password_verify(const char *hash, const char *password);
/* True when a verified hash was made with another algorithm or cost than
 * new hashes get now (or is not a hash at all): hash the password again. */
bool gz_password_needs_rehash(const char *hash);
/* At least GZ_PASSWORD_MIN_CHARS code points, at most GZ_PASSWORD_MAX_BYTES
 * bytes, valid UTF-8. The message says what to change. */
enum gz_err gz_password_check_policy(const char *password, struct gz_error *err);

/* ---- random tokens ---------------------------------------------------- */

#define GZ_TOKEN_BYTES 32    /* 256 bits */
#define GZ_TOKEN_LEN 43      /* base64url without padding */
#define GZ_TOKEN_HASH_LEN 64 /* hexadecimal SHA-256 */

/* Cryptographically secure random bytes (libsodium randombytes_buf). */
void gz_random_bytes(void *buf, size_t n);
/* A new session or API token: 256 random bits, base64url, no padding. */
void gz_token_new(char out[GZ_TOKEN_LEN + 1]);
/* True when s (n bytes, untrusted) has the shape gz_token_new() gives, so
 * garbage cookies are turned away before any lookup. */
bool gz_token_wellformed(const char *s, size_t n);
/* Lowercase hexadecimal SHA-256 of a token: what sessions store, so a copy of
 * the database does not hand out live tokens. */
void gz_token_hash(const char *token, char out[GZ_TOKEN_HASH_LEN + 1]);
/* Compares n bytes in time that depends only on n. */
bool gz_secure_eq(const void *a, const void *b, size_t n);
/* Wipes a secret in a way the compiler does not optimise away. */
void gz_secure_zero(void *p, size_t n);

/* ---- recovery codes ---------------------------------------------------- */

/* "k7m2-9xqf-4tzp": 12 characters of Crockford's base32 alphabet (digits and
 * lowercase letters without i, l, o, u), 60 random bits, in three groups. */
#define GZ_RECOVERY_CODE_LEN 14

void gz_recovery_code_new(char out[GZ_RECOVERY_CODE_LEN + 1]);
/* Turns what a user typed (any case, spaces, dashes, o for 0, i or l for 1)
 * into the canonical "xxxx-xxxx-xxxx" form, or GZ_EINVAL with a message.
 * Store and compare the canonical form's gz_token_hash(). */
enum gz_err gz_recovery_code_normalize(const char *in, size_t n, char out[GZ_RECOVERY_CODE_LEN + 1],
                                       struct gz_error *err);

/* ---- base32 (RFC 4648) ------------------------------------------------- */

#define GZ_BASE32_ENCODED_LEN(n) (((n)*8 + 4) / 5) /* without padding or NUL */
#define GZ_BASE32_DECODED_MAX(n) ((n)*5 / 8)

/* Encodes n bytes as uppercase base32 without padding and a NUL. Returns the
 * number of characters written, or 0 (and writes nothing but an empty string
 * when there is room for one) when out_size is below
 * GZ_BASE32_ENCODED_LEN(n) + 1. */
size_t gz_base32_encode(const unsigned char *in, size_t n, char *out, size_t out_size);
/* Decodes n bytes of untrusted text: any case, spaces, tabs and line breaks
 * anywhere, '=' padding optional but only at the end. Rejects characters
 * outside the alphabet, impossible lengths and non-zero trailing bits (so
 * every accepted text has one canonical form). GZ_ETOOBIG if out_size is too
 * small; out is only written when the whole text is valid. */
enum gz_err gz_base32_decode(const char *in, size_t n, unsigned char *out, size_t out_size,
                             size_t *out_len, struct gz_error *err);

/* ---- HOTP (RFC 4226) and TOTP (RFC 6238) ------------------------------- */

enum gz_totp_algo { GZ_TOTP_SHA1, GZ_TOTP_SHA256, GZ_TOTP_SHA512, GZ_TOTP__MAX };

#define GZ_OTP_INVALID UINT32_MAX /* bad arguments; never a real code */
#define GZ_HOTP_MAC_MAX 64        /* HMAC-SHA-512 */
#define GZ_TOTP_SECRET_BYTES 20   /* 160 bits, RFC 4226's recommendation */
#define GZ_TOTP_STEP 30
#define GZ_TOTP_DIGITS 6
#define GZ_TOTP_WINDOW_MAX 10
#define GZ_TOTP_UNUSED (-1) /* a last_used_step before any code was accepted */

/* "SHA1", "SHA256", "SHA512" as otpauth URIs spell them; NULL if out of range. */
const char *gz_totp_algo_name(enum gz_totp_algo algo);

/* HMAC(key, 8-byte big-endian counter) into mac; returns its length, 0 on
 * bad arguments. The first step of HOTP, public for the RFC's test values. */
size_t gz_hotp_hmac(const unsigned char *key, size_t key_len, uint64_t counter,
                    enum gz_totp_algo algo, unsigned char mac[GZ_HOTP_MAC_MAX]);
/* RFC 4226 dynamic truncation: a 31-bit number, GZ_OTP_INVALID if mac_len < 20. */
uint32_t gz_hotp_truncate(const unsigned char *mac, size_t mac_len);
/* The code as a number (print it with "%0*u", digits); digits is 6 to 9.
 * GZ_OTP_INVALID on bad arguments (empty key, digits, algo). */
uint32_t gz_hotp(const unsigned char *key, size_t key_len, uint64_t counter, int digits,
                 enum gz_totp_algo algo);
/* HOTP of floor((unix_time - t0) / step); GZ_OTP_INVALID also when
 * unix_time < t0 or step <= 0. */
uint32_t gz_totp(const unsigned char *key, size_t key_len, int64_t unix_time, int step, int64_t t0,
                 int digits, enum gz_totp_algo algo);
/* Checks a 6-digit SHA1, 30-second code typed by a user (spaces ignored)
 * against the steps within window_steps (0 to GZ_TOTP_WINDOW_MAX) of
 * unix_time, in constant time. A step at or before *last_used_step is refused
 * so a code cannot be replayed; on success *last_used_step becomes the step
 * that matched and the caller must store it before answering. Start it at
 * GZ_TOTP_UNUSED. */
bool gz_totp_verify(const unsigned char *key, size_t key_len, const char *code, int64_t unix_time,
                    int window_steps, int64_t *last_used_step);
/* Appends "otpauth://totp/Issuer:account?secret=...&issuer=Issuer&..." for
 * SHA1, 6 digits, 30 s, percent-encoding issuer and account as UTF-8.
 * GZ_EINVAL (nothing appended) if issuer or account is empty, longer than 256
 * bytes, not UTF-8 or contains ':', or the secret is not unpadded uppercase
 * base32. */
enum gz_err gz_totp_uri(struct gz_buf *out, const char *issuer, const char *account,
                        const char *secret_base32, struct gz_error *err);

/* ---- QR code for enrolment ----------------------------------------------- */

/* A standalone SVG of text as a QR code (level M, 8-bit mode): one <path> of
 * the dark modules on a white square with a 4-module quiet zone, one SVG unit
 * per module. GZ_ETOOBIG if text does not fit in a QR code. */
enum gz_err gz_qr_svg(const char *text, struct gz_buf *out, struct gz_error *err);

#endif
