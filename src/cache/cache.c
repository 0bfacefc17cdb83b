/* The response cache: sharded hash tables with an LRU list per shard,
 * placeholders that make concurrent misses wait for one render, and a
 * generation counter so a page rendered before a change is never stored
 * after it. */
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../render/render.h"
#include "cache.h"

#define SHARDS 32
#define MAX_KEY 2048

struct gz_cache_entry {
        atomic_int refs;
        uint64_t hash;
        char *key;
        bool pending; /* a placeholder while one caller renders */
        bool in_table;
        struct gz_http_frozen *variants[GZ_ENC__MAX];
        struct gz_http_frozen *not_modified[GZ_ENC__MAX];
        char *etags[GZ_ENC__MAX];
        uint64_t *deps; /* sorted */
        size_t dep_count;
        size_t bytes;
        gz_time expires;
        struct gz_cache_entry *chain;       /* hash bucket */
        struct gz_cache_entry *prev, *next; /* LRU, most recent first */
};

struct shard {
        pthread_mutex_t lock;
        pthread_cond_t filled;
        struct gz_cache_entry **buckets;
        size_t bucket_count;
        size_t count;
        size_t bytes;
        struct gz_cache_entry lru; /* sentinel */
};

struct gz_cache {
        struct shard shards[SHARDS];
        size_t budget;
        atomic_uint_fast64_t generation;
        atomic_uint_fast64_t hits, misses, fills, evictions, invalidated;
};

static const char *const encoding_names[GZ_ENC__MAX] = {
    [GZ_ENC_IDENTITY] = NULL, [GZ_ENC_GZIP] = "gzip", [GZ_ENC_BR] = "br"};
static const char *const etag_suffix[GZ_ENC__MAX] = {
    [GZ_ENC_IDENTITY] = "", [GZ_ENC_GZIP] = "-gz", [GZ_ENC_BR] = "-br"};

static uint64_t
hash_bytes(const char *s, size_t n)
{
        uint64_t h = 1469598103934665603ull;
        for (size_t i = 0; i < n; i++)
                h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
        /* Mix the high bits down: bucket and shard pick from different bits. */
        h ^= h >> 29;
        h *= 0xbf58476d1ce4e5b9ull;
        h ^= h >> 32;
        return h;
}

uint64_t
gz_cache_dep(const char *fmt, ...)
{
        char name[256];
        va_list ap;
        va_start(ap, fmt);
        int n = vsnprintf(name, sizeof(name), fmt, ap);
        va_end(ap);
        if (n < 0)
                n = 0;
        if ((size_t)n >= sizeof(name))
                n = sizeof(name) - 1;
        return hash_bytes(name, (size_t)n);
}

/* ---- keys ------------------------------------------------------------------ */

static const char *const kept_arguments[] = {"page", "q",    "section", "author", "tag",
                                             "kind", "from", "to",      "sort"};

char *
gz_cache_key(struct gz_arena *a, const struct gz_req *req)
{
        struct gz_buf key;
        gz_buf_init(&key, a);
        gz_buf_puts(&key, req->path);
        char sep = '?';
        for (size_t i = 0; i < GZ_ARRAY_LEN(kept_arguments); i++) {
                const char *v = gz_req_query(req, kept_arguments[i]);
                if (v == NULL)
                        continue;
                gz_buf_putc(&key, sep);
                gz_buf_puts(&key, kept_arguments[i]);
                gz_buf_putc(&key, '=');
                gz_url_encode(&key, v, strlen(v));
                sep = '&';
        }
        return key.len > MAX_KEY ? NULL : key.data;
}

/* ---- entries --------------------------------------------------------------- */

static void
entry_free(struct gz_cache_entry *e)
{
        for (int i = 0; i < GZ_ENC__MAX; i++) {
                gz_http_frozen_release(e->variants[i]);
                gz_http_frozen_release(e->not_modified[i]);
                free(e->etags[i]);
        }
        free(e->deps);
        free(e->key);
        free(e);
}

