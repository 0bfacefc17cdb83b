/* libFuzzer harness for whole requests: each input is sent as raw bytes over
 * loopback TCP to the real HTTP layer (libmicrohttpd with Gazette's limits,
 * head deadline, framing checks, form parser and multipart uploads), whose
 * handler reads everything a handler can read: path, query fields, cookies,
 * headers, form fields and uploaded files. Whatever the bytes, the server
 * must answer or close without a crash, a leak or a hang, and every value a
 * handler sees must keep the layer's promises (a path that starts with '/'
 * in valid UTF-8 with no control characters; NUL-terminated form values of
 * the length they claim; uploaded files of the size they claim), and a
 * plain request sent now and then must still be answered at once. */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include "http/http.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct gz_http_server *server;
static int port;

static void
check_request(void *ctx, struct gz_req *req, struct gz_resp *resp)
{
        (void)ctx;
        size_t n = strlen(req->path);
        if (req->path[0] != '/' || !gz_utf8_valid(req->path, n))
                abort();
        for (size_t i = 0; i < n; i++)
                if ((unsigned char)req->path[i] < 0x20)
                        abort();
        const char *names[] = {"q", "page", "title", "body", "file", "_csrf", "a"};
        for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
                const char *v = gz_req_query(req, names[i]);
                if (v != NULL && strlen(v) > 1 << 20)
                        abort();
                v = gz_req_form(req, names[i]);
                if (v != NULL && strlen(v) > 1 << 20)
                        abort();
                const struct gz_form_field *f = gz_req_form_file(req, names[i]);
                if (f != NULL) {
                        struct stat st;
                        if (f->tmp_path == NULL || stat(f->tmp_path, &st) != 0 ||
                            (size_t)st.st_size != f->file_size)
                                abort();
                }
        }
        for (const struct gz_form_field *f = req->form; f != NULL; f = f->next)
                if (f->name == NULL || f->value == NULL || strlen(f->value) != f->value_len)
                        abort();
        (void)gz_req_cookie(req, "gz_session");
        (void)gz_req_header(req, "Origin");
        gz_resp_text(resp, 200, "ok\n");
}

static size_t
body_limit(void *ctx, enum gz_method method, const char *path)
{
        (void)ctx;
        (void)path;
        return method == GZ_POST ? 64 * 1024 : 0;
}

static void
start(void)
{
        static char upload_dir[] = "/tmp/gazette-fuzz-http-XXXXXX";
        if (mkdtemp(upload_dir) == NULL)
                abort();
        struct gz_http_config cfg;
        gz_http_config_defaults(&cfg);
        cfg.address = "127.0.0.1";
        cfg.port = 0;
        cfg.listen_fd = -1;
        cfg.threads = 1;
        cfg.head_timeout_s = 1;
        cfg.idle_timeout_s = 1;
        /* Incomplete heads left behind wait for their deadline: hundreds. */
        cfg.per_ip_limit = 0;
        cfg.upload_dir = upload_dir;
        cfg.handler = check_request;
        cfg.body_limit = body_limit;
        struct gz_error err;
        if (gz_http_start(&cfg, &server, &err) != GZ_OK)
                abort();
        port = gz_http_port(server);
}

/* Sends bytes on a new connection and reads the answer: until the server
 * closes, or has answered and waits on the kept-alive connection (5 ms of
 * quiet), or, with no answer after wait_ms, gives up. True when any byte
 * of an answer came. */
static bool
exchange(const void *data, size_t size, int wait_ms)
{
        struct sockaddr_in addr = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port)};
        inet_pton(AF_INET, "127.0.0.1", &addr.sin_addr);
        int fd = -1;
        for (int attempt = 0; fd < 0 && attempt < 50; attempt++) {
                fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
                /* Closed with a reset: no TIME_WAIT, or hundreds of runs a
                 * second use up the ephemeral ports within minutes. */
                struct linger now = {.l_onoff = 1, .l_linger = 0};
                setsockopt(fd, SOL_SOCKET, SO_LINGER, &now, sizeof(now));
                if (connect(fd, (struct sockaddr *)&addr, sizeof(addr)) != 0) {
                        fprintf(stderr, "connect: %s\n", strerror(errno));
                        close(fd);
                        fd = -1;
                        usleep(100 * 1000);
                }
        }
        if (fd < 0)
                abort(); /* the server is gone */
        for (size_t sent = 0; sent < size;) {
                ssize_t w = send(fd, (const char *)data + sent, size - sent, MSG_NOSIGNAL);
                if (w <= 0)
                        break; /* it closed early: allowed */
                sent += (size_t)w;
        }
        shutdown(fd, SHUT_WR);
        char buf[16384];
        struct pollfd p = {.fd = fd, .events = POLLIN};
        bool answered = false;
        while (poll(&p, 1, answered ? 5 : wait_ms) > 0) {
                ssize_t r = recv(fd, buf, sizeof(buf), 0);
                if (r <= 0)
                        break;
                answered = true;
        }
        close(fd);
        return answered;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
        static unsigned runs;
        if (server == NULL)
                start();
        /* An incomplete head is answered only at its deadline: no waiting
         * for that here, the server's own sweeper closes it. */
        exchange(data, size, 20);
        /* Every so often, a plain request must still be answered at once:
         * no input may wedge the server's threads. */
        static const char probe[] = "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
        if (++runs % 64 == 0 && !exchange(probe, sizeof(probe) - 1, 5000))
                abort(); /* a hang */
        return 0;
}
