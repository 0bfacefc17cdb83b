/* Building responses, and frozen responses that are built once and sent
 * many times (the cache's unit). */
#include <microhttpd.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "http.h"
#include "http_internal.h"

void
gz_resp_init(struct gz_resp *resp)
{
        memset(resp, 0, sizeof(*resp));
        resp->status = 200;
        resp->file_fd = -1;
}

void
gz_resp_header(struct gz_resp *resp, const char *name, const char *value)
{
        for (size_t i = 0; i < resp->header_count; i++) {
                if (strcasecmp(resp->headers[i].name, name) == 0) {
                        resp->headers[i].value = value;
                        return;
                }
        }
        gz_resp_add_header(resp, name, value);
}

void
gz_resp_add_header(struct gz_resp *resp, const char *name, const char *value)
{
        if (resp->header_count == GZ_RESP_MAX_HEADERS) {
                gz_warn("http: too many response headers, dropped %s", name);
                return;
        }
        resp->headers[resp->header_count].name = name;
        resp->headers[resp->header_count].value = value;
        resp->header_count++;
}

const char *
gz_resp_get_header(const struct gz_resp *resp, const char *name)
{
        for (size_t i = 0; i < resp->header_count; i++)
                if (strcasecmp(resp->headers[i].name, name) == 0)
                        return resp->headers[i].value;
        return NULL;
}

void
gz_resp_body(struct gz_resp *resp, int status, const char *content_type, const char *body,
             size_t len)
{
        resp->status = status;
        resp->content_type = content_type;
        resp->body = body;
        resp->body_len = len;
}

static const struct {
        int status;
        const char *reason;
        const char *line; /* the plain-text body */
} reasons[] = {
    {200, "OK", "200 OK\n"},
    {201, "Created", "201 Created\n"},
    {204, "No Content", ""},
    {301, "Moved Permanently", "301 Moved Permanently\n"},
    {302, "Found", "302 Found\n"},
    {303, "See Other", "303 See Other\n"},
    {304, "Not Modified", ""},
    {307, "Temporary Redirect", "307 Temporary Redirect\n"},
    {308, "Permanent Redirect", "308 Permanent Redirect\n"},
    {400, "Bad Request", "400 Bad Request\n"},
    {401, "Unauthorized", "401 Unauthorized\n"},
    {403, "Forbidden", "403 Forbidden\n"},
    {404, "Not Found", "404 Not Found\n"},
    {405, "Method Not Allowed", "405 Method Not Allowed\n"},
    {409, "Conflict", "409 Conflict\n"},
    {410, "Gone", "410 Gone\n"},
    {413, "Content Too Large", "413 Content Too Large\n"},
    {414, "URI Too Long", "414 URI Too Long\n"},
    {415, "Unsupported Media Type", "415 Unsupported Media Type\n"},
    {422, "Unprocessable Content", "422 Unprocessable Content\n"},
    {429, "Too Many Requests", "429 Too Many Requests\n"},
    {431, "Request Header Fields Too Large", "431 Request Header Fields Too Large\n"},
    {500, "Internal Server Error", "500 Internal Server Error\n"},
    {501, "Not Implemented", "501 Not Implemented\n"},
    {503, "Service Unavailable", "503 Service Unavailable\n"},
    {507, "Insufficient Storage", "507 Insufficient Storage\n"},
};

const char *
gz_http_reason(int status)
{
        for (size_t i = 0; i < GZ_ARRAY_LEN(reasons); i++)
                if (reasons[i].status == status)
                        return reasons[i].reason;
        return "Unknown";
}

void
gz_resp_text(struct gz_resp *resp, int status, const char *message)
{
        const char *body = message;
        if (body == NULL) {
                body = "";
                for (size_t i = 0; i < GZ_ARRAY_LEN(reasons); i++)
                        if (reasons[i].status == status)
                                body = reasons[i].line;
        }
        gz_resp_body(resp, status, "text/plain; charset=utf-8", body, strlen(body));
}

void
gz_resp_redirect(struct gz_resp *resp, struct gz_arena *a, int status, const char *location)
{
        (void)a;
        gz_resp_text(resp, status, NULL);
        gz_resp_header(resp, "Location", location);
}

void
gz_http_conditional(const struct gz_req *req, struct gz_resp *resp)
{
        if (resp->status != 200 || resp->frozen != NULL || resp->file_fd >= 0)
                return;
        const char *etag = gz_resp_get_header(resp, "ETag");
        const char *inm = gz_req_header(req, "If-None-Match");
        if (etag == NULL || inm == NULL)
                return;
        size_t n = strlen(etag);
        for (const char *p = strstr(inm, etag); p != NULL; p = strstr(p + 1, etag)) {
                if (p[n] == '\0' || p[n] == ',' || p[n] == ' ') {
                        resp->status = 304;
                        resp->body = "";
                        resp->body_len = 0;
                        return;
                }
        }
}

