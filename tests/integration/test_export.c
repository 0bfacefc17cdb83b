/* gazette export, run for real on the demo newsroom: every file holds the
 * bytes the server sends for its address (and its .gz and .br decode to
 * them), a second run rewrites only what changed, and files of addresses
 * that are gone are removed. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <brotli/decode.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <zlib.h>

#include "content/content.h"
#include "core/core.h"
#include "lib/harness.h"
#include "store/store.h"

static struct gz_test_server server;
static char site_dir[512];
static char out_dir[600];

static char *
read_all(const char *path, size_t *len)
{
        char *data = NULL;
        if (gz_file_read(path, 64u << 20, &data, len, NULL) != GZ_OK)
                return NULL;
        return data;
}

/* The number before a word of the summary line ("3 written,"). */
static long
count_of(const char *output, const char *word)
{
        const char *at = strstr(output, word);
        assert_non_null(at);
        while (at > output && at[-1] == ' ')
                at--;
        while (at > output && at[-1] >= '0' && at[-1] <= '9')
                at--;
        return strtol(at, NULL, 10);
}

static int
run_export(char **output)
{
        char cmd[2048];
        snprintf(cmd, sizeof(cmd), "'%s' export '%s' '%s' 2>&1", gz_test_bin(), site_dir, out_dir);
        return gz_test_run(cmd, output);
}

/* "news/index.html" -> "/news/", "news/page/2/index.html" -> "/news/?page=2". */
static char *
address_of(const char *file)
{
        char *out = malloc(strlen(file) + 16);
        size_t n = strlen(file);
        const char *index = "index.html";
        if (n >= strlen(index) && strcmp(file + n - strlen(index), index) == 0) {
                size_t base = n - strlen(index);
                const char *page = NULL;
                for (const char *p = file; (p = strstr(p, "page/")) != NULL; p++)
                        if ((p == file || p[-1] == '/') && p < file + base)
                                page = p;
                if (page != NULL) {
                        sprintf(out, "/%.*s?page=%.*s", (int)(page - file), file,
                                (int)(file + base - 1 - (page + 5)), page + 5);
                        return out;
                }
                sprintf(out, "/%.*s", (int)base, file);
                return out;
        }
        sprintf(out, "/%s", file);
        return out;
}

/* The manifest's files: "<hash> <file>" lines after the first. */
static char **
manifest_files(size_t *count)
{
        char path[700];
        snprintf(path, sizeof(path), "%s/.gazette-export", out_dir);
        size_t len;
        char *data = read_all(path, &len);
        assert_non_null(data);
        assert_true(strncmp(data, "gazette-export 1\n", 17) == 0);
        char **files = NULL;
        size_t n = 0;
        for (char *line = strchr(data, '\n') + 1; *line;) {
                char *nl = strchr(line, '\n');
                *nl = '\0';
                files = realloc(files, (n + 1) * sizeof(*files));
                files[n++] = strdup(strchr(line, ' ') + 1);
                line = nl + 1;
        }
        free(data);
        *count = n;
        return files;
}

static void
free_files(char **files, size_t n)
{
        for (size_t i = 0; i < n; i++)
                free(files[i]);
        free(files);
}

static void
check_gzip(const char *path, const char *body, size_t len)
{
        size_t packed_len;
        char *packed = read_all(path, &packed_len);
        assert_non_null(packed);
        char *plain = malloc(len + 1);
        z_stream z = {0};
        assert_int_equal(inflateInit2(&z, 15 + 16), Z_OK);
        z.next_in = (Bytef *)packed;
        z.avail_in = (uInt)packed_len;
        z.next_out = (Bytef *)plain;
        z.avail_out = (uInt)len + 1;
        assert_int_equal(inflate(&z, Z_FINISH), Z_STREAM_END);
        assert_int_equal(z.total_out, len);
        inflateEnd(&z);
        assert_memory_equal(plain, body, len);
        free(plain);
        free(packed);
}

