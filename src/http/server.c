/* The HTTP server: libmicrohttpd on epoll with a thread pool, its limits and
 * timeouts set explicitly, request bodies streamed through its post
 * processor, and an absolute deadline for request heads (the library's own
 * timeout only measures inactivity, so a client sending a byte every second
 * would otherwise hold a connection forever). */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <microhttpd.h>
#include <netdb.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include "http.h"
#include "http_internal.h"

/* Connections still receiving a request head, for the deadline sweeper. */
struct head_watch {
        int fd;
        int64_t deadline_ms; /* 0: not receiving a head (handler running or idle) */
        struct head_watch *prev, *next;
};

struct gz_http_server {
        struct gz_http_config cfg;
        struct MHD_Daemon *daemon;
        int port;
        char **proxies;
        size_t proxy_count;
        pthread_mutex_t watch_lock;
        struct head_watch *watches;
        pthread_t sweeper;
        bool sweeper_started;
        atomic_bool stopping;
        pthread_mutex_t log_lock;
};

const char *const gz_method_names[GZ_METHOD__MAX] = {
    [GZ_GET] = "GET",     [GZ_HEAD] = "HEAD",     [GZ_POST] = "POST",       [GZ_PUT] = "PUT",
    [GZ_PATCH] = "PATCH", [GZ_DELETE] = "DELETE", [GZ_OPTIONS] = "OPTIONS", [GZ_METHOD_OTHER] = "",
};

void
gz_http_config_defaults(struct gz_http_config *cfg)
{
        memset(cfg, 0, sizeof(*cfg));
        cfg->address = "127.0.0.1";
        cfg->port = 8080;
        cfg->listen_fd = -1;
        long cores = sysconf(_SC_NPROCESSORS_ONLN);
        cfg->threads = cores > 0 ? (unsigned)cores : 2;
        cfg->connection_limit = 20000;
        cfg->per_ip_limit = 512;
        cfg->idle_timeout_s = 30;
        cfg->head_timeout_s = 20;
        cfg->max_header_bytes = 16 * 1024;
        cfg->max_form_fields = 1000;
}

/* ---- the head deadline ------------------------------------------------ */

static void
watch_arm(struct gz_http_server *s, struct head_watch *w)
{
        pthread_mutex_lock(&s->watch_lock);
        w->deadline_ms = gz_monotonic_ms() + (int64_t)s->cfg.head_timeout_s * 1000;
        pthread_mutex_unlock(&s->watch_lock);
}

static void
watch_disarm(struct gz_http_server *s, struct head_watch *w)
{
        pthread_mutex_lock(&s->watch_lock);
        w->deadline_ms = 0;
        pthread_mutex_unlock(&s->watch_lock);
}

/* Once a second, shuts down the sockets of connections whose head is late.
 * shutdown() (never close()) makes the library see the end of the stream and
 * clean up in its own thread; the lock guarantees the fd is still theirs,
 * since the close notification removes the watch under the same lock. */
static void *
sweeper_main(void *arg)
{
        struct gz_http_server *s = arg;
        while (!atomic_load(&s->stopping)) {
                usleep(250 * 1000);
                int64_t now = gz_monotonic_ms();
                pthread_mutex_lock(&s->watch_lock);
                for (struct head_watch *w = s->watches; w != NULL; w = w->next) {
                        if (w->deadline_ms != 0 && now > w->deadline_ms) {
                                shutdown(w->fd, SHUT_RDWR);
                                w->deadline_ms = 0;
                        }
                }
                pthread_mutex_unlock(&s->watch_lock);
                if (s->cfg.access_log != NULL) {
                        pthread_mutex_lock(&s->log_lock);
                        fflush(s->cfg.access_log);
                        pthread_mutex_unlock(&s->log_lock);
                }
        }
        return NULL;
}

