/* Static-first production, run for real: `gazette serve --live-export`
 * keeps a folder current while an editor publishes through the admin,
 * Debian's nginx serves that folder with docs/nginx/gazette-static.conf
 * (ports and paths replaced) and passes misses to the same Gazette. A
 * published article and the home page that lists it come from nginx's
 * files as soon as the publish returns. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <arpa/inet.h>
#include <curl/curl.h>
#include <sqlite3.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "content/content.h"
#include "export/export.h"
#include "lib/admin_client.h"
#include "lib/harness.h"
#include "render/render.h"
#include "site/site.h"

static struct gz_test_server server;
static char site_dir[512];
static char out_dir[600];
static char work[600];
static pid_t nginx_pid;
static int port;
static struct gz_store *store;
static struct gz_site *site;
static struct gz_live_export *live; /* the midnight test's own */

#define PASSWORD "live export test password"
#define TITLE "Harbour ferry returns after the live export test"

/* Drops every line that starts with prefix (after indentation). */
static char *
drop_lines(const char *text, const char *prefix)
{
        char *out = malloc(strlen(text) + 1), *o = out;
        for (const char *line = text; *line;) {
                const char *nl = strchr(line, '\n');
                size_t n = nl ? (size_t)(nl - line + 1) : strlen(line);
                const char *s = line;
                while (*s == ' ')
                        s++;
                if (strncmp(s, prefix, strlen(prefix)) != 0) {
                        memcpy(o, line, n);
                        o += n;
                }
                line += n;
        }
        *o = '\0';
        return out;
}

struct got {
        long status;
        struct gz_buf body, head;
};

static size_t
collect(char *p, size_t s, size_t n, void *u)
{
        gz_buf_put(u, p, s * n);
        return s * n;
}

static void
get(const char *path, const char *accept_encoding, struct got *g)
{
        memset(g, 0, sizeof(*g));
        gz_buf_init(&g->body, NULL);
        gz_buf_init(&g->head, NULL);
        char url[1024];
        snprintf(url, sizeof(url), "http://127.0.0.1:%d%s", port, path);
        CURL *c = curl_easy_init();
        curl_easy_setopt(c, CURLOPT_URL, url);
        curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, collect);
        curl_easy_setopt(c, CURLOPT_WRITEDATA, &g->body);
        curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, collect);
        curl_easy_setopt(c, CURLOPT_HEADERDATA, &g->head);
        curl_easy_setopt(c, CURLOPT_TIMEOUT, 30L);
        struct curl_slist *h = NULL;
        if (accept_encoding != NULL) {
                char line[128];
                snprintf(line, sizeof(line), "Accept-Encoding: %s", accept_encoding);
                h = curl_slist_append(h, line);
                curl_easy_setopt(c, CURLOPT_HTTPHEADER, h);
        }
        if (curl_easy_perform(c) == CURLE_OK)
                curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &g->status);
        curl_slist_free_all(h);
        curl_easy_cleanup(c);
        if (g->body.data == NULL)
                gz_buf_puts(&g->body, "");
        if (g->head.data == NULL)
                gz_buf_puts(&g->head, "");
}

static void
got_free(struct got *g)
{
        gz_buf_free(&g->body);
        gz_buf_free(&g->head);
}

static bool
body_has(const struct got *g, const char *s)
{
        return gz_test_contains(g->body.data, g->body.len, s);
}

/* nginx answered from a file when its ETag is its own "mtime-size" kind
 * (Gazette's are one hex number) and the body is the file's. */
static bool
from_file(const struct got *g, const char *file)
{
        if (strstr(g->head.data, "ETag: \"") == NULL)
                return false;
        const char *etag = strstr(g->head.data, "ETag: \"") + 7;
        const char *end = strchr(etag, '"');
        if (end == NULL || memchr(etag, '-', (size_t)(end - etag)) == NULL)
                return false;
        char path[1024];
        snprintf(path, sizeof(path), "%s/%s", out_dir, file);
        char *data;
        size_t len;
        if (gz_file_read(path, 64u << 20, &data, &len, NULL) != GZ_OK)
                return false;
        bool same = len == g->body.len && memcmp(data, g->body.data, len) == 0;
        free(data);
        return same;
}

