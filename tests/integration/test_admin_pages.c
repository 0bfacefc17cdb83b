/* The admin's media, sections, tags, authors, users, settings and audit
 * pages over real HTTP, signed in as each role: the roles table cell by
 * cell, uploads (metadata stripped from every stored file, wrong types and
 * sizes refused), renames with redirects, reserved addresses, accounts that
 * cannot lock out their own admin, settings validated field by field, and
 * the audit log. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <curl/curl.h>
#include <dirent.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>
#include <vips/vips.h>

#include "lib/harness.h"
#include "media/media.h"

enum { CONTRIBUTOR, AUTHOR, EDITOR, ADMIN, ROLES };

static const char *const role_names[ROLES] = {"contributor", "author", "editor", "admin"};

struct session {
        char cookie[200]; /* "gz_session=..." */
        char csrf[100];
        char email[64];
};

static struct gz_test_server server;
static char site_dir[512];
static struct session as[ROLES];

#define has(r, s) assert_true(gz_test_contains((r)->body, (r)->len, (s)))
#define lacks(r, s) assert_false(gz_test_contains((r)->body, (r)->len, (s)))

/* ---- the database, read beside the running server ------------------------- */

static char *
db_value(const char *fmt, ...)
{
        char sql[1024];
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(sql, sizeof(sql), fmt, ap);
        va_end(ap);
        char path[700];
        snprintf(path, sizeof(path), "%s/gazette.db", site_dir);
        sqlite3 *db;
        sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL);
        sqlite3_busy_timeout(db, 5000);
        sqlite3_stmt *st;
        char *value = NULL;
        if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK) {
                if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
                        value = strdup((const char *)sqlite3_column_text(st, 0));
                sqlite3_finalize(st);
        } else {
                fprintf(stderr, "sql: %s: %s\n", sql, sqlite3_errmsg(db));
        }
        sqlite3_close(db);
        return value;
}

static long long
db_int(const char *fmt, const char *arg)
{
        char *v = db_value(fmt, arg);
        long long n = v ? atoll(v) : -1;
        free(v);
        return n;
}

/* ---- HTTP as a signed-in user --------------------------------------------------- */

static char *
cookie_value(const struct gz_test_resp *r, const char *name, char *out, size_t size)
{
        char needle[64];
        snprintf(needle, sizeof(needle), "set-cookie: %s=", name);
        const char *p = strcasestr(r->headers, needle);
        if (p == NULL)
                return NULL;
        p += strlen(needle);
        size_t n = strcspn(p, ";\r\n");
        snprintf(out, size, "%.*s", (int)n, p);
        return out;
}

static char *
hidden_value(const struct gz_test_resp *r, const char *name, char *out, size_t size)
{
        char needle[64];
        snprintf(needle, sizeof(needle), "name=\"%s\" value=\"", name);
        const char *p = strstr(r->body, needle);
        if (p == NULL)
                return NULL;
        p += strlen(needle);
        size_t n = strcspn(p, "\"");
        snprintf(out, size, "%.*s", (int)n, p);
        return out;
}

static char *
enc(const char *s)
{
        return curl_easy_escape(NULL, s, 0);
}

static const char *
password_of(int role)
{
        static char pw[64];
        snprintf(pw, sizeof(pw), "test password for %s", role_names[role]);
        return pw;
}

static void
sign_in(int role)
{
        struct session *s = &as[role];
        snprintf(s->email, sizeof(s->email), "%s@example.org", role_names[role]);
        struct gz_test_resp r;
        assert_int_equal(gz_test_get(&server, "/admin/login", &r), 0);
        char token[100], cookie[160], origin[100];
        assert_non_null(cookie_value(&r, "gz_login", token, sizeof(token)));
        gz_test_resp_free(&r);
        snprintf(cookie, sizeof(cookie), "Cookie: gz_login=%s", token);
        snprintf(origin, sizeof(origin), "Origin: %s", server.base);
        const char *headers[] = {cookie, origin, "Content-Type: application/x-www-form-urlencoded",
                                 NULL};
        char *email = enc(s->email), *pw = enc(password_of(role));
        char body[512];
        snprintf(body, sizeof(body), "email=%s&password=%s&_login=%s", email, pw, token);
        curl_free(email);
        curl_free(pw);
        assert_int_equal(
            gz_test_request(&server, "POST", "/admin/login", headers, body, strlen(body), &r), 0);
        assert_int_equal(r.status, 303);
        char session[120];
        assert_non_null(cookie_value(&r, "gz_session", session, sizeof(session)));
        gz_test_resp_free(&r);
        snprintf(s->cookie, sizeof(s->cookie), "Cookie: gz_session=%s", session);
        const char *h2[] = {s->cookie, NULL};
        assert_int_equal(gz_test_request(&server, "GET", "/admin/", h2, NULL, 0, &r), 0);
        assert_int_equal(r.status, 200);
        assert_non_null(hidden_value(&r, "_csrf", s->csrf, sizeof(s->csrf)));
        gz_test_resp_free(&r);
}

static long
get_as(int role, const char *path, struct gz_test_resp *r)
{
        const char *headers[] = {as[role].cookie, NULL};
        assert_int_equal(gz_test_request(&server, "GET", path, headers, NULL, 0, r), 0);
        return r->status;
}

/* A public page, without a session; returns the status. */
static long
public_get(const char *path, struct gz_test_resp *r)
{
        assert_int_equal(gz_test_get(&server, path, r), 0);
        return r->status;
}

/* POSTs a urlencoded form (already encoded) with the session's CSRF token. */
static long
post_as(int role, const char *path, const char *form, struct gz_test_resp *r)
{
        char origin[100];
        snprintf(origin, sizeof(origin), "Origin: %s", server.base);
        const char *headers[] = {as[role].cookie, origin,
                                 "Content-Type: application/x-www-form-urlencoded", NULL};
        size_t n = strlen(form) + 200;
        char *body = malloc(n);
        snprintf(body, n, "_csrf=%s%s%s", as[role].csrf, *form ? "&" : "", form);
        assert_int_equal(gz_test_request(&server, "POST", path, headers, body, strlen(body), r), 0);
        free(body);
        return r->status;
}

static long
status_of_post(int role, const char *path, const char *form)
{
        struct gz_test_resp r;
        long status = post_as(role, path, form, &r);
        gz_test_resp_free(&r);
        return status;
}

