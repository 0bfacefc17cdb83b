/* The HTML sanitizer: untrusted HTML is parsed with gumbo and written back as
 * an allowlist of elements and attributes, in a form that parses again to the
 * very tree we wrote, so sanitizing the output changes nothing.
 *
 * Rules:
 * - Allowed elements keep only their allowed attributes; h1 becomes h2;
 *   div, section and aside keep no attributes at all.
 * - script, style, iframe, object, form controls, svg, math and the like are
 *   dropped with their content; comments too. Any other element is unwrapped:
 *   its children stay, its tags go.
 * - URLs (href, src, cite, every srcset candidate) are judged as a browser
 *   reads them: entities are already decoded by gumbo, leading and trailing
 *   C0 controls and spaces are stripped and tabs and newlines removed, then
 *   only http:, https:, mailto: and relative URLs are kept. An unsafe href or
 *   cite loses the attribute; an unsafe img or source is dropped.
 * - An element is written only where the HTML parser would put it back (no p
 *   inside p, no li directly inside li, no td outside tr, ...); where it would
 *   not, it is unwrapped. Nesting deeper than SANITIZE_MAX_DEPTH is flattened.
 * - Text and values are escaped, and what the parser would change on reading
 *   (the newline after <pre>, a carriage return, control characters) is
 *   written so that it reads back the same.
 */
#include <setjmp.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <gumbo.h>

#include "render.h"

/* gumbo 0.10 scans its stack of open elements for many start tags, so its
 * time grows with tags times nesting depth: hostile, deeply nested input near
 * this size takes minutes to parse. */
#define SANITIZE_MAX_INPUT (4u * 1024 * 1024)
#define SANITIZE_MAX_DEPTH 256
/* A table needs table, tbody, tr and td open to hold any content. */
#define SANITIZE_TABLE_LEVELS 4

/* ---- memory: every gumbo allocation on one list ---------------------- */

/* gumbo frees its tree recursively, so a deep tree would overflow the C
 * stack in gumbo_destroy_output; it also cannot handle a failed allocation.
 * So the parser's memory is kept on a list we free in a loop, and running out
 * of memory jumps back to gz_sanitize_html. */
struct link {
        struct link *prev, *next;
};

struct tracked {
        struct link link;
        _Alignas(max_align_t) unsigned char data[];
};

struct parse_mem {
        struct link list; /* sentinel of a circular list */
        jmp_buf oom;
};

static void *
mem_alloc(void *userdata, size_t n)
{
        struct parse_mem *mem = userdata;
        if (n > SIZE_MAX - sizeof(struct tracked))
                longjmp(mem->oom, 1);
        struct tracked *t = malloc(sizeof(*t) + n);
        if (t == NULL)
                longjmp(mem->oom, 1);
        t->link.prev = &mem->list;
        t->link.next = mem->list.next;
        mem->list.next->prev = &t->link;
        mem->list.next = &t->link;
        return t->data;
}

static void
mem_free(void *userdata, void *p)
{
        (void)userdata;
        if (p == NULL)
                return;
        struct tracked *t = (struct tracked *)((unsigned char *)p - offsetof(struct tracked, data));
        t->link.prev->next = t->link.next;
        t->link.next->prev = t->link.prev;
        free(t);
}

static void
mem_release_all(struct parse_mem *mem)
{
        /* link is the first member, so a link is its tracked block. */
        struct link *l = mem->list.next;
        while (l != &mem->list) {
                struct link *next = l->next;
                free(l);
                l = next;
        }
        mem->list.next = mem->list.prev = &mem->list;
}

/* Kept apart from gz_sanitize_html so that nothing local to the function
 * that calls setjmp changes before a longjmp. */
static GumboOutput *
parse_body_fragment(struct parse_mem *mem, const char *html, size_t len)
{
        GumboOptions options = kGumboDefaultOptions;
        options.allocator = mem_alloc;
        options.deallocator = mem_free;
        options.userdata = mem;
        options.max_errors = 0; /* nobody reads them */
        options.fragment_context = GUMBO_TAG_BODY;
        options.fragment_namespace = GUMBO_NAMESPACE_HTML;
        if (setjmp(mem->oom) != 0)
                return NULL;
        return gumbo_parse_with_options(&options, html, len);
}

/* ---- elements -------------------------------------------------------- */

enum tag {
        TAG_A,
        TAG_ABBR,
        TAG_ASIDE,
        TAG_B,
        TAG_BLOCKQUOTE,
        TAG_BR,
        TAG_CAPTION,
        TAG_CITE,
        TAG_CODE,
        TAG_DD,
        TAG_DEL,
        TAG_DIV,
        TAG_DL,
        TAG_DT,
        TAG_EM,
        TAG_FIGCAPTION,
        TAG_FIGURE,
        TAG_H2,
        TAG_H3,
        TAG_H4,
        TAG_H5,
        TAG_H6,
        TAG_HR,
        TAG_I,
        TAG_IMG,
        TAG_INS,
        TAG_KBD,
        TAG_LI,
        TAG_MARK,
        TAG_OL,
        TAG_P,
        TAG_PICTURE,
        TAG_PRE,
        TAG_Q,
        TAG_S,
        TAG_SECTION,
        TAG_SMALL,
        TAG_SOURCE,
        TAG_SPAN,
        TAG_STRONG,
        TAG_SUB,
        TAG_SUP,
        TAG_TABLE,
        TAG_TBODY,
        TAG_TD,
        TAG_TFOOT,
        TAG_TH,
        TAG_THEAD,
        TAG_TIME,
        TAG_TR,
        TAG_U,
        TAG_UL,
        TAG__MAX
};

#define BIT(t) (UINT64_C(1) << (t))

