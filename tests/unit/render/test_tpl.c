/* The Mustache engine beyond the spec: error messages, strict mode, trusted
 * HTML, limits on recursion and runaway loops, deep nesting, reuse. */
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "render/render.h"

/* Compiles src as "page" and renders it; returns the error of either step. */
static enum gz_err
render_str(unsigned flags, const char *src, const struct gz_val *ctx, struct gz_buf *out,
           struct gz_error *err)
{
        struct gz_tpl_set *set = gz_tpl_set_new(flags);
        assert_non_null(set);
        enum gz_err e = gz_tpl_set_add(set, "page", src, strlen(src), err);
        if (e == GZ_OK)
                e = gz_tpl_render(set, "page", ctx, out, err);
        gz_tpl_set_free(set);
        return e;
}

static void
assert_renders(unsigned flags, const char *src, const struct gz_val *ctx, const char *want)
{
        struct gz_buf out;
        struct gz_error err = {0};
        gz_buf_init(&out, NULL);
        enum gz_err e = render_str(flags, src, ctx, &out, &err);
        if (e != GZ_OK)
                fail_msg("%s: %s", src, err.msg);
        assert_string_equal(out.data ? out.data : "", want);
        gz_buf_free(&out);
}

static void
assert_compile_error(const char *src, const char *want)
{
        struct gz_tpl_set *set = gz_tpl_set_new(0);
        struct gz_error err = {0};
        assert_int_equal(gz_tpl_set_add(set, "page", src, strlen(src), &err), GZ_EINVAL);
        assert_int_equal(err.code, GZ_EINVAL);
        assert_string_equal(err.msg, want);
        assert_false(gz_tpl_set_has(set, "page"));
        gz_tpl_set_free(set);
}

static void
syntax_errors_name_template_and_line(void **state)
{
        (void)state;
        assert_compile_error("a\nb {{name\n", "page:2: unclosed tag: no \"}}\" after \"{{\"");
        assert_compile_error("{{{raw}}", "page:1: unclosed tag: no \"}}}\" after \"{{\"");
        assert_compile_error("x\n\n{{#items}}\n{{name}}\n",
                             "page:3: section \"items\" is never closed");
        assert_compile_error("{{#a}}\n{{#b}}\n{{/a}}\n{{/b}}",
                             "page:3: closing tag \"a\" does not match section \"b\" opened on "
                             "line 2");
        assert_compile_error("ok\n{{/a}}", "page:2: closing tag \"a\" has no open section");
        assert_compile_error("{{=<% %>=}}\n\n<%=| =|=%>",
                             "page:3: bad set-delimiter tag: delimiters cannot contain '=' or "
                             "spaces, and there must be two");
        assert_compile_error("{{=<%=}}",
                             "page:1: bad set-delimiter tag: it needs two delimiters, as in "
                             "{{=<% %>=}}");
        assert_compile_error("{{= a b c =}}",
                             "page:1: bad set-delimiter tag: delimiters cannot contain '=' or "
                             "spaces, and there must be two");
        assert_compile_error("{{=<% %>=}}\n<%name}}", "page:2: unclosed tag: no \"%>\" after "
                                                      "\"<%\"");
        assert_compile_error("a\n{{ }}", "page:2: empty tag name");
        assert_compile_error("{{#}}{{/}}", "page:1: empty tag name");
        assert_compile_error("{{&}}", "page:1: empty tag name");
        assert_compile_error("{{>  }}", "page:1: empty partial name");
        assert_compile_error("{{a b}}", "page:1: bad tag name \"a b\"");
        assert_compile_error("{{a..b}}", "page:1: bad tag name \"a..b\" (empty part between "
                                         "dots)");
        /* A comment spanning lines still counts them. */
        assert_compile_error("{{! one\ntwo\n}}\n{{x", "page:4: unclosed tag: no \"}}\" after "
                                                      "\"{{\"");
}

static void
strict_mode_prints_raw_only_html(void **state)
{
        (void)state;
        struct gz_arena *a = gz_arena_new(1024);
        struct gz_val *ctx = gz_val_obj(a);
        gz_obj_set_str(ctx, "text", "<b>\"x\" & 'y'</b>");
        gz_obj_set_html(ctx, "body", "<p>Trusted &amp; fine</p>");
        gz_obj_set_int(ctx, "n", 7);

        assert_renders(GZ_TPL_STRICT, "{{{text}}}|{{&text}}|{{text}}", ctx,
                       "&lt;b&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/b&gt;|"
                       "&lt;b&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/b&gt;|"
                       "&lt;b&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/b&gt;");
        assert_renders(GZ_TPL_STRICT, "{{{body}}}|{{& body }}|{{{n}}}", ctx,
                       "<p>Trusted &amp; fine</p>|<p>Trusted &amp; fine</p>|7");
        /* Without the flag the spec's behaviour: triple mustache is raw. */
        assert_renders(0, "{{{text}}}|{{&text}}", ctx, "<b>\"x\" & 'y'</b>|<b>\"x\" & 'y'</b>");
        gz_arena_free(a);
}

