/* The static export: renders every public address through the site with a
 * request made inside the program, and writes each body (and its gzip and
 * brotli variants) atomically, only when it changed. */
#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../cache/cache.h"
#include "export_internal.h"

/* ---- addresses and files ------------------------------------------------ */

static bool
segment_ok(const char *s, size_t n)
{
        if (n == 0 || (n == 1 && s[0] == '.') || (n == 2 && s[0] == '.' && s[1] == '.'))
                return false;
        /* Names starting with a dot are ours (the manifest, temporary files). */
        return s[0] != '.';
}

char *
gz_export_file_for(struct gz_arena *a, const char *address)
{
        if (address[0] != '/')
                return NULL;
        const char *q = strchr(address, '?');
        size_t path_len = q ? (size_t)(q - address) : strlen(address);
        long long page = 0;
        if (q != NULL) {
                if (strncmp(q, "?page=", 6) != 0 || !gz_parse_int(q + 6, 2, 1000000, &page))
                        return NULL;
                if (address[path_len - 1] != '/')
                        return NULL;
        }
        /* Every segment must be a plain name: no "", ".", ".." or hidden. */
        const char *p = address + 1, *end = address + path_len;
        while (p < end) {
                const char *slash = memchr(p, '/', (size_t)(end - p));
                size_t n = slash ? (size_t)(slash - p) : (size_t)(end - p);
                if (!segment_ok(p, n))
                        return NULL;
                p += n + (slash ? 1 : 0);
        }
        const char *rel = address + 1;
        size_t rel_len = path_len - 1;
        if (rel_len == 0 || address[path_len - 1] == '/') {
                if (page > 0)
                        return gz_arena_printf(a, "%.*spage/%lld/index.html", (int)rel_len, rel,
                                               page);
                return gz_arena_printf(a, "%.*sindex.html", (int)rel_len, rel);
        }
        return gz_arena_strndup(a, rel, rel_len);
}

/* Text is worth compressing; pictures and fonts already are. */
static bool
compressible(const char *file)
{
        static const char *const exts[] = {".html", ".xml", ".json", ".txt",
                                           ".css",  ".js",  ".svg",  ".xsl"};
        const char *dot = strrchr(file, '.');
        for (size_t i = 0; dot && i < GZ_ARRAY_LEN(exts); i++)
                if (strcmp(dot, exts[i]) == 0)
                        return true;
        return false;
}

/* ---- the table of files -------------------------------------------------- */

static uint64_t
hash_name(const char *s)
{
        return gz_hash64(s, strlen(s));
}

void
gz_exporter_init(struct gz_exporter *x, struct gz_site *site, const char *outdir)
{
        memset(x, 0, sizeof(*x));
        x->site = site;
        x->outdir = gz_xstrdup(outdir);
        x->gzip_level = 9;
        x->brotli_quality = 11;
        x->threads = 1;
        pthread_mutex_init(&x->lock, NULL);
        x->bucket_count = 1024;
        x->buckets = gz_xcalloc(x->bucket_count, sizeof(*x->buckets));
}

static void
item_free(struct gz_export_item *it)
{
        free(it->file);
        free(it->address);
        free(it->deps);
        free(it);
}

void
gz_exporter_free(struct gz_exporter *x)
{
        for (size_t i = 0; i < x->bucket_count; i++) {
                struct gz_export_item *it = x->buckets[i];
                while (it != NULL) {
                        struct gz_export_item *next = it->chain;
                        item_free(it);
                        it = next;
                }
        }
        free(x->buckets);
        free(x->outdir);
        pthread_mutex_destroy(&x->lock);
        memset(x, 0, sizeof(*x));
}

struct gz_export_item *
gz_exporter_find(struct gz_exporter *x, const char *file)
{
        for (struct gz_export_item *it = x->buckets[hash_name(file) % x->bucket_count]; it;
             it = it->chain)
                if (strcmp(it->file, file) == 0)
                        return it;
        return NULL;
}

static void
table_grow(struct gz_exporter *x)
{
        size_t count = x->bucket_count * 2;
        struct gz_export_item **buckets = gz_xcalloc(count, sizeof(*buckets));
        for (size_t i = 0; i < x->bucket_count; i++) {
                struct gz_export_item *it = x->buckets[i];
                while (it != NULL) {
                        struct gz_export_item *next = it->chain;
                        struct gz_export_item **b = &buckets[hash_name(it->file) % count];
                        it->chain = *b;
                        *b = it;
                        it = next;
                }
        }
        free(x->buckets);
        x->buckets = buckets;
        x->bucket_count = count;
}