enum {
        F_VOID = 1 << 0,
        /* Its start tag closes an open p (HTML "in body" rules). */
        F_CLOSES_P = 1 << 1,
        /* The HTML "special" category, which stops the search for an open
         * li, dd or dt. */
        F_SPECIAL = 1 << 2,
        /* Bounds "button scope", so a p outside it is not closed. */
        F_SCOPE = 1 << 3,
        /* Pushes a marker on the active formatting list, so an a inside
         * it does not close an a outside. */
        F_MARKER = 1 << 4,
        F_HEADING = 1 << 5,
        /* Table, row group or row: the parser moves any content but its
         * own children and whitespace out of it. */
        F_TABLE_CTX = 1 << 6,
        F_NO_ATTRS = 1 << 7,
};

enum attr_kind {
        ATTR_TEXT,
        ATTR_URL,
        ATTR_SRCSET,
        ATTR_NUMBER,
        ATTR_KEYWORD,
        ATTR_FLAG,
        ATTR_LANG,
};

struct attr_rule {
        const char *name;
        enum attr_kind kind;
        long long min, max;          /* ATTR_NUMBER */
        const char *const *keywords; /* ATTR_KEYWORD, NULL-terminated, lowercase */
};

static const char *const dir_words[] = {"ltr", "rtl", "auto", NULL};
static const char *const loading_words[] = {"lazy", "eager", NULL};
static const char *const decoding_words[] = {"async", "sync", "auto", NULL};
static const char *const scope_words[] = {"row", "col", "rowgroup", "colgroup", NULL};

static const struct attr_rule global_attrs[] = {
    {"lang", ATTR_LANG, 0, 0, NULL},
    {"dir", ATTR_KEYWORD, 0, 0, dir_words},
    {"title", ATTR_TEXT, 0, 0, NULL},
    {NULL, ATTR_TEXT, 0, 0, NULL},
};
static const struct attr_rule blockquote_attrs[] = {
    {"cite", ATTR_URL, 0, 0, NULL},
    {NULL, ATTR_TEXT, 0, 0, NULL},
};
static const struct attr_rule ol_attrs[] = {
    {"start", ATTR_NUMBER, 0, 1000000, NULL},
    {"reversed", ATTR_FLAG, 0, 0, NULL},
    {NULL, ATTR_TEXT, 0, 0, NULL},
};
static const struct attr_rule img_attrs[] = {
    /* src and srcset are written by write_img_urls. */
    {"alt", ATTR_TEXT, 0, 0, NULL},
    {"width", ATTR_NUMBER, 0, 10000, NULL},
    {"height", ATTR_NUMBER, 0, 10000, NULL},
    {"loading", ATTR_KEYWORD, 0, 0, loading_words},
    {"decoding", ATTR_KEYWORD, 0, 0, decoding_words},
    {NULL, ATTR_TEXT, 0, 0, NULL},
};
static const struct attr_rule cell_attrs[] = {
    /* Browsers clamp colspan to 1000 and rowspan to 65534. */
    {"colspan", ATTR_NUMBER, 1, 1000, NULL},
    {"rowspan", ATTR_NUMBER, 0, 65534, NULL},
    {NULL, ATTR_TEXT, 0, 0, NULL},
};
static const struct attr_rule th_attrs[] = {
    {"colspan", ATTR_NUMBER, 1, 1000, NULL},
    {"rowspan", ATTR_NUMBER, 0, 65534, NULL},
    {"scope", ATTR_KEYWORD, 0, 0, scope_words},
    {NULL, ATTR_TEXT, 0, 0, NULL},
};
static const struct attr_rule time_attrs[] = {
    {"datetime", ATTR_TEXT, 0, 0, NULL},
    {NULL, ATTR_TEXT, 0, 0, NULL},
};
static const struct attr_rule source_attrs[] = {
    /* srcset is written by write_source_urls. */
    {"type", ATTR_TEXT, 0, 0, NULL},
    {"media", ATTR_TEXT, 0, 0, NULL},
    {NULL, ATTR_TEXT, 0, 0, NULL},
};

struct elem_rule {
        const char *name;
        unsigned flags;
        /* Non-zero: the element is written only directly inside one of these. */
        uint64_t parents;
        const struct attr_rule *attrs; /* besides the global ones */
};

#define CLOSES_P_SPECIAL (F_CLOSES_P | F_SPECIAL)
#define ROW_GROUPS (BIT(TAG_THEAD) | BIT(TAG_TBODY) | BIT(TAG_TFOOT))

