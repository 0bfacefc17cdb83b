/* The server's sandbox: dropping root, Landlock for files, a seccomp
 * allowlist for system calls. The allowlist was made by running the server
 * under strace -f through pages, uploads through the image worker and
 * SIGTERM (docs/security.md tells how to redo it). */
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <link.h>
#include <linux/landlock.h>
#include <pwd.h>
#include <sched.h>
#include <seccomp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "sandbox.h"

#if defined(__SANITIZE_ADDRESS__)
#define UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define UNDER_ASAN 1
#endif
#endif
#ifdef UNDER_ASAN
#include <sanitizer/lsan_interface.h>
#endif

/* ---- the user ------------------------------------------------------------ */

enum gz_err
gz_sandbox_drop_user(const char *name, struct gz_error *err)
{
        if (name == NULL || *name == '\0')
                return gz_fail(err, GZ_EINVAL, "--user needs a user name");
        struct passwd pw, *found = NULL;
        char buf[16384];
        int rc = getpwnam_r(name, &pw, buf, sizeof(buf), &found);
        if (found == NULL)
                return gz_fail(err, GZ_EINVAL, "--user: there is no user \"%s\"%s%s", name,
                               rc ? ": " : "", rc ? strerror(rc) : "");
        uid_t uid = pw.pw_uid;
        gid_t gid = pw.pw_gid;
        if (uid == 0 || gid == 0)
                return gz_fail(err, GZ_EINVAL,
                               "--user %s: the user must not be root or in group root "
                               "(create one with: useradd --system gazette)",
                               name);
        if (geteuid() != 0) {
                uid_t r, e, s;
                gid_t rg, eg, sg;
                getresuid(&r, &e, &s);
                getresgid(&rg, &eg, &sg);
                if (r == uid && e == uid && s == uid && rg == gid && eg == gid && sg == gid)
                        return GZ_OK;
                return gz_fail(err, GZ_EPERM,
                               "--user %s: only root can become another user (this is uid %u)",
                               name, (unsigned)e);
        }
        /* Groups first: once the user ID is gone, they cannot be changed. */
        if (setgroups(1, &gid) != 0)
                return gz_fail(err, GZ_EPERM, "setgroups: %s", strerror(errno));
        if (setresgid(gid, gid, gid) != 0)
                return gz_fail(err, GZ_EPERM, "setresgid(%u): %s", (unsigned)gid, strerror(errno));
        if (setresuid(uid, uid, uid) != 0)
                return gz_fail(err, GZ_EPERM, "setresuid(%u): %s", (unsigned)uid, strerror(errno));
        /* Trust, but verify: every ID changed, no other group is left, and
         * the way back to root is closed. */
        uid_t r, e, s;
        gid_t rg, eg, sg, groups[2];
        int ngroups = getgroups(2, groups);
        if (getresuid(&r, &e, &s) != 0 || getresgid(&rg, &eg, &sg) != 0 || r != uid || e != uid ||
            s != uid || rg != gid || eg != gid || sg != gid || ngroups != 1 || groups[0] != gid)
                return gz_fail(err, GZ_EPERM, "--user %s: the change of user did not hold", name);
        if (setuid(0) == 0 || seteuid(0) == 0 || setgid(0) == 0)
                return gz_fail(err, GZ_EPERM, "--user %s: root could be regained", name);
        return GZ_OK;
}

/* ---- Landlock ------------------------------------------------------------ */

/* Debian 12's headers stop at ABI 2; the later rights and fields are fixed
 * by the kernel's ABI, so they are spelled out here. */
#define LL_FS_TRUNCATE (1ULL << 14)        /* ABI 3 */
#define LL_NET_BIND_TCP (1ULL << 0)        /* ABI 4 */
#define LL_NET_CONNECT_TCP (1ULL << 1)     /* ABI 4 */
#define LL_SCOPE_ABSTRACT_UNIX (1ULL << 0) /* ABI 6 */
#define LL_SCOPE_SIGNAL (1ULL << 1)        /* ABI 6 */

