/* Shared by the files of the SQLite backend only. */
#ifndef GZ_SQLITE_INTERNAL_H
#define GZ_SQLITE_INTERNAL_H

#include <pthread.h>
#include <sqlite3.h>

#include "../store.h"

#define GZ_STMT_SLOTS 256

/* One SQLite connection with its prepared statements, cached by the address
 * of their static SQL text. A connection is used by one thread at a time. */
struct gz_conn {
        sqlite3 *db;
        struct {
                const char *sql;
                sqlite3_stmt *stmt;
        } slots[GZ_STMT_SLOTS];
        struct gz_conn *next; /* in the store's list of readers */
        bool in_snapshot;     /* a read transaction begun by gz_store_snapshot_begin */
        bool writer;          /* its own commits do not change its data_version */
        /* Remembered counts (list totals), good while no other connection
         * has committed: PRAGMA data_version tells. */
        struct {
                uint64_t key;
                int64_t value;
                int64_t version;
        } memo[64];
};

struct gz_store {
        char *path;
        unsigned flags;
        struct gz_conn *writer;
        pthread_mutex_t write_lock;
        pthread_key_t reader_key;
        pthread_mutex_t readers_lock;
        struct gz_conn *readers;
};

/* Each migration is a NULL-terminated list of statements. */
extern const char *const *const gz_sqlite_migrations[];
extern const size_t gz_sqlite_migration_count;

/* The connection for reading on this thread: the writer inside this
 * thread's transaction, else this thread's own read-only connection. */
struct gz_conn *gz_sql_reader(struct gz_store *s);
/* The writer, locked; released by gz_sql_writer_done (no-op inside a tx). */
struct gz_conn *gz_sql_writer(struct gz_store *s);
void gz_sql_writer_done(struct gz_store *s);

/* A cached prepared statement, reset and unbound after use by gz_sql_done. */
sqlite3_stmt *gz_sql_prepare(struct gz_conn *c, const char *sql);
/* Reads the first column of every row as ids, and resets st. */
enum gz_err gz_sql_read_ids(struct gz_conn *c, sqlite3_stmt *st, struct gz_arena *a, int64_t **ids,
                            size_t *count, struct gz_error *err, const char *what);
/* Reads rows of (id, slug, name, article count) into tags, and resets st. */
enum gz_err gz_sql_read_tags(struct gz_conn *c, sqlite3_stmt *st, struct gz_arena *a,
                             struct gz_tag **out, size_t *count, struct gz_error *err);
/* A count remembered on this connection under key (a hash of the query and
 * its values), while the database has not changed: true and *value when
 * known. gz_sql_memo_put remembers one. */
bool gz_sql_memo_get(struct gz_conn *c, uint64_t key, int64_t *value);
void gz_sql_memo_put(struct gz_conn *c, uint64_t key, int64_t value);
void gz_sql_done(sqlite3_stmt *stmt);
/* Maps the connection's last error to a project error with a message. */
enum gz_err gz_sql_fail(struct gz_conn *c, struct gz_error *err, const char *what);
enum gz_err gz_sql_exec(struct gz_conn *c, const char *sql, struct gz_error *err);

/* Column readers that copy into the arena ("" for NULL text). */
const char *gz_sql_text(sqlite3_stmt *st, int col, struct gz_arena *a);
void gz_sql_bind_text(sqlite3_stmt *st, int idx, const char *s);
/* Binds 0 as NULL (for optional references). */
void gz_sql_bind_ref(sqlite3_stmt *st, int idx, int64_t id);
void gz_sql_bind_time(sqlite3_stmt *st, int idx, gz_time t);

/* Parses a media row's rendition list. */
void gz_sql_parse_renditions(struct gz_arena *a, const char *list, struct gz_media *m);
/* Fills a media struct from columns starting at first (see MEDIA_COLUMNS). */
#define GZ_SQL_MEDIA_COLUMNS                                                                       \
        "m.id, m.file_base, m.source_type, m.original, m.width, m.height, m.renditions, m.alt, "   \
        "m.caption, m.credit, m.bytes, m.uploaded_by, m.created_at"
#define GZ_SQL_MEDIA_NCOLS 13
struct gz_media *gz_sql_read_media(sqlite3_stmt *st, int first, struct gz_arena *a);

/* Registers the "gazette" FTS5 tokenizer (search.c) on a new connection:
 * every connection needs it before it touches the search index. */
enum gz_err gz_sql_search_init(struct gz_conn *c, struct gz_error *err);

#endif
