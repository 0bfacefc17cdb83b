/* gazette backup and gazette restore against a live site: backups taken
 * while the server serves and a writer keeps publishing (gz_article_save in
 * a thread of this program) restore to consistent sites; a backup of the
 * site restored into a new folder serves byte-identical pages; a restore
 * never overwrites a site; damaged, truncated, foreign and hostile files
 * give a clear error and write nothing. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <dirent.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "content/content.h"
#include "lib/harness.h"
#include "store/store.h"

#define DURING_WRITES 3

static char site_dir[512];
static char work_dir[512]; /* backups and restored sites */
static struct gz_test_server server;
static char quiet_backup[1024];
/* A second server (a restored site) still running when a test fails is
 * stopped by the teardown. */
static struct gz_test_server *second;

static atomic_int saved;
static atomic_bool stop_writer;
static char writer_error[512];

/* ---- the writer ------------------------------------------------------------ */

static void *
writer_main(void *arg)
{
        (void)arg;
        char db[600];
        snprintf(db, sizeof(db), "%s/gazette.db", site_dir);
        struct gz_store *store;
        struct gz_error err;
        if (gz_store_open(db, 0, &store, &err) != GZ_OK) {
                snprintf(writer_error, sizeof(writer_error), "%s", err.msg);
                return NULL;
        }
        struct gz_content content = {.store = store, .site_dir = site_dir};
        while (!atomic_load(&stop_writer)) {
                int n = atomic_load(&saved) + 1;
                char title[64], body[256];
                snprintf(title, sizeof(title), "Concurrent report %04d", n);
                snprintf(body, sizeof(body),
                         "Report number %d, saved while a backup may be running.\n\nA second "
                         "paragraph, so the body has some length.",
                         n);
                struct gz_article_input in = {.kind = "news",
                                              .lang = "en",
                                              .title = title,
                                              .body_md = body,
                                              .section_path = "news"};
                int64_t id, version;
                if (gz_article_save(&content, &in, GZ_ACTION_PUBLISH, 0, NULL, &id, &version,
                                    &err) != GZ_OK) {
                        snprintf(writer_error, sizeof(writer_error), "%s", err.msg);
                        break;
                }
                atomic_store(&saved, n);
                usleep(5 * 1000);
        }
        gz_store_close(store);
        return NULL;
}

/* ---- helpers ----------------------------------------------------------------- */

static int run(char **out, const char *fmt, ...) GZ_PRINTF(2, 3);

static int
run(char **out, const char *fmt, ...)
{
        char cmd[4096];
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(cmd, sizeof(cmd), fmt, ap);
        va_end(ap);
        return gz_test_run(cmd, out);
}

/* The numbers of the writer's articles in a site, sorted; returns the count. */
static size_t
concurrent_articles(const char *dir, int *numbers, size_t max, char paths[][256])
{
        char db[1024];
        snprintf(db, sizeof(db), "%s/gazette.db", dir);
        struct gz_store *store;
        struct gz_error err;
        assert_int_equal(gz_store_open(db, GZ_STORE_READONLY, &store, &err), GZ_OK);
        struct gz_arena *a = gz_arena_new(64 * 1024);
        struct gz_article_query q = {
            .status = -1, .kind = -1, .title_contains = "Concurrent report", .limit = max};
        struct gz_article *list;
        size_t count = 0;
        assert_int_equal(gz_store_articles(store, a, &q, &list, &count, NULL, &err), GZ_OK);
        for (size_t i = 0; i < count; i++) {
                numbers[i] = atoi(list[i].title + strlen("Concurrent report "));
                if (paths != NULL)
                        snprintf(paths[i], 256, "%s", gz_article_path(a, &list[i], "en", "UTC"));
        }
        gz_arena_free(a);
        gz_store_close(store);
        /* Newest first from the store: sort for the prefix check. */
        for (size_t i = 1; i < count; i++)
                for (size_t j = i; j > 0 && numbers[j - 1] > numbers[j]; j--) {
                        int t = numbers[j];
                        numbers[j] = numbers[j - 1];
                        numbers[j - 1] = t;
                        if (paths != NULL) {
                                char p[256];
                                memcpy(p, paths[j], sizeof(p));
                                memcpy(paths[j], paths[j - 1], sizeof(p));
                                memcpy(paths[j - 1], p, sizeof(p));
                        }
                }
        return count;
}

