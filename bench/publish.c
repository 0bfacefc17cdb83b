/* Publish-to-visible latency for `make bench`, through the real server: an
 * editor signs in to the admin of the Gazette on GZ_PORT and publishes
 * TRIALS new articles with the "Publish" button's request. After each, it
 * polls until the new article's page and a home page listing it answer:
 * from Gazette itself, and, when NGINX_PORT is not 0, from nginx serving the
 * folder `gazette serve --live-export` keeps current. Prints per trial:
 * "publish SAVE_MS GZ_ARTICLE_MS GZ_HOME_MS NGX_ARTICLE_MS NGX_HOME_MS",
 * each from the moment the publish request was sent (-1: not seen within
 * 10 s; nginx's columns are -1 without nginx). Each article is unpublished
 * again, so the site stays as it was.
 * Usage: publish GZ_PORT NGINX_PORT EMAIL PASSWORD TRIALS
 * Built with tests/lib (the integration tests' admin client). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "lib/admin_client.h"
#include "lib/harness.h"

static double
ms_since(const struct timespec *t0)
{
        struct timespec t;
        clock_gettime(CLOCK_MONOTONIC, &t);
        return (double)(t.tv_sec - t0->tv_sec) * 1e3 + (double)(t.tv_nsec - t0->tv_nsec) / 1e6;
}

/* The address of the link whose text is title in body ("" when none). */
static void
link_to(const char *body, const char *title, char *out, size_t size)
{
        out[0] = '\0';
        const char *t = body ? strstr(body, title) : NULL;
        if (t == NULL)
                return;
        const char *href = NULL;
        for (const char *p = body; p < t; p++)
                if (strncmp(p, "href=\"", 6) == 0)
                        href = p + 6;
        if (href == NULL)
                return;
        size_t n = strcspn(href, "\"");
        if (n < size) {
                memcpy(out, href, n);
                out[n] = '\0';
        }
}

/* Polls path on s until it answers 200 with title in it; ms since t0, or -1. */
static double
until_visible(const struct gz_test_server *s, const char *path, const char *title,
              const struct timespec *t0, char *home_link, size_t link_size)
{
        while (ms_since(t0) < 10000) {
                struct gz_test_resp r;
                if (gz_test_get(s, path, &r) == 0 && r.status == 200 && r.body &&
                    strstr(r.body, title) != NULL) {
                        double ms = ms_since(t0);
                        if (home_link != NULL)
                                link_to(r.body, title, home_link, link_size);
                        gz_test_resp_free(&r);
                        return ms;
                }
                gz_test_resp_free(&r);
        }
        return -1;
}

static void
server_at(struct gz_test_server *s, int port)
{
        memset(s, 0, sizeof(*s));
        s->port = port;
        snprintf(s->base, sizeof(s->base), "http://127.0.0.1:%d", port);
}

int
main(int argc, char **argv)
{
        if (argc != 6) {
                fprintf(stderr, "usage: publish GZ_PORT NGINX_PORT EMAIL PASSWORD TRIALS\n");
                return 2;
        }
        struct gz_test_server gazette, nginx;
        server_at(&gazette, atoi(argv[1]));
        server_at(&nginx, atoi(argv[2]));
        bool with_nginx = nginx.port > 0;
        int trials = atoi(argv[5]);
        struct gz_admin_client c;
        if (gz_admin_sign_in(&c, &gazette, argv[3], argv[4], NULL) != 303) {
                fprintf(stderr, "publish: could not sign in as %s\n", argv[3]);
                return 1;
        }
        for (int i = 0; i < trials; i++) {
                char title[160], field[200];
                snprintf(title, sizeof(title), "Bench publish %d at %lld: the ferry is back", i,
                         (long long)time(NULL));
                snprintf(field, sizeof(field), "title=%s", title);
                struct gz_test_resp r = {0};
                struct timespec t0;
                clock_gettime(CLOCK_MONOTONIC, &t0);
                long status = gz_admin_post(&c, "/admin/articles/new", true, &r, field,
                                            "body=The ferry is back.\n\nIt was away for a week.",
                                            "section=news/city", "tags=Harbour", "version=0",
                                            "action=publish", NULL);
                double saved = ms_since(&t0);
                const char *location = gz_test_header(&r, "Location");
                long long id = location ? atoll(location + strcspn(location, "0123456789")) : 0;
                gz_test_resp_free(&r);
                if (status != 303 || id <= 0) {
                        fprintf(stderr, "publish: the publish answered %ld\n", status);
                        return 1;
                }
                char article[512];
                double gz_home = until_visible(&gazette, "/", title, &t0, article, sizeof(article));
                double gz_article =
                    article[0] ? until_visible(&gazette, article, title, &t0, NULL, 0) : -1;
                double ngx_article = -1, ngx_home = -1;
                if (with_nginx && article[0]) {
                        ngx_article = until_visible(&nginx, article, title, &t0, NULL, 0);
                        ngx_home = until_visible(&nginx, "/", title, &t0, NULL, 0);
                }
                printf("publish %.1f %.1f %.1f %.1f %.1f\n", saved, gz_article, gz_home,
                       ngx_article, ngx_home);
                fflush(stdout);

                /* Leave the site as it was: the editor page holds the version. */
                char path[64], version[64] = "version=0";
                snprintf(path, sizeof(path), "/admin/articles/%lld", id);
                if (gz_admin_get(&c, path, &r) == 200 && r.body) {
                        const char *v = strstr(r.body, "name=\"version\" value=\"");
                        if (v)
                                snprintf(version, sizeof(version), "version=%lld",
                                         atoll(v + strlen("name=\"version\" value=\"")));
                }
                gz_test_resp_free(&r);
                gz_admin_post(&c, path, true, &r, field, version, "action=unpublish", NULL);
                gz_test_resp_free(&r);
        }
        gz_admin_client_end(&c);
        return 0;
}