/* A multipart upload: the file part and alt, caption, credit. */
static int
upload_as(int role, const char *filename, const char *type, const void *data, size_t len,
          const char *alt, struct gz_test_resp *r)
{
        static const char boundary[] = "gz-test-boundary-7d93a1";
        struct gz_buf b;
        gz_buf_init(&b, NULL);
        const char *fields[][2] = {{"_csrf", as[role].csrf},
                                   {"alt", alt},
                                   {"caption", ""},
                                   {"credit", "Photo: Test Desk"}};
        for (size_t i = 0; i < 4; i++)
                gz_buf_printf(&b,
                              "--%s\r\nContent-Disposition: form-data; name=\"%s\"\r\n\r\n%s\r\n",
                              boundary, fields[i][0], fields[i][1]);
        gz_buf_printf(&b,
                      "--%s\r\nContent-Disposition: form-data; name=\"file\"; "
                      "filename=\"%s\"\r\nContent-Type: %s\r\n\r\n",
                      boundary, filename, type);
        gz_buf_put(&b, data, len);
        gz_buf_printf(&b, "\r\n--%s--\r\n", boundary);
        char origin[100], ctype[120];
        snprintf(origin, sizeof(origin), "Origin: %s", server.base);
        snprintf(ctype, sizeof(ctype), "Content-Type: multipart/form-data; boundary=%s", boundary);
        const char *headers[] = {as[role].cookie, origin, ctype, NULL};
        int rc = gz_test_request(&server, "POST", "/admin/media", headers, b.data, b.len, r);
        gz_buf_free(&b);
        return rc;
}

/* ---- files on disk ------------------------------------------------------------------ */

static size_t
files_in(const char *sub)
{
        char path[700];
        snprintf(path, sizeof(path), "%s/%s", site_dir, sub);
        DIR *d = opendir(path);
        if (d == NULL)
                return 0;
        size_t n = 0;
        struct dirent *e;
        while ((e = readdir(d)) != NULL)
                if (e->d_name[0] != '.')
                        n++;
        closedir(d);
        return n;
}

/* The upload folder empties once the request is over. */
static void
assert_no_upload_left(void)
{
        for (int i = 0; i < 50 && files_in("tmp") > 0; i++)
                usleep(20 * 1000);
        assert_int_equal(files_in("tmp"), 0);
}

static char *
read_media_file(const char *name, size_t *len)
{
        char path[800];
        snprintf(path, sizeof(path), "%s/media/%s", site_dir, name);
        FILE *f = fopen(path, "rb");
        if (f == NULL)
                fail_msg("cannot open %s", path);
        fseek(f, 0, SEEK_END);
        long n = ftell(f);
        fseek(f, 0, SEEK_SET);
        char *data = malloc((size_t)n + 1);
        assert_int_equal(fread(data, 1, (size_t)n, f), (size_t)n);
        fclose(f);
        *len = (size_t)n;
        return data;
}

static void
assert_clean(const char *name, const char *data, size_t len)
{
        static const struct {
                const char *bytes;
                size_t n;
                const char *what;
        } betrayals[] = {
            {"Exif\0\0", 6, "an Exif header"},
            {"\x25\x88\x04\x00\x01\x00\x00\x00", 8, "the GPS IFD tag (little-endian)"},
            {"\x88\x25\x00\x04\x00\x00\x00\x01", 8, "the GPS IFD tag (big-endian)"},
            {"http://ns.adobe.com/xap", 23, "XMP"},
            {"GPSLatitude", 11, "GPS in text"},
            {"Photoshop 3.0", 13, "IPTC"},
            {"48.8584", 7, "the coordinates of the comment"},
            {"Spy", 3, "the camera make"},
        };
        for (size_t i = 0; i < sizeof(betrayals) / sizeof(betrayals[0]); i++)
                if (memmem(data, len, betrayals[i].bytes, betrayals[i].n) != NULL)
                        fail_msg("%s contains %s", name, betrayals[i].what);
        VipsImage *image = vips_image_new_from_buffer(data, len, "", NULL);
        if (image == NULL)
                fail_msg("libvips cannot read %s", name);
        gchar **fields = vips_image_get_fields(image);
        for (int i = 0; fields[i] != NULL; i++)
                if (strncmp(fields[i], "exif-", 5) == 0 || strcmp(fields[i], "xmp-data") == 0 ||
                    strcmp(fields[i], "iptc-data") == 0)
                        fail_msg("%s still has %s", name, fields[i]);
        g_strfreev(fields);
        g_object_unref(image);
}

/* ---- a photo as a phone leaves it: GPS in Exif, XMP, IPTC, a comment ---------------- */

static void
le16(unsigned char *p, unsigned v)
{
        p[0] = (unsigned char)v;
        p[1] = (unsigned char)(v >> 8);
}

static void
le32(unsigned char *p, uint32_t v)
{
        le16(p, v & 0xffff);
        le16(p + 2, v >> 16);
}

static void
ifd_entry(unsigned char *p, unsigned tag, unsigned type, uint32_t count, uint32_t value)
{
        le16(p, tag);
        le16(p + 2, type);
        le32(p + 4, count);
        le32(p + 8, value);
}

/* Exif, little-endian TIFF: IFD0 with Make and the GPS IFD pointer; the GPS
 * IFD with the Eiffel Tower's coordinates. */
static size_t
exif_with_gps(unsigned char *out)
{
        memset(out, 0, 160);
        memcpy(out, "Exif\0\0", 6);
        unsigned char *t = out + 6;
        memcpy(t, "II\x2a\0\x08\0\0\0", 8);
        le16(t + 8, 2);
        ifd_entry(t + 10, 0x010f, 2, 4, 0);
        memcpy(t + 18, "Spy", 4);
        ifd_entry(t + 22, 0x8825, 4, 1, 38);
        le32(t + 34, 0);
        le16(t + 38, 4);
        ifd_entry(t + 40, 0x0001, 2, 2, 0);
        memcpy(t + 48, "N", 2);
        ifd_entry(t + 52, 0x0002, 5, 3, 92);
        ifd_entry(t + 64, 0x0003, 2, 2, 0);
        memcpy(t + 72, "E", 2);
        ifd_entry(t + 76, 0x0004, 5, 3, 116);
        le32(t + 88, 0);
        const uint32_t lat[6] = {48, 1, 51, 1, 2964, 100}, lon[6] = {2, 1, 17, 1, 4020, 100};
        for (int i = 0; i < 6; i++) {
                le32(t + 92 + 4 * i, lat[i]);
                le32(t + 116 + 4 * i, lon[i]);
        }
        return 6 + 140;
}

static void
segment(struct gz_buf *b, unsigned char marker, const void *payload, size_t n)
{
        unsigned char head[4] = {0xff, marker, (unsigned char)((n + 2) >> 8),
                                 (unsigned char)(n + 2)};
        gz_buf_put(b, head, 4);
        gz_buf_put(b, payload, n);
}