static void
on_connection(void *cls, struct MHD_Connection *connection, void **socket_context,
              enum MHD_ConnectionNotificationCode toe)
{
        struct gz_http_server *s = cls;
        if (toe == MHD_CONNECTION_NOTIFY_STARTED) {
                const union MHD_ConnectionInfo *info =
                    MHD_get_connection_info(connection, MHD_CONNECTION_INFO_CONNECTION_FD);
                struct head_watch *w = gz_xcalloc(1, sizeof(*w));
                w->fd = info ? info->connect_fd : -1;
                pthread_mutex_lock(&s->watch_lock);
                w->deadline_ms = gz_monotonic_ms() + (int64_t)s->cfg.head_timeout_s * 1000;
                w->next = s->watches;
                if (s->watches)
                        s->watches->prev = w;
                s->watches = w;
                pthread_mutex_unlock(&s->watch_lock);
                *socket_context = w;
        } else if (toe == MHD_CONNECTION_NOTIFY_CLOSED) {
                struct head_watch *w = *socket_context;
                if (w == NULL)
                        return;
                pthread_mutex_lock(&s->watch_lock);
                if (w->prev)
                        w->prev->next = w->next;
                else
                        s->watches = w->next;
                if (w->next)
                        w->next->prev = w->prev;
                pthread_mutex_unlock(&s->watch_lock);
                free(w);
                *socket_context = NULL;
        }
}

