/* Sections, authors, tags and media rows. */
#include <stdlib.h>
#include <string.h>

#include "sqlite_internal.h"

/* ---- media ------------------------------------------------------------ */

void
gz_sql_parse_renditions(struct gz_arena *a, const char *list, struct gz_media *m)
{
        /* "480:270:webp:file;960:540:jpeg:file" */
        size_t n = 0, cap = 0;
        struct gz_media_rendition_ref *r = NULL;
        const char *p = list;
        while (p != NULL && *p) {
                const char *end = strchr(p, ';');
                size_t len = end ? (size_t)(end - p) : strlen(p);
                char *item = gz_arena_strndup(a, p, len);
                char *save = NULL;
                char *w = strtok_r(item, ":", &save);
                char *h = strtok_r(NULL, ":", &save);
                char *type = strtok_r(NULL, ":", &save);
                char *file = strtok_r(NULL, ":", &save);
                if (w && h && type && file) {
                        r = gz_arena_grow(a, r, n, &cap, sizeof(*r));
                        r[n].width = atoi(w);
                        r[n].height = atoi(h);
                        r[n].type = type;
                        r[n].file = file;
                        n++;
                }
                p = end ? end + 1 : NULL;
        }
        m->renditions = r;
        m->rendition_count = n;
}

struct gz_media *
gz_sql_read_media(sqlite3_stmt *st, int first, struct gz_arena *a)
{
        if (sqlite3_column_type(st, first) == SQLITE_NULL)
                return NULL;
        struct gz_media *m = GZ_NEW(a, struct gz_media);
        m->id = sqlite3_column_int64(st, first);
        m->file_base = gz_sql_text(st, first + 1, a);
        m->source_type = gz_sql_text(st, first + 2, a);
        m->original = gz_sql_text(st, first + 3, a);
        m->width = sqlite3_column_int(st, first + 4);
        m->height = sqlite3_column_int(st, first + 5);
        gz_sql_parse_renditions(a, gz_sql_text(st, first + 6, a), m);
        m->alt = gz_sql_text(st, first + 7, a);
        m->caption = gz_sql_text(st, first + 8, a);
        m->credit = gz_sql_text(st, first + 9, a);
        m->bytes = sqlite3_column_int64(st, first + 10);
        m->uploaded_by = sqlite3_column_int64(st, first + 11);
        m->created_at = sqlite3_column_int64(st, first + 12);
        return m;
}

enum gz_err
gz_store_media_get(struct gz_store *s, struct gz_arena *a, int64_t id, struct gz_media **out,
                   struct gz_error *err)
{
        static const char sql[] = "SELECT " GZ_SQL_MEDIA_COLUMNS " FROM media m WHERE m.id = ?";
        struct gz_conn *c = gz_sql_reader(s);
        sqlite3_stmt *st = gz_sql_prepare(c, sql);
        if (st == NULL)
                return gz_sql_fail(c, err, "media");
        sqlite3_bind_int64(st, 1, id);
        int rc = sqlite3_step(st);
        enum gz_err e = GZ_OK;
        if (rc == SQLITE_ROW)
                *out = gz_sql_read_media(st, 0, a);
        else if (rc == SQLITE_DONE)
                e = gz_fail(err, GZ_ENOTFOUND, "no media with id %lld", (long long)id);
        else
                e = gz_sql_fail(c, err, "media");
        gz_sql_done(st);
        return e;
}