/* Finds or adds the item of a file; called with the lock held. */
static struct gz_export_item *
table_get(struct gz_exporter *x, const char *file)
{
        struct gz_export_item *it = gz_exporter_find(x, file);
        if (it != NULL)
                return it;
        if (x->count + 1 > x->bucket_count)
                table_grow(x);
        it = gz_xcalloc(1, sizeof(*it));
        it->file = gz_xstrdup(file);
        struct gz_export_item **b = &x->buckets[hash_name(file) % x->bucket_count];
        it->chain = *b;
        *b = it;
        x->count++;
        return it;
}

/* ---- the manifest: "<hash> <file>" per line -------------------------------- */

static const char manifest_magic[] = "gazette-export 1\n";

void
gz_exporter_load_manifest(struct gz_exporter *x)
{
        char *path = NULL, *data = NULL;
        size_t len = 0;
        if (asprintf(&path, "%s/%s", x->outdir, GZ_EXPORT_MANIFEST) < 0)
                gz_oom(__FILE__, __LINE__);
        if (gz_file_read(path, 512u * 1024 * 1024, &data, &len, NULL) != GZ_OK) {
                free(path);
                return;
        }
        free(path);
        if (strncmp(data, manifest_magic, sizeof(manifest_magic) - 1) != 0) {
                free(data);
                return;
        }
        pthread_mutex_lock(&x->lock);
        char *line = data + sizeof(manifest_magic) - 1;
        while (line < data + len) {
                char *nl = strchr(line, '\n');
                if (nl == NULL)
                        break;
                *nl = '\0';
                unsigned char hash[GZ_EXPORT_HASH];
                size_t hex_len = 2 * GZ_EXPORT_HASH;
                if (strlen(line) > hex_len + 1 && line[hex_len] == ' ' &&
                    sodium_hex2bin(hash, sizeof(hash), line, hex_len, NULL, NULL, NULL) == 0) {
                        const char *file = line + hex_len + 1;
                        struct gz_arena *a = gz_arena_new(256);
                        /* Only names the export could have made. */
                        if (gz_export_file_for(a, gz_arena_printf(a, "/%s", file)) != NULL) {
                                struct gz_export_item *it = table_get(x, file);
                                memcpy(it->hash, hash, sizeof(hash));
                                it->present = true;
                        }
                        gz_arena_free(a);
                }
                line = nl + 1;
        }
        pthread_mutex_unlock(&x->lock);
        free(data);
}

