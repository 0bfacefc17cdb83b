/* Escaping for every context a value can reach: HTML text and attributes,
 * URLs, XML, JSON. */
#include <string.h>

#include "render.h"

void
gz_html_escape(struct gz_buf *out, const char *s, size_t n)
{
        gz_buf_reserve(out, n);
        size_t run = 0;
        for (size_t i = 0; i < n; i++) {
                const char *rep;
                switch (s[i]) {
                case '&':
                        rep = "&amp;";
                        break;
                case '<':
                        rep = "&lt;";
                        break;
                case '>':
                        rep = "&gt;";
                        break;
                case '"':
                        rep = "&quot;";
                        break;
                case '\'':
                        rep = "&#39;";
                        break;
                case '\0':
                        rep = "\xEF\xBF\xBD"; /* U+FFFD, as HTML parsers do */
                        break;
                default:
                        continue;
                }
                gz_buf_put(out, s + run, i - run);
                gz_buf_puts(out, rep);
                run = i + 1;
        }
        gz_buf_put(out, s + run, n - run);
}

void
gz_html_escape_c(struct gz_buf *out, const char *s)
{
        if (s != NULL)
                gz_html_escape(out, s, strlen(s));
}

bool
gz_url_is_safe(const char *s, size_t n)
{
        /* Judge the URL as a browser parses it: leading spaces and control
         * characters are skipped, tabs and newlines anywhere are ignored,
         * and a scheme is letters, digits, + - . up to the first colon. Any
         * other character before a colon means there is no scheme. */
        size_t i = 0;
        while (i < n && (unsigned char)s[i] <= 0x20)
                i++;
        char scheme[8];
        size_t k = 0;
        bool too_long = false;
        for (; i < n; i++) {
                unsigned char c = (unsigned char)s[i];
                if (c == '\t' || c == '\n' || c == '\r')
                        continue;
                if (c == ':')
                        break;
                bool scheme_char =
                    (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                    (k > 0 && ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.'));
                if (c < 0x20 || c == 0x7f)
                        return false; /* no honest link has these */
                if (!scheme_char)
                        return true; /* relative: no scheme */
                if (k < sizeof(scheme) - 1)
                        scheme[k++] = (char)(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
                else
                        too_long = true;
        }
        if (i >= n)
                return true; /* no colon: relative */
        scheme[k] = '\0';
        if (too_long)
                return false;
        return strcmp(scheme, "http") == 0 || strcmp(scheme, "https") == 0 ||
               strcmp(scheme, "mailto") == 0;
}

void
gz_html_escape_url(struct gz_buf *out, const char *s, size_t n)
{
        if (!gz_url_is_safe(s, n)) {
                gz_buf_putc(out, '#');
                return;
        }
        static const char hex[] = "0123456789ABCDEF";
        for (size_t i = 0; i < n; i++) {
                unsigned char c = (unsigned char)s[i];
                if (c <= 0x20 || c == 0x7F || c == '"' || c == '\'' || c == '<' || c == '>' ||
                    c == '\\' || c == '`') {
                        char enc[3] = {'%', hex[c >> 4], hex[c & 15]};
                        gz_buf_put(out, enc, 3);
                } else if (c == '&') {
                        gz_buf_puts(out, "&amp;");
                } else {
                        gz_buf_putc(out, (char)c);
                }
        }
}

void
gz_xml_escape(struct gz_buf *out, const char *s, size_t n)
{
        gz_buf_reserve(out, n);
        size_t i = 0;
        while (i < n) {
                unsigned char c = (unsigned char)s[i];
                switch (c) {
                case '&':
                        gz_buf_puts(out, "&amp;");
                        i++;
                        continue;
                case '<':
                        gz_buf_puts(out, "&lt;");
                        i++;
                        continue;
                case '>':
                        gz_buf_puts(out, "&gt;");
                        i++;
                        continue;
                case '"':
                        gz_buf_puts(out, "&quot;");
                        i++;
                        continue;
                case '\'':
                        gz_buf_puts(out, "&apos;");
                        i++;
                        continue;
                default:
                        break;
                }
                if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                        i++; /* not allowed in XML 1.0 */
                        continue;
                }
                if (c < 0x80) {
                        gz_buf_putc(out, (char)c);
                        i++;
                        continue;
                }
                uint32_t cp;
                size_t len = gz_utf8_decode(s + i, n - i, &cp);
                if (len == 0 || cp == 0xFFFE || cp == 0xFFFF) {
                        gz_buf_puts(out, "\xEF\xBF\xBD");
                        i++;
                        continue;
                }
                gz_buf_put(out, s + i, len);
                i += len;
        }
}

void
gz_json_string(struct gz_buf *out, const char *s, size_t n)
{
        static const char hex[] = "0123456789abcdef";
        gz_buf_putc(out, '"');
        size_t i = 0;
        while (i < n) {
                unsigned char c = (unsigned char)s[i];
                if (c == '"' || c == '\\') {
                        gz_buf_putc(out, '\\');
                        gz_buf_putc(out, (char)c);
                        i++;
                } else if (c == '\n') {
                        gz_buf_puts(out, "\\n");
                        i++;
                } else if (c == '\r') {
                        gz_buf_puts(out, "\\r");
                        i++;
                } else if (c == '\t') {
                        gz_buf_puts(out, "\\t");
                        i++;
                } else if (c < 0x20 || c == '<' || c == '>' || c == '&') {
                        char enc[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
                        gz_buf_put(out, enc, 6);
                        i++;
                } else if (c < 0x80) {
                        gz_buf_putc(out, (char)c);
                        i++;
                } else {
                        uint32_t cp;
                        size_t len = gz_utf8_decode(s + i, n - i, &cp);
                        if (len == 0) {
                                gz_buf_puts(out, "\\ufffd");
                                i++;
                        } else if (cp == 0x2028 || cp == 0x2029) {
                                gz_buf_puts(out, cp == 0x2028 ? "\\u2028" : "\\u2029");
                                i += len;
                        } else {
                                gz_buf_put(out, s + i, len);
                                i += len;
                        }
                }
        }
        gz_buf_putc(out, '"');
}

void
gz_url_encode(struct gz_buf *out, const char *s, size_t n)
{
        static const char hex[] = "0123456789ABCDEF";
        for (size_t i = 0; i < n; i++) {
                unsigned char c = (unsigned char)s[i];
                if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '-' || c == '_' || c == '.' || c == '~') {
                        gz_buf_putc(out, (char)c);
                } else {
                        char enc[3] = {'%', hex[c >> 4], hex[c & 15]};
                        gz_buf_put(out, enc, 3);
                }
        }
}
