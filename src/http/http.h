/* Gazette HTTP: requests, responses and the server. It wraps libmicrohttpd so
 * that no handler sees the library; limits and timeouts are set here. */
#ifndef GZ_HTTP_H
#define GZ_HTTP_H

#include <stdio.h>
#include <sys/types.h>

#include "../core/core.h"

enum gz_method {
        GZ_GET,
        GZ_HEAD,
        GZ_POST,
        GZ_PUT,
        GZ_PATCH,
        GZ_DELETE,
        GZ_OPTIONS,
        GZ_METHOD_OTHER,
        GZ_METHOD__MAX
};

extern const char *const gz_method_names[GZ_METHOD__MAX];

/* A field of a urlencoded or multipart form. A file part is streamed to a
 * temporary file (tmp_path) that is removed when the request ends. */
struct gz_form_field {
        const char *name;
        const char *value; /* text value, NUL-terminated; "" for files */
        size_t value_len;
        const char *filename; /* NULL for text fields */
        const char *content_type;
        const char *tmp_path;
        size_t file_size;
        struct gz_form_field *next;
};

struct gz_http_conn; /* the library's connection, opaque to handlers */

struct gz_http_header {
        const char *name;
        const char *value;
};

struct gz_req {
        struct gz_arena *arena; /* freed when the request ends */
        enum gz_method method;
        const char *method_name;
        const char *path;      /* percent-decoded, valid UTF-8, no NUL, starts with '/' */
        const char *raw_path;  /* as sent */
        const char *query;     /* raw query string without '?', "" if none */
        const char *client_ip; /* the peer, or X-Forwarded-For from a trusted proxy */
        const char *peer_ip;
        gz_time now;
        /* The body: raw bytes for non-form content types (JSON), parsed
         * fields for urlencoded and multipart forms. */
        const char *body;
        size_t body_len;
        struct gz_form_field *form;
        bool form_parsed;
        struct gz_http_conn *conn; /* NULL for requests made inside the program (export) */
        /* Headers of a request made inside the program (conn == NULL). */
        const struct gz_http_header *headers;
        size_t header_count;
        struct gz_form_field *query_fields; /* parsed on first use */
        bool query_parsed;
        void *user; /* for the application: signed-in user and such */
};

#define GZ_RESP_MAX_HEADERS 32

struct gz_http_frozen;

struct gz_resp {
        int status;
        const char *content_type;
        struct gz_http_header headers[GZ_RESP_MAX_HEADERS];
        size_t header_count;
        const char *body; /* lives at least as long as the request (arena or static) */
        size_t body_len;
        struct gz_http_frozen *frozen; /* when set, sent as is (one reference held) */
        int file_fd;                   /* when >= 0, the body is this file (closed by us) */
        off_t file_size;
};

/* ---- requests -------------------------------------------------------- */

/* A request header (case-insensitive name), or NULL. */
const char *gz_req_header(const struct gz_req *req, const char *name);
/* A decoded query argument, or NULL. */
const char *gz_req_query(const struct gz_req *req, const char *name);
/* A cookie value, or NULL. */
const char *gz_req_cookie(const struct gz_req *req, const char *name);
/* A form field's text value, or NULL. */
const char *gz_req_form(const struct gz_req *req, const char *name);
/* The first file part with that field name, or NULL. */
const struct gz_form_field *gz_req_form_file(const struct gz_req *req, const char *name);
/* All values of a repeated field, in order; returns the count. */
size_t gz_req_form_all(const struct gz_req *req, const char *name, const char **out, size_t max);

/* Percent-decodes a URL path: false for %00, bad escapes, control characters
 * or invalid UTF-8 (those requests get a 400). */
bool gz_http_decode_path(struct gz_arena *a, const char *raw, size_t n, char **out);
/* Parses a urlencoded string into fields (used for query strings and bodies). */
struct gz_form_field *gz_http_parse_urlencoded(struct gz_arena *a, const char *s, size_t n,
                                               size_t max_fields);

/* ---- responses ------------------------------------------------------- */

void gz_resp_init(struct gz_resp *resp);
/* Sets a header (replacing one of the same name); name and value must
 * outlive the request (arena or static). */
void gz_resp_header(struct gz_resp *resp, const char *name, const char *value);
/* Adds a header even if one of that name exists (Set-Cookie). */
void gz_resp_add_header(struct gz_resp *resp, const char *name, const char *value);
const char *gz_resp_get_header(const struct gz_resp *resp, const char *name);
void gz_resp_body(struct gz_resp *resp, int status, const char *content_type, const char *body,
                  size_t len);
