/* The public site: its state, the security headers, assets, media files and
 * the routing of public addresses to pages. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "site_internal.h"

/* ---- state ------------------------------------------------------------ */

static enum gz_err
state_load(struct gz_site *site, struct gz_site_state **out, struct gz_error *err)
{
        struct gz_site_state *st = gz_xcalloc(1, sizeof(*st));
        st->arena = gz_arena_new(16 * 1024);
        gz_settings_load(site->store, st->arena, &st->settings);
        enum gz_err e =
            gz_store_languages(site->store, st->arena, &st->languages, &st->language_count, err);
        if (e == GZ_OK)
                e = gz_store_sections(site->store, st->arena, &st->tree.sections, &st->tree.count,
                                      err);
        if (e == GZ_OK && st->language_count == 0)
                e = gz_fail(err, GZ_EINVAL, "the site has no language: run gazette init");
        if (e != GZ_OK) {
                gz_arena_free(st->arena);
                free(st);
                return e;
        }
        *out = st;
        return GZ_OK;
}

static void
state_free(struct gz_site_state *st)
{
        if (st == NULL)
                return;
        gz_arena_free(st->arena);
        free(st);
}

enum gz_err
gz_site_reload(struct gz_site *site, struct gz_error *err)
{
        struct gz_site_state *st;
        enum gz_err e = state_load(site, &st, err);
        if (e != GZ_OK)
                return e;
        pthread_rwlock_wrlock(&site->state_lock);
        struct gz_site_state *old = site->state;
        site->state = st;
        pthread_rwlock_unlock(&site->state_lock);
        state_free(old);
        return GZ_OK;
}

enum gz_err
gz_site_open(const struct gz_site_options *opt, struct gz_site **out, struct gz_error *err)
{
        struct gz_site *site = gz_xcalloc(1, sizeof(*site));
        site->dir = gz_xstrdup(opt->dir);
        if (asprintf(&site->media_dir, "%s/media", opt->dir) < 0)
                gz_oom(__FILE__, __LINE__);
        site->store = opt->store;
        pthread_rwlock_init(&site->state_lock, NULL);
        enum gz_err e = gz_theme_load(&site->theme, opt->dir, err);
        if (e == GZ_OK) {
                e = state_load(site, &site->state, err);
                if (e != GZ_OK)
                        gz_theme_free(&site->theme);
        }
        if (e != GZ_OK) {
                pthread_rwlock_destroy(&site->state_lock);
                free(site->media_dir);
                free(site->dir);
                free(site);
                return e;
        }
        *out = site;
        return GZ_OK;
}

void
gz_site_close(struct gz_site *site)
{
        if (site == NULL)
                return;
        gz_theme_free(&site->theme);
        state_free(site->state);
        pthread_rwlock_destroy(&site->state_lock);
        free(site->media_dir);
        free(site->dir);
        free(site);
}

const struct gz_tpl_set *
gz_site_templates(const struct gz_site *site)
{
        return site->theme.templates;
}

const char *
gz_site_asset_url(const struct gz_site *site, const char *name)
{
        const struct gz_asset *as = gz_theme_asset(&site->theme, name);
        return as ? as->url : NULL;
}

/* ---- headers ------------------------------------------------------------ */

void
gz_site_security_headers(struct gz_site *site, struct gz_resp *resp, bool admin)
{
        /* No inline script anywhere: scripts come from our own files. */
        gz_resp_header(resp, "Content-Security-Policy",
                       admin ? "default-src 'self'; img-src 'self' data: blob:; style-src 'self'; "
                               "script-src 'self'; object-src 'none'; base-uri 'none'; "
                               "form-action 'self'; frame-ancestors 'none'"
                             : "default-src 'self'; img-src 'self' data:; style-src 'self'; "
                               "script-src 'self'; object-src 'none'; base-uri 'self'; "
                               "form-action 'self'; frame-ancestors 'self'");
        gz_resp_header(resp, "X-Content-Type-Options", "nosniff");
        gz_resp_header(resp, "Referrer-Policy", "strict-origin-when-cross-origin");
        gz_resp_header(resp, "Permissions-Policy",
                       "camera=(), microphone=(), geolocation=(), payment=(), usb=(), "
                       "interest-cohort=()");
        if (admin) {
                gz_resp_header(resp, "X-Frame-Options", "DENY");
                gz_resp_header(resp, "Cache-Control", "no-store");
        }
        bool https;
        pthread_rwlock_rdlock(&site->state_lock);
        https = site->state->settings.https;
        pthread_rwlock_unlock(&site->state_lock);
        if (https)
                gz_resp_header(resp, "Strict-Transport-Security", "max-age=31536000");
}

