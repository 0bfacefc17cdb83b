/* The server's sandbox (src/app/sandbox.h) on the real server: this program
 * is also a small server (run with --serve) that binds its port, drops
 * root when asked, sets Landlock, starts the application, installs the
 * seccomp filter, sends an upload through the image worker, and serves until
 * SIGTERM. The tests drive it with real HTTP, prove that a forbidden system
 * call kills a process under the same filter (SIGSYS), that files outside
 * the site cannot be opened under Landlock, and that --user gives up root. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <pwd.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/ptrace.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/sysinfo.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "app/app.h"
#include "app/sandbox.h"
#include "store/store.h"
#include "lib/harness.h"
#include "media/media.h"

static char site_dir[512];
static char jpeg_path[1024];

/* ---- the sandboxed server (this program with --serve) --------------------- */

#if defined(__SANITIZE_ADDRESS__)
#define UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define UNDER_ASAN 1
#endif
#endif

static _Noreturn void
leave(int status)
{
        fflush(stdout);
#ifdef UNDER_ASAN
        /* LeakSanitizer stops the world with ptrace, which the filter forbids. */
        _exit(status);
#else
        exit(status);
#endif
}

static void
upload(const char *dir, const char *worker, const char *jpeg, int n)
{
        char *data = NULL;
        size_t len = 0;
        struct gz_error err;
        char media[1024], name[64];
        snprintf(media, sizeof(media), "%s/media", dir);
        snprintf(name, sizeof(name), "sandbox-upload-%d-%d", (int)getpid(), n);
        enum gz_err e = gz_file_read(jpeg, 64 << 20, &data, &len, &err);
        struct gz_media_result result;
        if (e == GZ_OK)
                e = gz_media_process_isolated(worker, data, len, media, name, NULL, 30000,
                                              GZ_MEDIA_FAULT_NONE, &result, &err);
        free(data);
        if (e == GZ_OK)
                printf("upload ok %s %zu renditions\n", result.original, result.rendition_count);
        else
                printf("upload failed: %s\n", err.msg);
        fflush(stdout);
}

/* --serve DIR WORKER JPEG [--no-sandbox] [--user NAME] */
static int
serve_main(int argc, char **argv)
{
        if (argc < 5)
                return 2;
        const char *dir = argv[2], *worker = argv[3], *jpeg = argv[4];
        bool sandbox = true;
        const char *user = NULL;
        for (int i = 5; i < argc; i++) {
                if (strcmp(argv[i], "--no-sandbox") == 0)
                        sandbox = false;
                else if (strcmp(argv[i], "--user") == 0 && i + 1 < argc)
                        user = argv[++i];
        }
        sigset_t stop;
        sigemptyset(&stop);
        sigaddset(&stop, SIGINT);
        sigaddset(&stop, SIGTERM);
        pthread_sigmask(SIG_BLOCK, &stop, NULL);
        signal(SIGPIPE, SIG_IGN);

        struct gz_error err;
        /* As `gazette serve --user` does: the port first, as root... */
        int fd = gz_http_listen("127.0.0.1", 0, &err);
        if (fd < 0) {
                printf("failed: %s\n", err.msg);
                leave(1);
        }
        /* ...then nobody. */
        if (user != NULL && gz_sandbox_drop_user(user, &err) != GZ_OK) {
                printf("failed: %s\n", err.msg);
                leave(1);
        }
        char log[1100];
        snprintf(log, sizeof(log), "%s/logs/access.log", dir);
        bool landlocked = false;
        if (sandbox) {
                const char *const logs[] = {log, NULL};
                struct gz_sandbox_paths paths = {
                    .site_dir = dir, .exe = worker, .write_files = logs};
                if (gz_sandbox_landlock(&paths, &landlocked, &err) != GZ_OK) {
                        printf("failed: %s\n", err.msg);
                        leave(1);
                }
        }
        struct gz_app_options opt = {.dir = dir,
                                     .listen = "127.0.0.1:0",
                                     .listen_fd = fd,
                                     .threads = 2,
                                     .access_log = log,
                                     .cache_bytes = 16 << 20,
                                     .worker_exe = worker};
        struct gz_app *app;
        if (gz_app_start(&opt, &app, &err) != GZ_OK) {
                printf("failed: %s\n", err.msg);
                leave(1);
        }
        if (sandbox && gz_sandbox_seccomp(&err) != GZ_OK) {
                printf("failed: %s\n", err.msg);
                leave(1);
        }
        printf("serving at http://127.0.0.1:%d/ landlock=%d seccomp=%d\n", gz_app_port(app),
               landlocked, sandbox);
        fflush(stdout);
        /* An editor's upload, under the sandbox, twice (the second finds
         * the worker's path warm). */
        upload(dir, worker, jpeg, 1);
        upload(dir, worker, jpeg, 2);
        /* An editor's save: the database written through a connection of
         * its own, as the admin's writer does. */
        char db[1100];
        snprintf(db, sizeof(db), "%s/gazette.db", dir);
        struct gz_store *store;
        enum gz_err e = gz_store_open(db, 0, &store, &err);
        if (e == GZ_OK) {
                e = gz_store_setting_set(store, "tagline", "Written under the sandbox", &err);
                gz_store_close(store);
        }
        printf("%s %s\n", e == GZ_OK ? "write ok" : "write failed:", e == GZ_OK ? "" : err.msg);
        fflush(stdout);
        int sig = 0;
        sigwait(&stop, &sig);
        gz_app_stop(app);
        printf("stopped\n");
        leave(0);
}