static bool
exists(const char *path)
{
        struct stat st;
        return lstat(path, &st) == 0;
}

/* No "NAME.restoring-*" folder is left beside NAME. */
static bool
no_leftovers(const char *dir, const char *name)
{
        DIR *d = opendir(dir);
        assert_non_null(d);
        struct dirent *ent;
        bool clean = true;
        size_t n = strlen(name);
        while ((ent = readdir(d)) != NULL)
                if (strncmp(ent->d_name, name, n) == 0 && strstr(ent->d_name, ".restoring-"))
                        clean = false;
        closedir(d);
        return clean;
}

/* ---- the tests ---------------------------------------------------------------- */

static void
backups_taken_while_editors_publish_restore_consistent_sites(void **state)
{
        (void)state;
        pthread_t writer;
        assert_int_equal(pthread_create(&writer, NULL, writer_main, NULL), 0);
        while (atomic_load(&saved) < 5 && writer_error[0] == '\0')
                usleep(10 * 1000);
        int before[DURING_WRITES], after[DURING_WRITES];
        for (int i = 0; i < DURING_WRITES; i++) {
                char *out;
                before[i] = atomic_load(&saved);
                int rc = run(&out, "'%s' backup '%s' '%s/during-%d.tar.gz' 2>&1", gz_test_bin(),
                             site_dir, work_dir, i);
                after[i] = atomic_load(&saved);
                printf("# backup %d while the writer had saved %d..%d articles: %s", i, before[i],
                       after[i], out);
                assert_int_equal(rc, 0);
                free(out);
                /* The site answers meanwhile. */
                struct gz_test_resp r;
                assert_int_equal(gz_test_get(&server, "/", &r), 0);
                assert_int_equal(r.status, 200);
                gz_test_resp_free(&r);
                usleep(100 * 1000);
        }
        atomic_store(&stop_writer, true);
        pthread_join(writer, NULL);
        if (writer_error[0])
                printf("# writer: %s\n", writer_error);
        assert_string_equal(writer_error, "");
        printf("# the writer saved %d articles in all\n", atomic_load(&saved));

        for (int i = 0; i < DURING_WRITES; i++) {
                char restored[700], *out;
                snprintf(restored, sizeof(restored), "%s/during-%d", work_dir, i);
                assert_int_equal(run(&out, "'%s' restore '%s/during-%d.tar.gz' '%s' 2>&1",
                                     gz_test_bin(), work_dir, i, restored),
                                 0);
                free(out);
                assert_int_equal(
                    run(NULL, "'%s' check '%s' >/dev/null 2>&1", gz_test_bin(), restored), 0);
                /* A snapshot of one moment: the writer's first k articles, no
                 * gap, no half-saved one, k within what was saved around it. */
                static int numbers[20000];
                static char paths[20000][256];
                size_t k = concurrent_articles(restored, numbers, 20000, paths);
                printf("# restored backup %d holds articles 1..%zu\n", i, k);
                assert_true((int)k >= before[i] && (int)k <= after[i]);
                for (size_t j = 0; j < k; j++)
                        assert_int_equal(numbers[j], (int)j + 1);
                /* Served, each of them is whole. */
                static struct gz_test_server restored_server;
                gz_test_server_start(&restored_server, restored, "--access-log off");
                second = &restored_server;
                size_t step = k > 20 ? k / 20 : 1;
                for (size_t j = 0; j < k; j += step) {
                        struct gz_test_resp r;
                        assert_int_equal(gz_test_get(&restored_server, paths[j], &r), 0);
                        assert_int_equal(r.status, 200);
                        char title[64];
                        snprintf(title, sizeof(title), "Concurrent report %04d", numbers[j]);
                        assert_non_null(strstr(r.body, title));
                        gz_test_resp_free(&r);
                }
                second = NULL;
                assert_int_equal(gz_test_server_stop(&restored_server), 0);
        }
}

/* ---- byte-identical pages ----------------------------------------------------- */

#define MAX_URLS 600

static char *urls[MAX_URLS];
static size_t url_count;

static void
add_url(const char *p, size_t n)
{
        if (n == 0 || n > 1000 || p[0] != '/' || (n > 1 && p[1] == '/') || url_count == MAX_URLS)
                return;
        for (size_t i = 0; i < url_count; i++)
                if (strlen(urls[i]) == n && memcmp(urls[i], p, n) == 0)
                        return;
        /* Entities in attributes (&amp;) are left as they are: both sides
         * see the same address. */
        urls[url_count] = strndup(p, n);
        url_count++;
}