enum gz_err
gz_store_media_save(struct gz_store *s, struct gz_media *m, struct gz_error *err)
{
        static const char insert[] =
            "INSERT INTO media (file_base, source_type, original, width, height, renditions, alt, "
            "caption, credit, bytes, uploaded_by, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        static const char update[] =
            "UPDATE media SET alt = ?, caption = ?, credit = ? WHERE id = ?";
        struct gz_conn *c = gz_sql_writer(s);
        enum gz_err e = GZ_OK;
        sqlite3_stmt *st = gz_sql_prepare(c, m->id ? update : insert);
        if (st == NULL) {
                e = gz_sql_fail(c, err, "media");
                goto out;
        }
        if (m->id) {
                gz_sql_bind_text(st, 1, m->alt ? m->alt : "");
                gz_sql_bind_text(st, 2, m->caption ? m->caption : "");
                gz_sql_bind_text(st, 3, m->credit ? m->credit : "");
                sqlite3_bind_int64(st, 4, m->id);
        } else {
                struct gz_buf list;
                gz_buf_init(&list, NULL);
                for (size_t i = 0; i < m->rendition_count; i++)
                        gz_buf_printf(&list, "%s%d:%d:%s:%s", i ? ";" : "", m->renditions[i].width,
                                      m->renditions[i].height, m->renditions[i].type,
                                      m->renditions[i].file);
                gz_sql_bind_text(st, 1, m->file_base);
                gz_sql_bind_text(st, 2, m->source_type);
                gz_sql_bind_text(st, 3, m->original);
                sqlite3_bind_int(st, 4, m->width);
                sqlite3_bind_int(st, 5, m->height);
                sqlite3_bind_text(st, 6, list.data ? list.data : "", -1, SQLITE_TRANSIENT);
                gz_sql_bind_text(st, 7, m->alt ? m->alt : "");
                gz_sql_bind_text(st, 8, m->caption ? m->caption : "");
                gz_sql_bind_text(st, 9, m->credit ? m->credit : "");
                sqlite3_bind_int64(st, 10, m->bytes);
                gz_sql_bind_ref(st, 11, m->uploaded_by);
                sqlite3_bind_int64(st, 12, m->created_at ? m->created_at : gz_now());
                gz_buf_free(&list);
        }
        if (sqlite3_step(st) != SQLITE_DONE)
                e = gz_sql_fail(c, err, "media");
        else if (!m->id)
                m->id = sqlite3_last_insert_rowid(c->db);
        else if (sqlite3_changes(c->db) == 0)
                e = gz_fail(err, GZ_ENOTFOUND, "no media with id %lld", (long long)m->id);
        gz_sql_done(st);
out:
        gz_sql_writer_done(s);
        return e;
}

enum gz_err
gz_store_media_list(struct gz_store *s, struct gz_arena *a, const char *search, size_t limit,
                    size_t offset, struct gz_media **out, size_t *count, size_t *total,
                    struct gz_error *err)
{
        static const char all[] =
            "SELECT " GZ_SQL_MEDIA_COLUMNS " FROM media m ORDER BY m.id DESC LIMIT ? OFFSET ?";
        static const char matching[] =
            "SELECT " GZ_SQL_MEDIA_COLUMNS " FROM media m WHERE instr(lower(m.alt || ' ' || "
            "m.caption || ' ' || m.credit || ' ' || m.file_base), lower(?3)) > 0 "
            "ORDER BY m.id DESC LIMIT ?1 OFFSET ?2";
        static const char count_all[] = "SELECT count(*) FROM media m";
        static const char count_matching[] =
            "SELECT count(*) FROM media m WHERE instr(lower(m.alt || ' ' || m.caption || ' ' || "
            "m.credit || ' ' || m.file_base), lower(?3)) > 0";
        bool filtered = search != NULL && *search != '\0';
        struct gz_conn *c = gz_sql_reader(s);
        sqlite3_stmt *st = gz_sql_prepare(c, filtered ? matching : all);
        if (st == NULL)
                return gz_sql_fail(c, err, "media");
        sqlite3_bind_int64(st, 1, limit ? (sqlite3_int64)limit : -1);
        sqlite3_bind_int64(st, 2, (sqlite3_int64)offset);
        if (filtered)
                gz_sql_bind_text(st, 3, search);
        size_t n = 0, cap = 0;
        struct gz_media *list = NULL;
        int rc;
        while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
                list = gz_arena_grow(a, list, n, &cap, sizeof(*list));
                list[n++] = *gz_sql_read_media(st, 0, a);
        }
        gz_sql_done(st);
        if (rc != SQLITE_DONE)
                return gz_sql_fail(c, err, "media");
        *out = list;
        *count = n;
        if (total != NULL) {
                st = gz_sql_prepare(c, filtered ? count_matching : count_all);
                if (filtered)
                        gz_sql_bind_text(st, 3, search);
                *total =
                    st && sqlite3_step(st) == SQLITE_ROW ? (size_t)sqlite3_column_int64(st, 0) : n;
                gz_sql_done(st);
        }
        return GZ_OK;
}

