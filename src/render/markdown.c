/* Markdown to HTML: md4c parses, this file renders, so that every URL is
 * checked, images can come from the media library and stand as figures. */
#include <string.h>

#include <gumbo.h>
#include <md4c.h>
#include <sodium.h>
#include <unicode/uchar.h>

#include "render.h"

#define REPLACEMENT_CHAR "\xEF\xBF\xBD"
#define SLUG_MAX 80

/* ---- a small string map in an arena ---------------------------------- */

/* Keys are copied into the arena; used for the entity cache (key -> decoded
 * text) and for heading ids (key -> next numeric suffix). Both kinds of key
 * come from the author, so the hash is SipHash with a random key per map:
 * nobody can line up names that collide and make probing quadratic. */
struct strmap_slot {
        const char *key; /* NULL: empty slot */
        size_t key_len;
        uint32_t hash;
        const char *val;
        size_t val_len;
        long num;
};

struct strmap {
        struct strmap_slot *slots;
        size_t cap, count;
        struct gz_arena *arena;
        unsigned char hash_key[crypto_shorthash_KEYBYTES];
};

static void
strmap_init(struct strmap *m, struct gz_arena *arena)
{
        memset(m, 0, sizeof(*m));
        m->arena = arena;
        if (sodium_init() >= 0) {
                randombytes_buf(m->hash_key, sizeof(m->hash_key));
        } else {
                uintptr_t where = (uintptr_t)m ^ (uintptr_t)arena; /* at least ASLR */
                memcpy(m->hash_key, &where, sizeof(where));
        }
}

static uint32_t
hash_bytes(const struct strmap *m, const char *s, size_t n)
{
        unsigned char h[crypto_shorthash_BYTES];
        crypto_shorthash(h, (const unsigned char *)s, n, m->hash_key);
        uint32_t v;
        memcpy(&v, h, sizeof(v));
        return v;
}

static struct strmap_slot *
strmap_probe(struct strmap_slot *slots, size_t cap, const char *key, size_t key_len, uint32_t hash)
{
        size_t i = hash & (cap - 1);
        for (;;) {
                struct strmap_slot *s = &slots[i];
                if (s->key == NULL ||
                    (s->hash == hash && s->key_len == key_len && memcmp(s->key, key, key_len) == 0))
                        return s;
                i = (i + 1) & (cap - 1);
        }
}

static struct strmap_slot *
strmap_get(struct strmap *m, const char *key, size_t key_len)
{
        if (m->count == 0)
                return NULL;
        struct strmap_slot *s =
            strmap_probe(m->slots, m->cap, key, key_len, hash_bytes(m, key, key_len));
        return s->key != NULL ? s : NULL;
}

/* Returns the slot for key, adding it (zeroed, key copied) if missing. */
static struct strmap_slot *
strmap_put(struct strmap *m, const char *key, size_t key_len)
{
        if ((m->count + 1) * 4 >= m->cap * 3) {
                size_t cap = m->cap ? m->cap * 2 : 64;
                struct strmap_slot *slots = GZ_NEW_ARRAY(m->arena, struct strmap_slot, cap);
                for (size_t i = 0; i < m->cap; i++) {
                        struct strmap_slot *old = &m->slots[i];
                        if (old->key != NULL)
                                *strmap_probe(slots, cap, old->key, old->key_len, old->hash) = *old;
                }
                m->slots = slots;
                m->cap = cap;
        }
        uint32_t hash = hash_bytes(m, key, key_len);
        struct strmap_slot *s = strmap_probe(m->slots, m->cap, key, key_len, hash);
        if (s->key == NULL) {
                s->key = gz_arena_strndup(m->arena, key, key_len);
                s->key_len = key_len;
                s->hash = hash;
                m->count++;
        }
        return s;
}

/* ---- character references ------------------------------------------- */

/* md4c only checks the shape of an entity (&name; &#123; &#x1F;); whether a
 * name is one of HTML's 2,231 is asked of gumbo's HTML5 tokenizer, which
 * holds the full table. All names of a document are resolved in one gumbo
 * parse, so the cost stays linear however many distinct names it holds. */
struct entities {
        struct strmap map; /* name -> decoded UTF-8; val NULL: not an entity */
        struct gz_arena *arena;
};

