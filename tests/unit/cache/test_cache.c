/* The response cache: hits, expiry at midnight, exact invalidation, the
 * generation guard, the byte budget, encodings. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <brotli/decode.h>
#include <stdio.h>
#include <string.h>
#include <zlib.h>

#include "cache/cache.h"

static struct gz_resp
page(const char *body)
{
        struct gz_resp r;
        gz_resp_init(&r);
        gz_resp_body(&r, 200, "text/html; charset=utf-8", body, strlen(body));
        gz_resp_header(&r, "ETag", "\"abc\"");
        gz_resp_header(&r, "Cache-Control", "public, no-cache");
        return r;
}

static struct gz_cache_entry *
fill(struct gz_cache *c, const char *key, const char *body, uint64_t dep, gz_time expires)
{
        struct gz_cache_claim claim;
        struct gz_cache_entry *e = gz_cache_lookup(c, key, 100, &claim);
        assert_null(e);
        assert_true(claim.active);
        struct gz_resp r = page(body);
        e = gz_cache_fill(c, &claim, &r, &dep, 1, expires);
        assert_non_null(e);
        return e;
}

static void
hits_until_expiry(void **state)
{
        (void)state;
        struct gz_cache *c = gz_cache_new(8 << 20);
        gz_cache_release(fill(c, "/", "front page", gz_cache_dep("home:en"), 1000));
        struct gz_cache_claim claim;
        struct gz_cache_entry *e = gz_cache_lookup(c, "/", 999, &claim);
        assert_non_null(e);
        assert_false(claim.active);
        struct gz_arena *a = gz_arena_new(1024);
        struct gz_req req = {.arena = a};
        struct gz_resp resp;
        gz_resp_init(&resp);
        gz_cache_respond(e, &req, &resp);
        assert_string_equal(gz_http_frozen_body(resp.frozen), "front page");
        gz_http_frozen_release(resp.frozen);
        gz_arena_free(a);
        gz_cache_release(e);
        /* At midnight the date bar changes: the entry is stale. */
        e = gz_cache_lookup(c, "/", 1000, &claim);
        assert_null(e);
        assert_true(claim.active);
        gz_cache_abandon(c, &claim);
        gz_cache_free(c);
}

static void
invalidation_is_exact(void **state)
{
        (void)state;
        struct gz_cache *c = gz_cache_new(8 << 20);
        gz_cache_release(fill(c, "/", "home", gz_cache_dep("home:en"), 10000));
        gz_cache_release(fill(c, "/news/", "news", gz_cache_dep("sec:1"), 10000));
        gz_cache_release(fill(c, "/culture/", "culture", gz_cache_dep("sec:2"), 10000));
        uint64_t change[] = {gz_cache_dep("home:en"), gz_cache_dep("sec:1")};
        assert_int_equal(gz_cache_invalidate(c, change, 2), 2);
        struct gz_cache_claim claim;
        struct gz_cache_entry *e = gz_cache_lookup(c, "/culture/", 1, &claim);
        assert_non_null(e); /* unrelated: still there */
        gz_cache_release(e);
        assert_null(gz_cache_lookup(c, "/news/", 1, &claim));
        gz_cache_abandon(c, &claim);
        gz_cache_free(c);
}

static void
a_render_from_before_a_change_is_not_stored(void **state)
{
        (void)state;
        struct gz_cache *c = gz_cache_new(8 << 20);
        struct gz_cache_claim claim;
        assert_null(gz_cache_lookup(c, "/", 1, &claim));
        /* A change lands while the page renders. */
        uint64_t dep = gz_cache_dep("a:7");
        gz_cache_invalidate(c, &dep, 1);
        struct gz_resp r = page("rendered before the change");
        struct gz_cache_entry *e = gz_cache_fill(c, &claim, &r, &dep, 1, 10000);
        gz_cache_release(e); /* served to its own request only */
        struct gz_cache_claim again;
        assert_null(gz_cache_lookup(c, "/", 1, &again));
        assert_true(again.active);
        gz_cache_abandon(c, &again);
        gz_cache_free(c);
}

static void
the_budget_evicts_the_least_recent(void **state)
{
        (void)state;
        /* 32 shards share 1 MB: each holds about 32 KB. */
        struct gz_cache *c = gz_cache_new(1 << 20);
        char body[8000];
        memset(body, 'x', sizeof(body) - 1);
        body[sizeof(body) - 1] = '\0';
        for (int i = 0; i < 2000; i++) {
                char key[32];
                snprintf(key, sizeof(key), "/page/%d/", i);
                gz_cache_release(fill(c, key, body, gz_cache_dep("p:%d", i), 10000));
        }
        struct gz_cache_stats st;
        gz_cache_stats(c, &st);
        assert_true(st.bytes <= st.budget);
        assert_true(st.evictions > 0);
        assert_true(st.entries > 10);
        gz_cache_free(c);
}

