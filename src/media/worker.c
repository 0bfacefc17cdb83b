/* The media worker: a short-lived child that decodes one untrusted upload
 * under resource limits, Landlock and a seccomp allowlist, writes the files
 * into its staging directory and answers on stdout (media_internal.h). */
/* for close_range, O_PATH and CLONE_THREAD */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <errno.h>
#include <fcntl.h>
#include <linux/landlock.h>
#include <malloc.h>
#include <sched.h>
#include <seccomp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <glib.h>

#include "media_internal.h"

/* AddressSanitizer reserves terabytes of address space for its shadow
 * memory, so under it the address-space limit cannot be set. */
#if defined(__SANITIZE_ADDRESS__)
#define UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define UNDER_ASAN 1
#endif
#endif

#define WORKER_ADDRESS_SPACE ((rlim_t)1 << 30)
#define WORKER_FILE_SIZE ((rlim_t)256 << 20)
#define WORKER_OPEN_FILES 32

static const char *const fault_names[GZ_MEDIA_FAULT__MAX] = {
    [GZ_MEDIA_FAULT_NONE] = "none",     [GZ_MEDIA_FAULT_ABORT] = "abort",
    [GZ_MEDIA_FAULT_HANG] = "hang",     [GZ_MEDIA_FAULT_SOCKET] = "socket",
    [GZ_MEDIA_FAULT_EXECVE] = "execve", [GZ_MEDIA_FAULT_GARBAGE] = "garbage",
};

const char *
gz_media_fault_name(enum gz_media_fault fault)
{
        if ((unsigned)fault >= GZ_MEDIA_FAULT__MAX)
                return NULL;
        return fault_names[fault];
}

/* ---- answering -------------------------------------------------------- */

static void
write_stdout(const char *p, size_t n)
{
        while (n > 0) {
                ssize_t w = write(STDOUT_FILENO, p, n);
                if (w < 0 && errno == EINTR)
                        continue;
                if (w <= 0)
                        return;
                p += w;
                n -= (size_t)w;
        }
}

/* Messages travel on one line of printable ASCII. */
static void
one_line(char *s)
{
        for (; *s != '\0'; s++)
                if ((unsigned char)*s < 0x20 || (unsigned char)*s > 0x7e)
                        *s = ' ';
}

static _Noreturn void
answer_error(enum gz_err code, const char *msg)
{
        char line[GZ_MEDIA_WORKER_LINE_MAX + 64];
        char text[GZ_MEDIA_WORKER_LINE_MAX - 64];
        snprintf(text, sizeof(text), "%s", msg);
        one_line(text);
        int n = snprintf(line, sizeof(line), "%s\nerror %d %s\nend\n", GZ_MEDIA_WORKER_HELLO,
                         (int)code, text);
        write_stdout(line, (size_t)n < sizeof(line) ? (size_t)n : sizeof(line) - 1);
        /* No exit handlers: they belong to a process that is not sandboxed. */
        _exit(0);
}

static _Noreturn void
answer_result(const struct gz_media_result *r)
{
        char out[GZ_MEDIA_WORKER_OUTPUT_MAX];
        size_t n = 0;
        n += (size_t)snprintf(out + n, sizeof(out) - n, "%s\nresult %s %d %d %s %s %zu\n",
                              GZ_MEDIA_WORKER_HELLO, gz_media_ext(r->source_type), r->width,
                              r->height, gz_media_ext(r->original_type), r->original,
                              r->original_bytes);
        for (size_t i = 0; i < r->rendition_count && n < sizeof(out); i++) {
                const struct gz_media_rendition *x = &r->renditions[i];
                n +=
                    (size_t)snprintf(out + n, sizeof(out) - n, "rendition %d %d %s %s %zu\n",
                                     x->width, x->height, gz_media_ext(x->type), x->file, x->bytes);
        }
        if (n < sizeof(out))
                n += (size_t)snprintf(out + n, sizeof(out) - n, "end\n");
        write_stdout(out, n < sizeof(out) ? n : sizeof(out) - 1);
        _exit(0);
}

/* GLib's default log writer probes stderr (is it the journal? a terminal?)
 * with calls the sandbox does not allow; decoder warnings just go out as
 * lines on stderr. */