/* ---- driving it ------------------------------------------------------------ */

struct child {
        struct gz_test_server srv;
        FILE *out;
        char first_line[512];
};

/* A server still running when a test fails is stopped by the teardown. */
static pid_t live_child;

static bool
read_line(struct child *c, char *line, size_t size, int timeout_ms)
{
        int fd = fileno(c->out);
        struct pollfd pfd = {.fd = fd, .events = POLLIN};
        if (poll(&pfd, 1, timeout_ms) <= 0)
                return false;
        if (fgets(line, (int)size, c->out) == NULL)
                return false;
        line[strcspn(line, "\n")] = '\0';
        return true;
}

static void
start_child(struct child *c, const char *dir, const char *extra1, const char *extra2,
            const char *extra3)
{
        memset(c, 0, sizeof(*c));
        int out[2];
        assert_int_equal(pipe(out), 0);
        pid_t pid = fork();
        assert_true(pid >= 0);
        if (pid == 0) {
                dup2(out[1], 1);
                close(out[0]);
                char log[1024];
                snprintf(log, sizeof(log), "%s/server.log", dir);
                int lfd = open(log, O_WRONLY | O_CREAT | O_APPEND, 0644);
                if (lfd >= 0)
                        dup2(lfd, 2);
                char *argv[] = {"test_sandbox",        "--serve",      (char *)dir,
                                (char *)gz_test_bin(), jpeg_path,      (char *)extra1,
                                (char *)extra2,        (char *)extra3, NULL};
                execv("/proc/self/exe", argv);
                _exit(127);
        }
        close(out[1]);
        c->out = fdopen(out[0], "r");
        c->srv.pid = pid;
        live_child = pid;
        snprintf(c->srv.dir, sizeof(c->srv.dir), "%s", dir);
        if (!read_line(c, c->first_line, sizeof(c->first_line), 60000)) {
                snprintf(c->first_line, sizeof(c->first_line), "(nothing)");
        }
        const char *at = strstr(c->first_line, "http://127.0.0.1:");
        if (at == NULL) {
                printf("# the sandboxed server did not start: %s\n", c->first_line);
                char cmd[1100];
                snprintf(cmd, sizeof(cmd), "sed 's/^/# /' '%s/server.log'", dir);
                if (system(cmd) != 0)
                        printf("# (no log)\n");
                kill(pid, SIGKILL);
                waitpid(pid, NULL, 0);
                fail();
        }
        c->srv.port = atoi(at + strlen("http://127.0.0.1:"));
        snprintf(c->srv.base, sizeof(c->srv.base), "http://127.0.0.1:%d", c->srv.port);
}

/* SIGTERM, then how the child ended: "exit N" or "signal N". */
static int
stop_child(struct child *c, char *how, size_t how_size)
{
        kill(c->srv.pid, SIGTERM);
        live_child = 0;
        int status = 0;
        for (int i = 0; i < 300; i++) {
                if (waitpid(c->srv.pid, &status, WNOHANG) == c->srv.pid)
                        break;
                if (i == 299) {
                        kill(c->srv.pid, SIGKILL);
                        waitpid(c->srv.pid, &status, 0);
                }
                usleep(100 * 1000);
        }
        fclose(c->out);
        if (WIFSIGNALED(status)) {
                snprintf(how, how_size, "signal %d", WTERMSIG(status));
                return 128 + WTERMSIG(status);
        }
        snprintf(how, how_size, "exit %d", WEXITSTATUS(status));
        return WEXITSTATUS(status);
}

