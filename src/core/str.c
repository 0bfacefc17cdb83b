/* Slices of untrusted bytes, integer parsing, UTF-8 checks. */
#include <string.h>
#include <zlib.h>

#include "core.h"

struct gz_str
gz_str_c(const char *s)
{
        return (struct gz_str){s, s ? strlen(s) : 0};
}

bool
gz_str_eq(struct gz_str a, struct gz_str b)
{
        return a.n == b.n && (a.n == 0 || memcmp(a.p, b.p, a.n) == 0);
}

bool
gz_str_eq_c(struct gz_str a, const char *s)
{
        return gz_str_eq(a, gz_str_c(s));
}

bool
gz_str_has_prefix(struct gz_str s, const char *prefix)
{
        size_t n = strlen(prefix);
        return s.n >= n && memcmp(s.p, prefix, n) == 0;
}

char *
gz_str_dup(struct gz_arena *a, struct gz_str s)
{
        return gz_arena_strndup(a, s.p ? s.p : "", s.n);
}

bool
gz_parse_int_n(const char *s, size_t n, long long min, long long max, long long *out)
{
        if (s == NULL || n == 0 || n > 19)
                return false;
        size_t i = 0;
        bool neg = false;
        if (s[0] == '-') {
                neg = true;
                i = 1;
                if (n == 1)
                        return false;
        }
        long long v = 0;
        for (; i < n; i++) {
                if (s[i] < '0' || s[i] > '9')
                        return false;
                v = v * 10 + (s[i] - '0');
        }
        if (neg)
                v = -v;
        if (v < min || v > max)
                return false;
        *out = v;
        return true;
}

bool
gz_parse_int(const char *s, long long min, long long max, long long *out)
{
        return s != NULL && gz_parse_int_n(s, strlen(s), min, max, out);
}

size_t
gz_utf8_decode(const char *s, size_t n, uint32_t *cp)
{
        const unsigned char *u = (const unsigned char *)s;
        if (n == 0)
                return 0;
        if (u[0] < 0x80) {
                *cp = u[0];
                return 1;
        }
        size_t len;
        uint32_t c, min;
        if ((u[0] & 0xE0) == 0xC0) {
                len = 2, c = u[0] & 0x1F, min = 0x80;
        } else if ((u[0] & 0xF0) == 0xE0) {
                len = 3, c = u[0] & 0x0F, min = 0x800;
        } else if ((u[0] & 0xF8) == 0xF0) {
                len = 4, c = u[0] & 0x07, min = 0x10000;
        } else {
                return 0;
        }
        if (n < len)
                return 0;
        for (size_t i = 1; i < len; i++) {
                if ((u[i] & 0xC0) != 0x80)
                        return 0;
                c = (c << 6) | (u[i] & 0x3F);
        }
        if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
                return 0;
        *cp = c;
        return len;
}

bool
gz_utf8_valid(const char *s, size_t n)
{
        size_t i = 0;
        while (i < n) {
                if ((unsigned char)s[i] < 0x80) {
                        i++;
                        continue;
                }
                uint32_t cp;
                size_t len = gz_utf8_decode(s + i, n - i, &cp);
                if (len == 0)
                        return false;
                i += len;
        }
        return true;
}

size_t
gz_utf8_prefix(const char *s, size_t n, size_t max_chars)
{
        size_t i = 0, chars = 0;
        while (i < n && chars < max_chars) {
                uint32_t cp;
                size_t len = gz_utf8_decode(s + i, n - i, &cp);
                if (len == 0)
                        len = 1;
                i += len;
                chars++;
        }
        return i;
}

void
gz_hex(const unsigned char *bytes, size_t n, char *out)
{
        static const char digits[] = "0123456789abcdef";
        for (size_t i = 0; i < n; i++) {
                out[2 * i] = digits[bytes[i] >> 4];
                out[2 * i + 1] = digits[bytes[i] & 15];
        }
        out[2 * n] = '\0';
}

uint64_t
gz_hash64(const void *data, size_t n)
{
        uLong crc = crc32_z(0L, Z_NULL, 0), adler = adler32_z(1L, Z_NULL, 0);
        crc = crc32_z(crc, data, n);
        adler = adler32_z(adler, data, n);
        uint64_t h = ((uint64_t)crc << 32) | (uint64_t)(adler & 0xffffffffu);
        /* Adler's low bits are little more than a byte sum: mix them all
         * (the splitmix64 finaliser) so any bits can index a table. */
        h = (h ^ (h >> 30)) * 0xbf58476d1ce4e5b9ull;
        h = (h ^ (h >> 27)) * 0x94d049bb133111ebull;
        return h ^ (h >> 31);
}