void
gz_cache_release(struct gz_cache_entry *e)
{
        if (e != NULL && atomic_fetch_sub_explicit(&e->refs, 1, memory_order_acq_rel) == 1)
                entry_free(e);
}

static void
lru_unlink(struct gz_cache_entry *e)
{
        e->prev->next = e->next;
        e->next->prev = e->prev;
        e->prev = e->next = NULL;
}

static void
lru_push_front(struct shard *s, struct gz_cache_entry *e)
{
        e->next = s->lru.next;
        e->prev = &s->lru;
        s->lru.next->prev = e;
        s->lru.next = e;
}

static struct gz_cache_entry **
bucket_of(struct shard *s, uint64_t hash)
{
        return &s->buckets[(hash >> 8) % s->bucket_count];
}

static struct gz_cache_entry *
find(struct shard *s, uint64_t hash, const char *key)
{
        for (struct gz_cache_entry *e = *bucket_of(s, hash); e != NULL; e = e->chain)
                if (e->hash == hash && strcmp(e->key, key) == 0)
                        return e;
        return NULL;
}

static void
grow(struct shard *s)
{
        size_t count = s->bucket_count * 2;
        struct gz_cache_entry **buckets = gz_xcalloc(count, sizeof(*buckets));
        for (size_t i = 0; i < s->bucket_count; i++) {
                struct gz_cache_entry *e = s->buckets[i];
                while (e != NULL) {
                        struct gz_cache_entry *next = e->chain;
                        struct gz_cache_entry **b = &buckets[(e->hash >> 8) % count];
                        e->chain = *b;
                        *b = e;
                        e = next;
                }
        }
        free(s->buckets);
        s->buckets = buckets;
        s->bucket_count = count;
}

static void
insert(struct shard *s, struct gz_cache_entry *e)
{
        if (s->count + 1 > s->bucket_count)
                grow(s);
        struct gz_cache_entry **b = bucket_of(s, e->hash);
        e->chain = *b;
        *b = e;
        lru_push_front(s, e);
        e->in_table = true;
        s->count++;
        s->bytes += e->bytes;
}

/* Takes an entry out of its shard and drops the table's reference. */
static void
evict(struct shard *s, struct gz_cache_entry *e)
{
        struct gz_cache_entry **p = bucket_of(s, e->hash);
        while (*p != NULL && *p != e)
                p = &(*p)->chain;
        if (*p == e)
                *p = e->chain;
        lru_unlink(e);
        e->in_table = false;
        s->count--;
        s->bytes -= e->bytes;
        gz_cache_release(e);
}

/* ---- the cache ---------------------------------------------------------------- */

struct gz_cache *
gz_cache_new(size_t budget_bytes)
{
        struct gz_cache *c = gz_xcalloc(1, sizeof(*c));
        c->budget = budget_bytes;
        for (int i = 0; i < SHARDS; i++) {
                struct shard *s = &c->shards[i];
                pthread_mutex_init(&s->lock, NULL);
                pthread_cond_init(&s->filled, NULL);
                s->bucket_count = 64;
                s->buckets = gz_xcalloc(s->bucket_count, sizeof(*s->buckets));
                s->lru.next = s->lru.prev = &s->lru;
        }
        return c;
}

void
gz_cache_clear(struct gz_cache *c)
{
        atomic_fetch_add(&c->generation, 1);
        for (int i = 0; i < SHARDS; i++) {
                struct shard *s = &c->shards[i];
                pthread_mutex_lock(&s->lock);
                struct gz_cache_entry *e = s->lru.next;
                while (e != &s->lru) {
                        struct gz_cache_entry *next = e->next;
                        if (!e->pending) {
                                evict(s, e);
                                atomic_fetch_add(&c->invalidated, 1);
                        }
                        e = next;
                }
                pthread_mutex_unlock(&s->lock);
        }
}

