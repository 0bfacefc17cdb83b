/* The invariants every output of gz_sanitize_html must meet, checked the way
 * a browser would see them: the output is parsed again with gumbo and the
 * tree is walked. Shared by test_sanitize.c and tests/fuzz/fuzz_sanitize.c. */
#ifndef GZ_TEST_SANITIZE_CHECK_H
#define GZ_TEST_SANITIZE_CHECK_H

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gumbo.h>

#include "render/render.h"

/* Elements allowed in the output and the attributes each may carry. */
struct check_elem {
        const char *name;
        const char *attrs; /* space-separated, each surrounded by spaces */
        bool globals;      /* lang, dir, title */
};

static const struct check_elem check_elems[] = {
    {"p", "", true},
    {"br", "", true},
    {"hr", "", true},
    {"h2", "", true},
    {"h3", "", true},
    {"h4", "", true},
    {"h5", "", true},
    {"h6", "", true},
    {"strong", "", true},
    {"b", "", true},
    {"em", "", true},
    {"i", "", true},
    {"u", "", true},
    {"s", "", true},
    {"del", "", true},
    {"ins", "", true},
    {"sub", "", true},
    {"sup", "", true},
    {"small", "", true},
    {"mark", "", true},
    {"q", "", true},
    {"cite", "", true},
    {"abbr", "", true},
    {"code", "", true},
    {"pre", "", true},
    {"kbd", "", true},
    {"blockquote", " cite ", true},
    {"ul", "", true},
    {"ol", " start reversed ", true},
    {"li", "", true},
    {"dl", "", true},
    {"dt", "", true},
    {"dd", "", true},
    {"a", " href target rel ", true},
    {"img", " src srcset alt width height loading decoding ", true},
    {"figure", "", true},
    {"figcaption", "", true},
    {"table", "", true},
    {"thead", "", true},
    {"tbody", "", true},
    {"tfoot", "", true},
    {"tr", "", true},
    {"th", " colspan rowspan scope ", true},
    {"td", " colspan rowspan ", true},
    {"caption", "", true},
    {"span", "", true},
    {"div", "", false},
    {"section", "", false},
    {"aside", "", false},
    {"time", " datetime ", true},
    {"picture", "", true},
    {"source", " srcset type media ", true},
};

/* Attributes whose value a browser loads or navigates to. */
static const char *const check_url_attrs[] = {
    "href",       "src",  "cite",     "action", "formaction", "xlink:href", "poster",
    "background", "data", "codebase", "ping",   "lowsrc",     "dynsrc",     NULL,
};

static void
check_fail(char *why, size_t why_size, const char *fmt, ...)
{
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(why, why_size, fmt, ap);
        va_end(ap);
}

static bool
check_ieq(const char *a, size_t n, const char *lower)
{
        if (strlen(lower) != n)
                return false;
        for (size_t i = 0; i < n; i++) {
                char c = a[i];
                if (c >= 'A' && c <= 'Z')
                        c = (char)(c - 'A' + 'a');
                if (c != lower[i])
                        return false;
        }
        return true;
}

/* The scheme as the WHATWG URL parser reads it: leading and trailing C0
 * controls and spaces stripped, tabs and newlines removed anywhere, then an
 * ASCII letter followed by letters, digits, + - . up to a colon. No scheme
 * means a relative URL. */
static bool
check_url_scheme_ok(const char *s, size_t n)
{
        while (n > 0 && (unsigned char)s[0] <= 0x20) {
                s++;
                n--;
        }
        while (n > 0 && (unsigned char)s[n - 1] <= 0x20)
                n--;
        char scheme[16];
        size_t k = 0;
        bool colon = false;
        for (size_t i = 0; i < n && !colon; i++) {
                char c = s[i];
                if (c == '\t' || c == '\n' || c == '\r')
                        continue;
                bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
                bool digit = c >= '0' && c <= '9';
                if (k == 0 && !alpha)
                        return true;
                if (c == ':')
                        colon = true;
                else if (!alpha && !digit && c != '+' && c != '-' && c != '.')
                        return true;
                else if (k++ < sizeof(scheme))
                        scheme[k - 1] = c;
        }
        if (!colon)
                return true;
        if (k > sizeof(scheme))
                return false; /* a long scheme is none of ours */
        return check_ieq(scheme, k, "http") || check_ieq(scheme, k, "https") ||
               check_ieq(scheme, k, "mailto");
}

static bool
check_space(char c)
{
        return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
}