static void
spy_jpeg(struct gz_buf *out)
{
        struct gz_buf clean;
        gz_buf_init(&clean, NULL);
        struct gz_error err;
        assert_int_equal(gz_media_demo_image(7, 1200, 800, &clean, &err), GZ_OK);
        gz_buf_init(out, NULL);
        gz_buf_put(out, clean.data, 2);
        unsigned char exif[160];
        segment(out, 0xe1, exif, exif_with_gps(exif));
        const char xmp[] = "http://ns.adobe.com/xap/1.0/\0"
                           "<x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:RDF "
                           "xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'>"
                           "<rdf:Description xmlns:exif='http://ns.adobe.com/exif/1.0/' "
                           "exif:GPSLatitude='48,51.494N' exif:GPSLongitude='2,17.67E'/>"
                           "</rdf:RDF></x:xmpmeta>";
        segment(out, 0xe1, xmp, sizeof(xmp) - 1);
        const char iptc[] = "Photoshop 3.0\0"
                            "8BIM\x04\x04\0\0\0\0\0\x0a"
                            "\x1c\x02\x5a\0\x05Paris\0";
        segment(out, 0xed, iptc, sizeof(iptc) - 1);
        const char comment[] = "taken at 48.8584N 2.2945E by a source";
        segment(out, 0xfe, comment, sizeof(comment) - 1);
        gz_buf_put(out, clean.data + 2, clean.len - 2);
        gz_buf_free(&clean);
        assert_non_null(memmem(out->data, out->len, "Exif\0\0", 6));
        assert_non_null(memmem(out->data, out->len, "GPSLatitude", 11));
}

/* ---- set-up ------------------------------------------------------------------------ */

static int
start(void **state)
{
        (void)state;
        gz_test_demo_site(site_dir, sizeof(site_dir));
        for (int i = 0; i < ROLES; i++) {
                char cmd[2048];
                snprintf(cmd, sizeof(cmd),
                         "echo '%s' | '%s' user add '%s' --email %s@example.org --name 'Test %s' "
                         "--role %s 2>&1",
                         password_of(i), gz_test_bin(), site_dir, role_names[i], role_names[i],
                         role_names[i]);
                char *out = NULL;
                if (gz_test_run(cmd, &out) != 0) {
                        fprintf(stderr, "user add: %s\n", out ? out : "");
                        exit(2);
                }
                free(out);
        }
        gz_test_server_start(&server, site_dir, NULL);
        for (int i = 0; i < ROLES; i++)
                sign_in(i);
        if (VIPS_INIT("test_admin_pages") != 0)
                return -1;
        return 0;
}

static int
stop(void **state)
{
        (void)state;
        int rc = gz_test_server_stop(&server);
        gz_test_rmtree(site_dir);
        return rc == 0 ? 0 : -1;
}

/* ---- the roles table, cell by cell ------------------------------------------------------ */

struct cell {
        const char *method, *path, *form;
        int lowest;      /* the least role allowed */
        long allowed;    /* what an allowed role gets (forms that change nothing) */
        bool admin_only; /* the roles table's last row */
};

static void
every_cell_of_the_roles_table_is_enforced_by_the_server(void **state)
{
        (void)state;
        long long section = db_int("SELECT id FROM sections WHERE path = '%s'", "news/city");
        long long tag = db_int("SELECT id FROM tags WHERE slug = '%s'", "harbour");
        long long author = db_int("SELECT au.id FROM authors au WHERE EXISTS (SELECT 1 FROM "
                                  "article_authors WHERE author_id = au.id) AND slug != '%s' "
                                  "ORDER BY id LIMIT 1",
                                  "");
        long long photo = db_int("SELECT photo_media_id FROM authors WHERE id = %s", "1");
        long long contributor =
            db_int("SELECT id FROM users WHERE email = '%s'", "contributor@example.org");
        assert_true(section > 0 && tag > 0 && author > 0 && photo > 0 && contributor > 0);
        char media_path[64], media_delete[64], section_path[64], section_delete[64], tag_path[64],
            tag_merge[64], tag_delete[64], author_path[64], author_delete[64], user_path[64],
            user_disable[64];
        snprintf(media_path, sizeof(media_path), "/admin/media/%lld", photo);
        snprintf(media_delete, sizeof(media_delete), "/admin/media/%lld/delete", photo);
        snprintf(section_path, sizeof(section_path), "/admin/sections/%lld", section);
        snprintf(section_delete, sizeof(section_delete), "/admin/sections/%lld/delete", section);
        snprintf(tag_path, sizeof(tag_path), "/admin/tags/%lld", tag);
        snprintf(tag_merge, sizeof(tag_merge), "/admin/tags/%lld/merge", tag);
        snprintf(tag_delete, sizeof(tag_delete), "/admin/tags/%lld/delete", tag);
        snprintf(author_path, sizeof(author_path), "/admin/authors/%lld", author);
        snprintf(author_delete, sizeof(author_delete), "/admin/authors/%lld/delete", author);
        snprintf(user_path, sizeof(user_path), "/admin/users/%lld", contributor);
        snprintf(user_disable, sizeof(user_disable), "/admin/users/%lld/disable", contributor);
        char long_alt[700] = "alt=";
        memset(long_alt + 4, 'x', 600);
        long_alt[604] = '\0';

        const struct cell cells[] = {
            /* upload media: author and up */
            {"GET", "/admin/media", NULL, AUTHOR, 200, false},
            {"GET", "/admin/media?q=sea", NULL, AUTHOR, 200, false},
            {"GET", media_path, NULL, AUTHOR, 200, false},
            {"POST", "/admin/media", "alt=no+file", AUTHOR, 422, false},
            {"POST", media_path, long_alt, AUTHOR, 422, false},
            /* deleting an image: editors; this one is an author's photo */
            {"POST", media_delete, "", EDITOR, 409, false},
            /* sections, tags, author profiles: editor and up */
            {"GET", "/admin/sections", NULL, EDITOR, 200, false},
            {"GET", section_path, NULL, EDITOR, 200, false},
            {"POST", "/admin/sections", "name=", EDITOR, 422, false},
            {"POST", section_path, "name=", EDITOR, 422, false},
            {"POST", section_delete, "", EDITOR, 409, false},
            {"GET", "/admin/tags", NULL, EDITOR, 200, false},
            {"GET", tag_path, NULL, EDITOR, 200, false},
            {"POST", "/admin/tags", "name=", EDITOR, 422, false},
            {"POST", tag_path, "name=", EDITOR, 422, false},
            {"POST", tag_merge, "into=0", EDITOR, 422, false},
            {"GET", "/admin/authors", NULL, EDITOR, 200, false},
            {"GET", "/admin/authors/new", NULL, EDITOR, 200, false},
            {"GET", author_path, NULL, EDITOR, 200, false},
            {"POST", "/admin/authors/new", "kind=person&name=", EDITOR, 422, false},
            {"POST", author_path, "kind=person&name=", EDITOR, 422, false},
            {"POST", author_delete, "", EDITOR, 409, false},
            /* users, site settings, audit log: admins only */
            {"GET", "/admin/users", NULL, ADMIN, 200, true},
            {"GET", user_path, NULL, ADMIN, 200, true},
            {"POST", "/admin/users", "email=not-an-email&name=X&role=author&password=x", ADMIN, 422,
             true},
            {"POST", user_path, "role=emperor", ADMIN, 422, true},
            {"GET", "/admin/settings", NULL, ADMIN, 200, true},
            {"POST", "/admin/settings", "per_page=0", ADMIN, 422, true},
            {"GET", "/admin/audit", NULL, ADMIN, 200, true},
            {"GET", "/admin/audit?page=2", NULL, ADMIN, 200, true},
        };
        /* Destructive requests only the refused roles send: nothing may change. */
        const struct cell refused_only[] = {
            {"POST", tag_delete, "", EDITOR, 0, false},
            {"POST", user_disable, "", ADMIN, 0, true},
            {"POST", "/admin/settings", "name=Hijacked", ADMIN, 0, true},
        };
        for (size_t i = 0; i < sizeof(cells) / sizeof(cells[0]); i++) {
                for (int role = 0; role < ROLES; role++) {
                        struct gz_test_resp r;
                        long status = strcmp(cells[i].method, "GET") == 0
                                          ? get_as(role, cells[i].path, &r)
                                          : post_as(role, cells[i].path, cells[i].form, &r);
                        long want = role >= cells[i].lowest ? cells[i].allowed : 403;
                        if (status != want)
                                fail_msg("%s %s as %s: %ld, not %ld", cells[i].method,
                                         cells[i].path, role_names[role], status, want);
                        if (want == 403)
                                has(&r, "<p class=\"error\" role=\"alert\">");
                        gz_test_resp_free(&r);
                }
        }
        for (size_t i = 0; i < sizeof(refused_only) / sizeof(refused_only[0]); i++)
                for (int role = 0; role < refused_only[i].lowest; role++)
                        assert_int_equal(
                            status_of_post(role, refused_only[i].path, refused_only[i].form), 403);
        /* Nothing changed: every form above was refused or invalid. */
        assert_int_equal(db_int("SELECT count(*) FROM media WHERE id = %s", "1"), 1);
        assert_int_equal(db_int("SELECT count(*) FROM tags WHERE slug = '%s'", "harbour"), 1);
        assert_int_equal(db_int("SELECT count(*) FROM sections WHERE path = '%s'", "news/city"), 1);
        assert_int_equal(
            db_int("SELECT disabled FROM users WHERE email = '%s'", "contributor@example.org"), 0);
        char *name = db_value("SELECT value FROM settings WHERE key = 'name'");
        assert_string_not_equal(name, "Hijacked");
        free(name);
        /* The navigation shows each role only what it may open. */
        struct gz_test_resp r;
        get_as(AUTHOR, "/admin/", &r);
        has(&r, "href=\"/admin/media\"");
        lacks(&r, "href=\"/admin/sections\"");
        lacks(&r, "href=\"/admin/users\"");
        gz_test_resp_free(&r);
        get_as(EDITOR, "/admin/", &r);
        has(&r, "href=\"/admin/tags\"");
        lacks(&r, "href=\"/admin/settings\"");
        gz_test_resp_free(&r);
}