static long
get_status(const struct child *c, const char *path)
{
        struct gz_test_resp r;
        long status = gz_test_get(&c->srv, path, &r) == 0 ? r.status : -1;
        gz_test_resp_free(&r);
        return status;
}

/* A field of /proc/PID/status ("Seccomp", "Uid", ...). */
static void
proc_status(pid_t pid, const char *field, char *out, size_t size)
{
        char path[64], line[256];
        snprintf(path, sizeof(path), "/proc/%d/status", (int)pid);
        FILE *f = fopen(path, "r");
        out[0] = '\0';
        if (f == NULL)
                return;
        size_t n = strlen(field);
        while (fgets(line, sizeof(line), f) != NULL) {
                if (strncmp(line, field, n) == 0 && line[n] == ':') {
                        const char *v = line + n + 1;
                        while (*v == ' ' || *v == '\t')
                                v++;
                        snprintf(out, size, "%s", v);
                        out[strcspn(out, "\n")] = '\0';
                        size_t len = strlen(out);
                        while (len > 0 && out[len - 1] == ' ')
                                out[--len] = '\0';
                        break;
                }
        }
        fclose(f);
}

static void
a_sandboxed_server_serves_pages_and_uploads_and_stops_cleanly(void **state)
{
        (void)state;
        struct child c;
        start_child(&c, site_dir, NULL, NULL, NULL);
        printf("# %s\n", c.first_line);
        assert_non_null(strstr(c.first_line, "seccomp=1"));
        char value[128];
        proc_status(c.srv.pid, "Seccomp", value, sizeof(value));
        assert_string_equal(value, "2"); /* filter mode */
        proc_status(c.srv.pid, "NoNewPrivs", value, sizeof(value));
        assert_string_equal(value, "1");

        char line[512];
        for (int i = 0; i < 2; i++) {
                assert_true(read_line(&c, line, sizeof(line), 60000));
                printf("# %s\n", line);
                assert_true(strncmp(line, "upload ok ", 10) == 0);
        }
        assert_true(read_line(&c, line, sizeof(line), 60000));
        printf("# %s\n", line);
        assert_true(strncmp(line, "write ok", 8) == 0);
        /* Pages, assets, media (sendfile), conditional and compressed
         * answers, errors, and a multipart upload streamed to a file. */
        assert_int_equal(get_status(&c, "/"), 200);
        assert_int_equal(get_status(&c, "/"), 200); /* from the cache */
        assert_int_equal(get_status(&c, "/news/"), 200);
        assert_int_equal(get_status(&c, "/healthz"), 200);
        assert_int_equal(get_status(&c, "/no/such/page/"), 404);
        assert_int_equal(get_status(&c, "/media/demo-102-1600x900.jpg"), 200);
        struct gz_test_resp r;
        const char *gzip[] = {"Accept-Encoding: gzip, br", NULL};
        assert_int_equal(gz_test_request(&c.srv, "GET", "/", gzip, NULL, 0, &r), 0);
        assert_int_equal(r.status, 200);
        const char *etag = gz_test_header(&r, "ETag");
        char inm[300];
        snprintf(inm, sizeof(inm), "If-None-Match: %s", etag ? etag : "\"none\"");
        gz_test_resp_free(&r);
        assert_int_equal(gz_test_get(&c.srv, "/", &r), 0);
        char *css = strstr(r.body, "/assets/");
        assert_non_null(css);
        char asset[256];
        snprintf(asset, sizeof(asset), "%.*s", (int)strcspn(css, "\""), css);
        gz_test_resp_free(&r);
        assert_int_equal(get_status(&c, asset), 200);
        const char *cond[] = {inm, NULL};
        assert_int_equal(gz_test_request(&c.srv, "GET", "/", cond, NULL, 0, &r), 0);
        assert_true(r.status == 304 || r.status == 200);
        gz_test_resp_free(&r);
        const char body[] = "--gazette-boundary\r\nContent-Disposition: form-data; "
                            "name=\"file\"; filename=\"a.txt\"\r\nContent-Type: "
                            "text/plain\r\n\r\nhello\r\n--gazette-boundary--\r\n";
        const char *multipart[] = {"Content-Type: multipart/form-data; boundary=gazette-boundary",
                                   NULL};
        assert_int_equal(
            gz_test_request(&c.srv, "POST", "/healthz", multipart, body, sizeof(body) - 1, &r), 0);
        assert_int_equal(r.status, 200);
        gz_test_resp_free(&r);
        for (int i = 0; i < 50; i++)
                assert_int_equal(get_status(&c, i % 2 ? "/" : "/healthz"), 200);

        char how[64];
        int rc = stop_child(&c, how, sizeof(how));
        printf("# the sandboxed server ended with %s\n", how);
        assert_int_equal(rc, 0);
}