static struct head_watch *
conn_watch(struct MHD_Connection *connection)
{
        const union MHD_ConnectionInfo *info =
            MHD_get_connection_info(connection, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
        return info ? info->socket_context : NULL;
}

/* ---- per-request state ------------------------------------------------ */

/* Arenas are reused per thread: a request lives on one connection, and a
 * connection on one thread of the pool. A thread's spares are freed when
 * the thread ends. */
struct spares {
        struct gz_arena *arenas[8];
        size_t count;
};

static pthread_key_t spares_key;
static pthread_once_t spares_once = PTHREAD_ONCE_INIT;

static void
spares_free(void *p)
{
        struct spares *sp = p;
        for (size_t i = 0; i < sp->count; i++)
                gz_arena_free(sp->arenas[i]);
        free(sp);
}

static void
spares_init(void)
{
        pthread_key_create(&spares_key, spares_free);
}

static struct spares *
thread_spares(void)
{
        pthread_once(&spares_once, spares_init);
        struct spares *sp = pthread_getspecific(spares_key);
        if (sp == NULL) {
                sp = gz_xcalloc(1, sizeof(*sp));
                pthread_setspecific(spares_key, sp);
        }
        return sp;
}

static struct gz_arena *
arena_get(void)
{
        struct spares *sp = thread_spares();
        if (sp->count > 0)
                return sp->arenas[--sp->count];
        return gz_arena_new(32 * 1024);
}

static void
arena_put(struct gz_arena *a)
{
        /* Keep only arenas that stayed small, so one huge page does not pin memory. */
        struct spares *sp = thread_spares();
        if (sp->count < GZ_ARRAY_LEN(sp->arenas) && gz_arena_used(a) < 1024 * 1024) {
                gz_arena_reset(a);
                sp->arenas[sp->count++] = a;
        } else {
                gz_arena_free(a);
        }
}

static void *
on_uri(void *cls, const char *uri, struct MHD_Connection *connection)
{
        struct gz_http_server *s = cls;
        struct gz_arena *a = arena_get();
        struct gz_http_conn *hc = GZ_NEW(a, struct gz_http_conn);
        hc->srv_cfg = &s->cfg;
        hc->mhd = connection;
        hc->arena = a;
        hc->raw_uri = gz_arena_strdup(a, uri);
        hc->file_fd = -1;
        hc->status = 0;
        return hc;
}

static void
remove_uploads(struct gz_http_conn *hc)
{
        if (hc->file_fd >= 0) {
                close(hc->file_fd);
                hc->file_fd = -1;
        }
        for (struct gz_form_field *f = hc->req.form; f != NULL; f = f->next)
                if (f->tmp_path != NULL)
                        unlink(f->tmp_path);
}

static void log_access(struct gz_http_server *s, struct gz_http_conn *hc);

static void
on_completed(void *cls, struct MHD_Connection *connection, void **con_cls,
             enum MHD_RequestTerminationCode toe)
{
        struct gz_http_server *s = cls;
        struct gz_http_conn *hc = *con_cls;
        (void)toe;
        if (hc == NULL)
                return;
        if (hc->pp != NULL)
                MHD_destroy_post_processor(hc->pp);
        remove_uploads(hc);
        if (s->cfg.access_log != NULL && hc->status != 0)
                log_access(s, hc);
        /* The next request on this keep-alive connection gets a fresh deadline. */
        struct head_watch *w = conn_watch(connection);
        if (w != NULL)
                watch_arm(s, w);
        arena_put(hc->arena);
        *con_cls = NULL;
}

/* ---- client address --------------------------------------------------- */

static const char *
peer_address(struct gz_arena *a, struct MHD_Connection *connection)
{
        const union MHD_ConnectionInfo *info =
            MHD_get_connection_info(connection, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
        char host[INET6_ADDRSTRLEN] = "-";
        if (info != NULL && info->client_addr != NULL) {
                const struct sockaddr *sa = info->client_addr;
                if (sa->sa_family == AF_INET)
                        inet_ntop(AF_INET,
                                  &((const struct sockaddr_in *)(const void *)sa)->sin_addr, host,
                                  sizeof(host));
                else if (sa->sa_family == AF_INET6)
                        inet_ntop(AF_INET6,
                                  &((const struct sockaddr_in6 *)(const void *)sa)->sin6_addr, host,
                                  sizeof(host));
        }
        return gz_arena_strdup(a, host);
}

static bool
is_trusted_proxy(const struct gz_http_server *s, const char *ip)
{
        for (size_t i = 0; i < s->proxy_count; i++)
                if (strcmp(s->proxies[i], ip) == 0)
                        return true;
        return false;
}

/* With a trusted proxy in front, the client is the rightmost address of
 * X-Forwarded-For that is not itself a trusted proxy. */
static const char *
client_address(struct gz_http_server *s, struct gz_http_conn *hc)
{
        const char *peer = hc->req.peer_ip;
        if (!is_trusted_proxy(s, peer))
                return peer;
        const char *xff = gz_req_header(&hc->req, "X-Forwarded-For");
        if (xff == NULL)
                return peer;
        char *copy = gz_arena_strdup(hc->arena, xff);
        char *end = copy + strlen(copy);
        while (end > copy) {
                char *comma = end;
                while (comma > copy && comma[-1] != ',')
                        comma--;
                char *item = comma;
                while (*item == ' ')
                        item++;
                char *stop = end;
                while (stop > item && stop[-1] == ' ')
                        stop--;
                *stop = '\0';
                unsigned char probe[sizeof(struct in6_addr)];
                bool valid =
                    inet_pton(AF_INET, item, probe) == 1 || inet_pton(AF_INET6, item, probe) == 1;
                if (!valid)
                        return peer;
                if (!is_trusted_proxy(s, item))
                        return item;
                end = comma > copy ? comma - 1 : copy;
        }
        return peer;
}

/* ---- request bodies --------------------------------------------------- */

static enum MHD_Result
on_post_data(void *cls, enum MHD_ValueKind kind, const char *key, const char *filename,
             const char *content_type, const char *transfer_encoding, const char *data,
             uint64_t off, size_t size)
{
        struct gz_http_conn *hc = cls;
        (void)kind;
        (void)transfer_encoding;
        if (key == NULL)
                return MHD_NO;
        struct gz_form_field *f = hc->cur_field;
        bool starts = f == NULL || off == 0 || strcmp(f->name, key) != 0 ||
                      (filename != NULL) != (f->filename != NULL);
        if (starts) {
                if (++hc->field_count > hc->srv_cfg->max_form_fields)
                        return MHD_NO;
                if (hc->file_fd >= 0) {
                        close(hc->file_fd);
                        hc->file_fd = -1;
                }
                f = GZ_NEW(hc->arena, struct gz_form_field);
                f->name = gz_arena_strdup(hc->arena, key);
                f->value = "";
                if (filename != NULL) {
                        f->filename = gz_arena_strdup(hc->arena, filename);
                        f->content_type =
                            gz_arena_strdup(hc->arena, content_type ? content_type : "");
                        const char *dir =
                            hc->srv_cfg->upload_dir ? hc->srv_cfg->upload_dir : "/tmp";
                        char *path = gz_arena_printf(hc->arena, "%s/upload-XXXXXX", dir);
                        hc->file_fd = mkostemp(path, O_CLOEXEC);
                        if (hc->file_fd < 0) {
                                gz_warn("upload: cannot create a file in %s: %s", dir,
                                        strerror(errno));
                                return MHD_NO;
                        }
                        f->tmp_path = path;
                }
                gz_buf_init(&hc->field_value, hc->arena);
                if (hc->field_tail)
                        hc->field_tail->next = f;
                else
                        hc->req.form = f;
                hc->field_tail = f;
                hc->cur_field = f;
        }
        if (size == 0)
                return MHD_YES;
        if (f->filename != NULL) {
                const char *p = data;
                size_t left = size;
                while (left > 0) {
                        ssize_t w = write(hc->file_fd, p, left);
                        if (w < 0 && errno == EINTR)
                                continue;
                        if (w < 0) {
                                gz_warn("upload: write failed: %s", strerror(errno));
                                return MHD_NO;
                        }
                        p += w;
                        left -= (size_t)w;
                }
                f->file_size += size;
        } else {
                /* A NUL byte is dropped, as in urlencoded forms: handlers
                 * read values as C strings, and the length must agree
                 * (found by fuzz_http_request). */
                for (const char *p = data, *end = data + size; p < end;) {
                        const char *nul = memchr(p, '\0', (size_t)(end - p));
                        size_t n = nul ? (size_t)(nul - p) : (size_t)(end - p);
                        gz_buf_put(&hc->field_value, p, n);
                        p += n + (nul ? 1 : 0);
                }
                if (hc->field_value.data == NULL)
                        gz_buf_puts(&hc->field_value, "");
                f->value = hc->field_value.data;
                f->value_len = hc->field_value.len;
        }
        return MHD_YES;
}

static bool
content_type_is(const char *ct, const char *want)
{
        size_t n = strlen(want);
        return ct != NULL && strncasecmp(ct, want, n) == 0 &&
               (ct[n] == '\0' || ct[n] == ';' || ct[n] == ' ');
}

/* ---- responses -------------------------------------------------------- */

static enum MHD_Result
queue(struct gz_http_conn *hc, struct gz_resp *resp)
{
        struct MHD_Response *r;
        int status = resp->status ? resp->status : 200;
        if (resp->frozen != NULL) {
                status = gz_http_frozen_status(resp->frozen);
                hc->bytes = gz_http_frozen_body_len(resp->frozen);
                hc->status = status;
                enum MHD_Result ok =
                    MHD_queue_response(hc->mhd, (unsigned)status, gz_http_frozen_mhd(resp->frozen));
                gz_http_frozen_release(resp->frozen);
                resp->frozen = NULL;
                return ok;
        }
        if (resp->file_fd >= 0) {
                r = MHD_create_response_from_fd((uint64_t)resp->file_size, resp->file_fd);
                hc->bytes = (size_t)resp->file_size;
        } else {
                /* The body lives in the request's arena (or static memory),
                 * which outlives the response: no copy. */
                r = MHD_create_response_from_buffer(resp->body_len, (void *)(uintptr_t)resp->body,
                                                    MHD_RESPMEM_PERSISTENT);
                hc->bytes = resp->body_len;
        }
        if (r == NULL)
                return MHD_NO;
        if (resp->content_type != NULL)
                MHD_add_response_header(r, "Content-Type", resp->content_type);
        for (size_t i = 0; i < resp->header_count; i++)
                MHD_add_response_header(r, resp->headers[i].name, resp->headers[i].value);
        hc->status = status;
        enum MHD_Result ok = MHD_queue_response(hc->mhd, (unsigned)status, r);
        MHD_destroy_response(r);
        return ok;
}

static enum MHD_Result
queue_error(struct gz_http_conn *hc, int status, const char *message)
{
        struct gz_resp resp;
        gz_resp_init(&resp);
        gz_resp_text(&resp, status, message);
        gz_resp_header(&resp, "Connection", "close");
        return queue(hc, &resp);
}

static size_t
header_bytes(struct MHD_Connection *connection)
{
        size_t total = 0;
        MHD_get_connection_values_n(connection, MHD_HEADER_KIND, gz_http_count_header, &total);
        return total;
}

/* ---- framing ------------------------------------------------------------ */

/* What the library (0.9.75) lets through although RFC 9112 forbids it, and
 * where a proxy in front and this server could disagree on where a request
 * ends, so that bytes of one request's body are taken for the next request
 * (request smuggling). */
struct head_check {
        unsigned content_length, transfer_encoding, host;
        bool bad_field;
};

static bool
is_tchar(unsigned char c)
{
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               (c != '\0' && strchr("!#$%&'*+-.^_`|~", c) != NULL);
}

static enum MHD_Result
check_field(void *cls, enum MHD_ValueKind kind, const char *key, size_t key_size, const char *value,
            size_t value_size)
{
        struct head_check *c = cls;
        (void)kind;
        if (key_size == 0 || key == NULL || value == NULL || strlen(value) != value_size)
                c->bad_field = true;
        for (size_t i = 0; i < key_size && !c->bad_field; i++)
                if (!is_tchar((unsigned char)key[i]))
                        c->bad_field = true;
        for (size_t i = 0; i < value_size && !c->bad_field; i++) {
                unsigned char ch = (unsigned char)value[i];
                if ((ch < 0x20 && ch != '\t') || ch == 0x7f)
                        c->bad_field = true;
        }
        if (c->bad_field)
                return MHD_NO;
        if (strcasecmp(key, "Content-Length") == 0)
                c->content_length++;
        else if (strcasecmp(key, "Transfer-Encoding") == 0)
                c->transfer_encoding++;
        else if (strcasecmp(key, "Host") == 0)
                c->host++;
        return MHD_YES;
}

/* The status a request's head earns when its framing cannot be trusted, or
 * 0. Such a request is answered at once and its connection closed, since
 * where its body ends is exactly what is in doubt. */
static int
framing_status(struct MHD_Connection *connection, const char *method, const char *raw_uri,
               const char **message)
{
        for (const char *p = method; *p; p++) {
                if (!is_tchar((unsigned char)*p)) {
                        *message = "Bad request: the method is not a token.";
                        return 400;
                }
        }
        for (const char *p = raw_uri; *p; p++) {
                if ((unsigned char)*p <= 0x20 || *p == 0x7f) {
                        *message = "Bad request: control characters in the address.";
                        return 400;
                }
        }
        struct head_check c = {0};
        MHD_get_connection_values_n(connection, MHD_HEADER_KIND, check_field, &c);
        if (c.bad_field) {
                *message = "Bad request: a malformed header field.";
                return 400;
        }
        if (c.content_length > 1 || c.transfer_encoding > 1 || c.host > 1) {
                *message = "Bad request: a repeated Content-Length, Transfer-Encoding or Host.";
                return 400;
        }
        /* RFC 9112 3.2: a Host that is not a host[:port] is refused, so that
         * no page, log line or link is ever built from one. */
        const char *host = MHD_lookup_connection_value(connection, MHD_HEADER_KIND, "Host");
        for (const char *p = host; p != NULL && *p; p++) {
                unsigned char ch = (unsigned char)*p;
                if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
                      (ch >= '0' && ch <= '9') || strchr("-._~%!$&'()*+,;=:[]", ch) != NULL)) {
                        *message = "Bad request: the Host field is not a host name.";
                        return 400;
                }
        }
        const char *te =
            MHD_lookup_connection_value(connection, MHD_HEADER_KIND, "Transfer-Encoding");
        if (te == NULL)
                return 0;
        if (c.content_length > 0) {
                *message = "Bad request: both Content-Length and Transfer-Encoding.";
                return 400;
        }
        if (strcasecmp(te, "chunked") == 0)
                return 0;
        /* RFC 9112 6.3: chunked not last means the length is unknowable (400);
         * another coding before it is one this server does not know (501). */
        const char *last = strrchr(te, ',');
        last = last ? last + 1 : te;
        while (*last == ' ' || *last == '\t')
                last++;
        size_t n = strlen(last);
        while (n > 0 && (last[n - 1] == ' ' || last[n - 1] == '\t'))
                n--;
        if (n == 7 && strncasecmp(last, "chunked", 7) == 0) {
                *message = "Only the chunked transfer coding is supported.";
                return 501;
        }
        *message = "Bad request: the transfer coding does not end with chunked.";
        return 400;
}

