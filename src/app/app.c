/* The running server: opens the site, starts HTTP, routes requests, and
 * runs the scheduler that publishes articles at their time. */
#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../admin/admin.h"
#include "../cache/cache.h"
#include "../export/export.h"
#include "app.h"

struct gz_app {
        char *dir;
        struct gz_store *store;
        struct gz_content content;
        struct gz_site *site;
        struct gz_cache *cache;      /* NULL when turned off */
        struct gz_live_export *live; /* NULL without --live-export */
        struct gz_admin *admin;
        /* Per client address: sign-in attempts, and searches the cache
         * cannot answer (each one is real work). */
        struct gz_ratelimit *login_limit;
        struct gz_ratelimit *search_limit;
        struct gz_http_server *http;
        FILE *access_log;
        bool own_log;
        char *upload_dir;
        /* The scheduler sleeps until the next scheduled article or a change. */
        pthread_t scheduler;
        bool scheduler_started;
        pthread_mutex_t sched_lock;
        pthread_cond_t sched_wake;
        atomic_bool stopping;
};

bool
gz_app_parse_listen(const char *s, char *addr, size_t addr_size, int *port)
{
        const char *colon = strrchr(s, ':');
        const char *host = "127.0.0.1";
        size_t host_len = strlen(host);
        const char *port_s = s;
        if (colon != NULL) {
                host = s;
                host_len = (size_t)(colon - s);
                port_s = colon + 1;
                if (host_len >= 2 && host[0] == '[' && host[host_len - 1] == ']') {
                        host++;
                        host_len -= 2;
                }
        }
        long long p;
        if (!gz_parse_int(port_s, 0, 65535, &p) || host_len == 0 || host_len >= addr_size)
                return false;
        memcpy(addr, host, host_len);
        addr[host_len] = '\0';
        *port = (int)p;
        return true;
}

/* ---- routing -------------------------------------------------------------- */

static bool
cacheable_request(const struct gz_req *req)
{
        return (req->method == GZ_GET || req->method == GZ_HEAD) &&
               strncmp(req->path, "/assets/", 8) != 0 && strncmp(req->path, "/media/", 7) != 0 &&
               strcmp(req->path, "/healthz") != 0;
}

static bool
is_search(const char *path)
{
        size_t n = strlen(path);
        return n >= 7 && strcmp(path + n - 7, "/search") == 0;
}

/* Public pages: from the cache, or rendered once and stored with what they
 * show. */
static void
public_page(struct gz_app *app, struct gz_req *req, struct gz_resp *resp)
{
        const char *key =
            app->cache && cacheable_request(req) ? gz_cache_key(req->arena, req) : NULL;
        if (key == NULL) {
                if (app->search_limit && is_search(req->path) &&
                    !gz_ratelimit_allow(app->search_limit, req, resp))
                        return;
                gz_site_handle(app->site, req, resp, NULL);
                gz_http_conditional(req, resp);
                return;
        }
        struct gz_cache_claim claim;
        struct gz_cache_entry *e = gz_cache_lookup(app->cache, key, req->now, &claim);
        if (e != NULL) {
                gz_cache_respond(e, req, resp);
                gz_cache_release(e);
                return;
        }
        if (app->search_limit && is_search(req->path) &&
            !gz_ratelimit_allow(app->search_limit, req, resp)) {
                gz_cache_abandon(app->cache, &claim);
                return;
        }
        struct gz_deps deps = {.arena = req->arena};
        gz_site_handle(app->site, req, resp, &deps);
        if (resp->status != 200 || !deps.cacheable || resp->frozen != NULL || resp->file_fd >= 0) {
                gz_cache_abandon(app->cache, &claim);
                gz_http_conditional(req, resp);
                return;
        }
        e = gz_cache_fill(app->cache, &claim, resp, deps.keys, deps.count, deps.expires);
        gz_cache_respond(e, req, resp);
        gz_cache_release(e);
}

static bool
is_admin(const char *path)
{
        return strncmp(path, "/admin", 6) == 0 && (path[6] == '\0' || path[6] == '/');
}

/* Health, with the cache's counters (nothing secret: what a load balancer
 * and an operator want to see). */
static void
health(struct gz_app *app, struct gz_req *req, struct gz_resp *resp)
{
        struct gz_cache_stats st = {0};
        if (app->cache != NULL)
                gz_cache_stats(app->cache, &st);
        char *body = gz_arena_printf(
            req->arena,
            "ok\ncache entries %zu bytes %zu budget %zu hits %llu misses %llu fills %llu "
            "evictions %llu invalidated %llu\n",
            st.entries, st.bytes, st.budget, (unsigned long long)st.hits,
            (unsigned long long)st.misses, (unsigned long long)st.fills,
            (unsigned long long)st.evictions, (unsigned long long)st.invalidated);
        gz_resp_body(resp, 200, "text/plain; charset=utf-8", body, strlen(body));
        gz_resp_header(resp, "Cache-Control", "no-store");
}