struct ll_ruleset_attr {
        uint64_t handled_access_fs;
        uint64_t handled_access_net;
        uint64_t scoped;
};

#define LL_READ (LANDLOCK_ACCESS_FS_READ_FILE | LANDLOCK_ACCESS_FS_READ_DIR)

int
gz_sandbox_landlock_abi(void)
{
        long abi = syscall(SYS_landlock_create_ruleset, NULL, 0, LANDLOCK_CREATE_RULESET_VERSION);
        return abi > 0 ? (int)abi : 0;
}

static int
thread_count(void)
{
        FILE *f = fopen("/proc/self/status", "re");
        if (f == NULL)
                return -1;
        char line[256];
        int n = -1;
        while (fgets(line, sizeof(line), f) != NULL)
                if (strncmp(line, "Threads:", 8) == 0)
                        n = atoi(line + 8);
        fclose(f);
        return n;
}

/* The ELF interpreter of this program (the dynamic loader), which the
 * kernel opens for execution when the image worker starts. */
static int
find_interp(struct dl_phdr_info *info, size_t size, void *data)
{
        (void)size;
        for (int i = 0; i < info->dlpi_phnum; i++) {
                if (info->dlpi_phdr[i].p_type == PT_INTERP) {
                        *(const char **)data =
                            (const char *)(info->dlpi_addr + info->dlpi_phdr[i].p_vaddr);
                        break;
                }
        }
        return 1; /* the first object is the program itself */
}

/* Adds a rule for path with the rights the ruleset handles; a path that
 * does not exist is skipped (not every system has /lib64). Rights that
 * apply to directories only are dropped for a file. */
static enum gz_err
allow(int ruleset, const char *path, uint64_t rights, uint64_t handled, bool required,
      struct gz_error *err)
{
        int fd = open(path, O_PATH | O_CLOEXEC);
        if (fd < 0) {
                if (!required && (errno == ENOENT || errno == ENOTDIR))
                        return GZ_OK;
                return gz_fail(err, GZ_EIO, "sandbox: %s: %s", path, strerror(errno));
        }
        struct stat st;
        if (fstat(fd, &st) == 0 && !S_ISDIR(st.st_mode))
                rights &= LANDLOCK_ACCESS_FS_EXECUTE | LANDLOCK_ACCESS_FS_WRITE_FILE |
                          LANDLOCK_ACCESS_FS_READ_FILE | LL_FS_TRUNCATE;
        struct landlock_path_beneath_attr beneath = {.allowed_access = rights & handled,
                                                     .parent_fd = fd};
        long rc = syscall(SYS_landlock_add_rule, ruleset, LANDLOCK_RULE_PATH_BENEATH, &beneath, 0);
        int saved = errno;
        close(fd);
        if (rc != 0)
                return gz_fail(err, GZ_EIO, "sandbox: Landlock rule for %s: %s", path,
                               strerror(saved));
        return GZ_OK;
}