bool
gz_resp_file(struct gz_resp *resp, int fd, const char *content_type)
{
        struct stat st;
        if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
                close(fd);
                return false;
        }
        resp->status = 200;
        resp->content_type = content_type;
        resp->file_fd = fd;
        resp->file_size = st.st_size;
        return true;
}

/* ---- frozen responses -------------------------------------------------- */

struct gz_http_frozen {
        atomic_int refs;
        int status;
        struct MHD_Response *mhd;
        char *body;
        size_t body_len;
        size_t header_count;
        struct gz_http_header headers[GZ_RESP_MAX_HEADERS + 1];
        char *strings; /* header names and values, one allocation */
};

static void
free_body(void *cls)
{
        free(cls);
}

struct gz_http_frozen *
gz_http_freeze(const struct gz_resp *resp)
{
        struct gz_http_frozen *f = gz_xcalloc(1, sizeof(*f));
        atomic_init(&f->refs, 1);
        f->status = resp->status ? resp->status : 200;
        f->body_len = resp->body_len;
        f->body = gz_xmalloc(resp->body_len + 1);
        if (resp->body_len)
                memcpy(f->body, resp->body, resp->body_len);
        f->body[resp->body_len] = '\0';

        size_t strings = 0;
        if (resp->content_type)
                strings += strlen("Content-Type") + strlen(resp->content_type) + 2;
        for (size_t i = 0; i < resp->header_count; i++)
                strings += strlen(resp->headers[i].name) + strlen(resp->headers[i].value) + 2;
        f->strings = gz_xmalloc(strings + 1);
        char *p = f->strings;
        for (size_t i = 0; i <= resp->header_count; i++) {
                const char *name, *value;
                if (i == resp->header_count) {
                        if (resp->content_type == NULL)
                                break;
                        name = "Content-Type";
                        value = resp->content_type;
                } else {
                        name = resp->headers[i].name;
                        value = resp->headers[i].value;
                }
                size_t nl = strlen(name) + 1, vl = strlen(value) + 1;
                memcpy(p, name, nl);
                f->headers[f->header_count].name = p;
                p += nl;
                memcpy(p, value, vl);
                f->headers[f->header_count].value = p;
                p += vl;
                f->header_count++;
        }

        /* The library frees the body when its last reference is gone: a
         * response still being sent survives the cache dropping it. */
        f->mhd = MHD_create_response_from_buffer_with_free_callback_cls(f->body_len, f->body,
                                                                        free_body, f->body);
        if (f->mhd == NULL)
                gz_oom(__FILE__, __LINE__);
        for (size_t i = 0; i < f->header_count; i++)
                MHD_add_response_header(f->mhd, f->headers[i].name, f->headers[i].value);
        return f;
}

void
gz_http_frozen_ref(struct gz_http_frozen *f)
{
        atomic_fetch_add_explicit(&f->refs, 1, memory_order_relaxed);
}

void
gz_http_frozen_release(struct gz_http_frozen *f)
{
        if (f == NULL)
                return;
        if (atomic_fetch_sub_explicit(&f->refs, 1, memory_order_acq_rel) != 1)
                return;
        MHD_destroy_response(f->mhd); /* frees the body once no send uses it */
        free(f->strings);
        free(f);
}

int
gz_http_frozen_status(const struct gz_http_frozen *f)
{
        return f->status;
}

size_t
gz_http_frozen_body_len(const struct gz_http_frozen *f)
{
        return f->body_len;
}

const char *
gz_http_frozen_body(const struct gz_http_frozen *f)
{
        return f->body;
}

const char *
gz_http_frozen_header(const struct gz_http_frozen *f, const char *name)
{
        for (size_t i = 0; i < f->header_count; i++)
                if (strcasecmp(f->headers[i].name, name) == 0)
                        return f->headers[i].value;
        return NULL;
}

struct MHD_Response *
gz_http_frozen_mhd(struct gz_http_frozen *f)
{
        return f->mhd;
}

void
gz_resp_use_frozen(struct gz_resp *resp, struct gz_http_frozen *f)
{
        gz_http_frozen_ref(f);
        if (resp->frozen != NULL)
                gz_http_frozen_release(resp->frozen);
        resp->frozen = f;
        resp->status = f->status;
}
