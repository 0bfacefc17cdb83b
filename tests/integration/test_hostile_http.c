/* Replays tests/integration/hostile_requests.txt (malformed and hostile
 * HTTP/1.1: framing conflicts, bad chunks, bare CR and LF, control bytes,
 * absurd sizes, pipelined garbage) against the real server, one connection
 * per request, and checks that each is refused, held or answered as its
 * entry says, that no hidden request is ever answered on its own (through
 * the access log), that held connections are closed by the deadlines, and
 * that the server answers a normal request after every one of them. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "lib/harness.h"

#define MAX_ENTRIES 512

enum expect { REJECT, DENY, SMUGGLE, HOLD, ANY, OK, LENIENT };

struct entry {
        enum expect expect;
        int ok_count; /* for OK */
        char name[96];
        char *bytes;
        size_t len, cap;
        /* What happened */
        int codes[8];
        size_t code_count;
        bool closed;
        int held_fd; /* >= 0: still open after the answer window */
};

static struct entry entries[MAX_ENTRIES];
static size_t entry_count;
static bool replayed;
static struct gz_test_server server;
static char site_dir[512];
static char access_log[600];

static int64_t
now_ms(void)
{
        struct timespec ts;
        clock_gettime(CLOCK_MONOTONIC, &ts);
        return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* ---- the corpus file ------------------------------------------------------ */

static void
put(struct entry *e, const void *p, size_t n)
{
        if (e->len + n + 1 > e->cap) {
                e->cap = (e->len + n + 1) * 2;
                e->bytes = realloc(e->bytes, e->cap);
                assert_non_null(e->bytes);
        }
        memcpy(e->bytes + e->len, p, n);
        e->len += n;
        e->bytes[e->len] = '\0';
}

static int
hex_digit(char c)
{
        if (c >= '0' && c <= '9')
                return c - '0';
        if (c >= 'a' && c <= 'f')
                return c - 'a' + 10;
        if (c >= 'A' && c <= 'F')
                return c - 'A' + 10;
        return -1;
}

/* Appends the bytes of text[0..n) with the file's escapes; false when the
 * text is not well formed. */
static bool
unescape(struct entry *e, const char *t, size_t n)
{
        for (size_t i = 0; i < n;) {
                char c = t[i];
                if (c == '{') {
                        const char *star = memchr(t + i, '*', n - i);
                        const char *close = memchr(t + i, '}', n - i);
                        if (star == NULL || close == NULL || star > close)
                                return false;
                        long times = strtol(t + i + 1, NULL, 10);
                        if (times <= 0 || times > 1000000)
                                return false;
                        for (long k = 0; k < times; k++)
                                if (!unescape(e, star + 1, (size_t)(close - star - 1)))
                                        return false;
                        i = (size_t)(close - t) + 1;
                        continue;
                }
                if (c != '\\') {
                        put(e, &c, 1);
                        i++;
                        continue;
                }
                if (i + 1 >= n)
                        return false;
                char b;
                switch (t[i + 1]) {
                case 'r':
                        b = '\r';
                        break;
                case 'n':
                        b = '\n';
                        break;
                case 't':
                        b = '\t';
                        break;
                case '0':
                        b = '\0';
                        break;
                case 's':
                        b = ' ';
                        break;
                case '\\':
                        b = '\\';
                        break;
                case 'x': {
                        if (i + 3 >= n || hex_digit(t[i + 2]) < 0 || hex_digit(t[i + 3]) < 0)
                                return false;
                        b = (char)(hex_digit(t[i + 2]) * 16 + hex_digit(t[i + 3]));
                        put(e, &b, 1);
                        i += 4;
                        continue;
                }
                default:
                        return false;
                }
                put(e, &b, 1);
                i += 2;
        }
        return true;
}

static bool
parse_expect(const char *word, struct entry *e)
{
        static const struct {
                const char *word;
                enum expect expect;
        } words[] = {{"reject", REJECT}, {"deny", DENY}, {"smuggle", SMUGGLE},
                     {"hold", HOLD},     {"any", ANY},   {"lenient", LENIENT}};
        for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
                if (strcmp(word, words[i].word) == 0) {
                        e->expect = words[i].expect;
                        return true;
                }
        }
        if (strncmp(word, "ok:", 3) == 0 && atoi(word + 3) > 0) {
                e->expect = OK;
                e->ok_count = atoi(word + 3);
                return true;
        }
        return false;
}

