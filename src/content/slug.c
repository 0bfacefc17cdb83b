/* Slugs for addresses: any script's letters and digits, lowercased, Latin
 * diacritics removed (ICU decomposition), the rest folded to hyphens. */
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utf8.h>

#include "content.h"

static void
put_utf8(struct gz_buf *b, UChar32 c)
{
        uint8_t tmp[4];
        int32_t n = 0;
        UBool error = false;
        U8_APPEND(tmp, n, 4, c, error);
        if (!error)
                gz_buf_put(b, tmp, (size_t)n);
}

char *
gz_slugify(struct gz_arena *a, const char *text, size_t max_bytes)
{
        struct gz_buf out;
        gz_buf_init(&out, a);
        gz_buf_reserve(&out, 16);
        size_t len = strlen(text);
        if (len > 4096)
                len = 4096;
        UErrorCode status = U_ZERO_ERROR;
        int32_t wide_len = 0;
        UChar *wide = gz_arena_alloc(a, (len + 1) * sizeof(UChar));
        u_strFromUTF8WithSub(wide, (int32_t)len + 1, &wide_len, text, (int32_t)len, 0xFFFD, NULL,
                             &status);
        const UNormalizer2 *nfd = unorm2_getNFDInstance(&status);
        UChar *decomposed = gz_arena_alloc(a, (size_t)(wide_len * 4 + 1) * sizeof(UChar));
        int32_t dec_len = 0;
        if (U_SUCCESS(status))
                dec_len =
                    unorm2_normalize(nfd, wide, wide_len, decomposed, wide_len * 4 + 1, &status);
        if (U_FAILURE(status)) {
                decomposed = wide;
                dec_len = wide_len;
        }
        bool hyphen = true; /* no leading hyphen */
        for (int32_t i = 0; i < dec_len;) {
                UChar32 c;
                U16_NEXT(decomposed, i, dec_len, c);
                int8_t type = u_charType(c);
                if (type == U_NON_SPACING_MARK || type == U_FORMAT_CHAR || type == U_ENCLOSING_MARK)
                        continue; /* accents, harakat, ZWNJ */
                if (c == '\'' || c == 0x2019)
                        continue; /* "Editor's note" -> editors-note */
                if (u_isalnum(c) || type == U_COMBINING_SPACING_MARK) {
                        size_t before = out.len;
                        put_utf8(&out, u_tolower(c));
                        if (out.len > max_bytes) {
                                gz_buf_truncate(&out, before);
                                break;
                        }
                        hyphen = false;
                } else if (!hyphen) {
                        if (out.len + 1 > max_bytes)
                                break;
                        gz_buf_putc(&out, '-');
                        hyphen = true;
                }
        }
        while (out.len > 0 && out.data[out.len - 1] == '-')
                gz_buf_truncate(&out, out.len - 1);
        return out.data;
}

bool
gz_slug_valid(const char *s)
{
        size_t n = strlen(s);
        if (n == 0 || n > 200 || s[0] == '-' || s[n - 1] == '-' || !gz_utf8_valid(s, n))
                return false;
        for (int32_t i = 0; i < (int32_t)n;) {
                UChar32 c;
                U8_NEXT(s, i, (int32_t)n, c);
                if (c == '-') {
                        if (s[i] == '-')
                                return false;
                        continue;
                }
                if (c < 0 || !(u_isalnum(c) || u_charType(c) == U_COMBINING_SPACING_MARK) ||
                    u_tolower(c) != c)
                        return false;
        }
        return true;
}