/* Runs fn in a child under the server's filter; returns how the child
 * ended (the signal number, or -exit status). */
static int
under_filter(void (*fn)(void))
{
        pid_t pid = fork();
        assert_true(pid >= 0);
        if (pid == 0) {
                struct gz_error err;
                if (gz_sandbox_seccomp(&err) != GZ_OK)
                        _exit(100);
                fn();
                _exit(0);
        }
        int status;
        waitpid(pid, &status, 0);
        return WIFSIGNALED(status) ? WTERMSIG(status) : -WEXITSTATUS(status);
}

static void
make_socket(void)
{
        socket(AF_INET, SOCK_STREAM, 0);
}

static void
make_fork(void)
{
        pid_t p = fork();
        if (p == 0)
                _exit(0);
}

static void
make_ptrace(void)
{
        ptrace(PTRACE_TRACEME, 0, NULL, NULL);
}

static void
make_writable_code(void)
{
        mmap(NULL, 4096, PROT_READ | PROT_WRITE | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
}

static void
make_connect_via_socketpair_inet(void)
{
        int sv[2];
        socketpair(AF_INET, SOCK_STREAM, 0, sv);
}

static void
make_kill_everyone(void)
{
        kill(-1, 0); /* signal 0 only asks; the call itself is what counts */
}

static void
make_kill_own_group(void)
{
        kill(0, 0);
}

static void
kill_one_process(void)
{
        if (kill(getpid(), 0) != 0)
                _exit(7);
}

static void
make_terminal_injection(void)
{
        char c = 'x';
        ioctl(0, TIOCSTI, &c);
}

static int
by_value(const void *a, const void *b)
{
        return *(const int *)a - *(const int *)b;
}

static void
do_allowed_things(void)
{
        /* What the server does all day must pass. */
        char buf[64];
        int fd = open("/proc/self/status", O_RDONLY | O_CLOEXEC);
        if (fd < 0 || read(fd, buf, sizeof(buf)) <= 0)
                _exit(3);
        close(fd);
        void *p = mmap(NULL, 1 << 20, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (p == MAP_FAILED)
                _exit(4);
        munmap(p, 1 << 20);
        struct timespec ts;
        clock_gettime(CLOCK_MONOTONIC, &ts);
        int sv[2];
        if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) != 0)
                _exit(5);
        /* A large sort: glibc's qsort asks the kernel how much memory there is
         * (sysinfo), which a listing of many articles once met in the server. */
        struct sysinfo si;
        if (sysinfo(&si) != 0)
                _exit(6);
        static int numbers[100000];
        for (int i = 0; i < 100000; i++)
                numbers[i] = (i * 7919) % 100003;
        qsort(numbers, 100000, sizeof(int), by_value);
}

static void
a_forbidden_system_call_kills_the_process(void **state)
{
        (void)state;
        int rc = under_filter(make_socket);
        printf("# socket(AF_INET): %s %d\n", rc > 0 ? "signal" : "exit", rc > 0 ? rc : -rc);
        assert_int_equal(rc, SIGSYS);
        assert_int_equal(under_filter(make_fork), SIGSYS);
        assert_int_equal(under_filter(make_ptrace), SIGSYS);
        assert_int_equal(under_filter(make_writable_code), SIGSYS);
        assert_int_equal(under_filter(make_connect_via_socketpair_inet), SIGSYS);
        assert_int_equal(under_filter(make_kill_everyone), SIGSYS);
        assert_int_equal(under_filter(make_terminal_injection), SIGSYS);
        assert_int_equal(under_filter(make_kill_own_group), SIGSYS);
        assert_int_equal(under_filter(kill_one_process), 0);
        assert_int_equal(under_filter(do_allowed_things), 0);
}