static void
pages_come_from_the_files(void **state)
{
        (void)state;
        struct got g;
        get("/", NULL, &g);
        assert_int_equal(g.status, 200);
        assert_true(from_file(&g, "index.html"));
        assert_non_null(strstr(g.head.data, "Content-Type: text/html; charset=utf-8"));
        assert_non_null(strstr(g.head.data, "Content-Security-Policy: default-src 'self'"));
        got_free(&g);
        /* The precompressed variant, not compression on the fly. */
        get("/", "gzip", &g);
        assert_int_equal(g.status, 200);
        assert_non_null(strstr(g.head.data, "Content-Encoding: gzip"));
        char path[1024];
        snprintf(path, sizeof(path), "%s/index.html.gz", out_dir);
        char *gz;
        size_t gz_len;
        assert_int_equal(gz_file_read(path, 64u << 20, &gz, &gz_len, NULL), GZ_OK);
        assert_int_equal(gz_len, g.body.len);
        assert_memory_equal(gz, g.body.data, gz_len);
        free(gz);
        got_free(&g);
        get("/about/", NULL, &g);
        assert_int_equal(g.status, 200);
        assert_true(from_file(&g, "about/index.html"));
        got_free(&g);
}

static void
paginated_lists_map_to_their_files(void **state)
{
        (void)state;
        struct got g;
        get("/news/?page=2", NULL, &g);
        assert_int_equal(g.status, 200);
        assert_true(from_file(&g, "news/page/2/index.html"));
        assert_true(body_has(&g, "rel=\"prev\" href=\"/news/\""));
        got_free(&g);
        /* The file's own name is not an address: Gazette answers, 404. */
        get("/news/page/2/", NULL, &g);
        assert_int_equal(g.status, 404);
        got_free(&g);
        get("/news/index.html", NULL, &g);
        assert_int_equal(g.status, 404);
        got_free(&g);
        /* Not a page number Gazette knows: Gazette decides (404). */
        get("/news/?page=abc", NULL, &g);
        assert_int_equal(g.status, 404);
        got_free(&g);
        get("/?page=2", NULL, &g);
        assert_int_equal(g.status, 404);
        got_free(&g);
        /* Misses and search go to Gazette. */
        get("/healthz", NULL, &g);
        assert_int_equal(g.status, 200);
        got_free(&g);
        get("/no-such-page/", NULL, &g);
        assert_int_equal(g.status, 404);
        got_free(&g);
}

/* The first column of the first row of sql on the site's database. */
static char *
db_text(const char *sql)
{
        char path[700];
        snprintf(path, sizeof(path), "%s/gazette.db", site_dir);
        sqlite3 *db;
        char *v = NULL;
        if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
                return NULL;
        sqlite3_stmt *st;
        if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK) {
                if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
                        v = strdup((const char *)sqlite3_column_text(st, 0));
                sqlite3_finalize(st);
        }
        sqlite3_close(db);
        return v;
}

static char *
file_text(const char *file)
{
        char path[1200];
        snprintf(path, sizeof(path), "%s/%s", out_dir, file);
        char *data = NULL;
        size_t len;
        if (gz_file_read(path, 64u << 20, &data, &len, NULL) != GZ_OK)
                return NULL;
        return data;
}

static char published_address[512], published_file[512];

static void
publish_shows_in_nginx_at_once(void **state)
{
        (void)state;
        char *page2_before = file_text("news/page/2/index.html");
        assert_non_null(page2_before);
        struct gz_admin_client c;
        assert_int_equal(gz_admin_sign_in(&c, &server, "editor@example.org", PASSWORD, NULL), 303);
        struct gz_test_resp r;
        int64_t start = gz_monotonic_ms();
        assert_int_equal(gz_admin_post(&c, "/admin/articles/new", true, &r, "title=" TITLE,
                                       "body=The ferry is back.\n\nIt was away for a week.",
                                       "section=news/city", "tags=Live Export Test Tag",
                                       "version=0", "action=publish", NULL),
                         303);
        fprintf(stderr, "# publish with the live export took %lld ms\n",
                (long long)(gz_monotonic_ms() - start));
        gz_test_resp_free(&r);
        gz_admin_client_end(&c);
        char *address = db_text("SELECT strftime('/%Y/%m/', published_at, 'unixepoch') || slug || "
                                "'/' FROM articles WHERE title = '" TITLE "'");
        assert_non_null(address);
        snprintf(published_address, sizeof(published_address), "%s", address);
        snprintf(published_file, sizeof(published_file), "%sindex.html", address + 1);
        free(address);

        /* No waiting: the publish returned after the files were written. */
        struct got g;
        get(published_address, NULL, &g);
        assert_int_equal(g.status, 200);
        assert_true(from_file(&g, published_file));
        assert_true(body_has(&g, TITLE));
        got_free(&g);
        get("/", NULL, &g);
        assert_true(from_file(&g, "index.html"));
        assert_true(body_has(&g, TITLE));
        got_free(&g);
        get("/news/city/", NULL, &g);
        assert_true(from_file(&g, "news/city/index.html"));
        assert_true(body_has(&g, TITLE));
        got_free(&g);
        /* A tag that did not exist before has its page. */
        get("/tag/live-export-test-tag/", NULL, &g);
        assert_int_equal(g.status, 200);
        assert_true(from_file(&g, "tag/live-export-test-tag/index.html"));
        got_free(&g);
        /* Page 2 of the section shifts by one article: the background
         * thread rewrites it just after. */
        bool shifted = false;
        for (int i = 0; i < 600 && !shifted; i++) {
                char *now = file_text("news/page/2/index.html");
                shifted = now != NULL && strcmp(now, page2_before) != 0;
                free(now);
                if (!shifted)
                        usleep(100 * 1000);
        }
        assert_true(shifted);
        free(page2_before);
}

