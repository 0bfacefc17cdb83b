/* gazette backup and gazette restore. A backup is one gzip-compressed tar
 * file (libarchive): BACKUP (what it is), gazette.db (a consistent snapshot
 * taken with SQLite's backup API while the site serves and editors write),
 * the site's other files (media/, theme/...), and SHA256SUMS last, in the
 * format sha256sum -c reads. A restore writes into a new folder beside the
 * target, checks every byte against the sums and the database's integrity,
 * and only then renames it into place: a damaged backup writes nothing. */
#include <archive.h>
#include <archive_entry.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <getopt.h>
#include <limits.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"

#define BACKUP_MAGIC "Gazette backup 1\n"
#define MAX_DEPTH 32
#define MAX_SUMS_BYTES ((size_t)64 << 20)
#define CHUNK ((size_t)64 * 1024)

/* Left out of a backup: the live database and its journals (the snapshot
 * stands for them), scratch space and logs, and hidden files such as the
 * image worker's staging folders. */
static const char *const skipped_top[] = {"gazette.db",     "gazette.db-wal",
                                          "gazette.db-shm", "gazette.db-journal",
                                          "gazette.db.new", "tmp",
                                          "logs",           NULL};

struct sum {
        char *path;
        char hex[crypto_hash_sha256_BYTES * 2 + 1];
        bool seen; /* restore: the file was in the archive */
};

struct sums {
        struct sum *items;
        size_t count, cap;
};

static void
sums_add(struct sums *s, const char *path, const unsigned char digest[crypto_hash_sha256_BYTES])
{
        if (s->count == s->cap) {
                s->cap = s->cap ? s->cap * 2 : 64;
                s->items = gz_xrealloc(s->items, s->cap * sizeof(*s->items));
        }
        struct sum *x = &s->items[s->count++];
        memset(x, 0, sizeof(*x));
        x->path = gz_xstrdup(path);
        gz_hex(digest, crypto_hash_sha256_BYTES, x->hex);
}

static void
sums_free(struct sums *s)
{
        for (size_t i = 0; i < s->count; i++)
                free(s->items[i].path);
        free(s->items);
        memset(s, 0, sizeof(*s));
}

static bool
skipped(const char *rel, const char *name)
{
        if (name[0] == '.')
                return true;
        if (strchr(rel, '/') != NULL)
                return false;
        for (size_t i = 0; skipped_top[i]; i++)
                if (strcmp(rel, skipped_top[i]) == 0)
                        return true;
        return false;
}

/* ---- writing ---------------------------------------------------------------- */

struct writer {
        struct archive *a;
        struct sums sums;
        size_t files;
        uint64_t bytes;
        size_t vanished, links;
        const char *file; /* for messages */
};

static enum gz_err
archive_fail(struct archive *a, struct gz_error *err, const char *what)
{
        const char *msg = archive_error_string(a);
        return gz_fail(err, GZ_EIO, "%s: %s", what, msg ? msg : "unknown error");
}

static enum gz_err
write_header(struct writer *w, const char *name, mode_t type, mode_t perm, int64_t size,
             time_t mtime, struct gz_error *err)
{
        struct archive_entry *e = archive_entry_new();
        archive_entry_set_pathname(e, name);
        archive_entry_set_filetype(e, type);
        archive_entry_set_perm(e, perm);
        archive_entry_set_size(e, size);
        archive_entry_set_mtime(e, mtime, 0);
        int rc = archive_write_header(w->a, e);
        archive_entry_free(e);
        return rc == ARCHIVE_OK ? GZ_OK : archive_fail(w->a, err, w->file);
}

static enum gz_err
write_data(struct writer *w, const void *data, size_t len, struct gz_error *err)
{
        if (len > 0 && archive_write_data(w->a, data, len) != (la_ssize_t)len)
                return archive_fail(w->a, err, w->file);
        return GZ_OK;
}

static enum gz_err
write_memory(struct writer *w, const char *name, const char *data, size_t len, struct gz_error *err)
{
        enum gz_err e = write_header(w, name, AE_IFREG, 0644, (int64_t)len, time(NULL), err);
        return e == GZ_OK ? write_data(w, data, len, err) : e;
}

