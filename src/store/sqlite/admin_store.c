/* Upkeep the admin does on sections, tags, authors, media and redirects:
 * moving articles out of a section, renaming, merging and deleting tags,
 * deleting unused author profiles and images, and keeping the search
 * index's tag and author names in step. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sqlite_internal.h"

/* Runs a statement to its end, resets it and maps a failure. */
static enum gz_err
step_done(struct gz_conn *c, sqlite3_stmt *st, struct gz_error *err, const char *what)
{
        if (st == NULL)
                return gz_sql_fail(c, err, what);
        int rc = sqlite3_step(st);
        enum gz_err e = rc == SQLITE_DONE ? GZ_OK : gz_sql_fail(c, err, what);
        gz_sql_done(st);
        return e;
}

/* A single integer answer, or -1. */
static int64_t
count_of(struct gz_conn *c, const char *sql, int64_t id)
{
        sqlite3_stmt *st = gz_sql_prepare(c, sql);
        if (st == NULL)
                return -1;
        sqlite3_bind_int64(st, 1, id);
        int64_t n = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
        gz_sql_done(st);
        return n;
}

/* Savepoints make each change all-or-nothing on its own and nest inside a
 * caller's transaction. */
static enum gz_err
begin(struct gz_conn *c, struct gz_error *err)
{
        return gz_sql_exec(c, "SAVEPOINT admin_upkeep", err);
}

static enum gz_err
finish(struct gz_conn *c, enum gz_err e, struct gz_error *err)
{
        if (e == GZ_OK)
                e = gz_sql_exec(c, "RELEASE admin_upkeep", err);
        if (e != GZ_OK)
                gz_sql_exec(c, "ROLLBACK TO admin_upkeep; RELEASE admin_upkeep", NULL);
        return e;
}

/* ---- sections ------------------------------------------------------------ */

enum gz_err
gz_store_section_usage(struct gz_store *s, int64_t id, int64_t *articles, int64_t *subsections,
                       struct gz_error *err)
{
        static const char sql[] = "SELECT (SELECT count(*) FROM articles WHERE section_id = ?1), "
                                  "(SELECT count(*) FROM sections WHERE parent_id = ?1)";
        struct gz_conn *c = gz_sql_reader(s);
        sqlite3_stmt *st = gz_sql_prepare(c, sql);
        if (st == NULL)
                return gz_sql_fail(c, err, "section");
        sqlite3_bind_int64(st, 1, id);
        enum gz_err e = GZ_OK;
        if (sqlite3_step(st) == SQLITE_ROW) {
                *articles = sqlite3_column_int64(st, 0);
                *subsections = sqlite3_column_int64(st, 1);
        } else {
                e = gz_sql_fail(c, err, "section");
        }
        gz_sql_done(st);
        return e;
}

enum gz_err
gz_store_section_move_articles(struct gz_store *s, int64_t from_id, int64_t to_id, size_t *moved,
                               struct gz_error *err)
{
        static const char exists[] = "SELECT count(*) FROM sections WHERE id = ?";
        static const char move[] = "UPDATE articles SET section_id = ?2 WHERE section_id = ?1";
        if (from_id == to_id)
                return gz_fail(err, GZ_EINVAL, "the articles are already in that section");
        struct gz_conn *c = gz_sql_writer(s);
        enum gz_err e = GZ_OK;
        if (count_of(c, exists, from_id) != 1 || (to_id && count_of(c, exists, to_id) != 1)) {
                e = gz_fail(err, GZ_ENOTFOUND, "no such section");
                goto out;
        }
        sqlite3_stmt *st = gz_sql_prepare(c, move);
        if (st != NULL) {
                sqlite3_bind_int64(st, 1, from_id);
                gz_sql_bind_ref(st, 2, to_id);
        }
        e = step_done(c, st, err, "section");
        if (e == GZ_OK && moved != NULL)
                *moved = (size_t)sqlite3_changes(c->db);
out:
        gz_sql_writer_done(s);
        return e;
}

/* ---- tags ------------------------------------------------------------------ */