static void
load_corpus(void)
{
        const char *root = getenv("GZ_ROOT");
        char path[1024];
        snprintf(path, sizeof(path), "%s/tests/integration/hostile_requests.txt",
                 root && *root ? root : ".");
        FILE *f = fopen(path, "r");
        if (f == NULL) {
                fprintf(stderr, "cannot open %s\n", path);
                fail();
        }
        char line[8192];
        int lineno = 0;
        struct entry *e = NULL;
        while (fgets(line, sizeof(line), f) != NULL) {
                lineno++;
                size_t n = strlen(line);
                while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
                        line[--n] = '\0';
                const char *t = line;
                while (*t == ' ')
                        t++;
                if (*t == '\0' || line[0] == '#')
                        continue;
                if (strncmp(line, "== ", 3) == 0) {
                        assert_true(entry_count < MAX_ENTRIES);
                        e = &entries[entry_count++];
                        memset(e, 0, sizeof(*e));
                        e->held_fd = -1;
                        char word[32];
                        if (sscanf(line + 3, "%31s %95s", word, e->name) != 2 ||
                            !parse_expect(word, e)) {
                                fprintf(stderr, "%s:%d: bad entry line\n", path, lineno);
                                fail();
                        }
                        continue;
                }
                if (e == NULL || !unescape(e, t, strlen(t))) {
                        fprintf(stderr, "%s:%d: bad bytes\n", path, lineno);
                        fail();
                }
        }
        fclose(f);
        /* Each entry's hidden request gets a marker of its own, of the same
         * length, so that Content-Lengths in the file stay right. */
        for (size_t i = 0; i < entry_count; i++) {
                struct entry *x = &entries[i];
                for (char *p = x->bytes;
                     p && (p = memmem(p, x->len - (size_t)(p - x->bytes), "smuggled", 8)) != NULL;
                     p += 8) {
                        char marker[9];
                        snprintf(marker, sizeof(marker), "sm%06zu", i);
                        memcpy(p, marker, 8);
                }
        }
}

/* ---- one exchange ---------------------------------------------------------- */

static int
connect_server(void)
{
        int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        struct sockaddr_in addr = {.sin_family = AF_INET, .sin_port = htons((uint16_t)server.port)};
        inet_pton(AF_INET, "127.0.0.1", &addr.sin_addr);
        if (connect(fd, (struct sockaddr *)&addr, sizeof(addr)) != 0) {
                close(fd);
                return -1;
        }
        return fd;
}

/* Sends the entry and reads until the server closes, or until it has been
 * quiet for a while (1.5 s for the first byte, 250 ms after). */
