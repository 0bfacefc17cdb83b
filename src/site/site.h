/* Gazette site: the public pages (home, sections, articles, tags, authors,
 * static pages, archives, search, feeds, sitemaps), theme assets and media
 * files. Pages are rendered from the theme's Mustache templates. */
#ifndef GZ_SITE_H
#define GZ_SITE_H

#include "../content/content.h"
#include "../http/http.h"
#include "../render/render.h"
#include "../store/store.h"

struct gz_site;

struct gz_site_options {
        const char *dir; /* the site folder: gazette.db, media/, theme/ */
        struct gz_store *store;
};

/* Loads the theme (the built-in one, with any file of DIR/theme/ taking
 * precedence), settings, languages and the section tree. A template with a
 * syntax error gives a clear message naming the file and line. */
enum gz_err gz_site_open(const struct gz_site_options *opt, struct gz_site **out,
                         struct gz_error *err);
void gz_site_close(struct gz_site *site);

/* What a rendered page shows, for the cache: dependency keys (see
 * src/cache/cache.h), whether it may be cached at all, and until when (the
 * date bar changes at midnight in the site's time zone). */
struct gz_deps {
        struct gz_arena *arena;
        uint64_t *keys;
        size_t count, cap;
        bool cacheable;
        gz_time expires;
};

void gz_deps_add(struct gz_deps *d, uint64_t key);

/* Answers a public request (GET/HEAD). Everything the response shows is
 * rendered into the request's arena. deps (may be NULL) collects what the
 * page depends on. Conditional requests are the caller's business. */
void gz_site_handle(struct gz_site *site, struct gz_req *req, struct gz_resp *resp,
                    struct gz_deps *deps);

/* Re-reads settings, languages and the section tree (after a change). */
enum gz_err gz_site_reload(struct gz_site *site, struct gz_error *err);

/* Adds the headers every response carries (CSP, nosniff, referrer, HSTS on
 * https sites); admin adds its own stricter set. */
void gz_site_security_headers(struct gz_site *site, struct gz_resp *resp, bool admin);

/* The theme's templates and strings, for the admin's preview. */
const struct gz_tpl_set *gz_site_templates(const struct gz_site *site);

/* Renders an article exactly as the public page shows it, published or not
 * (the admin's preview). */
void gz_site_render_article(struct gz_site *site, struct gz_req *req, struct gz_resp *resp,
                            const struct gz_article *article, bool preview);

/* The fingerprinted address of a theme asset ("style.css" ->
 * "/assets/style.1a2b3c4d5e.css"), or NULL. */
const char *gz_site_asset_url(const struct gz_site *site, const char *name);

/* Calls fn with every public address the site answers: home, feeds,
 * archives, sections, tags and authors of every language with their
 * "?page=N" pages, articles, static pages, sitemaps, robots.txt, theme
 * assets and media files (for the static export). Addresses of routes not
 * built yet may answer 404: callers keep what answers 200. */
void gz_site_each_url(struct gz_site *site, void (*fn)(void *ctx, const char *path), void *ctx);

#endif