enum gz_err
gz_store_tag_article_ids(struct gz_store *s, struct gz_arena *a, int64_t tag_id, int64_t **ids,
                         size_t *count, struct gz_error *err)
{
        static const char sql[] =
            "SELECT article_id FROM article_tags WHERE tag_id = ? ORDER BY article_id DESC";
        struct gz_conn *c = gz_sql_reader(s);
        sqlite3_stmt *st = gz_sql_prepare(c, sql);
        if (st == NULL)
                return gz_sql_fail(c, err, "tag");
        sqlite3_bind_int64(st, 1, tag_id);
        return gz_sql_read_ids(c, st, a, ids, count, err, "tag");
}

/* The tag names the search index holds for these articles (a JSON list of
 * ids); rows of unpublished articles are not in the index and stay out. */
static enum gz_err
reindex_tags(struct gz_conn *c, const char *ids, struct gz_error *err)
{
        static const char sql[] =
            "UPDATE articles_fts SET tags = coalesce((SELECT group_concat(t.name, ' ') FROM "
            "article_tags at JOIN tags t ON t.id = at.tag_id WHERE at.article_id = "
            "articles_fts.rowid), '') WHERE rowid IN (SELECT value FROM json_each(?))";
        sqlite3_stmt *st = gz_sql_prepare(c, sql);
        if (st != NULL)
                gz_sql_bind_text(st, 1, ids);
        return step_done(c, st, err, "search index");
}

/* The ids of a tag's articles as a JSON list, read on the writer. */
static enum gz_err
tag_ids_json(struct gz_conn *c, int64_t tag_id, struct gz_buf *out, struct gz_error *err)
{
        static const char sql[] = "SELECT article_id FROM article_tags WHERE tag_id = ?";
        sqlite3_stmt *st = gz_sql_prepare(c, sql);
        if (st == NULL)
                return gz_sql_fail(c, err, "tag");
        sqlite3_bind_int64(st, 1, tag_id);
        gz_buf_putc(out, '[');
        int rc, n = 0;
        while ((rc = sqlite3_step(st)) == SQLITE_ROW)
                gz_buf_printf(out, "%s%lld", n++ ? "," : "",
                              (long long)sqlite3_column_int64(st, 0));
        gz_buf_putc(out, ']');
        gz_sql_done(st);
        return rc == SQLITE_DONE ? GZ_OK : gz_sql_fail(c, err, "tag");
}

enum gz_err
gz_store_tag_update(struct gz_store *s, const struct gz_tag *tag, struct gz_error *err)
{
        static const char sql[] = "UPDATE tags SET name = ?, slug = ? WHERE id = ?";
        struct gz_conn *c = gz_sql_writer(s);
        struct gz_buf ids;
        gz_buf_init(&ids, NULL);
        enum gz_err e = begin(c, err);
        if (e != GZ_OK)
                goto out;
        sqlite3_stmt *st = gz_sql_prepare(c, sql);
        if (st == NULL) {
                e = finish(c, gz_sql_fail(c, err, "tag"), err);
                goto out;
        }
        gz_sql_bind_text(st, 1, tag->name);
        gz_sql_bind_text(st, 2, tag->slug);
        sqlite3_bind_int64(st, 3, tag->id);
        int rc = sqlite3_step(st);
        gz_sql_done(st);
        if (rc != SQLITE_DONE) {
                if ((sqlite3_extended_errcode(c->db) & 0xff) == SQLITE_CONSTRAINT)
                        e = gz_fail(err, GZ_ECONFLICT, "another tag has the address /tag/%s/",
                                    tag->slug);
                else
                        e = gz_sql_fail(c, err, "tag");
        } else if (sqlite3_changes(c->db) == 0) {
                e = gz_fail(err, GZ_ENOTFOUND, "no such tag");
        }
        if (e == GZ_OK)
                e = tag_ids_json(c, tag->id, &ids, err);
        if (e == GZ_OK)
                e = reindex_tags(c, ids.data, err);
        e = finish(c, e, err);
out:
        gz_buf_free(&ids);
        gz_sql_writer_done(s);
        return e;
}