enum gz_err
gz_sandbox_landlock(const struct gz_sandbox_paths *paths, bool *applied, struct gz_error *err)
{
        *applied = false;
        if (paths == NULL || paths->site_dir == NULL)
                return gz_fail(err, GZ_EINVAL, "sandbox: no site folder");
        int abi = gz_sandbox_landlock_abi();
        if (abi == 0)
                return GZ_OK;
        if (thread_count() != 1)
                return gz_fail(err, GZ_EINVAL,
                               "sandbox: Landlock must be set before any thread starts");
        /* Folders and files must exist before the rules are made. */
        for (size_t i = 0; paths->write_dirs && paths->write_dirs[i]; i++) {
                enum gz_err e = gz_mkdirs(paths->write_dirs[i], 0755, err);
                if (e != GZ_OK)
                        return e;
        }
        for (size_t i = 0; paths->write_files && paths->write_files[i]; i++) {
                int fd =
                    open(paths->write_files[i], O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0640);
                if (fd < 0)
                        return gz_fail(err, GZ_EIO, "%s: %s", paths->write_files[i],
                                       strerror(errno));
                close(fd);
        }

        uint64_t fs = LANDLOCK_ACCESS_FS_EXECUTE | LANDLOCK_ACCESS_FS_WRITE_FILE |
                      LANDLOCK_ACCESS_FS_READ_FILE | LANDLOCK_ACCESS_FS_READ_DIR |
                      LANDLOCK_ACCESS_FS_REMOVE_DIR | LANDLOCK_ACCESS_FS_REMOVE_FILE |
                      LANDLOCK_ACCESS_FS_MAKE_CHAR | LANDLOCK_ACCESS_FS_MAKE_DIR |
                      LANDLOCK_ACCESS_FS_MAKE_REG | LANDLOCK_ACCESS_FS_MAKE_SOCK |
                      LANDLOCK_ACCESS_FS_MAKE_FIFO | LANDLOCK_ACCESS_FS_MAKE_BLOCK |
                      LANDLOCK_ACCESS_FS_MAKE_SYM;
        if (abi >= 2)
                fs |= LANDLOCK_ACCESS_FS_REFER;
        if (abi >= 3)
                fs |= LL_FS_TRUNCATE;
        struct ll_ruleset_attr attr = {.handled_access_fs = fs};
        size_t attr_size = sizeof(attr.handled_access_fs);
        if (abi >= 4) {
                /* No rule allows any: no TCP socket may bind or connect. */
                attr.handled_access_net = LL_NET_BIND_TCP | LL_NET_CONNECT_TCP;
                attr_size = offsetof(struct ll_ruleset_attr, scoped);
        }
        if (abi >= 6) {
                attr.scoped = LL_SCOPE_ABSTRACT_UNIX | LL_SCOPE_SIGNAL;
                attr_size = sizeof(attr);
        }
        int ruleset = (int)syscall(SYS_landlock_create_ruleset, &attr, attr_size, 0);
        if (ruleset < 0)
                return gz_fail(err, GZ_EIO, "sandbox: Landlock: %s", strerror(errno));

        /* The site: everything a site needs, but no links, devices, sockets,
         * pipes, and nothing executed from it. */
        uint64_t site = LL_READ | LANDLOCK_ACCESS_FS_WRITE_FILE | LANDLOCK_ACCESS_FS_REMOVE_DIR |
                        LANDLOCK_ACCESS_FS_REMOVE_FILE | LANDLOCK_ACCESS_FS_MAKE_DIR |
                        LANDLOCK_ACCESS_FS_MAKE_REG | LANDLOCK_ACCESS_FS_REFER | LL_FS_TRUNCATE;
        /* Libraries and their data (/lib is /usr/lib on Debian, but not
         * everywhere), the loader's cache, the time zone, certificates, the
         * CPU and memory layout that glibc, libvips and libnuma read, and
         * randomness. The rest of /etc stays out of reach. */
        static const char *const read_only[] = {"/usr",
                                                "/lib",
                                                "/lib64",
                                                "/etc/ld.so.cache",
                                                "/etc/localtime",
                                                "/etc/timezone",
                                                "/etc/ssl",
                                                "/proc",
                                                "/sys/devices/system/cpu",
                                                "/sys/devices/system/node",
                                                "/dev/urandom"};
        enum gz_err e = allow(ruleset, paths->site_dir, site, fs, true, err);
        for (size_t i = 0; e == GZ_OK && i < GZ_ARRAY_LEN(read_only); i++)
                e = allow(ruleset, read_only[i], LL_READ, fs, false, err);
        for (size_t i = 0; e == GZ_OK && paths->write_dirs && paths->write_dirs[i]; i++)
                e = allow(ruleset, paths->write_dirs[i], site, fs, true, err);
        for (size_t i = 0; e == GZ_OK && paths->write_files && paths->write_files[i]; i++)
                e = allow(ruleset, paths->write_files[i], LANDLOCK_ACCESS_FS_WRITE_FILE, fs, true,
                          err);
        if (e == GZ_OK && paths->exe != NULL) {
                const char *interp = NULL;
                dl_iterate_phdr(find_interp, &interp);
                uint64_t run = LANDLOCK_ACCESS_FS_EXECUTE | LANDLOCK_ACCESS_FS_READ_FILE;
                e = allow(ruleset, paths->exe, run, fs, true, err);
                if (e == GZ_OK && interp != NULL)
                        e = allow(ruleset, interp, run, fs, true, err);
        }
        if (e == GZ_OK && prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0)
                e = gz_fail(err, GZ_EIO, "sandbox: no_new_privs: %s", strerror(errno));
        if (e == GZ_OK && syscall(SYS_landlock_restrict_self, ruleset, 0) != 0)
                e = gz_fail(err, GZ_EIO, "sandbox: Landlock: %s", strerror(errno));
        close(ruleset);
        if (e == GZ_OK)
                *applied = true;
        return e;
}

