/* Revisions: every save of an article, kept for the history and restores. */
#include <string.h>

#include "sqlite_internal.h"

enum gz_err
gz_store_revision_add(struct gz_store *s, const struct gz_article *ar, const char *meta_json,
                      int64_t user_id, struct gz_error *err)
{
        static const char sql[] =
            "INSERT INTO revisions (article_id, version, status, title, subtitle, excerpt, "
            "body_md, signature, statement_date, meta, saved_by, saved_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        struct gz_conn *c = gz_sql_writer(s);
        sqlite3_stmt *st = gz_sql_prepare(c, sql);
        enum gz_err e = GZ_OK;
        if (st == NULL) {
                e = gz_sql_fail(c, err, "revision");
        } else {
                sqlite3_bind_int64(st, 1, ar->id);
                sqlite3_bind_int64(st, 2, ar->version);
                gz_sql_bind_text(st, 3, gz_article_status_names[ar->status]);
                gz_sql_bind_text(st, 4, ar->title);
                gz_sql_bind_text(st, 5, ar->subtitle ? ar->subtitle : "");
                gz_sql_bind_text(st, 6, ar->excerpt ? ar->excerpt : "");
                gz_sql_bind_text(st, 7, ar->body_md ? ar->body_md : "");
                gz_sql_bind_text(st, 8, ar->signature ? ar->signature : "");
                gz_sql_bind_text(st, 9, ar->statement_date ? ar->statement_date : "");
                gz_sql_bind_text(st, 10, meta_json ? meta_json : "{}");
                gz_sql_bind_ref(st, 11, user_id);
                sqlite3_bind_int64(st, 12, ar->updated_at ? ar->updated_at : gz_now());
                if (sqlite3_step(st) != SQLITE_DONE)
                        e = gz_sql_fail(c, err, "revision");
                gz_sql_done(st);
        }
        gz_sql_writer_done(s);
        return e;
}

static void
read_revision(sqlite3_stmt *st, struct gz_arena *a, struct gz_revision *r, bool with_body)
{
        memset(r, 0, sizeof(*r));
        r->id = sqlite3_column_int64(st, 0);
        r->article_id = sqlite3_column_int64(st, 1);
        r->version = sqlite3_column_int64(st, 2);
        r->status = (enum gz_article_status)gz_enum_lookup(
            gz_article_status_names, GZ_STATUS__MAX, (const char *)sqlite3_column_text(st, 3));
        r->title = gz_sql_text(st, 4, a);
        r->saved_by = sqlite3_column_int64(st, 5);
        r->saved_by_name = gz_sql_text(st, 6, a);
        r->saved_at = sqlite3_column_int64(st, 7);
        if (with_body) {
                r->subtitle = gz_sql_text(st, 8, a);
                r->excerpt = gz_sql_text(st, 9, a);
                r->body_md = gz_sql_text(st, 10, a);
                r->signature = gz_sql_text(st, 11, a);
                r->statement_date = gz_sql_text(st, 12, a);
                r->meta = gz_sql_text(st, 13, a);
        }
}

#define REVISION_COLUMNS                                                                           \
        "r.id, r.article_id, r.version, r.status, r.title, r.saved_by, coalesce(u.name, ''), "     \
        "r.saved_at"

enum gz_err
gz_store_revisions(struct gz_store *s, struct gz_arena *a, int64_t article_id,
                   struct gz_revision **out, size_t *count, struct gz_error *err)
{
        static const char sql[] = "SELECT " REVISION_COLUMNS " FROM revisions r "
                                  "LEFT JOIN users u ON u.id = r.saved_by "
                                  "WHERE r.article_id = ? ORDER BY r.version DESC";
        struct gz_conn *c = gz_sql_reader(s);
        sqlite3_stmt *st = gz_sql_prepare(c, sql);
        if (st == NULL)
                return gz_sql_fail(c, err, "revisions");
        sqlite3_bind_int64(st, 1, article_id);
        size_t n = 0, cap = 0;
        struct gz_revision *list = NULL;
        int rc;
        while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
                list = gz_arena_grow(a, list, n, &cap, sizeof(*list));
                read_revision(st, a, &list[n++], false);
        }
        gz_sql_done(st);
        if (rc != SQLITE_DONE)
                return gz_sql_fail(c, err, "revisions");
        *out = list;
        *count = n;
        return GZ_OK;
}

enum gz_err
gz_store_revision_get(struct gz_store *s, struct gz_arena *a, int64_t id, struct gz_revision **out,
                      struct gz_error *err)
{
        static const char sql[] = "SELECT " REVISION_COLUMNS ", r.subtitle, r.excerpt, r.body_md, "
                                  "r.signature, r.statement_date, r.meta FROM revisions r "
                                  "LEFT JOIN users u ON u.id = r.saved_by WHERE r.id = ?";
        struct gz_conn *c = gz_sql_reader(s);
        sqlite3_stmt *st = gz_sql_prepare(c, sql);
        if (st == NULL)
                return gz_sql_fail(c, err, "revision");
        sqlite3_bind_int64(st, 1, id);
        int rc = sqlite3_step(st);
        enum gz_err e = GZ_OK;
        if (rc == SQLITE_ROW) {
                struct gz_revision *r = GZ_NEW(a, struct gz_revision);
                read_revision(st, a, r, true);
                *out = r;
        } else if (rc == SQLITE_DONE) {
                e = gz_fail(err, GZ_ENOTFOUND, "no such revision");
        } else {
                e = gz_sql_fail(c, err, "revision");
        }
        gz_sql_done(st);
        return e;
}