enum gz_err
gz_store_tag_merge(struct gz_store *s, int64_t from_id, int64_t into_id, struct gz_error *err)
{
        static const char exists[] = "SELECT count(*) FROM tags WHERE id = ?";
        static const char relink[] =
            "INSERT OR IGNORE INTO article_tags (article_id, tag_id, published_at, live) "
            "SELECT article_id, ?2, published_at, live FROM article_tags WHERE tag_id = ?1";
        static const char drop[] = "DELETE FROM tags WHERE id = ?";
        if (from_id == into_id)
                return gz_fail(err, GZ_EINVAL, "a tag cannot be merged into itself");
        struct gz_conn *c = gz_sql_writer(s);
        struct gz_buf ids;
        gz_buf_init(&ids, NULL);
        enum gz_err e = GZ_OK;
        if (count_of(c, exists, from_id) != 1 || count_of(c, exists, into_id) != 1) {
                e = gz_fail(err, GZ_ENOTFOUND, "no such tag");
                goto out;
        }
        if ((e = begin(c, err)) != GZ_OK)
                goto out;
        e = tag_ids_json(c, from_id, &ids, err);
        sqlite3_stmt *st = e == GZ_OK ? gz_sql_prepare(c, relink) : NULL;
        if (st != NULL) {
                sqlite3_bind_int64(st, 1, from_id);
                sqlite3_bind_int64(st, 2, into_id);
        }
        if (e == GZ_OK)
                e = step_done(c, st, err, "tag");
        st = e == GZ_OK ? gz_sql_prepare(c, drop) : NULL;
        if (st != NULL)
                sqlite3_bind_int64(st, 1, from_id);
        if (e == GZ_OK)
                e = step_done(c, st, err, "tag"); /* its links go with it (ON DELETE CASCADE) */
        if (e == GZ_OK)
                e = reindex_tags(c, ids.data, err);
        e = finish(c, e, err);
out:
        gz_buf_free(&ids);
        gz_sql_writer_done(s);
        return e;
}

enum gz_err
gz_store_tag_delete(struct gz_store *s, int64_t id, struct gz_error *err)
{
        static const char drop[] = "DELETE FROM tags WHERE id = ?";
        struct gz_conn *c = gz_sql_writer(s);
        struct gz_buf ids;
        gz_buf_init(&ids, NULL);
        enum gz_err e = begin(c, err);
        if (e != GZ_OK)
                goto out;
        e = tag_ids_json(c, id, &ids, err);
        sqlite3_stmt *st = e == GZ_OK ? gz_sql_prepare(c, drop) : NULL;
        if (st != NULL)
                sqlite3_bind_int64(st, 1, id);
        if (e == GZ_OK)
                e = step_done(c, st, err, "tag");
        if (e == GZ_OK && sqlite3_changes(c->db) == 0)
                e = gz_fail(err, GZ_ENOTFOUND, "no such tag");
        if (e == GZ_OK)
                e = reindex_tags(c, ids.data, err);
        e = finish(c, e, err);
out:
        gz_buf_free(&ids);
        gz_sql_writer_done(s);
        return e;
}

/* ---- authors ---------------------------------------------------------------- */

static const char author_articles_sql[] =
    "SELECT count(*) FROM article_authors WHERE author_id = ?";

int64_t
gz_store_author_article_count(struct gz_store *s, int64_t id)
{
        return count_of(gz_sql_reader(s), author_articles_sql, id);
}

enum gz_err
gz_store_author_delete(struct gz_store *s, int64_t id, struct gz_error *err)
{
        static const char unlink_users[] = "UPDATE users SET author_id = NULL WHERE author_id = ?";
        static const char drop[] = "DELETE FROM authors WHERE id = ?";
        struct gz_conn *c = gz_sql_writer(s);
        enum gz_err e = GZ_OK;
        int64_t used = count_of(c, author_articles_sql, id);
        if (used != 0) {
                e = used < 0 ? gz_sql_fail(c, err, "author")
                             : gz_fail(err, GZ_ECONFLICT,
                                       "%lld article%s signed by this author (the trash "
                                       "included): change their byline first",
                                       (long long)used, used == 1 ? " is" : "s are");
                goto out;
        }
        if ((e = begin(c, err)) != GZ_OK)
                goto out;
        sqlite3_stmt *st = gz_sql_prepare(c, unlink_users);
        if (st != NULL)
                sqlite3_bind_int64(st, 1, id);
        e = step_done(c, st, err, "author");
        st = e == GZ_OK ? gz_sql_prepare(c, drop) : NULL;
        if (st != NULL)
                sqlite3_bind_int64(st, 1, id);
        if (e == GZ_OK)
                e = step_done(c, st, err, "author");
        if (e == GZ_OK && sqlite3_changes(c->db) == 0)
                e = gz_fail(err, GZ_ENOTFOUND, "no such author");
        e = finish(c, e, err);
out:
        gz_sql_writer_done(s);
        return e;
}