static bool
is_alpha(char c)
{
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool
is_alnum(char c)
{
        return is_alpha(c) || (c >= '0' && c <= '9');
}

static void
put_codepoint(struct gz_buf *out, uint32_t cp)
{
        char u[4];
        if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
                gz_buf_puts(out, REPLACEMENT_CHAR);
        } else if (cp < 0x80) {
                gz_buf_putc(out, (char)cp);
        } else if (cp < 0x800) {
                u[0] = (char)(0xC0 | (cp >> 6));
                u[1] = (char)(0x80 | (cp & 0x3F));
                gz_buf_put(out, u, 2);
        } else if (cp < 0x10000) {
                u[0] = (char)(0xE0 | (cp >> 12));
                u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
                u[2] = (char)(0x80 | (cp & 0x3F));
                gz_buf_put(out, u, 3);
        } else {
                u[0] = (char)(0xF0 | (cp >> 18));
                u[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
                u[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
                u[3] = (char)(0x80 | (cp & 0x3F));
                gz_buf_put(out, u, 4);
        }
}

static GumboNode *
gumbo_child(GumboNode *parent, GumboTag tag)
{
        if (parent == NULL || parent->type != GUMBO_NODE_ELEMENT)
                return NULL;
        GumboVector *kids = &parent->v.element.children;
        for (unsigned i = 0; i < kids->length; i++) {
                GumboNode *k = kids->data[i];
                if (k->type == GUMBO_NODE_ELEMENT && k->v.element.tag == tag)
                        return k;
        }
        return NULL;
}

static const char *
find_replacement(const char *p, const char *end)
{
        while (p < end) {
                const char *c = memchr(p, '\xEF', (size_t)(end - p));
                if (c == NULL || end - c < 3)
                        return NULL;
                if (c[1] == '\xBF' && c[2] == '\xBD')
                        return c;
                p = c + 1;
        }
        return NULL;
}

/* Resolves names[0..count) and stores each in the map. The names go into
 * one paragraph separated by U+FFFD, which no entity decodes to. */
static void
entities_resolve(struct entities *e, const struct gz_str *names, size_t count)
{
        if (count == 0)
                return;
        struct gz_buf html, text;
        gz_buf_init(&html, NULL);
        gz_buf_init(&text, NULL);
        gz_buf_puts(&html, "<p>");
        for (size_t i = 0; i < count; i++) {
                gz_buf_putc(&html, '&');
                gz_buf_put(&html, names[i].p, names[i].n);
                gz_buf_puts(&html, ";" REPLACEMENT_CHAR);
        }
        gz_buf_puts(&html, "</p>");

        GumboOptions options = kGumboDefaultOptions;
        options.max_errors = 0; /* only the text is wanted */
        GumboOutput *doc = gumbo_parse_with_options(&options, html.data, html.len);
        GumboNode *p =
            doc ? gumbo_child(gumbo_child(doc->root, GUMBO_TAG_BODY), GUMBO_TAG_P) : NULL;
        if (p != NULL) {
                GumboVector *kids = &p->v.element.children;
                for (unsigned i = 0; i < kids->length; i++) {
                        GumboNode *k = kids->data[i];
                        if (k->type == GUMBO_NODE_TEXT || k->type == GUMBO_NODE_WHITESPACE)
                                gz_buf_puts(&text, k->v.text.text);
                }
        }
        const char *cur = text.data ? text.data : "";
        const char *end = cur + text.len;
        for (size_t i = 0; i < count; i++) {
                struct strmap_slot *s = strmap_put(&e->map, names[i].p, names[i].n);
                s->num = 1;
                s->val = NULL;
                const char *sep = find_replacement(cur, end);
                if (sep == NULL)
                        continue; /* gumbo failed: everything stays literal */
                size_t n = (size_t)(sep - cur);
                /* A known name is replaced whole. An unknown one comes back
                 * as written, or, when it starts with a legacy name such as
                 * "&notin" in "&notinx;", decoded only in part; either way
                 * the ";" is left over. Only &semi; decodes to ";" itself. */
                bool known = n > 0 && !(cur[n - 1] == ';' && n > 1);
                if (known) {
                        s->val = gz_arena_strndup(e->arena, cur, n);
                        s->val_len = n;
                }
                cur = sep + strlen(REPLACEMENT_CHAR);
        }
        if (doc != NULL)
                gumbo_destroy_output(&options, doc);
        gz_buf_free(&html);
        gz_buf_free(&text);
}

/* Finds every "&name;" in the source and resolves the new names at once. */
static void
entities_prefetch(struct entities *e, const char *src, size_t len)
{
        struct gz_buf names; /* of struct gz_str */
        gz_buf_init(&names, NULL);
        size_t count = 0;
        for (size_t i = 0; i + 3 < len; i++) {
                if (src[i] != '&' || !is_alpha(src[i + 1]))
                        continue;
                size_t j = i + 2;
                while (j < len && j - i <= 48 && is_alnum(src[j]))
                        j++;
                if (j >= len || src[j] != ';' || j - i > 49 || j - i < 3)
                        continue;
                const char *name = src + i + 1;
                size_t n = j - i - 1;
                struct strmap_slot *s = strmap_get(&e->map, name, n);
                if (s == NULL) {
                        strmap_put(&e->map, name, n);
                        struct gz_str str = {name, n};
                        gz_buf_put(&names, &str, sizeof(str));
                        count++;
                }
                i = j;
        }
        entities_resolve(e, (const struct gz_str *)(void *)names.data, count);
        gz_buf_free(&names);
}

/* Appends the decoded form of an entity as md4c reports it ("&...;"), or the
 * text as written when it names no character. */
static void
entity_decode(struct entities *e, const char *text, size_t n, struct gz_buf *out)
{
        if (n >= 4 && text[1] == '#') {
                uint32_t cp = 0;
                bool hex = text[2] == 'x' || text[2] == 'X';
                for (size_t i = hex ? 3 : 2; i + 1 < n; i++) {
                        char c = text[i];
                        uint32_t d = c >= '0' && c <= '9'   ? (uint32_t)(c - '0')
                                     : c >= 'a' && c <= 'f' ? (uint32_t)(c - 'a' + 10)
                                     : c >= 'A' && c <= 'F' ? (uint32_t)(c - 'A' + 10)
                                                            : 0;
                        if (cp <= 0x10FFFF) /* md4c allows 7 digits; stay in range */
                                cp = cp * (hex ? 16 : 10) + d;
                }
                put_codepoint(out, cp);
                return;
        }
        if (n >= 3 && text[0] == '&' && text[n - 1] == ';') {
                struct gz_str name = {text + 1, n - 2};
                struct strmap_slot *s = strmap_get(&e->map, name.p, name.n);
                if (s == NULL || s->num == 0) {
                        entities_resolve(e, &name, 1);
                        s = strmap_get(&e->map, name.p, name.n);
                }
                if (s != NULL && s->val != NULL) {
                        gz_buf_put(out, s->val, s->val_len);
                        return;
                }
        }
        gz_buf_put(out, text, n);
}

/* Appends an attribute (link destination, title, info string) decoded:
 * escapes were already resolved by md4c, entities are decoded here. */
static void
attr_decode(struct entities *e, const MD_ATTRIBUTE *attr, struct gz_buf *out)
{
        if (attr->text == NULL)
                return;
        for (size_t i = 0; attr->substr_offsets[i] < attr->size; i++) {
                MD_OFFSET off = attr->substr_offsets[i];
                size_t n = attr->substr_offsets[i + 1] - off;
                switch (attr->substr_types[i]) {
                case MD_TEXT_NULLCHAR:
                        gz_buf_puts(out, REPLACEMENT_CHAR);
                        break;
                case MD_TEXT_ENTITY:
                        entity_decode(e, attr->text + off, n, out);
                        break;
                default:
                        gz_buf_put(out, attr->text + off, n);
                        break;
                }
        }
}

/* ---- input ------------------------------------------------------------ */

/* md4c 0.4.8 (Debian 12) reads a few bytes past the end of its input on
 * some unfinished constructs ("[a](x" at the very end; fixed upstream in
 * 0.5.0), so it always gets a copy followed by zero bytes it may read. */
#define SOURCE_PADDING 64

/* The source as md4c gets it: a padded copy, without a leading byte order
 * mark, and with malformed UTF-8 replaced (md4c passes bytes through, so
 * this keeps the output well-formed). */
static struct gz_str
clean_source(struct gz_arena *arena, const char *src, size_t len)
{
        if (src == NULL)
                len = 0;
        if (len >= 3 && memcmp(src, "\xEF\xBB\xBF", 3) == 0) {
                src += 3;
                len -= 3;
        }
        struct gz_buf b;
        gz_buf_init(&b, arena);
        bool valid = gz_utf8_valid(src, len);
        gz_buf_reserve(&b, (valid ? len : len + len / 2) + SOURCE_PADDING);
        if (valid) {
                gz_buf_put(&b, src, len);
        } else {
                size_t i = 0;
                while (i < len) {
                        uint32_t cp;
                        size_t n = gz_utf8_decode(src + i, len - i, &cp);
                        if (n == 0) {
                                gz_buf_puts(&b, REPLACEMENT_CHAR);
                                i++;
                        } else {
                                gz_buf_put(&b, src + i, n);
                                i += n;
                        }
                }
        }
        size_t n = b.len;
        gz_buf_reserve(&b, SOURCE_PADDING);
        memset(b.data + n, 0, SOURCE_PADDING + 1);
        return (struct gz_str){b.data, n};
}

static unsigned
parser_flags(unsigned flags)
{
        unsigned f = MD_DIALECT_COMMONMARK;
        if (!(flags & GZ_MD_COMMONMARK_ONLY))
                f |= MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH | MD_FLAG_PERMISSIVEURLAUTOLINKS |
                     MD_FLAG_PERMISSIVEWWWAUTOLINKS;
        if (!(flags & GZ_MD_UNSAFE_HTML))
                f |= MD_FLAG_NOHTML;
        return f;
}

/* ---- HTML renderer ---------------------------------------------------- */

struct md_html {
        struct gz_buf *out;
        unsigned flags;
        const struct gz_md_hooks *hooks;
        struct gz_arena *arena;
        struct entities ents;
        struct gz_buf tmp; /* decoded attributes, URLs */

        /* Image being read: its label goes to alt, nested spans are dropped. */
        unsigned image_depth;
        struct gz_buf img_src, img_title, img_alt;
        bool img_has_title;

        /* Spans open outside images (MD_SPANTYPE bytes). md4c 0.4.8 can
         * leave one open at the end of a block (a www. autolink running into
         * a table cell's '|'), so leaving a block closes what is left. */
        struct gz_buf spans;
        bool in_para;
        size_t para_start;
        bool fig_candidate, fig_has_image;
        size_t fig_img_start, fig_img_end;
        struct gz_buf fig_caption; /* HTML */

        /* Heading whose id is made from its text when it closes. */
        bool in_heading;
        size_t heading_start;
        struct gz_buf heading_text;
        struct strmap ids;
};

/* Replaces out[pos, pos + remove) by ins[0, n). */
static void
buf_splice(struct gz_buf *out, size_t pos, size_t remove, const char *ins, size_t n)
{
        size_t tail = out->len - pos - remove;
        if (n > remove)
                gz_buf_reserve(out, n - remove);
        memmove(out->data + pos + n, out->data + pos + remove, tail);
        memcpy(out->data + pos, ins, n);
        out->len = pos + n + tail;
        out->data[out->len] = '\0';
}

static bool
url_byte_safe(unsigned char c)
{
        return is_alnum((char)c) || (c != 0 && strchr("-_.+!*'(),%#@?=;:/&$~", c) != NULL);
}

/* A link or image URL as an attribute value. The decoded URL is judged
 * (what the browser will see); bytes outside URL syntax are then
 * percent-encoded as CommonMark renderers do, and gz_html_escape_url makes
 * it attribute-safe, judging it again. */
static void
put_url(struct md_html *h, const char *url, size_t n)
{
        if (!gz_url_is_safe(url, n)) {
                gz_buf_putc(h->out, '#');
                return;
        }
        static const char hex[] = "0123456789ABCDEF";
        struct gz_buf enc;
        gz_buf_init(&enc, h->arena);
        gz_buf_reserve(&enc, n);
        for (size_t i = 0; i < n; i++) {
                unsigned char c = (unsigned char)url[i];
                if (url_byte_safe(c)) {
                        gz_buf_putc(&enc, (char)c);
                } else {
                        char e[3] = {'%', hex[c >> 4], hex[c & 15]};
                        gz_buf_put(&enc, e, 3);
                }
        }
        gz_html_escape_url(h->out, enc.data ? enc.data : "", enc.len);
}

static void
put_attr_text(struct md_html *h, const MD_ATTRIBUTE *attr)
{
        gz_buf_truncate(&h->tmp, 0);
        attr_decode(&h->ents, attr, &h->tmp);
        gz_html_escape(h->out, h->tmp.data ? h->tmp.data : "", h->tmp.len);
}

static const char *
buf_str(const struct gz_buf *b)
{
        return b->data ? b->data : "";
}

/* Heading anchors: letters (lowercased), digits and combining marks of any
 * script, '-' and '_' are kept; runs of white space become one '-'; other
 * punctuation and symbols go. ICU classifies, so "Émile, l'été" gives
 * "émile-lété" and Persian or Arabic titles stay readable. */
static void
make_slug(const char *text, size_t n, struct gz_buf *slug)
{
        bool dash = false;
        size_t i = 0;
        while (i < n) {
                uint32_t u;
                size_t k = gz_utf8_decode(text + i, n - i, &u);
                if (k == 0) {
                        i++;
                        continue;
                }
                i += k;
                UChar32 cp = (UChar32)u;
                if (u_isUWhiteSpace(cp)) {
                        dash = slug->len > 0;
                        continue;
                }
                bool mark = (U_GET_GC_MASK(cp) & U_GC_M_MASK) != 0;
                if (cp != '-' && cp != '_' && !u_isalnum(cp) && !mark)
                        continue;
                cp = u_tolower(cp);
                if (slug->len + 4 + (dash ? 1 : 0) > SLUG_MAX)
                        break;
                if (dash)
                        gz_buf_putc(slug, '-');
                dash = false;
                put_codepoint(slug, (uint32_t)cp);
        }
        if (slug->len == 0)
                gz_buf_puts(slug, "section");
}

/* Makes the slug unique in the document: "x", then "x-2", "x-3"... The map
 * remembers the next suffix per base so repeated titles stay linear. */
static void
unique_id(struct md_html *h, struct gz_buf *slug)
{
        struct strmap_slot *s = strmap_get(&h->ids, slug->data, slug->len);
        if (s == NULL) {
                strmap_put(&h->ids, slug->data, slug->len)->num = 2;
                return;
        }
        size_t base_len = slug->len;
        long next = s->num;
        for (;; next++) {
                gz_buf_truncate(slug, base_len);
                gz_buf_printf(slug, "-%ld", next);
                if (strmap_get(&h->ids, slug->data, slug->len) == NULL)
                        break;
        }
        strmap_put(&h->ids, slug->data, base_len)->num = next + 1;
        strmap_put(&h->ids, slug->data, slug->len)->num = 2;
}

static void
open_td(struct md_html *h, const char *tag, const MD_BLOCK_TD_DETAIL *d)
{
        static const char *const align[] = {"", " align=\"left\"", " align=\"center\"",
                                            " align=\"right\""};
        unsigned a = (unsigned)d->align;
        gz_buf_printf(h->out, "<%s%s>", tag, a < GZ_ARRAY_LEN(align) ? align[a] : "");
}

static void close_open_spans(struct md_html *h);

static int
html_enter_block(MD_BLOCKTYPE type, void *detail, void *userdata)
{
        struct md_html *h = userdata;
        struct gz_buf *out = h->out;
        close_open_spans(h);
        switch (type) {
        case MD_BLOCK_DOC:
        case MD_BLOCK_HTML:
                break;
        case MD_BLOCK_QUOTE:
                gz_buf_puts(out, "<blockquote>\n");
                break;
        case MD_BLOCK_UL:
                gz_buf_puts(out, "<ul>\n");
                break;
        case MD_BLOCK_OL: {
                const MD_BLOCK_OL_DETAIL *d = detail;
                if (d->start == 1)
                        gz_buf_puts(out, "<ol>\n");
                else
                        gz_buf_printf(out, "<ol start=\"%u\">\n", d->start);
                break;
        }
        case MD_BLOCK_LI:
                gz_buf_puts(out, "<li>");
                break;
        case MD_BLOCK_HR:
                gz_buf_puts(out, "<hr>\n");
                break;
        case MD_BLOCK_H: {
                const MD_BLOCK_H_DETAIL *d = detail;
                if (h->flags & GZ_MD_FIGURES) {
                        h->in_heading = true;
                        h->heading_start = out->len;
                        gz_buf_truncate(&h->heading_text, 0);
                } else {
                        gz_buf_printf(out, "<h%u>", d->level);
                }
                break;
        }
        case MD_BLOCK_CODE: {
                const MD_BLOCK_CODE_DETAIL *d = detail;
                gz_buf_puts(out, "<pre><code");
                if (d->lang.text != NULL) {
                        gz_buf_puts(out, " class=\"language-");
                        put_attr_text(h, &d->lang);
                        gz_buf_putc(out, '"');
                }
                gz_buf_putc(out, '>');
                break;
        }
        case MD_BLOCK_P:
                h->in_para = true;
                h->para_start = out->len;
                h->fig_candidate = (h->flags & GZ_MD_FIGURES) != 0;
                h->fig_has_image = false;
                gz_buf_puts(out, "<p>");
                break;
        case MD_BLOCK_TABLE:
                gz_buf_puts(out, "<table>\n");
                break;
        case MD_BLOCK_THEAD:
                gz_buf_puts(out, "<thead>\n");
                break;
        case MD_BLOCK_TBODY:
                gz_buf_puts(out, "<tbody>\n");
                break;
        case MD_BLOCK_TR:
                gz_buf_puts(out, "<tr>\n");
                break;
        case MD_BLOCK_TH:
                open_td(h, "th", detail);
                break;
        case MD_BLOCK_TD:
                open_td(h, "td", detail);
                break;
        }
        return 0;
}

static void
close_heading(struct md_html *h, unsigned level)
{
        struct gz_buf slug, open;
        gz_buf_init(&slug, h->arena);
        gz_buf_init(&open, h->arena);
        make_slug(buf_str(&h->heading_text), h->heading_text.len, &slug);
        unique_id(h, &slug);
        gz_buf_printf(&open, "<h%u id=\"", level);
        gz_html_escape(&open, slug.data, slug.len);
        gz_buf_puts(&open, "\">");
        buf_splice(h->out, h->heading_start, 0, open.data, open.len);
        gz_buf_printf(h->out, "</h%u>\n", level);
        h->in_heading = false;
}

/* The paragraph held one image and nothing else: "<p><img ...>" becomes
 * "<figure><img ...><figcaption>...</figcaption></figure>". */
static void
close_figure(struct md_html *h)
{
        struct gz_buf *out = h->out;
        gz_buf_truncate(out, h->fig_img_end);
        buf_splice(out, h->para_start, h->fig_img_start - h->para_start, "<figure>", 8);
        if (h->fig_caption.len > 0) {
                gz_buf_puts(out, "<figcaption>");
                gz_buf_put(out, h->fig_caption.data, h->fig_caption.len);
                gz_buf_puts(out, "</figcaption>");
        }
        gz_buf_puts(out, "</figure>\n");
}

static int
html_leave_block(MD_BLOCKTYPE type, void *detail, void *userdata)
{
        struct md_html *h = userdata;
        struct gz_buf *out = h->out;
        close_open_spans(h);
        switch (type) {
        case MD_BLOCK_DOC:
        case MD_BLOCK_HTML:
        case MD_BLOCK_HR:
                break;
        case MD_BLOCK_QUOTE:
                gz_buf_puts(out, "</blockquote>\n");
                break;
        case MD_BLOCK_UL:
                gz_buf_puts(out, "</ul>\n");
                break;
        case MD_BLOCK_OL:
                gz_buf_puts(out, "</ol>\n");
                break;
        case MD_BLOCK_LI:
                gz_buf_puts(out, "</li>\n");
                break;
        case MD_BLOCK_H: {
                const MD_BLOCK_H_DETAIL *d = detail;
                if (h->in_heading)
                        close_heading(h, d->level);
                else
                        gz_buf_printf(out, "</h%u>\n", d->level);
                break;
        }
        case MD_BLOCK_CODE:
                gz_buf_puts(out, "</code></pre>\n");
                break;
        case MD_BLOCK_P:
                if (h->fig_candidate && h->fig_has_image)
                        close_figure(h);
                else
                        gz_buf_puts(out, "</p>\n");
                h->in_para = false;
                break;
        case MD_BLOCK_TABLE:
                gz_buf_puts(out, "</table>\n");
                break;
        case MD_BLOCK_THEAD:
                gz_buf_puts(out, "</thead>\n");
                break;
        case MD_BLOCK_TBODY:
                gz_buf_puts(out, "</tbody>\n");
                break;
        case MD_BLOCK_TR:
                gz_buf_puts(out, "</tr>\n");
                break;
        case MD_BLOCK_TH:
                gz_buf_puts(out, "</th>\n");
                break;
        case MD_BLOCK_TD:
                gz_buf_puts(out, "</td>\n");
                break;
        }
        return 0;
}

static void
begin_image(struct md_html *h, const MD_SPAN_IMG_DETAIL *d)
{
        gz_buf_truncate(&h->img_src, 0);
        gz_buf_truncate(&h->img_title, 0);
        gz_buf_truncate(&h->img_alt, 0);
        attr_decode(&h->ents, &d->src, &h->img_src);
        h->img_has_title = d->title.text != NULL;
        attr_decode(&h->ents, &d->title, &h->img_title);
        /* Keep the buffers non-NULL: the hook gets C strings. */
        gz_buf_reserve(&h->img_src, 1);
        gz_buf_reserve(&h->img_title, 1);
        gz_buf_reserve(&h->img_alt, 1);
        bool alone = h->in_para && h->fig_candidate && h->spans.len == 0 && !h->fig_has_image;
        if (alone) {
                h->fig_has_image = true;
                h->fig_img_start = h->out->len;
        } else {
                h->fig_candidate = false;
        }
}

static void
end_image(struct md_html *h)
{
        struct gz_buf *out = h->out;
        const char *caption = NULL, *credit = NULL;
        size_t mark = out->len;
        bool written = false;
        if (h->hooks != NULL && h->hooks->image != NULL) {
                struct gz_md_image img = {h->img_src.data, h->img_alt.data,
                                          h->img_has_title ? h->img_title.data : NULL};
                written = h->hooks->image(h->hooks->ctx, &img, out, &caption, &credit);
                if (!written)
                        gz_buf_truncate(out, mark); /* a declining hook writes nothing */
        }
        if (!written) {
                gz_buf_puts(out, "<img src=\"");
                put_url(h, h->img_src.data, h->img_src.len);
                gz_buf_puts(out, "\" alt=\"");
                gz_html_escape(out, h->img_alt.data, h->img_alt.len);
                gz_buf_putc(out, '"');
                if (h->img_has_title) {
                        gz_buf_puts(out, " title=\"");
                        gz_html_escape(out, h->img_title.data, h->img_title.len);
                        gz_buf_putc(out, '"');
                }
                if (h->flags & GZ_MD_FIGURES)
                        gz_buf_puts(out, " loading=\"lazy\" decoding=\"async\"");
                gz_buf_putc(out, '>');
        }
        if (h->fig_candidate && h->fig_has_image) {
                h->fig_img_end = out->len;
                gz_buf_truncate(&h->fig_caption, 0);
                if (caption != NULL)
                        gz_html_escape_c(&h->fig_caption, caption);
                else if (h->img_has_title)
                        gz_html_escape(&h->fig_caption, h->img_title.data, h->img_title.len);
                if (credit != NULL && credit[0] != '\0') {
                        if (h->fig_caption.len > 0)
                                gz_buf_putc(&h->fig_caption, ' ');
                        gz_buf_puts(&h->fig_caption, "<small class=\"credit\">");
                        gz_html_escape_c(&h->fig_caption, credit);
                        gz_buf_puts(&h->fig_caption, "</small>");
                }
        }
}

static int
html_enter_span(MD_SPANTYPE type, void *detail, void *userdata)
{
        struct md_html *h = userdata;
        struct gz_buf *out = h->out;
        if (h->image_depth > 0) {
                if (type == MD_SPAN_IMG)
                        h->image_depth++;
                return 0;
        }
        if (type == MD_SPAN_IMG) {
                begin_image(h, detail);
                h->image_depth = 1;
                return 0;
        }
        h->fig_candidate = false;
        gz_buf_putc(&h->spans, (char)type);
        switch (type) {
        case MD_SPAN_EM:
                gz_buf_puts(out, "<em>");
                break;
        case MD_SPAN_STRONG:
                gz_buf_puts(out, "<strong>");
                break;
        case MD_SPAN_A: {
                const MD_SPAN_A_DETAIL *d = detail;
                gz_buf_truncate(&h->tmp, 0);
                attr_decode(&h->ents, &d->href, &h->tmp);
                gz_buf_puts(out, "<a href=\"");
                put_url(h, buf_str(&h->tmp), h->tmp.len);
                gz_buf_putc(out, '"');
                if (d->title.text != NULL) {
                        gz_buf_puts(out, " title=\"");
                        put_attr_text(h, &d->title);
                        gz_buf_putc(out, '"');
                }
                gz_buf_putc(out, '>');
                break;
        }
        case MD_SPAN_CODE:
                gz_buf_puts(out, "<code>");
                break;
        case MD_SPAN_DEL:
                gz_buf_puts(out, "<del>");
                break;
        default:
                break; /* the extensions that make other spans are off */
        }
        return 0;
}

static void
close_span(struct md_html *h, MD_SPANTYPE type)
{
        switch (type) {
        case MD_SPAN_EM:
                gz_buf_puts(h->out, "</em>");
                break;
        case MD_SPAN_STRONG:
                gz_buf_puts(h->out, "</strong>");
                break;
        case MD_SPAN_A:
                gz_buf_puts(h->out, "</a>");
                break;
        case MD_SPAN_CODE:
                gz_buf_puts(h->out, "</code>");
                break;
        case MD_SPAN_DEL:
                gz_buf_puts(h->out, "</del>");
                break;
        default:
                break;
        }
}

static int
html_leave_span(MD_SPANTYPE type, void *detail, void *userdata)
{
        struct md_html *h = userdata;
        (void)detail;
        if (h->image_depth > 0) {
                if (type == MD_SPAN_IMG && --h->image_depth == 0)
                        end_image(h);
                return 0;
        }
        /* Close down to the matching span; one already closed is ignored. */
        size_t i = h->spans.len;
        while (i > 0 && (MD_SPANTYPE)h->spans.data[i - 1] != type)
                i--;
        if (i == 0)
                return 0;
        while (h->spans.len >= i) {
                close_span(h, (MD_SPANTYPE)h->spans.data[h->spans.len - 1]);
                gz_buf_truncate(&h->spans, h->spans.len - 1);
        }
        return 0;
}

/* Spans and an image still open when a block starts or ends were left open
 * by the parser: finish them inside the block they began in. */
static void
close_open_spans(struct md_html *h)
{
        if (h->image_depth > 0) {
                h->image_depth = 0;
                end_image(h);
        }
        while (h->spans.len > 0) {
                close_span(h, (MD_SPANTYPE)h->spans.data[h->spans.len - 1]);
                gz_buf_truncate(&h->spans, h->spans.len - 1);
        }
}

static int
html_text(MD_TEXTTYPE type, const MD_CHAR *text, MD_SIZE size, void *userdata)
{
        struct md_html *h = userdata;
        char one[1] = {' '};
        const char *plain = text; /* the text as a reader sees it */
        size_t n = size;
        switch (type) {
        case MD_TEXT_NULLCHAR:
                plain = REPLACEMENT_CHAR;
                n = 3;
                break;
        case MD_TEXT_BR:
        case MD_TEXT_SOFTBR:
                plain = one;
                n = 1;
                break;
        case MD_TEXT_ENTITY:
                gz_buf_truncate(&h->tmp, 0);
                entity_decode(&h->ents, text, size, &h->tmp);
                plain = buf_str(&h->tmp);
                n = h->tmp.len;
                break;
        default:
                break;
        }
        if (h->in_heading)
                gz_buf_put(&h->heading_text, plain, n);
        if (h->image_depth > 0) {
                gz_buf_put(&h->img_alt, plain, n);
                return 0;
        }
        h->fig_candidate = false;
        switch (type) {
        case MD_TEXT_BR:
                gz_buf_puts(h->out, "<br>\n");
                break;
        case MD_TEXT_SOFTBR:
                gz_buf_putc(h->out, '\n');
                break;
        case MD_TEXT_HTML:
                if (h->flags & GZ_MD_UNSAFE_HTML)
                        gz_buf_put(h->out, text, size);
                else
                        gz_html_escape(h->out, text, size);
                break;
        default:
                gz_html_escape(h->out, plain, n);
                break;
        }
        return 0;
}

static void
arena_buf(struct gz_buf *b, struct gz_arena *arena)
{
        gz_buf_init(b, arena);
}

enum gz_err
gz_markdown_render(const char *src, size_t len, unsigned flags, const struct gz_md_hooks *hooks,
                   struct gz_buf *out, struct gz_error *err)
{
        if (src == NULL && len > 0)
                return gz_fail(err, GZ_EINVAL, "markdown: no source");
        if (len > GZ_MD_MAX_SOURCE)
                return gz_fail(err, GZ_ETOOBIG, "the text is too long (%zu bytes, at most %u)", len,
                               (unsigned)GZ_MD_MAX_SOURCE);
        struct gz_arena *arena = gz_arena_new(16384);
        struct md_html h;
        memset(&h, 0, sizeof(h));
        h.out = out;
        h.flags = flags;
        h.hooks = hooks;
        h.arena = arena;
        h.ents.arena = arena;
        strmap_init(&h.ents.map, arena);
        strmap_init(&h.ids, arena);
        arena_buf(&h.tmp, arena);
        arena_buf(&h.img_src, arena);
        arena_buf(&h.img_title, arena);
        arena_buf(&h.img_alt, arena);
        arena_buf(&h.fig_caption, arena);
        arena_buf(&h.heading_text, arena);
        arena_buf(&h.spans, arena);

        struct gz_str text = clean_source(arena, src, len);
        entities_prefetch(&h.ents, text.p, text.n);
        MD_PARSER parser = {
            .flags = parser_flags(flags),
            .enter_block = html_enter_block,
            .leave_block = html_leave_block,
            .enter_span = html_enter_span,
            .leave_span = html_leave_span,
            .text = html_text,
        };
        size_t start = out->len;
        int rc = md_parse(text.p, (MD_SIZE)text.n, &parser, &h);
        gz_arena_free(arena);
        if (rc != 0) {
                gz_buf_truncate(out, start);
                return gz_fail(err, GZ_ENOMEM, "markdown: the parser ran out of memory");
        }
        return GZ_OK;
}

/* ---- plain text ------------------------------------------------------- */

enum text_sep { SEP_NONE, SEP_CELL, SEP_LINE, SEP_PARA };

struct md_text {
        struct gz_buf *out;
        size_t start;
        enum text_sep pending;
        bool row_started;
        unsigned list_depth;
        struct entities ents;
        struct gz_buf tmp;
};

static void
text_want(struct md_text *t, enum text_sep sep)
{
        if (sep > t->pending)
                t->pending = sep;
}

/* Drops the newlines a code block ends with, so blocks stay one blank line
 * apart. */
static void
text_trim(struct md_text *t)
{
        while (t->out->len > t->start && t->out->data[t->out->len - 1] == '\n')
                gz_buf_truncate(t->out, t->out->len - 1);
}

static int
text_enter_block(MD_BLOCKTYPE type, void *detail, void *userdata)
{
        struct md_text *t = userdata;
        (void)detail;
        switch (type) {
        case MD_BLOCK_UL:
        case MD_BLOCK_OL:
                /* A list is a block of its own; a nested one is more lines. */
                text_want(t, t->list_depth++ > 0 ? SEP_LINE : SEP_PARA);
                break;
        case MD_BLOCK_LI:
        case MD_BLOCK_TR:
                text_want(t, SEP_LINE);
                t->row_started = false;
                break;
        case MD_BLOCK_TH:
        case MD_BLOCK_TD:
                if (t->row_started)
                        text_want(t, SEP_CELL);
                t->row_started = true;
                break;
        case MD_BLOCK_DOC:
        case MD_BLOCK_THEAD:
        case MD_BLOCK_TBODY:
                break;
        default:
                text_want(t, SEP_PARA);
                break;
        }
        return 0;
}

static int
text_leave_block(MD_BLOCKTYPE type, void *detail, void *userdata)
{
        struct md_text *t = userdata;
        (void)detail;
        switch (type) {
        case MD_BLOCK_CODE:
        case MD_BLOCK_HTML:
                text_trim(t);
                text_want(t, SEP_PARA);
                break;
        case MD_BLOCK_UL:
        case MD_BLOCK_OL:
                text_want(t, --t->list_depth > 0 ? SEP_LINE : SEP_PARA);
                break;
        case MD_BLOCK_LI:
        case MD_BLOCK_TR:
                text_want(t, SEP_LINE);
                break;
        case MD_BLOCK_TH:
        case MD_BLOCK_TD:
        case MD_BLOCK_THEAD:
        case MD_BLOCK_TBODY:
        case MD_BLOCK_DOC:
                break;
        default:
                text_want(t, SEP_PARA);
                break;
        }
        return 0;
}

static int
text_span(MD_SPANTYPE type, void *detail, void *userdata)
{
        (void)type;
        (void)detail;
        (void)userdata;
        return 0;
}

static int
text_text(MD_TEXTTYPE type, const MD_CHAR *text, MD_SIZE size, void *userdata)
{
        struct md_text *t = userdata;
        if (t->pending != SEP_NONE && t->out->len > t->start) {
                static const char *const seps[] = {"", "\t", "\n", "\n\n"};
                gz_buf_puts(t->out, seps[t->pending]);
        }
        t->pending = SEP_NONE;
        switch (type) {
        case MD_TEXT_NULLCHAR:
                gz_buf_puts(t->out, REPLACEMENT_CHAR);
                break;
        case MD_TEXT_BR:
                gz_buf_putc(t->out, '\n');
                break;
        case MD_TEXT_SOFTBR:
                gz_buf_putc(t->out, ' ');
                break;
        case MD_TEXT_ENTITY:
                entity_decode(&t->ents, text, size, t->out);
                break;
        default:
                gz_buf_put(t->out, text, size);
                break;
        }
        return 0;
}

void
gz_markdown_text(const char *src, size_t len, struct gz_buf *out)
{
        if (src == NULL)
                return;
        if (len > GZ_MD_MAX_SOURCE) { /* the start still makes an excerpt */
                len = GZ_MD_MAX_SOURCE;
                while (len > 0 && ((unsigned char)src[len] & 0xC0) == 0x80)
                        len--;
        }
        struct gz_arena *arena = gz_arena_new(16384);
        struct md_text t;
        memset(&t, 0, sizeof(t));
        t.out = out;
        t.start = out->len;
        t.ents.arena = arena;
        strmap_init(&t.ents.map, arena);
        arena_buf(&t.tmp, arena);
        struct gz_str text = clean_source(arena, src, len);
        entities_prefetch(&t.ents, text.p, text.n);
        MD_PARSER parser = {
            .flags = parser_flags(0),
            .enter_block = text_enter_block,
            .leave_block = text_leave_block,
            .enter_span = text_span,
            .leave_span = text_span,
            .text = text_text,
        };
        if (md_parse(text.p, (MD_SIZE)text.n, &parser, &t) != 0)
                gz_buf_truncate(out, t.start);
        else
                text_trim(&t);
        gz_arena_free(arena);
}
