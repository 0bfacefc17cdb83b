/* The parent's side of the media worker: start it without a shell, feed it
 * the upload, enforce the deadline, read its answer as hostile input, check
 * the files it wrote and only then move them into the output directory. */
/* for pipe2 and sigabbrev_np */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "media_internal.h"

extern char **environ;

#define DEFAULT_TIMEOUT_MS 30000
/* No single output can be larger than the worker's RLIMIT_FSIZE. */
#define MAX_OUTPUT_BYTES ((size_t)256 << 20)

/* ---- the answer ---------------------------------------------------------- */

/* Splits a line (no newline, NUL-terminated copy) into at most max words
 * separated by single spaces; the last word takes the rest when rest is set. */
static size_t
split(char *line, char **words, size_t max, bool rest)
{
        size_t n = 0;
        char *p = line;
        while (n < max) {
                words[n++] = p;
                if (rest && n == max)
                        break;
                char *space = strchr(p, ' ');
                if (space == NULL)
                        break;
                *space = '\0';
                p = space + 1;
        }
        return n;
}

static bool
parse_type(const char *s, enum gz_media_type *out)
{
        for (int i = 0; i < GZ_MEDIA__MAX; i++) {
                if (strcmp(s, gz_media_ext((enum gz_media_type)i)) == 0) {
                        *out = (enum gz_media_type)i;
                        return true;
                }
        }
        return false;
}

static bool
parse_side(const char *s, int *out)
{
        long long v;
        if (!gz_parse_int(s, 1, GZ_MEDIA_MAX_SIDE, &v))
                return false;
        *out = (int)v;
        return true;
}

static bool
parse_bytes(const char *s, size_t *out)
{
        long long v;
        if (!gz_parse_int(s, 1, (long long)MAX_OUTPUT_BYTES, &v))
                return false;
        *out = (size_t)v;
        return true;
}

static bool
name_is(const char *got, const char *basename, int width, enum gz_media_type type)
{
        char want[64];
        gz_media_file_name(want, basename, width, type);
        return strcmp(got, want) == 0;
}

/* Everything the worker says is checked against what it was asked to do:
 * names are the ones the parent would have chosen, numbers are in range, and
 * anything else makes the whole answer void. */
bool
gz_media_parse_answer(const char *out, size_t len, const char *basename, struct gz_media_answer *a)
{
        memset(a, 0, sizeof(*a));
        if (out == NULL || len == 0 || out[len - 1] != '\n' || memchr(out, '\0', len) != NULL)
                return false;
        struct gz_media_result *r = &a->result;
        enum { HELLO, FIRST, RENDITIONS, ERROR_END, DONE } state = HELLO;
        const char *p = out, *end = out + len;
        while (p < end) {
                const char *nl = memchr(p, '\n', (size_t)(end - p));
                size_t n = (size_t)(nl - p);
                if (n >= GZ_MEDIA_WORKER_LINE_MAX || state == DONE)
                        return false;
                char line[GZ_MEDIA_WORKER_LINE_MAX];
                memcpy(line, p, n);
                line[n] = '\0';
                p = nl + 1;
                for (size_t i = 0; i < n; i++)
                        if ((unsigned char)line[i] < 0x20 || (unsigned char)line[i] > 0x7e)
                                return false;
                char *w[8];
                if (state == HELLO) {
                        if (strcmp(line, GZ_MEDIA_WORKER_HELLO) != 0)
                                return false;
                        state = FIRST;
                } else if (state == FIRST && strncmp(line, "error ", 6) == 0) {
                        long long code;
                        if (split(line, w, 3, true) != 3 ||
                            !gz_parse_int(w[1], 1, GZ_ERR__MAX - 1, &code))
                                return false;
                        a->is_error = true;
                        a->code = (enum gz_err)code;
                        snprintf(a->message, sizeof(a->message), "%s", w[2]);
                        state = ERROR_END;
                } else if (state == FIRST) {
                        if (split(line, w, 8, false) != 7 || strcmp(w[0], "result") != 0 ||
                            !parse_type(w[1], &r->source_type) || !parse_side(w[2], &r->width) ||
                            !parse_side(w[3], &r->height) || !parse_type(w[4], &r->original_type) ||
                            !parse_bytes(w[6], &r->original_bytes))
                                return false;
                        enum gz_media_type want =
                            r->source_type == GZ_MEDIA_GIF ? GZ_MEDIA_PNG : r->source_type;
                        if (r->original_type != want || !name_is(w[5], basename, 0, want))
                                return false;
                        snprintf(r->original, sizeof(r->original), "%s", w[5]);
                        state = RENDITIONS;
                } else if (strcmp(line, "end") == 0) {
                        state = DONE;
                } else if (state == ERROR_END) {
                        return false;
                } else {
                        if (r->rendition_count >= GZ_MEDIA_MAX_RENDITIONS)
                                return false;
                        struct gz_media_rendition *x = &r->renditions[r->rendition_count];
                        if (split(line, w, 8, false) != 6 || strcmp(w[0], "rendition") != 0 ||
                            !parse_side(w[1], &x->width) || !parse_side(w[2], &x->height) ||
                            !parse_type(w[3], &x->type) || !parse_bytes(w[5], &x->bytes))
                                return false;
                        if ((x->type != GZ_MEDIA_JPEG && x->type != GZ_MEDIA_WEBP) ||
                            x->width > r->width || x->height > r->height ||
                            !name_is(w[4], basename, x->width, x->type))
                                return false;
                        for (size_t i = 0; i < r->rendition_count; i++)
                                if (strcmp(r->renditions[i].file, w[4]) == 0)
                                        return false;
                        snprintf(x->file, sizeof(x->file), "%s", w[4]);
                        r->rendition_count++;
                }
        }
        if (state != DONE)
                return false;
        return a->is_error || r->rendition_count > 0;
}

