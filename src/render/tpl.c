/* Mustache templates: each source is compiled once into a flat array of nodes
 * (text runs, pre-split names, sections with jump offsets) and rendered by a
 * loop over that array with an explicit stack, so a compiled set is read-only,
 * shared by threads, and no template can exhaust the C stack. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render.h"

#define TPL_MAX_SOURCE (16u << 20)
#define TPL_MAX_NESTING 1000
#define TPL_MAX_NAME_PARTS 64
#define TPL_MAX_PARTIAL_DEPTH 100
#define TPL_DEFAULT_MAX_OUTPUT ((size_t)64 << 20)
#define TPL_DEFAULT_MAX_STEPS (1ul << 24)
/* Names quoted in error messages are cut to this many bytes. */
#define TPL_MSG_NAME 64

enum node_op {
        NODE_TEXT,         /* bytes of the source */
        NODE_VAR,          /* {{x}}, {{{x}}}, {{&x}} */
        NODE_SECTION,      /* {{#x}}; jump is the node after its end */
        NODE_INVERTED,     /* {{^x}}; likewise */
        NODE_END_SECTION,  /* loops over a list or pops the context */
        NODE_END_INVERTED, /* does nothing but can carry an indent */
        NODE_PARTIAL,      /* {{>x}}, looked up by name when rendered */
        NODE__MAX
};

enum {
        /* The node begins a source line: inside an indented partial the
         * indent is written before it (the spec indents every line). */
        NODE_LINE_START = 1 << 0,
        NODE_RAW = 1 << 1,        /* {{{x}}} or {{&x}} */
        NODE_STANDALONE = 1 << 2, /* a partial alone on its line */
};

struct node {
        uint8_t op;
        uint8_t flags;
        uint16_t nparts; /* parts of a dotted name; 0 for "." */
        uint32_t line;
        uint32_t off, len;               /* TEXT: bytes in the pool; PARTIAL: its name */
        uint32_t part;                   /* first of the name's parts[] */
        uint32_t jump;                   /* SECTION, INVERTED: the node after the end */
        uint32_t indent_off, indent_len; /* standalone PARTIAL */
        uint32_t hash;                   /* PARTIAL: hash of the name */
};

/* One part of a dotted name: a NUL-terminated string in the pool, so it
 * compares directly with object keys. */
struct part {
        uint32_t off, len;
};

struct tpl {
        char *name;
        size_t name_len;
        uint32_t hash;
        char *pool; /* the source, then the names' parts */
        size_t pool_len, pool_cap;
        struct node *nodes;
        uint32_t nnodes, nodes_cap;
        struct part *parts;
        uint32_t nparts, parts_cap;
};

struct gz_tpl_set {
        unsigned flags;
        size_t max_output;
        unsigned long max_steps;
        struct tpl **slots; /* open addressing, a power of two */
        size_t cap, count;
};

/* ---- helpers --------------------------------------------------------- */

static uint32_t
hash_name(const char *s, size_t n)
{
        uint32_t h = 2166136261u; /* FNV-1a */
        for (size_t i = 0; i < n; i++) {
                h ^= (unsigned char)s[i];
                h *= 16777619u;
        }
        return h;
}