static void
dispatch(struct gz_http_server *s, struct gz_http_conn *hc, struct gz_resp *resp)
{
        gz_resp_init(resp);
        s->cfg.handler(s->cfg.ctx, &hc->req, resp);
}

static enum MHD_Result
on_request(void *cls, struct MHD_Connection *connection, const char *url, const char *method,
           const char *version, const char *upload_data, size_t *upload_data_size, void **con_cls)
{
        struct gz_http_server *s = cls;
        struct gz_http_conn *hc = *con_cls;
        (void)url;
        if (hc == NULL) /* cannot happen: on_uri runs first */
                return MHD_NO;

        if (hc->state == GZ_CONN_NEW) {
                struct head_watch *w = conn_watch(connection);
                if (w != NULL)
                        watch_disarm(s, w);
                struct gz_req *req = &hc->req;
                req->arena = hc->arena;
                req->conn = hc;
                req->now = gz_now();
                req->method = GZ_METHOD_OTHER;
                for (int m = 0; m < GZ_METHOD_OTHER; m++)
                        if (strcmp(method, gz_method_names[m]) == 0)
                                req->method = (enum gz_method)m;
                req->method_name = gz_arena_strdup(hc->arena, method);
                hc->version = gz_arena_strdup(hc->arena, version);
                req->peer_ip = peer_address(hc->arena, connection);
                req->client_ip = client_address(s, hc);
                hc->state = GZ_CONN_BODY;

                const char *q = strchr(hc->raw_uri, '?');
                size_t path_len = q ? (size_t)(q - hc->raw_uri) : strlen(hc->raw_uri);
                req->raw_path = gz_arena_strndup(hc->arena, hc->raw_uri, path_len);
                req->query = q ? q + 1 : "";
                char *path;
                if (hc->raw_uri[0] != '/' ||
                    !gz_http_decode_path(hc->arena, hc->raw_uri, path_len, &path)) {
                        req->path = "/";
                        hc->early_status = 400;
                        hc->early_message = "Bad request: the address is malformed.";
                        return MHD_YES;
                }
                req->path = path;
                const char *framing_message = NULL;
                int framing = framing_status(connection, method, hc->raw_uri, &framing_message);
                if (framing != 0)
                        return queue_error(hc, framing, framing_message);
                if (strlen(hc->raw_uri) + header_bytes(connection) > s->cfg.max_header_bytes) {
                        hc->early_status = 431;
                        hc->early_message = "Request header fields too large.";
                        return MHD_YES;
                }
                if (req->method == GZ_METHOD_OTHER) {
                        hc->early_status = 501;
                        hc->early_message = "This method is not supported.";
                        return MHD_YES;
                }

                const char *ct = gz_req_header(req, "Content-Type");
                const char *cl = gz_req_header(req, "Content-Length");
                const char *te = gz_req_header(req, "Transfer-Encoding");
                bool has_body = (cl != NULL && strcmp(cl, "0") != 0) || te != NULL;
                hc->body_limit =
                    s->cfg.body_limit ? s->cfg.body_limit(s->cfg.ctx, req->method, req->path) : 0;
                long long length = 0;
                if (cl != NULL && !gz_parse_int(cl, 0, INT64_MAX, &length)) {
                        hc->early_status = 400;
                        hc->early_message = "Bad request: invalid Content-Length.";
                        return MHD_YES;
                }
                if (has_body && (size_t)length > hc->body_limit) {
                        /* Refuse before reading a byte of the body. */
                        return queue_error(hc, 413, "Request body too large.");
                }
                if (has_body && (content_type_is(ct, "application/x-www-form-urlencoded") ||
                                 content_type_is(ct, "multipart/form-data"))) {
                        hc->pp = MHD_create_post_processor(connection, 16 * 1024, on_post_data, hc);
                        if (hc->pp == NULL) {
                                hc->early_status = 400;
                                hc->early_message = "Bad request: malformed form encoding.";
                        }
                        req->form_parsed = true;
                }
                gz_buf_init(&hc->raw_body, hc->arena);
                return MHD_YES;
        }

        if (*upload_data_size > 0) {
                size_t n = *upload_data_size;
                *upload_data_size = 0;
                if (hc->early_status)
                        return MHD_YES; /* drain; the answer is already decided */
                hc->body_seen += n;
                if (hc->body_seen > hc->body_limit) {
                        /* A chunked body that grew past the limit. */
                        if (queue_error(hc, 413, "Request body too large.") == MHD_YES)
                                return MHD_YES;
                        return MHD_NO;
                }
                if (hc->pp != NULL) {
                        if (MHD_post_process(hc->pp, upload_data, n) != MHD_YES) {
                                hc->early_status = 400;
                                hc->early_message = "Bad request: the form could not be read.";
                        }
                } else {
                        gz_buf_put(&hc->raw_body, upload_data, n);
                }
                return MHD_YES;
        }

        /* The whole request is here: answer now (answering on the first call
         * would turn keep-alive off). */
        if (hc->state == GZ_CONN_DONE)
                return MHD_YES;
        hc->state = GZ_CONN_DONE;
        if (hc->pp != NULL) {
                MHD_destroy_post_processor(hc->pp);
                hc->pp = NULL;
        }
        if (hc->file_fd >= 0) {
                close(hc->file_fd);
                hc->file_fd = -1;
        }
        if (hc->early_status)
                return queue_error(hc, hc->early_status, hc->early_message);
        hc->req.body = hc->raw_body.data ? hc->raw_body.data : "";
        hc->req.body_len = hc->raw_body.len;
        struct gz_resp resp;
        dispatch(s, hc, &resp);
        return queue(hc, &resp);
}