enum gz_err
gz_exporter_save_manifest(struct gz_exporter *x, struct gz_error *err)
{
        struct gz_buf b;
        gz_buf_init(&b, NULL);
        gz_buf_puts(&b, manifest_magic);
        pthread_mutex_lock(&x->lock);
        for (size_t i = 0; i < x->bucket_count; i++) {
                for (struct gz_export_item *it = x->buckets[i]; it; it = it->chain) {
                        if (!it->present)
                                continue;
                        char hex[2 * GZ_EXPORT_HASH + 1];
                        sodium_bin2hex(hex, sizeof(hex), it->hash, sizeof(it->hash));
                        gz_buf_printf(&b, "%s %s\n", hex, it->file);
                }
        }
        pthread_mutex_unlock(&x->lock);
        /* Pages are renamed into place without an fsync each (a quarter of
         * an export's time went to 14,000 of them); the manifest vouches for
         * them only once they are on disk. A crash between two manifests
         * can leave a newer page torn whose address renders again as the
         * manifest's older page: then it is not rewritten. Rare enough
         * (ext4 flushes renamed-over files itself) for one sync a pass. */
        int dir = open(x->outdir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (dir >= 0) {
                syncfs(dir);
                close(dir);
        }
        char *path = NULL;
        if (asprintf(&path, "%s/%s", x->outdir, GZ_EXPORT_MANIFEST) < 0)
                gz_oom(__FILE__, __LINE__);
        enum gz_err e = gz_file_write_atomic(path, b.data, b.len, err);
        free(path);
        gz_buf_free(&b);
        return e;
}

/* ---- writing ------------------------------------------------------------- */

static char *
full_path(struct gz_arena *a, struct gz_exporter *x, const char *file, const char *suffix)
{
        return gz_arena_printf(a, "%s/%s%s", x->outdir, file, suffix);
}

void
gz_exporter_remove(struct gz_exporter *x, const char *file)
{
        struct gz_arena *a = gz_arena_new(1024);
        unlink(full_path(a, x, file, ""));
        unlink(full_path(a, x, file, ".gz"));
        unlink(full_path(a, x, file, ".br"));
        /* Folders left empty go too ("2026/11/old-slug/"). */
        char *dir = full_path(a, x, file, "");
        size_t root = strlen(x->outdir);
        for (char *slash = strrchr(dir, '/'); slash && (size_t)(slash - dir) > root;
             slash = strrchr(dir, '/')) {
                *slash = '\0';
                /* unlinkat, not rmdir: the server's seccomp list has the one. */
                if (unlinkat(AT_FDCWD, dir, AT_REMOVEDIR) != 0)
                        break;
        }
        gz_arena_free(a);
}

static enum gz_err
ensure_parent(struct gz_arena *a, const char *path, struct gz_error *err)
{
        const char *slash = strrchr(path, '/');
        if (slash == NULL)
                return GZ_OK;
        char *dir = gz_arena_strndup(a, path, (size_t)(slash - path));
        if (gz_is_dir(dir))
                return GZ_OK;
        return gz_mkdirs(dir, 0755, err);
}

/* Writes the body and its variants; variants first, so a client asking for
 * the compressed file never gets an older one than the plain one. */
static enum gz_err
write_files(struct gz_exporter *x, struct gz_arena *a, const char *file, const char *body,
            size_t len, uint64_t *bytes, struct gz_error *err)
{
        char *path = full_path(a, x, file, "");
        enum gz_err e = ensure_parent(a, path, err);
        if (e != GZ_OK)
                return e;
        bool variants = !x->no_compress && compressible(file) && len >= 256;
        const char *suffix[2] = {".gz", ".br"};
        for (int i = 0; i < 2; i++) {
                char *vpath = full_path(a, x, file, suffix[i]);
                if (!variants) {
                        unlink(vpath);
                        continue;
                }
                struct gz_buf packed;
                gz_buf_init(&packed, NULL);
                bool ok = i == 0 ? gz_gzip(body, len, x->gzip_level, &packed)
                                 : gz_brotli(body, len, x->brotli_quality, &packed);
                if (!ok) {
                        gz_buf_free(&packed);
                        return gz_fail(err, GZ_EIO, "%s: compression failed", vpath);
                }
                e = gz_file_replace(vpath, packed.data, packed.len, err);
                *bytes += packed.len;
                gz_buf_free(&packed);
                if (e != GZ_OK)
                        return e;
        }
        *bytes += len;
        return gz_file_replace(path, body, len, err);
}

/* The body of a response, whichever way the site made it. */
static bool
response_body(struct gz_arena *a, struct gz_resp *resp, const char **body, size_t *len)
{
        if (resp->frozen != NULL) {
                *body = gz_http_frozen_body(resp->frozen);
                *len = gz_http_frozen_body_len(resp->frozen);
                return true;
        }
        if (resp->file_fd >= 0) {
                size_t size = (size_t)resp->file_size;
                char *data = gz_arena_alloc(a, size + 1);
                size_t got = 0;
                while (got < size) {
                        ssize_t n = pread(resp->file_fd, data + got, size - got, (off_t)got);
                        if (n <= 0)
                                return false;
                        got += (size_t)n;
                }
                *body = data;
                *len = size;
                return true;
        }
        *body = resp->body ? resp->body : "";
        *len = resp->body_len;
        return true;
}

static void
response_done(struct gz_resp *resp)
{
        if (resp->frozen != NULL)
                gz_http_frozen_release(resp->frozen);
        resp->frozen = NULL;
        if (resp->file_fd >= 0)
                close(resp->file_fd);
        resp->file_fd = -1;
}

static int
compare_keys(const void *a, const void *b)
{
        uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
        return x < y ? -1 : x > y;
}

/* The address of the next ?page=N when the page links to it. */
static const char *
next_page(struct gz_arena *a, const char *address, const char *body, size_t len)
{
        const char *q = strchr(address, '?');
        size_t base_len = q ? (size_t)(q - address) : strlen(address);
        if (base_len == 0 || address[base_len - 1] != '/')
                return NULL;
        long long page = 1;
        if (q != NULL && (strncmp(q, "?page=", 6) != 0 || !gz_parse_int(q + 6, 2, 999999, &page)))
                return NULL;
        char *next = gz_arena_printf(a, "%.*s?page=%lld", (int)base_len, address, page + 1);
        char *href = gz_arena_printf(a, "href=\"%s\"", next);
        return memmem(body, len, href, strlen(href)) ? next : NULL;
}

enum gz_export_outcome
gz_exporter_one(struct gz_exporter *x, struct gz_arena *a, const char *address, gz_time now,
                uint64_t pass, const char **next, uint64_t *bytes, bool *removed)
{
        *next = NULL;
        *removed = false;
        const char *file = gz_export_file_for(a, address);
        if (file == NULL)
                return GZ_EXPORT_SKIPPED;
        const char *q = strchr(address, '?');
        struct gz_req req = {0};
        req.arena = a;
        req.method = GZ_GET;
        req.method_name = "GET";
        req.path = q ? gz_arena_strndup(a, address, (size_t)(q - address)) : address;
        req.raw_path = req.path;
        req.query = q ? q + 1 : "";
        req.client_ip = req.peer_ip = "127.0.0.1";
        req.now = now;
        struct gz_resp resp;
        gz_resp_init(&resp);
        struct gz_deps deps = {.arena = a};
        gz_site_handle(x->site, &req, &resp, &deps);
        int status = resp.frozen ? gz_http_frozen_status(resp.frozen) : resp.status;
        const char *body = NULL;
        size_t len = 0;
        if (status != 200 || !response_body(a, &resp, &body, &len)) {
                response_done(&resp);
                pthread_mutex_lock(&x->lock);
                struct gz_export_item *it = gz_exporter_find(x, file);
                bool was = it != NULL && it->present;
                if (it != NULL)
                        it->present = false;
                pthread_mutex_unlock(&x->lock);
                if (was) {
                        gz_exporter_remove(x, file);
                        *removed = true;
                }
                return GZ_EXPORT_SKIPPED;
        }
        unsigned char hash[GZ_EXPORT_HASH];
        crypto_generichash(hash, sizeof(hash), (const unsigned char *)body, len, NULL, 0);
        if (strstr(file, ".html") != NULL)
                *next = next_page(a, address, body, len);

        pthread_mutex_lock(&x->lock);
        struct gz_export_item *it = table_get(x, file);
        bool same = it->present && memcmp(it->hash, hash, sizeof(hash)) == 0;
        pthread_mutex_unlock(&x->lock);
        /* A file deleted by hand is written again. */
        if (same && access(full_path(a, x, file, ""), F_OK) != 0)
                same = false;
        struct gz_error err;
        enum gz_err e = same ? GZ_OK : write_files(x, a, file, body, len, bytes, &err);
        response_done(&resp);
        if (e != GZ_OK) {
                gz_errorf("export: %s", err.msg);
                return GZ_EXPORT_SKIPPED;
        }

        uint64_t *keys = NULL;
        if (deps.cacheable && deps.count > 0) {
                keys = gz_xmalloc(deps.count * sizeof(*keys));
                memcpy(keys, deps.keys, deps.count * sizeof(*keys));
                qsort(keys, deps.count, sizeof(*keys), compare_keys);
        }
        pthread_mutex_lock(&x->lock);
        it = table_get(x, file);
        memcpy(it->hash, hash, sizeof(hash));
        it->present = true;
        if (it->address == NULL || strcmp(it->address, address) != 0) {
                free(it->address);
                it->address = gz_xstrdup(address);
        }
        free(it->deps);
        it->deps = keys;
        it->dep_count = keys ? deps.count : 0;
        it->tracked = deps.cacheable;
        it->pass = pass;
        pthread_mutex_unlock(&x->lock);
        return same ? GZ_EXPORT_UNCHANGED : GZ_EXPORT_WRITTEN;
}

/* ---- a full pass ------------------------------------------------------------ */

struct pass {
        struct gz_exporter *x;
        unsigned threads;
        /* A change follows ?page=N links only to pages not exported yet:
         * the others it finds from their dependencies. */
        bool new_pages_only;
        gz_time now;
        uint64_t id;
        pthread_mutex_t lock;
        const char **queue; /* heap strings */
        size_t head, count, cap;
        /* Addresses already queued, so a followed ?page=N is not done twice. */
        uint64_t *seen;
        size_t seen_cap, seen_count;
        struct gz_export_stats *stats;
        bool progress;
        int64_t last_draw_ms;
        size_t done;
};

static bool
seen_add(struct pass *p, const char *address)
{
        if ((p->seen_count + 1) * 2 > p->seen_cap) {
                size_t cap = p->seen_cap ? p->seen_cap * 2 : 4096;
                uint64_t *table = gz_xcalloc(cap, sizeof(*table));
                for (size_t i = 0; i < p->seen_cap; i++) {
                        if (p->seen[i] == 0)
                                continue;
                        size_t k = p->seen[i] % cap;
                        while (table[k] != 0)
                                k = (k + 1) % cap;
                        table[k] = p->seen[i];
                }
                free(p->seen);
                p->seen = table;
                p->seen_cap = cap;
        }
        uint64_t h = hash_name(address) | 1;
        size_t k = h % p->seen_cap;
        while (p->seen[k] != 0) {
                if (p->seen[k] == h)
                        return false;
                k = (k + 1) % p->seen_cap;
        }
        p->seen[k] = h;
        p->seen_count++;
        return true;
}

/* Called with p->lock held. */
static void
enqueue(struct pass *p, const char *address)
{
        if (!seen_add(p, address))
                return;
        if (p->count == p->cap) {
                p->cap = p->cap ? p->cap * 2 : 4096;
                p->queue = gz_xrealloc(p->queue, p->cap * sizeof(*p->queue));
        }
        p->queue[p->count++] = gz_xstrdup(address);
}

static void
collect_url(void *ctx, const char *address)
{
        struct pass *p = ctx;
        enqueue(p, address);
}

static void
draw_progress(struct pass *p, bool final)
{
        int64_t now = gz_monotonic_ms();
        if (!final && now - p->last_draw_ms < 100)
                return;
        p->last_draw_ms = now;
        size_t total = p->count ? p->count : 1;
        int width = 40;
        int filled = (int)((double)p->done / (double)total * width);
        char bar[64];
        for (int i = 0; i < width; i++)
                bar[i] = i < filled ? '#' : '.';
        bar[width] = '\0';
        fprintf(stderr, "\rexport [%s] %zu/%zu%s", bar, p->done, p->count, final ? "\n" : "");
        fflush(stderr);
}

static void *
worker(void *arg)
{
        struct pass *p = arg;
        struct gz_arena *a = gz_arena_new(256 * 1024);
        for (;;) {
                pthread_mutex_lock(&p->lock);
                if (p->head == p->count) {
                        pthread_mutex_unlock(&p->lock);
                        break;
                }
                const char *address = p->queue[p->head++];
                pthread_mutex_unlock(&p->lock);
                const char *next;
                uint64_t bytes = 0;
                bool removed;
                enum gz_export_outcome o =
                    gz_exporter_one(p->x, a, address, p->now, p->id, &next, &bytes, &removed);
                pthread_mutex_lock(&p->lock);
                p->stats->addresses++;
                p->stats->bytes += bytes;
                if (o == GZ_EXPORT_SKIPPED)
                        p->stats->skipped++;
                else
                        p->stats->exported++;
                if (o == GZ_EXPORT_WRITTEN)
                        p->stats->written++;
                if (o == GZ_EXPORT_UNCHANGED)
                        p->stats->unchanged++;
                if (removed)
                        p->stats->removed++;
                if (next != NULL && p->new_pages_only) {
                        const char *file = gz_export_file_for(a, next);
                        pthread_mutex_lock(&p->x->lock);
                        struct gz_export_item *it = file ? gz_exporter_find(p->x, file) : NULL;
                        if (it != NULL && it->present)
                                next = NULL;
                        pthread_mutex_unlock(&p->x->lock);
                }
                if (next != NULL)
                        enqueue(p, next);
                p->done++;
                if (p->progress)
                        draw_progress(p, false);
                pthread_mutex_unlock(&p->lock);
                gz_arena_reset(a);
        }
        gz_arena_free(a);
        return NULL;
}

/* Runs the queue on p->threads threads. A followed ?page=N joins the queue;
 * one found after the other workers stopped is done by the last call. */
static void
run_queue(struct pass *p)
{
        unsigned n = p->threads ? p->threads : 1;
        pthread_t *threads = gz_xcalloc(n, sizeof(*threads));
        unsigned started = 0;
        for (unsigned i = 1; i < n; i++)
                if (pthread_create(&threads[started + 1], NULL, worker, p) == 0)
                        started++;
        worker(p);
        for (unsigned i = 1; i <= started; i++)
                pthread_join(threads[i], NULL);
        worker(p);
        free(threads);
        if (p->progress)
                draw_progress(p, true);
}

static void
pass_free(struct pass *p)
{
        for (size_t i = 0; i < p->count; i++)
                free((void *)(uintptr_t)p->queue[i]);
        free(p->queue);
        free(p->seen);
        pthread_mutex_destroy(&p->lock);
}

void
gz_exporter_run_list(struct gz_exporter *x, const char *const *addresses, size_t n, gz_time now,
                     unsigned threads, struct gz_export_stats *stats)
{
        struct pass p = {
            .x = x, .threads = threads, .new_pages_only = true, .now = now, .stats = stats};
        pthread_mutex_init(&p.lock, NULL);
        pthread_mutex_lock(&x->lock);
        p.id = x->pass;
        pthread_mutex_unlock(&x->lock);
        for (size_t i = 0; i < n; i++)
                enqueue(&p, addresses[i]);
        run_queue(&p);
        pass_free(&p);
}

enum gz_err
gz_exporter_pass(struct gz_exporter *x, gz_time now, bool progress, struct gz_export_stats *stats,
                 struct gz_error *err)
{
        int64_t start = gz_monotonic_ms();
        enum gz_err e = gz_mkdirs(x->outdir, 0755, err);
        if (e != GZ_OK)
                return e;
        struct pass p = {
            .x = x, .threads = x->threads, .now = now, .stats = stats, .progress = progress};
        pthread_mutex_init(&p.lock, NULL);
        pthread_mutex_lock(&x->lock);
        p.id = ++x->pass;
        pthread_mutex_unlock(&x->lock);
        gz_site_each_url(x->site, collect_url, &p);
        run_queue(&p);

        /* What a previous run wrote and no address produced this time. */
        pthread_mutex_lock(&x->lock);
        size_t gone_n = 0, gone_cap = 0;
        char **gone = NULL;
        for (size_t i = 0; i < x->bucket_count; i++) {
                for (struct gz_export_item *it = x->buckets[i]; it; it = it->chain) {
                        if (it->present && it->pass != p.id) {
                                if (gone_n == gone_cap) {
                                        gone_cap = gone_cap ? gone_cap * 2 : 64;
                                        gone = gz_xrealloc(gone, gone_cap * sizeof(*gone));
                                }
                                gone[gone_n++] = gz_xstrdup(it->file);
                                it->present = false;
                        }
                }
        }
        pthread_mutex_unlock(&x->lock);
        for (size_t i = 0; i < gone_n; i++) {
                gz_exporter_remove(x, gone[i]);
                free(gone[i]);
        }
        free(gone);
        stats->removed += gone_n;
        pass_free(&p);
        e = gz_exporter_save_manifest(x, err);
        stats->elapsed_ms = gz_monotonic_ms() - start;
        return e;
}

enum gz_err
gz_export_run(struct gz_site *site, const struct gz_export_options *opt,
              struct gz_export_stats *stats, struct gz_error *err)
{
        memset(stats, 0, sizeof(*stats));
        if (sodium_init() < 0)
                return gz_fail(err, GZ_EIO, "libsodium could not start");
        struct gz_exporter x;
        gz_exporter_init(&x, site, opt->outdir);
        if (opt->gzip_level >= 1 && opt->gzip_level <= 9)
                x.gzip_level = opt->gzip_level;
        if (opt->brotli_quality >= 0 && opt->brotli_quality <= 11)
                x.brotli_quality = opt->brotli_quality;
        x.no_compress = opt->no_compress;
        long cores = sysconf(_SC_NPROCESSORS_ONLN);
        x.threads = opt->threads ? opt->threads : (unsigned)(cores > 0 ? cores : 1);
        gz_exporter_load_manifest(&x);
        enum gz_err e =
            gz_exporter_pass(&x, opt->now ? opt->now : gz_now(), opt->progress, stats, err);
        gz_exporter_free(&x);
        return e;
}