static void
handle(void *ctx, struct gz_req *req, struct gz_resp *resp)
{
        struct gz_app *app = ctx;
        if (strcmp(req->path, "/healthz") == 0)
                health(app, req, resp);
        else if (is_admin(req->path)) {
                if (app->login_limit && req->method == GZ_POST &&
                    strcmp(req->path, "/admin/login") == 0 &&
                    !gz_ratelimit_allow(app->login_limit, req, resp))
                        return;
                gz_admin_handle(app->admin, req, resp);
        } else
                public_page(app, req, resp);
}

static size_t
body_limit(void *ctx, enum gz_method method, const char *path)
{
        struct gz_app *app = ctx;
        if (method == GZ_GET || method == GZ_HEAD)
                return 0;
        if (is_admin(path))
                return gz_admin_body_limit(app->admin, method, path);
        return 64 * 1024; /* the public site takes no bodies worth more */
}

/* ---- changes and the scheduler -------------------------------------------- */

/* The pages an article's state appears on, through lists. */
static void
list_deps(struct gz_arena *a, const struct gz_section_tree *tree, const struct gz_article_ref *r,
          uint64_t **keys, size_t *n, size_t *cap)
{
#define ADD(...)                                                                                   \
        do {                                                                                       \
                *keys = gz_arena_grow(a, *keys, *n, cap, sizeof(**keys));                          \
                (*keys)[(*n)++] = gz_cache_dep(__VA_ARGS__);                                       \
        } while (0)
        ADD("home:%s", r->lang);
        ADD("search");
        if (r->kind == GZ_KIND_PAGE)
                ADD("pages:%s", r->lang);
        const struct gz_section *chain[16];
        size_t depth = gz_tree_chain(tree, r->section_id, chain, 16);
        for (size_t i = 0; i < depth; i++)
                ADD("sec:%lld", (long long)chain[i]->id);
        /* Related boxes list earlier articles only: an article published
         * just now is in none of them, an older one may be in later ones. */
        bool in_related_boxes = r->published_at < gz_now() - 60;
        if (in_related_boxes)
                ADD("rel-sec:%lld", (long long)r->section_id);
        for (size_t i = 0; i < r->tag_count; i++) {
                ADD("tag-list:%lld", (long long)r->tag_ids[i]);
                if (in_related_boxes)
                        ADD("rel-tag:%lld", (long long)r->tag_ids[i]);
        }
        for (size_t i = 0; i < r->author_count; i++)
                ADD("author-list:%lld", (long long)r->author_ids[i]);
        int y, m;
        gz_time_to_civil(r->published_at, &y, &m, NULL, NULL, NULL, NULL, NULL);
        ADD("archive:%s:%04d", r->lang, y);
        ADD("archive:%s:%04d-%02d", r->lang, y, m);
        ADD("archive:%s", r->lang);
#undef ADD
}

static bool
same_ids(const int64_t *a, size_t na, const int64_t *b, size_t nb)
{
        if (na != nb)
                return false;
        for (size_t i = 0; i < na; i++)
                if (a[i] != b[i])
                        return false;
        return true;
}

/* Whether the article entered, left or moved between lists. */
static bool
membership_changed(const struct gz_article_ref *b, const struct gz_article_ref *a)
{
        if (b->visible != a->visible)
                return true;
        if (!a->visible)
                return false;
        return b->section_id != a->section_id || b->kind != a->kind ||
               b->published_at != a->published_at || strcmp(b->lang, a->lang) != 0 ||
               strcmp(b->slug, a->slug) != 0 ||
               !same_ids(b->tag_ids, b->tag_count, a->tag_ids, a->tag_count) ||
               !same_ids(b->author_ids, b->author_count, a->author_ids, a->author_count);
}