static const struct elem_rule elems[TAG__MAX] = {
    [TAG_A] = {"a", 0, 0, NULL}, /* attributes by write_a_attrs */
    [TAG_ABBR] = {"abbr", 0, 0, NULL},
    [TAG_ASIDE] = {"aside", CLOSES_P_SPECIAL | F_NO_ATTRS, 0, NULL},
    [TAG_B] = {"b", 0, 0, NULL},
    [TAG_BLOCKQUOTE] = {"blockquote", CLOSES_P_SPECIAL, 0, blockquote_attrs},
    [TAG_BR] = {"br", F_VOID | F_SPECIAL, 0, NULL},
    [TAG_CAPTION] = {"caption", F_SPECIAL | F_SCOPE | F_MARKER, BIT(TAG_TABLE), NULL},
    [TAG_CITE] = {"cite", 0, 0, NULL},
    [TAG_CODE] = {"code", 0, 0, NULL},
    [TAG_DD] = {"dd", CLOSES_P_SPECIAL, 0, NULL},
    [TAG_DEL] = {"del", 0, 0, NULL},
    [TAG_DIV] = {"div", CLOSES_P_SPECIAL | F_NO_ATTRS, 0, NULL},
    [TAG_DL] = {"dl", CLOSES_P_SPECIAL, 0, NULL},
    [TAG_DT] = {"dt", CLOSES_P_SPECIAL, 0, NULL},
    [TAG_EM] = {"em", 0, 0, NULL},
    [TAG_FIGCAPTION] = {"figcaption", CLOSES_P_SPECIAL, 0, NULL},
    [TAG_FIGURE] = {"figure", CLOSES_P_SPECIAL, 0, NULL},
    [TAG_H2] = {"h2", CLOSES_P_SPECIAL | F_HEADING, 0, NULL},
    [TAG_H3] = {"h3", CLOSES_P_SPECIAL | F_HEADING, 0, NULL},
    [TAG_H4] = {"h4", CLOSES_P_SPECIAL | F_HEADING, 0, NULL},
    [TAG_H5] = {"h5", CLOSES_P_SPECIAL | F_HEADING, 0, NULL},
    [TAG_H6] = {"h6", CLOSES_P_SPECIAL | F_HEADING, 0, NULL},
    [TAG_HR] = {"hr", F_VOID | CLOSES_P_SPECIAL, 0, NULL},
    [TAG_I] = {"i", 0, 0, NULL},
    [TAG_IMG] = {"img", F_VOID | F_SPECIAL, 0, img_attrs},
    [TAG_INS] = {"ins", 0, 0, NULL},
    [TAG_KBD] = {"kbd", 0, 0, NULL},
    [TAG_LI] = {"li", CLOSES_P_SPECIAL, 0, NULL},
    [TAG_MARK] = {"mark", 0, 0, NULL},
    [TAG_OL] = {"ol", CLOSES_P_SPECIAL, 0, ol_attrs},
    [TAG_P] = {"p", CLOSES_P_SPECIAL, 0, NULL},
    [TAG_PICTURE] = {"picture", 0, 0, NULL},
    [TAG_PRE] = {"pre", CLOSES_P_SPECIAL, 0, NULL},
    [TAG_Q] = {"q", 0, 0, NULL},
    [TAG_S] = {"s", 0, 0, NULL},
    [TAG_SECTION] = {"section", CLOSES_P_SPECIAL | F_NO_ATTRS, 0, NULL},
    [TAG_SMALL] = {"small", 0, 0, NULL},
    [TAG_SOURCE] = {"source", F_VOID | F_SPECIAL, BIT(TAG_PICTURE), source_attrs},
    [TAG_SPAN] = {"span", 0, 0, NULL},
    [TAG_STRONG] = {"strong", 0, 0, NULL},
    [TAG_SUB] = {"sub", 0, 0, NULL},
    [TAG_SUP] = {"sup", 0, 0, NULL},
    /* No quirks mode in a fragment, so a table start tag closes a p. */
    [TAG_TABLE] = {"table", CLOSES_P_SPECIAL | F_SCOPE | F_TABLE_CTX, 0, NULL},
    [TAG_TBODY] = {"tbody", F_SPECIAL | F_TABLE_CTX, BIT(TAG_TABLE), NULL},
    [TAG_TD] = {"td", F_SPECIAL | F_SCOPE | F_MARKER, BIT(TAG_TR), cell_attrs},
    [TAG_TFOOT] = {"tfoot", F_SPECIAL | F_TABLE_CTX, BIT(TAG_TABLE), NULL},
    [TAG_TH] = {"th", F_SPECIAL | F_SCOPE | F_MARKER, BIT(TAG_TR), th_attrs},
    [TAG_THEAD] = {"thead", F_SPECIAL | F_TABLE_CTX, BIT(TAG_TABLE), NULL},
    [TAG_TIME] = {"time", 0, 0, time_attrs},
    [TAG_TR] = {"tr", F_SPECIAL | F_TABLE_CTX, ROW_GROUPS, NULL},
    [TAG_U] = {"u", 0, 0, NULL},
    [TAG_UL] = {"ul", CLOSES_P_SPECIAL, 0, NULL},
};

/* What happens to an element of the parsed tree. */
enum verdict {
        V_DROP = -2,   /* with its content */
        V_UNWRAP = -1, /* tags go, content stays */
        /* >= 0: an enum tag, written if the context allows */
};