/* ---- media ----------------------------------------------------------------------------- */

static long long uploaded_id;

static void
uploaded_jpeg_keeps_no_gps_exif_or_xmp_in_any_file(void **state)
{
        (void)state;
        struct gz_buf spy;
        spy_jpeg(&spy);
        size_t before = files_in("media");
        struct gz_test_resp r;
        assert_int_equal(upload_as(AUTHOR, "IMG_2041.jpg", "image/jpeg", spy.data, spy.len,
                                   "Cranes over the quay at dusk", &r),
                         0);
        gz_buf_free(&spy);
        if (r.status != 303)
                fail_msg("upload answered %ld: %.400s", r.status, r.body);
        const char *location = gz_test_header(&r, "Location");
        assert_non_null(location);
        assert_non_null(strstr(location, "done=uploaded"));
        assert_int_equal(sscanf(location, "/admin/media/%lld", &uploaded_id), 1);
        gz_test_resp_free(&r);
        assert_no_upload_left();

        char id[32];
        snprintf(id, sizeof(id), "%lld", uploaded_id);
        char *original = db_value("SELECT original FROM media WHERE id = %s", id);
        char *renditions = db_value("SELECT renditions FROM media WHERE id = %s", id);
        char *alt = db_value("SELECT alt FROM media WHERE id = %s", id);
        assert_non_null(original);
        assert_non_null(renditions);
        assert_string_equal(alt, "Cranes over the quay at dusk");
        /* 480, 960 (and the 1200 original as a rendition) in WebP and JPEG. */
        size_t written = files_in("media") - before;
        assert_true(written >= 5);

        /* Every stored file, and what the site serves of it, is clean. */
        size_t checked = 0;
        char *list = strdup(renditions);
        char *save = NULL;
        for (char *item = strtok_r(list, ";", &save); item; item = strtok_r(NULL, ";", &save)) {
                const char *file = strrchr(item, ':') + 1;
                size_t len;
                char *data = read_media_file(file, &len);
                assert_clean(file, data, len);
                char path[200];
                snprintf(path, sizeof(path), "/media/%s", file);
                assert_int_equal(public_get(path, &r), 200);
                assert_int_equal(r.status, 200);
                assert_int_equal(r.len, len);
                assert_memory_equal(r.body, data, len);
                gz_test_resp_free(&r);
                free(data);
                checked++;
        }
        size_t len;
        char *data = read_media_file(original, &len);
        assert_clean(original, data, len);
        free(data);
        assert_true(checked >= 4);
        assert_int_equal(checked + 1 >= written, true);
        free(list);
        free(original);
        free(renditions);
        free(alt);

        /* The image's page offers the Markdown to paste. */
        char page[64], snippet[96];
        snprintf(page, sizeof(page), "/admin/media/%lld?done=uploaded", uploaded_id);
        assert_int_equal(get_as(AUTHOR, page, &r), 200);
        has(&r, "Uploaded.");
        snprintf(snippet, sizeof(snippet), "![Cranes over the quay at dusk](media:%lld)",
                 uploaded_id);
        has(&r, snippet);
        has(&r, "<picture>");
        gz_test_resp_free(&r);
        /* The audit log names the upload. */
        assert_int_equal(
            db_int("SELECT count(*) FROM audit_log WHERE action = 'media-upload' AND target = "
                   "'media:%s'",
                   id),
            1);
}