/* ---- sections --------------------------------------------------------- */

enum gz_err
gz_store_sections(struct gz_store *s, struct gz_arena *a, struct gz_section **out, size_t *count,
                  struct gz_error *err)
{
        /* Ordered by depth so parents come before their children. */
        static const char sql[] =
            "SELECT id, parent_id, slug, path, name, description, position FROM sections "
            "ORDER BY length(path) - length(replace(path, '/', '')), position, name";
        struct gz_conn *c = gz_sql_reader(s);
        sqlite3_stmt *st = gz_sql_prepare(c, sql);
        if (st == NULL)
                return gz_sql_fail(c, err, "sections");
        size_t n = 0, cap = 0;
        struct gz_section *list = NULL;
        int rc;
        while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
                list = gz_arena_grow(a, list, n, &cap, sizeof(*list));
                struct gz_section *sec = &list[n++];
                sec->id = sqlite3_column_int64(st, 0);
                sec->parent_id = sqlite3_column_int64(st, 1);
                sec->slug = gz_sql_text(st, 2, a);
                sec->path = gz_sql_text(st, 3, a);
                sec->name = gz_sql_text(st, 4, a);
                sec->description = gz_sql_text(st, 5, a);
                sec->position = sqlite3_column_int(st, 6);
        }
        gz_sql_done(st);
        if (rc != SQLITE_DONE)
                return gz_sql_fail(c, err, "sections");
        *out = list;
        *count = n;
        return GZ_OK;
}

enum gz_err
gz_store_section_save(struct gz_store *s, struct gz_section *sec, struct gz_error *err)
{
        static const char insert[] =
            "INSERT INTO sections (parent_id, slug, path, name, description, position, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)";
        static const char update[] = "UPDATE sections SET parent_id = ?, slug = ?, path = ?, "
                                     "name = ?, description = ?, position = ? WHERE id = ?";
        static const char old_path[] = "SELECT path FROM sections WHERE id = ?";
        /* Children keep their place under a renamed or moved parent. */
        static const char move_children[] =
            "UPDATE sections SET path = ?2 || substr(path, length(?1) + 1) "
            "WHERE substr(path, 1, length(?1) + 1) = ?1 || '/'";
        struct gz_conn *c = gz_sql_writer(s);
        enum gz_err e = GZ_OK;
        char *previous = NULL;
        if (sec->id) {
                sqlite3_stmt *st = gz_sql_prepare(c, old_path);
                sqlite3_bind_int64(st, 1, sec->id);
                if (sqlite3_step(st) == SQLITE_ROW)
                        previous = gz_xstrdup((const char *)sqlite3_column_text(st, 0));
                gz_sql_done(st);
                if (previous == NULL) {
                        e = gz_fail(err, GZ_ENOTFOUND, "no section with id %lld",
                                    (long long)sec->id);
                        goto out;
                }
        }
        sqlite3_stmt *st = gz_sql_prepare(c, sec->id ? update : insert);
        if (st == NULL) {
                e = gz_sql_fail(c, err, "section");
                goto out;
        }
        gz_sql_bind_ref(st, 1, sec->parent_id);
        gz_sql_bind_text(st, 2, sec->slug);
        gz_sql_bind_text(st, 3, sec->path);
        gz_sql_bind_text(st, 4, sec->name);
        gz_sql_bind_text(st, 5, sec->description ? sec->description : "");
        sqlite3_bind_int(st, 6, sec->position);
        if (sec->id)
                sqlite3_bind_int64(st, 7, sec->id);
        else
                sqlite3_bind_int64(st, 7, gz_now());
        int rc = sqlite3_step(st);
        if (rc != SQLITE_DONE) {
                if ((sqlite3_extended_errcode(c->db) & 0xff) == SQLITE_CONSTRAINT)
                        e = gz_fail(err, GZ_ECONFLICT, "a section with the address /%s/ exists",
                                    sec->path);
                else
                        e = gz_sql_fail(c, err, "section");
                gz_sql_done(st);
                goto out;
        }
        gz_sql_done(st);
        if (!sec->id) {
                sec->id = sqlite3_last_insert_rowid(c->db);
        } else if (strcmp(previous, sec->path) != 0) {
                st = gz_sql_prepare(c, move_children);
                gz_sql_bind_text(st, 1, previous);
                gz_sql_bind_text(st, 2, sec->path);
                if (sqlite3_step(st) != SQLITE_DONE)
                        e = gz_sql_fail(c, err, "section");
                gz_sql_done(st);
        }
out:
        free(previous);
        gz_sql_writer_done(s);
        return e;
}

