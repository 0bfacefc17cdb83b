/* Rate limits per client: a token bucket per address in a fixed-size,
 * set-associative table, so memory is bounded whatever the number of
 * addresses an attacker controls. */
#include <arpa/inet.h>
#include <pthread.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include "http.h"

/* Each key maps to one set of WAYS entries; a new key takes a free entry of
 * its set or replaces one there. */
#define WAYS 8
#define LOCKS 64

struct bucket {
        unsigned char key[16];
        bool used;
        int64_t stamp_ms;  /* when credit_ms was last brought up to date */
        int64_t credit_ms; /* earned time: interval_ms of it buys one request */
};

struct gz_ratelimit {
        struct gz_ratelimit_config cfg;
        int64_t cap_ms; /* a full bucket */
        size_t sets;
        struct bucket *buckets; /* sets * WAYS */
        /* The set of a key is chosen by a keyed hash, so nobody outside can
         * aim many addresses at one set to evict a particular client. */
        unsigned char hash_key[crypto_shorthash_KEYBYTES];
        pthread_mutex_t locks[LOCKS];
};

static int64_t
default_clock(void *ctx)
{
        (void)ctx;
        return gz_monotonic_ms();
}

struct gz_ratelimit *
gz_ratelimit_new(const struct gz_ratelimit_config *cfg)
{
        if (sodium_init() < 0)
                abort();
        struct gz_ratelimit *rl = gz_xcalloc(1, sizeof(*rl));
        rl->cfg = *cfg;
        if (rl->cfg.burst == 0)
                rl->cfg.burst = 1;
        if (rl->cfg.interval_ms == 0)
                rl->cfg.interval_ms = 1;
        if (rl->cfg.now_ms == NULL)
                rl->cfg.now_ms = default_clock;
        rl->cap_ms = (int64_t)rl->cfg.burst * rl->cfg.interval_ms;
        rl->sets = (cfg->max_clients + WAYS - 1) / WAYS;
        if (rl->sets == 0)
                rl->sets = 1;
        rl->buckets = gz_xcalloc(rl->sets * WAYS, sizeof(struct bucket));
        crypto_shorthash_keygen(rl->hash_key);
        for (size_t i = 0; i < LOCKS; i++)
                pthread_mutex_init(&rl->locks[i], NULL);
        return rl;
}

void
gz_ratelimit_free(struct gz_ratelimit *rl)
{
        if (rl == NULL)
                return;
        for (size_t i = 0; i < LOCKS; i++)
                pthread_mutex_destroy(&rl->locks[i]);
        free(rl->buckets);
        free(rl);
}

/* An address becomes its 16 bytes (IPv4 as ::ffff:a.b.c.d, IPv6 cut to its
 * /64); anything else a 16-byte digest. */
static void
make_key(const char *s, unsigned char key[16])
{
        struct in_addr v4;
        struct in6_addr v6;
        if (inet_pton(AF_INET, s, &v4) == 1) {
                memset(key, 0, 10);
                key[10] = key[11] = 0xff;
                memcpy(key + 12, &v4, 4);
        } else if (inet_pton(AF_INET6, s, &v6) == 1) {
                memcpy(key, &v6, 16);
                if (!IN6_IS_ADDR_V4MAPPED(&v6))
                        memset(key + 8, 0, 8);
        } else {
                crypto_generichash(key, 16, (const unsigned char *)s, strlen(s), NULL, 0);
        }
}

/* Brings a bucket's credit up to now; a clock that went back earns nothing. */
static int64_t
credit_now(const struct gz_ratelimit *rl, const struct bucket *b, int64_t now)
{
        int64_t elapsed = now > b->stamp_ms ? now - b->stamp_ms : 0;
        int64_t credit = b->credit_ms + elapsed;
        return credit > rl->cap_ms ? rl->cap_ms : credit;
}

/* The entry for key in its set: the key's own, else a free one or one whose
 * bucket is full again (forgetting it loses nothing), else the one used
 * longest ago. */
static struct bucket *
find(struct gz_ratelimit *rl, struct bucket *set, const unsigned char key[16], int64_t now)
{
        struct bucket *spare = NULL, *oldest = NULL;
        for (size_t i = 0; i < WAYS; i++) {
                struct bucket *b = &set[i];
                if (b->used && memcmp(b->key, key, 16) == 0)
                        return b;
                if (spare == NULL && (!b->used || credit_now(rl, b, now) >= rl->cap_ms))
                        spare = b;
                if (oldest == NULL || b->stamp_ms < oldest->stamp_ms)
                        oldest = b;
        }
        struct bucket *b = spare ? spare : oldest;
        memcpy(b->key, key, 16);
        b->used = true;
        b->stamp_ms = now;
        b->credit_ms = rl->cap_ms;
        return b;
}

bool
gz_ratelimit_take(struct gz_ratelimit *rl, const char *key, unsigned *retry_after_s)
{
        unsigned char k[16];
        make_key(key ? key : "", k);
        uint64_t h;
        crypto_shorthash((unsigned char *)&h, k, sizeof(k), rl->hash_key);
        size_t set = (size_t)(h % rl->sets);
        pthread_mutex_t *lock = &rl->locks[set % LOCKS];
        pthread_mutex_lock(lock);
        int64_t now = rl->cfg.now_ms(rl->cfg.clock_ctx);
        struct bucket *b = find(rl, &rl->buckets[set * WAYS], k, now);
        int64_t credit = credit_now(rl, b, now);
        /* The stamp only moves forward, so a clock going back cannot refill. */
        if (now > b->stamp_ms)
                b->stamp_ms = now;
        bool allowed = credit >= rl->cfg.interval_ms;
        if (allowed)
                credit -= rl->cfg.interval_ms;
        b->credit_ms = credit;
        pthread_mutex_unlock(lock);
        if (!allowed && retry_after_s != NULL) {
                int64_t wait_ms = rl->cfg.interval_ms - credit;
                *retry_after_s = (unsigned)((wait_ms + 999) / 1000);
                if (*retry_after_s == 0)
                        *retry_after_s = 1;
        }
        return allowed;
}

size_t
gz_ratelimit_count(struct gz_ratelimit *rl)
{
        size_t n = 0;
        for (size_t set = 0; set < rl->sets; set++) {
                pthread_mutex_lock(&rl->locks[set % LOCKS]);
                for (size_t i = 0; i < WAYS; i++)
                        n += rl->buckets[set * WAYS + i].used;
                pthread_mutex_unlock(&rl->locks[set % LOCKS]);
        }
        return n;
}

bool
gz_ratelimit_allow(struct gz_ratelimit *rl, const struct gz_req *req, struct gz_resp *resp)
{
        unsigned retry = 0;
        if (gz_ratelimit_take(rl, req->client_ip ? req->client_ip : "", &retry))
                return true;
        gz_resp_text(resp, 429, NULL);
        gz_resp_header(resp, "Retry-After", gz_arena_printf(req->arena, "%u", retry));
        gz_resp_header(resp, "Cache-Control", "no-store");
        return false;
}