static void
exchange(struct entry *e)
{
        int fd = connect_server();
        assert_true(fd >= 0);
        size_t sent = 0;
        while (sent < e->len) {
                ssize_t w = send(fd, e->bytes + sent, e->len - sent, MSG_NOSIGNAL);
                if (w <= 0)
                        break; /* the server may close before reading it all */
                sent += (size_t)w;
        }
        char *out = malloc(1 << 20);
        size_t got = 0;
        int64_t start = now_ms();
        for (;;) {
                struct pollfd pfd = {.fd = fd, .events = POLLIN};
                int wait = got == 0 ? 1500 : 250;
                if (poll(&pfd, 1, wait) <= 0 || now_ms() - start > 5000)
                        break;
                ssize_t r = recv(fd, out + got, (1 << 20) - 1 - got, 0);
                if (r <= 0) {
                        e->closed = true;
                        break;
                }
                got += (size_t)r;
        }
        out[got] = '\0';
        /* The answers, one after the other, each framed by its Content-Length. */
        for (const char *p = out; p + 12 <= out + got && strncmp(p, "HTTP/1.", 7) == 0;) {
                int code = atoi(p + 9);
                const char *end = memmem(p, (size_t)(out + got - p), "\r\n\r\n", 4);
                if (code != 100 && e->code_count < 8)
                        e->codes[e->code_count++] = code;
                if (end == NULL)
                        break;
                size_t body = 0;
                const char *cl = memmem(p, (size_t)(end - p), "\r\nContent-Length: ", 18);
                if (cl != NULL)
                        body = (size_t)strtoul(cl + 18, NULL, 10);
                p = end + 4 + body;
        }
        free(out);
        if (e->closed)
                close(fd);
        else
                e->held_fd = fd;
}

static bool
all_refusals(const struct entry *e)
{
        for (size_t i = 0; i < e->code_count; i++)
                if (e->codes[i] < 400)
                        return false;
        return true;
}

static const char *
verdict(const struct entry *e)
{
        switch (e->expect) {
        case REJECT:
                if (!all_refusals(e))
                        return "answered below 400";
                if (!e->closed)
                        return "connection left open after the refusal";
                return NULL;
        case DENY:
        case HOLD:
                return all_refusals(e) ? NULL : "answered below 400";
        case OK:
                if ((int)e->code_count != e->ok_count)
                        return "wrong number of answers";
                for (size_t i = 0; i < e->code_count; i++)
                        if (e->codes[i] < 200 || e->codes[i] > 299)
                                return "a control was not answered 2xx";
                return NULL;
        default:
                return NULL;
        }
}

static bool
server_alive(void)
{
        int status;
        return waitpid(server.pid, &status, WNOHANG) == 0;
}

/* ---- the tests --------------------------------------------------------- */

static void
corpus_holds_at_least_150_requests(void **state)
{
        (void)state;
        load_corpus();
        size_t kinds[LENIENT + 1] = {0};
        for (size_t i = 0; i < entry_count; i++) {
                assert_true(entries[i].len > 0);
                kinds[entries[i].expect]++;
        }
        printf("# %zu requests: %zu reject, %zu deny, %zu smuggle, %zu hold, %zu any, %zu "
               "control, %zu known leniencies\n",
               entry_count, kinds[REJECT], kinds[DENY], kinds[SMUGGLE], kinds[HOLD], kinds[ANY],
               kinds[OK], kinds[LENIENT]);
        assert_true(entry_count >= 150);
        assert_true(kinds[SMUGGLE] >= 20);
        assert_true(kinds[OK] >= 5);
}

static void
every_request_is_refused_held_or_answered_as_its_entry_says(void **state)
{
        (void)state;
        assert_true(entry_count > 0);
        size_t bad = 0, closed = 0, held = 0;
        int64_t worst_followup = 0;
        int64_t start = now_ms();
        for (size_t i = 0; i < entry_count; i++) {
                struct entry *e = &entries[i];
                exchange(e);
                closed += e->closed;
                held += !e->closed;
                const char *why = verdict(e);
                if (why != NULL) {
                        bad++;
                        printf("# %zu %s: %s (answers:", i, e->name, why);
                        for (size_t k = 0; k < e->code_count; k++)
                                printf(" %d", e->codes[k]);
                        printf("%s)\n", e->closed ? ", closed" : ", open");
                }
                if (!server_alive()) {
                        printf("# the server died after %zu %s\n", i, e->name);
                        fail();
                }
                /* A normal request right after, on a new connection. */
                int64_t t0 = now_ms();
                struct gz_test_resp r;
                assert_int_equal(gz_test_get(&server, "/healthz", &r), 0);
                if (r.status != 200) {
                        printf("# after %zu %s the server answered /healthz %ld\n", i, e->name,
                               r.status);
                        fail();
                }
                gz_test_resp_free(&r);
                int64_t took = now_ms() - t0;
                if (took > worst_followup)
                        worst_followup = took;
        }
        replayed = true;
        printf("# replayed %zu requests in %lld ms: %zu connections closed by the server, %zu "
               "left open (answered keep-alive or waiting for more bytes); slowest normal "
               "request after one: %lld ms\n",
               entry_count, (long long)(now_ms() - start), closed, held, (long long)worst_followup);
        assert_int_equal(bad, 0);
        assert_true(worst_followup < 2000);
}

