/* Least privilege for the running server: the port is bound as root, then
 * the process becomes an unprivileged user; Landlock confines its files to
 * the site folder; a seccomp allowlist keeps it to the system calls a
 * running server makes. See docs/security.md. */
#ifndef GZ_SANDBOX_H
#define GZ_SANDBOX_H

#include "../core/core.h"

/* Becomes user NAME, with its primary group and no supplementary groups,
 * for good (real, effective and saved IDs), and checks that root cannot be
 * regained. Call it as root after binding the port and before opening any
 * file, so that every file the server creates belongs to NAME. Already
 * running as NAME: nothing to do. NAME may not be root (GZ_EINVAL); another
 * user than root or NAME cannot switch (GZ_EPERM). */
enum gz_err gz_sandbox_drop_user(const char *name, struct gz_error *err);

/* The kernel's Landlock ABI version; 0 when it has no Landlock. */
int gz_sandbox_landlock_abi(void);

struct gz_sandbox_paths {
        const char *site_dir;           /* read and write beneath it */
        const char *exe;                /* may be executed (the image worker); NULL: none */
        const char *const *write_files; /* more files to append to, NULL-terminated (logs) */
        const char *const *write_dirs;  /* more folders to fill, NULL-terminated (an export) */
};

/* Landlock: from now on this process and the processes it starts may read
 * and write beneath site_dir and write_dirs (created if missing), append to
 * write_files (created if missing), execute exe and its ELF interpreter,
 * read the system's libraries and data (/usr), the loader's cache, the time
 * zone and certificates from /etc, /proc, the CPU and memory layout in /sys
 * and /dev/urandom, and nothing else; where the kernel allows it (ABI 4 and
 * 6), it may not bind or connect TCP sockets, nor signal processes outside
 * the sandbox. Landlock binds the calling thread and what it starts later
 * only, so this refuses to run once a second thread exists (GZ_EINVAL).
 * *applied is false when the kernel has no Landlock (nothing restricted). */
enum gz_err gz_sandbox_landlock(const struct gz_sandbox_paths *paths, bool *applied,
                                struct gz_error *err);

/* Seccomp: every thread of the process (and every process it starts) may
 * make only the system calls of the running server and of the image
 * worker's start; any other kills the process with SIGSYS. Sets
 * no_new_privs. Call it once the server has started. */
enum gz_err gz_sandbox_seccomp(struct gz_error *err);

#endif