enum gz_err
gz_store_section_delete(struct gz_store *s, int64_t id, struct gz_error *err)
{
        static const char used[] = "SELECT (SELECT count(*) FROM articles WHERE section_id = ?1), "
                                   "(SELECT count(*) FROM sections WHERE parent_id = ?1)";
        static const char del[] = "DELETE FROM sections WHERE id = ?";
        struct gz_conn *c = gz_sql_writer(s);
        enum gz_err e = GZ_OK;
        sqlite3_stmt *st = gz_sql_prepare(c, used);
        sqlite3_bind_int64(st, 1, id);
        if (sqlite3_step(st) == SQLITE_ROW) {
                long long articles = sqlite3_column_int64(st, 0);
                long long children = sqlite3_column_int64(st, 1);
                if (articles || children)
                        e = gz_fail(err, GZ_ECONFLICT,
                                    "the section still has %lld articles and %lld subsections: "
                                    "move them first",
                                    articles, children);
        }
        gz_sql_done(st);
        if (e == GZ_OK) {
                st = gz_sql_prepare(c, del);
                sqlite3_bind_int64(st, 1, id);
                if (sqlite3_step(st) != SQLITE_DONE)
                        e = gz_sql_fail(c, err, "section");
                else if (sqlite3_changes(c->db) == 0)
                        e = gz_fail(err, GZ_ENOTFOUND, "no section with id %lld", (long long)id);
                gz_sql_done(st);
        }
        gz_sql_writer_done(s);
        return e;
}

/* ---- authors ---------------------------------------------------------- */

#define AUTHOR_COLUMNS                                                                             \
        "au.id, au.kind, au.slug, au.name, au.title, au.bio, au.url, au.photo_media_id"

static void
read_author(sqlite3_stmt *st, struct gz_arena *a, struct gz_author *au)
{
        au->id = sqlite3_column_int64(st, 0);
        au->kind = (enum gz_author_kind)gz_enum_lookup(gz_author_kind_names, GZ_AUTHOR__MAX,
                                                       (const char *)sqlite3_column_text(st, 1));
        au->slug = gz_sql_text(st, 2, a);
        au->name = gz_sql_text(st, 3, a);
        au->title = gz_sql_text(st, 4, a);
        au->bio = gz_sql_text(st, 5, a);
        au->url = gz_sql_text(st, 6, a);
        au->photo_media_id = sqlite3_column_int64(st, 7);
}

enum gz_err
gz_store_author_get(struct gz_store *s, struct gz_arena *a, int64_t id, const char *slug,
                    struct gz_author **out, struct gz_error *err)
{
        static const char by_id[] = "SELECT " AUTHOR_COLUMNS ", " GZ_SQL_MEDIA_COLUMNS
                                    " FROM authors au LEFT JOIN media m ON m.id = "
                                    "au.photo_media_id WHERE au.id = ?";
        static const char by_slug[] = "SELECT " AUTHOR_COLUMNS ", " GZ_SQL_MEDIA_COLUMNS
                                      " FROM authors au LEFT JOIN media m ON m.id = "
                                      "au.photo_media_id WHERE au.slug = ?";
        struct gz_conn *c = gz_sql_reader(s);
        sqlite3_stmt *st = gz_sql_prepare(c, id ? by_id : by_slug);
        if (st == NULL)
                return gz_sql_fail(c, err, "author");
        if (id)
                sqlite3_bind_int64(st, 1, id);
        else
                gz_sql_bind_text(st, 1, slug);
        int rc = sqlite3_step(st);
        enum gz_err e = GZ_OK;
        if (rc == SQLITE_ROW) {
                struct gz_author *au = GZ_NEW(a, struct gz_author);
                read_author(st, a, au);
                au->photo = gz_sql_read_media(st, 8, a);
                *out = au;
        } else if (rc == SQLITE_DONE) {
                e = gz_fail(err, GZ_ENOTFOUND, "no such author");
        } else {
                e = gz_sql_fail(c, err, "author");
        }
        gz_sql_done(st);
        return e;
}

