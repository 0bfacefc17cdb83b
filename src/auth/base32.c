/* Base32 (RFC 4648, section 6), the form authenticator apps take secrets in. */
#include <string.h>

#include "auth.h"

static const char alphabet[32] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

size_t
gz_base32_encode(const unsigned char *in, size_t n, char *out, size_t out_size)
{
        if (n > (SIZE_MAX - 4) / 8 || out_size < GZ_BASE32_ENCODED_LEN(n) + 1) {
                if (out_size > 0)
                        out[0] = '\0';
                return 0;
        }
        size_t o = 0;
        uint32_t acc = 0;
        unsigned bits = 0;
        for (size_t i = 0; i < n; i++) {
                acc = (acc << 8) | in[i];
                bits += 8;
                while (bits >= 5) {
                        bits -= 5;
                        out[o++] = alphabet[(acc >> bits) & 31];
                }
                acc &= (1u << bits) - 1;
        }
        if (bits > 0)
                out[o++] = alphabet[(acc << (5 - bits)) & 31];
        out[o] = '\0';
        return o;
}

/* The value of a base32 digit in either case, or -1. */
static int
digit_value(unsigned char c)
{
        if (c >= 'A' && c <= 'Z')
                return c - 'A';
        if (c >= 'a' && c <= 'z')
                return c - 'a';
        if (c >= '2' && c <= '7')
                return c - '2' + 26;
        return -1;
}

static bool
is_blank(unsigned char c)
{
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static enum gz_err
bad_char(struct gz_error *err, unsigned char c, size_t pos)
{
        if (c >= 0x21 && c < 0x7F)
                return gz_fail(err, GZ_EINVAL,
                               "'%c' at position %zu is not base32: only the letters A-Z and the "
                               "digits 2-7 are used.",
                               c, pos + 1);
        return gz_fail(err, GZ_EINVAL,
                       "Byte 0x%02X at position %zu is not base32: only the letters A-Z and the "
                       "digits 2-7 are used.",
                       c, pos + 1);
}

enum gz_err
gz_base32_decode(const char *in, size_t n, unsigned char *out, size_t out_size, size_t *out_len,
                 struct gz_error *err)
{
        const unsigned char *s = (const unsigned char *)in;
        size_t digits = 0, pads = 0, first_pad = 0;
        int last = 0;

        /* Everything is checked before the first byte is written. */
        for (size_t i = 0; i < n; i++) {
                if (is_blank(s[i]))
                        continue;
                if (s[i] == '=') {
                        if (pads++ == 0)
                                first_pad = i;
                        continue;
                }
                int v = digit_value(s[i]);
                if (v < 0)
                        return bad_char(err, s[i], i);
                if (pads > 0)
                        return gz_fail(err, GZ_EINVAL,
                                       "'=' at position %zu is padding, which may only come at "
                                       "the end of base32 text.",
                                       first_pad + 1);
                last = v;
                digits++;
        }
        size_t rem = digits % 8;
        /* 1, 3 or 6 digits left over cannot come from whole bytes. */
        if (rem == 1 || rem == 3 || rem == 6)
                return gz_fail(err, GZ_EINVAL,
                               "Base32 text has %zu characters, a length no data encodes to; a "
                               "character is probably missing or extra.",
                               digits);
        if (pads > 0 && (pads > 6 || (digits + pads) % 8 != 0))
                return gz_fail(err, GZ_EINVAL, "Base32 text has the wrong amount of '=' padding.");
        unsigned spare_bits = (unsigned)(rem * 5 % 8);
        if (spare_bits > 0 && (last & ((1 << spare_bits) - 1)) != 0)
                return gz_fail(err, GZ_EINVAL,
                               "Base32 text does not end in a character that can finish it; the "
                               "last character is probably wrong.");
        size_t len = digits / 8 * 5 + rem * 5 / 8;
        if (len > out_size)
                return gz_fail(err, GZ_ETOOBIG, "Base32 text decodes to %zu bytes; room for %zu.",
                               len, out_size);

        size_t o = 0;
        uint32_t acc = 0;
        unsigned bits = 0;
        for (size_t i = 0; i < n && o < len; i++) {
                int v = digit_value(s[i]);
                if (v < 0)
                        continue;
                acc = (acc << 5) | (uint32_t)v;
                bits += 5;
                if (bits >= 8) {
                        bits -= 8;
                        out[o++] = (unsigned char)(acc >> bits);
                        acc &= (1u << bits) - 1;
                }
        }
        if (out_len != NULL)
                *out_len = len;
        return GZ_OK;
}
