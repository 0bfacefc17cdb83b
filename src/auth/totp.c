/* One-time passwords: HOTP (RFC 4226) and TOTP (RFC 6238) on OpenSSL's HMAC,
 * checking what a user typed, and the otpauth:// URI that enrols an app. */
#include <limits.h>
#include <string.h>

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include "auth.h"
#include "../render/render.h"

#define URI_PART_MAX 256
#define URI_SECRET_MAX 128
#define CODE_INPUT_MAX 64

static const char *const algo_names[GZ_TOTP__MAX] = {
    [GZ_TOTP_SHA1] = "SHA1",
    [GZ_TOTP_SHA256] = "SHA256",
    [GZ_TOTP_SHA512] = "SHA512",
};

static const uint32_t powers_of_ten[] = {1,      10,      100,      1000,      10000,
                                         100000, 1000000, 10000000, 100000000, 1000000000};

const char *
gz_totp_algo_name(enum gz_totp_algo algo)
{
        if ((unsigned)algo >= GZ_TOTP__MAX)
                return NULL;
        return algo_names[algo];
}

static const EVP_MD *
algo_md(enum gz_totp_algo algo)
{
        switch (algo) {
        case GZ_TOTP_SHA1:
                return EVP_sha1();
        case GZ_TOTP_SHA256:
                return EVP_sha256();
        case GZ_TOTP_SHA512:
                return EVP_sha512();
        case GZ_TOTP__MAX:
                break;
        }
        return NULL;
}

size_t
gz_hotp_hmac(const unsigned char *key, size_t key_len, uint64_t counter, enum gz_totp_algo algo,
             unsigned char mac[GZ_HOTP_MAC_MAX])
{
        const EVP_MD *md = algo_md(algo);
        if (md == NULL || key == NULL || key_len == 0 || key_len > INT_MAX)
                return 0;
        unsigned char message[8];
        for (int i = 7; i >= 0; i--) {
                message[i] = (unsigned char)(counter & 0xFF);
                counter >>= 8;
        }
        unsigned int mac_len = 0;
        if (HMAC(md, key, (int)key_len, message, sizeof(message), mac, &mac_len) == NULL)
                return 0;
        return mac_len;
}

uint32_t
gz_hotp_truncate(const unsigned char *mac, size_t mac_len)
{
        if (mac == NULL || mac_len < 20 || mac_len > GZ_HOTP_MAC_MAX)
                return GZ_OTP_INVALID;
        size_t offset = mac[mac_len - 1] & 0x0F;
        return (uint32_t)(mac[offset] & 0x7F) << 24 | (uint32_t)mac[offset + 1] << 16 |
               (uint32_t)mac[offset + 2] << 8 | (uint32_t)mac[offset + 3];
}

uint32_t
gz_hotp(const unsigned char *key, size_t key_len, uint64_t counter, int digits,
        enum gz_totp_algo algo)
{
        if (digits < 6 || digits > 9)
                return GZ_OTP_INVALID;
        unsigned char mac[GZ_HOTP_MAC_MAX];
        size_t mac_len = gz_hotp_hmac(key, key_len, counter, algo, mac);
        uint32_t value = gz_hotp_truncate(mac, mac_len);
        gz_secure_zero(mac, sizeof(mac));
        if (value == GZ_OTP_INVALID)
                return GZ_OTP_INVALID;
        return value % powers_of_ten[digits];
}

uint32_t
gz_totp(const unsigned char *key, size_t key_len, int64_t unix_time, int step, int64_t t0,
        int digits, enum gz_totp_algo algo)
{
        int64_t elapsed;
        if (step <= 0 || __builtin_sub_overflow(unix_time, t0, &elapsed) || elapsed < 0)
                return GZ_OTP_INVALID;
        return gz_hotp(key, key_len, (uint64_t)(elapsed / step), digits, algo);
}

/* The six digits of a typed code without its spaces; false if it is not one. */
static bool
parse_code(const char *code, char digits[GZ_TOTP_DIGITS])
{
        size_t count = 0;
        for (size_t i = 0; code[i] != '\0'; i++) {
                if (i >= CODE_INPUT_MAX)
                        return false;
                char c = code[i];
                if (c == ' ' || c == '\t')
                        continue;
                if (c < '0' || c > '9' || count == GZ_TOTP_DIGITS)
                        return false;
                digits[count++] = c;
        }
        return count == GZ_TOTP_DIGITS;
}