static bool
ascii_ieq(const char *a, size_t n, const char *lower)
{
        size_t k = strlen(lower);
        if (n != k)
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

/* gumbo 0.10 has no tag number for picture: read the name as written. */
static bool
is_picture(const GumboElement *el)
{
        const char *p = el->original_tag.data;
        size_t n = el->original_tag.length;
        if (p == NULL || n < 2 || p[0] != '<')
                return false;
        size_t i = 1;
        while (i < n && p[i] != ' ' && p[i] != '\t' && p[i] != '\n' && p[i] != '\f' &&
               p[i] != '\r' && p[i] != '/' && p[i] != '>')
                i++;
        return ascii_ieq(p + 1, i - 1, "picture");
}

static int
classify(const GumboNode *node)
{
        if (node->type != GUMBO_NODE_ELEMENT)
                return V_DROP; /* template contents, and anything unforeseen */
        const GumboElement *el = &node->v.element;
        /* Whatever sits in SVG or MathML goes, so no namespace confusion
         * can carry markup through. */
        if (el->tag_namespace != GUMBO_NAMESPACE_HTML)
                return V_DROP;
        switch (el->tag) {
        case GUMBO_TAG_A:
                return TAG_A;
        case GUMBO_TAG_ABBR:
                return TAG_ABBR;
        case GUMBO_TAG_ASIDE:
                return TAG_ASIDE;
        case GUMBO_TAG_B:
                return TAG_B;
        case GUMBO_TAG_BLOCKQUOTE:
                return TAG_BLOCKQUOTE;
        case GUMBO_TAG_BR:
                return TAG_BR;
        case GUMBO_TAG_CAPTION:
                return TAG_CAPTION;
        case GUMBO_TAG_CITE:
                return TAG_CITE;
        case GUMBO_TAG_CODE:
                return TAG_CODE;
        case GUMBO_TAG_DD:
                return TAG_DD;
        case GUMBO_TAG_DEL:
                return TAG_DEL;
        case GUMBO_TAG_DIV:
                return TAG_DIV;
        case GUMBO_TAG_DL:
                return TAG_DL;
        case GUMBO_TAG_DT:
                return TAG_DT;
        case GUMBO_TAG_EM:
                return TAG_EM;
        case GUMBO_TAG_FIGCAPTION:
                return TAG_FIGCAPTION;
        case GUMBO_TAG_FIGURE:
                return TAG_FIGURE;
        case GUMBO_TAG_H1: /* the article title is the page's h1 */
        case GUMBO_TAG_H2:
                return TAG_H2;
        case GUMBO_TAG_H3:
                return TAG_H3;
        case GUMBO_TAG_H4:
                return TAG_H4;
        case GUMBO_TAG_H5:
                return TAG_H5;
        case GUMBO_TAG_H6:
                return TAG_H6;
        case GUMBO_TAG_HR:
                return TAG_HR;
        case GUMBO_TAG_I:
                return TAG_I;
        case GUMBO_TAG_IMG:
                return TAG_IMG;
        case GUMBO_TAG_INS:
                return TAG_INS;
        case GUMBO_TAG_KBD:
                return TAG_KBD;
        case GUMBO_TAG_LI:
                return TAG_LI;
        case GUMBO_TAG_MARK:
                return TAG_MARK;
        case GUMBO_TAG_OL:
                return TAG_OL;
        case GUMBO_TAG_P:
                return TAG_P;
        case GUMBO_TAG_PRE:
                return TAG_PRE;
        case GUMBO_TAG_Q:
                return TAG_Q;
        case GUMBO_TAG_S:
                return TAG_S;
        case GUMBO_TAG_SECTION:
                return TAG_SECTION;
        case GUMBO_TAG_SMALL:
                return TAG_SMALL;
        case GUMBO_TAG_SOURCE:
                return TAG_SOURCE;
        case GUMBO_TAG_SPAN:
                return TAG_SPAN;
        case GUMBO_TAG_STRONG:
                return TAG_STRONG;
        case GUMBO_TAG_SUB:
                return TAG_SUB;
        case GUMBO_TAG_SUP:
                return TAG_SUP;
        case GUMBO_TAG_TABLE:
                return TAG_TABLE;
        case GUMBO_TAG_TBODY:
                return TAG_TBODY;
        case GUMBO_TAG_TD:
                return TAG_TD;
        case GUMBO_TAG_TFOOT:
                return TAG_TFOOT;
        case GUMBO_TAG_TH:
                return TAG_TH;
        case GUMBO_TAG_THEAD:
                return TAG_THEAD;
        case GUMBO_TAG_TIME:
                return TAG_TIME;
        case GUMBO_TAG_TR:
                return TAG_TR;
        case GUMBO_TAG_U:
                return TAG_U;
        case GUMBO_TAG_UL:
                return TAG_UL;

        case GUMBO_TAG_SCRIPT:
        case GUMBO_TAG_STYLE:
        case GUMBO_TAG_IFRAME:
        case GUMBO_TAG_OBJECT:
        case GUMBO_TAG_EMBED:
        case GUMBO_TAG_APPLET:
        case GUMBO_TAG_PARAM:
        case GUMBO_TAG_FORM:
        case GUMBO_TAG_INPUT:
        case GUMBO_TAG_BUTTON:
        case GUMBO_TAG_SELECT:
        case GUMBO_TAG_TEXTAREA:
        case GUMBO_TAG_KEYGEN:
        case GUMBO_TAG_ISINDEX:
        case GUMBO_TAG_SVG:
        case GUMBO_TAG_MATH:
        case GUMBO_TAG_TEMPLATE:
        case GUMBO_TAG_NOSCRIPT:
        case GUMBO_TAG_FRAME:
        case GUMBO_TAG_FRAMESET:
        case GUMBO_TAG_BASE:
        case GUMBO_TAG_LINK:
        case GUMBO_TAG_META:
        case GUMBO_TAG_TITLE:
        case GUMBO_TAG_HEAD:
        case GUMBO_TAG_NOEMBED:
        case GUMBO_TAG_NOFRAMES:
        case GUMBO_TAG_XMP:
        case GUMBO_TAG_PLAINTEXT:
                return V_DROP;

        case GUMBO_TAG_UNKNOWN:
                return is_picture(el) ? TAG_PICTURE : V_UNWRAP;
        default:
                return V_UNWRAP;
        }
}

/* ---- the writer ------------------------------------------------------ */

struct open_elem {
        const GumboNode *node;
        enum tag tag;
};

struct writer {
        struct gz_buf *out;
        struct open_elem open[SANITIZE_MAX_DEPTH];
        size_t depth;
        /* Just wrote <pre>: the parser eats one newline right after it. */
        bool pre_start;
        struct gz_buf url;    /* a URL as the browser reads it */
        struct gz_buf srcset; /* a srcset being rebuilt */
};

static int
top_tag(const struct writer *w)
{
        return w->depth > 0 ? (int)w->open[w->depth - 1].tag : -1;
}

static unsigned
top_flags(const struct writer *w)
{
        return w->depth > 0 ? elems[w->open[w->depth - 1].tag].flags : 0;
}

/* Would a start tag that closes a p find one open (in button scope)? */
static bool
p_is_open(const struct writer *w)
{
        for (size_t i = w->depth; i-- > 0;) {
                enum tag t = w->open[i].tag;
                if (t == TAG_P)
                        return true;
                if (elems[t].flags & F_SCOPE)
                        return false;
        }
        return false;
}

/* The li / dd-dt search of the HTML parser: an li start tag closes an open li
 * unless a special element other than div or p lies between them. */
static bool
list_item_is_open(const struct writer *w, uint64_t items)
{
        for (size_t i = w->depth; i-- > 0;) {
                enum tag t = w->open[i].tag;
                if (items & BIT(t))
                        return true;
                if ((elems[t].flags & F_SPECIAL) && t != TAG_DIV && t != TAG_P)
                        return false;
        }
        return false;
}

/* An a start tag closes an open a unless a td, th or caption lies between. */
static bool
a_is_open(const struct writer *w)
{
        for (size_t i = w->depth; i-- > 0;) {
                enum tag t = w->open[i].tag;
                if (t == TAG_A)
                        return true;
                if (elems[t].flags & F_MARKER)
                        return false;
        }
        return false;
}

/* Whether the parser, reading our output, would put an element with this
 * tag exactly here. */
static bool
fits_here(const struct writer *w, enum tag tag)
{
        const struct elem_rule *rule = &elems[tag];
        int top = top_tag(w);
        if (rule->parents != 0 && (top < 0 || !(rule->parents & BIT(top))))
                return false;
        if ((top_flags(w) & F_TABLE_CTX) && rule->parents == 0)
                return false;
        if ((rule->flags & F_CLOSES_P) && p_is_open(w))
                return false;
        if ((rule->flags & F_HEADING) && (top_flags(w) & F_HEADING))
                return false;
        if (tag == TAG_LI && list_item_is_open(w, BIT(TAG_LI)))
                return false;
        if ((tag == TAG_DD || tag == TAG_DT) && list_item_is_open(w, BIT(TAG_DD) | BIT(TAG_DT)))
                return false;
        if (tag == TAG_A && a_is_open(w))
                return false;
        if (!(rule->flags & F_VOID)) {
                size_t need = tag == TAG_TABLE ? SANITIZE_TABLE_LEVELS : 1;
                if (w->depth + need > SANITIZE_MAX_DEPTH)
                        return false;
        }
        return true;
}

static void
put_lit(struct writer *w, const char *s)
{
        gz_buf_puts(w->out, s);
}

/* Code points gumbo replaces with U+FFFD when it reads them raw (controls,
 * C1, noncharacters), though a character reference can still produce them:
 * written raw they would not parse back the same. */
static bool
parser_replaces(uint32_t cp)
{
        return (cp >= 0x01 && cp <= 0x08) || cp == 0x0B || (cp >= 0x0E && cp <= 0x1F) ||
               (cp >= 0x7F && cp <= 0x9F) || (cp >= 0xFDD0 && cp <= 0xFDEF) ||
               (cp & 0xFFFE) == 0xFFFE;
}

/* Text and attribute values: & < > (and in attributes " ') become entities;
 * a carriage return stays one as &#13; (raw, the parser would make it a line
 * feed); what the parser would replace is replaced now. */
static void
put_escaped(struct gz_buf *out, const char *s, size_t n, bool attr)
{
        static const char replacement[] = "\xEF\xBF\xBD";
        gz_buf_reserve(out, n);
        size_t run = 0, i = 0;
        while (i < n) {
                unsigned char c = (unsigned char)s[i];
                const char *rep = NULL;
                size_t len = 1;
                if (c < 0x80) {
                        if (c == '&')
                                rep = "&amp;";
                        else if (c == '<')
                                rep = "&lt;";
                        else if (c == '>')
                                rep = "&gt;";
                        else if (c == '"' && attr)
                                rep = "&quot;";
                        else if (c == '\'' && attr)
                                rep = "&#39;";
                        else if (c == '\r')
                                rep = "&#13;";
                        else if (c == '\0' || parser_replaces(c))
                                rep = replacement;
                } else {
                        uint32_t cp;
                        len = gz_utf8_decode(s + i, n - i, &cp);
                        if (len == 0) {
                                len = 1;
                                rep = replacement;
                        } else if (parser_replaces(cp)) {
                                rep = replacement;
                        }
                }
                if (rep != NULL) {
                        gz_buf_put(out, s + run, i - run);
                        gz_buf_puts(out, rep);
                        run = i + len;
                }
                i += len;
        }
        gz_buf_put(out, s + run, n - run);
}

static bool
is_ascii_space(char c)
{
        return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
}

static void
write_text(struct writer *w, const char *s, size_t n)
{
        if (n == 0)
                return;
        if (top_flags(w) & F_TABLE_CTX) {
                /* Only whitespace stays in a table; other text would be
                 * moved before it when the output is parsed again. */
                for (size_t i = 0; i < n; i++)
                        if (!is_ascii_space(s[i]))
                                return;
        }
        if (w->pre_start && s[0] == '\n')
                gz_buf_putc(w->out, '\n');
        w->pre_start = false;
        put_escaped(w->out, s, n, false);
}

static const GumboAttribute *
find_attr(const GumboElement *el, const char *name)
{
        for (unsigned i = 0; i < el->attributes.length; i++) {
                const GumboAttribute *a = el->attributes.data[i];
                if (strcmp(a->name, name) == 0)
                        return a;
        }
        return NULL;
}

static void
put_attr_text(struct writer *w, const char *name, const char *value, size_t n)
{
        gz_buf_putc(w->out, ' ');
        gz_buf_puts(w->out, name);
        gz_buf_puts(w->out, "=\"");
        put_escaped(w->out, value, n, true);
        gz_buf_putc(w->out, '"');
}

/* A URL as the browser's URL parser sees it before reading the scheme:
 * without leading and trailing C0 controls and spaces, and without any tab
 * or newline. Non-ASCII characters that the HTML parser would replace are
 * percent-encoded, as a browser would send them. Writing the URL in this
 * form also keeps the output stable. */
static void
url_normalize(struct gz_buf *dst, const char *s, size_t n)
{
        static const char hex[] = "0123456789ABCDEF";
        gz_buf_truncate(dst, 0);
        gz_buf_reserve(dst, n);
        while (n > 0 && (unsigned char)s[0] <= 0x20) {
                s++;
                n--;
        }
        while (n > 0 && (unsigned char)s[n - 1] <= 0x20)
                n--;
        size_t i = 0;
        while (i < n) {
                unsigned char c = (unsigned char)s[i];
                if (c < 0x80) {
                        if (c != '\t' && c != '\n' && c != '\r')
                                gz_buf_putc(dst, (char)c);
                        i++;
                        continue;
                }
                uint32_t cp;
                size_t len = gz_utf8_decode(s + i, n - i, &cp);
                if (len != 0 && !parser_replaces(cp)) {
                        gz_buf_put(dst, s + i, len);
                        i += len;
                        continue;
                }
                if (len == 0)
                        len = 1;
                for (size_t k = 0; k < len; k++) {
                        unsigned char b = (unsigned char)s[i + k];
                        char enc[3] = {'%', hex[b >> 4], hex[b & 15]};
                        gz_buf_put(dst, enc, 3);
                }
                i += len;
        }
}

/* Writes name="url" when the URL is safe; false otherwise. */
static bool
put_attr_url(struct writer *w, const char *name, const char *value)
{
        url_normalize(&w->url, value, strlen(value));
        if (!gz_url_is_safe(w->url.data, w->url.len))
                return false;
        gz_buf_putc(w->out, ' ');
        gz_buf_puts(w->out, name);
        gz_buf_puts(w->out, "=\"");
        gz_html_escape_url(w->out, w->url.data, w->url.len);
        gz_buf_putc(w->out, '"');
        return true;
}

/* A srcset descriptor we keep: 640w, 480h, 2x, 1.5x. */
static bool
descriptor_ok(const char *s, size_t n)
{
        if (n < 2 || n > 12)
                return false;
        char unit = s[n - 1];
        size_t digits = 0, dots = 0;
        for (size_t i = 0; i + 1 < n; i++) {
                if (s[i] >= '0' && s[i] <= '9')
                        digits++;
                else if (s[i] == '.' && unit == 'x' && dots == 0 && digits > 0 && i + 2 < n)
                        dots++;
                else
                        return false;
        }
        return digits > 0 && (unit == 'w' || unit == 'h' || unit == 'x');
}

/* Rebuilds a srcset into w->srcset following the HTML "parse a srcset
 * attribute" steps: a URL runs to whitespace (trailing commas are not part
 * of it), then descriptors run to a comma outside parentheses. Candidates
 * with descriptors we do not know are left out. Returns false when any
 * candidate's URL is unsafe. */
static bool
srcset_rebuild(struct writer *w, const char *s, size_t n)
{
        struct gz_buf *dst = &w->srcset;
        gz_buf_truncate(dst, 0);
        gz_buf_reserve(dst, n);
        size_t i = 0;
        while (i < n) {
                while (i < n && (is_ascii_space(s[i]) || s[i] == ','))
                        i++;
                if (i >= n)
                        break;
                size_t url_start = i;
                while (i < n && !is_ascii_space(s[i]))
                        i++;
                size_t url_end = i;
                bool has_descriptors = true;
                if (s[url_end - 1] == ',') {
                        while (url_end > url_start && s[url_end - 1] == ',')
                                url_end--;
                        has_descriptors = false;
                }
                /* Descriptors, as (start, length) pairs; more than two makes
                 * the candidate invalid anyway. */
                size_t desc[3][2];
                size_t ndesc = 0;
                bool bad = false;
                if (has_descriptors) {
                        for (;;) {
                                while (i < n && is_ascii_space(s[i]))
                                        i++;
                                if (i >= n)
                                        break;
                                if (s[i] == ',') {
                                        i++;
                                        break;
                                }
                                size_t d = i;
                                int parens = 0;
                                while (i < n) {
                                        char c = s[i];
                                        if (parens == 0 && (is_ascii_space(c) || c == ','))
                                                break;
                                        if (c == '(')
                                                parens = 1;
                                        else if (c == ')')
                                                parens = 0;
                                        i++;
                                }
                                if (ndesc < 3) {
                                        desc[ndesc][0] = d;
                                        desc[ndesc][1] = i - d;
                                }
                                ndesc++;
                        }
                }
                if (ndesc > 2)
                        bad = true;
                for (size_t k = 0; k < ndesc && !bad; k++)
                        if (!descriptor_ok(s + desc[k][0], desc[k][1]))
                                bad = true;
                url_normalize(&w->url, s + url_start, url_end - url_start);
                if (w->url.len == 0)
                        continue;
                if (!gz_url_is_safe(w->url.data, w->url.len))
                        return false;
                /* A comma at either end would split differently when the
                 * output is read again. */
                if (bad || w->url.data[0] == ',' || w->url.data[w->url.len - 1] == ',')
                        continue;
                if (dst->len > 0)
                        gz_buf_puts(dst, ", ");
                gz_html_escape_url(dst, w->url.data, w->url.len);
                for (size_t k = 0; k < ndesc; k++) {
                        gz_buf_putc(dst, ' ');
                        gz_buf_put(dst, s + desc[k][0], desc[k][1]);
                }
        }
        return true;
}

static bool
lang_ok(const char *s, size_t n)
{
        if (n > 35)
                return false;
        for (size_t i = 0; i < n; i++) {
                char c = s[i];
                if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                      c == '-'))
                        return false;
        }
        return true;
}

