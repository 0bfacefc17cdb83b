/* SQLite connections: opening and checking the file, migrations, one writer
 * behind a mutex, one read-only connection per thread, statement caching,
 * transactions, integrity checks and online backups. */
#include <errno.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sqlite_internal.h"

/* PRAGMA application_id of a Gazette database: "GZTT". */
#define GZ_APPLICATION_ID 0x475a5454

/* The thread's current write transaction, if any. */
static _Thread_local struct gz_store *tx_owner;

static enum gz_err
map_code(int rc)
{
        switch (rc & 0xff) {
        case SQLITE_OK:
        case SQLITE_DONE:
        case SQLITE_ROW:
                return GZ_OK;
        case SQLITE_CONSTRAINT:
                return GZ_ECONFLICT;
        case SQLITE_BUSY:
        case SQLITE_LOCKED:
                return GZ_EBUSY;
        case SQLITE_NOMEM:
                return GZ_ENOMEM;
        case SQLITE_NOTADB:
        case SQLITE_CORRUPT:
                return GZ_ECORRUPT;
        case SQLITE_TOOBIG:
                return GZ_ETOOBIG;
        default:
                return GZ_EIO;
        }
}

enum gz_err
gz_sql_fail(struct gz_conn *c, struct gz_error *err, const char *what)
{
        int rc = sqlite3_extended_errcode(c->db);
        const char *msg = sqlite3_errmsg(c->db);
        if ((rc & 0xff) == SQLITE_FULL)
                return gz_fail(err, GZ_EIO, "%s: the disk is full; nothing was changed", what);
        if ((rc & 0xff) == SQLITE_READONLY)
                return gz_fail(err, GZ_EIO, "%s: the database is read-only; nothing was changed",
                               what);
        return gz_fail(err, map_code(rc), "%s: %s", what, msg);
}

enum gz_err
gz_sql_exec(struct gz_conn *c, const char *sql, struct gz_error *err)
{
        char *msg = NULL;
        int rc = sqlite3_exec(c->db, sql, NULL, NULL, &msg);
        if (rc == SQLITE_OK)
                return GZ_OK;
        enum gz_err e;
        int sys = sqlite3_system_errno(c->db);
        if ((rc & 0xff) == SQLITE_FULL || sys == ENOSPC)
                e = gz_fail(err, GZ_EIO, "the disk is full; nothing was changed");
        else if ((rc & 0xff) == SQLITE_READONLY || sys == EROFS)
                e = gz_fail(err, GZ_EIO, "the database is on a read-only file system");
        else if (sys == EACCES)
                e = gz_fail(err, GZ_EIO, "permission denied on the database or its folder");
        else
                e = gz_fail(err, map_code(rc), "%s", msg ? msg : sqlite3_errstr(rc));
        sqlite3_free(msg);
        return e;
}

/* ---- statements ------------------------------------------------------- */

/* Statements are cached by their SQL text, so queries assembled at run time
 * (a listing's filters) are prepared once per shape too. */
static size_t
slot_of(const char *sql)
{
        uint64_t h = 1469598103934665603ull; /* FNV-1a */
        for (const unsigned char *p = (const unsigned char *)sql; *p; p++)
                h = (h ^ *p) * 1099511628211ull;
        return (size_t)(h % GZ_STMT_SLOTS);
}

sqlite3_stmt *
gz_sql_prepare(struct gz_conn *c, const char *sql)
{
        size_t i = slot_of(sql);
        for (size_t probe = 0; probe < GZ_STMT_SLOTS; probe++) {
                size_t k = (i + probe) % GZ_STMT_SLOTS;
                if (c->slots[k].sql != NULL &&
                    (c->slots[k].sql == sql || strcmp(c->slots[k].sql, sql) == 0))
                        return c->slots[k].stmt;
                if (c->slots[k].sql == NULL) {
                        sqlite3_stmt *st = NULL;
                        if (sqlite3_prepare_v3(c->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &st,
                                               NULL) != SQLITE_OK) {
                                gz_errorf("store: cannot prepare: %s: %s", sqlite3_errmsg(c->db),
                                          sql);
                                return NULL;
                        }
                        c->slots[k].sql = gz_xstrdup(sql);
                        c->slots[k].stmt = st;
                        return st;
                }
        }
        gz_errorf("store: statement cache full");
        return NULL;
}

/* Changes whenever another connection (the writer, another process) has
 * committed since this one last looked; -1 when it cannot tell. */
