/* Users, sessions, recovery codes, sign-in failures, the audit log and the
 * trash. */
#include <string.h>

#include "sqlite_internal.h"

#define USER_COLUMNS                                                                               \
        "id, email, name, role, password_hash, author_id, coalesce(totp_secret, ''), "             \
        "totp_enabled, totp_last_step, disabled, created_at, updated_at"

static void
read_user(sqlite3_stmt *st, int first, struct gz_arena *a, struct gz_user *u)
{
        memset(u, 0, sizeof(*u));
        u->id = sqlite3_column_int64(st, first);
        u->email = gz_sql_text(st, first + 1, a);
        u->name = gz_sql_text(st, first + 2, a);
        u->role = (enum gz_role)gz_enum_lookup(gz_role_names, GZ_ROLE__MAX,
                                               (const char *)sqlite3_column_text(st, first + 3));
        u->password_hash = gz_sql_text(st, first + 4, a);
        u->author_id = sqlite3_column_int64(st, first + 5);
        u->totp_secret = gz_sql_text(st, first + 6, a);
        u->totp_enabled = sqlite3_column_int(st, first + 7) != 0;
        u->totp_last_step = sqlite3_column_int64(st, first + 8);
        u->disabled = sqlite3_column_int(st, first + 9) != 0;
        u->created_at = sqlite3_column_int64(st, first + 10);
        u->updated_at = sqlite3_column_int64(st, first + 11);
}

enum gz_err
gz_store_user_add(struct gz_store *s, struct gz_user *u, struct gz_error *err)
{
        static const char sql[] =
            "INSERT INTO users (email, name, role, password_hash, author_id, totp_secret, "
            "totp_enabled, disabled, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        struct gz_conn *c = gz_sql_writer(s);
        sqlite3_stmt *st = gz_sql_prepare(c, sql);
        enum gz_err e = GZ_OK;
        if (st == NULL) {
                e = gz_sql_fail(c, err, "user");
                goto out;
        }
        gz_time now = gz_now();
        gz_sql_bind_text(st, 1, u->email);
        gz_sql_bind_text(st, 2, u->name);
        gz_sql_bind_text(st, 3, gz_role_names[u->role]);
        gz_sql_bind_text(st, 4, u->password_hash);
        gz_sql_bind_ref(st, 5, u->author_id);
        gz_sql_bind_text(st, 6, u->totp_secret && *u->totp_secret ? u->totp_secret : NULL);
        sqlite3_bind_int(st, 7, u->totp_enabled);
        sqlite3_bind_int(st, 8, u->disabled);
        sqlite3_bind_int64(st, 9, now);
        sqlite3_bind_int64(st, 10, now);
        if (sqlite3_step(st) != SQLITE_DONE) {
                if ((sqlite3_extended_errcode(c->db) & 0xff) == SQLITE_CONSTRAINT)
                        e = gz_fail(err, GZ_ECONFLICT, "a user with the email %s exists", u->email);
                else
                        e = gz_sql_fail(c, err, "user");
        } else {
                u->id = sqlite3_last_insert_rowid(c->db);
        }
        gz_sql_done(st);
out:
        gz_sql_writer_done(s);
        return e;
}

enum gz_err
gz_store_user_get(struct gz_store *s, struct gz_arena *a, int64_t id, const char *email,
                  struct gz_user **out, struct gz_error *err)
{
        static const char by_id[] = "SELECT " USER_COLUMNS " FROM users WHERE id = ?";
        static const char by_email[] = "SELECT " USER_COLUMNS " FROM users WHERE email = ?";
        struct gz_conn *c = gz_sql_reader(s);
        sqlite3_stmt *st = gz_sql_prepare(c, id ? by_id : by_email);
        if (st == NULL)
                return gz_sql_fail(c, err, "user");
        if (id)
                sqlite3_bind_int64(st, 1, id);
        else
                gz_sql_bind_text(st, 1, email);
        int rc = sqlite3_step(st);
        enum gz_err e = GZ_OK;
        if (rc == SQLITE_ROW) {
                struct gz_user *u = GZ_NEW(a, struct gz_user);
                read_user(st, 0, a, u);
                *out = u;
        } else if (rc == SQLITE_DONE) {
                e = gz_fail(err, GZ_ENOTFOUND, "no such user");
        } else {
                e = gz_sql_fail(c, err, "user");
        }
        gz_sql_done(st);
        return e;
}