static void
html_values_print_raw_through_escaping_tags(void **state)
{
        (void)state;
        struct gz_arena *a = gz_arena_new(1024);
        struct gz_val *ctx = gz_val_obj(a);
        gz_obj_set_html(ctx, "body", "<p>One &amp; <em>two</em></p>");
        struct gz_val *items = gz_val_list(a);
        gz_list_push(items, gz_val_html(a, "<li>a</li>"));
        gz_list_push(items, gz_val_str(a, "<li>b</li>"));
        gz_obj_set(ctx, "items", items);

        assert_renders(0, "{{body}}", ctx, "<p>One &amp; <em>two</em></p>");
        assert_renders(GZ_TPL_STRICT, "{{body}}", ctx, "<p>One &amp; <em>two</em></p>");
        assert_renders(GZ_TPL_STRICT, "{{#items}}{{.}}{{/items}}", ctx,
                       "<li>a</li>&lt;li&gt;b&lt;/li&gt;");
        gz_arena_free(a);
}

static void
values_print_as_the_brief_says(void **state)
{
        (void)state;
        struct gz_arena *a = gz_arena_new(1024);
        struct gz_val *ctx = gz_val_obj(a);
        gz_obj_set_bool(ctx, "yes", true);
        gz_obj_set_bool(ctx, "no", false);
        gz_obj_set_int(ctx, "big", -9223372036854775807LL - 1);
        gz_obj_set(ctx, "third", gz_val_double(a, 1.0 / 3.0));
        gz_obj_set(ctx, "tenth", gz_val_double(a, 0.1));
        gz_obj_set(ctx, "whole", gz_val_double(a, 2.0));
        gz_obj_set(ctx, "null", gz_val_null());
        gz_obj_set(ctx, "list", gz_val_list(a));
        gz_obj_set(ctx, "obj", ctx);
        assert_renders(0,
                       "{{yes}} {{no}} {{big}} {{third}} {{tenth}} {{whole}} "
                       "[{{null}}][{{list}}][{{obj}}][{{{obj}}}][{{missing}}]",
                       ctx,
                       "true false -9223372036854775808 0.3333333333333333 0.1 2 "
                       "[][][][][]");
        /* A NULL context renders like an empty one. */
        assert_renders(0, "a{{x}}b{{#x}}c{{/x}}{{^x}}d{{/x}}", NULL, "abd");
        gz_arena_free(a);
}

static void
self_including_partial_is_cut_off(void **state)
{
        (void)state;
        struct gz_tpl_set *set = gz_tpl_set_new(0);
        struct gz_error err = {0};
        const char *loop = "x{{>loop}}";
        assert_int_equal(gz_tpl_set_add(set, "loop", loop, strlen(loop), &err), GZ_OK);
        struct gz_buf out;
        gz_buf_init(&out, NULL);
        gz_buf_puts(&out, "kept");
        assert_int_equal(gz_tpl_render(set, "loop", NULL, &out, &err), GZ_ETOOBIG);
        assert_string_equal(err.msg, "loop:1: partials nested deeper than 100 (does \"loop\" "
                                     "include itself without end?)");
        /* Nothing half-written: the buffer is as it was. */
        assert_string_equal(out.data, "kept");

        /* Recursion that ends with the data is fine up to the bound. */
        const char *node = "<{{#child}}{{>node}}{{/child}}>";
        assert_int_equal(gz_tpl_set_add(set, "node", node, strlen(node), &err), GZ_OK);
        struct gz_arena *a = gz_arena_new(4096);
        struct gz_val *root = gz_val_obj(a), *cur = root;
        for (int i = 0; i < 100; i++) {
                struct gz_val *child = gz_val_obj(a);
                gz_obj_set(cur, "child", child);
                cur = child;
        }
        /* Without it the leaf would find its parent's "child" (Mustache
         * looks names up the context stack) and recurse for ever. */
        gz_obj_set_bool(cur, "child", false);
        gz_buf_truncate(&out, 0);
        assert_int_equal(gz_tpl_render(set, "node", root, &out, &err), GZ_OK);
        assert_int_equal(out.len, 202);
        struct gz_val *leaf = gz_val_obj(a); /* one level more */
        gz_obj_set_bool(leaf, "child", false);
        gz_obj_set(cur, "child", leaf);
        gz_buf_truncate(&out, 0);
        assert_int_equal(gz_tpl_render(set, "node", root, &out, &err), GZ_ETOOBIG);
        assert_int_equal(out.len, 0);

        gz_buf_free(&out);
        gz_arena_free(a);
        gz_tpl_set_free(set);
}