static GLogWriterOutput
log_to_stderr(GLogLevelFlags level, const GLogField *fields, gsize n_fields, gpointer data)
{
        (void)data;
        if ((level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING)) == 0)
                return G_LOG_WRITER_HANDLED;
        const char *domain = "gazette", *message = "";
        for (gsize i = 0; i < n_fields; i++) {
                if (fields[i].length != -1)
                        continue;
                if (strcmp(fields[i].key, "GLIB_DOMAIN") == 0)
                        domain = fields[i].value;
                else if (strcmp(fields[i].key, "MESSAGE") == 0)
                        message = fields[i].value;
        }
        char line[512];
        int n = snprintf(line, sizeof(line), "media worker: %s%s: %s\n", domain,
                         (level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL)) ? " (critical)" : "",
                         message);
        if (n > 0 &&
            write(STDERR_FILENO, line, (size_t)n < sizeof(line) ? (size_t)n : sizeof(line) - 1) < 0)
                return G_LOG_WRITER_UNHANDLED;
        return G_LOG_WRITER_HANDLED;
}

/* ---- confinement ------------------------------------------------------ */

static bool
set_limit(int resource, rlim_t soft, rlim_t hard)
{
        struct rlimit rl = {soft, hard};
        return setrlimit(resource, &rl) == 0;
}

#ifndef LANDLOCK_ACCESS_FS_TRUNCATE
#define LANDLOCK_ACCESS_FS_TRUNCATE (1ULL << 14)
#endif

/* Landlock, where the kernel has it, confines the file system to the staging
 * directory by path, which seccomp cannot see. Older kernels just skip it. */
static void
apply_landlock(const char *dir)
{
        long abi = syscall(SYS_landlock_create_ruleset, NULL, 0, LANDLOCK_CREATE_RULESET_VERSION);
        if (abi < 1)
                return;
        __u64 handled = LANDLOCK_ACCESS_FS_EXECUTE | LANDLOCK_ACCESS_FS_WRITE_FILE |
                        LANDLOCK_ACCESS_FS_READ_FILE | LANDLOCK_ACCESS_FS_READ_DIR |
                        LANDLOCK_ACCESS_FS_REMOVE_DIR | LANDLOCK_ACCESS_FS_REMOVE_FILE |
                        LANDLOCK_ACCESS_FS_MAKE_CHAR | LANDLOCK_ACCESS_FS_MAKE_DIR |
                        LANDLOCK_ACCESS_FS_MAKE_REG | LANDLOCK_ACCESS_FS_MAKE_SOCK |
                        LANDLOCK_ACCESS_FS_MAKE_FIFO | LANDLOCK_ACCESS_FS_MAKE_BLOCK |
                        LANDLOCK_ACCESS_FS_MAKE_SYM;
        __u64 allowed = LANDLOCK_ACCESS_FS_WRITE_FILE | LANDLOCK_ACCESS_FS_REMOVE_FILE |
                        LANDLOCK_ACCESS_FS_MAKE_REG;
        if (abi >= 2)
                handled |= LANDLOCK_ACCESS_FS_REFER;
        if (abi >= 3) {
                handled |= LANDLOCK_ACCESS_FS_TRUNCATE;
                allowed |= LANDLOCK_ACCESS_FS_TRUNCATE;
        }
        struct landlock_ruleset_attr attr = {.handled_access_fs = handled};
        int ruleset = (int)syscall(SYS_landlock_create_ruleset, &attr, sizeof(attr), 0);
        if (ruleset < 0)
                return;
        struct landlock_path_beneath_attr beneath = {.allowed_access = allowed};
        beneath.parent_fd = open(dir, O_PATH | O_DIRECTORY | O_CLOEXEC);
        if (beneath.parent_fd >= 0 &&
            syscall(SYS_landlock_add_rule, ruleset, LANDLOCK_RULE_PATH_BENEATH, &beneath, 0) == 0 &&
            prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) == 0)
                syscall(SYS_landlock_restrict_self, ruleset, 0);
        if (beneath.parent_fd >= 0)
                close(beneath.parent_fd);
        close(ruleset);
}

/* One rule: an action for a system call when all its argument tests hold.
 * For SCMP_CMP_MASKED_EQ, a is the mask and b the value. */