static void
no_hidden_request_is_answered_on_its_own(void **state)
{
        (void)state;
        assert_true(replayed);
        /* The access log is flushed four times a second. */
        usleep(700 * 1000);
        char *log = NULL;
        char cmd[700];
        snprintf(cmd, sizeof(cmd), "cat '%s'", access_log);
        assert_int_equal(gz_test_run(cmd, &log), 0);
        size_t lines = gz_test_count(log, strlen(log), "\n");
        size_t answered = 0, refused = 0, known = 0, pipelined = 0;
        bool leaked = false;
        for (char *line = log; line && *line;) {
                char *end = strchr(line, '\n');
                if (end)
                        *end = '\0';
                const char *q = strstr(line, "?sm");
                const char *status = strstr(line, "HTTP/1.1\" ");
                int code = status ? atoi(status + 10) : 0;
                if (strstr(line, "GET /healthz?pipelined HTTP/1.1\" 200") != NULL)
                        pipelined++;
                if (q != NULL && code > 0) {
                        size_t i = (size_t)strtoul(q + 3, NULL, 10);
                        assert_true(i < entry_count);
                        const struct entry *e = &entries[i];
                        if (code >= 400) {
                                refused++;
                        } else if (e->expect == LENIENT) {
                                known++;
                                printf("# known leniency of libmicrohttpd 0.9.75: %s: its "
                                       "hidden request was answered %d\n",
                                       e->name, code);
                        } else {
                                answered++;
                                leaked = true;
                                printf("# %zu %s: its hidden request was answered %d: %s\n", i,
                                       e->name, code, line);
                        }
                }
                line = end ? end + 1 : NULL;
        }
        size_t controls = 0, hidden = 0;
        for (size_t i = 0; i < entry_count; i++) {
                if (entries[i].expect == OK &&
                    memmem(entries[i].bytes, entries[i].len, "?pipelined", 10) != NULL)
                        controls++;
                if (memmem(entries[i].bytes, entries[i].len, "?sm", 3) != NULL)
                        hidden++;
        }
        printf("# %zu access log lines; %zu entries hide a request: %zu of those refused as "
               "garbage (4xx/5xx), %zu answered (known leniencies), %zu answered otherwise; "
               "%zu pipelined controls answered\n",
               lines, hidden, refused, known, answered, pipelined);
        free(log);
        assert_false(leaked);
        /* The controls prove that an answered pipelined request does show. */
        assert_true(pipelined >= controls);
}