static int64_t
data_version(struct gz_conn *c)
{
        sqlite3_stmt *st = gz_sql_prepare(c, "PRAGMA data_version");
        int64_t v = -1;
        if (st != NULL && sqlite3_step(st) == SQLITE_ROW)
                v = sqlite3_column_int64(st, 0);
        gz_sql_done(st);
        return v;
}

bool
gz_sql_memo_get(struct gz_conn *c, uint64_t key, int64_t *value)
{
        size_t i = (size_t)(key % GZ_ARRAY_LEN(c->memo));
        if (c->writer || c->memo[i].key != key || c->memo[i].version < 0)
                return false;
        if (data_version(c) != c->memo[i].version)
                return false;
        *value = c->memo[i].value;
        return true;
}

void
gz_sql_memo_put(struct gz_conn *c, uint64_t key, int64_t value)
{
        if (c->writer)
                return;
        size_t i = (size_t)(key % GZ_ARRAY_LEN(c->memo));
        c->memo[i].key = key;
        c->memo[i].value = value;
        c->memo[i].version = data_version(c);
}

enum gz_err
gz_sql_read_ids(struct gz_conn *c, sqlite3_stmt *st, struct gz_arena *a, int64_t **ids,
                size_t *count, struct gz_error *err, const char *what)
{
        size_t n = 0, cap = 0;
        int64_t *list = NULL;
        int rc;
        while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
                list = gz_arena_grow(a, list, n, &cap, sizeof(*list));
                list[n++] = sqlite3_column_int64(st, 0);
        }
        gz_sql_done(st);
        if (rc != SQLITE_DONE)
                return gz_sql_fail(c, err, what);
        *ids = list;
        *count = n;
        return GZ_OK;
}

void
gz_sql_done(sqlite3_stmt *stmt)
{
        if (stmt == NULL)
                return;
        sqlite3_reset(stmt);
        sqlite3_clear_bindings(stmt);
}

const char *
gz_sql_text(sqlite3_stmt *st, int col, struct gz_arena *a)
{
        const unsigned char *t = sqlite3_column_text(st, col);
        if (t == NULL)
                return "";
        return gz_arena_strndup(a, (const char *)t, (size_t)sqlite3_column_bytes(st, col));
}

void
gz_sql_bind_text(sqlite3_stmt *st, int idx, const char *s)
{
        if (s == NULL)
                sqlite3_bind_null(st, idx);
        else
                sqlite3_bind_text(st, idx, s, -1, SQLITE_STATIC);
}

void
gz_sql_bind_ref(sqlite3_stmt *st, int idx, int64_t id)
{
        if (id == 0)
                sqlite3_bind_null(st, idx);
        else
                sqlite3_bind_int64(st, idx, id);
}

void
gz_sql_bind_time(sqlite3_stmt *st, int idx, gz_time t)
{
        if (t == 0)
                sqlite3_bind_null(st, idx);
        else
                sqlite3_bind_int64(st, idx, t);
}

/* ---- connections ------------------------------------------------------ */

static void
conn_close(struct gz_conn *c)
{
        if (c == NULL)
                return;
        for (size_t i = 0; i < GZ_STMT_SLOTS; i++) {
                if (c->slots[i].stmt != NULL)
                        sqlite3_finalize(c->slots[i].stmt);
                free((char *)(uintptr_t)c->slots[i].sql);
        }
        sqlite3_close_v2(c->db);
        free(c);
}

static enum gz_err
conn_open(const char *path, int open_flags, bool writer, struct gz_conn **out, struct gz_error *err)
{
        struct gz_conn *c = gz_xcalloc(1, sizeof(*c));
        int rc = sqlite3_open_v2(path, &c->db, open_flags | SQLITE_OPEN_NOMUTEX, NULL);
        if (rc != SQLITE_OK) {
                int sys = c->db ? sqlite3_system_errno(c->db) : 0;
                const char *why = sys == EROFS    ? "the file system is read-only"
                                  : sys == EACCES ? "permission denied"
                                  : c->db         ? sqlite3_errmsg(c->db)
                                                  : sqlite3_errstr(rc);
                enum gz_err e = gz_fail(err, GZ_EIO, "cannot open %s: %s", path, why);
                conn_close(c);
                return e;
        }
        c->writer = writer;
        sqlite3_extended_result_codes(c->db, 1);
        sqlite3_busy_timeout(c->db, 5000);
        /* Acknowledged writes must survive a power cut, so every commit
         * syncs the log (writes are editors' saves: rare and small). Pages
         * are read with pread into an 8 MB cache per connection, not mapped.
         * Mapping was measured: uncached article renders at 10,000 articles
         * went from 2,078 to 2,905 req/s (p99 276 -> 37 ms), but each
         * reader maps the file anew, so at 100,000 articles (2.2 GB) the
         * server's RSS reached 3.9 GB of file pages after every article was
         * read once, against 129 MB of its own memory. The pages are the
         * kernel's cache either way; the RSS is what operators watch. */
        const char *pragmas = writer ? "PRAGMA foreign_keys = ON;"
                                       "PRAGMA synchronous = FULL;"
                                       "PRAGMA temp_store = MEMORY;"
                                       "PRAGMA cache_size = -8000;"
                                     : "PRAGMA foreign_keys = ON;"
                                       "PRAGMA temp_store = MEMORY;"
                                       "PRAGMA cache_size = -8000;"
                                       "PRAGMA query_only = ON;";
        enum gz_err e = gz_sql_exec(c, pragmas, err);
        if (e == GZ_OK)
                e = gz_sql_search_init(c, err);
        if (e != GZ_OK) {
                conn_close(c);
                return e;
        }
        *out = c;
        return GZ_OK;
}