enum gz_err
gz_store_authors(struct gz_store *s, struct gz_arena *a, struct gz_author **out, size_t *count,
                 struct gz_error *err)
{
        static const char sql[] = "SELECT " AUTHOR_COLUMNS " FROM authors au ORDER BY au.name";
        struct gz_conn *c = gz_sql_reader(s);
        sqlite3_stmt *st = gz_sql_prepare(c, sql);
        if (st == NULL)
                return gz_sql_fail(c, err, "authors");
        size_t n = 0, cap = 0;
        struct gz_author *list = NULL;
        int rc;
        while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
                list = gz_arena_grow(a, list, n, &cap, sizeof(*list));
                memset(&list[n], 0, sizeof(list[n]));
                read_author(st, a, &list[n++]);
        }
        gz_sql_done(st);
        if (rc != SQLITE_DONE)
                return gz_sql_fail(c, err, "authors");
        *out = list;
        *count = n;
        return GZ_OK;
}

enum gz_err
gz_store_author_save(struct gz_store *s, struct gz_author *au, struct gz_error *err)
{
        static const char insert[] =
            "INSERT INTO authors (kind, slug, name, title, bio, url, photo_media_id, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
        static const char update[] = "UPDATE authors SET kind = ?, slug = ?, name = ?, title = ?, "
                                     "bio = ?, url = ?, photo_media_id = ? WHERE id = ?";
        struct gz_conn *c = gz_sql_writer(s);
        enum gz_err e = GZ_OK;
        sqlite3_stmt *st = gz_sql_prepare(c, au->id ? update : insert);
        if (st == NULL) {
                e = gz_sql_fail(c, err, "author");
                goto out;
        }
        gz_sql_bind_text(st, 1, gz_author_kind_names[au->kind]);
        gz_sql_bind_text(st, 2, au->slug);
        gz_sql_bind_text(st, 3, au->name);
        gz_sql_bind_text(st, 4, au->title ? au->title : "");
        gz_sql_bind_text(st, 5, au->bio ? au->bio : "");
        gz_sql_bind_text(st, 6, au->url ? au->url : "");
        gz_sql_bind_ref(st, 7, au->photo_media_id);
        if (au->id)
                sqlite3_bind_int64(st, 8, au->id);
        else
                sqlite3_bind_int64(st, 8, gz_now());
        if (sqlite3_step(st) != SQLITE_DONE) {
                if ((sqlite3_extended_errcode(c->db) & 0xff) == SQLITE_CONSTRAINT)
                        e = gz_fail(err, GZ_ECONFLICT, "an author with the address %s exists",
                                    au->slug);
                else
                        e = gz_sql_fail(c, err, "author");
        } else if (!au->id) {
                au->id = sqlite3_last_insert_rowid(c->db);
        }
        gz_sql_done(st);
out:
        gz_sql_writer_done(s);
        return e;
}

/* ---- tags ------------------------------------------------------------- */