static void
write_attrs(struct writer *w, const GumboElement *el, const struct attr_rule *rules)
{
        for (const struct attr_rule *r = rules; r->name != NULL; r++) {
                const GumboAttribute *a = find_attr(el, r->name);
                if (a == NULL)
                        continue;
                const char *v = a->value;
                size_t n = strlen(v);
                switch (r->kind) {
                case ATTR_TEXT:
                        put_attr_text(w, r->name, v, n);
                        break;
                case ATTR_URL:
                        (void)put_attr_url(w, r->name, v);
                        break;
                case ATTR_SRCSET:
                        break; /* written with the element's other URLs */
                case ATTR_NUMBER: {
                        long long num;
                        if (n == 0 || n > 9 || strspn(v, "0123456789") != n ||
                            !gz_parse_int_n(v, n, r->min, r->max, &num))
                                break;
                        gz_buf_printf(w->out, " %s=\"%lld\"", r->name, num);
                        break;
                }
                case ATTR_KEYWORD:
                        for (const char *const *k = r->keywords; *k != NULL; k++) {
                                if (ascii_ieq(v, n, *k)) {
                                        put_attr_text(w, r->name, *k, strlen(*k));
                                        break;
                                }
                        }
                        break;
                case ATTR_FLAG:
                        put_attr_text(w, r->name, "", 0);
                        break;
                case ATTR_LANG:
                        if (lang_ok(v, n))
                                put_attr_text(w, r->name, v, n);
                        break;
                }
        }
}