static void
find_links(const char *body, size_t len)
{
        static const char *const attrs[] = {"href=\"", "src=\""};
        for (size_t k = 0; k < 2; k++) {
                const char *end = body + len;
                for (const char *p = body;
                     (p = memmem(p, (size_t)(end - p), attrs[k], strlen(attrs[k]))) != NULL;) {
                        p += strlen(attrs[k]);
                        const char *q = memchr(p, '"', (size_t)(end - p));
                        if (q == NULL)
                                break;
                        add_url(p, (size_t)(q - p));
                        p = q;
                }
        }
}

static void
a_restored_site_serves_byte_identical_pages(void **state)
{
        (void)state;
        /* The writer has stopped; the server still runs. */
        char *out;
        snprintf(quiet_backup, sizeof(quiet_backup), "%s/quiet.tar.gz", work_dir);
        assert_int_equal(
            run(&out, "'%s' backup '%s' '%s' 2>&1", gz_test_bin(), site_dir, quiet_backup), 0);
        printf("# %s", out);
        free(out);
        char restored[700];
        snprintf(restored, sizeof(restored), "%s/restored", work_dir);
        assert_int_equal(
            run(&out, "'%s' restore '%s' '%s' 2>&1", gz_test_bin(), quiet_backup, restored), 0);
        printf("# %s", out);
        free(out);
        /* The files themselves, byte for byte. */
        assert_int_equal(run(&out, "diff -r '%s/media' '%s/media' 2>&1", site_dir, restored), 0);
        free(out);

        static struct gz_test_server copy;
        gz_test_server_start(&copy, restored, "--access-log off --cache-size 0");
        second = &copy;
        add_url("/", 1);
        size_t compared = 0, bytes = 0;
        for (size_t i = 0; i < url_count; i++) {
                struct gz_test_resp a, b;
                assert_int_equal(gz_test_get(&server, urls[i], &a), 0);
                assert_int_equal(gz_test_get(&copy, urls[i], &b), 0);
                if (a.status != b.status || a.len != b.len || memcmp(a.body, b.body, a.len) != 0)
                        printf("# %s differs: %ld %zu bytes, restored %ld %zu bytes\n", urls[i],
                               a.status, a.len, b.status, b.len);
                assert_int_equal(a.status, b.status);
                assert_int_equal(a.len, b.len);
                assert_memory_equal(a.body, b.body, a.len);
                char type_a[256] = "", etag_a[256] = "";
                const char *h = gz_test_header(&a, "Content-Type");
                snprintf(type_a, sizeof(type_a), "%s", h ? h : "");
                h = gz_test_header(&a, "ETag");
                snprintf(etag_a, sizeof(etag_a), "%s", h ? h : "");
                h = gz_test_header(&b, "Content-Type");
                assert_string_equal(type_a, h ? h : "");
                h = gz_test_header(&b, "ETag");
                assert_string_equal(etag_a, h ? h : "");
                const char *type = gz_test_header(&a, "Content-Type");
                if (a.status == 200 && type && strncmp(type, "text/html", 9) == 0)
                        find_links(a.body, a.len);
                compared++;
                bytes += a.len;
                gz_test_resp_free(&a);
                gz_test_resp_free(&b);
        }
        printf("# %zu addresses (pages, assets, media) compared byte for byte, %zu bytes\n",
               compared, bytes);
        assert_true(compared >= 50);
        second = NULL;
        assert_int_equal(gz_test_server_stop(&copy), 0);
        for (size_t i = 0; i < url_count; i++)
                free(urls[i]);
        url_count = 0;

        /* Through pipes, as for an encrypted or remote copy. */
        snprintf(restored, sizeof(restored), "%s/piped", work_dir);
        assert_int_equal(run(&out, "'%s' backup '%s' - 2>/dev/null | '%s' restore - '%s' 2>&1",
                             gz_test_bin(), site_dir, gz_test_bin(), restored),
                         0);
        free(out);
        assert_int_equal(run(NULL, "diff -r '%s/media' '%s/media'", site_dir, restored), 0);
}