bool
gz_totp_verify(const unsigned char *key, size_t key_len, const char *code, int64_t unix_time,
               int window_steps, int64_t *last_used_step)
{
        if (key == NULL || key_len == 0 || code == NULL || last_used_step == NULL ||
            window_steps < 0 || window_steps > GZ_TOTP_WINDOW_MAX || unix_time < 0)
                return false;
        char typed[GZ_TOTP_DIGITS];
        if (!parse_code(code, typed))
                return false;

        int64_t current = unix_time / GZ_TOTP_STEP;
        int64_t matched = -1;
        /* Every step in the window is computed and compared, whether or not an
         * earlier one matched, so the time taken says nothing about the code. */
        for (int64_t d = -window_steps; d <= window_steps; d++) {
                int64_t step = current + d;
                if (step < 0 || step <= *last_used_step)
                        continue;
                uint32_t value =
                    gz_hotp(key, key_len, (uint64_t)step, GZ_TOTP_DIGITS, GZ_TOTP_SHA1);
                if (value == GZ_OTP_INVALID)
                        break;
                char expected[GZ_TOTP_DIGITS];
                for (int i = GZ_TOTP_DIGITS - 1; i >= 0; i--) {
                        expected[i] = (char)('0' + value % 10);
                        value /= 10;
                }
                /* A later step wins a (one in a million) tie, so the same code
                 * cannot be accepted twice. */
                if (gz_secure_eq(expected, typed, GZ_TOTP_DIGITS))
                        matched = step;
                gz_secure_zero(expected, sizeof(expected));
        }
        gz_secure_zero(typed, sizeof(typed));
        if (matched < 0)
                return false;
        *last_used_step = matched;
        return true;
}

static bool
uri_part_ok(const char *s)
{
        if (s == NULL)
                return false;
        size_t n = strnlen(s, URI_PART_MAX + 1);
        /* The label is "issuer:account", so neither may hold a colon. */
        return n > 0 && n <= URI_PART_MAX && gz_utf8_valid(s, n) && memchr(s, ':', n) == NULL;
}

static bool
uri_secret_ok(const char *s)
{
        if (s == NULL)
                return false;
        size_t n = strnlen(s, URI_SECRET_MAX + 1);
        if (n == 0 || n > URI_SECRET_MAX)
                return false;
        for (size_t i = 0; i < n; i++)
                if (!((s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= '2' && s[i] <= '7')))
                        return false;
        return true;
}

enum gz_err
gz_totp_uri(struct gz_buf *out, const char *issuer, const char *account, const char *secret_base32,
            struct gz_error *err)
{
        if (!uri_part_ok(issuer))
                return gz_fail(err, GZ_EINVAL,
                               "The issuer name must be 1 to %d bytes of UTF-8 without ':'.",
                               URI_PART_MAX);
        if (!uri_part_ok(account))
                return gz_fail(err, GZ_EINVAL,
                               "The account name must be 1 to %d bytes of UTF-8 without ':'.",
                               URI_PART_MAX);
        if (!uri_secret_ok(secret_base32))
                return gz_fail(err, GZ_EINVAL,
                               "The secret must be unpadded uppercase base32 of at most %d "
                               "characters.",
                               URI_SECRET_MAX);
        gz_buf_puts(out, "otpauth://totp/");
        gz_url_encode(out, issuer, strlen(issuer));
        gz_buf_putc(out, ':');
        gz_url_encode(out, account, strlen(account));
        gz_buf_puts(out, "?secret=");
        gz_buf_puts(out, secret_base32);
        gz_buf_puts(out, "&issuer=");
        gz_url_encode(out, issuer, strlen(issuer));
        gz_buf_printf(out, "&algorithm=%s&digits=%d&period=%d", algo_names[GZ_TOTP_SHA1],
                      GZ_TOTP_DIGITS, GZ_TOTP_STEP);
        return GZ_OK;
}