/* ---- assets and media files --------------------------------------------- */

static const struct {
        const char *ext;
        const char *type;
} media_types[] = {
    {".jpg", "image/jpeg"},  {".jpeg", "image/jpeg"}, {".png", "image/png"},
    {".webp", "image/webp"}, {".gif", "image/gif"},
};

static bool
media_name_ok(const char *name)
{
        /* Names are made by the media pipeline: letters, digits, - _ . only. */
        if (*name == '\0' || *name == '.' || strlen(name) > 200)
                return false;
        for (const char *p = name; *p; p++) {
                char c = *p;
                if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                      c == '-' || c == '_' || c == '.'))
                        return false;
        }
        return true;
}

static bool
serve_media(struct gz_site *site, struct gz_req *req, struct gz_resp *resp, const char *name)
{
        if (!media_name_ok(name))
                return false;
        const char *dot = strrchr(name, '.');
        const char *type = NULL;
        for (size_t i = 0; dot && i < GZ_ARRAY_LEN(media_types); i++)
                if (strcmp(dot, media_types[i].ext) == 0)
                        type = media_types[i].type;
        if (type == NULL)
                return false;
        char *path = gz_arena_printf(req->arena, "%s/%s", site->media_dir, name);
        int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
        if (fd < 0 || !gz_resp_file(resp, fd, type))
                return false;
        /* A media file name never changes content: cache it for good. */
        gz_resp_header(resp, "Cache-Control", "public, max-age=31536000, immutable");
        gz_resp_header(resp, "ETag", gz_arena_printf(req->arena, "\"%s\"", name));
        const char *inm = gz_req_header(req, "If-None-Match");
        if (inm != NULL && strstr(inm, name) != NULL) {
                close(resp->file_fd);
                resp->file_fd = -1;
                gz_resp_body(resp, 304, NULL, "", 0);
        }
        return true;
}

static bool
serve_asset(struct gz_site *site, struct gz_req *req, struct gz_resp *resp)
{
        const struct gz_asset *as = gz_theme_asset(&site->theme, req->path);
        if (as == NULL)
                return false;
        const char *inm = gz_req_header(req, "If-None-Match");
        const char *etag = gz_http_frozen_header(as->frozen, "ETag");
        if (inm != NULL && etag != NULL && strstr(inm, etag) != NULL) {
                gz_resp_body(resp, 304, NULL, "", 0);
                gz_resp_header(resp, "ETag", etag);
                gz_resp_header(resp, "Cache-Control", "public, max-age=31536000, immutable");
                return true;
        }
        gz_resp_use_frozen(resp, as->frozen);
        return true;
}

/* ---- routing ------------------------------------------------------------ */

#define MAX_SEGMENTS 8

struct route {
        char *seg[MAX_SEGMENTS];
        size_t n;
        bool slash; /* the path ends with '/' */
};

static bool
split_path(struct gz_arena *a, const char *path, struct route *r)
{
        memset(r, 0, sizeof(*r));
        size_t len = strlen(path);
        r->slash = len > 0 && path[len - 1] == '/';
        char *copy = gz_arena_strdup(a, path);
        char *save = NULL;
        for (char *s = strtok_r(copy, "/", &save); s; s = strtok_r(NULL, "/", &save)) {
                if (r->n == MAX_SEGMENTS || strcmp(s, ".") == 0 || strcmp(s, "..") == 0)
                        return false;
                r->seg[r->n++] = s;
        }
        /* "//x" or "/x//y": not an address we make. */
        return strstr(path, "//") == NULL;
}

static bool
is_number(const char *s, size_t digits)
{
        if (strlen(s) != digits)
                return false;
        for (size_t i = 0; i < digits; i++)
                if (s[i] < '0' || s[i] > '9')
                        return false;
        return true;
}

static char *
join(struct gz_arena *a, char **seg, size_t n)
{
        struct gz_buf b;
        gz_buf_init(&b, a);
        for (size_t i = 0; i < n; i++)
                gz_buf_printf(&b, "%s%s", i ? "/" : "", seg[i]);
        return b.data ? b.data : gz_arena_strdup(a, "");
}

/* Resolves a path below the language prefix; returns false when nothing is
 * there. With dry_run it only checks (for the trailing-slash redirect). */