static void
invalidate(struct gz_app *app, const struct gz_change *change)
{
        if (app->cache == NULL)
                return;
        if (change->kind == GZ_CHANGE_SECTIONS || change->kind == GZ_CHANGE_SETTINGS) {
                gz_cache_clear(app->cache);
                return;
        }
        struct gz_arena *a = gz_arena_new(4096);
        uint64_t *keys = NULL;
        size_t n = 0, cap = 0;
        long long id = (long long)change->id;
        keys = gz_arena_grow(a, keys, n, &cap, sizeof(*keys));
        switch (change->kind) {
        case GZ_CHANGE_ARTICLE: {
                keys[n++] = gz_cache_dep("a:%lld", id);
                if (membership_changed(&change->before, &change->after)) {
                        struct gz_section_tree tree = {0};
                        gz_store_sections(app->store, a, &tree.sections, &tree.count, NULL);
                        if (change->before.visible)
                                list_deps(a, &tree, &change->before, &keys, &n, &cap);
                        if (change->after.visible)
                                list_deps(a, &tree, &change->after, &keys, &n, &cap);
                } else if (change->after.visible) {
                        keys = gz_arena_grow(a, keys, n, &cap, sizeof(*keys));
                        keys[n++] = gz_cache_dep("search");
                }
                break;
        }
        case GZ_CHANGE_AUTHOR:
                keys[n++] = gz_cache_dep("author:%lld", id);
                break;
        case GZ_CHANGE_TAG:
                keys[n++] = gz_cache_dep("tag:%lld", id);
                break;
        case GZ_CHANGE_MEDIA:
                keys[n++] = gz_cache_dep("media:%lld", id);
                break;
        default:
                break;
        }
        gz_cache_invalidate(app->cache, keys, n);
        gz_arena_free(a);
}

static void
on_change(void *ctx, const struct gz_change *change)
{
        struct gz_app *app = ctx;
        if (change->kind == GZ_CHANGE_SECTIONS || change->kind == GZ_CHANGE_SETTINGS)
                gz_site_reload(app->site, NULL);
        invalidate(app, change);
        /* The files before the change returns, as the cache's pages. */
        gz_live_export_change(app->live, change);
        /* A newly scheduled article may be due before the timer's wake-up. */
        pthread_mutex_lock(&app->sched_lock);
        pthread_cond_signal(&app->sched_wake);
        pthread_mutex_unlock(&app->sched_lock);
}

static void *
scheduler_main(void *arg)
{
        struct gz_app *app = arg;
        pthread_mutex_lock(&app->sched_lock);
        while (!atomic_load(&app->stopping)) {
                pthread_mutex_unlock(&app->sched_lock);
                gz_time now = gz_now();
                size_t n = gz_content_publish_due(&app->content, now);
                if (n > 0)
                        gz_info("scheduler: published %zu article%s", n, n == 1 ? "" : "s");
                gz_time next = gz_store_next_scheduled(app->store);
                pthread_mutex_lock(&app->sched_lock);
                if (atomic_load(&app->stopping))
                        break;
                /* Sleep until the next one is due (at most a minute, so a
                 * clock change or another process's edit is noticed). */
                struct timespec until;
                clock_gettime(CLOCK_REALTIME, &until);
                time_t wait = 60;
                if (next > 0 && next - gz_now() < wait)
                        wait = next - gz_now() > 0 ? (time_t)(next - gz_now()) : 0;
                until.tv_sec += wait;
                if (wait == 0)
                        until.tv_nsec += 200 * 1000000L; /* due now: a short breath */
                if (until.tv_nsec >= 1000000000L) {
                        until.tv_sec++;
                        until.tv_nsec -= 1000000000L;
                }
                pthread_cond_timedwait(&app->sched_wake, &app->sched_lock, &until);
        }
        pthread_mutex_unlock(&app->sched_lock);
        return NULL;
}

/* ---- start and stop ------------------------------------------------------ */