/* One file, streamed and summed. A file that vanished since the folder was
 * listed is only counted: an editor deleted it while the backup ran. */
static enum gz_err
write_file(struct writer *w, const char *path, const char *name, struct gz_error *err)
{
        int fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
        if (fd < 0 && errno == ENOENT) {
                w->vanished++;
                return GZ_OK;
        }
        struct stat st;
        if (fd < 0 || fstat(fd, &st) != 0) {
                enum gz_err e = gz_fail(err, GZ_EIO, "%s: %s", path, strerror(errno));
                if (fd >= 0)
                        close(fd);
                return e;
        }
        enum gz_err e =
            write_header(w, name, AE_IFREG, strcmp(name, "gazette.db") == 0 ? 0600 : 0644,
                         (int64_t)st.st_size, st.st_mtime, err);
        crypto_hash_sha256_state h;
        crypto_hash_sha256_init(&h);
        char *buf = gz_xmalloc(CHUNK);
        int64_t left = st.st_size;
        while (e == GZ_OK && left > 0) {
                ssize_t r = read(fd, buf, (uint64_t)left < CHUNK ? (size_t)left : CHUNK);
                if (r < 0 && errno == EINTR)
                        continue;
                if (r <= 0) {
                        /* The archive already announced the size. */
                        e = gz_fail(err, GZ_EIO, "%s: %s while reading", path,
                                    r < 0 ? strerror(errno) : "the file shrank");
                        break;
                }
                crypto_hash_sha256_update(&h, (unsigned char *)buf, (size_t)r);
                e = write_data(w, buf, (size_t)r, err);
                left -= r;
        }
        free(buf);
        close(fd);
        if (e != GZ_OK)
                return e;
        unsigned char digest[crypto_hash_sha256_BYTES];
        crypto_hash_sha256_final(&h, digest);
        sums_add(&w->sums, name, digest);
        w->files++;
        w->bytes += (uint64_t)st.st_size;
        return GZ_OK;
}

static int
by_name(const struct dirent **a, const struct dirent **b)
{
        return strcmp((*a)->d_name, (*b)->d_name);
}

/* The folder's files below rel (sorted, so two backups of the same site
 * list the same entries); "" is the site itself. */
static enum gz_err
write_tree(struct writer *w, const char *root, const char *rel, int depth, struct gz_error *err)
{
        if (depth > MAX_DEPTH)
                return gz_fail(err, GZ_EINVAL, "%s/%s: folders nested too deeply", root, rel);
        char *dir = NULL;
        if (asprintf(&dir, "%s%s%s", root, *rel ? "/" : "", rel) < 0)
                gz_oom(__FILE__, __LINE__);
        struct dirent **list = NULL;
        int n = scandir(dir, &list, NULL, by_name);
        if (n < 0) {
                enum gz_err e = GZ_OK;
                if (errno == ENOENT && *rel)
                        w->vanished++;
                else
                        e = gz_fail(err, GZ_EIO, "%s: %s", dir, strerror(errno));
                free(dir);
                return e;
        }
        free(dir);
        enum gz_err e = GZ_OK;
        for (int i = 0; i < n; i++) {
                const char *name = list[i]->d_name;
                char *child_rel = NULL, *child = NULL;
                if (asprintf(&child_rel, "%s%s%s", rel, *rel ? "/" : "", name) < 0 ||
                    asprintf(&child, "%s/%s", root, child_rel) < 0)
                        gz_oom(__FILE__, __LINE__);
                struct stat st;
                if (e != GZ_OK || skipped(child_rel, name)) {
                        free(child_rel);
                        free(child);
                        continue;
                }
                if (lstat(child, &st) != 0) {
                        if (errno != ENOENT)
                                e = gz_fail(err, GZ_EIO, "%s: %s", child, strerror(errno));
                        else
                                w->vanished++;
                } else if (S_ISDIR(st.st_mode)) {
                        e = write_header(w, child_rel, AE_IFDIR, 0755, 0, st.st_mtime, err);
                        if (e == GZ_OK)
                                e = write_tree(w, root, child_rel, depth + 1, err);
                } else if (S_ISREG(st.st_mode)) {
                        e = write_file(w, child, child_rel, err);
                } else {
                        /* Links could point anywhere on restore: not kept. */
                        w->links++;
                        fprintf(stderr, "gazette backup: %s is not a file or folder; left out\n",
                                child);
                }
                free(child_rel);
                free(child);
        }
        for (int i = 0; i < n; i++)
                free(list[i]);
        free(list);
        return e;
}