enum gz_err
gz_store_author_reindex(struct gz_store *s, int64_t id, struct gz_error *err)
{
        static const char sql[] =
            "UPDATE articles_fts SET authors = coalesce((SELECT group_concat(au.name, ' ') FROM "
            "article_authors aa JOIN authors au ON au.id = aa.author_id WHERE aa.article_id = "
            "articles_fts.rowid), '') WHERE rowid IN "
            "(SELECT article_id FROM article_authors WHERE author_id = ?)";
        struct gz_conn *c = gz_sql_writer(s);
        sqlite3_stmt *st = gz_sql_prepare(c, sql);
        if (st != NULL)
                sqlite3_bind_int64(st, 1, id);
        enum gz_err e = step_done(c, st, err, "search index");
        gz_sql_writer_done(s);
        return e;
}

/* ---- media --------------------------------------------------------------------- */

/* Whether Markdown refers to library image id as a link destination:
 * "](media:ID", "<media:ID" or a reference definition "]: media:ID", with
 * white space allowed before it and no further digit after it. Prose that
 * mentions "media:1" does not count. */
static bool
body_shows(const char *md, size_t len, const char *needle)
{
        size_t n = strlen(needle);
        const char *p = md, *end = md + len;
        while (p < end && (p = memmem(p, (size_t)(end - p), needle, n)) != NULL) {
                const char *b = p;
                while (b > md && (b[-1] == ' ' || b[-1] == '\t' || b[-1] == '\n' || b[-1] == '\r'))
                        b--;
                char before = b > md ? b[-1] : '\0';
                char after = p + n < end ? p[n] : '\0';
                bool destination = (before == '(' || (before == '<' && b == p) ||
                                    (before == ':' && b - 1 > md && b[-2] == ']'));
                if (destination && !(after >= '0' && after <= '9'))
                        return true;
                p += n;
        }
        return false;
}

static void
add_unique(struct gz_arena *a, int64_t **list, size_t *n, size_t *cap, int64_t id)
{
        for (size_t i = 0; i < *n; i++)
                if ((*list)[i] == id)
                        return;
        *list = gz_arena_grow(a, *list, *n, cap, sizeof(**list));
        (*list)[(*n)++] = id;
}

static int
newest_first(const void *x, const void *y)
{
        int64_t a = *(const int64_t *)x, b = *(const int64_t *)y;
        return (a < b) - (a > b);
}

static enum gz_err
media_articles(struct gz_conn *c, struct gz_arena *a, int64_t media_id, bool featured_too,
               int64_t **ids, size_t *count, struct gz_error *err)
{
        static const char in_body[] =
            "SELECT id, body_md FROM articles WHERE instr(body_md, ?) > 0";
        static const char featured[] = "SELECT id FROM articles WHERE featured_media_id = ?";
        char needle[40];
        snprintf(needle, sizeof(needle), "media:%lld", (long long)media_id);
        size_t n = 0, cap = 0;
        int64_t *list = NULL;
        sqlite3_stmt *st = gz_sql_prepare(c, in_body);
        if (st == NULL)
                return gz_sql_fail(c, err, "media");
        gz_sql_bind_text(st, 1, needle);
        int rc;
        while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
                const char *md = (const char *)sqlite3_column_text(st, 1);
                size_t len = (size_t)sqlite3_column_bytes(st, 1);
                if (md != NULL && body_shows(md, len, needle))
                        add_unique(a, &list, &n, &cap, sqlite3_column_int64(st, 0));
        }
        gz_sql_done(st);
        if (rc != SQLITE_DONE)
                return gz_sql_fail(c, err, "media");
        if (featured_too) {
                st = gz_sql_prepare(c, featured);
                if (st == NULL)
                        return gz_sql_fail(c, err, "media");
                sqlite3_bind_int64(st, 1, media_id);
                while ((rc = sqlite3_step(st)) == SQLITE_ROW)
                        add_unique(a, &list, &n, &cap, sqlite3_column_int64(st, 0));
                gz_sql_done(st);
                if (rc != SQLITE_DONE)
                        return gz_sql_fail(c, err, "media");
        }
        if (n > 1)
                qsort(list, n, sizeof(*list), newest_first);
        *ids = list;
        *count = n;
        return GZ_OK;
}

