/* The live exporter: keeps an export folder current while the server runs.
 * A change rewrites the files whose pages show what changed, found by the
 * same dependency keys the cache uses, plus the addresses the change
 * creates; a thread rewrites everything at midnight (the date bar). */
#include <errno.h>
#include <sched.h>
#include <sodium.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../cache/cache.h"
#include "export_internal.h"

struct gz_live_export {
        struct gz_exporter x;
        struct gz_store *store;
        /* One change or full pass at a time. */
        pthread_mutex_t run_lock;
        /* The background thread: midnight passes and deferred addresses. */
        pthread_t background;
        bool background_started;
        pthread_mutex_t wake_lock;
        pthread_cond_t wake, idle;
        atomic_bool stopping; /* also read between batches, without the lock */
        bool busy;
        char **deferred; /* heap strings, under wake_lock */
        size_t deferred_count, deferred_cap;
        /* Hashes of the deferred addresses: successive changes defer the
         * same pages again while the thread is still at work. */
        uint64_t *pending;
        size_t pending_count, pending_cap;
        int64_t manifest_saved_ms;
        atomic_int changes_waiting; /* the background thread steps aside */
        struct gz_live_export_stats stats;
};

/* ---- what a change touches --------------------------------------------------
 * The keys below are those src/app/app.c list_deps() and invalidate() drop
 * from the cache, duplicated because app.c is not a library room. */

struct keys {
        struct gz_arena *a;
        uint64_t *k;
        size_t n, cap;
};

static void key(struct keys *ks, const char *fmt, ...) GZ_PRINTF(2, 3);

static void
key(struct keys *ks, const char *fmt, ...)
{
        char name[256];
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(name, sizeof(name), fmt, ap);
        va_end(ap);
        ks->k = gz_arena_grow(ks->a, ks->k, ks->n, &ks->cap, sizeof(*ks->k));
        ks->k[ks->n++] = gz_cache_dep("%s", name);
}

/* rel gets the keys of related-article boxes, which are rewritten in the
 * background (see gz_live_export_change). */