static void
check_brotli(const char *path, const char *body, size_t len)
{
        size_t packed_len;
        char *packed = read_all(path, &packed_len);
        assert_non_null(packed);
        char *plain = malloc(len + 1);
        size_t plain_len = len + 1;
        assert_int_equal(BrotliDecoderDecompress(packed_len, (const uint8_t *)packed, &plain_len,
                                                 (uint8_t *)plain),
                         BROTLI_DECODER_RESULT_SUCCESS);
        assert_int_equal(plain_len, len);
        assert_memory_equal(plain, body, len);
        free(plain);
        free(packed);
}

/* A feed without entries dates itself by the request time (src/site/feeds.c:
 * "if (f.updated == 0) f.updated = p->req->now"), so two renders a second
 * apart differ there and nowhere else. */
static bool
entryless_feed(const char *body, size_t len)
{
        bool xml = len > 5 && memcmp(body, "<?xml", 5) == 0;
        bool json = len > 0 && body[0] == '{';
        if (xml)
                return (gz_test_contains(body, len, "<feed") &&
                        !gz_test_contains(body, len, "<entry>")) ||
                       (gz_test_contains(body, len, "<rss") &&
                        !gz_test_contains(body, len, "<item>"));
        return json && (gz_test_contains(body, len, "\"items\":[]") ||
                        gz_test_contains(body, len, "\"items\": []"));
}

/* Blanks the value of the first element named tag ("<updated>"). */
static void
blank_first(char *body, size_t len, const char *open, const char *close)
{
        char *at = memmem(body, len, open, strlen(open));
        if (at == NULL)
                return;
        at += strlen(open);
        char *end = memmem(at, len - (size_t)(at - body), close, strlen(close));
        if (end != NULL)
                memset(at, '-', (size_t)(end - at));
}

static void
normalize_feed_date(char *body, size_t len)
{
        if (!entryless_feed(body, len))
                return;
        blank_first(body, len, "<updated>", "</updated>");
        blank_first(body, len, "<lastBuildDate>", "</lastBuildDate>");
}

static size_t
count_entryless_feeds(void)
{
        size_t n, count = 0;
        char **files = manifest_files(&n);
        for (size_t i = 0; i < n; i++) {
                char path[2048];
                snprintf(path, sizeof(path), "%s/%s", out_dir, files[i]);
                size_t len;
                char *body = read_all(path, &len);
                if (body != NULL && entryless_feed(body, len))
                        count++;
                free(body);
        }
        free_files(files, n);
        return count;
}

static void
every_file_is_the_servers_body(void **state)
{
        (void)state;
        size_t n;
        char **files = manifest_files(&n);
        assert_true(n > 100);
        size_t pages = 0, paged = 0, assets = 0, media = 0, variants = 0;
        for (size_t i = 0; i < n; i++) {
                char *address = address_of(files[i]);
                struct gz_test_resp r;
                assert_int_equal(gz_test_get(&server, address, &r), 0);
                if (r.status != 200)
                        fprintf(stderr, "%s (%s): %ld\n", address, files[i], r.status);
                assert_int_equal(r.status, 200);
                char path[2048];
                snprintf(path, sizeof(path), "%s/%s", out_dir, files[i]);
                size_t len;
                char *body = read_all(path, &len);
                assert_non_null(body);
                normalize_feed_date(body, len);
                normalize_feed_date(r.body, r.len);
                if (len != r.len || memcmp(body, r.body, len) != 0)
                        fprintf(stderr, "%s differs from %s\n", files[i], address);
                assert_int_equal(len, r.len);
                assert_memory_equal(body, r.body, len);
                free(body);
                snprintf(path, sizeof(path), "%s/%s", out_dir, files[i]);
                body = read_all(path, &len);
                snprintf(path, sizeof(path), "%s/%s.gz", out_dir, files[i]);
                if (gz_path_exists(path)) {
                        check_gzip(path, body, len);
                        snprintf(path, sizeof(path), "%s/%s.br", out_dir, files[i]);
                        check_brotli(path, body, len);
                        variants++;
                }
                pages += strstr(files[i], "index.html") != NULL;
                paged += strstr(address, "?page=") != NULL;
                assets += strncmp(files[i], "assets/", 7) == 0;
                media += strncmp(files[i], "media/", 6) == 0;
                free(body);
                free(address);
                gz_test_resp_free(&r);
        }
        /* Every kind of address is there. */
        assert_true(pages > 50);
        assert_true(paged > 0);
        assert_true(assets >= 2);
        assert_true(media > 10);
        assert_true(variants >= pages);
        free_files(files, n);
        char path[700];
        snprintf(path, sizeof(path), "%s/index.html.br", out_dir);
        assert_true(gz_path_exists(path));
        snprintf(path, sizeof(path), "%s/about/index.html", out_dir);
        assert_true(gz_path_exists(path));
}