enum gz_err
gz_store_users(struct gz_store *s, struct gz_arena *a, struct gz_user **out, size_t *count,
               struct gz_error *err)
{
        static const char sql[] = "SELECT " USER_COLUMNS " FROM users ORDER BY disabled, name";
        struct gz_conn *c = gz_sql_reader(s);
        sqlite3_stmt *st = gz_sql_prepare(c, sql);
        if (st == NULL)
                return gz_sql_fail(c, err, "users");
        size_t n = 0, cap = 0;
        struct gz_user *list = NULL;
        int rc;
        while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
                list = gz_arena_grow(a, list, n, &cap, sizeof(*list));
                read_user(st, 0, a, &list[n++]);
        }
        gz_sql_done(st);
        if (rc != SQLITE_DONE)
                return gz_sql_fail(c, err, "users");
        *out = list;
        *count = n;
        return GZ_OK;
}

enum gz_err
gz_store_user_update(struct gz_store *s, const struct gz_user *u, struct gz_error *err)
{
        static const char sql[] =
            "UPDATE users SET name = ?, role = ?, password_hash = ?, author_id = ?, "
            "totp_secret = ?, totp_enabled = ?, totp_last_step = ?, disabled = ?, updated_at = ? "
            "WHERE id = ?";
        struct gz_conn *c = gz_sql_writer(s);
        sqlite3_stmt *st = gz_sql_prepare(c, sql);
        enum gz_err e = GZ_OK;
        if (st == NULL) {
                e = gz_sql_fail(c, err, "user");
        } else {
                gz_sql_bind_text(st, 1, u->name);
                gz_sql_bind_text(st, 2, gz_role_names[u->role]);
                gz_sql_bind_text(st, 3, u->password_hash);
                gz_sql_bind_ref(st, 4, u->author_id);
                gz_sql_bind_text(st, 5, u->totp_secret && *u->totp_secret ? u->totp_secret : NULL);
                sqlite3_bind_int(st, 6, u->totp_enabled);
                sqlite3_bind_int64(st, 7, u->totp_last_step);
                sqlite3_bind_int(st, 8, u->disabled);
                sqlite3_bind_int64(st, 9, gz_now());
                sqlite3_bind_int64(st, 10, u->id);
                if (sqlite3_step(st) != SQLITE_DONE)
                        e = gz_sql_fail(c, err, "user");
                else if (sqlite3_changes(c->db) == 0)
                        e = gz_fail(err, GZ_ENOTFOUND, "no such user");
                gz_sql_done(st);
        }
        gz_sql_writer_done(s);
        return e;
}

bool
gz_store_user_totp_step(struct gz_store *s, int64_t user_id, int64_t step)
{
        static const char sql[] =
            "UPDATE users SET totp_last_step = ?2 WHERE id = ?1 AND totp_last_step < ?2";
        struct gz_conn *c = gz_sql_writer(s);
        sqlite3_stmt *st = gz_sql_prepare(c, sql);
        bool ok = false;
        if (st != NULL) {
                sqlite3_bind_int64(st, 1, user_id);
                sqlite3_bind_int64(st, 2, step);
                ok = sqlite3_step(st) == SQLITE_DONE && sqlite3_changes(c->db) == 1;
                gz_sql_done(st);
        }
        gz_sql_writer_done(s);
        return ok;
}

/* ---- sessions ----------------------------------------------------------- */

enum gz_err
gz_store_session_add(struct gz_store *s, const char *token_hash, const struct gz_session *ses,
                     int64_t *id, struct gz_error *err)
{
        static const char sql[] =
            "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, last_seen_at, "
            "expires_at, ip, user_agent, second_factor_done) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1)";
        struct gz_conn *c = gz_sql_writer(s);
        sqlite3_stmt *st = gz_sql_prepare(c, sql);
        enum gz_err e = GZ_OK;
        if (st == NULL) {
                e = gz_sql_fail(c, err, "session");
        } else {
                gz_sql_bind_text(st, 1, token_hash);
                sqlite3_bind_int64(st, 2, ses->user_id);
                gz_sql_bind_text(st, 3, ses->csrf_token);
                sqlite3_bind_int64(st, 4, ses->created_at);
                sqlite3_bind_int64(st, 5, ses->last_seen_at);
                sqlite3_bind_int64(st, 6, ses->expires_at);
                gz_sql_bind_text(st, 7, ses->ip ? ses->ip : "");
                gz_sql_bind_text(st, 8, ses->user_agent ? ses->user_agent : "");
                if (sqlite3_step(st) != SQLITE_DONE)
                        e = gz_sql_fail(c, err, "session");
                else if (id)
                        *id = sqlite3_last_insert_rowid(c->db);
                gz_sql_done(st);
        }
        gz_sql_writer_done(s);
        return e;
}