/* Every candidate URL of a srcset, split as the HTML standard says. */
static bool
check_srcset_ok(const char *s, char *bad, size_t bad_size)
{
        size_t n = strlen(s), i = 0;
        while (i < n) {
                while (i < n && (check_space(s[i]) || s[i] == ','))
                        i++;
                if (i >= n)
                        break;
                size_t start = i;
                while (i < n && !check_space(s[i]))
                        i++;
                size_t end = i;
                bool descriptors = true;
                if (s[end - 1] == ',') {
                        while (end > start && s[end - 1] == ',')
                                end--;
                        descriptors = false;
                }
                if (!check_url_scheme_ok(s + start, end - start)) {
                        snprintf(bad, bad_size, "%.*s", (int)(end - start), s + start);
                        return false;
                }
                if (!descriptors)
                        continue;
                int parens = 0;
                while (i < n) {
                        if (s[i] == '(')
                                parens = 1;
                        else if (s[i] == ')')
                                parens = 0;
                        else if (s[i] == ',' && parens == 0) {
                                i++;
                                break;
                        }
                        i++;
                }
        }
        return true;
}

static bool
check_has_word(const char *list, const char *word)
{
        size_t n = strlen(word);
        const char *p = list;
        while ((p = strstr(p, word)) != NULL) {
                bool left = p == list || check_space(p[-1]);
                bool right = p[n] == '\0' || check_space(p[n]);
                if (left && right)
                        return true;
                p += n;
        }
        return false;
}

static const char *
check_elem_name(const GumboElement *el, char *buf, size_t buf_size)
{
        if (el->tag != GUMBO_TAG_UNKNOWN)
                return gumbo_normalized_tagname(el->tag);
        const char *p = el->original_tag.data;
        size_t n = el->original_tag.length, i = 1;
        if (p == NULL || n < 2 || p[0] != '<')
                return "?";
        while (i < n && !check_space(p[i]) && p[i] != '/' && p[i] != '>')
                i++;
        snprintf(buf, buf_size, "%.*s", (int)(i - 1), p + 1);
        for (char *c = buf; *c; c++)
                if (*c >= 'A' && *c <= 'Z')
                        *c = (char)(*c - 'A' + 'a');
        return buf;
}

static bool
check_element(const GumboNode *node, char *why, size_t why_size)
{
        const GumboElement *el = &node->v.element;
        char name_buf[64];
        const char *name = check_elem_name(el, name_buf, sizeof(name_buf));
        if (el->tag_namespace != GUMBO_NAMESPACE_HTML) {
                check_fail(why, why_size, "foreign element <%s>", name);
                return false;
        }
        const struct check_elem *rule = NULL;
        for (size_t i = 0; i < sizeof(check_elems) / sizeof(check_elems[0]); i++)
                if (strcmp(check_elems[i].name, name) == 0)
                        rule = &check_elems[i];
        if (rule == NULL) {
                check_fail(why, why_size, "element <%s> is not allowed", name);
                return false;
        }
        const char *target = NULL, *rel = "";
        for (unsigned i = 0; i < el->attributes.length; i++) {
                const GumboAttribute *a = el->attributes.data[i];
                char key[80];
                snprintf(key, sizeof(key), " %s ", a->name);
                if ((a->name[0] == 'o' || a->name[0] == 'O') &&
                    (a->name[1] == 'n' || a->name[1] == 'N')) {
                        check_fail(why, why_size, "event handler %s on <%s>", a->name, name);
                        return false;
                }
                bool global =
                    rule->globals && (strcmp(a->name, "lang") == 0 || strcmp(a->name, "dir") == 0 ||
                                      strcmp(a->name, "title") == 0);
                if (!global && strstr(rule->attrs, key) == NULL) {
                        check_fail(why, why_size, "attribute %s is not allowed on <%s>", a->name,
                                   name);
                        return false;
                }
                for (const char *const *u = check_url_attrs; *u != NULL; u++) {
                        if (strcmp(a->name, *u) == 0 &&
                            !check_url_scheme_ok(a->value, strlen(a->value))) {
                                check_fail(why, why_size, "unsafe URL %s=\"%s\" on <%s>", a->name,
                                           a->value, name);
                                return false;
                        }
                }
                char bad[256];
                if (strcmp(a->name, "srcset") == 0 &&
                    !check_srcset_ok(a->value, bad, sizeof(bad))) {
                        check_fail(why, why_size, "unsafe srcset URL \"%s\" on <%s>", bad, name);
                        return false;
                }
                if (strcmp(a->name, "dir") == 0 && strcmp(a->value, "ltr") != 0 &&
                    strcmp(a->value, "rtl") != 0 && strcmp(a->value, "auto") != 0) {
                        check_fail(why, why_size, "dir=\"%s\"", a->value);
                        return false;
                }
                if ((strcmp(a->name, "width") == 0 || strcmp(a->name, "height") == 0 ||
                     strcmp(a->name, "colspan") == 0 || strcmp(a->name, "rowspan") == 0 ||
                     strcmp(a->name, "start") == 0) &&
                    (a->value[0] == '\0' || strspn(a->value, "0123456789") != strlen(a->value) ||
                     strlen(a->value) > 7)) {
                        check_fail(why, why_size, "%s=\"%s\" is not a bounded number", a->name,
                                   a->value);
                        return false;
                }
                if (strcmp(a->name, "target") == 0)
                        target = a->value;
                if (strcmp(a->name, "rel") == 0)
                        rel = a->value;
        }
        if (target != NULL && (strcmp(target, "_blank") != 0 || !check_has_word(rel, "noopener") ||
                               !check_has_word(rel, "noreferrer"))) {
                check_fail(why, why_size, "target=\"%s\" with rel=\"%s\"", target, rel);
                return false;
        }
        return true;
}