/* ---- the staging directory -------------------------------------------- */

static void
remove_staging(int out_fd, const char *stage_name)
{
        int fd = openat(out_fd, stage_name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        if (fd >= 0) {
                DIR *d = fdopendir(fd);
                if (d == NULL) {
                        close(fd);
                } else {
                        struct dirent *ent;
                        while ((ent = readdir(d)) != NULL)
                                if (strcmp(ent->d_name, ".") != 0 && strcmp(ent->d_name, "..") != 0)
                                        unlinkat(dirfd(d), ent->d_name, 0);
                        closedir(d);
                }
        }
        unlinkat(out_fd, stage_name, AT_REMOVEDIR);
}

/* A file the worker claims to have written must be a plain file with no other
 * link, of the announced size, whose bytes start like its type. */
static bool
check_file(int stage_fd, const char *name, size_t bytes, enum gz_media_type type)
{
        int fd = openat(stage_fd, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
        if (fd < 0)
                return false;
        struct stat st;
        unsigned char head[16];
        bool ok = fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_nlink == 1 &&
                  (size_t)st.st_size == bytes;
        if (ok) {
                ssize_t got = pread(fd, head, sizeof(head), 0);
                ok = got > 0 && gz_media_sniff(head, (size_t)got) == type;
        }
        close(fd);
        return ok;
}

static enum gz_err
adopt_files(int out_fd, int stage_fd, const struct gz_media_result *r, struct gz_error *err)
{
        const char *names[1 + GZ_MEDIA_MAX_RENDITIONS];
        size_t sizes[1 + GZ_MEDIA_MAX_RENDITIONS];
        enum gz_media_type types[1 + GZ_MEDIA_MAX_RENDITIONS];
        size_t count = 0;
        names[count] = r->original;
        sizes[count] = r->original_bytes;
        types[count++] = r->original_type;
        for (size_t i = 0; i < r->rendition_count; i++) {
                names[count] = r->renditions[i].file;
                sizes[count] = r->renditions[i].bytes;
                types[count++] = r->renditions[i].type;
        }
        for (size_t i = 0; i < count; i++)
                if (!check_file(stage_fd, names[i], sizes[i], types[i]))
                        return gz_fail(err, GZ_EIO,
                                       "the image worker's file %s is not what it announced",
                                       names[i]);
        for (size_t i = 0; i < count; i++) {
                if (gz_media_rename_noreplace(stage_fd, names[i], out_fd, names[i]) == 0)
                        continue;
                int saved = errno;
                for (size_t j = 0; j < i; j++)
                        unlinkat(out_fd, names[j], 0);
                if (saved == EEXIST)
                        return gz_fail(err, GZ_ECONFLICT, "%s already exists", names[i]);
                return gz_fail(err, GZ_EIO, "%s: %s", names[i], strerror(saved));
        }
        fsync(out_fd);
        return GZ_OK;
}

/* ---- running the worker ------------------------------------------------ */

struct run {
        pid_t pid;
        int status;
        bool timed_out;
        bool too_much;
        char out[GZ_MEDIA_WORKER_OUTPUT_MAX];
        size_t out_len;
};

static void
set_nonblock(int fd)
{
        int flags = fcntl(fd, F_GETFL);
        if (flags >= 0)
                fcntl(fd, F_SETFL, flags | O_NONBLOCK);
}

static void
reap(struct run *run, int64_t deadline)
{
        for (;;) {
                pid_t got = waitpid(run->pid, &run->status, WNOHANG);
                if (got == run->pid)
                        return;
                if (got < 0 && errno != EINTR) {
                        run->status = -1;
                        return;
                }
                if (got == 0 && gz_monotonic_ms() >= deadline && !run->timed_out) {
                        run->timed_out = true;
                        kill(run->pid, SIGKILL);
                }
                if (got == 0)
                        poll(NULL, 0, run->timed_out ? 1 : 2);
        }
}

/* Sends the upload and collects the answer until the worker closes stdout,
 * says too much, or the deadline passes; then reaps it. The upload goes
 * through a socket so a worker that stops reading gives EPIPE, not SIGPIPE. */
static void
converse(struct run *run, int in_fd, int out_fd, const char *data, size_t len, int64_t deadline)
{
        size_t sent = 0;
        bool out_open = true;
        set_nonblock(in_fd);
        set_nonblock(out_fd);
        if (len == 0) {
                close(in_fd);
                in_fd = -1;
        }
        while (out_open) {
                int64_t left = deadline - gz_monotonic_ms();
                if (left <= 0) {
                        run->timed_out = true;
                        break;
                }
                struct pollfd fds[2] = {{.fd = out_fd, .events = POLLIN},
                                        {.fd = in_fd, .events = POLLOUT}};
                int rc = poll(fds, in_fd >= 0 ? 2 : 1, left > 1000 ? 1000 : (int)left);
                if (rc < 0 && errno != EINTR)
                        break;
                if (rc <= 0)
                        continue;
                if (in_fd >= 0 && (fds[1].revents & (POLLOUT | POLLERR | POLLHUP)) != 0) {
                        size_t chunk = len - sent > 65536 ? 65536 : len - sent;
                        ssize_t w = send(in_fd, data + sent, chunk, MSG_NOSIGNAL | MSG_DONTWAIT);
                        if (w > 0)
                                sent += (size_t)w;
                        if ((w < 0 && errno != EAGAIN && errno != EINTR) || sent == len) {
                                close(in_fd); /* done, or the worker stopped listening */
                                in_fd = -1;
                        }
                }
                if ((fds[0].revents & (POLLIN | POLLERR | POLLHUP)) != 0) {
                        ssize_t r =
                            read(out_fd, run->out + run->out_len, sizeof(run->out) - run->out_len);
                        if (r == 0) {
                                out_open = false;
                        } else if (r > 0) {
                                run->out_len += (size_t)r;
                                if (run->out_len == sizeof(run->out)) {
                                        run->too_much = true;
                                        break;
                                }
                        } else if (errno != EAGAIN && errno != EINTR) {
                                break;
                        }
                }
        }
        if (in_fd >= 0)
                close(in_fd);
        if (run->timed_out || run->too_much || out_open)
                kill(run->pid, SIGKILL);
        reap(run, deadline);
}

static enum gz_err
spawn(const char *worker_exe, char **argv, int *in_fd, int *out_fd, pid_t *pid,
      struct gz_error *err)
{
        int in_pair[2], out_pipe[2];
        if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, in_pair) != 0)
                return gz_fail(err, GZ_EIO, "cannot start the image worker: %s", strerror(errno));
        if (pipe2(out_pipe, O_CLOEXEC) != 0) {
                int saved = errno;
                close(in_pair[0]);
                close(in_pair[1]);
                return gz_fail(err, GZ_EIO, "cannot start the image worker: %s", strerror(saved));
        }
        posix_spawn_file_actions_t actions;
        posix_spawnattr_t attr;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_adddup2(&actions, in_pair[1], STDIN_FILENO);
        posix_spawn_file_actions_adddup2(&actions, out_pipe[1], STDOUT_FILENO);
        posix_spawnattr_init(&attr);
        /* The worker starts with default signal handling, whatever the server
         * ignores or blocks. */
        sigset_t none, all;
        sigemptyset(&none);
        sigfillset(&all);
        posix_spawnattr_setsigmask(&attr, &none);
        posix_spawnattr_setsigdefault(&attr, &all);
        posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
        int rc = posix_spawn(pid, worker_exe, &actions, &attr, argv, environ);
        posix_spawn_file_actions_destroy(&actions);
        posix_spawnattr_destroy(&attr);
        close(in_pair[1]);
        close(out_pipe[1]);
        if (rc != 0) {
                close(in_pair[0]);
                close(out_pipe[0]);
                return gz_fail(err, GZ_EIO, "cannot start the image worker %s: %s", worker_exe,
                               strerror(rc));
        }
        *in_fd = in_pair[0];
        *out_fd = out_pipe[0];
        return GZ_OK;
}