enum gz_err
gz_store_media_articles(struct gz_store *s, struct gz_arena *a, int64_t media_id, bool featured_too,
                        int64_t **ids, size_t *count, struct gz_error *err)
{
        return media_articles(gz_sql_reader(s), a, media_id, featured_too, ids, count, err);
}

enum gz_err
gz_store_media_delete(struct gz_store *s, int64_t id, struct gz_error *err)
{
        static const char authors[] = "SELECT count(*) FROM authors WHERE photo_media_id = ?";
        static const char drop[] = "DELETE FROM media WHERE id = ?";
        struct gz_arena *a = gz_arena_new(4096);
        /* Checked and deleted under the write lock: no save can start using
         * the image in between. */
        struct gz_conn *c = gz_sql_writer(s);
        int64_t *ids;
        size_t articles = 0;
        enum gz_err e = media_articles(c, a, id, true, &ids, &articles, err);
        if (e != GZ_OK)
                goto out;
        int64_t profiles = count_of(c, authors, id);
        if (articles > 0 || profiles != 0) {
                if (profiles < 0)
                        e = gz_sql_fail(c, err, "media");
                else if (articles > 0)
                        e = gz_fail(err, GZ_ECONFLICT,
                                    "the image is used by %zu article%s (the trash included): "
                                    "take it out of %s first",
                                    articles, articles == 1 ? "" : "s",
                                    articles == 1 ? "it" : "them");
                else
                        e = gz_fail(err, GZ_ECONFLICT,
                                    "the image is the photo or logo of %lld author profile%s",
                                    (long long)profiles, profiles == 1 ? "" : "s");
                goto out;
        }
        sqlite3_stmt *st = gz_sql_prepare(c, drop);
        if (st != NULL)
                sqlite3_bind_int64(st, 1, id);
        e = step_done(c, st, err, "media");
        if (e == GZ_OK && sqlite3_changes(c->db) == 0)
                e = gz_fail(err, GZ_ENOTFOUND, "no media with id %lld", (long long)id);
out:
        gz_sql_writer_done(s);
        gz_arena_free(a);
        return e;
}

/* ---- articles -------------------------------------------------------------------- */

enum gz_err
gz_store_article_set_body_html(struct gz_store *s, int64_t id, const char *body_html,
                               const char *summary, struct gz_error *err)
{
        static const char sql[] = "UPDATE articles SET body_html = ?, summary = ? WHERE id = ?";
        struct gz_conn *c = gz_sql_writer(s);
        sqlite3_stmt *st = gz_sql_prepare(c, sql);
        if (st != NULL) {
                gz_sql_bind_text(st, 1, body_html ? body_html : "");
                gz_sql_bind_text(st, 2, summary ? summary : "");
                sqlite3_bind_int64(st, 3, id);
        }
        enum gz_err e = step_done(c, st, err, "article");
        if (e == GZ_OK && sqlite3_changes(c->db) == 0)
                e = gz_fail(err, GZ_ENOTFOUND, "no article with id %lld", (long long)id);
        gz_sql_writer_done(s);
        return e;
}

/* ---- redirects --------------------------------------------------------------------- */

enum gz_err
gz_store_redirects_retarget(struct gz_store *s, const char *old_prefix, const char *new_prefix,
                            struct gz_error *err)
{
        static const char move[] =
            "UPDATE redirects SET to_path = ?2 || substr(to_path, length(?1) + 1) "
            "WHERE substr(to_path, 1, length(?1)) = ?1";
        static const char loops[] = "DELETE FROM redirects WHERE from_path = to_path";
        if (old_prefix == NULL || *old_prefix == '\0')
                return gz_fail(err, GZ_EINVAL, "an empty address prefix");
        struct gz_conn *c = gz_sql_writer(s);
        enum gz_err e = begin(c, err);
        if (e == GZ_OK) {
                sqlite3_stmt *st = gz_sql_prepare(c, move);
                if (st != NULL) {
                        gz_sql_bind_text(st, 1, old_prefix);
                        gz_sql_bind_text(st, 2, new_prefix);
                }
                e = step_done(c, st, err, "redirect");
                if (e == GZ_OK)
                        e = step_done(c, gz_sql_prepare(c, loops), err, "redirect");
                e = finish(c, e, err);
        }
        gz_sql_writer_done(s);
        return e;
}
