/* Reading requests: headers, query arguments, cookies, forms, paths. */
#include <microhttpd.h>
#include <string.h>
#include <strings.h>

#include "http.h"
#include "http_internal.h"

const char *
gz_req_header(const struct gz_req *req, const char *name)
{
        if (req->conn != NULL)
                return MHD_lookup_connection_value(req->conn->mhd, MHD_HEADER_KIND, name);
        for (size_t i = 0; i < req->header_count; i++)
                if (strcasecmp(req->headers[i].name, name) == 0)
                        return req->headers[i].value;
        return NULL;
}

enum MHD_Result
gz_http_count_header(void *cls, enum MHD_ValueKind kind, const char *key, size_t key_size,
                     const char *value, size_t value_size)
{
        (void)kind;
        (void)key;
        (void)value;
        size_t *total = cls;
        *total += key_size + value_size + 4; /* ": " and CRLF */
        return MHD_YES;
}

static int
hex_value(char c)
{
        if (c >= '0' && c <= '9')
                return c - '0';
        if (c >= 'a' && c <= 'f')
                return c - 'a' + 10;
        if (c >= 'A' && c <= 'F')
                return c - 'A' + 10;
        return -1;
}

/* Percent-decoding shared by paths and forms; plus_is_space for forms. */
static bool
decode(struct gz_arena *a, const char *s, size_t n, bool plus_is_space, bool strict, char **out,
       size_t *out_len)
{
        char *d = gz_arena_alloc(a, n + 1);
        size_t j = 0;
        for (size_t i = 0; i < n; i++) {
                char c = s[i];
                if (c == '%') {
                        if (i + 2 >= n) {
                                if (strict)
                                        return false;
                                d[j++] = c;
                                continue;
                        }
                        int h = hex_value(s[i + 1]), l = hex_value(s[i + 2]);
                        if (h < 0 || l < 0) {
                                if (strict)
                                        return false;
                                d[j++] = c;
                                continue;
                        }
                        c = (char)(h * 16 + l);
                        i += 2;
                } else if (c == '+' && plus_is_space) {
                        c = ' ';
                }
                if (c == '\0') {
                        if (strict)
                                return false;
                        continue; /* forms: a NUL byte is dropped */
                }
                d[j++] = c;
        }
        d[j] = '\0';
        *out = d;
        if (out_len)
                *out_len = j;
        return true;
}

bool
gz_http_decode_path(struct gz_arena *a, const char *raw, size_t n, char **out)
{
        char *p;
        size_t len;
        if (n == 0 || raw[0] != '/' || !decode(a, raw, n, false, true, &p, &len))
                return false;
        for (size_t i = 0; i < len; i++)
                if ((unsigned char)p[i] < 0x20 || p[i] == 0x7f)
                        return false;
        if (!gz_utf8_valid(p, len))
                return false;
        *out = p;
        return true;
}

struct gz_form_field *
gz_http_parse_urlencoded(struct gz_arena *a, const char *s, size_t n, size_t max_fields)
{
        struct gz_form_field *head = NULL, *tail = NULL;
        size_t count = 0;
        size_t i = 0;
        while (i < n && count < max_fields) {
                size_t start = i;
                while (i < n && s[i] != '&')
                        i++;
                size_t end = i++;
                if (end == start)
                        continue;
                const char *eq = memchr(s + start, '=', end - start);
                size_t key_end = eq ? (size_t)(eq - s) : end;
                struct gz_form_field *f = GZ_NEW(a, struct gz_form_field);
                char *name, *value;
                size_t value_len = 0;
                decode(a, s + start, key_end - start, true, false, &name, NULL);
                if (eq)
                        decode(a, eq + 1, end - key_end - 1, true, false, &value, &value_len);
                else
                        value = gz_arena_strdup(a, "");
                f->name = name;
                f->value = value;
                f->value_len = value_len;
                if (tail)
                        tail->next = f;
                else
                        head = f;
                tail = f;
                count++;
        }
        return head;
}

const char *
gz_req_query(const struct gz_req *req, const char *name)
{
        struct gz_req *r = (struct gz_req *)(uintptr_t)req; /* parsed lazily, once */
        if (!r->query_parsed) {
                r->query_fields = gz_http_parse_urlencoded(r->arena, r->query ? r->query : "",
                                                           r->query ? strlen(r->query) : 0, 200);
                r->query_parsed = true;
        }
        for (struct gz_form_field *f = r->query_fields; f != NULL; f = f->next)
                if (strcmp(f->name, name) == 0)
                        return f->value;
        return NULL;
}

const char *
gz_req_cookie(const struct gz_req *req, const char *name)
{
        if (req->conn != NULL)
                return MHD_lookup_connection_value(req->conn->mhd, MHD_COOKIE_KIND, name);
        return NULL;
}

const char *
gz_req_form(const struct gz_req *req, const char *name)
{
        for (struct gz_form_field *f = req->form; f != NULL; f = f->next)
                if (f->filename == NULL && strcmp(f->name, name) == 0)
                        return f->value;
        return NULL;
}

const struct gz_form_field *
gz_req_form_file(const struct gz_req *req, const char *name)
{
        for (struct gz_form_field *f = req->form; f != NULL; f = f->next)
                if (f->filename != NULL && strcmp(f->name, name) == 0)
                        return f;
        return NULL;
}

size_t
gz_req_form_all(const struct gz_req *req, const char *name, const char **out, size_t max)
{
        size_t n = 0;
        for (struct gz_form_field *f = req->form; f != NULL && n < max; f = f->next)
                if (f->filename == NULL && strcmp(f->name, name) == 0)
                        out[n++] = f->value;
        return n;
}