void
gz_cache_free(struct gz_cache *c)
{
        if (c == NULL)
                return;
        gz_cache_clear(c);
        for (int i = 0; i < SHARDS; i++) {
                struct shard *s = &c->shards[i];
                /* Placeholders of requests still running cannot exist here:
                 * the server has stopped. */
                pthread_mutex_destroy(&s->lock);
                pthread_cond_destroy(&s->filled);
                free(s->buckets);
        }
        free(c);
}

static struct shard *
shard_of(struct gz_cache *c, uint64_t hash)
{
        return &c->shards[hash % SHARDS];
}

struct gz_cache_entry *
gz_cache_lookup(struct gz_cache *c, const char *key, gz_time now, struct gz_cache_claim *claim)
{
        uint64_t hash = hash_bytes(key, strlen(key));
        struct shard *s = shard_of(c, hash);
        memset(claim, 0, sizeof(*claim));
        pthread_mutex_lock(&s->lock);
        for (;;) {
                struct gz_cache_entry *e = find(s, hash, key);
                if (e != NULL && !e->pending && e->expires > now) {
                        lru_unlink(e);
                        lru_push_front(s, e);
                        atomic_fetch_add_explicit(&e->refs, 1, memory_order_relaxed);
                        pthread_mutex_unlock(&s->lock);
                        atomic_fetch_add_explicit(&c->hits, 1, memory_order_relaxed);
                        return e;
                }
                if (e != NULL && e->pending) {
                        /* Someone renders this page now: wait for it. */
                        struct timespec until;
                        clock_gettime(CLOCK_REALTIME, &until);
                        until.tv_sec += 10;
                        pthread_cond_timedwait(&s->filled, &s->lock, &until);
                        continue;
                }
                if (e != NULL)
                        evict(s, e); /* expired: yesterday's date bar */
                struct gz_cache_entry *ph = gz_xcalloc(1, sizeof(*ph));
                atomic_init(&ph->refs, 1);
                ph->hash = hash;
                ph->key = gz_xstrdup(key);
                ph->pending = true;
                insert(s, ph);
                claim->hash = hash;
                claim->key = ph->key;
                claim->generation = atomic_load(&c->generation);
                claim->active = true;
                pthread_mutex_unlock(&s->lock);
                atomic_fetch_add_explicit(&c->misses, 1, memory_order_relaxed);
                return NULL;
        }
}

static void
drop_placeholder(struct shard *s, struct gz_cache_claim *claim)
{
        struct gz_cache_entry *ph = find(s, claim->hash, claim->key);
        if (ph != NULL && ph->pending)
                evict(s, ph);
        claim->active = false;
        claim->key = NULL;
        pthread_cond_broadcast(&s->filled);
}

void
gz_cache_abandon(struct gz_cache *c, struct gz_cache_claim *claim)
{
        if (!claim->active)
                return;
        struct shard *s = shard_of(c, claim->hash);
        pthread_mutex_lock(&s->lock);
        drop_placeholder(s, claim);
        pthread_mutex_unlock(&s->lock);
}

static int
compare_deps(const void *a, const void *b)
{
        uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
        return x < y ? -1 : x > y;
}

/* A variant of the response with another body, encoding and ETag. */
static struct gz_http_frozen *
variant(const struct gz_resp *resp, const char *body, size_t len, enum gz_encoding enc,
        const char *etag)
{
        struct gz_resp v = *resp;
        v.frozen = NULL;
        v.body = body;
        v.body_len = len;
        gz_resp_header(&v, "ETag", etag);
        gz_resp_header(&v, "Vary", "Accept-Encoding");
        if (encoding_names[enc] != NULL)
                gz_resp_header(&v, "Content-Encoding", encoding_names[enc]);
        return gz_http_freeze(&v);
}