/* ---- seccomp ------------------------------------------------------------- */

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

/* What the running server calls, from strace -f of the server serving
 * pages, assets and media, taking form and file uploads, writing to its
 * database, sending two uploads through the image worker and stopping on
 * SIGTERM; "(worker)" marks what only the image worker's start needs (it
 * runs under this filter until it installs its own, stricter one). A few
 * calls on paths the trace cannot reach are marked "(rare)". */
static const int plain[] = {
    /* Memory */
    SCMP_SYS(brk),
    SCMP_SYS(munmap),
    SCMP_SYS(mremap),
    SCMP_SYS(madvise),
    /* Threads, time, identity */
    SCMP_SYS(futex),
    SCMP_SYS(set_robust_list),
    SCMP_SYS(rseq),
    SCMP_SYS(set_tid_address), /* (worker) */
    SCMP_SYS(sched_yield),     /* (rare) lock contention */
    SCMP_SYS(sched_getaffinity),
    SCMP_SYS(get_mempolicy), /* (worker) libnuma, through libheif */
    SCMP_SYS(set_mempolicy), /* (worker) */
    SCMP_SYS(clock_gettime), /* the vDSO's fallback */
    SCMP_SYS(gettimeofday),
    SCMP_SYS(nanosleep),
    SCMP_SYS(clock_nanosleep), /* the sweeper; SQLite's busy wait */
    SCMP_SYS(getpid),
    SCMP_SYS(gettid),
    SCMP_SYS(getuid),
    SCMP_SYS(geteuid), /* SQLite */
    SCMP_SYS(getgid),
    SCMP_SYS(getegid),
    SCMP_SYS(getrandom),
    SCMP_SYS(sysinfo), /* glibc's qsort asks how much memory there is (a large sort) */
    SCMP_SYS(uname),   /* (rare) libraries asking what they run on */
    SCMP_SYS(exit),
    SCMP_SYS(exit_group),
    SCMP_SYS(restart_syscall), /* (rare) a sleep interrupted by SIGSTOP/SIGCONT */
    /* Signals: SIGTERM is taken with sigwait */
    SCMP_SYS(rt_sigaction),
    SCMP_SYS(rt_sigprocmask),
    SCMP_SYS(rt_sigreturn),
    SCMP_SYS(rt_sigtimedwait),
    /* Connections: accepted on the socket bound at start; none is made */
    SCMP_SYS(epoll_wait),
    SCMP_SYS(epoll_pwait),
    SCMP_SYS(epoll_ctl),
    SCMP_SYS(poll), /* the image worker's pipes */
    SCMP_SYS(accept4),
    SCMP_SYS(recvfrom),
    SCMP_SYS(sendto),
    SCMP_SYS(sendmsg),
    SCMP_SYS(sendfile),
    SCMP_SYS(shutdown), /* the head deadline */
    SCMP_SYS(setsockopt),
    /* Files: where is Landlock's business */
    SCMP_SYS(read),
    SCMP_SYS(write),
    SCMP_SYS(readv),
    SCMP_SYS(writev),
    SCMP_SYS(pread64),
    SCMP_SYS(pwrite64),
    SCMP_SYS(lseek),
    SCMP_SYS(close),
    SCMP_SYS(close_range), /* (worker) posix_spawn */
    SCMP_SYS(openat),
    SCMP_SYS(fstat),
    SCMP_SYS(newfstatat),
    SCMP_SYS(statx),
    SCMP_SYS(statfs), /* (worker) libselinux looks for its file system */
    SCMP_SYS(access),
    SCMP_SYS(faccessat),
    SCMP_SYS(faccessat2),
    SCMP_SYS(readlink), /* ICU reads /etc/localtime's target */
    SCMP_SYS(getcwd),   /* SQLite, for a site given by a relative path */
    SCMP_SYS(getdents64),
    SCMP_SYS(fsync),
    SCMP_SYS(fdatasync),
    SCMP_SYS(syncfs), /* the live export, before its manifest */
    SCMP_SYS(ftruncate),
    SCMP_SYS(unlink),
    SCMP_SYS(unlinkat),
    SCMP_SYS(rename),
    SCMP_SYS(renameat),
    SCMP_SYS(renameat2),
    SCMP_SYS(mkdir),
    SCMP_SYS(mkdirat),
    SCMP_SYS(fchown), /* SQLite, when run as root: its -wal and -shm files */
    SCMP_SYS(fchmod), /* SQLite, when the umask got in the way */
    SCMP_SYS(dup2),   /* (worker) posix_spawn's stdin and stdout */
    SCMP_SYS(pipe2),
    /* The image worker: started, waited for */
    SCMP_SYS(wait4),
    SCMP_SYS(execve),
    SCMP_SYS(arch_prctl),              /* (worker) the loader */
    SCMP_SYS(landlock_create_ruleset), /* (worker) confining itself */
    SCMP_SYS(landlock_add_rule),
    SCMP_SYS(landlock_restrict_self),
    SCMP_SYS(seccomp),
#ifdef UNDER_ASAN
    /* The test suite's AddressSanitizer pass: its runtime reads /proc with
     * open() and gives every thread a signal stack. */
    SCMP_SYS(open),
    SCMP_SYS(sigaltstack),
#endif
};

