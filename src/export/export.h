/* Gazette export: the public site written as files, so any web server or CDN
 * can serve it. Every address is rendered by the site itself (no HTTP), so
 * each file holds exactly the body the server sends, with .gz and .br
 * variants beside it for nginx's gzip_static and brotli_static. A manifest
 * (OUTDIR/.gazette-export) remembers what was written: a second run rewrites
 * only what changed and removes what no longer exists. The live exporter
 * keeps a folder current while the server runs. */
#ifndef GZ_EXPORT_H
#define GZ_EXPORT_H

#include "../content/content.h"
#include "../core/core.h"
#include "../site/site.h"
#include "../store/store.h"

/* The manifest's name inside the output folder. */
#define GZ_EXPORT_MANIFEST ".gazette-export"

struct gz_export_options {
        const char *outdir;
        int gzip_level;     /* 1-9; 0: 9 */
        int brotli_quality; /* 0-11; -1: 11 */
        bool no_compress;   /* write no .gz or .br files */
        unsigned threads;   /* 0: one per core */
        bool progress;      /* a progress bar on standard error */
        gz_time now;        /* 0: the current time (the date bar shows its day) */
};

struct gz_export_stats {
        size_t addresses; /* tried */
        size_t exported;  /* answered 200: in the folder */
        size_t written;   /* of those, rewritten because they changed or were new */
        size_t unchanged;
        size_t removed; /* files of a previous run whose address is gone */
        size_t skipped; /* answered something else than 200 (not built yet, redirects) */
        uint64_t bytes; /* written, variants included */
        int64_t elapsed_ms;
};

/* Exports the whole public site into opt->outdir (created if needed). */
enum gz_err gz_export_run(struct gz_site *site, const struct gz_export_options *opt,
                          struct gz_export_stats *stats, struct gz_error *err);

/* The file an address is written to, relative to the output folder:
 * "/" -> "index.html", "/news/" -> "news/index.html", "/news/?page=3" ->
 * "news/page/3/index.html" (a query string cannot be a file name; nginx maps
 * it back, see docs/nginx/gazette-static.conf), "/feed.xml" -> "feed.xml".
 * NULL for an address that has no file (another query, "..", "//"). */
char *gz_export_file_for(struct gz_arena *a, const char *address);

/* ---- the live exporter ------------------------------------------------- */

struct gz_live_export;

/* Exports the whole site into outdir (reusing what a previous export left
 * there), then keeps it current: gz_live_export_change() rewrites the files
 * a change affects, and a thread rewrites everything at each midnight of the
 * site's time zone (the date bar). Uses gzip 6 and brotli 5, as the cache
 * does, so a change is written within milliseconds. NULL on failure. */
struct gz_live_export *gz_live_export_start(struct gz_site *site, struct gz_store *store,
                                            const char *outdir, struct gz_error *err);
/* Rewrites, before it returns, every file whose page shows what changed
 * (the pages' dependency keys, as the cache records them), writes the
 * addresses a change creates (a new article, its tag and author pages, a
 * new ?page=N) and removes those that stopped answering 200. Two kinds of
 * page, hundreds on a large site, are rewritten just after, by a background
 * thread: the related-article boxes of other articles (a new article may
 * enter all those of its section and tags) and page 2 and beyond of lists
 * (they all shift by one with a new article). Sections and settings rewrite everything: call it
 * after gz_site_reload(). Does nothing when le is NULL. */
void gz_live_export_change(struct gz_live_export *le, const struct gz_change *change);
/* Waits until the background thread has written what was deferred, at
 * most timeout_ms (< 0: for good); false when it is still at work. */
bool gz_live_export_flush(struct gz_live_export *le, int timeout_ms);
/* Counters since the start, for tests and logs. */
struct gz_live_export_stats {
        uint64_t changes, rendered, written, removed, full_passes;
        uint64_t change_rendered; /* of rendered, by changes before they returned */
        uint64_t deferred;        /* addresses handed to the background thread */
        int64_t last_change_ms;   /* time the last change took */
};
void gz_live_export_stats(struct gz_live_export *le, struct gz_live_export_stats *out);
void gz_live_export_stop(struct gz_live_export *le);

#endif
