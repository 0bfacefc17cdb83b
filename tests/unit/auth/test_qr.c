/* Unit tests for src/auth/qr.c: the SVG is well-formed XML, self-contained,
 * and draws exactly the modules libqrencode computed. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <qrencode.h>

#include "auth/auth.h"

#define URI                                                                                        \
        "otpauth://totp/Example%20News:editor%40example.org?secret=JBSWY3DPEHPK3PXP"               \
        "&issuer=Example%20News&algorithm=SHA1&digits=6&period=30"

static xmlDocPtr
parse_svg(const struct gz_buf *svg)
{
        xmlDocPtr doc = xmlReadMemory(svg->data, (int)svg->len, "qr.svg", NULL,
                                      XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
        assert_non_null(doc);
        return doc;
}

static char *
attr(xmlNodePtr node, const char *name)
{
        return (char *)xmlGetProp(node, (const xmlChar *)name);
}

static void
assert_attr(xmlNodePtr node, const char *name, const char *want)
{
        char *got = attr(node, name);
        if (got == NULL)
                fail_msg("<%s> has no %s", (const char *)node->name, name);
        assert_string_equal(got, want);
        xmlFree(got);
}

/* Paints the path's rectangles ("MX Yh{n}v1h-{n}z") into a grid of size x size. */
static unsigned char *
paint_path(const char *d, int size)
{
        unsigned char *grid = calloc((size_t)size * (size_t)size, 1);
        assert_non_null(grid);
        while (*d) {
                int x, y, w, back, used = 0;
                if (sscanf(d, "M%d %dh%dv1h-%dz%n", &x, &y, &w, &back, &used) != 4 || used == 0)
                        fail_msg("unexpected path data at \"%.20s\"", d);
                assert_int_equal(w, back);
                assert_true(x >= 0 && y >= 0 && w > 0 && x + w <= size && y < size);
                for (int i = 0; i < w; i++) {
                        assert_int_equal(grid[y * size + x + i], 0); /* no overlaps */
                        grid[y * size + x + i] = 1;
                }
                d += used;
        }
        return grid;
}

static void
check_svg_matches_qrencode(const char *text)
{
        struct gz_buf svg;
        gz_buf_init(&svg, NULL);
        struct gz_error err = {0};
        assert_int_equal(gz_qr_svg(text, &svg, &err), GZ_OK);

        QRcode *qr = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
        assert_non_null(qr);
        int size = qr->width + 8;

        xmlDocPtr doc = parse_svg(&svg);
        xmlNodePtr root = xmlDocGetRootElement(doc);
        assert_string_equal((const char *)root->name, "svg");
        assert_non_null(root->ns);
        assert_string_equal((const char *)root->ns->href, "http://www.w3.org/2000/svg");
        char view_box[64];
        snprintf(view_box, sizeof(view_box), "0 0 %d %d", size, size);
        assert_attr(root, "viewBox", view_box);
        assert_attr(root, "shape-rendering", "crispEdges");
        assert_attr(root, "role", "img");
        assert_attr(root, "aria-label", "QR code");

        int paths = 0;
        unsigned char *grid = NULL;
        for (xmlNodePtr n = root->children; n != NULL; n = n->next) {
                if (n->type != XML_ELEMENT_NODE)
                        continue;
                if (strcmp((const char *)n->name, "rect") == 0) {
                        char side[16];
                        snprintf(side, sizeof(side), "%d", size);
                        assert_attr(n, "width", side);
                        assert_attr(n, "height", side);
                        assert_attr(n, "fill", "#fff");
                        continue;
                }
                assert_string_equal((const char *)n->name, "path");
                paths++;
                char *d = attr(n, "d");
                assert_non_null(d);
                grid = paint_path(d, size);
                xmlFree(d);
        }
        assert_int_equal(paths, 1);

        /* Module for module, including the empty 4-module quiet zone. */
        for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                        int qx = x - 4, qy = y - 4;
                        int dark = 0;
                        if (qx >= 0 && qy >= 0 && qx < qr->width && qy < qr->width)
                                dark = qr->data[qy * qr->width + qx] & 1;
                        if (grid[y * size + x] != dark)
                                fail_msg("module %d,%d differs", x, y);
                }
        }
        free(grid);
        xmlFreeDoc(doc);
        QRcode_free(qr);
        gz_buf_free(&svg);
}