#define SESSION_COLUMNS                                                                            \
        "s.id, s.user_id, s.csrf_token, s.created_at, s.last_seen_at, s.expires_at, s.ip, "        \
        "s.user_agent"

static void
read_session(sqlite3_stmt *st, struct gz_arena *a, struct gz_session *ses)
{
        ses->id = sqlite3_column_int64(st, 0);
        ses->user_id = sqlite3_column_int64(st, 1);
        ses->csrf_token = gz_sql_text(st, 2, a);
        ses->created_at = sqlite3_column_int64(st, 3);
        ses->last_seen_at = sqlite3_column_int64(st, 4);
        ses->expires_at = sqlite3_column_int64(st, 5);
        ses->ip = gz_sql_text(st, 6, a);
        ses->user_agent = gz_sql_text(st, 7, a);
}

enum gz_err
gz_store_session_get(struct gz_store *s, struct gz_arena *a, const char *token_hash,
                     struct gz_session **session, struct gz_user **user, struct gz_error *err)
{
        static const char sql[] = "SELECT " SESSION_COLUMNS ", u.id, u.email, u.name, u.role, "
                                  "u.password_hash, u.author_id, coalesce(u.totp_secret, ''), "
                                  "u.totp_enabled, u.totp_last_step, u.disabled, u.created_at, "
                                  "u.updated_at FROM sessions s JOIN users u ON u.id = s.user_id "
                                  "WHERE s.token_hash = ?";
        struct gz_conn *c = gz_sql_reader(s);
        sqlite3_stmt *st = gz_sql_prepare(c, sql);
        if (st == NULL)
                return gz_sql_fail(c, err, "session");
        gz_sql_bind_text(st, 1, token_hash);
        int rc = sqlite3_step(st);
        enum gz_err e = GZ_OK;
        if (rc == SQLITE_ROW) {
                struct gz_session *ses = GZ_NEW(a, struct gz_session);
                struct gz_user *u = GZ_NEW(a, struct gz_user);
                read_session(st, a, ses);
                read_user(st, 8, a, u);
                *session = ses;
                *user = u;
        } else if (rc == SQLITE_DONE) {
                e = gz_fail(err, GZ_ENOTFOUND, "no such session");
        } else {
                e = gz_sql_fail(c, err, "session");
        }
        gz_sql_done(st);
        return e;
}

void
gz_store_session_touch(struct gz_store *s, int64_t id, gz_time now)
{
        static const char sql[] = "UPDATE sessions SET last_seen_at = ? WHERE id = ?";
        struct gz_conn *c = gz_sql_writer(s);
        sqlite3_stmt *st = gz_sql_prepare(c, sql);
        if (st != NULL) {
                sqlite3_bind_int64(st, 1, now);
                sqlite3_bind_int64(st, 2, id);
                sqlite3_step(st);
                gz_sql_done(st);
        }
        gz_sql_writer_done(s);
}

enum gz_err
gz_store_session_delete(struct gz_store *s, int64_t user_id, int64_t id, struct gz_error *err)
{
        static const char one[] = "DELETE FROM sessions WHERE user_id = ? AND id = ?";
        static const char all[] = "DELETE FROM sessions WHERE user_id = ?";
        struct gz_conn *c = gz_sql_writer(s);
        sqlite3_stmt *st = gz_sql_prepare(c, id ? one : all);
        enum gz_err e = GZ_OK;
        if (st == NULL) {
                e = gz_sql_fail(c, err, "session");
        } else {
                sqlite3_bind_int64(st, 1, user_id);
                if (id)
                        sqlite3_bind_int64(st, 2, id);
                if (sqlite3_step(st) != SQLITE_DONE)
                        e = gz_sql_fail(c, err, "session");
                gz_sql_done(st);
        }
        gz_sql_writer_done(s);
        return e;
}

enum gz_err
gz_store_sessions(struct gz_store *s, struct gz_arena *a, int64_t user_id, struct gz_session **out,
                  size_t *count, struct gz_error *err)
{
        static const char sql[] = "SELECT " SESSION_COLUMNS
                                  " FROM sessions s WHERE s.user_id = ? ORDER BY s.last_seen_at "
                                  "DESC";
        struct gz_conn *c = gz_sql_reader(s);
        sqlite3_stmt *st = gz_sql_prepare(c, sql);
        if (st == NULL)
                return gz_sql_fail(c, err, "sessions");
        sqlite3_bind_int64(st, 1, user_id);
        size_t n = 0, cap = 0;
        struct gz_session *list = NULL;
        int rc;
        while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
                list = gz_arena_grow(a, list, n, &cap, sizeof(*list));
                read_session(st, a, &list[n++]);
        }
        gz_sql_done(st);
        if (rc != SQLITE_DONE)
                return gz_sql_fail(c, err, "sessions");
        *out = list;
        *count = n;
        return GZ_OK;
}

