/* Settings, languages, redirects and the audit log. */
#include <string.h>

#include "sqlite_internal.h"

const char *
gz_store_setting_get(struct gz_store *s, struct gz_arena *a, const char *key)
{
        static const char sql[] = "SELECT value FROM settings WHERE key = ?";
        struct gz_conn *c = gz_sql_reader(s);
        sqlite3_stmt *st = gz_sql_prepare(c, sql);
        if (st == NULL)
                return NULL;
        gz_sql_bind_text(st, 1, key);
        const char *value = NULL;
        if (sqlite3_step(st) == SQLITE_ROW)
                value = gz_sql_text(st, 0, a);
        gz_sql_done(st);
        return value;
}

enum gz_err
gz_store_setting_set(struct gz_store *s, const char *key, const char *value, struct gz_error *err)
{
        static const char sql[] = "INSERT INTO settings (key, value) VALUES (?, ?) "
                                  "ON CONFLICT (key) DO UPDATE SET value = excluded.value";
        struct gz_conn *c = gz_sql_writer(s);
        sqlite3_stmt *st = gz_sql_prepare(c, sql);
        enum gz_err e = GZ_OK;
        if (st == NULL) {
                e = gz_sql_fail(c, err, "setting");
        } else {
                gz_sql_bind_text(st, 1, key);
                gz_sql_bind_text(st, 2, value);
                if (sqlite3_step(st) != SQLITE_DONE)
                        e = gz_sql_fail(c, err, "setting");
                gz_sql_done(st);
        }
        gz_sql_writer_done(s);
        return e;
}

enum gz_err
gz_store_languages(struct gz_store *s, struct gz_arena *a, struct gz_language **out, size_t *count,
                   struct gz_error *err)
{
        static const char sql[] = "SELECT code, name, locale, position, is_default FROM languages "
                                  "ORDER BY is_default DESC, position, code";
        struct gz_conn *c = gz_sql_reader(s);
        sqlite3_stmt *st = gz_sql_prepare(c, sql);
        if (st == NULL)
                return gz_sql_fail(c, err, "languages");
        size_t n = 0, cap = 0;
        struct gz_language *list = NULL;
        int rc;
        while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
                list = gz_arena_grow(a, list, n, &cap, sizeof(*list));
                struct gz_language *l = &list[n++];
                l->code = gz_sql_text(st, 0, a);
                l->name = gz_sql_text(st, 1, a);
                l->locale = gz_sql_text(st, 2, a);
                l->position = sqlite3_column_int(st, 3);
                l->is_default = sqlite3_column_int(st, 4) != 0;
        }
        gz_sql_done(st);
        if (rc != SQLITE_DONE)
                return gz_sql_fail(c, err, "languages");
        *out = list;
        *count = n;
        return GZ_OK;
}

enum gz_err
gz_store_language_save(struct gz_store *s, const struct gz_language *lang, struct gz_error *err)
{
        static const char clear_default[] = "UPDATE languages SET is_default = 0";
        static const char sql[] =
            "INSERT INTO languages (code, name, locale, position, is_default) "
            "VALUES (?, ?, ?, ?, ?) ON CONFLICT (code) DO UPDATE SET name = excluded.name, "
            "locale = excluded.locale, position = excluded.position, "
            "is_default = excluded.is_default";
        struct gz_conn *c = gz_sql_writer(s);
        enum gz_err e = GZ_OK;
        if (lang->is_default) {
                sqlite3_stmt *st = gz_sql_prepare(c, clear_default);
                if (st == NULL || sqlite3_step(st) != SQLITE_DONE)
                        e = gz_sql_fail(c, err, "language");
                gz_sql_done(st);
        }
        sqlite3_stmt *st = e == GZ_OK ? gz_sql_prepare(c, sql) : NULL;
        if (e == GZ_OK && st == NULL)
                e = gz_sql_fail(c, err, "language");
        if (st != NULL) {
                gz_sql_bind_text(st, 1, lang->code);
                gz_sql_bind_text(st, 2, lang->name);
                gz_sql_bind_text(st, 3, lang->locale);
                sqlite3_bind_int(st, 4, lang->position);
                sqlite3_bind_int(st, 5, lang->is_default);
                if (sqlite3_step(st) != SQLITE_DONE)
                        e = gz_sql_fail(c, err, "language");
                gz_sql_done(st);
        }
        gz_sql_writer_done(s);
        return e;
}

const char *
gz_store_redirect_get(struct gz_store *s, struct gz_arena *a, const char *from_path, int *status)
{
        static const char sql[] = "SELECT to_path, status FROM redirects WHERE from_path = ?";
        struct gz_conn *c = gz_sql_reader(s);
        sqlite3_stmt *st = gz_sql_prepare(c, sql);
        if (st == NULL)
                return NULL;
        gz_sql_bind_text(st, 1, from_path);
        const char *to = NULL;
        if (sqlite3_step(st) == SQLITE_ROW) {
                to = gz_sql_text(st, 0, a);
                *status = sqlite3_column_int(st, 1);
        }
        gz_sql_done(st);
        return to;
}

enum gz_err
gz_store_redirect_set(struct gz_store *s, const char *from_path, const char *to_path, int status,
                      struct gz_error *err)
{
        static const char sql[] =
            "INSERT INTO redirects (from_path, to_path, status, created_at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (from_path) DO UPDATE SET to_path = excluded.to_path, "
            "status = excluded.status";
        struct gz_conn *c = gz_sql_writer(s);
        sqlite3_stmt *st = gz_sql_prepare(c, sql);
        enum gz_err e = GZ_OK;
        if (st == NULL) {
                e = gz_sql_fail(c, err, "redirect");
        } else {
                gz_sql_bind_text(st, 1, from_path);
                gz_sql_bind_text(st, 2, to_path);
                sqlite3_bind_int(st, 3, status);
                sqlite3_bind_int64(st, 4, gz_now());
                if (sqlite3_step(st) != SQLITE_DONE)
                        e = gz_sql_fail(c, err, "redirect");
                gz_sql_done(st);
        }
        gz_sql_writer_done(s);
        return e;
}

enum gz_err
gz_store_audit(struct gz_store *s, int64_t user_id, const char *ip, const char *action,
               const char *target, const char *detail)
{
        static const char sql[] = "INSERT INTO audit_log (at, user_id, ip, action, target, detail) "
                                  "VALUES (?, ?, ?, ?, ?, ?)";
        struct gz_conn *c = gz_sql_writer(s);
        sqlite3_stmt *st = gz_sql_prepare(c, sql);
        enum gz_err e = GZ_OK;
        if (st == NULL) {
                e = GZ_EIO;
        } else {
                sqlite3_bind_int64(st, 1, gz_now());
                gz_sql_bind_ref(st, 2, user_id);
                gz_sql_bind_text(st, 3, ip ? ip : "");
                gz_sql_bind_text(st, 4, action);
                gz_sql_bind_text(st, 5, target ? target : "");
                gz_sql_bind_text(st, 6, detail ? detail : "");
                if (sqlite3_step(st) != SQLITE_DONE) {
                        gz_warn("audit log: %s", sqlite3_errmsg(c->db));
                        e = GZ_EIO;
                }
                gz_sql_done(st);
        }
        gz_sql_writer_done(s);
        return e;
}