static struct gz_http_frozen *
not_modified(const struct gz_resp *resp, const char *etag)
{
        struct gz_resp v;
        gz_resp_init(&v);
        v.status = 304;
        gz_resp_header(&v, "ETag", etag);
        gz_resp_header(&v, "Vary", "Accept-Encoding");
        const char *cc = gz_resp_get_header(resp, "Cache-Control");
        if (cc != NULL)
                gz_resp_header(&v, "Cache-Control", cc);
        return gz_http_freeze(&v);
}

static struct gz_cache_entry *
build_entry(const struct gz_resp *resp, const uint64_t *deps, size_t dep_count, gz_time expires)
{
        struct gz_cache_entry *e = gz_xcalloc(1, sizeof(*e));
        atomic_init(&e->refs, 1);
        e->expires = expires;
        const char *etag = gz_resp_get_header(resp, "ETag");
        char base[64];
        if (etag != NULL && strlen(etag) > 2 && strlen(etag) < sizeof(base) - 8 && etag[0] == '"') {
                snprintf(base, sizeof(base), "%.*s", (int)strlen(etag) - 2, etag + 1);
        } else {
                snprintf(base, sizeof(base), "%016llx",
                         (unsigned long long)hash_bytes(resp->body, resp->body_len));
        }
        struct gz_buf packed[GZ_ENC__MAX];
        for (int i = 0; i < GZ_ENC__MAX; i++)
                gz_buf_init(&packed[i], NULL);
        bool ok[GZ_ENC__MAX] = {true, false, false};
        /* Small bodies are not worth compressing. */
        if (resp->body_len >= 256) {
                ok[GZ_ENC_GZIP] = gz_gzip(resp->body, resp->body_len, 6, &packed[GZ_ENC_GZIP]);
                ok[GZ_ENC_BR] = gz_brotli(resp->body, resp->body_len, 5, &packed[GZ_ENC_BR]);
        }
        for (int i = 0; i < GZ_ENC__MAX; i++) {
                if (!ok[i])
                        continue;
                if (asprintf(&e->etags[i], "\"%s%s\"", base, etag_suffix[i]) < 0)
                        gz_oom(__FILE__, __LINE__);
                const char *body = i == GZ_ENC_IDENTITY ? resp->body : packed[i].data;
                size_t len = i == GZ_ENC_IDENTITY ? resp->body_len : packed[i].len;
                e->variants[i] = variant(resp, body, len, (enum gz_encoding)i, e->etags[i]);
                e->not_modified[i] = not_modified(resp, e->etags[i]);
                e->bytes += len + 512;
                gz_buf_free(&packed[i]);
        }
        e->deps = gz_xmalloc((dep_count ? dep_count : 1) * sizeof(*deps));
        if (dep_count)
                memcpy(e->deps, deps, dep_count * sizeof(*deps));
        qsort(e->deps, dep_count, sizeof(*deps), compare_deps);
        e->dep_count = dep_count;
        e->bytes += sizeof(*e) + dep_count * sizeof(*deps);
        return e;
}

struct gz_cache_entry *
gz_cache_fill(struct gz_cache *c, struct gz_cache_claim *claim, const struct gz_resp *resp,
              const uint64_t *deps, size_t dep_count, gz_time expires)
{
        struct gz_cache_entry *e = build_entry(resp, deps, dep_count, expires);
        if (!claim->active)
                return e;
        e->hash = claim->hash;
        e->key = gz_xstrdup(claim->key);
        struct shard *s = shard_of(c, claim->hash);
        size_t shard_budget = c->budget / SHARDS;
        pthread_mutex_lock(&s->lock);
        drop_placeholder(s, claim);
        /* A change since the claim may have made this page stale: serve it
         * to this request only. */
        if (atomic_load(&c->generation) == claim->generation && e->bytes <= shard_budget) {
                atomic_fetch_add_explicit(&e->refs, 1, memory_order_relaxed);
                insert(s, e);
                while (s->bytes > shard_budget && s->lru.prev != &s->lru) {
                        struct gz_cache_entry *victim = s->lru.prev;
                        if (victim == e)
                                break;
                        if (victim->pending) { /* skip placeholders: move them up */
                                lru_unlink(victim);
                                lru_push_front(s, victim);
                                continue;
                        }
                        evict(s, victim);
                        atomic_fetch_add_explicit(&c->evictions, 1, memory_order_relaxed);
                }
                atomic_fetch_add_explicit(&c->fills, 1, memory_order_relaxed);
        }
        pthread_mutex_unlock(&s->lock);
        return e;
}

