/* Publish-to-visible latency for `make bench`: keeps OUTDIR current with the
 * live exporter (as `gazette serve --live-export` does), publishes TRIALS new
 * articles, and after each save polls nginx (serving OUTDIR on PORT) until it
 * returns the new article and a home page that lists it. Prints one line per
 * trial: "publish SAVE_MS VISIBLE_MS HOME_MS RENDERED DEFERRED": the save (with
 * the synchronous rewrite), the article and the home page through nginx, the
 * pages rendered before the save returned, and those left to the background
 * thread (related boxes, pages 2 and beyond of lists); then "background_ms":
 * how long the background thread still worked after the last trial.
 * Usage: publish SITE_DIR OUTDIR PORT TRIALS */
#include <curl/curl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "content/content.h"
#include "export/export.h"
#include "site/site.h"

static struct gz_site *site;
static struct gz_live_export *live;

static void
on_change(void *ctx, const struct gz_change *change)
{
        (void)ctx;
        if (change->kind == GZ_CHANGE_SECTIONS || change->kind == GZ_CHANGE_SETTINGS)
                gz_site_reload(site, NULL);
        gz_live_export_change(live, change);
}

static size_t
collect(char *p, size_t s, size_t n, void *u)
{
        gz_buf_put(u, p, s * n);
        return s * n;
}

/* Status of a GET, with the body in *body. */
static long
get(CURL *c, const char *url, struct gz_buf *body)
{
        gz_buf_truncate(body, 0);
        curl_easy_setopt(c, CURLOPT_URL, url);
        curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, collect);
        curl_easy_setopt(c, CURLOPT_WRITEDATA, body);
        long status = 0;
        if (curl_easy_perform(c) == CURLE_OK)
                curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
        return status;
}

static double
ms_since(const struct timespec *t0)
{
        struct timespec t;
        clock_gettime(CLOCK_MONOTONIC, &t);
        return (double)(t.tv_sec - t0->tv_sec) * 1e3 + (double)(t.tv_nsec - t0->tv_nsec) / 1e6;
}

int
main(int argc, char **argv)
{
        if (argc != 5) {
                fprintf(stderr, "usage: publish SITE_DIR OUTDIR PORT TRIALS\n");
                return 2;
        }
        const char *dir = argv[1], *out = argv[2];
        int port = atoi(argv[3]), trials = atoi(argv[4]);
        char db[4096];
        snprintf(db, sizeof(db), "%s/gazette.db", dir);
        struct gz_store *store;
        struct gz_error err;
        if (gz_store_open(db, 0, &store, &err) != GZ_OK) {
                fprintf(stderr, "%s\n", err.msg);
                return 1;
        }
        struct gz_site_options so = {.dir = dir, .store = store};
        if (gz_site_open(&so, &site, &err) != GZ_OK) {
                fprintf(stderr, "%s\n", err.msg);
                return 1;
        }
        struct timespec t0;
        clock_gettime(CLOCK_MONOTONIC, &t0);
        live = gz_live_export_start(site, store, out, &err);
        if (live == NULL) {
                fprintf(stderr, "%s\n", err.msg);
                return 1;
        }
        printf("live_start_ms %.0f\n", ms_since(&t0));
        fflush(stdout);
        struct gz_content content = {
            .store = store, .site_dir = dir, .on_change = on_change, .change_ctx = NULL};
        curl_global_init(CURL_GLOBAL_DEFAULT);
        CURL *c = curl_easy_init();
        curl_easy_setopt(c, CURLOPT_TIMEOUT, 10L);
        struct gz_buf body;
        gz_buf_init(&body, NULL);
        struct gz_arena *a = gz_arena_new(4096);
        for (int i = 0; i < trials; i++) {
                char title[256];
                snprintf(title, sizeof(title), "Bench publish %d at %lld: the ferry is back", i,
                         (long long)gz_now());
                struct gz_article_input in = {.kind = "news",
                                              .title = title,
                                              .body_md = "The ferry is back.\n\nIt was away.",
                                              .section_path = "news/city"};
                struct gz_live_export_stats before, after;
                gz_live_export_stats(live, &before);
                int64_t id, version;
                clock_gettime(CLOCK_MONOTONIC, &t0);
                if (gz_article_save(&content, &in, GZ_ACTION_PUBLISH, 0, NULL, &id, &version,
                                    &err) != GZ_OK) {
                        fprintf(stderr, "%s\n", err.msg);
                        return 1;
                }
                double saved = ms_since(&t0);
                gz_live_export_stats(live, &after);
                struct gz_article *ar;
                gz_store_article_get(store, a, id, NULL, NULL, &ar, NULL);
                char url[4096];
                snprintf(url, sizeof(url), "http://127.0.0.1:%d%s", port,
                         gz_article_path(a, ar, "en", "UTC"));
                double visible = -1, home = -1, deadline = saved + 10000;
                while (ms_since(&t0) < deadline && visible < 0)
                        if (get(c, url, &body) == 200 && strstr(body.data, title) != NULL)
                                visible = ms_since(&t0);
                snprintf(url, sizeof(url), "http://127.0.0.1:%d/", port);
                while (ms_since(&t0) < deadline && home < 0)
                        if (get(c, url, &body) == 200 && strstr(body.data, title) != NULL)
                                home = ms_since(&t0);
                printf("publish %.1f %.1f %.1f %llu %llu\n", saved, visible, home,
                       (unsigned long long)(after.change_rendered - before.change_rendered),
                       (unsigned long long)(after.deferred - before.deferred));
                fflush(stdout);
                /* Leave the site as it was. */
                struct gz_article_input off = {.id = id, .version = version};
                gz_article_save(&content, &off, GZ_ACTION_UNPUBLISH, 0, NULL, &id, &version, &err);
                gz_arena_reset(a);
        }
        /* What the background thread still had to rewrite (related boxes,
         * pages 2 and beyond of lists). */
        clock_gettime(CLOCK_MONOTONIC, &t0);
        bool done = gz_live_export_flush(live, 120000);
        printf("background_ms %s%.0f\n", done ? "" : ">", ms_since(&t0));
        gz_arena_free(a);
        gz_buf_free(&body);
        curl_easy_cleanup(c);
        gz_live_export_stop(live);
        gz_site_close(site);
        gz_store_close(store);
        return 0;
}