static void
text_file_named_jpg_is_refused_with_415(void **state)
{
        (void)state;
        size_t before = files_in("media");
        long long rows = db_int("SELECT count(*) FROM media%s", "");
        static const char text[] = "Minutes of the harbour board, 3 March.\nNot a picture.\n";
        struct gz_test_resp r;
        assert_int_equal(
            upload_as(EDITOR, "minutes.jpg", "image/jpeg", text, sizeof(text) - 1, "x", &r), 0);
        assert_int_equal(r.status, 415);
        has(&r, "not a JPEG, PNG, WebP or GIF image");
        has(&r, "content, not its name");
        has(&r, "Nothing was stored.");
        has(&r, "value=\"x\""); /* what was typed stays */
        gz_test_resp_free(&r);
        /* JPEG's magic bytes and nothing decodable behind them. */
        static const char fake[] = "\xff\xd8\xff\xe0\x00\x10JFIF\x00garbage garbage garbage";
        assert_int_equal(
            upload_as(EDITOR, "broken.jpg", "image/jpeg", fake, sizeof(fake) - 1, "", &r), 0);
        assert_int_equal(r.status, 422);
        has(&r, "The image was not accepted");
        has(&r, "damaged");
        gz_test_resp_free(&r);
        assert_int_equal(files_in("media"), before);
        assert_int_equal(db_int("SELECT count(*) FROM media%s", ""), rows);
        assert_no_upload_left();
}

static void
type_comes_from_the_content_not_the_name(void **state)
{
        (void)state;
        /* A PNG called photo.jpg and sent as image/jpeg is stored as a PNG. */
        struct gz_buf jpeg;
        gz_buf_init(&jpeg, NULL);
        struct gz_error err;
        assert_int_equal(gz_media_demo_image(3, 640, 480, &jpeg, &err), GZ_OK);
        VipsImage *image = vips_image_new_from_buffer(jpeg.data, jpeg.len, "", NULL);
        assert_non_null(image);
        void *png = NULL;
        size_t png_len = 0;
        assert_int_equal(vips_pngsave_buffer(image, &png, &png_len, NULL), 0);
        g_object_unref(image);
        gz_buf_free(&jpeg);
        struct gz_test_resp r;
        assert_int_equal(
            upload_as(AUTHOR, "photo.jpg", "image/jpeg", png, png_len, "A drawn landscape", &r), 0);
        g_free(png);
        assert_int_equal(r.status, 303);
        long long id = 0;
        assert_int_equal(sscanf(gz_test_header(&r, "Location"), "/admin/media/%lld", &id), 1);
        gz_test_resp_free(&r);
        char sid[32];
        snprintf(sid, sizeof(sid), "%lld", id);
        char *type = db_value("SELECT source_type FROM media WHERE id = %s", sid);
        assert_string_equal(type, "png");
        free(type);
        assert_no_upload_left();
}

static void
upload_over_the_size_limit_is_refused_with_413(void **state)
{
        (void)state;
        size_t before = files_in("media");
        size_t len = 25u * 1024 * 1024;
        char *big = malloc(len);
        memset(big, 0x5a, len);
        memcpy(big, "\xff\xd8\xff\xe0", 4);
        struct gz_test_resp r;
        /* The server may answer and close before the whole body is sent. */
        upload_as(AUTHOR, "huge.jpg", "image/jpeg", big, len, "too big", &r);
        free(big);
        assert_int_equal(r.status, 413);
        gz_test_resp_free(&r);
        assert_int_equal(files_in("media"), before);
        assert_no_upload_left();
}

static void
library_search_finds_images_by_alt_text(void **state)
{
        (void)state;
        assert_true(uploaded_id > 0);
        char link[64];
        snprintf(link, sizeof(link), "href=\"/admin/media/%lld\"", uploaded_id);
        struct gz_test_resp r;
        assert_int_equal(get_as(AUTHOR, "/admin/media?q=quay+at+DUSK", &r), 200);
        has(&r, link);
        has(&r, "1 image matches");
        gz_test_resp_free(&r);
        assert_int_equal(get_as(AUTHOR, "/admin/media?q=zeppelin", &r), 200);
        lacks(&r, link);
        has(&r, "No image matches.");
        gz_test_resp_free(&r);
}

static void
caption_change_reaches_the_published_article(void **state)
{
        (void)state;
        char form[512];
        snprintf(form, sizeof(form),
                 "title=Quay+cranes+return&kind=news&section=news%%2Fcity&action=publish&"
                 "version=0&body=The+cranes+are+back.%%0A%%0A%%21%%5B%%5D%%28media%%3A%lld%%29"
                 "%%0A%%0AMore+soon.",
                 uploaded_id);
        struct gz_test_resp r;
        assert_int_equal(post_as(EDITOR, "/admin/articles/new", form, &r), 303);
        gz_test_resp_free(&r);
        char *url = db_value("SELECT strftime('/%%Y/%%m/', published_at, 'unixepoch') || slug || "
                             "'/' FROM articles WHERE title = '%s'",
                             "Quay cranes return");
        assert_non_null(url);
        assert_int_equal(public_get(url, &r), 200);
        has(&r, "Photo: Test Desk");
        gz_test_resp_free(&r);
        assert_int_equal(public_get(url, &r), 200); /* now from the cache */
        gz_test_resp_free(&r);

        char path[64];
        snprintf(path, sizeof(path), "/admin/media/%lld", uploaded_id);
        assert_int_equal(post_as(AUTHOR, path,
                                 "alt=Cranes+over+the+quay+at+dusk&caption=The+cranes+at+Old+"
                                 "Quay%2C+back+after+ten+years&credit=Photo%3A+Ada+Byrne",
                                 &r),
                         303);
        gz_test_resp_free(&r);
        assert_int_equal(public_get(url, &r), 200);
        has(&r, "The cranes at Old Quay, back after ten years");
        has(&r, "Photo: Ada Byrne");
        lacks(&r, "Photo: Test Desk");
        gz_test_resp_free(&r);
        free(url);

        /* Published articles keep their alt text. */
        assert_int_equal(post_as(AUTHOR, path, "alt=&caption=x&credit=", &r), 422);
        has(&r, "needs alt text");
        gz_test_resp_free(&r);
        /* An image in use is not deleted, even by an editor. */
        snprintf(path, sizeof(path), "/admin/media/%lld/delete", uploaded_id);
        assert_int_equal(post_as(EDITOR, path, "", &r), 409);
        has(&r, "used by 1 article");
        gz_test_resp_free(&r);
}