/* ---- answering ---------------------------------------------------------------- */

static bool
etag_listed(const char *header, const char *etag)
{
        if (header == NULL)
                return false;
        if (strcmp(header, "*") == 0)
                return true;
        size_t n = strlen(etag);
        for (const char *p = strstr(header, etag); p != NULL; p = strstr(p + 1, etag)) {
                char after = p[n];
                if (after == '\0' || after == ',' || after == ' ')
                        return true;
        }
        return false;
}

void
gz_cache_respond(struct gz_cache_entry *e, const struct gz_req *req, struct gz_resp *resp)
{
        enum gz_encoding enc = gz_accept_encoding(gz_req_header(req, "Accept-Encoding"));
        if (e->variants[enc] == NULL)
                enc = e->variants[GZ_ENC_GZIP] && enc == GZ_ENC_BR ? GZ_ENC_GZIP : GZ_ENC_IDENTITY;
        const char *inm = gz_req_header(req, "If-None-Match");
        if (inm != NULL && etag_listed(inm, e->etags[enc]))
                gz_resp_use_frozen(resp, e->not_modified[enc]);
        else
                gz_resp_use_frozen(resp, e->variants[enc]);
}

/* ---- invalidation -------------------------------------------------------------- */

static bool
depends(const struct gz_cache_entry *e, const uint64_t *deps, size_t count)
{
        for (size_t i = 0; i < count; i++) {
                size_t lo = 0, hi = e->dep_count;
                while (lo < hi) {
                        size_t mid = (lo + hi) / 2;
                        if (e->deps[mid] == deps[i])
                                return true;
                        if (e->deps[mid] < deps[i])
                                lo = mid + 1;
                        else
                                hi = mid;
                }
        }
        return false;
}

size_t
gz_cache_invalidate(struct gz_cache *c, const uint64_t *deps, size_t count)
{
        /* First the generation, so a render in flight is not stored. */
        atomic_fetch_add(&c->generation, 1);
        size_t dropped = 0;
        for (int i = 0; i < SHARDS; i++) {
                struct shard *s = &c->shards[i];
                pthread_mutex_lock(&s->lock);
                struct gz_cache_entry *e = s->lru.next;
                while (e != &s->lru) {
                        struct gz_cache_entry *next = e->next;
                        if (!e->pending && depends(e, deps, count)) {
                                evict(s, e);
                                dropped++;
                        }
                        e = next;
                }
                pthread_mutex_unlock(&s->lock);
        }
        atomic_fetch_add(&c->invalidated, dropped);
        return dropped;
}

void
gz_cache_stats(struct gz_cache *c, struct gz_cache_stats *out)
{
        memset(out, 0, sizeof(*out));
        out->budget = c->budget;
        for (int i = 0; i < SHARDS; i++) {
                struct shard *s = &c->shards[i];
                pthread_mutex_lock(&s->lock);
                out->entries += s->count;
                out->bytes += s->bytes;
                pthread_mutex_unlock(&s->lock);
        }
        out->hits = atomic_load(&c->hits);
        out->misses = atomic_load(&c->misses);
        out->fills = atomic_load(&c->fills);
        out->evictions = atomic_load(&c->evictions);
        out->invalidated = atomic_load(&c->invalidated);
}