enum gz_err
gz_store_tag_get(struct gz_store *s, struct gz_arena *a, int64_t id, const char *slug,
                 struct gz_tag **out, struct gz_error *err)
{
        static const char by_id[] = "SELECT id, slug, name FROM tags WHERE id = ?";
        static const char by_slug[] = "SELECT id, slug, name FROM tags WHERE slug = ?";
        struct gz_conn *c = gz_sql_reader(s);
        sqlite3_stmt *st = gz_sql_prepare(c, id ? by_id : by_slug);
        if (st == NULL)
                return gz_sql_fail(c, err, "tag");
        if (id)
                sqlite3_bind_int64(st, 1, id);
        else
                gz_sql_bind_text(st, 1, slug);
        int rc = sqlite3_step(st);
        enum gz_err e = GZ_OK;
        if (rc == SQLITE_ROW) {
                struct gz_tag *t = GZ_NEW(a, struct gz_tag);
                t->id = sqlite3_column_int64(st, 0);
                t->slug = gz_sql_text(st, 1, a);
                t->name = gz_sql_text(st, 2, a);
                *out = t;
        } else if (rc == SQLITE_DONE) {
                e = gz_fail(err, GZ_ENOTFOUND, "no such tag");
        } else {
                e = gz_sql_fail(c, err, "tag");
        }
        gz_sql_done(st);
        return e;
}

enum gz_err
gz_sql_read_tags(struct gz_conn *c, sqlite3_stmt *st, struct gz_arena *a, struct gz_tag **out,
                 size_t *count, struct gz_error *err)
{
        size_t n = 0, cap = 0;
        struct gz_tag *list = NULL;
        int rc;
        while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
                list = gz_arena_grow(a, list, n, &cap, sizeof(*list));
                struct gz_tag *t = &list[n++];
                t->id = sqlite3_column_int64(st, 0);
                t->slug = gz_sql_text(st, 1, a);
                t->name = gz_sql_text(st, 2, a);
                t->article_count = sqlite3_column_int64(st, 3);
        }
        gz_sql_done(st);
        if (rc != SQLITE_DONE)
                return gz_sql_fail(c, err, "tags");
        *out = list;
        *count = n;
        return GZ_OK;
}

enum gz_err
gz_store_tags(struct gz_store *s, struct gz_arena *a, size_t limit, struct gz_tag **out,
              size_t *count, struct gz_error *err)
{
        static const char sql[] =
            "SELECT t.id, t.slug, t.name, count(ar.id) AS n FROM tags t "
            "LEFT JOIN article_tags at ON at.tag_id = t.id "
            "LEFT JOIN articles ar ON ar.id = at.article_id AND ar.status = 'published' "
            "GROUP BY t.id ORDER BY n DESC, t.name LIMIT ?";
        struct gz_conn *c = gz_sql_reader(s);
        sqlite3_stmt *st = gz_sql_prepare(c, sql);
        if (st == NULL)
                return gz_sql_fail(c, err, "tags");
        sqlite3_bind_int64(st, 1, limit ? (sqlite3_int64)limit : -1);
        return gz_sql_read_tags(c, st, a, out, count, err);
}

enum gz_err
gz_store_tag_ensure(struct gz_store *s, const char *slug, const char *name, int64_t *id,
                    struct gz_error *err)
{
        static const char find[] = "SELECT id FROM tags WHERE slug = ?";
        static const char insert[] = "INSERT INTO tags (slug, name, created_at) VALUES (?, ?, ?)";
        struct gz_conn *c = gz_sql_writer(s);
        enum gz_err e = GZ_OK;
        sqlite3_stmt *st = gz_sql_prepare(c, find);
        gz_sql_bind_text(st, 1, slug);
        int rc = sqlite3_step(st);
        if (rc == SQLITE_ROW)
                *id = sqlite3_column_int64(st, 0);
        gz_sql_done(st);
        if (rc == SQLITE_DONE) {
                st = gz_sql_prepare(c, insert);
                gz_sql_bind_text(st, 1, slug);
                gz_sql_bind_text(st, 2, name);
                sqlite3_bind_int64(st, 3, gz_now());
                if (sqlite3_step(st) != SQLITE_DONE)
                        e = gz_sql_fail(c, err, "tag");
                else
                        *id = sqlite3_last_insert_rowid(c->db);
                gz_sql_done(st);
        } else if (rc != SQLITE_ROW) {
                e = gz_sql_fail(c, err, "tag");
        }
        gz_sql_writer_done(s);
        return e;
}