struct rule {
        uint32_t action;
        int syscall;
        unsigned tests;
        struct scmp_arg_cmp test[2];
};

#define TEST(arg_, op_, a_, b_)                                                                    \
        ((struct scmp_arg_cmp){.arg = (arg_), .op = (op_), .datum_a = (a_), .datum_b = (b_)})

/* The allowlist: memory, threads, time, the pipes, and files in the staging
 * directory through its descriptor. Everything else kills the process, except
 * opening other files, which fails with EACCES so that a library looking for
 * an optional file degrades instead of dying. */
static bool
apply_seccomp(int dir_fd)
{
        static const int plain[] = {
            SCMP_SYS(read),
            SCMP_SYS(write),
            SCMP_SYS(readv),
            SCMP_SYS(writev),
            SCMP_SYS(pread64),
            SCMP_SYS(close),
            SCMP_SYS(lseek),
            SCMP_SYS(fsync),
            SCMP_SYS(fdatasync),
            SCMP_SYS(fstat),
            SCMP_SYS(munmap),
            SCMP_SYS(mremap),
            SCMP_SYS(brk),
            SCMP_SYS(madvise),
            SCMP_SYS(futex),
            SCMP_SYS(set_robust_list),
            SCMP_SYS(get_robust_list),
            SCMP_SYS(rseq),
            SCMP_SYS(rt_sigprocmask),
            SCMP_SYS(rt_sigreturn),
            SCMP_SYS(rt_sigaction),
            SCMP_SYS(sigaltstack),
            SCMP_SYS(sched_yield),
            SCMP_SYS(sched_getaffinity),
            SCMP_SYS(getpid),
            SCMP_SYS(gettid),
            SCMP_SYS(exit),
            SCMP_SYS(exit_group),
            SCMP_SYS(clock_gettime),
            SCMP_SYS(clock_getres),
            SCMP_SYS(gettimeofday),
            SCMP_SYS(nanosleep),
            SCMP_SYS(clock_nanosleep),
            SCMP_SYS(getrandom),
            SCMP_SYS(restart_syscall),
        };
        uint64_t dir = (uint32_t)dir_fd;
        const struct rule rules[] = {
            /* Memory, never executable: nothing may be loaded or generated now. */
            {SCMP_ACT_ALLOW, SCMP_SYS(mmap), 1, {TEST(2, SCMP_CMP_MASKED_EQ, PROT_EXEC, 0)}},
            {SCMP_ACT_ERRNO(EPERM),
             SCMP_SYS(mmap),
             1,
             {TEST(2, SCMP_CMP_MASKED_EQ, PROT_EXEC, PROT_EXEC)}},
            {SCMP_ACT_ALLOW, SCMP_SYS(mprotect), 1, {TEST(2, SCMP_CMP_MASKED_EQ, PROT_EXEC, 0)}},
            {SCMP_ACT_ERRNO(EPERM),
             SCMP_SYS(mprotect),
             1,
             {TEST(2, SCMP_CMP_MASKED_EQ, PROT_EXEC, PROT_EXEC)}},
            /* Threads for libvips, never a new process; glibc falls back from
             * clone3, whose flags seccomp cannot read, to clone. */
            {SCMP_ACT_ALLOW,
             SCMP_SYS(clone),
             1,
             {TEST(0, SCMP_CMP_MASKED_EQ, CLONE_THREAD, CLONE_THREAD)}},
            {SCMP_ACT_ERRNO(ENOSYS), SCMP_SYS(clone3), 0, {{0}}},
            /* Naming threads, and abort() signalling its own thread. */
            {SCMP_ACT_ALLOW, SCMP_SYS(prctl), 1, {TEST(0, SCMP_CMP_EQ, PR_SET_NAME, 0)}},
            {SCMP_ACT_ALLOW, SCMP_SYS(tgkill), 1, {TEST(0, SCMP_CMP_EQ, (uint32_t)getpid(), 0)}},
            /* Files: created write-only in the staging directory, renamed and
             * removed there. */
            {SCMP_ACT_ALLOW,
             SCMP_SYS(openat),
             2,
             {TEST(0, SCMP_CMP_EQ, dir, 0),
              TEST(2, SCMP_CMP_MASKED_EQ, O_ACCMODE | O_CREAT, O_WRONLY | O_CREAT)}},
            {SCMP_ACT_ERRNO(EACCES), SCMP_SYS(openat), 1, {TEST(0, SCMP_CMP_NE, dir, 0)}},
            {SCMP_ACT_ERRNO(EACCES), SCMP_SYS(open), 0, {{0}}},
            {SCMP_ACT_ALLOW,
             SCMP_SYS(newfstatat),
             1,
             {TEST(3, SCMP_CMP_MASKED_EQ, AT_EMPTY_PATH, AT_EMPTY_PATH)}},
            {SCMP_ACT_ALLOW,
             SCMP_SYS(newfstatat),
             2,
             {TEST(0, SCMP_CMP_EQ, dir, 0), TEST(3, SCMP_CMP_MASKED_EQ, AT_EMPTY_PATH, 0)}},
            {SCMP_ACT_ALLOW,
             SCMP_SYS(renameat2),
             2,
             {TEST(0, SCMP_CMP_EQ, dir, 0), TEST(2, SCMP_CMP_EQ, dir, 0)}},
            {SCMP_ACT_ALLOW,
             SCMP_SYS(renameat),
             2,
             {TEST(0, SCMP_CMP_EQ, dir, 0), TEST(2, SCMP_CMP_EQ, dir, 0)}},
            {SCMP_ACT_ALLOW,
             SCMP_SYS(unlinkat),
             2,
             {TEST(0, SCMP_CMP_EQ, dir, 0), TEST(2, SCMP_CMP_EQ, 0, 0)}},
        };
        scmp_filter_ctx ctx = seccomp_init(SCMP_ACT_KILL_PROCESS);
        if (ctx == NULL)
                return false;
        /* Every thread, including any libvips has started already. */
        int rc = seccomp_attr_set(ctx, SCMP_FLTATR_CTL_TSYNC, 1);
        for (size_t i = 0; i < GZ_ARRAY_LEN(plain) && rc == 0; i++)
                rc = seccomp_rule_add(ctx, SCMP_ACT_ALLOW, plain[i], 0);
        for (size_t i = 0; i < GZ_ARRAY_LEN(rules) && rc == 0; i++)
                rc = seccomp_rule_add_array(ctx, rules[i].action, rules[i].syscall, rules[i].tests,
                                            rules[i].test);
        if (rc == 0)
                rc = seccomp_load(ctx);
        seccomp_release(ctx);
        return rc == 0;
}