static void
runaway_loops_hit_the_step_limit(void **state)
{
        (void)state;
        struct gz_arena *a = gz_arena_new(1024);
        struct gz_val *ctx = gz_val_obj(a);
        struct gz_val *list = gz_val_list(a);
        for (int i = 0; i < 10; i++)
                gz_list_push(list, gz_val_int(a, i));
        gz_obj_set(ctx, "l", list);

        struct gz_buf src;
        gz_buf_init(&src, NULL);
        for (int i = 0; i < 40; i++)
                gz_buf_puts(&src, "{{#l}}");
        for (int i = 0; i < 40; i++)
                gz_buf_puts(&src, "{{/l}}");
        struct gz_tpl_set *set = gz_tpl_set_new(0);
        struct gz_error err = {0};
        assert_int_equal(gz_tpl_set_add(set, "nest", src.data, src.len, &err), GZ_OK);
        gz_tpl_set_limits(set, 0, 100000);
        struct gz_buf out;
        gz_buf_init(&out, NULL);
        assert_int_equal(gz_tpl_render(set, "nest", ctx, &out, &err), GZ_ETOOBIG);
        assert_non_null(strstr(err.msg, "over its limit"));

        const char *big = "{{#l}}{{#l}}{{#l}}0123456789{{/l}}{{/l}}{{/l}}";
        assert_int_equal(gz_tpl_set_add(set, "big", big, strlen(big), &err), GZ_OK);
        gz_tpl_set_limits(set, 5000, 0);
        assert_int_equal(gz_tpl_render(set, "big", ctx, &out, &err), GZ_ETOOBIG);
        gz_tpl_set_limits(set, 0, 0);
        assert_int_equal(gz_tpl_render(set, "big", ctx, &out, &err), GZ_OK);
        assert_int_equal(out.len, 10000);

        gz_buf_free(&out);
        gz_buf_free(&src);
        gz_tpl_set_free(set);
        gz_arena_free(a);
}

static void
many_nested_sections_render(void **state)
{
        (void)state;
        enum { DEPTH = 1000 };
        struct gz_arena *a = gz_arena_new(4096);
        /* Each level is an object with "next" and its own "v", so lookups run
         * down a deep context stack. */
        struct gz_val *root = gz_val_obj(a), *cur = root;
        gz_obj_set_str(root, "top", "T");
        for (int i = 0; i < DEPTH; i++) {
                struct gz_val *next = gz_val_obj(a);
                gz_obj_set_int(next, "v", i);
                gz_obj_set(cur, "next", next);
                cur = next;
        }
        struct gz_buf src;
        gz_buf_init(&src, NULL);
        for (int i = 0; i < DEPTH; i++)
                gz_buf_puts(&src, "{{#next}}");
        gz_buf_puts(&src, "{{v}}{{top}}");
        for (int i = 0; i < DEPTH; i++)
                gz_buf_puts(&src, "{{/next}}");

        struct gz_tpl_set *set = gz_tpl_set_new(0);
        struct gz_error err = {0};
        assert_int_equal(gz_tpl_set_add(set, "deep", src.data, src.len, &err), GZ_OK);
        struct gz_buf out;
        gz_buf_init(&out, NULL);
        assert_int_equal(gz_tpl_render(set, "deep", root, &out, &err), GZ_OK);
        assert_string_equal(out.data, "999T");

        /* One level more is refused when compiled, with the line. */
        gz_buf_truncate(&src, 0);
        gz_buf_puts(&src, "\n");
        for (int i = 0; i <= DEPTH; i++)
                gz_buf_puts(&src, "{{#next}}");
        assert_int_equal(gz_tpl_set_add(set, "deeper", src.data, src.len, &err), GZ_EINVAL);
        assert_string_equal(err.msg, "deeper:2: sections nested deeper than 1000");

        gz_buf_free(&out);
        gz_buf_free(&src);
        gz_tpl_set_free(set);
        gz_arena_free(a);
}

