/* Test harness: real sites, a real server, a real HTTP client. */
#include "harness.h"

#include <arpa/inet.h>
#include <curl/curl.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/file.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

const char *
gz_test_bin(void)
{
        const char *bin = getenv("GZ_BIN");
        return bin && *bin ? bin : "build/gazette";
}

int
gz_test_run(const char *cmdline, char **out)
{
        FILE *p = popen(cmdline, "r");
        if (p == NULL)
                return -1;
        size_t cap = 4096, len = 0;
        char *buf = malloc(cap);
        size_t n;
        while ((n = fread(buf + len, 1, cap - len - 1, p)) > 0) {
                len += n;
                if (cap - len < 1024) {
                        cap *= 2;
                        buf = realloc(buf, cap);
                }
        }
        buf[len] = '\0';
        int status = pclose(p);
        if (out)
                *out = buf;
        else
                free(buf);
        return WIFEXITED(status) ? WEXITSTATUS(status) : 128;
}

void
gz_test_rmtree(const char *dir)
{
        if (dir == NULL || strlen(dir) < 8 || strncmp(dir, "/tmp/", 5) != 0)
                return; /* only our own temporary folders */
        char cmd[1024];
        snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
        gz_test_run(cmd, NULL);
}

static void
temp_dir(char *dir, size_t size)
{
        snprintf(dir, size, "/tmp/gazette-test-XXXXXX");
        if (mkdtemp(dir) == NULL) {
                perror("mkdtemp");
                exit(2);
        }
}

void
gz_test_demo_site(char *dir, size_t size)
{
        /* One demo site per build folder, made under a lock so parallel
         * test programs do not race, then copied for each test. */
        const char *bin = gz_test_bin();
        char fixtures[1024];
        const char *slash = strrchr(bin, '/');
        snprintf(fixtures, sizeof(fixtures), "%.*s/test-fixtures", slash ? (int)(slash - bin) : 1,
                 slash ? bin : ".");
        mkdir(fixtures, 0755);
        char lock_path[1100], site[1100], cmd[4096];
        snprintf(lock_path, sizeof(lock_path), "%s/demo.lock", fixtures);
        snprintf(site, sizeof(site), "%s/demo-site", fixtures);
        int lock = open(lock_path, O_CREAT | O_RDWR | O_CLOEXEC, 0644);
        flock(lock, LOCK_EX);
        char db[1200];
        snprintf(db, sizeof(db), "%s/gazette.db", site);
        struct stat st_db, st_bin;
        bool stale =
            stat(db, &st_db) != 0 || (stat(bin, &st_bin) == 0 && st_bin.st_mtime > st_db.st_mtime);
        if (stale) {
                snprintf(cmd, sizeof(cmd), "rm -rf '%s' && '%s' init '%s' --demo 2>&1", site, bin,
                         site);
                char *out = NULL;
                if (gz_test_run(cmd, &out) != 0) {
                        fprintf(stderr, "could not make the demo site: %s\n", out ? out : "");
                        exit(2);
                }
                free(out);
        }
        flock(lock, LOCK_UN);
        close(lock);
        temp_dir(dir, size);
        snprintf(cmd, sizeof(cmd), "cp -a '%s/.' '%s/'", site, dir);
        if (gz_test_run(cmd, NULL) != 0) {
                fprintf(stderr, "could not copy the demo site\n");
                exit(2);
        }
}

void
gz_test_empty_site(char *dir, size_t size, const char *init_args)
{
        temp_dir(dir, size);
        char cmd[2048];
        snprintf(cmd, sizeof(cmd), "'%s' init '%s' %s 2>&1", gz_test_bin(), dir,
                 init_args ? init_args : "");
        char *out = NULL;
        if (gz_test_run(cmd, &out) != 0) {
                fprintf(stderr, "gazette init failed: %s\n", out ? out : "");
                exit(2);
        }
        free(out);
}

