/* Gazette cache: whole rendered responses in memory, with gzip and brotli
 * variants made once, bounded by a byte budget, sharded so threads do not
 * share a lock, filled once when many ask for the same missing page, and
 * invalidated exactly: every entry names what it shows (dependency keys),
 * and a change drops the entries that name anything it touched. */
#ifndef GZ_CACHE_H
#define GZ_CACHE_H

#include "../core/core.h"
#include "../http/http.h"

struct gz_cache;
struct gz_cache_entry;

struct gz_cache *gz_cache_new(size_t budget_bytes);
void gz_cache_free(struct gz_cache *c);

/* A dependency key: a 64-bit hash of a printf-style name such as
 * "a:42" (article 42 is shown), "home:en" (the list of the front page). */
uint64_t gz_cache_dep(const char *fmt, ...) GZ_PRINTF(1, 2);

/* The cache key of a request: its path and only the query arguments a
 * page reads (so random arguments cannot fill the cache). */
char *gz_cache_key(struct gz_arena *a, const struct gz_req *req);

/* One caller renders a missing page; the others asking for it wait. */
struct gz_cache_claim {
        uint64_t hash;
        char *key;
        uint64_t generation; /* invalidations seen when the claim was made */
        bool active;
};

/* A hit returns a referenced entry (release it). A miss returns NULL and
 * makes this caller the claim's owner (claim->active): render, then
 * gz_cache_fill or gz_cache_abandon. Entries past `expires` are misses. */
struct gz_cache_entry *gz_cache_lookup(struct gz_cache *c, const char *key, gz_time now,
                                       struct gz_cache_claim *claim);
/* Stores a rendered 200 response with its gzip and brotli variants, unless
 * an invalidation happened since the claim (then it only serves this
 * request). Returns a referenced entry to answer with. */
struct gz_cache_entry *gz_cache_fill(struct gz_cache *c, struct gz_cache_claim *claim,
                                     const struct gz_resp *resp, const uint64_t *deps,
                                     size_t dep_count, gz_time expires);
void gz_cache_abandon(struct gz_cache *c, struct gz_cache_claim *claim);
void gz_cache_release(struct gz_cache_entry *e);

/* Answers from an entry: the variant the client accepts (Vary:
 * Accept-Encoding), or 304 when If-None-Match matches it. */
void gz_cache_respond(struct gz_cache_entry *e, const struct gz_req *req, struct gz_resp *resp);

/* Drops every entry that depends on any of the keys; returns how many. */
size_t gz_cache_invalidate(struct gz_cache *c, const uint64_t *deps, size_t count);
void gz_cache_clear(struct gz_cache *c);

struct gz_cache_stats {
        size_t entries, bytes, budget;
        uint64_t hits, misses, fills, evictions, invalidated;
};
void gz_cache_stats(struct gz_cache *c, struct gz_cache_stats *out);

/* Compression, shared with the static export: whole buffers, heap output. */
bool gz_gzip(const void *in, size_t len, int level, struct gz_buf *out);
bool gz_brotli(const void *in, size_t len, int quality, struct gz_buf *out);

/* Which encoding a client prefers among br, gzip and identity. */
enum gz_encoding { GZ_ENC_IDENTITY, GZ_ENC_GZIP, GZ_ENC_BR, GZ_ENC__MAX };
enum gz_encoding gz_accept_encoding(const char *header);

#endif
