/* Unit tests for src/core: arena, buffers, UTF-8, integers, time. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/core.h"

static void
arena_grows_and_resets(void **state)
{
        (void)state;
        struct gz_arena *a = gz_arena_new(1024);
        char *small = gz_arena_strdup(a, "hello");
        char *big = gz_arena_alloc(a, 100000);
        memset(big, 'x', 100000);
        assert_string_equal(small, "hello");
        assert_true(gz_arena_used(a) >= 100000);
        char *p = gz_arena_printf(a, "%d-%s", 42, "x");
        assert_string_equal(p, "42-x");
        gz_arena_reset(a);
        assert_int_equal(gz_arena_used(a), 0);
        assert_non_null(gz_arena_alloc(a, 10));
        gz_arena_free(a);
}

static void
buffers_in_arena_and_heap(void **state)
{
        (void)state;
        struct gz_arena *a = gz_arena_new(1024);
        struct gz_buf b;
        gz_buf_init(&b, a);
        for (int i = 0; i < 1000; i++)
                gz_buf_printf(&b, "%d,", i);
        assert_int_equal(strncmp(b.data, "0,1,2,", 6), 0);
        assert_int_equal(b.data[b.len], '\0');
        gz_buf_init(&b, NULL);
        gz_buf_puts(&b, "abc");
        gz_buf_putc(&b, 'd');
        assert_string_equal(b.data, "abcd");
        gz_buf_truncate(&b, 2);
        assert_string_equal(b.data, "ab");
        gz_buf_free(&b);
        gz_arena_free(a);
}

static void
utf8_rejects_malformed(void **state)
{
        (void)state;
        assert_true(gz_utf8_valid("caf\xc3\xa9 \xd9\x81\xd8\xa7\xd8\xb1\xd8\xb3\xdb\x8c", 16));
        assert_false(gz_utf8_valid("\xc0\xaf", 2));         /* overlong / */
        assert_false(gz_utf8_valid("\xed\xa0\x80", 3));     /* surrogate */
        assert_false(gz_utf8_valid("\xf4\x90\x80\x80", 4)); /* above U+10FFFF */
        assert_false(gz_utf8_valid("\xe2\x82", 2));         /* truncated */
        assert_int_equal(gz_utf8_prefix("\xd8\xa7\xd8\xa8\xd8\xaa", 6, 2), 4);
}

static void
integers_parse_strictly(void **state)
{
        (void)state;
        long long v;
        assert_true(gz_parse_int("42", 0, 100, &v));
        assert_int_equal(v, 42);
        assert_false(gz_parse_int("101", 0, 100, &v));
        assert_false(gz_parse_int("4x", 0, 100, &v));
        assert_false(gz_parse_int("", 0, 100, &v));
        assert_false(gz_parse_int("99999999999999999999", 0, 100, &v));
        assert_true(gz_parse_int("-5", -10, 10, &v));
        assert_int_equal(v, -5);
}

static void
time_formats_and_parses(void **state)
{
        (void)state;
        gz_time t = gz_time_from_civil(2026, 11, 29, 6, 13, 29);
        assert_int_equal(t, 1795932809);
        char s[40];
        gz_time_iso8601_utc(t, s);
        assert_string_equal(s, "2026-11-29T06:13:29Z");
        gz_time_http(t, s);
        assert_string_equal(s, "Sun, 29 Nov 2026 06:13:29 GMT");
        gz_time_rfc3339(t, 12600, s);
        assert_string_equal(s, "2026-11-29T09:43:29+03:30");
        gz_time_rfc822(t, -18000, s);
        assert_string_equal(s, "Sun, 29 Nov 2026 01:13:29 -0500");
        gz_time parsed;
        bool zone;
        assert_true(gz_time_parse("2026-11-29T09:43:29+03:30", &parsed, &zone));
        assert_int_equal(parsed, t);
        assert_true(zone);
        assert_true(gz_time_parse("2026-11-29 06:13", &parsed, &zone));
        assert_int_equal(parsed, t - 29);
        assert_false(zone);
        assert_false(gz_time_parse("2026-02-30", &parsed, NULL));
        assert_false(gz_time_parse("2026-11-29T25:00", &parsed, NULL));
        assert_false(gz_time_parse("yesterday", &parsed, NULL));
        int y, m, d, wd;
        gz_time_to_civil(gz_time_from_civil(1969, 12, 31, 23, 0, 0), &y, &m, &d, NULL, NULL, NULL,
                         &wd);
        assert_int_equal(y, 1969);
        assert_int_equal(d, 31);
        assert_int_equal(wd, 3); /* a Wednesday */
}

/* mkdir -p for real: nested, a trailing slash, again, and a file in the way;
 * files replaced whole, with or without fsync. */
static void
folders_and_files_on_disk(void **state)
{
        (void)state;
        char root[] = "/tmp/gazette-core-XXXXXX";
        assert_non_null(mkdtemp(root));
        char path[256], file[300];
        struct gz_error err;
        snprintf(path, sizeof(path), "%s/a/b/c/", root);
        assert_int_equal(gz_mkdirs(path, 0755, &err), GZ_OK);
        assert_true(gz_is_dir(path));
        assert_int_equal(gz_mkdirs(path, 0755, &err), GZ_OK); /* there already */
        snprintf(file, sizeof(file), "%s/a/b/page.html", root);
        assert_int_equal(gz_file_replace(file, "one", 3, &err), GZ_OK);
        assert_int_equal(gz_file_write_atomic(file, "second", 6, &err), GZ_OK);
        char *data;
        size_t len;
        assert_int_equal(gz_file_read(file, 100, &data, &len, &err), GZ_OK);
        assert_int_equal(len, 6);
        assert_memory_equal(data, "second", 6);
        free(data);
        /* A file where a folder should be: an error that names it. */
        snprintf(path, sizeof(path), "%s/a/b/page.html/x", root);
        assert_int_not_equal(gz_mkdirs(path, 0755, &err), GZ_OK);
        assert_non_null(strstr(err.msg, "page.html"));
        char cmd[300];
        snprintf(cmd, sizeof(cmd), "rm -rf '%s'", root);
        assert_int_equal(system(cmd), 0);
}

int
main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(arena_grows_and_resets),  cmocka_unit_test(buffers_in_arena_and_heap),
            cmocka_unit_test(utf8_rejects_malformed),  cmocka_unit_test(integers_parse_strictly),
            cmocka_unit_test(time_formats_and_parses), cmocka_unit_test(folders_and_files_on_disk),
        };
        return cmocka_run_group_tests(tests, NULL, NULL);
}
