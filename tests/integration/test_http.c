/* The HTTP layer of the real server: limits, malformed requests, keep-alive,
 * the head deadline, and the program's own errors. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "lib/harness.h"

static struct gz_test_server server;
static char site_dir[512];

static void
still_serving(void)
{
        struct gz_test_resp r;
        assert_int_equal(gz_test_get(&server, "/healthz", &r), 0);
        assert_int_equal(r.status, 200);
        gz_test_resp_free(&r);
}

static void
headers_over_16k_get_431(void **state)
{
        (void)state;
        char *big = malloc(20000);
        snprintf(big, 20000, "X-Filler: ");
        memset(big + 10, 'a', 17000);
        big[17010] = '\0';
        const char *headers[] = {big, NULL};
        struct gz_test_resp r;
        assert_int_equal(gz_test_request(&server, "GET", "/", headers, NULL, 0, &r), 0);
        assert_int_equal(r.status, 431);
        gz_test_resp_free(&r);
        big[10 + 15000] = '\0'; /* just under the limit */
        assert_int_equal(gz_test_request(&server, "GET", "/", headers, NULL, 0, &r), 0);
        assert_int_equal(r.status, 200);
        gz_test_resp_free(&r);
        /* Far beyond: the library's own limit answers. */
        char *huge = malloc(100000);
        snprintf(huge, 100000, "X-Filler: ");
        memset(huge + 10, 'b', 90000);
        huge[90010] = '\0';
        const char *headers2[] = {huge, NULL};
        gz_test_request(&server, "GET", "/", headers2, NULL, 0, &r);
        assert_true(r.status == 431 || r.status == 0 || r.status == 400);
        gz_test_resp_free(&r);
        free(huge);
        free(big);
        still_serving();
}

static void
bodies_over_the_limit_get_413(void **state)
{
        (void)state;
        size_t n = 3 * 1024 * 1024;
        char *body = malloc(n);
        memset(body, 'x', n);
        const char *headers[] = {"Content-Type: application/x-www-form-urlencoded", NULL};
        struct gz_test_resp r;
        gz_test_request(&server, "POST", "/", headers, body, n, &r);
        assert_int_equal(r.status, 413);
        gz_test_resp_free(&r);
        free(body);
        /* A body on a GET is refused too. */
        char raw[] = "GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\n0123456789";
        char out[4096];
        assert_true(gz_test_raw(&server, raw, strlen(raw), out, sizeof(out), 3000) > 0);
        assert_non_null(strstr(out, " 413 "));
        still_serving();
}

static void
malformed_requests_get_400_or_a_closed_connection(void **state)
{
        (void)state;
        static const char *const bad[] = {
            "GARBAGE\r\n\r\n",
            "GET\r\n\r\n",
            "GET / HTTP/9.9\r\nHost: x\r\n\r\n",
            "GET / HTTP/1.1\r\nHost: x\r\nBad Header Line\r\n\r\n",
            "GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Length: 7\r\n\r\nhello",
            ("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: "
             "chunked\r\n\r\nZZZ\r\nxx\r\n0\r\n\r\n"),
            "GET /%00 HTTP/1.1\r\nHost: x\r\n\r\n",
            "GET /%zz HTTP/1.1\r\nHost: x\r\n\r\n",
            "GET /\xff\xfe HTTP/1.1\r\nHost: x\r\n\r\n",
            "GET noslash HTTP/1.1\r\nHost: x\r\n\r\n",
            "\x01\x02\x03\x04\r\n\r\n",
        };
        for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
                char out[8192];
                ssize_t n = gz_test_raw(&server, bad[i], strlen(bad[i]), out, sizeof(out), 3000);
                bool closed = n == 0;
                bool refused = n > 0 && strncmp(out, "HTTP/1.1 4", 10) == 0;
                bool not_impl = n > 0 && strncmp(out, "HTTP/1.1 5", 10) == 0;
                if (!(closed || refused || not_impl))
                        fprintf(stderr, "request %zu answered: %.60s\n", i, out);
                assert_true(closed || refused || not_impl);
                assert_null(strstr(out, " 200 "));
                still_serving();
        }
}

static void
keep_alive_answers_pipelined_requests(void **state)
{
        (void)state;
        const char two[] = "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"
                           "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
        char out[8192];
        ssize_t n = gz_test_raw(&server, two, strlen(two), out, sizeof(out), 3000);
        assert_true(n > 0);
        assert_int_equal(gz_test_count(out, (size_t)n, "HTTP/1.1 200 OK"), 2);
}

static void
slow_heads_are_cut_off_at_the_deadline(void **state)
{
        (void)state;
        /* This server runs with --head-timeout 2: a client that sends one
         * byte every half second stays active but never finishes. */
        int fd = socket(AF_INET, SOCK_STREAM, 0);
        struct sockaddr_in addr = {.sin_family = AF_INET, .sin_port = htons((uint16_t)server.port)};
        inet_pton(AF_INET, "127.0.0.1", &addr.sin_addr);
        assert_int_equal(connect(fd, (struct sockaddr *)&addr, sizeof(addr)), 0);
        const char *head = "GET / HTTP/1.1\r\nHost: x\r\nX-Slow: aaaaaaaaaaaaaaaaaaaaaaaaaaaa";
        time_t start = time(NULL);
        bool closed = false;
        for (size_t i = 0; head[i] && !closed; i++) {
                if (send(fd, head + i, 1, MSG_NOSIGNAL) != 1) {
                        closed = true;
                        break;
                }
                struct pollfd pfd = {.fd = fd, .events = POLLIN};
                if (poll(&pfd, 1, 500) > 0) {
                        char buf[256];
                        if (recv(fd, buf, sizeof(buf), 0) <= 0)
                                closed = true;
                }
        }
        close(fd);
        assert_true(closed);
        assert_true(time(NULL) - start <= 8);
        still_serving();
}