static enum gz_err
write_backup(const char *dir, struct gz_store *store, const char *out_path, int out_fd,
             struct writer *w, struct gz_error *err)
{
        /* The snapshot first: every media file a row of it names was in
         * place before the row was committed, so copying the folders after
         * it finds them all (and at most some newer ones). */
        char snap[PATH_MAX], tmp_dir[PATH_MAX];
        if (snprintf(snap, sizeof(snap), "%s/tmp/backup-%d.db", dir, (int)getpid()) >=
            (int)sizeof(snap))
                return gz_fail(err, GZ_EINVAL, "%s: the path is too long", dir);
        snprintf(tmp_dir, sizeof(tmp_dir), "%s/tmp", dir);
        enum gz_err e = gz_mkdirs(tmp_dir, 0700, err);
        unlink(snap);
        if (e == GZ_OK)
                e = gz_store_backup(store, snap, err);
        if (e != GZ_OK) {
                unlink(snap);
                return e;
        }

        w->a = archive_write_new();
        archive_write_set_format_pax_restricted(w->a);
        archive_write_add_filter_gzip(w->a);
        archive_write_set_bytes_in_last_block(w->a, 1);
        int rc = out_fd >= 0 ? archive_write_open_fd(w->a, out_fd)
                             : archive_write_open_filename(w->a, out_path);
        if (rc != ARCHIVE_OK)
                e = archive_fail(w->a, err, w->file);

        char header[256], stamp[32];
        gz_time_iso8601_utc(gz_now(), stamp);
        snprintf(header, sizeof(header), BACKUP_MAGIC "created %s\nschema %d\n", stamp,
                 gz_store_schema_version(store));
        if (e == GZ_OK)
                e = write_memory(w, "BACKUP", header, strlen(header), err);
        if (e == GZ_OK)
                e = write_file(w, snap, "gazette.db", err);
        unlink(snap);
        if (e == GZ_OK)
                e = write_tree(w, dir, "", 0, err);
        if (e == GZ_OK) {
                struct gz_buf b;
                gz_buf_init(&b, NULL);
                for (size_t i = 0; i < w->sums.count; i++)
                        gz_buf_printf(&b, "%s  %s\n", w->sums.items[i].hex, w->sums.items[i].path);
                e = write_memory(w, "SHA256SUMS", b.data ? b.data : "", b.len, err);
                gz_buf_free(&b);
        }
        if (archive_write_close(w->a) != ARCHIVE_OK && e == GZ_OK)
                e = archive_fail(w->a, err, w->file);
        archive_write_free(w->a);
        return e;
}

static bool
fsync_path(const char *path, int flags)
{
        int fd = open(path, flags | O_CLOEXEC);
        if (fd < 0)
                return false;
        bool ok = fsync(fd) == 0;
        close(fd);
        return ok;
}

static char *
parent_of(const char *path)
{
        char *copy = gz_xstrdup(path);
        char *slash = strrchr(copy, '/');
        if (slash == NULL) {
                free(copy);
                return gz_xstrdup(".");
        }
        if (slash == copy)
                slash[1] = '\0';
        else
                *slash = '\0';
        return copy;
}

