/* The per-client token bucket, against an injected clock. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "http/http.h"

static int64_t fake_now;

static int64_t
fake_clock(void *ctx)
{
        (void)ctx;
        return __atomic_load_n(&fake_now, __ATOMIC_SEQ_CST);
}

static struct gz_ratelimit *
limiter(unsigned burst, unsigned interval_ms, size_t max_clients)
{
        fake_now = 1000000;
        struct gz_ratelimit_config cfg = {.burst = burst,
                                          .interval_ms = interval_ms,
                                          .max_clients = max_clients,
                                          .now_ms = fake_clock};
        return gz_ratelimit_new(&cfg);
}

static void
a_burst_is_allowed_then_refused_with_retry_after(void **state)
{
        (void)state;
        struct gz_ratelimit *rl = limiter(3, 1000, 1024);
        unsigned retry = 0;
        for (int i = 0; i < 3; i++)
                assert_true(gz_ratelimit_take(rl, "192.0.2.1", &retry));
        assert_false(gz_ratelimit_take(rl, "192.0.2.1", &retry));
        assert_int_equal(retry, 1);
        gz_ratelimit_free(rl);
}

static void
tokens_come_back_at_the_rate(void **state)
{
        (void)state;
        struct gz_ratelimit *rl = limiter(2, 1000, 1024);
        assert_true(gz_ratelimit_take(rl, "192.0.2.1", NULL));
        assert_true(gz_ratelimit_take(rl, "192.0.2.1", NULL));
        assert_false(gz_ratelimit_take(rl, "192.0.2.1", NULL));
        fake_now += 999;
        assert_false(gz_ratelimit_take(rl, "192.0.2.1", NULL));
        fake_now += 1;
        assert_true(gz_ratelimit_take(rl, "192.0.2.1", NULL));
        assert_false(gz_ratelimit_take(rl, "192.0.2.1", NULL));
        /* Refused attempts cost nothing: a second later there is one again. */
        for (int i = 0; i < 10; i++)
                assert_false(gz_ratelimit_take(rl, "192.0.2.1", NULL));
        fake_now += 1000;
        assert_true(gz_ratelimit_take(rl, "192.0.2.1", NULL));
        gz_ratelimit_free(rl);
}

static void
a_rested_bucket_holds_no_more_than_the_burst(void **state)
{
        (void)state;
        struct gz_ratelimit *rl = limiter(5, 1000, 1024);
        assert_true(gz_ratelimit_take(rl, "192.0.2.1", NULL));
        fake_now += 3600 * 1000;
        int allowed = 0;
        for (int i = 0; i < 100; i++)
                allowed += gz_ratelimit_take(rl, "192.0.2.1", NULL);
        assert_int_equal(allowed, 5);
        gz_ratelimit_free(rl);
}

static void
retry_after_rounds_up_to_whole_seconds(void **state)
{
        (void)state;
        /* Five sign-in attempts a minute. */
        struct gz_ratelimit *rl = limiter(5, 12000, 1024);
        unsigned retry = 0;
        for (int i = 0; i < 5; i++)
                assert_true(gz_ratelimit_take(rl, "198.51.100.7", &retry));
        assert_false(gz_ratelimit_take(rl, "198.51.100.7", &retry));
        assert_int_equal(retry, 12);
        fake_now += 500;
        assert_false(gz_ratelimit_take(rl, "198.51.100.7", &retry));
        assert_int_equal(retry, 12); /* 11.5 s */
        fake_now += 11000;
        assert_false(gz_ratelimit_take(rl, "198.51.100.7", &retry));
        assert_int_equal(retry, 1); /* 0.5 s */
        fake_now += 500;
        assert_true(gz_ratelimit_take(rl, "198.51.100.7", &retry));
        gz_ratelimit_free(rl);
}

static void
clients_have_their_own_buckets(void **state)
{
        (void)state;
        struct gz_ratelimit *rl = limiter(1, 60000, 1024);
        assert_true(gz_ratelimit_take(rl, "192.0.2.1", NULL));
        assert_false(gz_ratelimit_take(rl, "192.0.2.1", NULL));
        assert_true(gz_ratelimit_take(rl, "192.0.2.2", NULL));
        assert_true(gz_ratelimit_take(rl, "2001:db8::1", NULL));
        assert_true(gz_ratelimit_take(rl, "editor@example.org", NULL));
        assert_false(gz_ratelimit_take(rl, "editor@example.org", NULL));
        assert_true(gz_ratelimit_take(rl, "Editor@example.org", NULL));
        gz_ratelimit_free(rl);
}

static void
ipv6_addresses_count_per_64_and_mapped_ipv4_as_ipv4(void **state)
{
        (void)state;
        struct gz_ratelimit *rl = limiter(1, 60000, 1024);
        assert_true(gz_ratelimit_take(rl, "2001:db8:1:2::1", NULL));
        /* Another address of the same /64 is the same subscriber. */
        assert_false(gz_ratelimit_take(rl, "2001:db8:1:2:ffff:eeee:dddd:cccc", NULL));
        assert_true(gz_ratelimit_take(rl, "2001:db8:1:3::1", NULL));
        assert_true(gz_ratelimit_take(rl, "203.0.113.9", NULL));
        assert_false(gz_ratelimit_take(rl, "::ffff:203.0.113.9", NULL));
        /* A mapped address keeps its IPv4 part: a neighbour is someone else. */
        assert_true(gz_ratelimit_take(rl, "::ffff:203.0.113.10", NULL));
        gz_ratelimit_free(rl);
}