static bool
is_space(char c)
{
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* Names are looked up as C strings, so a NUL cannot be part of one. */
static bool
bad_name_byte(char c)
{
        return is_space(c) || c == '\0';
}

static bool
grow(void **items, uint32_t *cap, uint32_t need, size_t size)
{
        if (need <= *cap)
                return true;
        size_t n = *cap ? *cap : 16;
        while (n < need)
                n *= 2;
        if (n > UINT32_MAX)
                return false;
        void *p = realloc(*items, n * size);
        if (p == NULL)
                return false;
        *items = p;
        *cap = (uint32_t)n;
        return true;
}

static void
tpl_free(struct tpl *t)
{
        if (t == NULL)
                return;
        free(t->name);
        free(t->pool);
        free(t->nodes);
        free(t->parts);
        free(t);
}

/* ---- compiling ------------------------------------------------------- */

struct open_section {
        uint32_t node;
        uint32_t line;
        size_t name_off, name_len; /* the trimmed name in the source */
};

struct compiler {
        struct tpl *t;
        const char *name; /* the template's, for messages */
        const char *src;
        size_t len;
        struct gz_error *err;
        size_t line_pos; /* lines are counted lazily up to here */
        uint32_t line;
        /* A comment or set-delimiter tag that began a line and stayed (not
         * standalone): the line's indent goes before the next node. */
        bool pending_line_start;
        struct open_section open[TPL_MAX_NESTING];
        size_t depth;
};

static uint32_t
line_at(struct compiler *c, size_t pos)
{
        for (; c->line_pos < pos; c->line_pos++)
                if (c->src[c->line_pos] == '\n')
                        c->line++;
        return c->line;
}

static bool
begins_line(const struct compiler *c, size_t pos)
{
        return pos == 0 || c->src[pos - 1] == '\n';
}

static struct node *
add_node(struct compiler *c, enum node_op op, uint32_t line, bool line_start)
{
        struct tpl *t = c->t;
        if (!grow((void **)&t->nodes, &t->nodes_cap, t->nnodes + 1, sizeof(*t->nodes)))
                return NULL;
        struct node *n = &t->nodes[t->nnodes++];
        memset(n, 0, sizeof(*n));
        n->op = (uint8_t)op;
        n->line = line;
        if (line_start || c->pending_line_start)
                n->flags |= NODE_LINE_START;
        c->pending_line_start = false;
        return n;
}

static enum gz_err
oom(struct compiler *c)
{
        return gz_fail(c->err, GZ_ENOMEM, "%s: out of memory compiling the template", c->name);
}

static enum gz_err
emit_text(struct compiler *c, size_t from, size_t to)
{
        if (to <= from)
                return GZ_OK;
        struct node *n = add_node(c, NODE_TEXT, line_at(c, from), begins_line(c, from));
        if (n == NULL)
                return oom(c);
        n->off = (uint32_t)from;
        n->len = (uint32_t)(to - from);
        return GZ_OK;
}

/* Appends a NUL-terminated copy of bytes to the pool; returns its offset. */
static bool
pool_add(struct tpl *t, const char *s, size_t n, uint32_t *off)
{
        if (t->pool_len + n + 1 > t->pool_cap) {
                size_t cap = t->pool_cap * 2;
                while (cap < t->pool_len + n + 1)
                        cap *= 2;
                char *p = realloc(t->pool, cap);
                if (p == NULL)
                        return false;
                t->pool = p;
                t->pool_cap = cap;
        }
        *off = (uint32_t)t->pool_len;
        memcpy(t->pool + t->pool_len, s, n);
        t->pool[t->pool_len + n] = '\0';
        t->pool_len += n + 1;
        return true;
}

static void
trim(const char *src, size_t *from, size_t *to)
{
        while (*from < *to && is_space(src[*from]))
                (*from)++;
        while (*to > *from && is_space(src[*to - 1]))
                (*to)--;
}

/* A name: "." or non-empty parts joined by dots, no spaces inside. */
static enum gz_err
compile_name(struct compiler *c, struct node *n, size_t from, size_t to)
{
        const char *s = c->src + from;
        size_t len = to - from;
        if (len == 0)
                return gz_fail(c->err, GZ_EINVAL, "%s:%u: empty tag name", c->name, n->line);
        int shown = len > TPL_MSG_NAME ? TPL_MSG_NAME : (int)len;
        for (size_t i = 0; i < len; i++)
                if (bad_name_byte(s[i]))
                        return gz_fail(c->err, GZ_EINVAL, "%s:%u: bad tag name \"%.*s\"", c->name,
                                       n->line, shown, s);
        if (len == 1 && s[0] == '.') {
                n->nparts = 0;
                return GZ_OK;
        }
        struct tpl *t = c->t;
        n->part = t->nparts;
        size_t start = 0;
        for (size_t i = 0; i <= len; i++) {
                if (i < len && s[i] != '.')
                        continue;
                if (i == start)
                        return gz_fail(c->err, GZ_EINVAL,
                                       "%s:%u: bad tag name \"%.*s\" (empty part between dots)",
                                       c->name, n->line, shown, s);
                if (n->nparts == TPL_MAX_NAME_PARTS)
                        return gz_fail(c->err, GZ_EINVAL,
                                       "%s:%u: tag name \"%.*s\" has more than %d parts", c->name,
                                       n->line, shown, s, TPL_MAX_NAME_PARTS);
                struct part p = {.len = (uint32_t)(i - start)};
                if (!pool_add(t, s + start, i - start, &p.off) ||
                    !grow((void **)&t->parts, &t->parts_cap, t->nparts + 1, sizeof(*t->parts)))
                        return oom(c);
                t->parts[t->nparts++] = p;
                n->nparts++;
                start = i + 1;
        }
        return GZ_OK;
}

/* A tag alone on its line, with only spaces and tabs around it, vanishes
 * with the whole line. *begin gets where the line's indent starts and *next
 * where the following line does. */
static bool
standalone(const struct compiler *c, size_t text_start, size_t tag_start, size_t tag_end,
           size_t *begin, size_t *next)
{
        const char *s = c->src;
        size_t b = tag_start;
        while (b > text_start && (s[b - 1] == ' ' || s[b - 1] == '\t'))
                b--;
        if (!begins_line(c, b))
                return false;
        size_t e = tag_end;
        while (e < c->len && (s[e] == ' ' || s[e] == '\t'))
                e++;
        if (e == c->len)
                *next = e;
        else if (s[e] == '\n')
                *next = e + 1;
        else if (s[e] == '\r' && e + 1 < c->len && s[e + 1] == '\n')
                *next = e + 2;
        else
                return false;
        *begin = b;
        return true;
}

/* {{=<% %>=}}: two new delimiters, no spaces or '=' in them. */
static enum gz_err
set_delimiters(struct compiler *c, uint32_t line, size_t from, size_t to, struct gz_str *open,
               struct gz_str *close)
{
        const char *s = c->src;
        trim(s, &from, &to);
        size_t a_end = from;
        while (a_end < to && !is_space(s[a_end]))
                a_end++;
        size_t b = a_end;
        while (b < to && is_space(s[b]))
                b++;
        if (a_end == from || b == to || b == a_end)
                return gz_fail(c->err, GZ_EINVAL,
                               "%s:%u: bad set-delimiter tag: it needs two delimiters, as in "
                               "{{=<%% %%>=}}",
                               c->name, line);
        for (size_t i = from; i < to; i++) {
                if (s[i] == '=' || (is_space(s[i]) && (i < a_end || i >= b)))
                        return gz_fail(c->err, GZ_EINVAL,
                                       "%s:%u: bad set-delimiter tag: delimiters cannot contain "
                                       "'=' or spaces, and there must be two",
                                       c->name, line);
        }
        *open = (struct gz_str){s + from, a_end - from};
        *close = (struct gz_str){s + b, to - b};
        return GZ_OK;
}

static enum gz_err
open_section(struct compiler *c, enum node_op op, uint32_t line, bool line_start, size_t from,
             size_t to)
{
        if (c->depth == TPL_MAX_NESTING)
                return gz_fail(c->err, GZ_EINVAL, "%s:%u: sections nested deeper than %d", c->name,
                               line, TPL_MAX_NESTING);
        struct node *n = add_node(c, op, line, line_start);
        if (n == NULL)
                return oom(c);
        enum gz_err e = compile_name(c, n, from, to);
        if (e != GZ_OK)
                return e;
        c->open[c->depth++] = (struct open_section){
            .node = c->t->nnodes - 1, .line = line, .name_off = from, .name_len = to - from};
        return GZ_OK;
}

static enum gz_err
close_section(struct compiler *c, uint32_t line, bool line_start, size_t from, size_t to)
{
        const char *s = c->src + from;
        size_t len = to - from;
        int shown = len > TPL_MSG_NAME ? TPL_MSG_NAME : (int)len;
        if (len == 0)
                return gz_fail(c->err, GZ_EINVAL, "%s:%u: empty tag name", c->name, line);
        if (c->depth == 0)
                return gz_fail(c->err, GZ_EINVAL, "%s:%u: closing tag \"%.*s\" has no open section",
                               c->name, line, shown, s);
        const struct open_section *o = &c->open[c->depth - 1];
        if (o->name_len != len || memcmp(c->src + o->name_off, s, len) != 0) {
                int oshown = o->name_len > TPL_MSG_NAME ? TPL_MSG_NAME : (int)o->name_len;
                return gz_fail(c->err, GZ_EINVAL,
                               "%s:%u: closing tag \"%.*s\" does not match section \"%.*s\" "
                               "opened on line %u",
                               c->name, line, shown, s, oshown, c->src + o->name_off, o->line);
        }
        uint32_t opener = o->node;
        enum node_op op =
            c->t->nodes[opener].op == NODE_SECTION ? NODE_END_SECTION : NODE_END_INVERTED;
        if (add_node(c, op, line, line_start) == NULL)
                return oom(c);
        c->t->nodes[opener].jump = c->t->nnodes;
        c->depth--;
        return GZ_OK;
}

static enum gz_err
add_partial(struct compiler *c, uint32_t line, bool line_start, size_t from, size_t to, bool alone,
            size_t indent_from, size_t indent_to)
{
        const char *s = c->src + from;
        size_t len = to - from;
        if (len == 0)
                return gz_fail(c->err, GZ_EINVAL, "%s:%u: empty partial name", c->name, line);
        for (size_t i = 0; i < len; i++)
                if (bad_name_byte(s[i]))
                        return gz_fail(c->err, GZ_EINVAL, "%s:%u: bad partial name \"%.*s\"",
                                       c->name, line, len > TPL_MSG_NAME ? TPL_MSG_NAME : (int)len,
                                       s);
        struct node *n = add_node(c, NODE_PARTIAL, line, line_start);
        if (n == NULL)
                return oom(c);
        uint32_t off;
        if (!pool_add(c->t, s, len, &off))
                return oom(c);
        n = &c->t->nodes[c->t->nnodes - 1];
        n->off = off;
        n->len = (uint32_t)len;
        n->hash = hash_name(s, len);
        if (alone) {
                n->flags |= NODE_STANDALONE;
                n->indent_off = (uint32_t)indent_from;
                n->indent_len = (uint32_t)(indent_to - indent_from);
        }
        return GZ_OK;
}

/* Finds the closing delimiter of a tag whose body starts at from; for {{{x}}}
 * and {{=a b=}} the close must follow a '}' or '=' inside the tag. */
static bool
find_close(const struct compiler *c, size_t from, struct gz_str close, char before,
           size_t *body_end, size_t *tag_end)
{
        size_t q = from;
        while (q < c->len) {
                const char *hit = memmem(c->src + q, c->len - q, close.p, close.n);
                if (hit == NULL)
                        return false;
                size_t i = (size_t)(hit - c->src);
                if (before == 0) {
                        *body_end = i;
                        *tag_end = i + close.n;
                        return true;
                }
                if (i > from && c->src[i - 1] == before) {
                        *body_end = i - 1;
                        *tag_end = i + close.n;
                        return true;
                }
                q = i + 1;
        }
        return false;
}

static enum gz_err
compile(struct compiler *c)
{
        const char *s = c->src;
        struct gz_str open = GZ_STR("{{"), close = GZ_STR("}}");
        size_t pos = 0, text_start = 0;
        enum gz_err e;

        while (pos < c->len) {
                const char *hit = memmem(s + pos, c->len - pos, open.p, open.n);
                if (hit == NULL)
                        break;
                size_t tag_start = (size_t)(hit - s);
                size_t body = tag_start + open.n;
                char kind = body < c->len ? s[body] : 0;
                switch (kind) {
                case '#':
                case '^':
                case '/':
                case '>':
                case '!':
                case '=':
                case '{':
                case '&':
                        body++;
                        break;
                default:
                        kind = 0;
                }
                uint32_t line = line_at(c, tag_start);
                char before = kind == '{' ? '}' : kind == '=' ? '=' : 0;
                size_t body_end, tag_end;
                if (!find_close(c, body, close, before, &body_end, &tag_end))
                        return gz_fail(c->err, GZ_EINVAL,
                                       "%s:%u: unclosed tag: no \"%s%.*s\" after \"%.*s\"", c->name,
                                       line,
                                       before == '}' ? "}"
                                       : before      ? "="
                                                     : "",
                                       (int)close.n, close.p, (int)open.n, open.p);

                bool may_stand = kind != 0 && kind != '{' && kind != '&';
                size_t line_begin = tag_start, next = tag_end;
                bool alone =
                    may_stand && standalone(c, text_start, tag_start, tag_end, &line_begin, &next);
                if ((e = emit_text(c, text_start, alone ? line_begin : tag_start)) != GZ_OK)
                        return e;
                bool line_start = !alone && begins_line(c, tag_start);
                size_t from = body, to = body_end;
                if (kind != '!' && kind != '=')
                        trim(s, &from, &to);

                switch (kind) {
                case '!':
                        c->pending_line_start |= line_start;
                        break;
                case '=':
                        if ((e = set_delimiters(c, line, from, to, &open, &close)) != GZ_OK)
                                return e;
                        c->pending_line_start |= line_start;
                        break;
                case '#':
                case '^':
                        e = open_section(c, kind == '#' ? NODE_SECTION : NODE_INVERTED, line,
                                         line_start, from, to);
                        if (e != GZ_OK)
                                return e;
                        break;
                case '/':
                        if ((e = close_section(c, line, line_start, from, to)) != GZ_OK)
                                return e;
                        break;
                case '>':
                        e = add_partial(c, line, line_start, from, to, alone, line_begin,
                                        tag_start);
                        if (e != GZ_OK)
                                return e;
                        break;
                default: {
                        struct node *n = add_node(c, NODE_VAR, line, line_start);
                        if (n == NULL)
                                return oom(c);
                        if (kind != 0)
                                n->flags |= NODE_RAW;
                        if ((e = compile_name(c, n, from, to)) != GZ_OK)
                                return e;
                        break;
                }
                }
                pos = text_start = next;
        }
        if ((e = emit_text(c, text_start, c->len)) != GZ_OK)
                return e;
        if (c->pending_line_start && add_node(c, NODE_TEXT, line_at(c, c->len), true) == NULL)
                return oom(c);
        if (c->depth > 0) {
                const struct open_section *o = &c->open[c->depth - 1];
                return gz_fail(
                    c->err, GZ_EINVAL, "%s:%u: section \"%.*s\" is never closed", c->name, o->line,
                    o->name_len > TPL_MSG_NAME ? TPL_MSG_NAME : (int)o->name_len, s + o->name_off);
        }
        return GZ_OK;
}

/* ---- the set ---------------------------------------------------------- */

struct gz_tpl_set *
gz_tpl_set_new(unsigned flags)
{
        struct gz_tpl_set *set = calloc(1, sizeof(*set));
        if (set == NULL)
                return NULL;
        set->flags = flags;
        set->max_output = TPL_DEFAULT_MAX_OUTPUT;
        set->max_steps = TPL_DEFAULT_MAX_STEPS;
        return set;
}

void
gz_tpl_set_free(struct gz_tpl_set *set)
{
        if (set == NULL)
                return;
        for (size_t i = 0; i < set->cap; i++)
                tpl_free(set->slots[i]);
        free(set->slots);
        free(set);
}

void
gz_tpl_set_limits(struct gz_tpl_set *set, size_t max_output, unsigned long max_steps)
{
        set->max_output = max_output ? max_output : TPL_DEFAULT_MAX_OUTPUT;
        set->max_steps = max_steps ? max_steps : TPL_DEFAULT_MAX_STEPS;
}

/* The slot holding name, or the empty slot where it would go. */
static size_t
find_slot(const struct gz_tpl_set *set, const char *name, size_t n, uint32_t hash)
{
        size_t mask = set->cap - 1;
        for (size_t i = hash & mask;; i = (i + 1) & mask) {
                const struct tpl *t = set->slots[i];
                if (t == NULL ||
                    (t->hash == hash && t->name_len == n && memcmp(t->name, name, n) == 0))
                        return i;
        }
}

static const struct tpl *
set_get(const struct gz_tpl_set *set, const char *name, size_t n, uint32_t hash)
{
        if (set->cap == 0)
                return NULL;
        return set->slots[find_slot(set, name, n, hash)];
}

static bool
set_grow(struct gz_tpl_set *set)
{
        size_t cap = set->cap ? set->cap * 2 : 16;
        struct tpl **old = set->slots;
        size_t old_cap = set->cap;
        set->slots = calloc(cap, sizeof(*set->slots));
        if (set->slots == NULL) {
                set->slots = old;
                return false;
        }
        set->cap = cap;
        for (size_t i = 0; i < old_cap; i++) {
                struct tpl *t = old[i];
                if (t != NULL)
                        set->slots[find_slot(set, t->name, t->name_len, t->hash)] = t;
        }
        free(old);
        return true;
}

enum gz_err
gz_tpl_set_add(struct gz_tpl_set *set, const char *name, const char *src, size_t len,
               struct gz_error *err)
{
        if (set == NULL || name == NULL || (src == NULL && len > 0))
                return gz_fail(err, GZ_EINVAL, "template: no set, name or source");
        if (len > TPL_MAX_SOURCE)
                return gz_fail(err, GZ_ETOOBIG, "%s: template is larger than %u bytes", name,
                               TPL_MAX_SOURCE);
        struct compiler *c = calloc(1, sizeof(*c));
        struct tpl *t = calloc(1, sizeof(*t));
        enum gz_err e = GZ_OK;
        if (c == NULL || t == NULL)
                goto nomem;
        size_t name_len = strlen(name);
        t->name = malloc(name_len + 1);
        t->pool_cap = len + 1 + len / 4 + 64;
        t->pool = malloc(t->pool_cap);
        if (t->name == NULL || t->pool == NULL)
                goto nomem;
        memcpy(t->name, name, name_len + 1);
        t->name_len = name_len;
        t->hash = hash_name(name, name_len);
        if (len)
                memcpy(t->pool, src, len);
        t->pool[len] = '\0';
        t->pool_len = len + 1;

        /* Scan the caller's bytes: the pool may move as names are added. */
        c->t = t;
        c->name = name;
        c->src = len ? src : "";
        c->len = len;
        c->err = err;
        c->line = 1;
        if ((e = compile(c)) != GZ_OK)
                goto fail;

        if ((set->count + 1) * 2 > set->cap && !set_grow(set))
                goto nomem;
        size_t slot = find_slot(set, name, name_len, t->hash);
        if (set->slots[slot] != NULL)
                tpl_free(set->slots[slot]);
        else
                set->count++;
        set->slots[slot] = t;
        free(c);
        return GZ_OK;
nomem:
        e = gz_fail(err, GZ_ENOMEM, "%s: out of memory compiling the template", name);
fail:
        tpl_free(t);
        free(c);
        return e;
}

bool
gz_tpl_set_has(const struct gz_tpl_set *set, const char *name)
{
        if (set == NULL || name == NULL)
                return false;
        size_t n = strlen(name);
        return set_get(set, name, n, hash_name(name, n)) != NULL;
}

/* ---- rendering ------------------------------------------------------- */

enum frame_kind {
        FRAME_ROOT,    /* the caller's context */
        FRAME_ONCE,    /* a section over one value */
        FRAME_LIST,    /* a section over a list's items */
        FRAME_PARTIAL, /* an included template; no context of its own */
        FRAME__MAX
};

struct frame {
        uint8_t kind;
        bool indented;            /* PARTIAL: its lines get an indent */
        const struct gz_val *ctx; /* NULL when the frame adds no context */
        const struct gz_val *list;
        size_t index;
        uint32_t body; /* LIST: first node of the section's body */
        /* PARTIAL: where to go back to, and the indent of its lines: its own
         * plus, for a standalone partial, that of the partial around it. */
        const struct tpl *caller;
        uint32_t resume;
        int32_t outer_partial;
        int32_t indent_parent;
        const char *indent;
        uint32_t indent_len;
};

struct renderer {
        const struct gz_tpl_set *set;
        struct gz_buf *out;
        struct gz_error *err;
        struct frame *frames;
        size_t top, cap; /* frames[top] is the innermost */
        struct frame small[32];
};

static bool
push(struct renderer *r, struct frame f)
{
        if (r->top + 1 == r->cap) {
                size_t cap = r->cap * 2;
                struct frame *p = malloc(cap * sizeof(*p));
                if (p == NULL)
                        return false;
                memcpy(p, r->frames, r->cap * sizeof(*p));
                if (r->frames != r->small)
                        free(r->frames);
                r->frames = p;
                r->cap = cap;
        }
        r->frames[++r->top] = f;
        return true;
}

static const struct gz_val *
item_at(const struct gz_val *list, size_t i)
{
        const struct gz_val *v = list->u.list.items[i];
        return v != NULL ? v : gz_val_null();
}

/* Looks a key up in an object; a key set to NULL counts as present. */
static bool
obj_find(const struct gz_val *obj, const char *key, const struct gz_val **out)
{
        for (size_t i = 0; i < obj->u.obj.count; i++) {
                const char *k = obj->u.obj.keys[i];
                if (k[0] == key[0] && strcmp(k, key) == 0) {
                        *out = obj->u.obj.vals[i];
                        return true;
                }
        }
        return false;
}

/* The first part of a name is looked up through the context stack, the rest
 * only inside what it found (the spec: a broken chain is a miss). */
static const struct gz_val *
lookup(const struct renderer *r, const struct tpl *t, const struct node *n)
{
        if (n->nparts == 0) {
                for (size_t i = r->top + 1; i-- > 0;)
                        if (r->frames[i].ctx != NULL)
                                return r->frames[i].ctx;
                return NULL;
        }
        const struct part *parts = &t->parts[n->part];
        const struct gz_val *v = NULL;
        bool found = false;
        for (size_t i = r->top + 1; i-- > 0 && !found;) {
                const struct gz_val *ctx = r->frames[i].ctx;
                if (ctx != NULL && ctx->type == GZ_VAL_OBJ)
                        found = obj_find(ctx, t->pool + parts[0].off, &v);
        }
        for (uint16_t k = 1; found && k < n->nparts; k++) {
                if (v == NULL || v->type != GZ_VAL_OBJ)
                        return NULL;
                found = obj_find(v, t->pool + parts[k].off, &v);
        }
        return found ? v : NULL;
}

static void
put_double(struct gz_buf *out, double d)
{
        /* The shortest form that reads back as the same double: 1.21, not
         * 1.2099999999999999645. */
        char tmp[40];
        for (int prec = 15; prec <= 17; prec++) {
                snprintf(tmp, sizeof(tmp), "%.*g", prec, d);
                if (strtod(tmp, NULL) == d)
                        break;
        }
        gz_buf_puts(out, tmp);
}

static void
put_value(const struct renderer *r, const struct gz_val *v, bool raw)
{
        if (v == NULL)
                return;
        switch (v->type) {
        case GZ_VAL_BOOL:
                gz_buf_puts(r->out, v->u.b ? "true" : "false");
                break;
        case GZ_VAL_INT:
                gz_buf_printf(r->out, "%lld", v->u.i);
                break;
        case GZ_VAL_DOUBLE:
                put_double(r->out, v->u.d);
                break;
        case GZ_VAL_STR:
                if (raw && !(r->set->flags & GZ_TPL_STRICT))
                        gz_buf_put(r->out, v->u.s.p, v->u.s.n);
                else
                        gz_html_escape(r->out, v->u.s.p, v->u.s.n);
                break;
        case GZ_VAL_HTML:
                gz_buf_put(r->out, v->u.s.p, v->u.s.n);
                break;
        default: /* null, lists and objects print nothing */
                break;
        }
}

static void
put_indent(const struct renderer *r, int32_t partial)
{
        const struct frame *f = &r->frames[partial];
        if (f->indent_parent >= 0)
                put_indent(r, f->indent_parent);
        gz_buf_put(r->out, f->indent, f->indent_len);
}

/* Text inside an indented partial gets the indent after each of its inner
 * newlines; a newline that ends the text is left to the next node, which
 * knows whether a line of the partial follows. */
static void
put_text(const struct renderer *r, const char *p, size_t n, int32_t partial)
{
        if (partial < 0 || !r->frames[partial].indented) {
                gz_buf_put(r->out, p, n);
                return;
        }
        size_t start = 0;
        for (size_t i = 0; i + 1 < n; i++) {
                if (p[i] != '\n')
                        continue;
                gz_buf_put(r->out, p + start, i + 1 - start);
                put_indent(r, partial);
                start = i + 1;
        }
        gz_buf_put(r->out, p + start, n - start);
}

static enum gz_err
run(struct renderer *r, const struct tpl *root, const struct gz_val *context)
{
        const struct tpl *t = root;
        uint32_t pc = 0;
        int32_t partial = -1; /* the innermost partial frame, -1 at the root */
        int depth = 0;
        size_t start = r->out->len;
        unsigned long steps = 0;

        r->frames[0] = (struct frame){.kind = FRAME_ROOT, .ctx = context};
        for (;;) {
                if (pc >= t->nnodes) {
                        if (partial < 0)
                                return GZ_OK;
                        const struct frame *f = &r->frames[partial];
                        t = f->caller;
                        pc = f->resume;
                        partial = f->outer_partial;
                        depth--;
                        r->top--;
                        continue;
                }
                if (++steps > r->set->max_steps || r->out->len - start > r->set->max_output)
                        return gz_fail(r->err, GZ_ETOOBIG,
                                       "%s:%u: rendering %s is over its limit (%lu steps, %zu "
                                       "bytes); is a partial or a section running away?",
                                       t->name, t->nodes[pc].line, root->name, r->set->max_steps,
                                       r->set->max_output);
                const struct node *n = &t->nodes[pc];
                if ((n->flags & NODE_LINE_START) && partial >= 0 && r->frames[partial].indented)
                        put_indent(r, partial);
                switch ((enum node_op)n->op) {
                case NODE_TEXT:
                        put_text(r, t->pool + n->off, n->len, partial);
                        pc++;
                        break;
                case NODE_VAR:
                        put_value(r, lookup(r, t, n), n->flags & NODE_RAW);
                        pc++;
                        break;
                case NODE_SECTION: {
                        const struct gz_val *v = lookup(r, t, n);
                        if (!gz_val_truthy(v)) {
                                pc = n->jump;
                                break;
                        }
                        struct frame f = {.kind = FRAME_ONCE, .ctx = v};
                        if (v->type == GZ_VAL_LIST) {
                                f.kind = FRAME_LIST;
                                f.list = v;
                                f.ctx = item_at(v, 0);
                                f.body = pc + 1;
                        }
                        if (!push(r, f))
                                goto nomem;
                        pc++;
                        break;
                }
                case NODE_INVERTED:
                        pc = gz_val_truthy(lookup(r, t, n)) ? n->jump : pc + 1;
                        break;
                case NODE_END_SECTION: {
                        struct frame *f = &r->frames[r->top];
                        if (f->kind == FRAME_LIST && ++f->index < f->list->u.list.count) {
                                f->ctx = item_at(f->list, f->index);
                                pc = f->body;
                        } else {
                                r->top--;
                                pc++;
                        }
                        break;
                }
                case NODE_END_INVERTED:
                        pc++;
                        break;
                case NODE_PARTIAL: {
                        const struct tpl *p = set_get(r->set, t->pool + n->off, n->len, n->hash);
                        if (p == NULL) {
                                pc++;
                                break;
                        }
                        if (depth == TPL_MAX_PARTIAL_DEPTH)
                                return gz_fail(r->err, GZ_ETOOBIG,
                                               "%s:%u: partials nested deeper than %d (does "
                                               "\"%s\" include itself without end?)",
                                               t->name, n->line, TPL_MAX_PARTIAL_DEPTH, p->name);
                        struct frame f = {.kind = FRAME_PARTIAL,
                                          .caller = t,
                                          .resume = pc + 1,
                                          .outer_partial = partial,
                                          .indent_parent = -1,
                                          .indent = "",
                                          .indent_len = 0};
                        if (n->flags & NODE_STANDALONE) {
                                f.indent = t->pool + n->indent_off;
                                f.indent_len = n->indent_len;
                                f.indent_parent = partial;
                                f.indented = n->indent_len > 0 ||
                                             (partial >= 0 && r->frames[partial].indented);
                        }
                        if (!push(r, f))
                                goto nomem;
                        partial = (int32_t)r->top;
                        depth++;
                        t = p;
                        pc = 0;
                        break;
                }
                default:
                        return gz_fail(r->err, GZ_ECORRUPT, "%s: bad compiled node", t->name);
                }
        }
nomem:
        return gz_fail(r->err, GZ_ENOMEM, "%s: out of memory rendering", root->name);
}

enum gz_err
gz_tpl_render(const struct gz_tpl_set *set, const char *name, const struct gz_val *context,
              struct gz_buf *out, struct gz_error *err)
{
        if (set == NULL || name == NULL || out == NULL)
                return gz_fail(err, GZ_EINVAL, "template: no set, name or output");
        size_t n = strlen(name);
        const struct tpl *t = set_get(set, name, n, hash_name(name, n));
        if (t == NULL)
                return gz_fail(err, GZ_ENOTFOUND, "%s: no such template", name);
        struct renderer r = {.set = set, .out = out, .err = err};
        r.frames = r.small;
        r.cap = GZ_ARRAY_LEN(r.small);
        size_t start = out->len;
        enum gz_err e = run(&r, t, context != NULL ? context : gz_val_null());
        if (r.frames != r.small)
                free(r.frames);
        if (e != GZ_OK)
                gz_buf_truncate(out, start); /* never half a page */
        return e;
}
