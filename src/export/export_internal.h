/* Shared by the files of src/export/ only: the engine that renders an
 * address, writes its file and variants when they changed, and remembers
 * what each file shows. */
#ifndef GZ_EXPORT_INTERNAL_H
#define GZ_EXPORT_INTERNAL_H

#include <pthread.h>

#include "export.h"

#define GZ_EXPORT_HASH 16

/* One file of the folder, by its relative path. */
struct gz_export_item {
        char *file;
        char *address; /* NULL when known only from the manifest */
        unsigned char hash[GZ_EXPORT_HASH];
        bool present;   /* written, by this process or an earlier run */
        bool tracked;   /* deps are known: the page can be found from a change */
        uint64_t *deps; /* sorted */
        size_t dep_count;
        uint64_t pass; /* the last full pass that saw it */
        struct gz_export_item *chain;
};

struct gz_exporter {
        struct gz_site *site;
        char *outdir;
        int gzip_level, brotli_quality;
        bool no_compress;
        unsigned threads;
        pthread_mutex_t lock; /* the table and the counters */
        struct gz_export_item **buckets;
        size_t bucket_count, count;
        uint64_t pass;
};

/* What exporting one address did. */
enum gz_export_outcome { GZ_EXPORT_WRITTEN, GZ_EXPORT_UNCHANGED, GZ_EXPORT_SKIPPED };

void gz_exporter_init(struct gz_exporter *x, struct gz_site *site, const char *outdir);
void gz_exporter_free(struct gz_exporter *x);
/* Reads OUTDIR/.gazette-export into the table (a missing one is empty). */
void gz_exporter_load_manifest(struct gz_exporter *x);
enum gz_err gz_exporter_save_manifest(struct gz_exporter *x, struct gz_error *err);
struct gz_export_item *gz_exporter_find(struct gz_exporter *x, const char *file);

/* Renders one address and brings its file up to date (or removes it when
 * the address stopped answering 200). *next gets the address of the
 * following ?page=N when the page links to it (else NULL, in arena a).
 * *bytes adds what was written. Thread-safe. */
enum gz_export_outcome gz_exporter_one(struct gz_exporter *x, struct gz_arena *a,
                                       const char *address, gz_time now, uint64_t pass,
                                       const char **next, uint64_t *bytes, bool *removed);

/* Removes a file of the folder with its variants and empty parent folders. */
void gz_exporter_remove(struct gz_exporter *x, const char *file);

/* A full pass: every address of gz_site_each_url plus the ?page=N pages
 * they link to, on x->threads threads; then removes files no address
 * produced. */
enum gz_err gz_exporter_pass(struct gz_exporter *x, gz_time now, bool progress,
                             struct gz_export_stats *stats, struct gz_error *err);

/* Exports these addresses (and the ?page=N pages they link to) on that
 * many threads (the caller's and threads - 1 new ones: each new thread
 * opens its own database reader), without removing anything else. */
void gz_exporter_run_list(struct gz_exporter *x, const char *const *addresses, size_t n,
                          gz_time now, unsigned threads, struct gz_export_stats *stats);

#endif
