/* Whole-file reads, atomic writes and directories. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core.h"

enum gz_err
gz_file_read(const char *path, size_t max, char **out, size_t *len, struct gz_error *err)
{
        int fd = open(path, O_RDONLY | O_CLOEXEC);
        if (fd < 0)
                return gz_fail(err, errno == ENOENT ? GZ_ENOTFOUND : GZ_EIO, "%s: %s", path,
                               strerror(errno));
        struct stat st;
        if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
                close(fd);
                return gz_fail(err, GZ_EIO, "%s: not a regular file", path);
        }
        if ((size_t)st.st_size > max) {
                close(fd);
                return gz_fail(err, GZ_ETOOBIG, "%s: larger than %zu bytes", path, max);
        }
        size_t size = (size_t)st.st_size;
        char *data = gz_xmalloc(size + 1);
        size_t got = 0;
        while (got < size) {
                ssize_t r = read(fd, data + got, size - got);
                if (r < 0 && errno == EINTR)
                        continue;
                if (r <= 0)
                        break;
                got += (size_t)r;
        }
        close(fd);
        data[got] = '\0';
        *out = data;
        if (len != NULL)
                *len = got;
        return GZ_OK;
}

static enum gz_err
write_all(int fd, const void *data, size_t len)
{
        const char *p = data;
        while (len > 0) {
                ssize_t w = write(fd, p, len);
                if (w < 0 && errno == EINTR)
                        continue;
                if (w < 0)
                        return GZ_EIO;
                p += w;
                len -= (size_t)w;
        }
        return GZ_OK;
}

/* A temporary beside path, then rename: a reader opens the old file or
 * the new one, never half of it. With sync, the data is on disk before the
 * rename. */
static enum gz_err
write_replace(const char *path, const void *data, size_t len, bool sync, struct gz_error *err)
{
        size_t n = strlen(path);
        char *tmp = gz_xmalloc(n + 16);
        snprintf(tmp, n + 16, "%s.tmpXXXXXX", path);
        int fd = mkstemp(tmp);
        if (fd < 0) {
                enum gz_err e = gz_fail(err, GZ_EIO, "%s: %s", path, strerror(errno));
                free(tmp);
                return e;
        }
        if (write_all(fd, data, len) != GZ_OK || (sync && fsync(fd) != 0)) {
                int saved = errno;
                close(fd);
                unlink(tmp);
                free(tmp);
                return gz_fail(err, GZ_EIO, "%s: %s", path, strerror(saved));
        }
        fchmod(fd, 0644);
        close(fd);
        if (rename(tmp, path) != 0) {
                int saved = errno;
                unlink(tmp);
                free(tmp);
                return gz_fail(err, GZ_EIO, "%s: %s", path, strerror(saved));
        }
        free(tmp);
        return GZ_OK;
}

enum gz_err
gz_file_write_atomic(const char *path, const void *data, size_t len, struct gz_error *err)
{
        return write_replace(path, data, len, true, err);
}

enum gz_err
gz_file_replace(const char *path, const void *data, size_t len, struct gz_error *err)
{
        return write_replace(path, data, len, false, err);
}

enum gz_err
gz_mkdirs(const char *path, int mode, struct gz_error *err)
{
        /* The folder itself first: most parents exist already. */
        if (mkdir(path, (mode_t)mode) == 0 || errno == EEXIST)
                return GZ_OK;
        if (errno != ENOENT)
                return gz_fail(err, GZ_EIO, "%s: %s", path, strerror(errno));
        char *copy = gz_xstrdup(path);
        char *slash = strrchr(copy, '/');
        while (slash != NULL && slash > copy && slash[1] == '\0') { /* "a/b/" */
                *slash = '\0';
                slash = strrchr(copy, '/');
        }
        enum gz_err e = GZ_OK;
        if (slash != NULL && slash > copy) {
                *slash = '\0';
                e = gz_mkdirs(copy, mode, err);
        }
        free(copy);
        if (e != GZ_OK)
                return e;
        if (mkdir(path, (mode_t)mode) != 0 && errno != EEXIST)
                return gz_fail(err, GZ_EIO, "%s: %s", path, strerror(errno));
        return GZ_OK;
}

bool
gz_path_exists(const char *path)
{
        struct stat st;
        return stat(path, &st) == 0;
}

bool
gz_is_dir(const char *path)
{
        struct stat st;
        return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}