void
gz_test_server_start(struct gz_test_server *s, const char *dir, const char *extra_args)
{
        memset(s, 0, sizeof(*s));
        snprintf(s->dir, sizeof(s->dir), "%s", dir);
        snprintf(s->log, sizeof(s->log), "%s/server.log", dir);
        int out[2];
        if (pipe(out) != 0)
                exit(2);
        pid_t pid = fork();
        if (pid == 0) {
                dup2(out[1], 1);
                int log = open(s->log, O_WRONLY | O_CREAT | O_APPEND, 0644);
                if (log >= 0)
                        dup2(log, 2);
                close(out[0]);
                char cmd[2048];
                snprintf(cmd, sizeof(cmd), "exec '%s' serve '%s' --listen 127.0.0.1:0 %s",
                         gz_test_bin(), dir,
                         extra_args ? extra_args
                                    : "--access-log off --login-rate 0 --search-rate 0");
                execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
                _exit(127);
        }
        close(out[1]);
        s->pid = pid;
        /* Wait for "... at http://127.0.0.1:PORT/ ..." (slow under ASan). */
        char line[1024] = {0};
        size_t len = 0;
        struct pollfd pfd = {.fd = out[0], .events = POLLIN};
        time_t deadline = time(NULL) + 60;
        while (len < sizeof(line) - 1 && strchr(line, '\n') == NULL && time(NULL) < deadline) {
                if (poll(&pfd, 1, 1000) <= 0)
                        continue;
                ssize_t n = read(out[0], line + len, sizeof(line) - 1 - len);
                if (n <= 0)
                        break;
                len += (size_t)n;
                line[len] = '\0';
        }
        close(out[0]);
        const char *at = strstr(line, "http://127.0.0.1:");
        if (at == NULL) {
                fprintf(stderr, "the server did not start: \"%s\" (log %s)\n", line, s->log);
                char cmd[700];
                snprintf(cmd, sizeof(cmd), "cat '%s' >&2", s->log);
                if (system(cmd) != 0)
                        fprintf(stderr, "(no log)\n");
                kill(pid, SIGKILL);
                exit(2);
        }
        s->port = atoi(at + strlen("http://127.0.0.1:"));
        snprintf(s->base, sizeof(s->base), "http://127.0.0.1:%d", s->port);
}

int
gz_test_server_stop(struct gz_test_server *s)
{
        if (s->pid <= 0)
                return -1;
        kill(s->pid, SIGTERM);
        int status = 0;
        for (int i = 0; i < 300; i++) {
                pid_t r = waitpid(s->pid, &status, WNOHANG);
                if (r == s->pid)
                        break;
                if (i == 299) {
                        kill(s->pid, SIGKILL);
                        waitpid(s->pid, &status, 0);
                        s->pid = 0;
                        return 124;
                }
                usleep(100 * 1000);
        }
        s->pid = 0;
        if (WIFSIGNALED(status))
                return 128 + WTERMSIG(status);
        return WEXITSTATUS(status);
}

/* ---- HTTP ---------------------------------------------------------------- */

struct sink {
        char *data;
        size_t len, cap;
};

static size_t
collect(char *ptr, size_t size, size_t nmemb, void *userdata)
{
        struct sink *s = userdata;
        size_t n = size * nmemb;
        if (s->len + n + 1 > s->cap) {
                size_t cap = s->cap ? s->cap : 4096;
                while (cap < s->len + n + 1)
                        cap *= 2;
                s->data = realloc(s->data, cap);
                s->cap = cap;
        }
        memcpy(s->data + s->len, ptr, n);
        s->len += n;
        s->data[s->len] = '\0';
        return n;
}

int
gz_test_request(const struct gz_test_server *s, const char *method, const char *path,
                const char *const *headers, const char *body, size_t body_len,
                struct gz_test_resp *resp)
{
        static bool ready;
        if (!ready) {
                curl_global_init(CURL_GLOBAL_DEFAULT);
                ready = true;
        }
        memset(resp, 0, sizeof(*resp));
        CURL *curl = curl_easy_init();
        char url[4096];
        snprintf(url, sizeof(url), "%s%s", s->base, path);
        struct sink body_sink = {0}, head_sink = {0};
        curl_easy_setopt(curl, CURLOPT_URL, url);
        curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, method);
        if (strcmp(method, "HEAD") == 0)
                curl_easy_setopt(curl, CURLOPT_NOBODY, 1L);
        curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, collect);
        curl_easy_setopt(curl, CURLOPT_WRITEDATA, &body_sink);
        curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, collect);
        curl_easy_setopt(curl, CURLOPT_HEADERDATA, &head_sink);
        curl_easy_setopt(curl, CURLOPT_TIMEOUT, 60L);
        curl_easy_setopt(curl, CURLOPT_PATH_AS_IS, 1L);
        struct curl_slist *list = NULL;
        for (size_t i = 0; headers && headers[i]; i++)
                list = curl_slist_append(list, headers[i]);
        list = curl_slist_append(list, "Expect:");
        curl_easy_setopt(curl, CURLOPT_HTTPHEADER, list);
        if (body != NULL) {
                curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body);
                curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE, (long)body_len);
        }
        CURLcode rc = curl_easy_perform(curl);
        curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &resp->status);
        curl_slist_free_all(list);
        curl_easy_cleanup(curl);
        resp->body = body_sink.data ? body_sink.data : calloc(1, 1);
        resp->len = body_sink.len;
        resp->headers = head_sink.data ? head_sink.data : calloc(1, 1);
        return rc == CURLE_OK ? 0 : -1;
}