static bool
add_rules(scmp_filter_ctx ctx)
{
        uint64_t pid = (uint32_t)getpid();
        const struct rule rules[] = {
            /* Memory may be executable or writable, never both: the image
             * worker's loader maps its libraries under this filter. */
            {SCMP_ACT_ALLOW, SCMP_SYS(mmap), 1, {TEST(2, SCMP_CMP_MASKED_EQ, PROT_EXEC, 0)}},
            {SCMP_ACT_ALLOW,
             SCMP_SYS(mmap),
             1,
             {TEST(2, SCMP_CMP_MASKED_EQ, PROT_EXEC | PROT_WRITE, PROT_EXEC)}},
            {SCMP_ACT_ALLOW, SCMP_SYS(mprotect), 1, {TEST(2, SCMP_CMP_MASKED_EQ, PROT_EXEC, 0)}},
            {SCMP_ACT_ALLOW,
             SCMP_SYS(mprotect),
             1,
             {TEST(2, SCMP_CMP_MASKED_EQ, PROT_EXEC | PROT_WRITE, PROT_EXEC)}},
            /* Threads (glibc tries clone3 first, whose flags seccomp cannot
             * read, then clone), and posix_spawn's vfork-like child for the
             * image worker; never fork. */
            {SCMP_ACT_ERRNO(ENOSYS), SCMP_SYS(clone3), 0, {{0}}},
            {SCMP_ACT_ALLOW,
             SCMP_SYS(clone),
             1,
             {TEST(0, SCMP_CMP_MASKED_EQ, CLONE_THREAD, CLONE_THREAD)}},
            {SCMP_ACT_ALLOW,
             SCMP_SYS(clone),
             1,
             {TEST(0, SCMP_CMP_EQ, CLONE_VM | CLONE_VFORK | SIGCHLD, 0)}},
            /* The image worker's stdin */
            {SCMP_ACT_ALLOW, SCMP_SYS(socketpair), 1, {TEST(0, SCMP_CMP_EQ, AF_UNIX, 0)}},
            /* Locks (SQLite) and descriptor flags */
            {SCMP_ACT_ALLOW, SCMP_SYS(fcntl), 0, {{0}}},
            /* isatty() and non-blocking mode; never TIOCSTI and the like */
            {SCMP_ACT_ALLOW, SCMP_SYS(ioctl), 1, {TEST(1, SCMP_CMP_EQ, TCGETS, 0)}},
            {SCMP_ACT_ALLOW, SCMP_SYS(ioctl), 1, {TEST(1, SCMP_CMP_EQ, FIONBIO, 0)}},
            /* Signals to this process's threads (abort) */
            {SCMP_ACT_ALLOW, SCMP_SYS(tgkill), 1, {TEST(0, SCMP_CMP_EQ, pid, 0)}},
            /* Resource limits of this process only (the worker sets its own) */
            {SCMP_ACT_ALLOW, SCMP_SYS(prlimit64), 1, {TEST(0, SCMP_CMP_EQ, 0, 0)}},
            /* Thread names, no_new_privs and the parent's death signal (worker) */
            {SCMP_ACT_ALLOW, SCMP_SYS(prctl), 1, {TEST(0, SCMP_CMP_EQ, PR_SET_NAME, 0)}},
            {SCMP_ACT_ALLOW, SCMP_SYS(prctl), 1, {TEST(0, SCMP_CMP_EQ, PR_SET_NO_NEW_PRIVS, 0)}},
            {SCMP_ACT_ALLOW, SCMP_SYS(prctl), 1, {TEST(0, SCMP_CMP_EQ, PR_SET_PDEATHSIG, 0)}},
        };
        for (size_t i = 0; i < GZ_ARRAY_LEN(plain); i++)
                if (seccomp_rule_add(ctx, SCMP_ACT_ALLOW, plain[i], 0) != 0)
                        return false;
        for (size_t i = 0; i < GZ_ARRAY_LEN(rules); i++)
                if (seccomp_rule_add_array(ctx, rules[i].action, rules[i].syscall, rules[i].tests,
                                           rules[i].test) != 0)
                        return false;
        /* kill(pid > 0), for the image worker at its deadline; never 0 (the
         * process group) or a negative pid (every process, a group), which
         * sign-extends into the high bits. A rule tests an argument once, so
         * the range is one rule per highest set bit. */
        for (unsigned bit = 0; bit < 31; bit++) {
                uint64_t top = 1ULL << bit;
                uint64_t mask = ~(top - 1);
                if (seccomp_rule_add(ctx, SCMP_ACT_ALLOW, SCMP_SYS(kill), 1,
                                     SCMP_A0(SCMP_CMP_MASKED_EQ, mask, top)) != 0)
                        return false;
        }
        return true;
}