/* ---- access log ------------------------------------------------------- */

static void
log_field(struct gz_buf *b, const char *s)
{
        if (s == NULL || *s == '\0') {
                gz_buf_putc(b, '-');
                return;
        }
        for (; *s; s++) {
                unsigned char c = (unsigned char)*s;
                if (c < 0x20 || c == '"' || c == '\\' || c == 0x7f)
                        gz_buf_printf(b, "\\x%02x", c);
                else
                        gz_buf_putc(b, (char)c);
        }
}

static void
log_access(struct gz_http_server *s, struct gz_http_conn *hc)
{
        static const char *const months[12] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                               "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
        int y, mo, d, h, mi, sec;
        gz_time_to_civil(hc->req.now ? hc->req.now : gz_now(), &y, &mo, &d, &h, &mi, &sec, NULL);
        struct gz_buf b;
        gz_buf_init(&b, hc->arena);
        gz_buf_printf(&b, "%s - - [%02d/%s/%04d:%02d:%02d:%02d +0000] \"",
                      hc->req.client_ip ? hc->req.client_ip : "-", d, months[mo - 1], y, h, mi,
                      sec);
        log_field(&b, hc->req.method_name);
        gz_buf_putc(&b, ' ');
        log_field(&b, hc->raw_uri);
        gz_buf_putc(&b, ' ');
        log_field(&b, hc->version);
        gz_buf_printf(&b, "\" %d %zu \"", hc->status, hc->bytes);
        log_field(&b, hc->state != GZ_CONN_NEW ? gz_req_header(&hc->req, "Referer") : NULL);
        gz_buf_puts(&b, "\" \"");
        log_field(&b, hc->state != GZ_CONN_NEW ? gz_req_header(&hc->req, "User-Agent") : NULL);
        gz_buf_puts(&b, "\"\n");
        /* Buffered: the sweeper flushes it every quarter second. */
        pthread_mutex_lock(&s->log_lock);
        fwrite(b.data, 1, b.len, s->cfg.access_log);
        pthread_mutex_unlock(&s->log_lock);
}