/* Parses sanitized output again and walks its tree; false with a reason when
 * any invariant fails. */
static bool
check_sanitized_tree(const char *html, size_t len, char *why, size_t why_size)
{
        if (!gz_utf8_valid(html, len)) {
                check_fail(why, why_size, "output is not valid UTF-8");
                return false;
        }
        GumboOptions options = kGumboDefaultOptions;
        options.fragment_context = GUMBO_TAG_BODY;
        options.max_errors = 0;
        GumboOutput *out = gumbo_parse_with_options(&options, html, len);
        bool ok = true;
        const GumboNode *root = out->root, *node = root;
        size_t depth = 0, max_depth = 0;
        /* Iterative pre-order walk over parent links. */
        for (;;) {
                const GumboVector *kids =
                    node->type == GUMBO_NODE_ELEMENT ? &node->v.element.children : NULL;
                if (node != root) {
                        if (node->type == GUMBO_NODE_ELEMENT) {
                                if (!check_element(node, why, why_size)) {
                                        ok = false;
                                        break;
                                }
                        } else if (node->type == GUMBO_NODE_COMMENT ||
                                   node->type == GUMBO_NODE_CDATA ||
                                   node->type == GUMBO_NODE_TEMPLATE) {
                                check_fail(why, why_size, "comment, CDATA or template in output");
                                ok = false;
                                break;
                        }
                }
                if (kids != NULL && kids->length > 0) {
                        node = kids->data[0];
                        if (++depth > max_depth)
                                max_depth = depth;
                        continue;
                }
                while (node != root) {
                        const GumboVector *sib = &node->parent->v.element.children;
                        size_t i = node->index_within_parent + 1;
                        if (i < sib->length) {
                                node = sib->data[i];
                                break;
                        }
                        node = node->parent;
                        depth--;
                }
                if (node == root)
                        break;
        }
        if (ok && max_depth > 257) {
                check_fail(why, why_size, "output nests %zu levels deep", max_depth);
                ok = false;
        }
        gumbo_destroy_output(&options, out);
        return ok;
}

/* Sanitizes input, checks the output's tree, and checks that sanitizing the
 * output again gives the same bytes. Returns false with a reason. */
static bool
check_sanitize(const char *input, size_t len, char *why, size_t why_size)
{
        struct gz_buf first, second;
        struct gz_error err;
        gz_buf_init(&first, NULL);
        gz_buf_init(&second, NULL);
        bool ok = false;
        enum gz_err rc = gz_sanitize_html(input, len, &first, &err);
        if (rc != GZ_OK) {
                check_fail(why, why_size, "sanitize failed: %s", gz_strerror(rc));
                goto out;
        }
        const char *html = first.data != NULL ? first.data : "";
        if (!check_sanitized_tree(html, first.len, why, why_size))
                goto out;
        rc = gz_sanitize_html(html, first.len, &second, &err);
        if (rc != GZ_OK) {
                check_fail(why, why_size, "second sanitize failed: %s", gz_strerror(rc));
                goto out;
        }
        if (first.len != second.len ||
            (first.len > 0 && memcmp(html, second.data, first.len) != 0)) {
                check_fail(why, why_size, "not stable:\n  once:  %.400s\n  twice: %.400s", html,
                           second.data != NULL ? second.data : "");
                goto out;
        }
        ok = true;
out:
        gz_buf_free(&first);
        gz_buf_free(&second);
        return ok;
}

#endif
