/* docs/nginx/gazette.conf, run for real: Debian's nginx on loopback with a
 * self-signed certificate, in front of the real server. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <curl/curl.h>
#include <signal.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "lib/harness.h"

static struct gz_test_server server;
static char site_dir[512];
static char work[600];
static pid_t nginx_pid;
static int https_port, http_port;

static size_t
sink(char *p, size_t s, size_t n, void *u)
{
        (void)p;
        (void)u;
        return s * n;
}

static long
fetch(const char *url, bool http2, long *version)
{
        CURL *c = curl_easy_init();
        curl_easy_setopt(c, CURLOPT_URL, url);
        curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, 0L);
        curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, 0L);
        curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, sink);
        curl_easy_setopt(c, CURLOPT_TIMEOUT, 30L);
        if (http2)
                curl_easy_setopt(c, CURLOPT_HTTP_VERSION, CURL_HTTP_VERSION_2TLS);
        long status = 0;
        if (curl_easy_perform(c) == CURLE_OK) {
                curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
                if (version)
                        curl_easy_getinfo(c, CURLINFO_HTTP_VERSION, version);
        }
        curl_easy_cleanup(c);
        return status;
}

static void
pages_come_through_tls_and_http2(void **state)
{
        (void)state;
        char url[256];
        long version = 0;
        snprintf(url, sizeof(url), "https://127.0.0.1:%d/", https_port);
        assert_int_equal(fetch(url, true, &version), 200);
        assert_int_equal(version, CURL_HTTP_VERSION_2_0);
        snprintf(url, sizeof(url), "https://127.0.0.1:%d/no-such-page/", https_port);
        assert_int_equal(fetch(url, false, NULL), 404);
        snprintf(url, sizeof(url), "https://127.0.0.1:%d/healthz", https_port);
        assert_int_equal(fetch(url, false, NULL), 200);
}

static void
plain_http_moves_to_https(void **state)
{
        (void)state;
        char url[256];
        snprintf(url, sizeof(url), "http://127.0.0.1:%d/news/", http_port);
        assert_int_equal(fetch(url, false, NULL), 301);
}

static int
setup(void **state)
{
        (void)state;
        if (access("/usr/sbin/nginx", X_OK) != 0) {
                fprintf(stderr, "nginx is not installed (scripts/deps.sh --test installs it)\n");
                return -1;
        }
        gz_test_empty_site(site_dir, sizeof(site_dir), NULL);
        gz_test_server_start(&server, site_dir, "--access-log off --trusted-proxy 127.0.0.1");
        snprintf(work, sizeof(work), "%s/nginx", site_dir);
        char cmd[4096];
        snprintf(cmd, sizeof(cmd),
                 "mkdir -p '%s/logs' && openssl req -x509 -newkey rsa:2048 -nodes -days 1 "
                 "-subj /CN=localhost -keyout '%s/key.pem' -out '%s/cert.pem' 2>/dev/null",
                 work, work, work);
        if (gz_test_run(cmd, NULL) != 0)
                return -1;
        const char *root = getenv("GZ_ROOT") ? getenv("GZ_ROOT") : ".";
        char path[700];
        snprintf(path, sizeof(path), "%s/docs/nginx/gazette.conf", root);
        FILE *f = fopen(path, "r");
        if (f == NULL)
                return -1;
        char *conf = calloc(1, 65536);
        size_t len = fread(conf, 1, 65535, f);
        conf[len] = '\0';
        fclose(f);
        /* A port found free may be taken before nginx binds it (by any
         * client's ephemeral port): then nginx exits, and it starts again
         * on new ones. */
        for (int attempt = 0; attempt < 5 && nginx_pid <= 0; attempt++) {
                gz_test_free_ports(&https_port, &http_port);
                char from[64], to[1024];
                snprintf(to, sizeof(to), "127.0.0.1:%d", server.port);
                char *c1 = gz_test_replace(conf, "127.0.0.1:8080", to);
                snprintf(to, sizeof(to), "listen 127.0.0.1:%d ssl http2;", https_port);
                char *c2 = gz_test_replace(c1, "listen 443 ssl http2;", to);
                char *c3 = gz_test_replace(c2, "listen [::]:443 ssl http2;", "");
                snprintf(to, sizeof(to), "listen 127.0.0.1:%d;", http_port);
                char *c4 = gz_test_replace(c3, "listen 80;", to);
                char *c5 = gz_test_replace(c4, "listen [::]:80;", "");
                snprintf(to, sizeof(to), "%s/cert.pem", work);
                char *c6 =
                    gz_test_replace(c5, "/etc/letsencrypt/live/news.example.org/fullchain.pem", to);
                snprintf(to, sizeof(to), "%s/key.pem", work);
                char *c7 =
                    gz_test_replace(c6, "/etc/letsencrypt/live/news.example.org/privkey.pem", to);
                (void)from;
                snprintf(path, sizeof(path), "%s/nginx.conf", work);
                f = fopen(path, "w");
                fprintf(f,
                        "daemon off;\nworker_processes 1;\npid %s/nginx.pid;\nerror_log "
                        "%s/logs/error.log;\n"
                        "events { worker_connections 256; }\n"
                        "http {\n access_log off;\n client_body_temp_path %s/body;\n"
                        " proxy_temp_path %s/proxy;\n fastcgi_temp_path %s/fcgi;\n"
                        " uwsgi_temp_path %s/uwsgi;\n scgi_temp_path %s/scgi;\n%s\n}\n",
                        work, work, work, work, work, work, work, c7);
                fclose(f);
                free(c1);
                free(c2);
                free(c3);
                free(c4);
                free(c5);
                free(c6);
                free(c7);
                nginx_pid = fork();
                if (nginx_pid == 0) {
                        execl("/usr/sbin/nginx", "nginx", "-p", work, "-c", path, (char *)NULL);
                        _exit(127);
                }
                char url[128];
                snprintf(url, sizeof(url), "https://127.0.0.1:%d/healthz", https_port);
                for (int i = 0; i < 100 && fetch(url, false, NULL) != 200; i++) {
                        if (waitpid(nginx_pid, NULL, WNOHANG) == nginx_pid) {
                                nginx_pid = 0; /* it exited: a port was taken meanwhile */
                                break;
                        }
                        usleep(100 * 1000);
                }
        }
        free(conf);
        return nginx_pid > 0 ? 0 : -1;
}

static int
teardown(void **state)
{
        (void)state;
        if (nginx_pid > 0) {
                kill(nginx_pid, SIGTERM);
                waitpid(nginx_pid, NULL, 0);
        }
        int rc = gz_test_server_stop(&server);
        gz_test_rmtree(site_dir);
        return rc == 0 ? 0 : -1;
}

int
main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(pages_come_through_tls_and_http2),
            cmocka_unit_test(plain_http_moves_to_https),
        };
        return cmocka_run_group_tests_name("nginx", tests, setup, teardown);
}