static bool
route(struct gz_page *p, struct route *r, bool dry_run)
{
        struct gz_store *store = p->site->store;
        if (r->n == 0) {
                if (!dry_run)
                        gz_page_home(p);
                return true;
        }
        if (r->n == 2 && strcmp(r->seg[0], "tag") == 0) {
                struct gz_tag *tag;
                if (gz_store_tag_get(store, p->a, 0, r->seg[1], &tag, NULL) != GZ_OK)
                        return false;
                if (!dry_run)
                        gz_page_tag(p, r->seg[1]);
                return true;
        }
        if (r->n == 2 && strcmp(r->seg[0], "author") == 0) {
                struct gz_author *au;
                if (gz_store_author_get(store, p->a, 0, r->seg[1], &au, NULL) != GZ_OK)
                        return false;
                if (!dry_run)
                        gz_page_author(p, r->seg[1]);
                return true;
        }
        if (r->n == 3 && is_number(r->seg[0], 4) && is_number(r->seg[1], 2)) {
                struct gz_article *ar;
                if (gz_store_article_get(store, p->a, 0, p->lang->code, r->seg[2], &ar, NULL) !=
                        GZ_OK ||
                    ar->status != GZ_STATUS_PUBLISHED || ar->kind == GZ_KIND_PAGE)
                        return false;
                if (dry_run)
                        return true;
                /* The address carries the month: an old or mistyped month
                 * moves to the one address the article has. */
                char *canonical = gz_view_article_url(p, ar);
                if (strcmp(canonical, p->req->path) != 0) {
                        gz_resp_redirect(p->resp, p->a, 301, canonical);
                        return true;
                }
                gz_page_article(p, ar, false);
                return true;
        }
        /* Archives: /archive/, /YYYY/ and /YYYY/MM/ (a section cannot take
         * these names). */
        if (r->n == 1 && strcmp(r->seg[0], "archive") == 0) {
                if (!dry_run)
                        gz_page_archive_index(p);
                return true;
        }
        long long year = 0, month = 0;
        if (r->n <= 2 && is_number(r->seg[0], 4) && gz_parse_int(r->seg[0], 1970, 2999, &year) &&
            (r->n == 1 || (is_number(r->seg[1], 2) && gz_parse_int(r->seg[1], 1, 12, &month)))) {
                if (!dry_run)
                        gz_page_archive(p, (int)year, r->n == 2 ? (int)month : 0);
                return true;
        }
        if (r->n == 1 && strcmp(r->seg[0], "search") == 0) {
                /* The search page's address has no slash. */
                if (!dry_run) {
                        const char *q = p->req->query && *p->req->query ? "?" : "";
                        gz_resp_redirect(p->resp, p->a, 301,
                                         gz_arena_printf(p->a, "%s/search%s%s", p->prefix, q,
                                                         p->req->query ? p->req->query : ""));
                }
                return true;
        }
        char *path = join(p->a, r->seg, r->n);
        const struct gz_section *sec = gz_tree_find_path(&p->st->tree, path);
        if (sec != NULL) {
                if (!dry_run)
                        gz_page_section(p, sec);
                return true;
        }
        if (r->n == 1) {
                struct gz_article *ar;
                if (gz_store_article_get(store, p->a, 0, p->lang->code, r->seg[0], &ar, NULL) ==
                        GZ_OK &&
                    ar->status == GZ_STATUS_PUBLISHED && ar->kind == GZ_KIND_PAGE) {
                        if (!dry_run)
                                gz_page_article(p, ar, false);
                        return true;
                }
        }
        return false;
}

/* Addresses of files rather than pages, all without a trailing slash:
 * feeds of any list, the search page, and at the root only robots.txt and
 * the sitemaps. False when the path is none of them. */
static bool
route_file(struct gz_page *p, struct route *r)
{
        if (r->slash || r->n == 0)
                return false;
        const char *last = r->seg[r->n - 1];
        for (int f = 0; f < GZ_FEED__MAX; f++)
                if (strcmp(last, gz_feed_files[f]) == 0)
                        return gz_page_feed(p, (enum gz_feed_format)f, r->seg, r->n - 1);
        if (r->n == 1 && strcmp(last, "search") == 0) {
                gz_page_search(p);
                return true;
        }
        if (*p->prefix != '\0')
                return false;
        if (r->n == 1 && strcmp(last, "robots.txt") == 0) {
                gz_page_robots(p);
                return true;
        }
        if (r->n == 1 && strcmp(last, "sitemap.xml") == 0) {
                gz_page_sitemap_index(p);
                return true;
        }
        if (r->n == 1 && strcmp(last, "news-sitemap.xml") == 0) {
                gz_page_news_sitemap(p);
                return true;
        }
        if (r->n == 2 && strcmp(r->seg[0], "sitemaps") == 0)
                return gz_page_sitemap(p, last);
        return false;
}