static void
memory_stays_bounded_under_a_million_addresses(void **state)
{
        (void)state;
        struct gz_ratelimit *rl = limiter(2, 1000, 1000);
        char addr[64];
        for (unsigned i = 0; i < 1000000; i++) {
                snprintf(addr, sizeof(addr), "10.%u.%u.%u", (i >> 16) & 255, (i >> 8) & 255,
                         i & 255);
                gz_ratelimit_take(rl, addr, NULL);
                if ((i & 1023) == 0)
                        fake_now++;
        }
        size_t n = gz_ratelimit_count(rl);
        assert_true(n <= 1000);
        assert_true(n > 900); /* the table is used, not left empty */
        gz_ratelimit_free(rl);
}

static void
limited_clients_are_kept_while_rested_ones_are_forgotten(void **state)
{
        (void)state;
        /* One set of eight entries: every key competes for it. */
        struct gz_ratelimit *rl = limiter(2, 60000, 8);
        /* The oldest entry spends its whole burst... */
        assert_true(gz_ratelimit_take(rl, "192.0.2.66", NULL));
        assert_true(gz_ratelimit_take(rl, "192.0.2.66", NULL));
        char addr[64];
        for (int i = 1; i < 8; i++) {
                fake_now += 10;
                snprintf(addr, sizeof(addr), "192.0.2.%d", i);
                assert_true(gz_ratelimit_take(rl, addr, NULL));
        }
        /* ...the seven others one token, which has come back a minute later,
         * while the first has earned one of its two. */
        fake_now += 60100;
        /* Newcomers replace the rested entries, not the one still owed
         * tokens, although it was seen longest ago. */
        for (int i = 100; i < 107; i++) {
                snprintf(addr, sizeof(addr), "192.0.2.%d", i);
                assert_true(gz_ratelimit_take(rl, addr, NULL));
        }
        assert_int_equal(gz_ratelimit_count(rl), 8);
        /* Forgotten, it would have had two tokens again. */
        assert_true(gz_ratelimit_take(rl, "192.0.2.66", NULL));
        assert_false(gz_ratelimit_take(rl, "192.0.2.66", NULL));
        gz_ratelimit_free(rl);
}

static void
a_clock_going_back_earns_nothing(void **state)
{
        (void)state;
        struct gz_ratelimit *rl = limiter(1, 1000, 64);
        assert_true(gz_ratelimit_take(rl, "192.0.2.1", NULL));
        fake_now -= 100000;
        assert_false(gz_ratelimit_take(rl, "192.0.2.1", NULL));
        fake_now += 100000 + 999;
        assert_false(gz_ratelimit_take(rl, "192.0.2.1", NULL));
        fake_now += 1;
        assert_true(gz_ratelimit_take(rl, "192.0.2.1", NULL));
        gz_ratelimit_free(rl);
}

struct hammer {
        struct gz_ratelimit *rl;
        int allowed;
};

static void *
hammer_main(void *arg)
{
        struct hammer *h = arg;
        for (int i = 0; i < 20000; i++)
                h->allowed += gz_ratelimit_take(h->rl, i % 2 ? "192.0.2.1" : "2001:db8::7", NULL);
        return NULL;
}

static void
concurrent_takes_spend_each_token_once(void **state)
{
        (void)state;
        /* The clock stands still: exactly the burst goes through. */
        struct gz_ratelimit *rl = limiter(30000, 1000, 64);
        struct hammer h[8];
        pthread_t t[8];
        for (int i = 0; i < 8; i++) {
                h[i] = (struct hammer){.rl = rl};
                assert_int_equal(pthread_create(&t[i], NULL, hammer_main, &h[i]), 0);
        }
        int total = 0;
        for (int i = 0; i < 8; i++) {
                pthread_join(t[i], NULL);
                total += h[i].allowed;
        }
        assert_int_equal(total, 2 * 30000);
        gz_ratelimit_free(rl);
}

static void
allow_answers_429_with_retry_after(void **state)
{
        (void)state;
        struct gz_ratelimit *rl = limiter(1, 30000, 64);
        struct gz_arena *a = gz_arena_new(1024);
        struct gz_req req = {.arena = a, .client_ip = "192.0.2.44", .path = "/search"};
        struct gz_resp resp;
        gz_resp_init(&resp);
        assert_true(gz_ratelimit_allow(rl, &req, &resp));
        assert_int_equal(resp.status, 200);
        gz_resp_init(&resp);
        assert_false(gz_ratelimit_allow(rl, &req, &resp));
        assert_int_equal(resp.status, 429);
        assert_string_equal(gz_resp_get_header(&resp, "Retry-After"), "30");
        assert_string_equal(gz_resp_get_header(&resp, "Cache-Control"), "no-store");
        assert_string_equal(resp.body, "429 Too Many Requests\n");
        gz_arena_free(a);
        gz_ratelimit_free(rl);
}

int
main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(a_burst_is_allowed_then_refused_with_retry_after),
            cmocka_unit_test(tokens_come_back_at_the_rate),
            cmocka_unit_test(a_rested_bucket_holds_no_more_than_the_burst),
            cmocka_unit_test(retry_after_rounds_up_to_whole_seconds),
            cmocka_unit_test(clients_have_their_own_buckets),
            cmocka_unit_test(ipv6_addresses_count_per_64_and_mapped_ipv4_as_ipv4),
            cmocka_unit_test(memory_stays_bounded_under_a_million_addresses),
            cmocka_unit_test(limited_clients_are_kept_while_rested_ones_are_forgotten),
            cmocka_unit_test(a_clock_going_back_earns_nothing),
            cmocka_unit_test(concurrent_takes_spend_each_token_once),
            cmocka_unit_test(allow_answers_429_with_retry_after),
        };
        return cmocka_run_group_tests_name("ratelimit", tests, NULL, NULL);
}