static void
landlock_keeps_files_outside_the_site_out_of_reach(void **state)
{
        (void)state;
        int abi = gz_sandbox_landlock_abi();
        if (abi == 0) {
                printf("# skipped: this kernel has no Landlock\n");
                return;
        }
        char outside[600];
        snprintf(outside, sizeof(outside), "%s.outside", site_dir);
        FILE *f = fopen(outside, "w");
        assert_non_null(f);
        fputs("secret\n", f);
        fclose(f);
        pid_t pid = fork();
        assert_true(pid >= 0);
        if (pid == 0) {
                struct gz_error err;
                bool applied;
                struct gz_sandbox_paths paths = {.site_dir = site_dir};
                if (gz_sandbox_landlock(&paths, &applied, &err) != GZ_OK || !applied)
                        _exit(10);
                char inside[600];
                snprintf(inside, sizeof(inside), "%s/gazette.db", site_dir);
                int fd = open(inside, O_RDWR | O_CLOEXEC);
                if (fd < 0)
                        _exit(11); /* the site stays readable and writable */
                close(fd);
                snprintf(inside, sizeof(inside), "%s/tmp/landlock-test", site_dir);
                fd = open(inside, O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
                if (fd < 0 || unlink(inside) != 0)
                        _exit(12);
                close(fd);
                if (open(outside, O_RDONLY | O_CLOEXEC) >= 0 || errno != EACCES)
                        _exit(13); /* a file beside the site */
                if (open("/etc/hostname-gazette-test", O_WRONLY | O_CREAT | O_CLOEXEC, 0600) >= 0 ||
                    errno != EACCES)
                        _exit(14); /* writing where only reading is allowed */
                if (open("/root/.profile", O_RDONLY | O_CLOEXEC) >= 0 && errno != ENOENT)
                        _exit(15);
                if (open("/etc/passwd", O_RDONLY | O_CLOEXEC) >= 0 || errno != EACCES)
                        _exit(16); /* /etc beyond what libraries need */
                fd = open("/etc/ld.so.cache", O_RDONLY | O_CLOEXEC);
                if (fd < 0)
                        _exit(19); /* what the loader needs stays readable */
                close(fd);
                fd = open("/usr/share/zoneinfo/UTC", O_RDONLY | O_CLOEXEC);
                if (fd < 0 && errno != ENOENT)
                        _exit(20);
                if (fd >= 0)
                        close(fd);
                char *const args[] = {"/bin/true", NULL};
                execv(args[0], args);
                if (errno != EACCES)
                        _exit(17); /* nothing but the worker may be executed */
                if (abi >= 4) {
                        int s = socket(AF_INET, SOCK_STREAM, 0);
                        struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons(9)};
                        inet_pton(AF_INET, "127.0.0.1", &a.sin_addr);
                        if (connect(s, (struct sockaddr *)&a, sizeof(a)) == 0 || errno != EACCES)
                                _exit(18); /* nor any TCP connection made */
                }
                _exit(0);
        }
        int status;
        waitpid(pid, &status, 0);
        unlink(outside);
        printf("# Landlock ABI %d: the child ended with %d (0: every check held)\n", abi,
               WIFEXITED(status) ? WEXITSTATUS(status) : -1);
        assert_true(WIFEXITED(status));
        assert_int_equal(WEXITSTATUS(status), 0);
}

static void *
sleeper(void *arg)
{
        (void)arg;
        pause();
        return NULL;
}

static void
landlock_refuses_once_threads_run(void **state)
{
        (void)state;
        if (gz_sandbox_landlock_abi() == 0) {
                printf("# skipped: this kernel has no Landlock\n");
                return;
        }
        pid_t pid = fork();
        if (pid == 0) {
                pthread_t t;
                pthread_create(&t, NULL, sleeper, NULL);
                struct gz_error err;
                bool applied;
                struct gz_sandbox_paths paths = {.site_dir = site_dir};
                enum gz_err e = gz_sandbox_landlock(&paths, &applied, &err);
                _exit(e == GZ_EINVAL && !applied ? 0 : 1);
        }
        int status;
        waitpid(pid, &status, 0);
        assert_true(WIFEXITED(status));
        assert_int_equal(WEXITSTATUS(status), 0);
}