int
gz_cmd_backup(int argc, char **argv)
{
        static const struct option options[] = {
            {"quiet", no_argument, NULL, 'q'},
            {NULL, 0, NULL, 0},
        };
        bool quiet = false;
        int c;
        opterr = 0;
        optind = 1;
        while ((c = getopt_long(argc, argv, ":", options, NULL)) != -1) {
                if (c == 'q')
                        quiet = true;
                else
                        return gz_cli_fail("backup",
                                           "unknown option %s (see gazette backup --help)",
                                           argv[optind - 1]);
        }
        int args = argc - optind;
        if (args < 1 || args > 2)
                return gz_cli_fail("backup", "usage: gazette backup [DIR] FILE");
        const char *dir = args == 2 ? argv[optind] : "site";
        const char *file = argv[optind + args - 1];
        bool to_stdout = strcmp(file, "-") == 0;
        if (!to_stdout && gz_is_dir(file))
                return gz_cli_fail("backup",
                                   "%s is a folder; give the backup file's name, such "
                                   "as %s/site-$(date +%%F).tar.gz",
                                   file, file);
        if (sodium_init() < 0)
                return gz_cli_fail("backup", "libsodium could not start");
        struct gz_store *store;
        if (gz_cli_open_store("backup", dir, &store) != 0)
                return 1;

        /* Written beside the target and renamed when complete, so FILE is
         * always a whole backup; readable by its owner only, since it holds
         * the accounts' password hashes and second-factor secrets. */
        char partial[PATH_MAX];
        if (snprintf(partial, sizeof(partial), "%s.partial", file) >= (int)sizeof(partial))
                return gz_cli_fail("backup", "%s: the path is too long", file);
        int out_fd = -1;
        if (to_stdout) {
                out_fd = STDOUT_FILENO;
        } else {
                out_fd = open(partial, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
                if (out_fd < 0) {
                        gz_store_close(store);
                        return gz_cli_fail("backup", "%s: %s", partial, strerror(errno));
                }
        }
        struct writer w = {.file = to_stdout ? "standard output" : file};
        struct gz_error err;
        int64_t start = gz_monotonic_ms();
        enum gz_err e = write_backup(dir, store, partial, out_fd, &w, &err);
        gz_store_close(store);
        if (!to_stdout) {
                if (e == GZ_OK && fsync(out_fd) != 0)
                        e = gz_fail(&err, GZ_EIO, "%s: %s", partial, strerror(errno));
                close(out_fd);
                if (e == GZ_OK && rename(partial, file) != 0)
                        e = gz_fail(&err, GZ_EIO, "%s: %s", file, strerror(errno));
                if (e != GZ_OK) {
                        unlink(partial);
                } else {
                        char *parent = parent_of(file);
                        fsync_path(parent, O_RDONLY | O_DIRECTORY);
                        free(parent);
                }
        }
        if (e == GZ_OK && !quiet) {
                fprintf(to_stdout ? stderr : stdout,
                        "Backed up %s to %s: the database and %zu other file%s, %.1f MB, in %.1f "
                        "s.\n",
                        dir, to_stdout ? "standard output" : file, w.files - 1,
                        w.files == 2 ? "" : "s", (double)w.bytes / 1e6,
                        (double)(gz_monotonic_ms() - start) / 1000.0);
                if (w.vanished > 0)
                        fprintf(stderr,
                                "gazette backup: %zu file%s vanished while the backup ran "
                                "(deleted by an editor)\n",
                                w.vanished, w.vanished == 1 ? "" : "s");
        }
        sums_free(&w.sums);
        if (e != GZ_OK)
                return gz_cli_fail("backup", "%s", err.msg);
        return 0;
}

/* ---- reading ------------------------------------------------------------------ */

/* A name from the archive is a relative path of plain components; nothing
 * in it may lead out of the folder, and the database's journals (which
 * SQLite would replay) cannot be smuggled in. */
static bool
safe_name(const char *name)
{
        size_t n = strlen(name);
        if (n == 0 || n >= PATH_MAX / 2 || name[0] == '/')
                return false;
        int depth = 0;
        for (const char *p = name; *p;) {
                const char *slash = strchr(p, '/');
                size_t len = slash ? (size_t)(slash - p) : strlen(p);
                if (len == 0 || (len == 1 && p[0] == '.') ||
                    (len == 2 && p[0] == '.' && p[1] == '.'))
                        return false;
                for (size_t i = 0; i < len; i++)
                        if ((unsigned char)p[i] < 0x20 || p[i] == 0x7f || p[i] == '\\')
                                return false;
                if (++depth > MAX_DEPTH)
                        return false;
                if (slash == NULL)
                        break;
                p = slash + 1;
                if (*p == '\0')
                        break; /* "media/" names a folder */
        }
        if (strncmp(name, "gazette.db", 10) == 0 && name[10] != '\0')
                return false;
        return true;
}

struct reader {
        struct archive *a;
        const char *file;
        int root_fd; /* the folder being filled */
        struct sums found;
        char *sums_text;
        size_t sums_len;
        bool have_header, have_db, have_sums;
        size_t files;
        uint64_t bytes;
};

static enum gz_err
damaged(struct reader *r, struct gz_error *err)
{
        const char *msg = archive_error_string(r->a);
        return gz_fail(err, GZ_ECORRUPT, "%s is damaged or incomplete (%s); nothing was restored",
                       r->file, msg ? msg : "it ends too early");
}

/* Creates the folders of name below the root, as needed. */
static enum gz_err
make_parents(struct reader *r, const char *name, struct gz_error *err)
{
        char path[PATH_MAX];
        snprintf(path, sizeof(path), "%s", name);
        for (char *p = path; (p = strchr(p, '/')) != NULL; p++) {
                *p = '\0';
                if (mkdirat(r->root_fd, path, 0755) != 0 && errno != EEXIST)
                        return gz_fail(err, GZ_EIO, "%s: %s", path, strerror(errno));
                struct stat st;
                if (fstatat(r->root_fd, path, &st, AT_SYMLINK_NOFOLLOW) != 0 ||
                    !S_ISDIR(st.st_mode))
                        return gz_fail(err, GZ_ECORRUPT, "%s: %s is not a folder", r->file, path);
                *p = '/';
        }
        return GZ_OK;
}

/* Reads the current entry's data: into memory (max bytes) or a new file. */
static enum gz_err
read_entry(struct reader *r, const char *name, int fd, char **mem, size_t max,
           unsigned char digest[crypto_hash_sha256_BYTES], uint64_t *size, struct gz_error *err)
{
        crypto_hash_sha256_state h;
        crypto_hash_sha256_init(&h);
        struct gz_buf b;
        gz_buf_init(&b, NULL);
        char *buf = gz_xmalloc(CHUNK);
        enum gz_err e = GZ_OK;
        *size = 0;
        for (;;) {
                la_ssize_t n = archive_read_data(r->a, buf, CHUNK);
                if (n == 0)
                        break;
                if (n < 0) {
                        e = damaged(r, err);
                        break;
                }
                crypto_hash_sha256_update(&h, (unsigned char *)buf, (size_t)n);
                *size += (uint64_t)n;
                if (mem != NULL) {
                        if (b.len + (size_t)n > max) {
                                e = gz_fail(err, GZ_ECORRUPT, "%s: %s is too large", r->file, name);
                                break;
                        }
                        gz_buf_put(&b, buf, (size_t)n);
                        continue;
                }
                for (la_ssize_t off = 0; off < n && e == GZ_OK;) {
                        ssize_t w = write(fd, buf + off, (size_t)(n - off));
                        if (w < 0 && errno == EINTR)
                                continue;
                        if (w < 0)
                                e = gz_fail(err, GZ_EIO, "%s: %s", name, strerror(errno));
                        else
                                off += w;
                }
                if (e != GZ_OK)
                        break;
        }
        free(buf);
        crypto_hash_sha256_final(&h, digest);
        if (mem != NULL && e == GZ_OK)
                *mem = b.data ? gz_buf_detach(&b, NULL) : gz_xstrdup("");
        else
                gz_buf_free(&b);
        return e;
}

static enum gz_err
restore_entry(struct reader *r, struct archive_entry *entry, struct gz_error *err)
{
        const char *name = archive_entry_pathname(entry);
        if (name == NULL || !safe_name(name))
                return gz_fail(err, GZ_ECORRUPT,
                               "%s holds a name that is not allowed (%s); nothing was restored",
                               r->file, name ? name : "none");
        if (archive_entry_hardlink(entry) != NULL || archive_entry_symlink(entry) != NULL)
                return gz_fail(err, GZ_ECORRUPT,
                               "%s holds a link (%s), which no Gazette backup has; nothing was "
                               "restored",
                               r->file, name);
        mode_t type = archive_entry_filetype(entry);
        if (!r->have_header && (strcmp(name, "BACKUP") != 0 || type != AE_IFREG))
                return gz_fail(err, GZ_ECORRUPT, "%s is not a Gazette backup", r->file);
        if (r->have_sums)
                return gz_fail(err, GZ_ECORRUPT, "%s: %s comes after SHA256SUMS", r->file, name);
        if (type == AE_IFDIR) {
                char path[PATH_MAX];
                snprintf(path, sizeof(path), "%s/", name);
                enum gz_err e = make_parents(r, path, err);
                return e;
        }
        if (type != AE_IFREG)
                return gz_fail(err, GZ_ECORRUPT,
                               "%s holds %s, which is neither a file nor a folder; nothing was "
                               "restored",
                               r->file, name);
        unsigned char digest[crypto_hash_sha256_BYTES];
        uint64_t size;
        if (strcmp(name, "BACKUP") == 0 || strcmp(name, "SHA256SUMS") == 0) {
                char *text = NULL;
                bool header = strcmp(name, "BACKUP") == 0;
                if (header && r->have_header)
                        return gz_fail(err, GZ_ECORRUPT, "%s has two BACKUP entries", r->file);
                enum gz_err e = read_entry(r, name, -1, &text, header ? 4096 : MAX_SUMS_BYTES,
                                           digest, &size, err);
                if (e != GZ_OK)
                        return e;
                if (header) {
                        bool ok = strncmp(text, BACKUP_MAGIC, strlen(BACKUP_MAGIC)) == 0;
                        free(text);
                        if (!ok)
                                return gz_fail(err, GZ_ECORRUPT,
                                               "%s is not a backup this Gazette can read", r->file);
                        r->have_header = true;
                } else {
                        r->sums_text = text;
                        r->sums_len = (size_t)size;
                        r->have_sums = true;
                }
                return GZ_OK;
        }
        enum gz_err e = make_parents(r, name, err);
        if (e != GZ_OK)
                return e;
        bool db = strcmp(name, "gazette.db") == 0;
        int fd = openat(r->root_fd, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
                        db ? 0600 : 0644);
        if (fd < 0)
                return gz_fail(err, errno == EEXIST ? GZ_ECORRUPT : GZ_EIO, "%s: %s: %s", r->file,
                               name, errno == EEXIST ? "found twice" : strerror(errno));
        e = read_entry(r, name, fd, NULL, 0, digest, &size, err);
        if (e == GZ_OK && fsync(fd) != 0)
                e = gz_fail(err, GZ_EIO, "%s: %s", name, strerror(errno));
        close(fd);
        if (e != GZ_OK)
                return e;
        sums_add(&r->found, name, digest);
        r->have_db |= db;
        r->files++;
        r->bytes += size;
        return GZ_OK;
}

/* Every file must be listed in SHA256SUMS with its sum, and every listed
 * file must have come. */
static enum gz_err
check_sums(struct reader *r, struct gz_error *err)
{
        if (!r->have_sums || !r->have_db)
                return gz_fail(err, GZ_ECORRUPT, "%s is incomplete (no %s); nothing was restored",
                               r->file, r->have_db ? "SHA256SUMS" : "gazette.db");
        size_t listed = 0;
        for (char *line = r->sums_text; line && *line;) {
                char *end = strchr(line, '\n');
                if (end == NULL)
                        return gz_fail(err, GZ_ECORRUPT, "%s: SHA256SUMS is cut short", r->file);
                *end = '\0';
                size_t hex_len = crypto_hash_sha256_BYTES * 2;
                if (strlen(line) < hex_len + 3 || line[hex_len] != ' ' || line[hex_len + 1] != ' ')
                        return gz_fail(err, GZ_ECORRUPT, "%s: SHA256SUMS is malformed", r->file);
                const char *path = line + hex_len + 2;
                struct sum *match = NULL;
                for (size_t i = 0; i < r->found.count && match == NULL; i++)
                        if (strcmp(r->found.items[i].path, path) == 0)
                                match = &r->found.items[i];
                if (match == NULL)
                        return gz_fail(err, GZ_ECORRUPT, "%s lacks %s; nothing was restored",
                                       r->file, path);
                if (match->seen || strncmp(match->hex, line, hex_len) != 0)
                        return gz_fail(err, GZ_ECORRUPT,
                                       "%s: %s does not match its checksum; the backup is "
                                       "damaged and nothing was restored",
                                       r->file, path);
                match->seen = true;
                listed++;
                line = end + 1;
        }
        if (listed != r->found.count) {
                for (size_t i = 0; i < r->found.count; i++)
                        if (!r->found.items[i].seen)
                                return gz_fail(err, GZ_ECORRUPT,
                                               "%s: %s is not in SHA256SUMS; nothing was restored",
                                               r->file, r->found.items[i].path);
        }
        return GZ_OK;
}

static enum gz_err
read_backup(struct reader *r, const char *in_path, struct gz_error *err)
{
        r->a = archive_read_new();
        /* Built-in decompressors only: libarchive could also run outside
         * programs for some formats, which a hostile file should not get. */
        archive_read_support_filter_gzip(r->a);
        archive_read_support_filter_bzip2(r->a);
        archive_read_support_filter_xz(r->a);
        archive_read_support_filter_zstd(r->a);
        archive_read_support_format_tar(r->a);
        int rc = in_path == NULL ? archive_read_open_fd(r->a, STDIN_FILENO, CHUNK)
                                 : archive_read_open_filename(r->a, in_path, CHUNK);
        enum gz_err e = GZ_OK;
        if (rc != ARCHIVE_OK) {
                e = gz_fail(err, GZ_ECORRUPT, "%s is not a Gazette backup (%s)", r->file,
                            archive_error_string(r->a) ? archive_error_string(r->a) : "unreadable");
        }
        while (e == GZ_OK) {
                struct archive_entry *entry;
                rc = archive_read_next_header(r->a, &entry);
                if (rc == ARCHIVE_EOF)
                        break;
                if (rc != ARCHIVE_OK && rc != ARCHIVE_WARN) {
                        e = r->have_header
                                ? damaged(r, err)
                                : gz_fail(err, GZ_ECORRUPT, "%s is not a Gazette backup (%s)",
                                          r->file,
                                          archive_error_string(r->a) ? archive_error_string(r->a)
                                                                     : "unreadable");
                        break;
                }
                e = restore_entry(r, entry, err);
        }
        if (e == GZ_OK && !r->have_header)
                e = gz_fail(err, GZ_ECORRUPT, "%s is not a Gazette backup (it is empty)", r->file);
        archive_read_free(r->a);
        if (e == GZ_OK)
                e = check_sums(r, err);
        return e;
}

/* Is the restored database whole, and is it a Gazette site? */
static enum gz_err
check_database(const char *dir, struct gz_error *err)
{
        char *db = NULL;
        if (asprintf(&db, "%s/gazette.db", dir) < 0)
                gz_oom(__FILE__, __LINE__);
        struct gz_store *store;
        enum gz_err e = gz_store_open(db, 0, &store, err);
        free(db);
        if (e != GZ_OK)
                return e;
        struct gz_arena *a = gz_arena_new(1024);
        const char *result = "";
        e = gz_store_check(store, a, &result, err);
        if (e == GZ_OK && strcmp(result, "ok") != 0)
                e = gz_fail(err, GZ_ECORRUPT, "the backup's database is damaged: %s", result);
        gz_arena_free(a);
        gz_store_close(store);
        return e;
}

static int
remove_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
        (void)st;
        (void)flag;
        (void)ftw;
        return remove(path) == 0 ? 0 : -1;
}