/* ---- start and stop --------------------------------------------------- */

static void
mhd_log(void *cls, const char *fmt, va_list ap)
{
        (void)cls;
        char line[512];
        vsnprintf(line, sizeof(line), fmt, ap);
        size_t n = strlen(line);
        while (n > 0 && line[n - 1] == '\n')
                line[--n] = '\0';
        gz_log(GZ_LOG_DEBUG, "http: %s", line);
}

int
gz_http_listen(const char *address, int port, struct gz_error *err)
{
        struct addrinfo hints = {.ai_family = AF_UNSPEC,
                                 .ai_socktype = SOCK_STREAM,
                                 .ai_flags = AI_PASSIVE | AI_NUMERICHOST | AI_NUMERICSERV};
        struct addrinfo *res = NULL;
        char port_s[16];
        snprintf(port_s, sizeof(port_s), "%d", port);
        if (getaddrinfo(address, port_s, &hints, &res) != 0 || res == NULL) {
                gz_fail(err, GZ_EINVAL, "cannot listen on %s: not a numeric IP address", address);
                return -1;
        }
        int fd = socket(res->ai_family, SOCK_STREAM | SOCK_CLOEXEC, 0);
        if (fd < 0) {
                freeaddrinfo(res);
                gz_fail(err, GZ_EIO, "socket: %s", strerror(errno));
                return -1;
        }
        int one = 1;
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
        if (bind(fd, res->ai_addr, res->ai_addrlen) != 0 || listen(fd, 4096) != 0) {
                int saved = errno;
                close(fd);
                freeaddrinfo(res);
                gz_fail(err, GZ_EIO, "cannot listen on %s port %d: %s", address, port,
                        strerror(saved));
                return -1;
        }
        freeaddrinfo(res);
        return fd;
}