static void
handle_locked(struct gz_site *site, struct gz_req *req, struct gz_resp *resp, struct gz_deps *deps)
{
        struct gz_page page = {.site = site,
                               .req = req,
                               .resp = resp,
                               .a = req->arena,
                               .st = site->state,
                               .deps = deps};
        struct gz_page *p = &page;
        p->settings = &p->st->settings;
        p->lang = &p->st->languages[0]; /* the default comes first */
        for (size_t i = 0; i < p->st->language_count; i++)
                if (strcmp(p->st->languages[i].code, p->settings->language) == 0)
                        p->lang = &p->st->languages[i];
        p->prefix = "";

        struct route r;
        if (!split_path(p->a, req->path, &r)) {
                gz_page_not_found(p);
                return;
        }
        /* /fa/... is the same site in another language. */
        if (r.n > 0) {
                for (size_t i = 0; i < p->st->language_count; i++) {
                        const struct gz_language *l = &p->st->languages[i];
                        if (l != p->lang && strcmp(r.seg[0], l->code) == 0) {
                                p->lang = l;
                                p->prefix = gz_arena_printf(p->a, "/%s", l->code);
                                memmove(r.seg, r.seg + 1, (r.n - 1) * sizeof(r.seg[0]));
                                r.n--;
                                break;
                        }
                }
        }
        p->t = gz_theme_strings(&site->theme, p->lang->code);

        if (route_file(p, &r))
                return;
        if (r.slash || (r.n == 0 && *p->prefix == '\0')) {
                if (route(p, &r, false))
                        return;
        } else if (route(p, &r, true)) {
                /* The page exists with a slash: that is its address. */
                const char *q = req->query && *req->query ? "?" : "";
                gz_resp_redirect(
                    resp, p->a, 301,
                    gz_arena_printf(p->a, "%s/%s%s", req->path, q, req->query ? req->query : ""));
                return;
        }
        /* Old addresses (from an import or a renamed slug). */
        int status = 301;
        const char *to = gz_store_redirect_get(site->store, p->a, req->path, &status);
        if (to != NULL) {
                if (status == 410) {
                        gz_page_not_found(p);
                        resp->status = 410;
                } else {
                        gz_resp_redirect(resp, p->a, status, to);
                }
                return;
        }
        gz_page_not_found(p);
}

void
gz_site_handle(struct gz_site *site, struct gz_req *req, struct gz_resp *resp, struct gz_deps *deps)
{
        if (strcmp(req->path, "/healthz") == 0) {
                gz_resp_text(resp, 200, "ok\n");
                gz_resp_header(resp, "Cache-Control", "no-store");
                return;
        }
        if (req->method != GZ_GET && req->method != GZ_HEAD) {
                gz_resp_text(resp, 405, NULL);
                gz_resp_header(resp, "Allow", "GET, HEAD");
                return;
        }
        if (strncmp(req->path, "/assets/", 8) == 0) {
                if (!serve_asset(site, req, resp))
                        gz_resp_text(resp, 404, NULL);
                return;
        }
        if (strncmp(req->path, "/media/", 7) == 0) {
                if (!serve_media(site, req, resp, req->path + 7))
                        gz_resp_text(resp, 404, NULL);
                return;
        }
        pthread_rwlock_rdlock(&site->state_lock);
        gz_store_snapshot_begin(site->store);
        handle_locked(site, req, resp, deps);
        gz_store_snapshot_end(site->store);
        pthread_rwlock_unlock(&site->state_lock);
        gz_site_security_headers(site, resp, false);
}

void
gz_site_render_article(struct gz_site *site, struct gz_req *req, struct gz_resp *resp,
                       const struct gz_article *article, bool preview)
{
        pthread_rwlock_rdlock(&site->state_lock);
        struct gz_page page = {
            .site = site, .req = req, .resp = resp, .a = req->arena, .st = site->state};
        page.settings = &page.st->settings;
        page.lang = &page.st->languages[0];
        page.prefix = "";
        for (size_t i = 0; i < page.st->language_count; i++) {
                if (strcmp(page.st->languages[i].code, article->lang) == 0) {
                        page.lang = &page.st->languages[i];
                        if (strcmp(article->lang, page.settings->language) != 0)
                                page.prefix = gz_arena_printf(req->arena, "/%s", article->lang);
                }
        }
        page.t = gz_theme_strings(&site->theme, page.lang->code);
        gz_page_article(&page, article, preview);
        pthread_rwlock_unlock(&site->state_lock);
}
