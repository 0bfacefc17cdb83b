/* The escaping of what the site writes outside HTML text: CDATA sections in
 * feeds, JSON inside <script type="application/ld+json">, and search
 * snippets where only the highlight is markup. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <jansson.h>
#include <libxml/parser.h>
#include <stdlib.h>
#include <string.h>

#include "site/site_internal.h"

static char *
cdata(struct gz_arena *a, const char *s)
{
        struct gz_buf b;
        gz_buf_init(&b, a);
        gz_xml_cdata(&b, s, strlen(s));
        return b.data;
}

/* The text of <x>...</x> as an XML parser reads it. */
static char *
xml_text(const char *inner)
{
        struct gz_buf doc;
        gz_buf_init(&doc, NULL);
        gz_buf_printf(&doc, "<x>%s</x>", inner);
        xmlDocPtr d = xmlReadMemory(doc.data, (int)doc.len, "x.xml", NULL, XML_PARSE_NONET);
        gz_buf_free(&doc);
        if (d == NULL)
                return NULL;
        xmlChar *t = xmlNodeGetContent(xmlDocGetRootElement(d));
        char *copy = strdup((const char *)t);
        xmlFree(t);
        xmlFreeDoc(d);
        return copy;
}

static void
cdata_splits_its_end_marker(void **state)
{
        (void)state;
        struct gz_arena *a = gz_arena_new(4096);
        static const char *const texts[] = {
            "<p>plain &amp; simple</p>", "a ]]> b", "]]>", "]]]]>>", "x]]>]]>y]]", "", "]", "]]",
            "<![CDATA[ nested ]]> end"};
        for (size_t i = 0; i < sizeof(texts) / sizeof(texts[0]); i++) {
                char *out = cdata(a, texts[i]);
                /* Only our own section ends appear, and the parser gives the
                 * text back byte for byte. */
                char *back = xml_text(out);
                assert_non_null(back);
                assert_string_equal(back, texts[i]);
                free(back);
        }
        assert_string_equal(cdata(a, "a]]>b"), "<![CDATA[a]]]]><![CDATA[>b]]>");
        gz_arena_free(a);
}

static void
json_in_a_script_cannot_end_it(void **state)
{
        (void)state;
        struct gz_arena *a = gz_arena_new(4096);
        const char *title = "</script><script>alert(1)</script><!-- & -->";
        json_t *o = json_object();
        json_object_set_new(o, "headline", json_string(title));
        char *text = json_dumps(o, JSON_COMPACT);
        json_decref(o);
        struct gz_buf b;
        gz_buf_init(&b, a);
        gz_json_script_safe(&b, text, strlen(text));
        free(text);
        assert_null(strchr(b.data, '<'));
        assert_null(strchr(b.data, '>'));
        assert_null(strchr(b.data, '&'));
        /* Still JSON, meaning the same. */
        json_error_t err;
        json_t *back = json_loads(b.data, 0, &err);
        assert_non_null(back);
        assert_string_equal(json_string_value(json_object_get(back, "headline")), title);
        json_decref(back);
        gz_arena_free(a);
}

static void
snippets_escape_text_and_mark_words(void **state)
{
        (void)state;
        struct gz_arena *a = gz_arena_new(4096);
        assert_string_equal(gz_view_snippet(a, "the \x01harbour\x02 & <b>"),
                            "the <mark>harbour</mark> &amp; &lt;b&gt;");
        assert_string_equal(gz_view_snippet(a, "\x01<script>\x02"), "<mark>&lt;script&gt;</mark>");
        /* Marks are balanced whatever the bytes say. */
        assert_string_equal(gz_view_snippet(a, "\x02x\x01y\x01z"), "x<mark>yz</mark>");
        assert_string_equal(gz_view_snippet(a, "\"quoted\" 'single'"),
                            "&quot;quoted&quot; &#39;single&#39;");
        assert_string_equal(gz_view_snippet(a, ""), "");
        gz_arena_free(a);
}

static void
feed_content_gets_absolute_addresses(void **state)
{
        (void)state;
        struct gz_arena *a = gz_arena_new(4096);
        const char *base = "https://news.example.org";
        assert_string_equal(gz_feed_absolute_html(
                                a, base,
                                "<p><a href=\"/tag/x/\">x</a> <a href=\"https://other.org/\">o</a>"
                                " <a href=\"//cdn.example/\">c</a> <a href=\"#top\">t</a></p>"),
                            "<p><a href=\"https://news.example.org/tag/x/\">x</a> <a "
                            "href=\"https://other.org/\">o</a> <a href=\"//cdn.example/\">c</a> <a "
                            "href=\"#top\">t</a></p>");
        assert_string_equal(
            gz_feed_absolute_html(a, base,
                                  "<img src=\"/media/a.jpg\" srcset=\"/media/a-480w.jpg 480w, "
                                  "/media/a-960w.jpg 960w\" data-x=\"/keep\" alt=\"a=&quot;/b\">"),
            "<img src=\"https://news.example.org/media/a.jpg\" "
            "srcset=\"https://news.example.org/media/a-480w.jpg 480w, "
            "https://news.example.org/media/a-960w.jpg 960w\" data-x=\"/keep\" "
            "alt=\"a=&quot;/b\">");
        assert_string_equal(gz_feed_absolute_html(a, base, "no links at all"), "no links at all");
        assert_string_equal(gz_feed_absolute_html(a, base, NULL), "");
        gz_arena_free(a);
}

int
main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(cdata_splits_its_end_marker),
            cmocka_unit_test(json_in_a_script_cannot_end_it),
            cmocka_unit_test(snippets_escape_text_and_mark_words),
            cmocka_unit_test(feed_content_gets_absolute_addresses),
        };
        return cmocka_run_group_tests_name("site output", tests, NULL, NULL);
}