/* rel keywords that mean something on a link; others are dropped. */
static const char *const rel_words[] = {
    "alternate", "author",    "bookmark", "external", "help",       "license",
    "me",        "next",      "nofollow", "noopener", "noreferrer", "prev",
    "search",    "sponsored", "tag",      "ugc",      NULL,
};

static void
write_a_attrs(struct writer *w, const GumboElement *el)
{
        const GumboAttribute *href = find_attr(el, "href");
        if (href != NULL)
                (void)put_attr_url(w, "href", href->value);
        const GumboAttribute *target = find_attr(el, "target");
        bool blank = target != NULL && ascii_ieq(target->value, strlen(target->value), "_blank");
        if (blank)
                put_lit(w, " target=\"_blank\"");

        /* rel: known keywords, lowercase, each once, in the order given;
         * a new window must not reach back to this page. */
        bool seen[GZ_ARRAY_LEN(rel_words)] = {false};
        size_t before = w->out->len;
        put_lit(w, " rel=\"");
        size_t value_start = w->out->len;
        const GumboAttribute *rel = find_attr(el, "rel");
        const char *s = rel != NULL ? rel->value : "";
        for (;;) {
                while (is_ascii_space(*s))
                        s++;
                if (*s == '\0')
                        break;
                const char *word = s;
                while (*s != '\0' && !is_ascii_space(*s))
                        s++;
                for (size_t k = 0; rel_words[k] != NULL; k++) {
                        if (!seen[k] && ascii_ieq(word, (size_t)(s - word), rel_words[k])) {
                                seen[k] = true;
                                if (w->out->len > value_start)
                                        gz_buf_putc(w->out, ' ');
                                gz_buf_puts(w->out, rel_words[k]);
                        }
                }
        }
        if (blank) {
                for (size_t k = 0; rel_words[k] != NULL; k++) {
                        if (seen[k] || (strcmp(rel_words[k], "noopener") != 0 &&
                                        strcmp(rel_words[k], "noreferrer") != 0))
                                continue;
                        if (w->out->len > value_start)
                                gz_buf_putc(w->out, ' ');
                        gz_buf_puts(w->out, rel_words[k]);
                }
        }
        if (w->out->len == value_start)
                gz_buf_truncate(w->out, before);
        else
                gz_buf_putc(w->out, '"');
}