static void
sign_in_and_search_are_rate_limited_per_address(void **state)
{
        (void)state;
        /* This server runs with the default limits: 10 sign-ins and 60
         * uncached searches a minute per address. */
        const char *headers[] = {"Content-Type: application/x-www-form-urlencoded",
                                 "Origin: http://127.0.0.1", NULL};
        const char body[] = "email=x%40example.org&password=whatever";
        int limited = 0;
        const char *retry = NULL;
        for (int i = 0; i < 12; i++) {
                struct gz_test_resp r;
                gz_test_request(&server, "POST", "/admin/login", headers, body, strlen(body), &r);
                if (r.status == 429) {
                        limited++;
                        retry = gz_test_header(&r, "Retry-After");
                        assert_non_null(retry);
                        assert_true(atoi(retry) >= 1);
                }
                gz_test_resp_free(&r);
        }
        assert_int_equal(limited, 2);
        int searches_limited = 0;
        for (int i = 0; i < 65; i++) {
                char path[64];
                snprintf(path, sizeof(path), "/search?q=word%d", i);
                struct gz_test_resp r;
                gz_test_get(&server, path, &r);
                searches_limited += r.status == 429;
                gz_test_resp_free(&r);
        }
        assert_int_equal(searches_limited, 5);
        /* The same search again comes from the cache: no limit applies. */
        struct gz_test_resp r;
        gz_test_get(&server, "/search?q=word1", &r);
        assert_int_equal(r.status, 200);
        gz_test_resp_free(&r);
        still_serving();
}

static void
bad_command_lines_fail_clearly(void **state)
{
        (void)state;
        char cmd[1024], *out;
        snprintf(cmd, sizeof(cmd), "'%s' serve /nonexistent/site 2>&1", gz_test_bin());
        assert_int_not_equal(gz_test_run(cmd, &out), 0);
        assert_non_null(strstr(out, "no site in /nonexistent/site"));
        free(out);
        snprintf(cmd, sizeof(cmd), "'%s' serve '%s' --listen nonsense 2>&1", gz_test_bin(),
                 site_dir);
        assert_int_not_equal(gz_test_run(cmd, &out), 0);
        assert_non_null(strstr(out, "--listen"));
        free(out);
        snprintf(cmd, sizeof(cmd), "'%s' serve '%s' --bogus 2>&1", gz_test_bin(), site_dir);
        assert_int_not_equal(gz_test_run(cmd, &out), 0);
        assert_non_null(strstr(out, "unknown option --bogus"));
        free(out);
        snprintf(cmd, sizeof(cmd), "'%s' frobnicate 2>&1", gz_test_bin());
        assert_int_not_equal(gz_test_run(cmd, &out), 0);
        assert_non_null(strstr(out, "unknown command"));
        free(out);
        snprintf(cmd, sizeof(cmd), "'%s' init '%s' 2>&1", gz_test_bin(), site_dir);
        assert_int_not_equal(gz_test_run(cmd, &out), 0);
        assert_non_null(strstr(out, "already holds a site"));
        free(out);
        snprintf(cmd, sizeof(cmd), "'%s' serve --help", gz_test_bin());
        assert_int_equal(gz_test_run(cmd, &out), 0);
        assert_non_null(strstr(out, "--listen ADDR:PORT"));
        free(out);
        snprintf(cmd, sizeof(cmd), "'%s' --help", gz_test_bin());
        assert_int_equal(gz_test_run(cmd, &out), 0);
        assert_non_null(strstr(out, "init"));
        free(out);
}

static void
a_corrupt_database_gives_a_one_line_error(void **state)
{
        (void)state;
        char dir[512], cmd[2048], *out;
        gz_test_empty_site(dir, sizeof(dir), NULL);
        snprintf(cmd, sizeof(cmd), "head -c 65536 /dev/urandom > '%s/gazette.db'", dir);
        assert_int_equal(gz_test_run(cmd, NULL), 0);
        snprintf(cmd, sizeof(cmd), "'%s' serve '%s' --listen 127.0.0.1:0 2>&1", gz_test_bin(), dir);
        assert_int_equal(gz_test_run(cmd, &out), 1);
        assert_non_null(strstr(out, "is not a Gazette database"));
        assert_int_equal(gz_test_count(out, strlen(out), "\n"), 1);
        free(out);
        snprintf(cmd, sizeof(cmd), "'%s' check '%s' 2>&1", gz_test_bin(), dir);
        assert_int_equal(gz_test_run(cmd, &out), 1);
        free(out);
        gz_test_rmtree(dir);
}

static int
setup(void **state)
{
        (void)state;
        gz_test_empty_site(site_dir, sizeof(site_dir), "--name 'HTTP test'");
        gz_test_server_start(&server, site_dir, "--access-log off --head-timeout 2");
        return 0;
}

static int
teardown(void **state)
{
        (void)state;
        int rc = gz_test_server_stop(&server);
        gz_test_rmtree(site_dir);
        return rc == 0 ? 0 : -1;
}

int
main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(headers_over_16k_get_431),
            cmocka_unit_test(bodies_over_the_limit_get_413),
            cmocka_unit_test(malformed_requests_get_400_or_a_closed_connection),
            cmocka_unit_test(keep_alive_answers_pipelined_requests),
            cmocka_unit_test(slow_heads_are_cut_off_at_the_deadline),
            cmocka_unit_test(sign_in_and_search_are_rate_limited_per_address),
            cmocka_unit_test(bad_command_lines_fail_clearly),
            cmocka_unit_test(a_corrupt_database_gives_a_one_line_error),
        };
        return cmocka_run_group_tests_name("http", tests, setup, teardown);
}