static void
svg_draws_exactly_the_qr_modules(void **state)
{
        (void)state;
        check_svg_matches_qrencode(URI);
        check_svg_matches_qrencode("x");
        check_svg_matches_qrencode("otpauth://totp/%D8%AE%D8%A8%D8%B1:\xd8\xae\xd8\xa8\xd8\xb1");
}

static void
svg_is_self_contained_and_compact(void **state)
{
        (void)state;
        struct gz_buf svg;
        gz_buf_init(&svg, NULL);
        assert_int_equal(gz_qr_svg(URI, &svg, NULL), GZ_OK);
        assert_memory_equal(svg.data, "<svg xmlns=\"http://www.w3.org/2000/svg\" ", 40);
        assert_null(strstr(svg.data, "href"));
        assert_null(strstr(svg.data, "url("));
        assert_null(strstr(svg.data, "<script"));
        assert_null(strstr(svg.data, "<image"));
        assert_null(strstr(svg.data, "style"));
        assert_string_equal(svg.data + svg.len - 9, "\"/></svg>");
        /* Runs of dark modules share one rectangle, so there are far fewer
         * rectangles than dark modules, and an enrolment URI stays small. */
        QRcode *qr = QRcode_encodeString(URI, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
        assert_non_null(qr);
        size_t dark = 0, rects = 0;
        for (int i = 0; i < qr->width * qr->width; i++)
                dark += qr->data[i] & 1;
        for (const char *p = svg.data; (p = strchr(p, 'M')) != NULL; p++)
                rects++;
        QRcode_free(qr);
        assert_true(rects * 2 < dark);
        assert_true(svg.len < 16384);

        struct gz_buf again;
        gz_buf_init(&again, NULL);
        assert_int_equal(gz_qr_svg(URI, &again, NULL), GZ_OK);
        assert_string_equal(svg.data, again.data);
        gz_buf_free(&again);
        gz_buf_free(&svg);
}

static void
svg_appends_to_what_is_in_the_buffer(void **state)
{
        (void)state;
        struct gz_buf out;
        gz_buf_init(&out, NULL);
        gz_buf_puts(&out, "<p>");
        assert_int_equal(gz_qr_svg("abc", &out, NULL), GZ_OK);
        assert_memory_equal(out.data, "<p><svg ", 8);
        gz_buf_free(&out);
}

static void
refuses_empty_and_oversized_text(void **state)
{
        (void)state;
        struct gz_buf out;
        gz_buf_init(&out, NULL);
        struct gz_error err = {0};
        assert_int_equal(gz_qr_svg("", &out, &err), GZ_EINVAL);
        assert_int_equal(gz_qr_svg(NULL, &out, &err), GZ_EINVAL);
        /* Level M holds at most 2331 bytes; the largest code (version 40) still works. */
        char *text = malloc(5000);
        assert_non_null(text);
        memset(text, 'a', 4999);
        text[4999] = '\0';
        assert_int_equal(gz_qr_svg(text, &out, &err), GZ_ETOOBIG);
        text[2332] = '\0';
        gz_error_clear(&err);
        assert_int_equal(gz_qr_svg(text, &out, &err), GZ_ETOOBIG);
        assert_string_equal(err.msg, "The text is too long for a QR code.");
        assert_int_equal(out.len, 0);
        text[2331] = '\0';
        assert_int_equal(gz_qr_svg(text, &out, &err), GZ_OK);
        assert_non_null(strstr(out.data, "viewBox=\"0 0 185 185\""));
        free(text);
        gz_buf_free(&out);
}

int
main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(svg_draws_exactly_the_qr_modules),
            cmocka_unit_test(svg_is_self_contained_and_compact),
            cmocka_unit_test(svg_appends_to_what_is_in_the_buffer),
            cmocka_unit_test(refuses_empty_and_oversized_text),
        };
        int failed = cmocka_run_group_tests(tests, NULL, NULL);
        xmlCleanupParser();
        return failed;
}
