/* Recovery codes: one-time codes a user writes down in case the phone with
 * their authenticator is lost. */
#include <string.h>

#include "auth.h"

#define RECOVERY_CHARS 12
#define RECOVERY_GROUP 4
#define RECOVERY_INPUT_MAX 64

/* Crockford's base32: no i, l, o or u, so no two characters look alike, and
 * 32 symbols give exactly 5 bits each from one random byte without bias. */
static const char alphabet[32] = "0123456789abcdefghjkmnpqrstvwxyz";

_Static_assert(GZ_RECOVERY_CODE_LEN == RECOVERY_CHARS + RECOVERY_CHARS / RECOVERY_GROUP - 1,
               "groups of four joined by dashes");

static void
format_code(const char digits[RECOVERY_CHARS], char out[GZ_RECOVERY_CODE_LEN + 1])
{
        size_t o = 0;
        for (size_t i = 0; i < RECOVERY_CHARS; i++) {
                if (i > 0 && i % RECOVERY_GROUP == 0)
                        out[o++] = '-';
                out[o++] = digits[i];
        }
        out[o] = '\0';
}

void
gz_recovery_code_new(char out[GZ_RECOVERY_CODE_LEN + 1])
{
        unsigned char raw[RECOVERY_CHARS];
        char digits[RECOVERY_CHARS];
        gz_random_bytes(raw, sizeof(raw));
        for (size_t i = 0; i < RECOVERY_CHARS; i++)
                digits[i] = alphabet[raw[i] & 31];
        format_code(digits, out);
        gz_secure_zero(raw, sizeof(raw));
        gz_secure_zero(digits, sizeof(digits));
}

/* The canonical character for what was typed, or NUL if it cannot be one
 * (the alphabet array has no NUL of its own). */
static char
canonical_char(unsigned char c)
{
        if (c >= 'A' && c <= 'Z')
                c = (unsigned char)(c - 'A' + 'a');
        switch (c) {
        case 'o':
                return '0';
        case 'i':
        case 'l':
                return '1';
        default:
                break;
        }
        if (memchr(alphabet, c, sizeof(alphabet)) == NULL)
                return '\0';
        return (char)c;
}

enum gz_err
gz_recovery_code_normalize(const char *in, size_t n, char out[GZ_RECOVERY_CODE_LEN + 1],
                           struct gz_error *err)
{
        char digits[RECOVERY_CHARS];
        size_t count = 0;
        if (in == NULL || n > RECOVERY_INPUT_MAX)
                return gz_fail(err, GZ_EINVAL,
                               "That is not a recovery code: they look like k7m2-9xqf-4tzp.");
        for (size_t i = 0; i < n; i++) {
                unsigned char c = (unsigned char)in[i];
                if (c == ' ' || c == '-' || c == '\t')
                        continue;
                char d = canonical_char(c);
                if (d == 0)
                        return gz_fail(err, GZ_EINVAL,
                                       "A recovery code has only digits and the letters a-z "
                                       "(without u); check the code and type it again.");
                if (count == RECOVERY_CHARS) {
                        count++;
                        break;
                }
                digits[count++] = d;
        }
        if (count != RECOVERY_CHARS)
                return gz_fail(err, GZ_EINVAL,
                               "A recovery code has %d letters and digits, like k7m2-9xqf-4tzp; "
                               "check the code and type it again.",
                               RECOVERY_CHARS);
        format_code(digits, out);
        gz_secure_zero(digits, sizeof(digits));
        return GZ_OK;
}
