/* The official Mustache spec (../shared/testdata/mustache), read at run time:
 * every case of the required modules must render exactly as expected. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <jansson.h>

#include "render/render.h"

static size_t cases_passed, cases_run;

static struct gz_val *
from_json(struct gz_arena *a, json_t *j)
{
        switch (json_typeof(j)) {
        case JSON_OBJECT: {
                struct gz_val *obj = gz_val_obj(a);
                const char *key;
                json_t *item;
                json_object_foreach(j, key, item)
                    gz_obj_set(obj, gz_arena_strdup(a, key), from_json(a, item));
                return obj;
        }
        case JSON_ARRAY: {
                struct gz_val *list = gz_val_list(a);
                size_t i;
                json_t *item;
                json_array_foreach(j, i, item) gz_list_push(list, from_json(a, item));
                return list;
        }
        case JSON_STRING:
                return gz_val_strn(a,
                                   gz_arena_strndup(a, json_string_value(j), json_string_length(j)),
                                   json_string_length(j));
        case JSON_INTEGER:
                return gz_val_int(a, (long long)json_integer_value(j));
        case JSON_REAL:
                return gz_val_double(a, json_real_value(j));
        case JSON_TRUE:
                return gz_val_bool(true);
        case JSON_FALSE:
                return gz_val_bool(false);
        default:
                return gz_val_null();
        }
}

static json_t *
load_spec(const char *file)
{
        const char *root = getenv("GZ_ROOT");
        char path[4096];
        snprintf(path, sizeof(path), "%s/../shared/testdata/mustache/%s",
                 root && *root ? root : ".", file);
        json_error_t jerr;
        json_t *spec = json_load_file(path, 0, &jerr);
        if (spec == NULL)
                fail_msg("cannot read %s: %s (line %d)", path, jerr.text, jerr.line);
        return spec;
}

/* Runs every case of one spec file; prints each failure in full. */
static void
run_spec(const char *file)
{
        json_t *spec = load_spec(file);
        json_t *tests = json_object_get(spec, "tests");
        assert_true(json_is_array(tests));
        size_t failed = 0, i;
        json_t *tc;
        json_array_foreach(tests, i, tc)
        {
                const char *name = json_string_value(json_object_get(tc, "name"));
                json_t *tpl = json_object_get(tc, "template");
                json_t *expected = json_object_get(tc, "expected");
                struct gz_arena *a = gz_arena_new(4096);
                struct gz_tpl_set *set = gz_tpl_set_new(0);
                struct gz_error err = {0};
                struct gz_buf out;
                gz_buf_init(&out, NULL);
                enum gz_err e = GZ_OK;

                json_t *partials = json_object_get(tc, "partials");
                const char *pname;
                json_t *psrc;
                json_object_foreach(partials, pname, psrc)
                {
                        if (e == GZ_OK)
                                e = gz_tpl_set_add(set, pname, json_string_value(psrc),
                                                   json_string_length(psrc), &err);
                }
                if (e == GZ_OK)
                        e = gz_tpl_set_add(set, "spec-case", json_string_value(tpl),
                                           json_string_length(tpl), &err);
                if (e == GZ_OK)
                        e = gz_tpl_render(set, "spec-case",
                                          from_json(a, json_object_get(tc, "data")), &out, &err);
                cases_run++;
                const char *want = json_string_value(expected);
                size_t want_len = json_string_length(expected);
                if (e == GZ_OK && out.len == want_len &&
                    (want_len == 0 || memcmp(out.data, want, want_len) == 0)) {
                        cases_passed++;
                } else {
                        failed++;
                        print_error("FAILED %s: \"%s\"\n  template: %s\n  expected: [%s]\n"
                                    "  got:      [%s]\n  error:    %s\n",
                                    file, name, json_string_value(tpl), want,
                                    out.data ? out.data : "", e == GZ_OK ? "none" : err.msg);
                }
                gz_buf_free(&out);
                gz_tpl_set_free(set);
                gz_arena_free(a);
        }
        print_message("# %s: %zu cases, %zu failed (all spec files so far: %zu of %zu passed)\n",
                      file, json_array_size(tests), failed, cases_passed, cases_run);
        json_decref(spec);
        assert_int_equal(failed, 0);
}

static void
spec_comments_pass(void **state)
{
        (void)state;
        run_spec("comments.json");
}

static void
spec_delimiters_pass(void **state)
{
        (void)state;
        run_spec("delimiters.json");
}

static void
spec_interpolation_pass(void **state)
{
        (void)state;
        run_spec("interpolation.json");
}

static void
spec_inverted_pass(void **state)
{
        (void)state;
        run_spec("inverted.json");
}

static void
spec_partials_pass(void **state)
{
        (void)state;
        run_spec("partials.json");
}

static void
spec_sections_pass(void **state)
{
        (void)state;
        run_spec("sections.json");
}

int
main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(spec_comments_pass),      cmocka_unit_test(spec_delimiters_pass),
            cmocka_unit_test(spec_interpolation_pass), cmocka_unit_test(spec_inverted_pass),
            cmocka_unit_test(spec_partials_pass),      cmocka_unit_test(spec_sections_pass),
        };
        return cmocka_run_group_tests_name("mustache spec", tests, NULL, NULL);
}