static _Noreturn void
inject_fault(enum gz_media_fault fault)
{
        switch (fault) {
        case GZ_MEDIA_FAULT_ABORT:
                abort();
        case GZ_MEDIA_FAULT_HANG:
                for (volatile unsigned long spin = 0;; spin++)
                        ;
        case GZ_MEDIA_FAULT_SOCKET:
                socket(AF_INET, SOCK_STREAM, 0);
                break;
        case GZ_MEDIA_FAULT_EXECVE: {
                char *const args[] = {"/bin/true", NULL};
                execve(args[0], args, args + 1);
                break;
        }
        case GZ_MEDIA_FAULT_GARBAGE:
                write_stdout("\x89garbage\n", 9);
                _exit(0);
        case GZ_MEDIA_FAULT_NONE:
        case GZ_MEDIA_FAULT__MAX:
                break;
        }
        answer_error(GZ_EIO, "the sandbox let a forbidden call through");
}

/* ---- the entry point -------------------------------------------------- */

static int
usage(void)
{
        static const char text[] =
            "usage: gazette __media-worker DIR BASENAME MAX_BYTES MAX_PIXELS MAX_WIDTH "
            "MAX_HEIGHT CPU_SECONDS FAULT < image\n";
        if (write(STDERR_FILENO, text, sizeof(text) - 1) < 0)
                return 2;
        return 2;
}