enum gz_err
gz_sandbox_seccomp(struct gz_error *err)
{
        /* A call outside the list means a bug or an attack in progress: the
         * process dies at once (SIGSYS, logged by the kernel with its
         * number) rather than go on in a state nobody planned for. */
        scmp_filter_ctx ctx = seccomp_init(SCMP_ACT_KILL_PROCESS);
        if (ctx == NULL)
                return gz_fail(err, GZ_EIO, "sandbox: seccomp is not available");
        int rc = seccomp_attr_set(ctx, SCMP_FLTATR_CTL_TSYNC, 1);
        if (rc == 0)
                rc = seccomp_attr_set(ctx, SCMP_FLTATR_CTL_NNP, 1);
        if (rc == 0 && !add_rules(ctx))
                rc = -EINVAL;
#ifdef UNDER_ASAN
        /* LeakSanitizer checks at exit by stopping the process with ptrace,
         * which the filter forbids: in sanitizer builds, check now instead. */
        if (rc == 0)
                __lsan_do_leak_check();
#endif
        if (rc == 0)
                rc = seccomp_load(ctx);
        seccomp_release(ctx);
        if (rc != 0)
                return gz_fail(err, GZ_EIO, "sandbox: cannot install the seccomp filter: %s",
                               strerror(-rc));
        return GZ_OK;
}