/* src and srcset of an img; false when the image must go. */
static bool
write_img_urls(struct writer *w, const GumboElement *el)
{
        const GumboAttribute *src = find_attr(el, "src");
        const GumboAttribute *srcset = find_attr(el, "srcset");
        bool has_src = false;
        if (src != NULL) {
                url_normalize(&w->url, src->value, strlen(src->value));
                if (w->url.len > 0) {
                        if (!put_attr_url(w, "src", src->value))
                                return false;
                        has_src = true;
                }
        }
        if (srcset != NULL) {
                if (!srcset_rebuild(w, srcset->value, strlen(srcset->value)))
                        return false;
                if (w->srcset.len > 0) {
                        put_lit(w, " srcset=\"");
                        gz_buf_put(w->out, w->srcset.data, w->srcset.len);
                        put_lit(w, "\"");
                        has_src = true;
                }
        }
        return has_src;
}

static bool
write_source_urls(struct writer *w, const GumboElement *el)
{
        const GumboAttribute *srcset = find_attr(el, "srcset");
        if (srcset == NULL || !srcset_rebuild(w, srcset->value, strlen(srcset->value)) ||
            w->srcset.len == 0)
                return false;
        put_lit(w, " srcset=\"");
        gz_buf_put(w->out, w->srcset.data, w->srcset.len);
        put_lit(w, "\"");
        return true;
}

/* Writes a start tag; false (and nothing written) when the element must be
 * dropped after all. */
static bool
write_start_tag(struct writer *w, enum tag tag, const GumboElement *el)
{
        const struct elem_rule *rule = &elems[tag];
        size_t mark = w->out->len;
        gz_buf_putc(w->out, '<');
        gz_buf_puts(w->out, rule->name);
        bool keep = true;
        if (tag == TAG_A)
                write_a_attrs(w, el);
        else if (tag == TAG_IMG)
                keep = write_img_urls(w, el);
        else if (tag == TAG_SOURCE)
                keep = write_source_urls(w, el);
        if (!keep) {
                gz_buf_truncate(w->out, mark);
                return false;
        }
        if (rule->attrs != NULL)
                write_attrs(w, el, rule->attrs);
        if (!(rule->flags & F_NO_ATTRS))
                write_attrs(w, el, global_attrs);
        gz_buf_putc(w->out, '>');
        w->pre_start = tag == TAG_PRE;
        return true;
}