static void
restore_never_overwrites_a_site(void **state)
{
        (void)state;
        assert_true(quiet_backup[0] != '\0');
        char *before, *after, *out;
        assert_int_equal(run(&before, "sha256sum '%s/gazette.db'", site_dir), 0);
        assert_int_equal(
            run(&out, "'%s' restore '%s' '%s' 2>&1", gz_test_bin(), quiet_backup, site_dir), 1);
        assert_non_null(strstr(out, "already exists"));
        free(out);
        assert_int_equal(run(&after, "sha256sum '%s/gazette.db'", site_dir), 0);
        assert_string_equal(before, after);
        free(before);
        free(after);
        /* Nor a folder with anything in it. */
        char busy[700];
        snprintf(busy, sizeof(busy), "%s/busy", work_dir);
        assert_int_equal(run(NULL, "mkdir '%s' && touch '%s/notes.txt'", busy, busy), 0);
        assert_int_equal(
            run(&out, "'%s' restore '%s' '%s' 2>&1", gz_test_bin(), quiet_backup, busy), 1);
        assert_non_null(strstr(out, "already exists"));
        free(out);
        assert_int_equal(run(NULL, "test \"$(ls '%s')\" = notes.txt", busy), 0);
        assert_true(no_leftovers(work_dir, "busy"));
}

/* Restores FILE into a new folder and expects a failure whose message holds
 * want, with nothing written. */
static void
refused(const char *file, const char *label, const char *want)
{
        char target[700], *out;
        snprintf(target, sizeof(target), "%s/never-%s", work_dir, label);
        int rc = run(&out, "'%s' restore '%s' '%s' 2>&1", gz_test_bin(), file, target);
        printf("# %s: %s", label, out);
        assert_int_equal(rc, 1);
        assert_non_null(strstr(out, want));
        assert_int_equal(gz_test_count(out, strlen(out), "\n"), 1);
        free(out);
        assert_false(exists(target));
        char name[64];
        snprintf(name, sizeof(name), "never-%s", label);
        assert_true(no_leftovers(work_dir, name));
}

static void
damaged_and_foreign_files_fail_clearly_and_write_nothing(void **state)
{
        (void)state;
        assert_true(quiet_backup[0] != '\0');
        char path[800];
        struct stat st;
        assert_int_equal(stat(quiet_backup, &st), 0);

        snprintf(path, sizeof(path), "%s/truncated.tar.gz", work_dir);
        assert_int_equal(
            run(NULL, "head -c %lld '%s' > '%s'", (long long)st.st_size / 2, quiet_backup, path),
            0);
        refused(path, "truncated", "damaged or incomplete");

        snprintf(path, sizeof(path), "%s/cut-at-end.tar.gz", work_dir);
        assert_int_equal(
            run(NULL, "head -c %lld '%s' > '%s'", (long long)st.st_size - 100, quiet_backup, path),
            0);
        refused(path, "cut-at-end", "damaged or incomplete");

        snprintf(path, sizeof(path), "%s/flipped.tar.gz", work_dir);
        assert_int_equal(run(NULL,
                             "cp '%s' '%s' && printf '\\377\\000\\377' | dd of='%s' bs=1 "
                             "seek=%lld conv=notrunc 2>/dev/null",
                             quiet_backup, path, path, (long long)st.st_size / 3),
                         0);
        refused(path, "flipped",
                "damaged"); /* by gzip, tar or SHA256SUMS, wherever the flip lands */

        snprintf(path, sizeof(path), "%s/random.bin", work_dir);
        assert_int_equal(run(NULL, "head -c 100000 /dev/urandom > '%s'", path), 0);
        refused(path, "random", "is not a Gazette backup");

        snprintf(path, sizeof(path), "%s/empty.tar.gz", work_dir);
        assert_int_equal(run(NULL, ": > '%s'", path), 0);
        refused(path, "empty", "is not a Gazette backup");

        snprintf(path, sizeof(path), "%s/other.tar.gz", work_dir);
        assert_int_equal(run(NULL, "tar czf '%s' -C '%s' media", path, site_dir), 0);
        refused(path, "other-tar", "is not a Gazette backup");

        refused("/nonexistent/backup.tar.gz", "missing", "no such file");

        /* Hostile archives, made with Python's tarfile: a name that climbs
         * out, a link, and a file whose bytes no longer match SHA256SUMS. */
        static const char script[] =
            "import io, sys, tarfile\n"
            "src, kind, dst = sys.argv[1], sys.argv[2], sys.argv[3]\n"
            "inp = tarfile.open(src, 'r:gz')\n"
            "out = tarfile.open(dst, 'w:gz', format=tarfile.PAX_FORMAT)\n"
            "for m in inp.getmembers():\n"
            "    data = inp.extractfile(m).read() if m.isfile() else None\n"
            "    if m.name == 'SHA256SUMS' and kind == 'climb':\n"
            "        e = tarfile.TarInfo('../escaped.txt'); e.size = 3\n"
            "        out.addfile(e, io.BytesIO(b'bad'))\n"
            "    if m.name == 'SHA256SUMS' and kind == 'link':\n"
            "        e = tarfile.TarInfo('media/passwd'); e.type = tarfile.SYMTYPE\n"
            "        e.linkname = '/etc/passwd'\n"
            "        out.addfile(e)\n"
            "    if kind == 'altered' and m.isfile() and m.name.endswith('.jpg') and "
            "not getattr(out, 'done', False):\n"
            "        data = data[:-1] + bytes([data[-1] ^ 1]); out.done = True\n"
            "    out.addfile(m, io.BytesIO(data) if data is not None else None)\n"
            "out.close()\n";
        char script_path[700];
        snprintf(script_path, sizeof(script_path), "%s/hostile.py", work_dir);
        FILE *f = fopen(script_path, "w");
        assert_non_null(f);
        fputs(script, f);
        fclose(f);
        static const struct {
                const char *kind, *want;
        } hostile[] = {
            {"climb", "a name that is not allowed"},
            {"link", "holds a link"},
            {"altered", "does not match its checksum"},
        };
        for (size_t i = 0; i < sizeof(hostile) / sizeof(hostile[0]); i++) {
                snprintf(path, sizeof(path), "%s/%s.tar.gz", work_dir, hostile[i].kind);
                assert_int_equal(run(NULL, "python3 '%s' '%s' %s '%s'", script_path, quiet_backup,
                                     hostile[i].kind, path),
                                 0);
                refused(path, hostile[i].kind, hostile[i].want);
        }
        snprintf(path, sizeof(path), "%s/escaped.txt", work_dir);
        assert_false(exists(path));
}