static void
unused_image_is_deleted_with_its_files(void **state)
{
        (void)state;
        struct gz_buf clean;
        gz_buf_init(&clean, NULL);
        struct gz_error err;
        assert_int_equal(gz_media_demo_image(11, 600, 400, &clean, &err), GZ_OK);
        size_t before = files_in("media");
        struct gz_test_resp r;
        assert_int_equal(upload_as(EDITOR, "spare.jpg", "image/jpeg", clean.data, clean.len,
                                   "A spare picture", &r),
                         0);
        gz_buf_free(&clean);
        assert_int_equal(r.status, 303);
        long long id = 0;
        assert_int_equal(sscanf(gz_test_header(&r, "Location"), "/admin/media/%lld", &id), 1);
        gz_test_resp_free(&r);
        assert_true(files_in("media") > before);
        char path[64];
        snprintf(path, sizeof(path), "/admin/media/%lld/delete", id);
        assert_int_equal(status_of_post(AUTHOR, path, ""), 403);
        assert_int_equal(post_as(EDITOR, path, "", &r), 303);
        gz_test_resp_free(&r);
        assert_int_equal(files_in("media"), before);
        char sid[32];
        snprintf(sid, sizeof(sid), "%lld", id);
        assert_int_equal(db_int("SELECT count(*) FROM media WHERE id = %s", sid), 0);
}

/* ---- sections -------------------------------------------------------------------------- */

static void
section_rename_moves_its_children_and_redirects_old_addresses(void **state)
{
        (void)state;
        struct gz_test_resp r;
        assert_int_equal(post_as(EDITOR, "/admin/sections", "name=Harbour+Life", &r), 303);
        gz_test_resp_free(&r);
        long long parent = db_int("SELECT id FROM sections WHERE path = '%s'", "harbour-life");
        assert_true(parent > 0);
        char form[128];
        snprintf(form, sizeof(form), "name=Ferries&parent=%lld", parent);
        assert_int_equal(post_as(EDITOR, "/admin/sections", form, &r), 303);
        gz_test_resp_free(&r);
        assert_int_equal(
            db_int("SELECT count(*) FROM sections WHERE path = '%s'", "harbour-life/ferries"), 1);
        assert_int_equal(public_get("/harbour-life/ferries/", &r), 200);
        gz_test_resp_free(&r);

        char path[64];
        snprintf(path, sizeof(path), "/admin/sections/%lld", parent);
        assert_int_equal(post_as(EDITOR, path, "name=Port+Life&slug=port-life&parent=", &r), 303);
        gz_test_resp_free(&r);
        assert_int_equal(
            db_int("SELECT count(*) FROM sections WHERE path = '%s'", "port-life/ferries"), 1);
        assert_int_equal(
            db_int("SELECT count(*) FROM sections WHERE path LIKE '%s'", "harbour-life%"), 0);
        assert_int_equal(public_get("/harbour-life/", &r), 301);
        assert_string_equal(gz_test_header(&r, "Location"), "/port-life/");
        gz_test_resp_free(&r);
        assert_int_equal(public_get("/harbour-life/ferries/", &r), 301);
        assert_string_equal(gz_test_header(&r, "Location"), "/port-life/ferries/");
        gz_test_resp_free(&r);
        assert_int_equal(public_get("/port-life/ferries/", &r), 200);
        has(&r, "Ferries");
        gz_test_resp_free(&r);

        /* Moved inside another section, the redirects lead straight to the
         * newest address. */
        long long business = db_int("SELECT id FROM sections WHERE path = '%s'", "business");
        snprintf(form, sizeof(form), "name=Port+Life&slug=port-life&parent=%lld", business);
        assert_int_equal(post_as(EDITOR, path, form, &r), 303);
        gz_test_resp_free(&r);
        assert_int_equal(public_get("/harbour-life/ferries/", &r), 301);
        assert_string_equal(gz_test_header(&r, "Location"), "/business/port-life/ferries/");
        gz_test_resp_free(&r);
        /* A section cannot move inside itself. */
        long long ferries =
            db_int("SELECT id FROM sections WHERE path = '%s'", "business/port-life/ferries");
        snprintf(form, sizeof(form), "name=Port+Life&slug=port-life&parent=%lld", ferries);
        assert_int_equal(post_as(EDITOR, path, form, &r), 422);
        has(&r, "cannot move inside itself");
        gz_test_resp_free(&r);
        assert_int_equal(
            db_int("SELECT count(*) FROM audit_log WHERE action = '%s'", "section-change"), 2);
}

static void
section_with_articles_is_deleted_only_after_they_move(void **state)
{
        (void)state;
        long long world = db_int("SELECT id FROM sections WHERE path = '%s'", "news/world");
        long long region = db_int("SELECT id FROM sections WHERE path = '%s'", "news/region");
        char sid[32], path[64], form[64];
        snprintf(sid, sizeof(sid), "%lld", world);
        long long articles = db_int("SELECT count(*) FROM articles WHERE section_id = %s", sid);
        assert_true(articles > 0);
        snprintf(path, sizeof(path), "/admin/sections/%lld/delete", world);
        struct gz_test_resp r;
        assert_int_equal(post_as(EDITOR, path, "", &r), 409);
        has(&r, "Move them to another section first");
        has(&r, "id=\"s-to\""); /* the form to move them */
        gz_test_resp_free(&r);
        snprintf(path, sizeof(path), "/admin/sections/%lld/move", world);
        snprintf(form, sizeof(form), "to=%lld", region);
        assert_int_equal(post_as(EDITOR, path, form, &r), 303);
        gz_test_resp_free(&r);
        assert_int_equal(db_int("SELECT count(*) FROM articles WHERE section_id = %s", sid), 0);
        snprintf(path, sizeof(path), "/admin/sections/%lld/delete", world);
        assert_int_equal(post_as(EDITOR, path, "", &r), 303);
        gz_test_resp_free(&r);
        assert_int_equal(db_int("SELECT count(*) FROM sections WHERE id = %s", sid), 0);
        assert_int_equal(public_get("/news/world/", &r), 404);
        gz_test_resp_free(&r);
}