static ino_t
inode(const char *file)
{
        char path[1024];
        snprintf(path, sizeof(path), "%s/%s", out_dir, file);
        struct stat st;
        return stat(path, &st) == 0 ? st.st_ino : 0;
}

/* The newest published article of the demo, with its file. */
static struct gz_article *
newest_article(struct gz_store *store, struct gz_arena *a, char **file)
{
        struct gz_article_query q = {
            .lang = "en", .status = GZ_STATUS_PUBLISHED, .kind = GZ_KIND_NEWS, .limit = 1};
        struct gz_article *list;
        size_t n = 0;
        assert_int_equal(gz_store_articles(store, a, &q, &list, &n, NULL, NULL), GZ_OK);
        assert_int_equal(n, 1);
        struct gz_article *ar;
        assert_int_equal(gz_store_article_get(store, a, list[0].id, NULL, NULL, &ar, NULL), GZ_OK);
        *file = gz_arena_printf(a, "%sindex.html", gz_article_path(a, ar, "en", "UTC") + 1);
        return ar;
}

static struct gz_store *
open_store(void)
{
        char path[700];
        snprintf(path, sizeof(path), "%s/gazette.db", site_dir);
        struct gz_store *store;
        struct gz_error err;
        assert_int_equal(gz_store_open(path, 0, &store, &err), GZ_OK);
        return store;
}

static void
second_run_rewrites_only_what_changed(void **state)
{
        (void)state;
        char *output = NULL;
        /* Nothing changed: nothing is written (but entry-less feeds, whose
         * date is the time of the request). */
        size_t dated = count_entryless_feeds();
        assert_int_equal(run_export(&output), 0);
        assert_true((size_t)count_of(output, " written,") <= dated);
        free(output);

        struct gz_arena *a = gz_arena_new(4096);
        struct gz_store *store = open_store();
        char *file;
        struct gz_article *ar = newest_article(store, a, &file);
        ino_t article_before = inode(file);
        ino_t about_before = inode("about/index.html");
        ino_t css_before = 0;
        size_t n;
        char **files = manifest_files(&n);
        char *css = NULL;
        for (size_t i = 0; i < n; i++)
                if (strncmp(files[i], "assets/style.", 13) == 0)
                        css = strdup(files[i]);
        free_files(files, n);
        assert_non_null(css);
        css_before = inode(css);
        assert_true(article_before != 0 && about_before != 0);

        /* A new subtitle shows on the article's page (and its new date of
         * change in feeds and sitemaps). */
        struct gz_content content = {.store = store, .site_dir = site_dir};
        struct gz_article_input in = {.id = ar->id,
                                      .version = ar->version,
                                      .subtitle = "A subtitle written by the export test"};
        int64_t id, version;
        struct gz_error err;
        assert_int_equal(
            gz_article_save(&content, &in, GZ_ACTION_SAVE, 0, NULL, &id, &version, &err), GZ_OK);
        assert_int_equal(run_export(&output), 0);
        /* The article's page and the feeds, sitemaps and archives that show
         * its date of change: not the whole site. */
        long written = count_of(output, " written,");
        assert_true(written >= 1 && (size_t)written < n / 4 + dated);
        free(output);
        assert_true(inode(file) != article_before);
        assert_int_equal(inode("about/index.html"), about_before);
        assert_int_equal(inode(css), css_before);
        char path[1024];
        snprintf(path, sizeof(path), "%s/%s", out_dir, file);
        size_t len;
        char *body = read_all(path, &len);
        assert_true(gz_test_contains(body, len, "A subtitle written by the export test"));
        free(body);
        free(css);
        gz_store_close(store);
        gz_arena_free(a);
}