int
gz_media_worker_main(int argc, char **argv)
{
        long long max_bytes, max_pixels, max_width, max_height, cpu_seconds;
        if (argc != 10 || strcmp(argv[1], GZ_MEDIA_WORKER_COMMAND) != 0 ||
            !gz_media_basename_ok(argv[3]) ||
            !gz_parse_int(argv[4], 1, (long long)GZ_MEDIA_CEILING_BYTES, &max_bytes) ||
            !gz_parse_int(argv[5], 1, (long long)GZ_MEDIA_MAX_SIDE * GZ_MEDIA_MAX_SIDE,
                          &max_pixels) ||
            !gz_parse_int(argv[6], 1, GZ_MEDIA_MAX_SIDE, &max_width) ||
            !gz_parse_int(argv[7], 1, GZ_MEDIA_MAX_SIDE, &max_height) ||
            !gz_parse_int(argv[8], 1, 3600, &cpu_seconds))
                return usage();
        enum gz_media_fault fault = GZ_MEDIA_FAULT__MAX;
        for (int i = 0; i < GZ_MEDIA_FAULT__MAX; i++)
                if (strcmp(argv[9], fault_names[i]) == 0)
                        fault = (enum gz_media_fault)i;
        if (fault == GZ_MEDIA_FAULT__MAX)
                return usage();
        const char *dir = argv[2];
        struct gz_media_limits limits = {
            .max_bytes = (size_t)max_bytes,
            .max_pixels = (uint64_t)max_pixels,
            .max_width = (int)max_width,
            .max_height = (int)max_height,
        };

        /* Die with the server, keep no inherited descriptors, dump no core
         * full of someone's photo. */
        prctl(PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0);
        close_range(3, ~0U, 0);
        signal(SIGXFSZ, SIG_IGN); /* an oversized write then fails with EFBIG */
        bool limited = set_limit(RLIMIT_CORE, 0, 0) &&
                       set_limit(RLIMIT_CPU, (rlim_t)cpu_seconds, (rlim_t)cpu_seconds + 1) &&
                       set_limit(RLIMIT_FSIZE, WORKER_FILE_SIZE, WORKER_FILE_SIZE) &&
                       set_limit(RLIMIT_NOFILE, WORKER_OPEN_FILES, WORKER_OPEN_FILES);
#ifndef UNDER_ASAN
        limited = limited && set_limit(RLIMIT_AS, WORKER_ADDRESS_SPACE, WORKER_ADDRESS_SPACE);
#endif
        if (!limited)
                answer_error(GZ_EIO, "the image worker could not limit its resources");
        /* Per-thread malloc arenas would eat the address-space limit. */
        mallopt(M_ARENA_MAX, 2);

        /* Orc generates machine code at run time, which the sandbox forbids;
         * libvips reads this when it starts. */
        setenv("VIPS_NOVECTOR", "1", 1);
        g_log_set_writer_func(log_to_stderr, NULL, NULL);
        struct gz_error err = {0};
        if (gz_media_init(argv[0], &err) != GZ_OK)
                answer_error(err.code, err.msg);
        int dir_fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (dir_fd < 0)
                answer_error(GZ_EIO, "the image worker cannot open its directory");

        /* Landlock binds the calling thread and the threads it starts; libvips
         * has started none yet (seccomp is synchronised to all threads anyway). */
        apply_landlock(dir);
        if (!apply_seccomp(dir_fd))
                answer_error(GZ_EIO, "the image worker could not start its sandbox");
        if (fault != GZ_MEDIA_FAULT_NONE)
                inject_fault(fault);

        /* One byte more than the limit tells a file over it; the buffer grows
         * as bytes arrive, so a generous limit costs no address space. */
        size_t limit = (size_t)max_bytes + 1, cap = 0, len = 0;
        char *data = NULL;
        for (;;) {
                if (len == cap) {
                        cap = cap == 0 ? 1 << 20 : cap * 2;
                        cap = cap > limit ? limit : cap;
                        if ((data = realloc(data, cap)) == NULL)
                                answer_error(GZ_ENOMEM, "out of memory");
                }
                ssize_t r = read(STDIN_FILENO, data + len, cap - len);
                if (r < 0 && errno == EINTR)
                        continue;
                if (r < 0)
                        answer_error(GZ_EIO, "the image worker could not read the upload");
                if (r == 0 || (len += (size_t)r) == limit)
                        break;
        }
        /* The parent checks the size first; this is for a worker run by hand. */
        if (len == limit)
                answer_error(GZ_ETOOBIG, "the file is over the size limit");
        struct gz_media_result result;
        if (gz_media_process_at(dir_fd, data, len, argv[3], &limits, &result, &err) != GZ_OK)
                answer_error(err.code, err.msg);
        answer_result(&result);
}