enum gz_err
gz_app_start(const struct gz_app_options *opt, struct gz_app **out, struct gz_error *err)
{
        struct gz_app *app = gz_xcalloc(1, sizeof(*app));
        app->dir = gz_xstrdup(opt->dir);
        pthread_mutex_init(&app->sched_lock, NULL);
        pthread_cond_init(&app->sched_wake, NULL);
        enum gz_err e;
        char *db = NULL;
        if (asprintf(&db, "%s/gazette.db", opt->dir) < 0 ||
            asprintf(&app->upload_dir, "%s/tmp", opt->dir) < 0)
                gz_oom(__FILE__, __LINE__);
        e = gz_store_open(db, 0, &app->store, err);
        free(db);
        if (e != GZ_OK)
                goto fail;
        app->content.store = app->store;
        app->content.site_dir = app->dir;
        app->content.on_change = on_change;
        app->content.change_ctx = app;
        struct gz_site_options so = {.dir = opt->dir, .store = app->store};
        if ((e = gz_site_open(&so, &app->site, err)) != GZ_OK)
                goto fail;
        if ((e = gz_mkdirs(app->upload_dir, 0700, err)) != GZ_OK)
                goto fail;
        if (opt->cache_bytes > 0)
                app->cache = gz_cache_new(opt->cache_bytes);
        /* Before the server answers, so that no change is missed: the first
         * pass renders every address (only changed files are written). */
        if (opt->live_export != NULL) {
                gz_info("live export: bringing %s up to date", opt->live_export);
                app->live = gz_live_export_start(app->site, app->store, opt->live_export, err);
                if (app->live == NULL) {
                        e = err->code;
                        goto fail;
                }
        }
        /* N a minute: N at once, then one every 60/N seconds. */
        if (opt->login_rate > 0) {
                struct gz_ratelimit_config login = {.burst = opt->login_rate,
                                                    .interval_ms = 60000 / opt->login_rate,
                                                    .max_clients = 4096};
                app->login_limit = gz_ratelimit_new(&login);
        }
        if (opt->search_rate > 0) {
                struct gz_ratelimit_config search = {.burst = opt->search_rate,
                                                     .interval_ms = 60000 / opt->search_rate,
                                                     .max_clients = 16384};
                app->search_limit = gz_ratelimit_new(&search);
        }
        struct gz_admin_options ao = {.store = app->store,
                                      .content = &app->content,
                                      .site = app->site,
                                      .site_dir = app->dir,
                                      .worker_exe = opt->worker_exe};
        if ((e = gz_admin_open(&ao, &app->admin, err)) != GZ_OK)
                goto fail;

        if (opt->access_log != NULL && strcmp(opt->access_log, "off") != 0) {
                if (strcmp(opt->access_log, "-") == 0) {
                        app->access_log = stdout;
                } else {
                        app->access_log = fopen(opt->access_log, "ae");
                        if (app->access_log == NULL) {
                                e = gz_fail(err, GZ_EIO, "access log %s: %s", opt->access_log,
                                            strerror(errno));
                                goto fail;
                        }
                        app->own_log = true;
                        setvbuf(app->access_log, NULL, _IOFBF, 64 * 1024);
                }
        }

        struct gz_http_config cfg;
        gz_http_config_defaults(&cfg);
        char addr[128];
        int port = 8080;
        if (opt->listen != NULL && !gz_app_parse_listen(opt->listen, addr, sizeof(addr), &port)) {
                e = gz_fail(err, GZ_EINVAL,
                            "--listen: expected ADDRESS:PORT such as 127.0.0.1:8080, not \"%s\"",
                            opt->listen);
                goto fail;
        }
        cfg.address = opt->listen ? addr : "127.0.0.1";
        cfg.port = port;
        cfg.listen_fd = opt->listen_fd;
        if (opt->threads)
                cfg.threads = opt->threads;
        if (opt->per_ip_limit)
                cfg.per_ip_limit = opt->per_ip_limit;
        if (opt->head_timeout_s)
                cfg.head_timeout_s = opt->head_timeout_s;
        if (opt->idle_timeout_s)
                cfg.idle_timeout_s = opt->idle_timeout_s;
        cfg.trusted_proxies = opt->trusted_proxies;
        cfg.upload_dir = app->upload_dir;
        cfg.access_log = app->access_log;
        cfg.handler = handle;
        cfg.body_limit = body_limit;
        cfg.ctx = app;
        if ((e = gz_http_start(&cfg, &app->http, err)) != GZ_OK)
                goto fail;
        if (pthread_create(&app->scheduler, NULL, scheduler_main, app) == 0)
                app->scheduler_started = true;
        *out = app;
        return GZ_OK;
fail:
        gz_app_stop(app);
        return e;
}

int
gz_app_port(const struct gz_app *app)
{
        return gz_http_port(app->http);
}

void
gz_app_stop(struct gz_app *app)
{
        if (app == NULL)
                return;
        atomic_store(&app->stopping, true);
        if (app->scheduler_started) {
                pthread_mutex_lock(&app->sched_lock);
                pthread_cond_signal(&app->sched_wake);
                pthread_mutex_unlock(&app->sched_lock);
                pthread_join(app->scheduler, NULL);
        }
        gz_http_stop(app->http);
        gz_live_export_stop(app->live);
        gz_admin_close(app->admin);
        gz_ratelimit_free(app->login_limit);
        gz_ratelimit_free(app->search_limit);
        gz_cache_free(app->cache);
        gz_site_close(app->site);
        gz_store_close(app->store);
        if (app->own_log)
                fclose(app->access_log);
        pthread_mutex_destroy(&app->sched_lock);
        pthread_cond_destroy(&app->sched_wake);
        free(app->upload_dir);
        free(app->dir);
        free(app);
}