static void
reserved_addresses_are_refused_for_sections(void **state)
{
        (void)state;
        static const struct {
                const char *form, *says;
        } tries[] = {
            {"name=Tag", "/tag/ is reserved by the site itself"},
            {"name=Archive+desk&slug=archive", "/archive/ is reserved"},
            {"name=Feeds&slug=sitemaps", "/sitemaps/ is reserved"},
            {"name=API&slug=api", "/api/ is reserved"},
            {"name=2026", "4-digit number"},
            {"name=English&slug=en", "address of the site in English"},
            {"name=About+us&slug=about", "used by the page"},
            {"name=Bad+Address&slug=Bad+Address", "lowercase letters, digits"},
        };
        long long sections = db_int("SELECT count(*) FROM sections%s", "");
        for (size_t i = 0; i < sizeof(tries) / sizeof(tries[0]); i++) {
                struct gz_test_resp r;
                long status = post_as(EDITOR, "/admin/sections", tries[i].form, &r);
                if (status != 422 || !gz_test_contains(r.body, r.len, tries[i].says))
                        fail_msg("%s: %ld, %s", tries[i].form, status,
                                 strstr(r.body, "role=\"alert\"") ? strstr(r.body, "role=\"alert\"")
                                                                  : "(no message)");
                gz_test_resp_free(&r);
        }
        /* What was typed is still in the form. */
        struct gz_test_resp r;
        assert_int_equal(post_as(EDITOR, "/admin/sections", "name=Tag", &r), 422);
        has(&r,
            "id=\"s-name\" name=\"name\" type=\"text\" required maxlength=\"200\" value=\"Tag\"");
        gz_test_resp_free(&r);
        /* Below the top level those names are fine: /news/archive/ is no route. */
        assert_int_equal(post_as(EDITOR, "/admin/sections", "name=Archive&parent=1", &r), 303);
        gz_test_resp_free(&r);
        assert_int_equal(db_int("SELECT count(*) FROM sections%s", ""), sections + 1);
}

/* ---- tags and authors -------------------------------------------------------------------- */

static void
tag_merge_moves_articles_and_redirects_the_old_tag_page(void **state)
{
        (void)state;
        long long from = db_int("SELECT id FROM tags WHERE slug = '%s'", "shipping");
        long long into = db_int("SELECT id FROM tags WHERE slug = '%s'", "harbour");
        char sfrom[32], sinto[32];
        snprintf(sfrom, sizeof(sfrom), "%lld", from);
        snprintf(sinto, sizeof(sinto), "%lld", into);
        long long tagged = db_int("SELECT count(*) FROM article_tags WHERE tag_id = %s", sfrom);
        assert_true(tagged > 0);
        struct gz_test_resp r;
        assert_int_equal(public_get("/tag/shipping/", &r), 200);
        gz_test_resp_free(&r);
        char path[64], form[32];
        snprintf(path, sizeof(path), "/admin/tags/%lld/merge", from);
        snprintf(form, sizeof(form), "into=%lld", into);
        assert_int_equal(post_as(EDITOR, path, form, &r), 303);
        gz_test_resp_free(&r);
        assert_int_equal(db_int("SELECT count(*) FROM tags WHERE id = %s", sfrom), 0);
        assert_int_equal(public_get("/tag/shipping/", &r), 301);
        assert_string_equal(gz_test_header(&r, "Location"), "/tag/harbour/");
        gz_test_resp_free(&r);

        /* A rename moves the address too. */
        snprintf(path, sizeof(path), "/admin/tags/%lld", into);
        assert_int_equal(post_as(EDITOR, path, "name=Port+%26+Harbour&slug=port-and-harbour", &r),
                         303);
        gz_test_resp_free(&r);
        assert_int_equal(public_get("/tag/shipping/", &r), 301);
        assert_string_equal(gz_test_header(&r, "Location"), "/tag/port-and-harbour/");
        gz_test_resp_free(&r);
        assert_int_equal(public_get("/tag/port-and-harbour/", &r), 200);
        has(&r, "Port &amp; Harbour");
        gz_test_resp_free(&r);
        /* Another tag's address is refused. */
        assert_int_equal(post_as(EDITOR, path, "name=Housing&slug=housing", &r), 409);
        has(&r, "merge the two tags instead");
        gz_test_resp_free(&r);
}

static void
author_profiles_are_checked_created_and_deleted_when_unused(void **state)
{
        (void)state;
        struct gz_test_resp r;
        assert_int_equal(post_as(EDITOR, "/admin/authors/new",
                                 "kind=organization&name=Harbour+Board&url=javascript%3Aalert(1)",
                                 &r),
                         422);
        has(&r, "web address: an http:// or https:// address");
        has(&r, "value=\"Harbour Board\"");
        gz_test_resp_free(&r);
        assert_int_equal(post_as(EDITOR, "/admin/authors/new",
                                 "kind=organization&name=Harbour+Board&title=Port+authority&url="
                                 "https%3A%2F%2Fharbour.example.org&bio=Runs+the+port.&photo=1",
                                 &r),
                         303);
        long long id = 0;
        assert_int_equal(sscanf(gz_test_header(&r, "Location"), "/admin/authors/%lld", &id), 1);
        gz_test_resp_free(&r);
        char sid[32];
        snprintf(sid, sizeof(sid), "%lld", id);
        char *kind = db_value("SELECT kind FROM authors WHERE id = %s", sid);
        assert_string_equal(kind, "organization");
        free(kind);
        assert_int_equal(
            post_as(EDITOR, "/admin/authors/new", "kind=person&name=Harbour+Board", &r), 409);
        has(&r, "another author has /author/harbour-board/");
        gz_test_resp_free(&r);
        char path[64];
        snprintf(path, sizeof(path), "/admin/authors/%lld/delete", id);
        assert_int_equal(post_as(EDITOR, path, "", &r), 303);
        gz_test_resp_free(&r);
        assert_int_equal(db_int("SELECT count(*) FROM authors WHERE id = %s", sid), 0);
        /* One that signs articles stays. */
        assert_int_equal(post_as(EDITOR, "/admin/authors/1/delete", "", &r), 409);
        has(&r, "signed by this author");
        gz_test_resp_free(&r);
}

/* ---- users, settings, the audit log ---------------------------------------------------------- */

static void
admin_cannot_disable_or_demote_themselves(void **state)
{
        (void)state;
        long long me = db_int("SELECT id FROM users WHERE email = '%s'", "admin@example.org");
        char path[64];
        struct gz_test_resp r;
        snprintf(path, sizeof(path), "/admin/users/%lld/disable", me);
        assert_int_equal(post_as(ADMIN, path, "", &r), 422);
        has(&r, "You cannot disable your own account");
        gz_test_resp_free(&r);
        snprintf(path, sizeof(path), "/admin/users/%lld", me);
        assert_int_equal(post_as(ADMIN, path, "name=Test+admin&role=editor", &r), 422);
        has(&r, "the site would lose its last admin");
        gz_test_resp_free(&r);
        char *role =
            db_value("SELECT role || disabled FROM users WHERE email = '%s'", "admin@example.org");
        assert_string_equal(role, "admin0");
        free(role);
        /* Still signed in and still an admin. */
        assert_int_equal(get_as(ADMIN, "/admin/users", &r), 200);
        gz_test_resp_free(&r);
}