/* Handles one node on the way down; true when its children are to be
 * visited (it was written as an open element, or unwrapped). */
static bool
enter(struct writer *w, const GumboNode *node)
{
        switch (node->type) {
        case GUMBO_NODE_TEXT:
        case GUMBO_NODE_WHITESPACE:
                write_text(w, node->v.text.text, strlen(node->v.text.text));
                return false;
        case GUMBO_NODE_COMMENT:
        case GUMBO_NODE_CDATA: /* only in SVG and MathML, which are dropped */
        case GUMBO_NODE_DOCUMENT:
        case GUMBO_NODE_TEMPLATE:
                return false;
        case GUMBO_NODE_ELEMENT:
                break;
        }
        int verdict = classify(node);
        if (verdict == V_DROP)
                return false;
        if (verdict == V_UNWRAP)
                return true;
        enum tag tag = (enum tag)verdict;
        if (!fits_here(w, tag))
                return true;
        if (!write_start_tag(w, tag, &node->v.element))
                return false;
        if (elems[tag].flags & F_VOID)
                return false;
        w->open[w->depth].node = node;
        w->open[w->depth].tag = tag;
        w->depth++;
        return true;
}

/* Handles one node on the way up: closes it if it was written. */
static void
leave(struct writer *w, const GumboNode *node)
{
        if (w->depth == 0 || w->open[w->depth - 1].node != node)
                return;
        w->depth--;
        gz_buf_puts(w->out, "</");
        gz_buf_puts(w->out, elems[w->open[w->depth].tag].name);
        gz_buf_putc(w->out, '>');
        w->pre_start = false;
}

static const GumboVector *
children_of(const GumboNode *node)
{
        if (node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE)
                return &node->v.element.children;
        if (node->type == GUMBO_NODE_DOCUMENT)
                return &node->v.document.children;
        return NULL;
}

/* The node after this one among its parent's children, or NULL. */
static const GumboNode *
next_sibling(const GumboNode *node, bool *broken)
{
        if (node->parent == NULL) {
                *broken = true;
                return NULL;
        }
        const GumboVector *siblings = children_of(node->parent);
        size_t i = node->index_within_parent;
        if (siblings == NULL || i >= siblings->length || siblings->data[i] != node) {
                *broken = true;
                return NULL;
        }
        return i + 1 < siblings->length ? siblings->data[i + 1] : NULL;
}

/* Walks the tree without recursion (parent links and sibling indexes), so
 * no input can exhaust the C stack. */
static enum gz_err
write_tree(struct writer *w, const GumboNode *root, struct gz_error *err)
{
        const GumboVector *top = children_of(root);
        if (top == NULL || top->length == 0)
                return GZ_OK;
        const GumboNode *node = top->data[0];
        bool broken = false;
        for (;;) {
                if (enter(w, node)) {
                        const GumboVector *kids = children_of(node);
                        if (kids != NULL && kids->length > 0) {
                                node = kids->data[0];
                                continue;
                        }
                }
                for (;;) {
                        leave(w, node);
                        const GumboNode *next = next_sibling(node, &broken);
                        if (broken)
                                return gz_fail(err, GZ_ECORRUPT,
                                               "HTML parser returned an inconsistent tree");
                        if (next != NULL) {
                                node = next;
                                break;
                        }
                        node = node->parent;
                        if (node == root)
                                return GZ_OK;
                }
        }
}

enum gz_err
gz_sanitize_html(const char *html, size_t len, struct gz_buf *out, struct gz_error *err)
{
        if (html == NULL && len > 0)
                return gz_fail(err, GZ_EINVAL, "no HTML given");
        if (len > SANITIZE_MAX_INPUT)
                return gz_fail(err, GZ_ETOOBIG, "HTML is larger than %u bytes", SANITIZE_MAX_INPUT);
        gz_buf_reserve(out, 0); /* so out->data is a string even when empty */
        if (len == 0)
                return GZ_OK;

        enum gz_err rc = GZ_OK;
        struct writer *w = NULL;
        struct parse_mem mem;
        mem.list.next = mem.list.prev = &mem.list;
        /* gumbo 0.10 reads one byte past its input when an attribute value
         * ends the input with a character reference lacking ";" (as in
         * "<a title=x&lt"), so it gets a copy with a NUL after the end. */
        char *copy = malloc(len + 1);
        if (copy == NULL) {
                rc = gz_fail(err, GZ_ENOMEM, "out of memory sanitizing HTML");
                goto out;
        }
        memcpy(copy, html, len);
        copy[len] = '\0';
        GumboOutput *parsed = parse_body_fragment(&mem, copy, len);
        if (parsed == NULL) {
                rc = gz_fail(err, GZ_ENOMEM, "out of memory parsing HTML");
                goto out;
        }
        w = calloc(1, sizeof(*w));
        if (w == NULL) {
                rc = gz_fail(err, GZ_ENOMEM, "out of memory sanitizing HTML");
                goto out;
        }
        size_t start = out->len;
        w->out = out;
        gz_buf_init(&w->url, NULL);
        gz_buf_init(&w->srcset, NULL);
        rc = write_tree(w, parsed->root, err);
        if (rc != GZ_OK)
                gz_buf_truncate(out, start);
out:
        if (w != NULL) {
                gz_buf_free(&w->url);
                gz_buf_free(&w->srcset);
                free(w);
        }
        mem_release_all(&mem);
        free(copy);
        return rc;
}