static void
list_keys(struct keys *ks, struct keys *rel, const struct gz_section_tree *tree,
          const struct gz_article_ref *r)
{
        key(ks, "home:%s", r->lang);
        key(ks, "search");
        if (r->kind == GZ_KIND_PAGE)
                key(ks, "pages:%s", r->lang);
        const struct gz_section *chain[16];
        size_t depth = gz_tree_chain(tree, r->section_id, chain, 16);
        for (size_t i = 0; i < depth; i++)
                key(ks, "sec:%lld", (long long)chain[i]->id);
        key(rel, "rel-sec:%lld", (long long)r->section_id);
        for (size_t i = 0; i < r->tag_count; i++) {
                key(ks, "tag-list:%lld", (long long)r->tag_ids[i]);
                key(rel, "rel-tag:%lld", (long long)r->tag_ids[i]);
        }
        for (size_t i = 0; i < r->author_count; i++)
                key(ks, "author-list:%lld", (long long)r->author_ids[i]);
        int y, m;
        gz_time_to_civil(r->published_at, &y, &m, NULL, NULL, NULL, NULL, NULL);
        key(ks, "archive:%s:%04d", r->lang, y);
        key(ks, "archive:%s:%04d-%02d", r->lang, y, m);
        key(ks, "archive:%s", r->lang);
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

/* ---- addresses a change may create ------------------------------------------ */

struct addresses {
        struct gz_arena *a;
        const char **list;
        size_t n, cap;
};

static void address(struct addresses *as, const char *fmt, ...) GZ_PRINTF(2, 3);

static void
address(struct addresses *as, const char *fmt, ...)
{
        va_list ap;
        va_start(ap, fmt);
        char *s = gz_arena_vprintf(as->a, fmt, ap);
        va_end(ap);
        as->list = gz_arena_grow(as->a, as->list, as->n, &as->cap, sizeof(*as->list));
        as->list[as->n++] = s;
}

struct languages {
        struct gz_language *list;
        size_t count;
        struct gz_settings settings;
};

static const char *
prefix_of(struct gz_arena *a, const struct languages *ls, const char *code)
{
        return strcmp(code, ls->settings.language) == 0 ? "" : gz_arena_printf(a, "/%s", code);
}

/* A list page in every language, with its feeds. */
static void
list_everywhere(struct addresses *as, const struct languages *ls, const char *kind,
                const char *slug)
{
        for (size_t i = 0; i < ls->count; i++) {
                const char *prefix = prefix_of(as->a, ls, ls->list[i].code);
                static const char *const feeds[] = {"", "feed.xml", "atom.xml", "feed.json"};
                for (size_t f = 0; f < GZ_ARRAY_LEN(feeds); f++)
                        address(as, "%s/%s/%s/%s", prefix, kind, slug, feeds[f]);
        }
}

static void
article_addresses(struct gz_live_export *le, struct addresses *as, const struct languages *ls,
                  const struct gz_article_ref *r)
{
        struct gz_article ar = {
            .lang = r->lang, .slug = r->slug, .kind = r->kind, .published_at = r->published_at};
        address(as, "%s",
                gz_article_path(as->a, &ar, ls->settings.language, ls->settings.timezone));
        for (size_t i = 0; i < r->tag_count; i++) {
                struct gz_tag *tag;
                if (gz_store_tag_get(le->store, as->a, r->tag_ids[i], NULL, &tag, NULL) == GZ_OK)
                        list_everywhere(as, ls, "tag", tag->slug);
        }
        for (size_t i = 0; i < r->author_count; i++) {
                struct gz_author *au;
                if (gz_store_author_get(le->store, as->a, r->author_ids[i], NULL, &au, NULL) ==
                    GZ_OK)
                        list_everywhere(as, ls, "author", au->slug);
        }
        if (r->kind == GZ_KIND_PAGE)
                return;
        int y, m;
        gz_time_to_civil(r->published_at, &y, &m, NULL, NULL, NULL, NULL, NULL);
        const char *prefix = prefix_of(as->a, ls, r->lang);
        address(as, "%s/%04d/", prefix, y);
        address(as, "%s/%04d/%02d/", prefix, y, m);
        address(as, "/sitemaps/articles-%04d-%02d.xml", y, m);
}

/* ---- applying a change ------------------------------------------------------ */

static bool
shows_any(const struct gz_export_item *it, const uint64_t *keys, size_t n)
{
        for (size_t i = 0; i < n; i++) {
                size_t lo = 0, hi = it->dep_count;
                while (lo < hi) {
                        size_t mid = (lo + hi) / 2;
                        if (it->deps[mid] == keys[i])
                                return true;
                        if (it->deps[mid] < keys[i])
                                lo = mid + 1;
                        else
                                hi = mid;
                }
        }
        return false;
}

static bool
is_file_address(const char *address)
{
        return strncmp(address, "/assets/", 8) == 0 || strncmp(address, "/media/", 7) == 0;
}

static void
full_pass(struct gz_live_export *le)
{
        struct gz_export_stats st = {0};
        struct gz_error err;
        if (gz_exporter_pass(&le->x, gz_now(), false, &st, &err) != GZ_OK)
                gz_errorf("live export: %s", err.msg);
        le->stats.full_passes++;
        le->stats.rendered += st.addresses;
        le->stats.written += st.written;
        le->stats.removed += st.removed;
        le->manifest_saved_ms = gz_monotonic_ms();
}

static void defer(struct gz_live_export *le, const char *const *list, size_t n);

void
gz_live_export_change(struct gz_live_export *le, const struct gz_change *change)
{
        if (le == NULL)
                return;
        int64_t start = gz_monotonic_ms();
        atomic_fetch_add(&le->changes_waiting, 1);
        pthread_mutex_lock(&le->run_lock);
        atomic_fetch_sub(&le->changes_waiting, 1);
        le->stats.changes++;
        if (change->kind == GZ_CHANGE_SECTIONS || change->kind == GZ_CHANGE_SETTINGS) {
                full_pass(le);
                goto out;
        }
        struct gz_arena *a = gz_arena_new(16 * 1024);
        struct keys ks = {.a = a}, rel = {.a = a};
        struct addresses as = {.a = a}, later = {.a = a};
        struct languages ls = {0};
        gz_settings_load(le->store, a, &ls.settings);
        gz_store_languages(le->store, a, &ls.list, &ls.count, NULL);
        long long id = (long long)change->id;
        switch (change->kind) {
        case GZ_CHANGE_ARTICLE: {
                key(&ks, "a:%lld", id);
                if (membership_changed(&change->before, &change->after)) {
                        struct gz_section_tree tree = {0};
                        gz_store_sections(le->store, a, &tree.sections, &tree.count, NULL);
                        if (change->before.visible)
                                list_keys(&ks, &rel, &tree, &change->before);
                        if (change->after.visible)
                                list_keys(&ks, &rel, &tree, &change->after);
                        /* The other languages' pages list their translations. */
                        struct gz_article *ar;
                        if (gz_store_article_get(le->store, a, change->id, NULL, NULL, &ar, NULL) ==
                                GZ_OK &&
                            ar->translation_group)
                                key(&ks, "group:%lld", (long long)ar->translation_group);
                } else if (change->after.visible) {
                        key(&ks, "search");
                }
                if (change->after.visible)
                        article_addresses(le, &as, &ls, &change->after);
                break;
        }
        case GZ_CHANGE_AUTHOR: {
                key(&ks, "author:%lld", id);
                struct gz_author *au;
                if (gz_store_author_get(le->store, a, change->id, NULL, &au, NULL) == GZ_OK)
                        list_everywhere(&as, &ls, "author", au->slug);
                break;
        }
        case GZ_CHANGE_TAG: {
                key(&ks, "tag:%lld", id);
                struct gz_tag *tag;
                if (gz_store_tag_get(le->store, a, change->id, NULL, &tag, NULL) == GZ_OK)
                        list_everywhere(&as, &ls, "tag", tag->slug);
                break;
        }
        case GZ_CHANGE_MEDIA: {
                key(&ks, "media:%lld", id);
                struct gz_media *m;
                if (gz_store_media_get(le->store, a, change->id, &m, NULL) == GZ_OK) {
                        for (size_t i = 0; i < m->rendition_count; i++)
                                address(&as, "/media/%s", m->renditions[i].file);
                        if (m->original && *m->original)
                                address(&as, "/media/%s", m->original);
                }
                break;
        }
        default:
                break;
        }
        /* Pages that show what changed, and pages whose dependencies are
         * unknown (they might show anything). */
        pthread_mutex_lock(&le->x.lock);
        for (size_t i = 0; i < le->x.bucket_count; i++) {
                for (struct gz_export_item *it = le->x.buckets[i]; it; it = it->chain) {
                        if (!it->present || it->address == NULL)
                                continue;
                        bool shows =
                            it->tracked ? shows_any(it, ks.k, ks.n) : !is_file_address(it->address);
                        /* Page 2 and beyond of a list shift by one with each new
                         * article: hundreds of pages on a large site, which
                         * readers reach through page 1. */
                        if (shows && strstr(it->address, "?page=") != NULL)
                                address(&later, "%s", it->address);
                        else if (shows)
                                address(&as, "%s", it->address);
                        else if (it->tracked && shows_any(it, rel.k, rel.n))
                                address(&later, "%s", it->address);
                }
        }
        pthread_mutex_unlock(&le->x.lock);
        /* On this thread only: a new thread would open a database reader
         * of its own for every change. */
        struct gz_export_stats st = {0};
        gz_exporter_run_list(&le->x, as.list, as.n, gz_now(), 1, &st);
        le->stats.change_rendered += st.addresses;
        le->stats.rendered += st.addresses;
        le->stats.written += st.written;
        le->stats.removed += st.removed;
        defer(le, later.list, later.n);
        gz_arena_free(a);
        /* The manifest only matters to the next start: not on every change. */
        if (gz_monotonic_ms() - le->manifest_saved_ms > 10000) {
                struct gz_error err;
                if (gz_exporter_save_manifest(&le->x, &err) != GZ_OK)
                        gz_errorf("live export: %s", err.msg);
                le->manifest_saved_ms = gz_monotonic_ms();
        }
out:
        le->stats.last_change_ms = gz_monotonic_ms() - start;
        pthread_mutex_unlock(&le->run_lock);
}

/* ---- the background thread --------------------------------------------------- */

/* Related-article boxes: a new article may enter those of every article of
 * its section and tags (hundreds of pages), so they are rewritten right
 * after the change instead of before it returns. */
static uint64_t
address_hash(const char *s)
{
        return gz_hash64(s, strlen(s)) | 1; /* 0 marks a free slot */
}

/* Adds to the pending set; false when it was there. Under wake_lock. */
static bool
pending_add(struct gz_live_export *le, const char *address)
{
        if ((le->pending_count + 1) * 2 > le->pending_cap) {
                size_t cap = le->pending_cap ? le->pending_cap * 2 : 1024;
                uint64_t *table = gz_xcalloc(cap, sizeof(*table));
                for (size_t i = 0; i < le->pending_cap; i++) {
                        if (le->pending[i] == 0)
                                continue;
                        size_t k = le->pending[i] % cap;
                        while (table[k] != 0)
                                k = (k + 1) % cap;
                        table[k] = le->pending[i];
                }
                free(le->pending);
                le->pending = table;
                le->pending_cap = cap;
        }
        uint64_t h = address_hash(address);
        size_t k = h % le->pending_cap;
        while (le->pending[k] != 0) {
                if (le->pending[k] == h)
                        return false;
                k = (k + 1) % le->pending_cap;
        }
        le->pending[k] = h;
        le->pending_count++;
        return true;
}

static void
defer(struct gz_live_export *le, const char *const *list, size_t n)
{
        if (n == 0)
                return;
        pthread_mutex_lock(&le->wake_lock);
        for (size_t i = 0; i < n; i++) {
                if (!pending_add(le, list[i]))
                        continue;
                if (le->deferred_count == le->deferred_cap) {
                        le->deferred_cap = le->deferred_cap ? le->deferred_cap * 2 : 256;
                        le->deferred =
                            gz_xrealloc(le->deferred, le->deferred_cap * sizeof(*le->deferred));
                }
                le->deferred[le->deferred_count++] = gz_xstrdup(list[i]);
                le->stats.deferred++;
        }
        pthread_cond_signal(&le->wake);
        pthread_mutex_unlock(&le->wake_lock);
}

/* In small batches, stepping aside while a change waits: a change must not
 * wait for hundreds of related boxes. */
static void
run_deferred(struct gz_live_export *le, char **list, size_t n)
{
        enum { BATCH = 8 };
        for (size_t done = 0; done < n && !le->stopping; done += BATCH) {
                while (atomic_load(&le->changes_waiting) > 0)
                        sched_yield();
                pthread_mutex_lock(&le->run_lock);
                struct gz_export_stats st = {0};
                size_t k = n - done < BATCH ? n - done : BATCH;
                gz_exporter_run_list(&le->x, (const char *const *)list + done, k, gz_now(), 1, &st);
                le->stats.rendered += st.addresses;
                le->stats.written += st.written;
                le->stats.removed += st.removed;
                pthread_mutex_unlock(&le->run_lock);
        }
        for (size_t i = 0; i < n; i++)
                free(list[i]);
        free(list);
}

static void *
background_main(void *arg)
{
        struct gz_live_export *le = arg;
        pthread_mutex_lock(&le->wake_lock);
        while (!le->stopping) {
                struct gz_arena *a = gz_arena_new(4096);
                struct gz_settings s;
                gz_settings_load(le->store, a, &s);
                gz_time next = gz_tz_next_midnight(s.timezone, gz_now());
                gz_arena_free(a);
                /* The wait is in wall-clock time: midnight is a wall-clock
                 * event, and a clock change moves it. At most an hour, so a
                 * change of time zone is noticed. */
                struct timespec until;
                clock_gettime(CLOCK_REALTIME, &until);
                gz_time wait = next - gz_now() + 1;
                if (wait > 3600)
                        wait = 3600;
                if (wait < 1)
                        wait = 1;
                until.tv_sec += (time_t)wait;
                int rc = 0;
                while (!le->stopping && le->deferred_count == 0 && rc != ETIMEDOUT)
                        rc = pthread_cond_timedwait(&le->wake, &le->wake_lock, &until);
                if (le->stopping)
                        break;
                if (le->deferred_count > 0) {
                        char **list = le->deferred;
                        size_t n = le->deferred_count;
                        le->deferred = NULL;
                        le->deferred_count = le->deferred_cap = 0;
                        if (le->pending_cap)
                                memset(le->pending, 0, le->pending_cap * sizeof(*le->pending));
                        le->pending_count = 0;
                        le->busy = true;
                        pthread_mutex_unlock(&le->wake_lock);
                        run_deferred(le, list, n);
                        pthread_mutex_lock(&le->wake_lock);
                        le->busy = false;
                        pthread_cond_broadcast(&le->idle);
                        continue;
                }
                if (gz_now() < next)
                        continue;
                le->busy = true;
                pthread_mutex_unlock(&le->wake_lock);
                pthread_mutex_lock(&le->run_lock);
                full_pass(le);
                pthread_mutex_unlock(&le->run_lock);
                pthread_mutex_lock(&le->wake_lock);
                le->busy = false;
                pthread_cond_broadcast(&le->idle);
        }
        pthread_mutex_unlock(&le->wake_lock);
        return NULL;
}

bool
gz_live_export_flush(struct gz_live_export *le, int timeout_ms)
{
        struct timespec until;
        clock_gettime(CLOCK_REALTIME, &until);
        until.tv_sec += timeout_ms / 1000;
        until.tv_nsec += (long)(timeout_ms % 1000) * 1000000L;
        if (until.tv_nsec >= 1000000000L) {
                until.tv_sec++;
                until.tv_nsec -= 1000000000L;
        }
        pthread_mutex_lock(&le->wake_lock);
        int rc = 0;
        while (le->background_started && !le->stopping && (le->deferred_count > 0 || le->busy) &&
               rc != ETIMEDOUT)
                rc = timeout_ms < 0 ? pthread_cond_wait(&le->idle, &le->wake_lock)
                                    : pthread_cond_timedwait(&le->idle, &le->wake_lock, &until);
        bool done = !(le->deferred_count > 0 || le->busy);
        pthread_mutex_unlock(&le->wake_lock);
        return done;
}

/* ---- start and stop ---------------------------------------------------------- */

struct gz_live_export *
gz_live_export_start(struct gz_site *site, struct gz_store *store, const char *outdir,
                     struct gz_error *err)
{
        if (sodium_init() < 0) {
                gz_fail(err, GZ_EIO, "libsodium could not start");
                return NULL;
        }
        struct gz_live_export *le = gz_xcalloc(1, sizeof(*le));
        gz_exporter_init(&le->x, site, outdir);
        /* The cache's levels: a change must be on disk within milliseconds. */
        le->x.gzip_level = 6;
        le->x.brotli_quality = 5;
        long cores = sysconf(_SC_NPROCESSORS_ONLN);
        le->x.threads = cores > 0 ? (unsigned)cores : 1;
        le->store = store;
        pthread_mutex_init(&le->run_lock, NULL);
        pthread_mutex_init(&le->wake_lock, NULL);
        pthread_cond_init(&le->wake, NULL);
        pthread_cond_init(&le->idle, NULL);
        gz_exporter_load_manifest(&le->x);
        struct gz_export_stats st = {0};
        if (gz_exporter_pass(&le->x, gz_now(), false, &st, err) != GZ_OK) {
                gz_live_export_stop(le);
                return NULL;
        }
        le->stats.full_passes = 1;
        le->stats.rendered = st.addresses;
        le->stats.written = st.written;
        le->stats.removed = st.removed;
        le->manifest_saved_ms = gz_monotonic_ms();
        gz_info("live export: %zu files in %s (%zu rewritten) in %lld ms", st.exported, outdir,
                st.written, (long long)st.elapsed_ms);
        if (pthread_create(&le->background, NULL, background_main, le) == 0)
                le->background_started = true;
        return le;
}

void
gz_live_export_stats(struct gz_live_export *le, struct gz_live_export_stats *out)
{
        pthread_mutex_lock(&le->run_lock);
        *out = le->stats;
        pthread_mutex_unlock(&le->run_lock);
}

void
gz_live_export_stop(struct gz_live_export *le)
{
        if (le == NULL)
                return;
        if (le->background_started) {
                pthread_mutex_lock(&le->wake_lock);
                le->stopping = true;
                pthread_cond_signal(&le->wake);
                pthread_cond_broadcast(&le->idle);
                pthread_mutex_unlock(&le->wake_lock);
                pthread_join(le->background, NULL);
        }
        /* Deferred pages not written yet: the next start's pass does them. */
        for (size_t i = 0; i < le->deferred_count; i++)
                free(le->deferred[i]);
        free(le->deferred);
        free(le->pending);
        pthread_mutex_lock(&le->run_lock);
        if (le->stats.full_passes > 0) {
                struct gz_error err;
                if (gz_exporter_save_manifest(&le->x, &err) != GZ_OK)
                        gz_errorf("live export: %s", err.msg);
        }
        pthread_mutex_unlock(&le->run_lock);
        gz_exporter_free(&le->x);
        pthread_mutex_destroy(&le->run_lock);
        pthread_mutex_destroy(&le->wake_lock);
        pthread_cond_destroy(&le->wake);
        pthread_cond_destroy(&le->idle);
        free(le);
}