static bool
dir_is_empty(const char *path)
{
        DIR *d = opendir(path);
        if (d == NULL)
                return false;
        struct dirent *ent;
        bool empty = true;
        while (empty && (ent = readdir(d)) != NULL)
                empty = strcmp(ent->d_name, ".") == 0 || strcmp(ent->d_name, "..") == 0;
        closedir(d);
        return empty;
}

int
gz_cmd_restore(int argc, char **argv)
{
        static const struct option options[] = {
            {"quiet", no_argument, NULL, 'q'},
            {NULL, 0, NULL, 0},
        };
        bool quiet = false;
        int c;
        opterr = 0;
        optind = 1;
        while ((c = getopt_long(argc, argv, ":", options, NULL)) != -1) {
                if (c == 'q')
                        quiet = true;
                else
                        return gz_cli_fail("restore",
                                           "unknown option %s (see gazette restore --help)",
                                           argv[optind - 1]);
        }
        if (argc - optind != 2)
                return gz_cli_fail("restore", "usage: gazette restore FILE DIR");
        const char *file = argv[optind], *dir = argv[optind + 1];
        bool from_stdin = strcmp(file, "-") == 0;
        struct stat st;
        if (lstat(dir, &st) == 0 && !(S_ISDIR(st.st_mode) && dir_is_empty(dir)))
                return gz_cli_fail("restore",
                                   "%s already exists: a restore never overwrites anything; "
                                   "give a new folder (then stop the server, swap the folders "
                                   "and start it again)",
                                   dir);
        if (!from_stdin && !gz_path_exists(file))
                return gz_cli_fail("restore", "%s: no such file", file);
        if (sodium_init() < 0)
                return gz_cli_fail("restore", "libsodium could not start");

        /* Filled beside the target, renamed into place when all is well. */
        char building[PATH_MAX];
        size_t n = strlen(dir);
        while (n > 1 && dir[n - 1] == '/')
                n--;
        if (snprintf(building, sizeof(building), "%.*s.restoring-XXXXXX", (int)n, dir) >=
            (int)sizeof(building))
                return gz_cli_fail("restore", "%s: the path is too long", dir);
        if (mkdtemp(building) == NULL)
                return gz_cli_fail("restore", "cannot make a folder beside %s: %s", dir,
                                   strerror(errno));
        struct reader r = {.file = from_stdin ? "the backup on standard input" : file};
        r.root_fd = open(building, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        struct gz_error err;
        enum gz_err e = r.root_fd >= 0 ? read_backup(&r, from_stdin ? NULL : file, &err)
                                       : gz_fail(&err, GZ_EIO, "%s: %s", building, strerror(errno));
        static const char *const made[] = {"media", "tmp", "logs"};
        for (size_t i = 0; e == GZ_OK && i < GZ_ARRAY_LEN(made); i++)
                if (mkdirat(r.root_fd, made[i], i == 1 ? 0700 : 0755) != 0 && errno != EEXIST)
                        e = gz_fail(&err, GZ_EIO, "%s/%s: %s", building, made[i], strerror(errno));
        if (e == GZ_OK)
                e = check_database(building, &err);
        if (e == GZ_OK && fsync(r.root_fd) != 0)
                e = gz_fail(&err, GZ_EIO, "%s: %s", building, strerror(errno));
        if (r.root_fd >= 0)
                close(r.root_fd);
        if (e == GZ_OK && rename(building, dir) != 0)
                e = gz_fail(&err, GZ_EIO, "%s: %s", dir, strerror(errno));
        if (e != GZ_OK) {
                /* Only the folder this command made; links are removed, not followed. */
                if (nftw(building, remove_one, 16, FTW_DEPTH | FTW_PHYS) != 0)
                        fprintf(stderr, "gazette restore: could not remove %s\n", building);
        } else {
                char *parent = parent_of(dir);
                fsync_path(parent, O_RDONLY | O_DIRECTORY);
                free(parent);
        }
        sums_free(&r.found);
        free(r.sums_text);
        if (e != GZ_OK)
                return gz_cli_fail("restore", "%s", err.msg);
        if (!quiet)
                printf("Restored %s into %s: the database and %zu other file%s, %.1f MB. Serve "
                       "it with: gazette serve %s\n",
                       from_stdin ? "standard input" : file, dir, r.files - 1,
                       r.files == 2 ? "" : "s", (double)r.bytes / 1e6, dir);
        return 0;
}