static void
unpublish_removes_the_file(void **state)
{
        (void)state;
        char *id = db_text("SELECT id FROM articles WHERE title = '" TITLE "'");
        char *version =
            db_text("SELECT 'version=' || version FROM articles WHERE title = '" TITLE "'");
        assert_non_null(id);
        assert_non_null(version);
        char path[1200];
        snprintf(path, sizeof(path), "/admin/articles/%s", id);
        struct gz_admin_client c;
        assert_int_equal(gz_admin_sign_in(&c, &server, "editor@example.org", PASSWORD, NULL), 303);
        struct gz_test_resp r;
        assert_int_equal(
            gz_admin_post(&c, path, true, &r, "title=" TITLE, version, "action=unpublish", NULL),
            303);
        gz_test_resp_free(&r);
        gz_admin_client_end(&c);
        free(id);
        free(version);
        snprintf(path, sizeof(path), "%s/%s", out_dir, published_file);
        assert_false(gz_path_exists(path));
        struct got g;
        get(published_address, NULL, &g);
        assert_int_equal(g.status, 404);
        got_free(&g);
        get("/", NULL, &g);
        assert_true(from_file(&g, "index.html"));
        assert_false(body_has(&g, TITLE));
        got_free(&g);
}

/* The date bar: at midnight in the site's zone every page is rewritten. */
static void
midnight_rewrites_the_date_bar(void **state)
{
        (void)state;
        /* The server's exporter stops; this one runs here, with the clock
         * moved (misses would go to the stopped server, but these pages are
         * all files). */
        assert_int_equal(gz_test_server_stop(&server), 0);
        char db[700];
        snprintf(db, sizeof(db), "%s/gazette.db", site_dir);
        struct gz_error err;
        assert_int_equal(gz_store_open(db, 0, &store, &err), GZ_OK);
        struct gz_site_options so = {.dir = site_dir, .store = store};
        assert_int_equal(gz_site_open(&so, &site, &err), GZ_OK);
        /* Three seconds before the next midnight (the demo's zone is UTC). */
        gz_time now = gz_now();
        gz_time midnight = gz_tz_next_midnight("UTC", now);
        gz_time_set_offset(midnight - 3 - now);
        live = gz_live_export_start(site, store, out_dir, &err);
        assert_non_null(live);
        char before[64], after[64];
        int y, m, d;
        gz_tz_civil("UTC", midnight - 3, &y, &m, &d);
        snprintf(before, sizeof(before), "<time class=\"today\" datetime=\"%04d-%02d-%02d\">", y, m,
                 d);
        gz_tz_civil("UTC", midnight + 1, &y, &m, &d);
        snprintf(after, sizeof(after), "<time class=\"today\" datetime=\"%04d-%02d-%02d\">", y, m,
                 d);
        struct got g;
        get("/", NULL, &g);
        assert_true(body_has(&g, before));
        got_free(&g);
        bool changed = false;
        for (int i = 0; i < 300 && !changed; i++) {
                usleep(100 * 1000);
                get("/about/", NULL, &g);
                changed = body_has(&g, after);
                got_free(&g);
        }
        assert_true(changed);
        struct gz_live_export_stats st;
        gz_live_export_stats(live, &st);
        assert_true(st.full_passes >= 2);
        gz_time_set_offset(0);
}