int
gz_test_get(const struct gz_test_server *s, const char *path, struct gz_test_resp *resp)
{
        return gz_test_request(s, "GET", path, NULL, NULL, 0, resp);
}

const char *
gz_test_header(const struct gz_test_resp *resp, const char *name)
{
        static char value[4096];
        size_t n = strlen(name);
        for (const char *line = resp->headers; line && *line;) {
                const char *end = strstr(line, "\r\n");
                size_t len = end ? (size_t)(end - line) : strlen(line);
                if (len > n && strncasecmp(line, name, n) == 0 && line[n] == ':') {
                        const char *v = line + n + 1;
                        while (*v == ' ')
                                v++;
                        size_t vlen = len - (size_t)(v - line);
                        if (vlen >= sizeof(value))
                                vlen = sizeof(value) - 1;
                        memcpy(value, v, vlen);
                        value[vlen] = '\0';
                        return value;
                }
                line = end ? end + 2 : NULL;
        }
        return NULL;
}

void
gz_test_resp_free(struct gz_test_resp *resp)
{
        free(resp->body);
        free(resp->headers);
        memset(resp, 0, sizeof(*resp));
}

ssize_t
gz_test_raw(const struct gz_test_server *s, const char *bytes, size_t n, char *out, size_t out_size,
            int timeout_ms)
{
        int fd = socket(AF_INET, SOCK_STREAM, 0);
        struct sockaddr_in addr = {.sin_family = AF_INET, .sin_port = htons((uint16_t)s->port)};
        inet_pton(AF_INET, "127.0.0.1", &addr.sin_addr);
        if (connect(fd, (struct sockaddr *)&addr, sizeof(addr)) != 0) {
                close(fd);
                return -1;
        }
        size_t sent = 0;
        while (sent < n) {
                ssize_t w = send(fd, bytes + sent, n - sent, MSG_NOSIGNAL);
                if (w <= 0)
                        break;
                sent += (size_t)w;
        }
        size_t got = 0;
        struct pollfd pfd = {.fd = fd, .events = POLLIN};
        while (got < out_size - 1 && poll(&pfd, 1, timeout_ms) > 0) {
                ssize_t r = recv(fd, out + got, out_size - 1 - got, 0);
                if (r <= 0)
                        break;
                got += (size_t)r;
        }
        out[got] = '\0';
        close(fd);
        return (ssize_t)got;
}

bool
gz_test_contains(const char *haystack, size_t len, const char *needle)
{
        return memmem(haystack, len, needle, strlen(needle)) != NULL;
}

size_t
gz_test_count(const char *haystack, size_t len, const char *needle)
{
        size_t count = 0, k = strlen(needle);
        const char *p = haystack, *end = haystack + len;
        while (p < end && (p = memmem(p, (size_t)(end - p), needle, k)) != NULL) {
                count++;
                p += k;
        }
        return count;
}

char *
gz_test_replace(const char *text, const char *from, const char *to)
{
        size_t n = 0, fl = strlen(from), tl = strlen(to);
        for (const char *p = strstr(text, from); p; p = strstr(p + fl, from))
                n++;
        char *out = malloc(strlen(text) + n * (tl + 1) + 1);
        char *o = out;
        for (const char *p = text;;) {
                const char *hit = strstr(p, from);
                if (hit == NULL) {
                        strcpy(o, p);
                        break;
                }
                memcpy(o, p, (size_t)(hit - p));
                o += hit - p;
                memcpy(o, to, tl);
                o += tl;
                p = hit + fl;
        }
        return out;
}

/* Two ports nobody listens on now, picked by the kernel: both sockets stay
 * bound until both are known, so the two differ. */
void
gz_test_free_ports(int *a, int *b)
{
        int fd[2];
        int *out[2] = {a, b};
        for (int i = 0; i < 2; i++) {
                fd[i] = socket(AF_INET, SOCK_STREAM, 0);
                struct sockaddr_in addr = {.sin_family = AF_INET};
                inet_pton(AF_INET, "127.0.0.1", &addr.sin_addr);
                socklen_t len = sizeof(addr);
                *out[i] = -1;
                if (bind(fd[i], (struct sockaddr *)&addr, sizeof(addr)) == 0 &&
                    getsockname(fd[i], (struct sockaddr *)&addr, &len) == 0)
                        *out[i] = ntohs(addr.sin_port);
        }
        close(fd[0]);
        close(fd[1]);
}