static void
standalone_partials_indent_nested_partials(void **state)
{
        (void)state;
        struct gz_tpl_set *set = gz_tpl_set_new(0);
        struct gz_error err = {0};
        const char *page = "<ul>\n  {{>items}}\n</ul>\n";
        const char *items = "{{#list}}\n<li>\n  {{>item}}\n</li>\n{{/list}}\n";
        const char *item = "{{name}}\n{{! note }}\n<br>\n";
        assert_int_equal(gz_tpl_set_add(set, "page", page, strlen(page), &err), GZ_OK);
        assert_int_equal(gz_tpl_set_add(set, "items", items, strlen(items), &err), GZ_OK);
        assert_int_equal(gz_tpl_set_add(set, "item", item, strlen(item), &err), GZ_OK);
        struct gz_arena *a = gz_arena_new(1024);
        struct gz_val *ctx = gz_val_obj(a), *list = gz_val_list(a);
        for (int i = 0; i < 2; i++) {
                struct gz_val *o = gz_val_obj(a);
                gz_obj_set_str(o, "name", i ? "b\nc" : "a");
                gz_list_push(list, o);
        }
        gz_obj_set(ctx, "list", list);
        struct gz_buf out;
        gz_buf_init(&out, NULL);
        assert_int_equal(gz_tpl_render(set, "page", ctx, &out, &err), GZ_OK);
        /* Lines of the partials are indented; lines inside a value are not. */
        assert_string_equal(out.data, "<ul>\n"
                                      "  <li>\n"
                                      "    a\n"
                                      "    <br>\n"
                                      "  </li>\n"
                                      "  <li>\n"
                                      "    b\n"
                                      "c\n"
                                      "    <br>\n"
                                      "  </li>\n"
                                      "</ul>\n");
        gz_buf_free(&out);
        gz_arena_free(a);
        gz_tpl_set_free(set);
}

static void
templates_are_replaced_and_missing_ones_reported(void **state)
{
        (void)state;
        struct gz_tpl_set *set = gz_tpl_set_new(0);
        struct gz_error err = {0};
        assert_false(gz_tpl_set_has(set, "a"));
        assert_int_equal(gz_tpl_set_add(set, "a", "one", 3, &err), GZ_OK);
        assert_int_equal(gz_tpl_set_add(set, "a", "two{{>b}}", 9, &err), GZ_OK);
        assert_true(gz_tpl_set_has(set, "a"));
        /* A failed compile leaves the old template in place. */
        assert_int_equal(gz_tpl_set_add(set, "a", "{{#x}}", 6, &err), GZ_EINVAL);
        struct gz_buf out;
        gz_buf_init(&out, NULL);
        assert_int_equal(gz_tpl_render(set, "a", NULL, &out, &err), GZ_OK);
        assert_string_equal(out.data, "two");
        assert_int_equal(gz_tpl_set_add(set, "b", "+b", 2, &err), GZ_OK);
        assert_int_equal(gz_tpl_render(set, "a", NULL, &out, &err), GZ_OK);
        assert_string_equal(out.data, "twotwo+b");
        assert_int_equal(gz_tpl_render(set, "nope", NULL, &out, &err), GZ_ENOTFOUND);
        assert_string_equal(err.msg, "nope: no such template");
        /* Many names force the table to grow; all stay reachable. */
        char name[32];
        for (int i = 0; i < 500; i++) {
                snprintf(name, sizeof(name), "t%d", i);
                assert_int_equal(gz_tpl_set_add(set, name, name, strlen(name), &err), GZ_OK);
        }
        for (int i = 0; i < 500; i++) {
                snprintf(name, sizeof(name), "t%d", i);
                gz_buf_truncate(&out, 0);
                assert_int_equal(gz_tpl_render(set, name, NULL, &out, &err), GZ_OK);
                assert_string_equal(out.data, name);
        }
        gz_buf_free(&out);
        gz_tpl_set_free(set);
}

static struct gz_val *
fifty_items(struct gz_arena *a)
{
        struct gz_val *ctx = gz_val_obj(a), *list = gz_val_list(a);
        gz_obj_set_str(ctx, "title", "Latest & greatest");
        for (int i = 0; i < 50; i++) {
                struct gz_val *o = gz_val_obj(a);
                gz_obj_set_int(o, "id", i);
                gz_obj_set_str(o, "headline", gz_arena_printf(a, "Story <%d>", i));
                gz_obj_set_bool(o, "featured", i % 7 == 0);
                gz_list_push(list, o);
        }
        gz_obj_set(ctx, "articles", list);
        return ctx;
}