static void
raise_fd_limit(void)
{
        struct rlimit rl;
        if (getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur < rl.rlim_max) {
                rl.rlim_cur = rl.rlim_max;
                setrlimit(RLIMIT_NOFILE, &rl);
        }
}

static void
split_proxies(struct gz_http_server *s, const char *list)
{
        if (list == NULL || *list == '\0')
                return;
        char *copy = gz_xstrdup(list);
        size_t cap = 4;
        s->proxies = gz_xcalloc(cap, sizeof(char *));
        char *save = NULL;
        for (char *tok = strtok_r(copy, ", ", &save); tok; tok = strtok_r(NULL, ", ", &save)) {
                if (s->proxy_count == cap) {
                        cap *= 2;
                        s->proxies = gz_xrealloc(s->proxies, cap * sizeof(char *));
                }
                s->proxies[s->proxy_count++] = gz_xstrdup(tok);
        }
        free(copy);
}

enum gz_err
gz_http_start(const struct gz_http_config *cfg, struct gz_http_server **out, struct gz_error *err)
{
        struct gz_http_server *s = gz_xcalloc(1, sizeof(*s));
        s->cfg = *cfg;
        pthread_mutex_init(&s->watch_lock, NULL);
        pthread_mutex_init(&s->log_lock, NULL);
        split_proxies(s, cfg->trusted_proxies);
        raise_fd_limit();

        int fd = cfg->listen_fd;
        if (fd < 0) {
                fd = gz_http_listen(cfg->address, cfg->port, err);
                if (fd < 0) {
                        gz_http_stop(s);
                        return err ? err->code : GZ_EIO;
                }
        }
        unsigned threads = cfg->threads ? cfg->threads : 1;
        unsigned flags =
            MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL | MHD_USE_ERROR_LOG | MHD_USE_ITC;
        /* The library's connection pool per connection: large enough for a
         * 16 KB head plus room for the response head; beyond it the library
         * answers 431 itself. */
        size_t pool = cfg->max_header_bytes * 2 + 8192;
        s->daemon = MHD_start_daemon(
            flags, 0, NULL, NULL, on_request, s, MHD_OPTION_LISTEN_SOCKET, fd,
            MHD_OPTION_THREAD_POOL_SIZE, threads, MHD_OPTION_CONNECTION_LIMIT,
            cfg->connection_limit, MHD_OPTION_PER_IP_CONNECTION_LIMIT, cfg->per_ip_limit,
            MHD_OPTION_CONNECTION_TIMEOUT, cfg->idle_timeout_s, MHD_OPTION_CONNECTION_MEMORY_LIMIT,
            pool, MHD_OPTION_URI_LOG_CALLBACK, on_uri, s, MHD_OPTION_NOTIFY_COMPLETED, on_completed,
            s, MHD_OPTION_NOTIFY_CONNECTION, on_connection, s, MHD_OPTION_STRICT_FOR_CLIENT, 1,
            MHD_OPTION_LISTEN_BACKLOG_SIZE, 4096, MHD_OPTION_EXTERNAL_LOGGER, mhd_log, NULL,
            MHD_OPTION_END);
        if (s->daemon == NULL) {
                close(fd);
                gz_http_stop(s);
                return gz_fail(err, GZ_EIO, "the HTTP server could not start");
        }
        const union MHD_DaemonInfo *info =
            MHD_get_daemon_info(s->daemon, MHD_DAEMON_INFO_BIND_PORT);
        s->port = info ? info->port : cfg->port;
        if (pthread_create(&s->sweeper, NULL, sweeper_main, s) != 0) {
                gz_http_stop(s);
                return gz_fail(err, GZ_EIO, "cannot start a thread");
        }
        s->sweeper_started = true;
        *out = s;
        return GZ_OK;
}

int
gz_http_port(const struct gz_http_server *s)
{
        return s->port;
}

void
gz_http_stop(struct gz_http_server *s)
{
        if (s == NULL)
                return;
        atomic_store(&s->stopping, true);
        if (s->daemon != NULL) {
                MHD_socket lfd = MHD_quiesce_daemon(s->daemon);
                MHD_stop_daemon(s->daemon);
                if (lfd != MHD_INVALID_SOCKET)
                        close(lfd);
        }
        if (s->sweeper_started)
                pthread_join(s->sweeper, NULL);
        if (s->cfg.access_log != NULL)
                fflush(s->cfg.access_log);
        for (size_t i = 0; i < s->proxy_count; i++)
                free(s->proxies[i]);
        free(s->proxies);
        pthread_mutex_destroy(&s->watch_lock);
        pthread_mutex_destroy(&s->log_lock);
        free(s);
}