void
gz_store_sessions_prune(struct gz_store *s, gz_time now)
{
        static const char sql[] = "DELETE FROM sessions WHERE expires_at <= ?";
        struct gz_conn *c = gz_sql_writer(s);
        sqlite3_stmt *st = gz_sql_prepare(c, sql);
        if (st != NULL) {
                sqlite3_bind_int64(st, 1, now);
                sqlite3_step(st);
                gz_sql_done(st);
        }
        gz_sql_writer_done(s);
}

/* ---- recovery codes ------------------------------------------------------- */

enum gz_err
gz_store_recovery_set(struct gz_store *s, int64_t user_id, const char *const *hashes, size_t count,
                      struct gz_error *err)
{
        static const char clear[] = "DELETE FROM recovery_codes WHERE user_id = ?";
        static const char add[] = "INSERT INTO recovery_codes (user_id, code_hash) VALUES (?, ?)";
        struct gz_conn *c = gz_sql_writer(s);
        enum gz_err e = gz_sql_exec(c, "SAVEPOINT recovery", err);
        sqlite3_stmt *st = e == GZ_OK ? gz_sql_prepare(c, clear) : NULL;
        if (st != NULL) {
                sqlite3_bind_int64(st, 1, user_id);
                if (sqlite3_step(st) != SQLITE_DONE)
                        e = gz_sql_fail(c, err, "recovery codes");
                gz_sql_done(st);
        }
        for (size_t i = 0; e == GZ_OK && i < count; i++) {
                st = gz_sql_prepare(c, add);
                sqlite3_bind_int64(st, 1, user_id);
                gz_sql_bind_text(st, 2, hashes[i]);
                if (sqlite3_step(st) != SQLITE_DONE)
                        e = gz_sql_fail(c, err, "recovery codes");
                gz_sql_done(st);
        }
        gz_sql_exec(c, e == GZ_OK ? "RELEASE recovery" : "ROLLBACK TO recovery; RELEASE recovery",
                    NULL);
        gz_sql_writer_done(s);
        return e;
}

bool
gz_store_recovery_use(struct gz_store *s, int64_t user_id, const char *hash)
{
        static const char sql[] = "UPDATE recovery_codes SET used_at = ? WHERE id = (SELECT id "
                                  "FROM recovery_codes WHERE user_id = ? AND code_hash = ? AND "
                                  "used_at IS NULL LIMIT 1)";
        struct gz_conn *c = gz_sql_writer(s);
        sqlite3_stmt *st = gz_sql_prepare(c, sql);
        bool ok = false;
        if (st != NULL) {
                sqlite3_bind_int64(st, 1, gz_now());
                sqlite3_bind_int64(st, 2, user_id);
                gz_sql_bind_text(st, 3, hash);
                ok = sqlite3_step(st) == SQLITE_DONE && sqlite3_changes(c->db) == 1;
                gz_sql_done(st);
        }
        gz_sql_writer_done(s);
        return ok;
}

size_t
gz_store_recovery_left(struct gz_store *s, int64_t user_id)
{
        static const char sql[] =
            "SELECT count(*) FROM recovery_codes WHERE user_id = ? AND used_at IS NULL";
        struct gz_conn *c = gz_sql_reader(s);
        sqlite3_stmt *st = gz_sql_prepare(c, sql);
        size_t n = 0;
        if (st != NULL) {
                sqlite3_bind_int64(st, 1, user_id);
                if (sqlite3_step(st) == SQLITE_ROW)
                        n = (size_t)sqlite3_column_int64(st, 0);
                gz_sql_done(st);
        }
        return n;
}

/* ---- sign-in failures -------------------------------------------------------- */

void
gz_store_failure_add(struct gz_store *s, const char *key, gz_time at)
{
        static const char sql[] = "INSERT INTO login_failures (key, at) VALUES (?, ?)";
        struct gz_conn *c = gz_sql_writer(s);
        sqlite3_stmt *st = gz_sql_prepare(c, sql);
        if (st != NULL) {
                gz_sql_bind_text(st, 1, key);
                sqlite3_bind_int64(st, 2, at);
                sqlite3_step(st);
                gz_sql_done(st);
        }
        gz_sql_writer_done(s);
}