static const char *
signal_name(int sig)
{
        const char *name = sigabbrev_np(sig);
        return name != NULL ? name : "unknown";
}

/* Turns how the worker ended into an error, or GZ_OK if it ended well. */
static enum gz_err
judge(const struct run *run, int timeout_ms, struct gz_error *err)
{
        if (run->timed_out)
                return gz_fail(err, GZ_ETOOBIG,
                               "processing the image took longer than %d ms and was stopped; "
                               "try a smaller image",
                               timeout_ms);
        if (run->too_much)
                return gz_fail(err, GZ_EIO, "the image worker said too much and was stopped");
        if (run->status == -1)
                return gz_fail(err, GZ_EIO, "the image worker's exit status was lost");
        if (WIFSIGNALED(run->status)) {
                int sig = WTERMSIG(run->status);
                if (sig == SIGSYS)
                        return gz_fail(err, GZ_ECORRUPT,
                                       "the image worker was stopped by its sandbox (SIGSYS: a "
                                       "forbidden system call); the file may be malicious");
                if (sig == SIGXCPU)
                        return gz_fail(err, GZ_ETOOBIG,
                                       "processing the image used too much CPU time");
                if (sig == SIGKILL)
                        return gz_fail(err, GZ_EIO,
                                       "the image worker was killed (SIGKILL), perhaps for "
                                       "using too much memory");
                return gz_fail(err, GZ_ECORRUPT,
                               "the image worker crashed (signal %d, SIG%s) while decoding; the "
                               "file may be damaged or malicious",
                               sig, signal_name(sig));
        }
        if (!WIFEXITED(run->status) || WEXITSTATUS(run->status) != 0)
                return gz_fail(err, GZ_EIO, "the image worker failed (exit status %d)",
                               WIFEXITED(run->status) ? WEXITSTATUS(run->status) : -1);
        return GZ_OK;
}