static void
accounts_are_created_changed_disabled_and_logged(void **state)
{
        (void)state;
        struct gz_test_resp r;
        assert_int_equal(post_as(ADMIN, "/admin/users",
                                 "email=new.writer%40example.org&name=New+Writer&role=contributor&"
                                 "password=short",
                                 &r),
                         422);
        has(&r, "value=\"new.writer@example.org\"");
        gz_test_resp_free(&r);
        assert_int_equal(post_as(ADMIN, "/admin/users",
                                 "email=new.writer%40example.org&name=New+Writer&role=contributor&"
                                 "password=a+long+enough+first+password",
                                 &r),
                         303);
        long long id = 0;
        assert_int_equal(sscanf(gz_test_header(&r, "Location"), "/admin/users/%lld", &id), 1);
        gz_test_resp_free(&r);
        char path[64];
        snprintf(path, sizeof(path), "/admin/users/%lld", id);
        assert_int_equal(post_as(ADMIN, path, "name=New+Writer&role=author&author=2", &r), 303);
        gz_test_resp_free(&r);
        char sid[32];
        snprintf(sid, sizeof(sid), "%lld", id);
        char *row = db_value("SELECT role || ':' || author_id FROM users WHERE id = %s", sid);
        assert_string_equal(row, "author:2");
        free(row);
        /* Disabling ends the contributor's session at once. */
        long long contributor =
            db_int("SELECT id FROM users WHERE email = '%s'", "contributor@example.org");
        snprintf(path, sizeof(path), "/admin/users/%lld/disable", contributor);
        assert_int_equal(post_as(ADMIN, path, "", &r), 303);
        gz_test_resp_free(&r);
        assert_int_equal(get_as(CONTRIBUTOR, "/admin/", &r), 303);
        assert_string_equal(gz_test_header(&r, "Location"), "/admin/login");
        gz_test_resp_free(&r);
        snprintf(path, sizeof(path), "/admin/users/%lld/enable", contributor);
        assert_int_equal(post_as(ADMIN, path, "", &r), 303);
        gz_test_resp_free(&r);
        sign_in(CONTRIBUTOR);
        assert_int_equal(get_as(CONTRIBUTOR, "/admin/", &r), 200);
        gz_test_resp_free(&r);
}

static void
settings_are_validated_field_by_field_and_saved_together(void **state)
{
        (void)state;
        char *tagline = db_value("SELECT value FROM settings WHERE key = '%s'", "tagline");
        struct gz_test_resp r;
        assert_int_equal(post_as(ADMIN, "/admin/settings",
                                 "name=The+Northgate+Courier&tagline=A+new+tagline&timezone="
                                 "Mars%2FOlympus_Mons&per_page=20&language=en",
                                 &r),
                         422);
        has(&r, "Nothing was saved");
        has(&r,
            "<p class=\"field-error\" id=\"err-timezone\">Time zone: &quot;Mars/Olympus_Mons&quot; "
            "is not a time zone name");
        has(&r, "aria-describedby=\"err-timezone\"");
        has(&r, "value=\"A new tagline\""); /* kept for the next try */
        lacks(&r, "id=\"err-tagline\"");
        gz_test_resp_free(&r);
        char *still = db_value("SELECT value FROM settings WHERE key = '%s'", "tagline");
        assert_string_equal(still ? still : "", tagline ? tagline : "");
        free(still);
        free(tagline);

        assert_int_equal(post_as(ADMIN, "/admin/settings",
                                 "name=The+Northgate+Courier&tagline=A+new+tagline&timezone="
                                 "Europe%2FLondon&per_page=12&language=en&base_url=http%3A%2F%2F"
                                 "127.0.0.1%3A8080",
                                 &r),
                         303);
        assert_string_equal(gz_test_header(&r, "Location"), "/admin/settings?done=saved");
        gz_test_resp_free(&r);
        char *tz = db_value("SELECT value FROM settings WHERE key = '%s'", "timezone");
        assert_string_equal(tz, "Europe/London");
        free(tz);
        char *detail = db_value("SELECT detail FROM audit_log WHERE action = '%s' ORDER BY id "
                                "DESC LIMIT 1",
                                "settings");
        assert_non_null(detail);
        assert_non_null(strstr(detail, "tagline"));
        assert_non_null(strstr(detail, "timezone"));
        assert_non_null(strstr(detail, "per_page"));
        free(detail);
        /* The public site shows the new tagline (the cache was dropped). */
        assert_int_equal(public_get("/", &r), 200);
        has(&r, "A new tagline");
        gz_test_resp_free(&r);
}

static void
audit_log_lists_sign_ins_and_role_changes(void **state)
{
        (void)state;
        struct gz_test_resp r;
        assert_int_equal(get_as(ADMIN, "/admin/audit", &r), 200);
        has(&r, "<code>login</code>");
        has(&r, "<code>role-change</code>");
        has(&r, "new.writer@example.org");
        has(&r, "<code>user-disable</code>");
        has(&r, "<code>settings</code>");
        has(&r, "127.0.0.1");
        has(&r, "Test admin");
        gz_test_resp_free(&r);
}

int
main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(every_cell_of_the_roles_table_is_enforced_by_the_server),
            cmocka_unit_test(uploaded_jpeg_keeps_no_gps_exif_or_xmp_in_any_file),
            cmocka_unit_test(text_file_named_jpg_is_refused_with_415),
            cmocka_unit_test(type_comes_from_the_content_not_the_name),
            cmocka_unit_test(upload_over_the_size_limit_is_refused_with_413),
            cmocka_unit_test(library_search_finds_images_by_alt_text),
            cmocka_unit_test(caption_change_reaches_the_published_article),
            cmocka_unit_test(unused_image_is_deleted_with_its_files),
            cmocka_unit_test(section_rename_moves_its_children_and_redirects_old_addresses),
            cmocka_unit_test(section_with_articles_is_deleted_only_after_they_move),
            cmocka_unit_test(reserved_addresses_are_refused_for_sections),
            cmocka_unit_test(tag_merge_moves_articles_and_redirects_the_old_tag_page),
            cmocka_unit_test(author_profiles_are_checked_created_and_deleted_when_unused),
            cmocka_unit_test(admin_cannot_disable_or_demote_themselves),
            cmocka_unit_test(accounts_are_created_changed_disabled_and_logged),
            cmocka_unit_test(settings_are_validated_field_by_field_and_saved_together),
            cmocka_unit_test(audit_log_lists_sign_ins_and_role_changes),
        };
        return cmocka_run_group_tests(tests, start, stop);
}
