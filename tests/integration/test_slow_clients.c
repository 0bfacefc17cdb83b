/* Slow clients: 300 connections from 127.0.0.2 each send a request head one
 * byte at a time, never finishing it, while a normal reader on 127.0.0.1
 * fetches pages. The reader must not notice (every page within a second,
 * where it normally takes milliseconds: a denial-of-service check, not a
 * benchmark), and the server must cut every slow connection at its head
 * deadline (--head-timeout 3). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "lib/harness.h"

#define SLOW_CLIENTS 300
#define HEAD_TIMEOUT_S 3
#define BYTE_PAUSE_MS 100
/* Generous on purpose: a page takes milliseconds on loopback. */
#define NORMAL_BOUND_MS 1000

static struct gz_test_server server;
static char site_dir[512];
static char article_path[512];

struct slow_conn {
        int fd;
        int64_t connected_ms, closed_ms;
        size_t sent;
};

static struct slow_conn conns[SLOW_CLIENTS];
static atomic_bool stop_slow;
static atomic_int slow_ready;
/* Never complete: no blank line ever comes. */
static const char slow_head[] = "GET / HTTP/1.1\r\nHost: x\r\nUser-Agent: slow\r\nX-Slow: "
                                "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
                                "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

static int64_t
now_ms(void)
{
        struct timespec ts;
        clock_gettime(CLOCK_MONOTONIC, &ts);
        return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static int64_t
now_us(void)
{
        struct timespec ts;
        clock_gettime(CLOCK_MONOTONIC, &ts);
        return (int64_t)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

static int
connect_from(const char *source)
{
        int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        if (fd < 0)
                return -1;
        /* Loopback is all of 127/8: binding here gives the slow clients an
         * address of their own, apart from the normal reader's. */
        struct sockaddr_in local = {.sin_family = AF_INET};
        inet_pton(AF_INET, source, &local.sin_addr);
        struct sockaddr_in addr = {.sin_family = AF_INET, .sin_port = htons((uint16_t)server.port)};
        inet_pton(AF_INET, "127.0.0.1", &addr.sin_addr);
        if (bind(fd, (struct sockaddr *)&local, sizeof(local)) != 0 ||
            connect(fd, (struct sockaddr *)&addr, sizeof(addr)) != 0) {
                close(fd);
                return -1;
        }
        return fd;
}

/* Feeds one more byte to every slow connection every BYTE_PAUSE_MS, and
 * notes when the server closes each one. */
static void *
slow_main(void *arg)
{
        (void)arg;
        for (size_t i = 0; i < SLOW_CLIENTS; i++) {
                conns[i].fd = connect_from("127.0.0.2");
                conns[i].connected_ms = now_ms();
                if (conns[i].fd >= 0)
                        atomic_fetch_add(&slow_ready, 1);
        }
        while (!atomic_load(&stop_slow)) {
                bool any_open = false;
                for (size_t i = 0; i < SLOW_CLIENTS; i++) {
                        struct slow_conn *c = &conns[i];
                        if (c->fd < 0 || c->closed_ms != 0)
                                continue;
                        char buf[512];
                        ssize_t r = recv(c->fd, buf, sizeof(buf), MSG_DONTWAIT);
                        bool closed = r == 0 || (r < 0 && errno != EAGAIN && errno != EWOULDBLOCK);
                        if (!closed && c->sent < sizeof(slow_head) - 1) {
                                if (send(c->fd, slow_head + c->sent, 1, MSG_NOSIGNAL) == 1)
                                        c->sent++;
                                else
                                        closed = true;
                        }
                        if (closed)
                                c->closed_ms = now_ms();
                        else
                                any_open = true;
                }
                if (!any_open)
                        break;
                usleep(BYTE_PAUSE_MS * 1000);
        }
        return NULL;
}

struct timing {
        int64_t worst_us, total_us;
        size_t count;
};

static void
fetch(const char *path, struct timing *t)
{
        int64_t t0 = now_us();
        struct gz_test_resp r;
        assert_int_equal(gz_test_get(&server, path, &r), 0);
        assert_int_equal(r.status, 200);
        assert_true(r.len > 0);
        gz_test_resp_free(&r);
        int64_t took = now_us() - t0;
        if (took > t->worst_us)
                t->worst_us = took;
        t->total_us += took;
        t->count++;
}

static void
a_normal_reader_is_not_slowed_by_300_slow_clients(void **state)
{
        (void)state;
        static const char *pages[] = {"/", "/healthz", NULL, "/news/"};
        pages[2] = article_path;
        struct timing before = {0}, during = {0};
        for (int i = 0; i < 20; i++)
                fetch(pages[i % 4], &before);

        pthread_t slow;
        assert_int_equal(pthread_create(&slow, NULL, slow_main, NULL), 0);
        while (atomic_load(&slow_ready) < SLOW_CLIENTS) {
                usleep(10 * 1000);
                bool all_tried = true;
                for (size_t i = 0; i < SLOW_CLIENTS; i++)
                        all_tried &= conns[i].connected_ms != 0;
                if (all_tried)
                        break;
        }
        assert_int_equal(atomic_load(&slow_ready), SLOW_CLIENTS);
        /* Read through the whole life of the slow connections and past it. */
        int64_t end = now_ms() + (HEAD_TIMEOUT_S + 2) * 1000;
        for (int i = 0; now_ms() < end; i++) {
                fetch(pages[i % 4], &during);
                usleep(20 * 1000);
        }
        atomic_store(&stop_slow, true);
        pthread_join(slow, NULL);

        printf("# normal reader: %zu fetches alone, average %.2f ms, slowest %.2f ms; %zu "
               "fetches beside %d slow clients, average %.2f ms, slowest %.2f ms (bound %d "
               "ms)\n",
               before.count, (double)before.total_us / (double)before.count / 1000.0,
               (double)before.worst_us / 1000.0, during.count, SLOW_CLIENTS,
               (double)during.total_us / (double)during.count / 1000.0,
               (double)during.worst_us / 1000.0, NORMAL_BOUND_MS);
        assert_true(during.count >= 20);
        assert_true(during.worst_us < NORMAL_BOUND_MS * 1000);
}

static void
slow_connections_are_cut_at_the_head_deadline(void **state)
{
        (void)state;
        int64_t shortest = INT64_MAX, longest = 0;
        size_t cut = 0, bytes = 0;
        for (size_t i = 0; i < SLOW_CLIENTS; i++) {
                const struct slow_conn *c = &conns[i];
                bytes += c->sent;
                if (c->closed_ms == 0)
                        continue;
                cut++;
                int64_t lived = c->closed_ms - c->connected_ms;
                if (lived < shortest)
                        shortest = lived;
                if (lived > longest)
                        longest = lived;
        }
        printf("# %zu of %d slow connections cut after %lld to %lld ms (deadline %d s), having "
               "sent %zu bytes in all\n",
               cut, SLOW_CLIENTS, (long long)shortest, (long long)longest, HEAD_TIMEOUT_S, bytes);
        assert_int_equal(cut, SLOW_CLIENTS);
        /* Not before the deadline (they were sending all along, so an idle
         * timeout would not cut them), and soon after it. */
        assert_true(shortest >= HEAD_TIMEOUT_S * 1000 - 200);
        assert_true(longest <= HEAD_TIMEOUT_S * 1000 + 1500);
        for (size_t i = 0; i < SLOW_CLIENTS; i++)
                if (conns[i].fd >= 0)
                        close(conns[i].fd);
        struct gz_test_resp r;
        assert_int_equal(gz_test_get(&server, "/healthz", &r), 0);
        assert_int_equal(r.status, 200);
        gz_test_resp_free(&r);
}

/* An article's address, taken from the home page's first article link. */
static void
find_article(void)
{
        struct gz_test_resp r;
        assert_int_equal(gz_test_get(&server, "/", &r), 0);
        const char *p = r.body;
        snprintf(article_path, sizeof(article_path), "/");
        while ((p = strstr(p, "href=\"/20")) != NULL) {
                p += 6;
                const char *q = strchr(p, '"');
                if (q != NULL && (size_t)(q - p) < sizeof(article_path)) {
                        snprintf(article_path, sizeof(article_path), "%.*s", (int)(q - p), p);
                        break;
                }
        }
        gz_test_resp_free(&r);
}

static int
setup(void **state)
{
        (void)state;
        gz_test_demo_site(site_dir, sizeof(site_dir));
        gz_test_server_start(&server, site_dir, "--access-log off --head-timeout 3");
        find_article();
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
        signal(SIGPIPE, SIG_IGN);
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(a_normal_reader_is_not_slowed_by_300_slow_clients),
            cmocka_unit_test(slow_connections_are_cut_at_the_head_deadline),
        };
        return cmocka_run_group_tests_name("slow_clients", tests, setup, teardown);
}