enum gz_err
gz_media_process_isolated(const char *worker_exe, const void *data, size_t len, const char *out_dir,
                          const char *basename, const struct gz_media_limits *limits,
                          int timeout_ms, enum gz_media_fault fault, struct gz_media_result *result,
                          struct gz_error *err)
{
        if (worker_exe == NULL || out_dir == NULL)
                return gz_fail(err, GZ_EINVAL, "no image worker or output directory");
        if (!gz_media_basename_ok(basename))
                return gz_fail(err, GZ_EINVAL,
                               "the file name must be 1 to %d letters, digits, '-' or '_'",
                               GZ_MEDIA_BASENAME_MAX);
        if ((unsigned)fault >= GZ_MEDIA_FAULT__MAX)
                return gz_fail(err, GZ_EINVAL, "unknown worker fault");
        struct gz_media_limits lim;
        gz_media_limits_resolve(limits, &lim);
        /* What needs no decoder is refused without starting a process. */
        enum gz_err e = gz_media_precheck(data, len, &lim, err);
        if (e != GZ_OK)
                return e;
        if (timeout_ms <= 0)
                timeout_ms = DEFAULT_TIMEOUT_MS;

        int out_fd = open(out_dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (out_fd < 0)
                return gz_fail(err, GZ_EIO, "%s: %s", out_dir, strerror(errno));
        size_t path_len = strlen(out_dir) + GZ_MEDIA_BASENAME_MAX + 16;
        char *stage_path = malloc(path_len);
        if (stage_path == NULL) {
                close(out_fd);
                return gz_fail(err, GZ_ENOMEM, "out of memory");
        }
        snprintf(stage_path, path_len, "%s/.%s.XXXXXX", out_dir, basename);
        if (mkdtemp(stage_path) == NULL) {
                e = gz_fail(err, GZ_EIO, "%s: cannot make a staging directory: %s", out_dir,
                            strerror(errno));
                free(stage_path);
                close(out_fd);
                return e;
        }
        const char *stage_name = strrchr(stage_path, '/') + 1;
        int stage_fd = openat(out_fd, stage_name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);

        char arg_bytes[24], arg_pixels[24], arg_width[16], arg_height[16], arg_cpu[16];
        snprintf(arg_bytes, sizeof(arg_bytes), "%zu", lim.max_bytes);
        snprintf(arg_pixels, sizeof(arg_pixels), "%llu", (unsigned long long)lim.max_pixels);
        snprintf(arg_width, sizeof(arg_width), "%d", lim.max_width);
        snprintf(arg_height, sizeof(arg_height), "%d", lim.max_height);
        /* The parent's deadline comes first; the CPU limit is the backstop. */
        snprintf(arg_cpu, sizeof(arg_cpu), "%d", timeout_ms / 1000 + 2);
        char *argv[] = {"gazette",  GZ_MEDIA_WORKER_COMMAND,
                        stage_path, (char *)basename,
                        arg_bytes,  arg_pixels,
                        arg_width,  arg_height,
                        arg_cpu,    (char *)gz_media_fault_name(fault),
                        NULL};

        struct run *run = calloc(1, sizeof(*run));
        struct gz_media_answer *answer = calloc(1, sizeof(*answer));
        int in_fd = -1, pipe_fd = -1;
        if (run == NULL || answer == NULL) {
                e = gz_fail(err, GZ_ENOMEM, "out of memory");
                goto out;
        }
        if (stage_fd < 0) {
                e = gz_fail(err, GZ_EIO, "%s: %s", stage_path, strerror(errno));
                goto out;
        }
        int64_t deadline = gz_monotonic_ms() + timeout_ms;
        e = spawn(worker_exe, argv, &in_fd, &pipe_fd, &run->pid, err);
        if (e != GZ_OK)
                goto out;
        converse(run, in_fd, pipe_fd, data, len, deadline);
        close(pipe_fd);
        e = judge(run, timeout_ms, err);
        if (e != GZ_OK)
                goto out;
        if (!gz_media_parse_answer(run->out, run->out_len, basename, answer)) {
                e = gz_fail(err, GZ_EIO, "the image worker gave a malformed answer");
                goto out;
        }
        if (answer->is_error) {
                e = gz_fail(err, answer->code, "%s", answer->message);
                goto out;
        }
        e = adopt_files(out_fd, stage_fd, &answer->result, err);
        if (e == GZ_OK && result != NULL)
                *result = answer->result;
out:
        if (stage_fd >= 0)
                close(stage_fd);
        remove_staging(out_fd, stage_name);
        close(out_fd);
        free(stage_path);
        free(run);
        free(answer);
        return e;
}