static const char list_page[] = "<h1>{{title}}</h1>\n"
                                "<ol>\n"
                                "{{#articles}}\n"
                                "  <li id=\"a{{id}}\"{{#featured}} class=\"f\"{{/featured}}>"
                                "{{headline}}</li>\n"
                                "{{/articles}}\n"
                                "{{^articles}}\n  <li>none</li>\n{{/articles}}\n"
                                "</ol>\n";

static void
fifty_item_list_renders_ten_thousand_times(void **state)
{
        (void)state;
        struct gz_arena *a = gz_arena_new(16384);
        struct gz_val *ctx = fifty_items(a);
        struct gz_tpl_set *set = gz_tpl_set_new(GZ_TPL_STRICT);
        struct gz_error err = {0};
        assert_int_equal(gz_tpl_set_add(set, "list", list_page, strlen(list_page), &err), GZ_OK);
        struct gz_buf first, out;
        gz_buf_init(&first, NULL);
        gz_buf_init(&out, NULL);
        assert_int_equal(gz_tpl_render(set, "list", ctx, &first, &err), GZ_OK);
        assert_non_null(strstr(first.data, "<h1>Latest &amp; greatest</h1>\n<ol>\n"
                                           "  <li id=\"a0\" class=\"f\">Story &lt;0&gt;</li>\n"
                                           "  <li id=\"a1\">Story &lt;1&gt;</li>\n"));
        assert_non_null(strstr(first.data, "<li id=\"a49\" class=\"f\">Story &lt;49&gt;</li>\n"
                                           "</ol>\n"));
        for (int i = 0; i < 10000; i++) {
                gz_buf_truncate(&out, 0);
                assert_int_equal(gz_tpl_render(set, "list", ctx, &out, &err), GZ_OK);
        }
        assert_int_equal(out.len, first.len);
        assert_memory_equal(out.data, first.data, first.len);
        gz_buf_free(&first);
        gz_buf_free(&out);
        gz_tpl_set_free(set);
        gz_arena_free(a);
}

struct shared_render {
        const struct gz_tpl_set *set;
        const struct gz_val *ctx;
        const char *want;
        int mismatches;
};

static void *
render_many(void *arg)
{
        struct shared_render *s = arg;
        struct gz_arena *a = gz_arena_new(65536);
        for (int i = 0; i < 300; i++) {
                struct gz_buf out;
                struct gz_error err;
                gz_buf_init(&out, a); /* the per-request way: output in an arena */
                if (gz_tpl_render(s->set, "list", s->ctx, &out, &err) != GZ_OK ||
                    strcmp(out.data, s->want) != 0)
                        s->mismatches++;
                gz_arena_reset(a);
        }
        gz_arena_free(a);
        return NULL;
}

static void
threads_share_one_compiled_set(void **state)
{
        (void)state;
        struct gz_arena *a = gz_arena_new(16384);
        struct gz_tpl_set *set = gz_tpl_set_new(GZ_TPL_STRICT);
        struct gz_error err = {0};
        assert_int_equal(gz_tpl_set_add(set, "list", list_page, strlen(list_page), &err), GZ_OK);
        struct gz_val *ctx = fifty_items(a);
        struct gz_buf want;
        gz_buf_init(&want, NULL);
        assert_int_equal(gz_tpl_render(set, "list", ctx, &want, &err), GZ_OK);
        struct shared_render jobs[4];
        pthread_t threads[4];
        for (int i = 0; i < 4; i++) {
                jobs[i] = (struct shared_render){set, ctx, want.data, 0};
                assert_int_equal(pthread_create(&threads[i], NULL, render_many, &jobs[i]), 0);
        }
        for (int i = 0; i < 4; i++) {
                pthread_join(threads[i], NULL);
                assert_int_equal(jobs[i].mismatches, 0);
        }
        gz_buf_free(&want);
        gz_tpl_set_free(set);
        gz_arena_free(a);
}

int
main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(syntax_errors_name_template_and_line),
            cmocka_unit_test(strict_mode_prints_raw_only_html),
            cmocka_unit_test(html_values_print_raw_through_escaping_tags),
            cmocka_unit_test(values_print_as_the_brief_says),
            cmocka_unit_test(self_including_partial_is_cut_off),
            cmocka_unit_test(runaway_loops_hit_the_step_limit),
            cmocka_unit_test(many_nested_sections_render),
            cmocka_unit_test(standalone_partials_indent_nested_partials),
            cmocka_unit_test(templates_are_replaced_and_missing_ones_reported),
            cmocka_unit_test(fifty_item_list_renders_ten_thousand_times),
            cmocka_unit_test(threads_share_one_compiled_set),
        };
        return cmocka_run_group_tests_name("mustache engine", tests, NULL, NULL);
}