static void
dropping_root_keeps_the_port_and_loses_root(void **state)
{
        (void)state;
        if (geteuid() != 0) {
                printf("# skipped: dropping root needs the tests to run as root\n");
                return;
        }
        struct passwd *pw = getpwnam("nobody");
        if (pw == NULL) {
                printf("# skipped: no user nobody\n");
                return;
        }
        /* Root itself and unknown users are refused before anything changes. */
        pid_t pid = fork();
        if (pid == 0) {
                struct gz_error err;
                if (gz_sandbox_drop_user("root", &err) != GZ_EINVAL || geteuid() != 0)
                        _exit(1);
                if (gz_sandbox_drop_user("no-such-user-gazette", &err) != GZ_EINVAL)
                        _exit(2);
                _exit(0);
        }
        int status;
        waitpid(pid, &status, 0);
        assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);

        char dir[512], cmd[2048];
        gz_test_demo_site(dir, sizeof(dir));
        snprintf(cmd, sizeof(cmd), "chown -R nobody '%s' && chmod 755 '%s'", dir, dir);
        assert_int_equal(gz_test_run(cmd, NULL), 0);
        struct child c;
        start_child(&c, dir, "--user", "nobody", NULL);
        printf("# %s\n", c.first_line);
        char uid[128], gid[128], groups[128], want[64];
        proc_status(c.srv.pid, "Uid", uid, sizeof(uid));
        proc_status(c.srv.pid, "Gid", gid, sizeof(gid));
        proc_status(c.srv.pid, "Groups", groups, sizeof(groups));
        printf("# Uid: %s; Gid: %s; Groups: %s\n", uid, gid, groups);
        snprintf(want, sizeof(want), "%u\t%u\t%u\t%u", (unsigned)pw->pw_uid, (unsigned)pw->pw_uid,
                 (unsigned)pw->pw_uid, (unsigned)pw->pw_uid);
        assert_string_equal(uid, want);
        snprintf(want, sizeof(want), "%u\t%u\t%u\t%u", (unsigned)pw->pw_gid, (unsigned)pw->pw_gid,
                 (unsigned)pw->pw_gid, (unsigned)pw->pw_gid);
        assert_string_equal(gid, want);
        snprintf(want, sizeof(want), "%u", (unsigned)pw->pw_gid);
        assert_string_equal(groups, want);
        assert_int_equal(get_status(&c, "/"), 200);
        assert_int_equal(get_status(&c, "/healthz"), 200);
        /* What it creates now belongs to nobody. */
        char log[1100];
        snprintf(log, sizeof(log), "%s/logs/access.log", dir);
        struct stat st;
        assert_int_equal(stat(log, &st), 0);
        assert_int_equal(st.st_uid, pw->pw_uid);
        char how[64];
        assert_int_equal(stop_child(&c, how, sizeof(how)), 0);
        gz_test_rmtree(dir);
}

static int
setup(void **state)
{
        (void)state;
        gz_test_demo_site(site_dir, sizeof(site_dir));
        snprintf(jpeg_path, sizeof(jpeg_path), "%s/media/demo-102-1600x900.jpg", site_dir);
        return 0;
}

static int
teardown(void **state)
{
        (void)state;
        if (live_child > 0) {
                kill(live_child, SIGKILL);
                waitpid(live_child, NULL, 0);
        }
        gz_test_rmtree(site_dir);
        return 0;
}

int
main(int argc, char **argv)
{
        if (argc > 1 && strcmp(argv[1], "--serve") == 0)
                return serve_main(argc, argv);
        /* The image worker is the program under test started as
         * "gazette __media-worker": it must exist. */
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(a_sandboxed_server_serves_pages_and_uploads_and_stops_cleanly),
            cmocka_unit_test(a_forbidden_system_call_kills_the_process),
            cmocka_unit_test(landlock_keeps_files_outside_the_site_out_of_reach),
            cmocka_unit_test(landlock_refuses_once_threads_run),
            cmocka_unit_test(dropping_root_keeps_the_port_and_loses_root),
        };
        return cmocka_run_group_tests_name("sandbox", tests, setup, teardown);
}