static void
vanished_addresses_are_removed(void **state)
{
        (void)state;
        struct gz_arena *a = gz_arena_new(4096);
        struct gz_store *store = open_store();
        char *file;
        struct gz_article *ar = newest_article(store, a, &file);
        char path[1024];
        snprintf(path, sizeof(path), "%s/%s", out_dir, file);
        assert_true(gz_path_exists(path));
        struct gz_content content = {.store = store, .site_dir = site_dir};
        struct gz_article_input in = {.id = ar->id, .version = ar->version};
        int64_t id, version;
        struct gz_error err;
        assert_int_equal(
            gz_article_save(&content, &in, GZ_ACTION_UNPUBLISH, 0, NULL, &id, &version, &err),
            GZ_OK);
        char *output = NULL;
        assert_int_equal(run_export(&output), 0);
        assert_true(count_of(output, " removed,") >= 1);
        free(output);
        assert_false(gz_path_exists(path));
        strcat(path, ".gz");
        assert_false(gz_path_exists(path));
        /* Its folder went with it. */
        char *slash = strrchr(path, '/');
        *slash = '\0';
        assert_false(gz_path_exists(path));
        size_t n;
        char **files = manifest_files(&n);
        for (size_t i = 0; i < n; i++)
                assert_string_not_equal(files[i], file);
        free_files(files, n);
        gz_store_close(store);
        gz_arena_free(a);
}

static void
export_help_and_errors(void **state)
{
        (void)state;
        char cmd[1024], *out = NULL;
        snprintf(cmd, sizeof(cmd), "'%s' export --help", gz_test_bin());
        assert_int_equal(gz_test_run(cmd, &out), 0);
        assert_non_null(strstr(out, "Usage: gazette export [DIR] OUTDIR"));
        free(out);
        snprintf(cmd, sizeof(cmd), "'%s' export 2>&1", gz_test_bin());
        assert_int_equal(gz_test_run(cmd, &out), 1);
        assert_non_null(strstr(out, "OUTDIR"));
        free(out);
        snprintf(cmd, sizeof(cmd), "'%s' export /nonexistent-site '%s/x' 2>&1", gz_test_bin(),
                 out_dir);
        assert_int_equal(gz_test_run(cmd, &out), 1);
        assert_non_null(strstr(out, "no site in /nonexistent-site"));
        free(out);
}

static int
setup(void **state)
{
        (void)state;
        gz_test_demo_site(site_dir, sizeof(site_dir));
        snprintf(out_dir, sizeof(out_dir), "%s/export", site_dir);
        /* Short lists, so sections, tags and authors have ?page=N pages. */
        char cmd[1024];
        snprintf(cmd, sizeof(cmd), "'%s' settings '%s' per_page 4", gz_test_bin(), site_dir);
        if (gz_test_run(cmd, NULL) != 0)
                return -1;
        gz_test_server_start(&server, site_dir, NULL);
        char *output = NULL;
        int rc = run_export(&output);
        if (rc != 0)
                fprintf(stderr, "gazette export: %s\n", output ? output : "");
        free(output);
        return rc == 0 ? 0 : -1;
}

static int
teardown(void **state)
{
        (void)state;
        int rc = gz_test_server_stop(&server);
        gz_test_rmtree(site_dir);
        return rc == 0 ? 0 : -1;
}

int
main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(every_file_is_the_servers_body),
            cmocka_unit_test(second_run_rewrites_only_what_changed),
            cmocka_unit_test(vanished_addresses_are_removed),
            cmocka_unit_test(export_help_and_errors),
        };
        return cmocka_run_group_tests_name("export", tests, setup, teardown);
}