static void
variants_decode_to_the_same_bytes(void **state)
{
        (void)state;
        struct gz_cache *c = gz_cache_new(8 << 20);
        char body[5000];
        for (size_t i = 0; i < sizeof(body) - 1; i++)
                body[i] = "The harbour cranes return. "[i % 27];
        body[sizeof(body) - 1] = '\0';
        struct gz_cache_entry *e = fill(c, "/a/", body, 1, 10000);
        struct gz_arena *a = gz_arena_new(4096);
        static const char *const accept[] = {NULL, "gzip", "br, gzip"};
        static const char *const expect[] = {NULL, "gzip", "br"};
        for (int i = 0; i < 3; i++) {
                struct gz_http_header h[] = {{"Accept-Encoding", accept[i]}};
                struct gz_req req = {.arena = a, .headers = h, .header_count = accept[i] ? 1 : 0};
                struct gz_resp resp;
                gz_resp_init(&resp);
                gz_cache_respond(e, &req, &resp);
                assert_non_null(resp.frozen);
                const char *enc = gz_http_frozen_header(resp.frozen, "Content-Encoding");
                if (expect[i] == NULL)
                        assert_null(enc);
                else
                        assert_string_equal(enc, expect[i]);
                assert_string_equal(gz_http_frozen_header(resp.frozen, "Vary"), "Accept-Encoding");
                const char *packed = gz_http_frozen_body(resp.frozen);
                size_t len = gz_http_frozen_body_len(resp.frozen);
                char out[8192];
                size_t out_len = sizeof(out);
                if (i == 0) {
                        assert_memory_equal(packed, body, strlen(body));
                } else if (i == 1) {
                        z_stream z = {0};
                        inflateInit2(&z, 15 + 16);
                        z.next_in = (Bytef *)(uintptr_t)packed;
                        z.avail_in = (uInt)len;
                        z.next_out = (Bytef *)out;
                        z.avail_out = sizeof(out);
                        assert_int_equal(inflate(&z, Z_FINISH), Z_STREAM_END);
                        assert_int_equal(z.total_out, strlen(body));
                        assert_memory_equal(out, body, strlen(body));
                        inflateEnd(&z);
                } else {
                        assert_int_equal(BrotliDecoderDecompress(len, (const uint8_t *)packed,
                                                                 &out_len, (uint8_t *)out),
                                         BROTLI_DECODER_RESULT_SUCCESS);
                        assert_int_equal(out_len, strlen(body));
                        assert_memory_equal(out, body, strlen(body));
                        assert_true(len < strlen(body) / 4);
                }
                /* Each variant answers 304 to its own ETag. */
                const char *etag = gz_http_frozen_header(resp.frozen, "ETag");
                struct gz_http_header h2[] = {{"Accept-Encoding", accept[i]},
                                              {"If-None-Match", etag}};
                struct gz_req cond = {.arena = a,
                                      .headers = h2 + (accept[i] ? 0 : 1),
                                      .header_count = accept[i] ? 2 : 1};
                struct gz_resp again;
                gz_resp_init(&again);
                gz_cache_respond(e, &cond, &again);
                assert_int_equal(gz_http_frozen_status(again.frozen), 304);
                gz_http_frozen_release(again.frozen);
                gz_http_frozen_release(resp.frozen);
        }
        gz_arena_free(a);
        gz_cache_release(e);
        gz_cache_free(c);
}

static void
accept_encoding_is_read_with_weights(void **state)
{
        (void)state;
        assert_int_equal(gz_accept_encoding(NULL), GZ_ENC_IDENTITY);
        assert_int_equal(gz_accept_encoding("gzip"), GZ_ENC_GZIP);
        assert_int_equal(gz_accept_encoding("gzip, deflate, br"), GZ_ENC_BR);
        assert_int_equal(gz_accept_encoding("br;q=0, gzip"), GZ_ENC_GZIP);
        assert_int_equal(gz_accept_encoding("gzip;q=0.5, br;q=0.9"), GZ_ENC_BR);
        assert_int_equal(gz_accept_encoding("br;q=0.2, gzip;q=0.8"), GZ_ENC_GZIP);
        assert_int_equal(gz_accept_encoding("*"), GZ_ENC_BR);
        assert_int_equal(gz_accept_encoding("identity"), GZ_ENC_IDENTITY);
        assert_int_equal(gz_accept_encoding("gzip;q=0"), GZ_ENC_IDENTITY);
        assert_int_equal(gz_accept_encoding(";;;,,q=1"), GZ_ENC_IDENTITY);
}

static void
keys_keep_only_the_arguments_pages_read(void **state)
{
        (void)state;
        struct gz_arena *a = gz_arena_new(1024);
        struct gz_req req = {.arena = a, .path = "/news/", .query = "utm_source=x&page=2&zz=1"};
        assert_string_equal(gz_cache_key(a, &req), "/news/?page=2");
        struct gz_req search = {.arena = a, .path = "/search", .query = "q=f%C3%A9e+a&sort=date"};
        assert_string_equal(gz_cache_key(a, &search), "/search?q=f%C3%A9e%20a&sort=date");
        gz_arena_free(a);
}

int
main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(hits_until_expiry),
            cmocka_unit_test(invalidation_is_exact),
            cmocka_unit_test(a_render_from_before_a_change_is_not_stored),
            cmocka_unit_test(the_budget_evicts_the_least_recent),
            cmocka_unit_test(variants_decode_to_the_same_bytes),
            cmocka_unit_test(accept_encoding_is_read_with_weights),
            cmocka_unit_test(keys_keep_only_the_arguments_pages_read),
        };
        return cmocka_run_group_tests_name("cache", tests, NULL, NULL);
}