size_t
gz_store_failures(struct gz_store *s, const char *key, gz_time since, gz_time *last)
{
        static const char sql[] =
            "SELECT count(*), coalesce(max(at), 0) FROM login_failures WHERE key = ? AND at >= ?";
        struct gz_conn *c = gz_sql_reader(s);
        sqlite3_stmt *st = gz_sql_prepare(c, sql);
        size_t n = 0;
        if (st != NULL) {
                gz_sql_bind_text(st, 1, key);
                sqlite3_bind_int64(st, 2, since);
                if (sqlite3_step(st) == SQLITE_ROW) {
                        n = (size_t)sqlite3_column_int64(st, 0);
                        if (last)
                                *last = sqlite3_column_int64(st, 1);
                }
                gz_sql_done(st);
        }
        return n;
}

void
gz_store_failures_clear(struct gz_store *s, const char *key)
{
        static const char sql[] = "DELETE FROM login_failures WHERE key = ?";
        struct gz_conn *c = gz_sql_writer(s);
        sqlite3_stmt *st = gz_sql_prepare(c, sql);
        if (st != NULL) {
                gz_sql_bind_text(st, 1, key);
                sqlite3_step(st);
                gz_sql_done(st);
        }
        gz_sql_writer_done(s);
}

void
gz_store_failures_prune(struct gz_store *s, gz_time before)
{
        static const char sql[] = "DELETE FROM login_failures WHERE at < ?";
        struct gz_conn *c = gz_sql_writer(s);
        sqlite3_stmt *st = gz_sql_prepare(c, sql);
        if (st != NULL) {
                sqlite3_bind_int64(st, 1, before);
                sqlite3_step(st);
                gz_sql_done(st);
        }
        gz_sql_writer_done(s);
}

/* ---- the audit log -------------------------------------------------------------- */

enum gz_err
gz_store_audit_list(struct gz_store *s, struct gz_arena *a, size_t limit, size_t offset,
                    struct gz_audit_entry **out, size_t *count, size_t *total, struct gz_error *err)
{
        static const char sql[] =
            "SELECT l.id, l.at, coalesce(l.user_id, 0), coalesce(u.name, ''), l.ip, l.action, "
            "l.target, l.detail FROM audit_log l LEFT JOIN users u ON u.id = l.user_id "
            "ORDER BY l.at DESC, l.id DESC LIMIT ? OFFSET ?";
        static const char count_sql[] = "SELECT count(*) FROM audit_log";
        struct gz_conn *c = gz_sql_reader(s);
        sqlite3_stmt *st = gz_sql_prepare(c, sql);
        if (st == NULL)
                return gz_sql_fail(c, err, "audit log");
        sqlite3_bind_int64(st, 1, (sqlite3_int64)limit);
        sqlite3_bind_int64(st, 2, (sqlite3_int64)offset);
        size_t n = 0, cap = 0;
        struct gz_audit_entry *list = NULL;
        int rc;
        while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
                list = gz_arena_grow(a, list, n, &cap, sizeof(*list));
                struct gz_audit_entry *e = &list[n++];
                e->id = sqlite3_column_int64(st, 0);
                e->at = sqlite3_column_int64(st, 1);
                e->user_id = sqlite3_column_int64(st, 2);
                e->user_name = gz_sql_text(st, 3, a);
                e->ip = gz_sql_text(st, 4, a);
                e->action = gz_sql_text(st, 5, a);
                e->target = gz_sql_text(st, 6, a);
                e->detail = gz_sql_text(st, 7, a);
        }
        gz_sql_done(st);
        if (rc != SQLITE_DONE)
                return gz_sql_fail(c, err, "audit log");
        *out = list;
        *count = n;
        if (total != NULL) {
                st = gz_sql_prepare(c, count_sql);
                *total =
                    st && sqlite3_step(st) == SQLITE_ROW ? (size_t)sqlite3_column_int64(st, 0) : n;
                gz_sql_done(st);
        }
        return GZ_OK;
}

/* ---- the trash ------------------------------------------------------------------ */

size_t
gz_store_trash_empty(struct gz_store *s, struct gz_error *err)
{
        static const char sql[] = "DELETE FROM articles WHERE deleted_at IS NOT NULL";
        struct gz_conn *c = gz_sql_writer(s);
        sqlite3_stmt *st = gz_sql_prepare(c, sql);
        size_t n = 0;
        if (st == NULL || sqlite3_step(st) != SQLITE_DONE)
                gz_sql_fail(c, err, "trash");
        else
                n = (size_t)sqlite3_changes(c->db);
        gz_sql_done(st);
        gz_sql_writer_done(s);
        return n;
}
