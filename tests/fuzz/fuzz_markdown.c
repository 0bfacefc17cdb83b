/* libFuzzer harness for the Markdown renderer: production mode (figures,
 * media hook) must give output with only the renderer's own tags, nested
 * properly, no <script, and no URL attribute with a scheme other than http,
 * https or mailto. Unsafe-HTML mode and plain text must not crash. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE /* strcasestr */
#endif
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "render/render.h"

/* The media library as content wires it: "media:N" is resolved here, with
 * caption and credit taken from the (hostile) alt and title. */
static bool
fuzz_image_hook(void *ctx, const struct gz_md_image *img, struct gz_buf *out, const char **caption,
                const char **credit)
{
        (void)ctx;
        if (strncmp(img->url, "media:", 6) != 0)
                return false;
        gz_buf_puts(out, "<img src=\"/media/");
        gz_url_encode(out, img->url + 6, strlen(img->url + 6));
        gz_buf_puts(out, "\" alt=\"");
        gz_html_escape_c(out, img->alt);
        gz_buf_puts(out, "\">");
        *caption = img->alt;
        *credit = img->title;
        return true;
}

static const char *const allowed_tags[] = {
    "p",     "h1",    "h2",  "h3",         "h4", "h5",  "h6",     "em",         "strong", "a",
    "img",   "code",  "pre", "blockquote", "ul", "ol",  "li",     "hr",         "br",     "table",
    "thead", "tbody", "tr",  "th",         "td", "del", "figure", "figcaption", "small"};
static const char *const allowed_attrs[] = {"href",  "src",   "alt",   "title",   "id",
                                            "class", "align", "start", "loading", "decoding"};

static bool
is_letter(char c)
{
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static const char *
find_name(const char *const *names, size_t count, const char *s, size_t n)
{
        for (size_t i = 0; i < count; i++)
                if (strlen(names[i]) == n && memcmp(names[i], s, n) == 0)
                        return names[i];
        return NULL;
}

/* Reads a URL attribute value the way a browser's URL parser would: leading
 * spaces and controls dropped, tabs and newlines ignored, then an optional
 * scheme (a letter, then letters, digits, + - .) before ':'. */
static bool
url_value_ok(const char *v, size_t n)
{
        char scheme[32];
        size_t k = 0, i = 0;
        while (i < n && (unsigned char)v[i] <= 0x20)
                i++;
        for (; i < n; i++) {
                char c = v[i];
                if (c == '\t' || c == '\n' || c == '\r')
                        continue;
                if (c == ':')
                        break;
                bool ok = is_letter(c) ||
                          (k > 0 && ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.'));
                if (!ok)
                        return true; /* no scheme: relative */
                if (k == sizeof(scheme) - 1)
                        return true; /* longer than any dangerous scheme */
                scheme[k++] = (char)(c | 0x20);
        }
        if (i >= n)
                return true;
        scheme[k] = '\0';
        return strcmp(scheme, "http") == 0 || strcmp(scheme, "https") == 0 ||
               strcmp(scheme, "mailto") == 0;
}

static const char *
check_production(const char *html, size_t len)
{
        if (strcasestr(html, "<script") != NULL)
                return "<script";
        if (!gz_utf8_valid(html, len))
                return "malformed UTF-8";
        static const char *stack[1 << 16];
        size_t depth = 0;
        const char *p = html;
        while ((p = strpbrk(p, "<>")) != NULL) {
                if (*p == '>')
                        return "'>' outside a tag";
                bool closing = p[1] == '/';
                const char *name = p + (closing ? 2 : 1);
                size_t n = 0;
                while (is_letter(name[n]) || (name[n] >= '1' && name[n] <= '6'))
                        n++;
                const char *tag = find_name(
                    allowed_tags, sizeof(allowed_tags) / sizeof(allowed_tags[0]), name, n);
                if (tag == NULL)
                        return "unknown tag";
                p = name + n;
                if (closing) {
                        if (*p != '>' || depth == 0 || stack[depth - 1] != tag)
                                return "mismatched closing tag";
                        depth--;
                        p++;
                        continue;
                }
                while (*p == ' ') {
                        const char *an = ++p;
                        while (is_letter(*p))
                                p++;
                        size_t an_len = (size_t)(p - an);
                        if (find_name(allowed_attrs,
                                      sizeof(allowed_attrs) / sizeof(allowed_attrs[0]), an,
                                      an_len) == NULL ||
                            p[0] != '=' || p[1] != '"')
                                return "unknown or unquoted attribute";
                        const char *v = p + 2, *ve = strchr(v, '"');
                        if (ve == NULL || memchr(v, '<', (size_t)(ve - v)) != NULL)
                                return "bad attribute value";
                        bool url = (an_len == 4 && memcmp(an, "href", 4) == 0) ||
                                   (an_len == 3 && memcmp(an, "src", 3) == 0);
                        if (url && !url_value_ok(v, (size_t)(ve - v)))
                                return "URL with a forbidden scheme";
                        p = ve + 1;
                }
                if (*p != '>')
                        return "unterminated tag";
                p++;
                if (strcmp(tag, "img") != 0 && strcmp(tag, "hr") != 0 && strcmp(tag, "br") != 0) {
                        if (depth == sizeof(stack) / sizeof(stack[0]))
                                return NULL; /* deeper than we check */
                        stack[depth++] = tag;
                }
        }
        return depth == 0 ? NULL : "unclosed element";
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
        const char *src = (const char *)data;
        struct gz_md_hooks hooks = {fuzz_image_hook, NULL};
        struct gz_buf out;
        struct gz_error err;

        gz_buf_init(&out, NULL);
        if (gz_markdown_render(src, size, GZ_MD_FIGURES, &hooks, &out, &err) == GZ_OK) {
                gz_buf_putc(&out, '\0');
                const char *why = check_production(out.data, out.len - 1);
                if (why != NULL) {
                        fprintf(stderr, "production output has %s:\n%s\n", why, out.data);
                        abort();
                }
        }
        gz_buf_free(&out);

        gz_buf_init(&out, NULL);
        (void)gz_markdown_render(src, size, GZ_MD_UNSAFE_HTML | GZ_MD_FIGURES, NULL, &out, &err);
        gz_buf_free(&out);

        gz_buf_init(&out, NULL);
        gz_markdown_text(src, size, &out);
        if (out.len > 0 && !gz_utf8_valid(out.data, out.len)) {
                fprintf(stderr, "plain text is not UTF-8\n");
                abort();
        }
        gz_buf_free(&out);
        return 0;
}