/* A short plain-text answer: "404 Not Found\n" style bodies for non-HTML clients. */
void gz_resp_text(struct gz_resp *resp, int status, const char *message);
void gz_resp_redirect(struct gz_resp *resp, struct gz_arena *a, int status, const char *location);
/* Serves an open file (closed when sent); false if it cannot be stat'ed. */
bool gz_resp_file(struct gz_resp *resp, int fd, const char *content_type);
const char *gz_http_reason(int status);
/* Turns a 200 with an ETag into a 304 when If-None-Match lists it. */
void gz_http_conditional(const struct gz_req *req, struct gz_resp *resp);

/* A frozen response is built once and sent many times without copying the
 * body: the cache keeps these. Reference-counted; thread-safe. */
struct gz_http_frozen *gz_http_freeze(const struct gz_resp *resp);
void gz_http_frozen_ref(struct gz_http_frozen *f);
void gz_http_frozen_release(struct gz_http_frozen *f);
int gz_http_frozen_status(const struct gz_http_frozen *f);
size_t gz_http_frozen_body_len(const struct gz_http_frozen *f);
const char *gz_http_frozen_body(const struct gz_http_frozen *f);
const char *gz_http_frozen_header(const struct gz_http_frozen *f, const char *name);
/* The response sends f; takes its own reference. */
void gz_resp_use_frozen(struct gz_resp *resp, struct gz_http_frozen *f);

/* ---- the server ------------------------------------------------------ */

typedef void (*gz_http_handler)(void *ctx, struct gz_req *req, struct gz_resp *resp);
/* Decides the body limit of a request from its method and path, before any
 * byte of the body is read (0 refuses any body). */
typedef size_t (*gz_http_body_limit)(void *ctx, enum gz_method method, const char *path);

struct gz_http_config {
        const char *address; /* "127.0.0.1", "::1", "0.0.0.0" */
        int port;            /* 0 picks an ephemeral port */
        int listen_fd;       /* >= 0: an already bound socket (privilege drop) */
        unsigned threads;
        unsigned connection_limit;
        unsigned per_ip_limit; /* 0: none */
        unsigned idle_timeout_s;
        unsigned head_timeout_s; /* absolute deadline for a request's head */
        size_t max_header_bytes; /* 431 above this */
        size_t max_form_fields;
        const char *upload_dir;      /* file parts are streamed here */
        const char *trusted_proxies; /* comma-separated addresses that may set X-Forwarded-For */
        FILE *access_log;            /* combined log format; NULL: none */
        gz_http_handler handler;
        gz_http_body_limit body_limit;
        void *ctx;
};

void gz_http_config_defaults(struct gz_http_config *cfg);

struct gz_http_server;

enum gz_err gz_http_start(const struct gz_http_config *cfg, struct gz_http_server **out,
                          struct gz_error *err);
int gz_http_port(const struct gz_http_server *s);
/* Stops accepting, lets running requests finish, frees everything. */
void gz_http_stop(struct gz_http_server *s);
/* Binds a listening socket (before dropping privileges). */
int gz_http_listen(const char *address, int port, struct gz_error *err);

/* ---- rate limiting ----------------------------------------------------- */

/* A token bucket per client: each key (a client address) holds at most
 * burst tokens and earns one every interval_ms; a request spends one. The
 * table has a fixed number of entries, so an attacker with many addresses
 * can only evict other entries (which then start again with a full bucket),
 * never exhaust memory. IPv6 addresses count per /64, the block one
 * subscriber usually gets. Thread-safe. */
struct gz_ratelimit_config {
        unsigned burst;       /* tokens a new or rested client has; at least 1 */
        unsigned interval_ms; /* time to earn one token back; at least 1 */
        size_t max_clients;   /* entries in the table (rounded up to a multiple of 8) */
        /* The clock, for tests; NULL uses gz_monotonic_ms(). */
        int64_t (*now_ms)(void *clock_ctx);
        void *clock_ctx;
};

struct gz_ratelimit;

struct gz_ratelimit *gz_ratelimit_new(const struct gz_ratelimit_config *cfg);
void gz_ratelimit_free(struct gz_ratelimit *rl);
/* Spends a token of key (an address, or any other string such as an account
 * name). True when allowed; when refused, *retry_after_s (if not NULL) says
 * in how many whole seconds a token will be there (at least 1). */
bool gz_ratelimit_take(struct gz_ratelimit *rl, const char *key, unsigned *retry_after_s);
/* Entries in use, for tests and statistics. */
size_t gz_ratelimit_count(struct gz_ratelimit *rl);
/* Spends a token of the request's client address; when refused, answers
 * 429 Too Many Requests with Retry-After and returns false. */
bool gz_ratelimit_allow(struct gz_ratelimit *rl, const struct gz_req *req, struct gz_resp *resp);

#endif