static void
held_connections_are_closed_by_the_deadlines(void **state)
{
        (void)state;
        assert_true(replayed);
        /* --head-timeout 2 for unfinished heads, --idle-timeout 3 for the rest. */
        int64_t deadline = now_ms() + 10000;
        size_t open = 0, total = 0;
        int64_t start = now_ms();
        for (size_t i = 0; i < entry_count; i++)
                total += entries[i].held_fd >= 0;
        for (;;) {
                open = 0;
                for (size_t i = 0; i < entry_count; i++) {
                        struct entry *e = &entries[i];
                        if (e->held_fd < 0)
                                continue;
                        struct pollfd pfd = {.fd = e->held_fd, .events = POLLIN};
                        char buf[4096];
                        ssize_t r = 1;
                        while (poll(&pfd, 1, 0) > 0 &&
                               (r = recv(e->held_fd, buf, sizeof(buf), MSG_DONTWAIT)) > 0)
                                ;
                        if (r <= 0 && !(r < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))) {
                                close(e->held_fd);
                                e->held_fd = -1;
                        } else {
                                open++;
                        }
                }
                if (open == 0 || now_ms() > deadline)
                        break;
                usleep(100 * 1000);
        }
        printf("# %zu connections were still open after the corpus; the server closed them "
               "all within %lld ms\n",
               total, (long long)(now_ms() - start));
        for (size_t i = 0; i < entry_count; i++)
                if (entries[i].held_fd >= 0)
                        printf("# %zu %s is still open\n", i, entries[i].name);
        assert_int_equal(open, 0);

        /* Timed: the unfinished requests again, all at once, each cut by its
         * deadline (2 s for a head, 3 s of silence for a body) and not later. */
        int fds[MAX_ENTRIES];
        int64_t sent_at[MAX_ENTRIES], closed_at[MAX_ENTRIES];
        size_t n = 0;
        for (size_t i = 0; i < entry_count; i++) {
                if (entries[i].expect != HOLD)
                        continue;
                fds[n] = connect_server();
                assert_true(fds[n] >= 0);
                assert_true(send(fds[n], entries[i].bytes, entries[i].len, MSG_NOSIGNAL) ==
                            (ssize_t)entries[i].len);
                sent_at[n] = now_ms();
                closed_at[n] = 0;
                n++;
        }
        deadline = now_ms() + 10000;
        for (size_t left = n; left > 0 && now_ms() < deadline;) {
                for (size_t k = 0; k < n; k++) {
                        if (closed_at[k] != 0)
                                continue;
                        char buf[4096];
                        ssize_t r = recv(fds[k], buf, sizeof(buf), MSG_DONTWAIT);
                        if (r == 0 || (r < 0 && errno != EAGAIN && errno != EWOULDBLOCK)) {
                                closed_at[k] = now_ms();
                                close(fds[k]);
                                left--;
                        }
                }
                usleep(50 * 1000);
        }
        int64_t shortest = INT64_MAX, longest = 0;
        for (size_t k = 0; k < n; k++) {
                assert_true(closed_at[k] != 0);
                int64_t lived = closed_at[k] - sent_at[k];
                shortest = lived < shortest ? lived : shortest;
                longest = lived > longest ? lived : longest;
        }
        printf("# %zu unfinished requests sent at once were cut after %lld to %lld ms\n", n,
               (long long)shortest, (long long)longest);
        assert_true(n >= 5);
        assert_true(longest <= 3000 + 1500);
}

static int
setup(void **state)
{
        (void)state;
        gz_test_empty_site(site_dir, sizeof(site_dir), "--name 'Hostile HTTP'");
        snprintf(access_log, sizeof(access_log), "%s/access.log", site_dir);
        char args[1024];
        snprintf(args, sizeof(args), "--access-log '%s' --head-timeout 2 --idle-timeout 3",
                 access_log);
        gz_test_server_start(&server, site_dir, args);
        return 0;
}

static int
teardown(void **state)
{
        (void)state;
        int rc = gz_test_server_stop(&server);
        if (rc != 0)
                printf("# the server did not stop cleanly: %d\n", rc);
        gz_test_rmtree(site_dir);
        for (size_t i = 0; i < entry_count; i++) {
                if (entries[i].held_fd >= 0)
                        close(entries[i].held_fd);
                free(entries[i].bytes);
        }
        return rc == 0 ? 0 : -1;
}

int
main(void)
{
        signal(SIGPIPE, SIG_IGN);
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(corpus_holds_at_least_150_requests),
            cmocka_unit_test(every_request_is_refused_held_or_answered_as_its_entry_says),
            cmocka_unit_test(no_hidden_request_is_answered_on_its_own),
            cmocka_unit_test(held_connections_are_closed_by_the_deadlines),
        };
        return cmocka_run_group_tests_name("hostile_http", tests, setup, teardown);
}