static void
backup_refuses_a_folder_and_a_missing_site(void **state)
{
        (void)state;
        char *out;
        assert_int_equal(run(&out, "'%s' backup '%s' '%s' 2>&1", gz_test_bin(), site_dir, work_dir),
                         1);
        assert_non_null(strstr(out, "is a folder"));
        free(out);
        assert_int_equal(
            run(&out, "'%s' backup /nonexistent/site '%s/x.tar.gz' 2>&1", gz_test_bin(), work_dir),
            1);
        assert_non_null(strstr(out, "no site in /nonexistent/site"));
        free(out);
        assert_int_equal(run(&out, "'%s' backup --help", gz_test_bin()), 0);
        assert_non_null(strstr(out, "Usage: gazette backup [DIR] FILE"));
        free(out);
        assert_int_equal(run(&out, "'%s' restore --help", gz_test_bin()), 0);
        assert_non_null(strstr(out, "Usage: gazette restore FILE DIR"));
        free(out);
}

static int
setup(void **state)
{
        (void)state;
        gz_test_demo_site(site_dir, sizeof(site_dir));
        snprintf(work_dir, sizeof(work_dir), "/tmp/gazette-backup-XXXXXX");
        if (mkdtemp(work_dir) == NULL)
                return -1;
        /* No cache: pages must show what the database holds now, written
         * by this program behind the server's back. */
        gz_test_server_start(&server, site_dir, "--access-log off --cache-size 0");
        return 0;
}

static int
teardown(void **state)
{
        (void)state;
        if (second != NULL)
                gz_test_server_stop(second);
        int rc = gz_test_server_stop(&server);
        gz_test_rmtree(site_dir);
        gz_test_rmtree(work_dir);
        return rc == 0 ? 0 : -1;
}

int
main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(backups_taken_while_editors_publish_restore_consistent_sites),
            cmocka_unit_test(a_restored_site_serves_byte_identical_pages),
            cmocka_unit_test(restore_never_overwrites_a_site),
            cmocka_unit_test(damaged_and_foreign_files_fail_clearly_and_write_nothing),
            cmocka_unit_test(backup_refuses_a_folder_and_a_missing_site),
        };
        return cmocka_run_group_tests_name("backup", tests, setup, teardown);
}