struct gz_conn *
gz_sql_reader(struct gz_store *s)
{
        if (tx_owner == s)
                return s->writer;
        struct gz_conn *c = pthread_getspecific(s->reader_key);
        if (c != NULL)
                return c;
        struct gz_error err;
        if (conn_open(s->path, SQLITE_OPEN_READONLY, false, &c, &err) != GZ_OK) {
                /* The file was fine a moment ago (the writer has it open). */
                gz_errorf("store: cannot open a read connection: %s", err.msg);
                abort();
        }
        pthread_setspecific(s->reader_key, c);
        pthread_mutex_lock(&s->readers_lock);
        c->next = s->readers;
        s->readers = c;
        pthread_mutex_unlock(&s->readers_lock);
        return c;
}

void
gz_store_snapshot_begin(struct gz_store *s)
{
        if (tx_owner == s)
                return; /* inside a write: the writer's view already */
        struct gz_conn *c = gz_sql_reader(s);
        if (!c->in_snapshot && sqlite3_exec(c->db, "BEGIN", NULL, NULL, NULL) == SQLITE_OK)
                c->in_snapshot = true;
}

void
gz_store_snapshot_end(struct gz_store *s)
{
        if (tx_owner == s)
                return;
        struct gz_conn *c = gz_sql_reader(s);
        if (!c->in_snapshot)
                return;
        if (sqlite3_exec(c->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
                /* A statement left running keeps the transaction open, and
                 * with it an old view of the site: stop them all. */
                gz_errorf("store: ending a read snapshot: %s", sqlite3_errmsg(c->db));
                for (sqlite3_stmt *st = sqlite3_next_stmt(c->db, NULL); st;
                     st = sqlite3_next_stmt(c->db, st))
                        sqlite3_reset(st);
                sqlite3_exec(c->db, "ROLLBACK", NULL, NULL, NULL);
        }
        c->in_snapshot = false;
}

struct gz_conn *
gz_sql_writer(struct gz_store *s)
{
        if (tx_owner != s)
                pthread_mutex_lock(&s->write_lock);
        return s->writer;
}

void
gz_sql_writer_done(struct gz_store *s)
{
        if (tx_owner != s)
                pthread_mutex_unlock(&s->write_lock);
}

/* ---- open, migrate, close --------------------------------------------- */

static int
pragma_int(struct gz_conn *c, const char *sql, bool *ok)
{
        sqlite3_stmt *st = NULL;
        int value = 0;
        *ok = false;
        if (sqlite3_prepare_v2(c->db, sql, -1, &st, NULL) != SQLITE_OK)
                return 0;
        int rc = sqlite3_step(st);
        if (rc == SQLITE_ROW) {
                value = sqlite3_column_int(st, 0);
                *ok = true;
        } else if (rc == SQLITE_DONE) {
                *ok = true;
        }
        sqlite3_finalize(st);
        return value;
}

static enum gz_err
migrate(struct gz_store *s, struct gz_error *err)
{
        struct gz_conn *c = s->writer;
        bool ok;
        int app_id = pragma_int(c, "PRAGMA application_id", &ok);
        if (!ok) {
                if ((sqlite3_errcode(c->db) & 0xff) == SQLITE_NOTADB)
                        return gz_fail(err, GZ_ECORRUPT,
                                       "%s is not a Gazette database (not an SQLite file, or "
                                       "damaged)",
                                       s->path);
                return gz_sql_fail(c, err, s->path);
        }
        int version = pragma_int(c, "PRAGMA user_version", &ok);
        if (!ok)
                return gz_sql_fail(c, err, s->path);
        if (app_id != 0 && app_id != GZ_APPLICATION_ID)
                return gz_fail(err, GZ_ECORRUPT, "%s is an SQLite file of another program",
                               s->path);
        if (app_id == 0) {
                int tables = pragma_int(c, "SELECT count(*) FROM sqlite_schema", &ok);
                if (!ok)
                        return gz_sql_fail(c, err, s->path);
                if (tables > 0)
                        return gz_fail(err, GZ_ECORRUPT, "%s is an SQLite file of another program",
                                       s->path);
                if (s->flags & GZ_STORE_READONLY)
                        return gz_fail(err, GZ_ENOTFOUND, "%s is empty", s->path);
        }
        if ((size_t)version > gz_sqlite_migration_count)
                return gz_fail(err, GZ_ECORRUPT,
                               "%s has schema version %d, newer than this Gazette knows (%zu): "
                               "upgrade Gazette",
                               s->path, version, gz_sqlite_migration_count);
        if ((size_t)version == gz_sqlite_migration_count)
                return GZ_OK;
        if (s->flags & GZ_STORE_READONLY)
                return gz_fail(err, GZ_EIO, "%s needs migrations but is opened read-only", s->path);

        enum gz_err e = gz_sql_exec(c, "BEGIN IMMEDIATE", err);
        if (e != GZ_OK)
                return e;
        for (size_t i = (size_t)version; i < gz_sqlite_migration_count; i++) {
                for (const char *const *stmt = gz_sqlite_migrations[i]; *stmt && e == GZ_OK; stmt++)
                        e = gz_sql_exec(c, *stmt, err);
                if (e != GZ_OK) {
                        gz_sql_exec(c, "ROLLBACK", NULL);
                        return gz_fail(err, e, "migration %zu failed: %s", i + 1,
                                       err ? err->msg : "");
                }
        }
        char sql[128];
        snprintf(sql, sizeof(sql), "PRAGMA user_version = %zu; PRAGMA application_id = %d;",
                 gz_sqlite_migration_count, GZ_APPLICATION_ID);
        e = gz_sql_exec(c, sql, err);
        if (e == GZ_OK)
                e = gz_sql_exec(c, "COMMIT", err);
        if (e != GZ_OK)
                gz_sql_exec(c, "ROLLBACK", NULL);
        return e;
}

/* Before SQLite's first use: no memory statistics, which take one global
 * mutex around every allocation of every connection (1.5% of an uncached
 * render's CPU in lock and unlock alone, plus the waits). */
static void
sqlite_configure(void)
{
        sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
        sqlite3_initialize();
}

enum gz_err
gz_store_open(const char *path, unsigned flags, struct gz_store **out, struct gz_error *err)
{
        static pthread_once_t configured = PTHREAD_ONCE_INIT;
        pthread_once(&configured, sqlite_configure);
        if (!(flags & GZ_STORE_CREATE) && !gz_path_exists(path))
                return gz_fail(err, GZ_ENOTFOUND, "%s does not exist", path);
        struct gz_store *s = gz_xcalloc(1, sizeof(*s));
        s->path = gz_xstrdup(path);
        s->flags = flags;
        pthread_mutex_init(&s->write_lock, NULL);
        pthread_mutex_init(&s->readers_lock, NULL);
        if (pthread_key_create(&s->reader_key, NULL) != 0) {
                free(s->path);
                free(s);
                return gz_fail(err, GZ_EIO, "no thread keys left");
        }
        int open_flags = (flags & GZ_STORE_READONLY) ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
        if (flags & GZ_STORE_CREATE)
                open_flags |= SQLITE_OPEN_CREATE;
        enum gz_err e = conn_open(path, open_flags, true, &s->writer, err);
        if (e == GZ_ECORRUPT)
                gz_fail(err, e, "%s is not a Gazette database (not an SQLite file, or damaged)",
                        path);
        if (e == GZ_OK && !(flags & GZ_STORE_READONLY)) {
                sqlite3_stmt *st = NULL;
                if (sqlite3_prepare_v2(s->writer->db, "PRAGMA journal_mode = WAL", -1, &st, NULL) ==
                    SQLITE_OK) {
                        sqlite3_step(st);
                        sqlite3_finalize(st);
                }
        }
        if (e == GZ_OK)
                e = migrate(s, err);
        if (e != GZ_OK && !(flags & GZ_STORE_READONLY) && access(path, W_OK) != 0 &&
            (errno == EROFS || errno == EACCES))
                gz_fail(err, GZ_EIO, "cannot write %s: %s", path,
                        errno == EROFS ? "the file system is read-only" : "permission denied");
        if (e != GZ_OK) {
                gz_store_close(s);
                return e;
        }
        *out = s;
        return GZ_OK;
}

void
gz_store_close(struct gz_store *s)
{
        if (s == NULL)
                return;
        struct gz_conn *c = s->readers;
        while (c != NULL) {
                struct gz_conn *next = c->next;
                conn_close(c);
                c = next;
        }
        conn_close(s->writer);
        pthread_key_delete(s->reader_key);
        pthread_mutex_destroy(&s->write_lock);
        pthread_mutex_destroy(&s->readers_lock);
        free(s->path);
        free(s);
}

int
gz_store_schema_version(struct gz_store *s)
{
        bool ok;
        struct gz_conn *c = gz_sql_writer(s);
        int v = pragma_int(c, "PRAGMA user_version", &ok);
        gz_sql_writer_done(s);
        return v;
}

void
gz_store_bulk_mode(struct gz_store *s, bool on)
{
        struct gz_conn *c = gz_sql_writer(s);
        gz_sql_exec(c, on ? "PRAGMA synchronous = OFF" : "PRAGMA synchronous = FULL", NULL);
        gz_sql_writer_done(s);
}

/* ---- transactions ----------------------------------------------------- */

enum gz_err
gz_store_tx_begin(struct gz_store *s, struct gz_error *err)
{
        if (tx_owner == s)
                return gz_fail(err, GZ_EINVAL, "a transaction is already open");
        pthread_mutex_lock(&s->write_lock);
        enum gz_err e = gz_sql_exec(s->writer, "BEGIN IMMEDIATE", err);
        if (e != GZ_OK) {
                pthread_mutex_unlock(&s->write_lock);
                return e;
        }
        tx_owner = s;
        return GZ_OK;
}

enum gz_err
gz_store_tx_commit(struct gz_store *s, struct gz_error *err)
{
        if (tx_owner != s)
                return gz_fail(err, GZ_EINVAL, "no transaction is open");
        enum gz_err e = gz_sql_exec(s->writer, "COMMIT", err);
        if (e != GZ_OK)
                gz_sql_exec(s->writer, "ROLLBACK", NULL);
        tx_owner = NULL;
        pthread_mutex_unlock(&s->write_lock);
        return e;
}

void
gz_store_tx_rollback(struct gz_store *s)
{
        if (tx_owner != s)
                return;
        gz_sql_exec(s->writer, "ROLLBACK", NULL);
        tx_owner = NULL;
        pthread_mutex_unlock(&s->write_lock);
}

/* ---- checks and backups ----------------------------------------------- */

enum gz_err
gz_store_check(struct gz_store *s, struct gz_arena *a, const char **result, struct gz_error *err)
{
        struct gz_conn *c = gz_sql_writer(s);
        sqlite3_stmt *st = NULL;
        enum gz_err e = GZ_OK;
        if (sqlite3_prepare_v2(c->db, "PRAGMA integrity_check(1)", -1, &st, NULL) != SQLITE_OK) {
                e = gz_sql_fail(c, err, "integrity check");
        } else if (sqlite3_step(st) == SQLITE_ROW) {
                *result = gz_sql_text(st, 0, a);
        } else {
                e = gz_sql_fail(c, err, "integrity check");
        }
        sqlite3_finalize(st);
        gz_sql_writer_done(s);
        return e;
}

enum gz_err
gz_store_backup(struct gz_store *s, const char *path, struct gz_error *err)
{
        sqlite3 *dest = NULL;
        if (sqlite3_open_v2(path, &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) !=
            SQLITE_OK) {
                enum gz_err e = gz_fail(err, GZ_EIO, "%s: %s", path, sqlite3_errmsg(dest));
                sqlite3_close(dest);
                return e;
        }
        /* A read connection: the backup sees one consistent snapshot while
         * editors go on writing through the writer. */
        struct gz_conn *c = gz_sql_reader(s);
        sqlite3_backup *b = sqlite3_backup_init(dest, "main", c->db, "main");
        if (b == NULL) {
                enum gz_err e = gz_fail(err, GZ_EIO, "backup: %s", sqlite3_errmsg(dest));
                sqlite3_close(dest);
                return e;
        }
        int rc = sqlite3_backup_step(b, -1);
        sqlite3_backup_finish(b);
        enum gz_err e = GZ_OK;
        if (rc != SQLITE_DONE)
                e = gz_fail(err, map_code(rc), "backup: %s", sqlite3_errstr(rc));
        sqlite3_close(dest);
        return e;
}