static int
start_nginx(void)
{
        const char *root = getenv("GZ_ROOT") ? getenv("GZ_ROOT") : ".";
        char path[700];
        snprintf(path, sizeof(path), "%s/docs/nginx/gazette-static.conf", root);
        char *conf;
        size_t len;
        if (gz_file_read(path, 1 << 20, &conf, &len, NULL) != GZ_OK)
                return -1;
        int plain_port;
        gz_test_free_ports(&port, &plain_port);
        char to[700];
        snprintf(to, sizeof(to), "127.0.0.1:%d", server.port);
        char *c1 = gz_test_replace(conf, "127.0.0.1:8080", to);
        snprintf(to, sizeof(to), "listen 127.0.0.1:%d;", port);
        char *c2 = gz_test_replace(c1, "listen 443 ssl http2;", to);
        char *c3 = gz_test_replace(c2, "listen [::]:443 ssl http2;", "");
        snprintf(to, sizeof(to), "listen 127.0.0.1:%d;", plain_port);
        char *c4 = gz_test_replace(c3, "listen 80;", to);
        char *c5 = gz_test_replace(c4, "listen [::]:80;", "");
        char *c6 = drop_lines(c5, "ssl_");
        char *c7 = gz_test_replace(c6, "/srv/gazette/export", out_dir);
        const char *brotli = "/usr/lib/nginx/modules/ngx_http_brotli_static_module.so";
        bool has_brotli = access(brotli, R_OK) == 0;
        char *c8 = has_brotli ? strdup(c7) : drop_lines(c7, "brotli_static");
        snprintf(path, sizeof(path), "%s/nginx.conf", work);
        FILE *f = fopen(path, "w");
        if (has_brotli)
                fprintf(f, "load_module %s;\n", brotli);
        fprintf(f,
                "daemon off;\nworker_processes 1;\npid %s/nginx.pid;\nerror_log %s/error.log;\n"
                "events { worker_connections 256; }\n"
                "http {\n include /etc/nginx/mime.types;\n access_log off;\n"
                " client_body_temp_path %s/body;\n proxy_temp_path %s/proxy;\n"
                " fastcgi_temp_path %s/fcgi;\n uwsgi_temp_path %s/uwsgi;\n"
                " scgi_temp_path %s/scgi;\n%s\n}\n",
                work, work, work, work, work, work, work, c8);
        fclose(f);
        free(conf);
        free(c1);
        free(c2);
        free(c3);
        free(c4);
        free(c5);
        free(c6);
        free(c7);
        free(c8);
        nginx_pid = fork();
        if (nginx_pid == 0) {
                execl("/usr/sbin/nginx", "nginx", "-p", work, "-c", path, (char *)NULL);
                _exit(127);
        }
        struct got g;
        for (int i = 0; i < 100; i++) {
                get("/healthz", NULL, &g);
                long status = g.status;
                got_free(&g);
                if (status == 200)
                        return 0;
                if (waitpid(nginx_pid, NULL, WNOHANG) == nginx_pid)
                        break; /* it exited: a port was taken meanwhile */
                usleep(100 * 1000);
        }
        nginx_pid = 0;
        return -1;
}

static int
setup(void **state)
{
        (void)state;
        if (access("/usr/sbin/nginx", X_OK) != 0) {
                fprintf(stderr, "nginx is not installed (scripts/deps.sh --test installs it)\n");
                return -1;
        }
        curl_global_init(CURL_GLOBAL_DEFAULT);
        gz_test_demo_site(site_dir, sizeof(site_dir));
        /* nginx's workers read the folder as another user. */
        chmod(site_dir, 0755);
        char cmd[1024];
        snprintf(cmd, sizeof(cmd), "'%s' settings '%s' per_page 4", gz_test_bin(), site_dir);
        if (gz_test_run(cmd, NULL) != 0)
                return -1;
        snprintf(out_dir, sizeof(out_dir), "%s/export", site_dir);
        snprintf(work, sizeof(work), "%s/nginx", site_dir);
        mkdir(work, 0755);
        gz_test_add_user(site_dir, "editor@example.org", "editor", PASSWORD);
        char args[900];
        snprintf(args, sizeof(args),
                 "--access-log off --login-rate 0 --search-rate 0 --trusted-proxy 127.0.0.1 "
                 "--live-export '%s'",
                 out_dir);
        gz_test_server_start(&server, site_dir, args);
        /* A port found free may be taken before nginx binds it: then it
         * starts again on new ones. */
        for (int attempt = 0; attempt < 5; attempt++)
                if (start_nginx() == 0)
                        return 0;
        return -1;
}

static int
teardown(void **state)
{
        (void)state;
        if (nginx_pid > 0) {
                kill(nginx_pid, SIGTERM);
                waitpid(nginx_pid, NULL, 0);
        }
        gz_live_export_stop(live);
        gz_site_close(site);
        gz_store_close(store);
        int rc = server.pid > 0 ? gz_test_server_stop(&server) : 0;
        gz_test_rmtree(site_dir);
        curl_global_cleanup();
        return rc == 0 ? 0 : -1;
}

int
main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(pages_come_from_the_files),
            cmocka_unit_test(paginated_lists_map_to_their_files),
            cmocka_unit_test(publish_shows_in_nginx_at_once),
            cmocka_unit_test(unpublish_removes_the_file),
            cmocka_unit_test(midnight_rewrites_the_date_bar),
        };
        return cmocka_run_group_tests_name("live_export", tests, setup, teardown);
}
