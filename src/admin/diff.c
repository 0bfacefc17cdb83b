/* A line diff for revisions and stale saves: common lines at both ends
 * trimmed, a longest-common-subsequence table for the middle (bounded: a
 * middle too large is shown as removed and added whole), and unchanged
 * runs shortened to a few lines of context. */
#include <string.h>

#include "admin_internal.h"

#define MAX_CELLS (2 * 1000 * 1000)
#define CONTEXT 2

struct lines {
        const char **text;
        size_t *len;
        size_t n;
};

static void
split_lines(struct gz_arena *a, const char *s, struct lines *out)
{
        size_t cap = 0;
        out->n = 0;
        out->text = NULL;
        out->len = NULL;
        size_t len_cap = 0;
        for (const char *p = s; *p;) {
                const char *end = strchr(p, '\n');
                size_t n = end ? (size_t)(end - p) : strlen(p);
                if (n > 0 && p[n - 1] == '\r')
                        n--;
                out->text = gz_arena_grow(a, out->text, out->n, &cap, sizeof(*out->text));
                out->len = gz_arena_grow(a, out->len, out->n, &len_cap, sizeof(*out->len));
                out->text[out->n] = p;
                out->len[out->n] = n;
                out->n++;
                p = end ? end + 1 : p + n;
        }
}

static bool
same(const struct lines *a, size_t i, const struct lines *b, size_t k)
{
        return a->len[i] == b->len[k] && memcmp(a->text[i], b->text[k], a->len[i]) == 0;
}

enum op { SAME, DEL, ADD };

struct row {
        enum op op;
        const char *text;
        size_t len;
};

static void
push(struct gz_arena *a, struct row **rows, size_t *n, size_t *cap, enum op op, const char *t,
     size_t len)
{
        *rows = gz_arena_grow(a, *rows, *n, cap, sizeof(**rows));
        (*rows)[(*n)++] = (struct row){op, t, len};
}

struct gz_val *
gz_admin_diff(struct gz_arena *a, const char *old_text, const char *new_text)
{
        struct lines o, w;
        split_lines(a, old_text, &o);
        split_lines(a, new_text, &w);
        size_t pre = 0;
        while (pre < o.n && pre < w.n && same(&o, pre, &w, pre))
                pre++;
        size_t suf = 0;
        while (suf < o.n - pre && suf < w.n - pre && same(&o, o.n - 1 - suf, &w, w.n - 1 - suf))
                suf++;
        size_t on = o.n - pre - suf, wn = w.n - pre - suf;
        struct row *rows = NULL;
        size_t count = 0, cap = 0;
        for (size_t i = 0; i < pre; i++)
                push(a, &rows, &count, &cap, SAME, o.text[i], o.len[i]);
        if ((on + 1) * (wn + 1) <= MAX_CELLS) {
                /* lcs[i][k]: common lines of o[pre+i..] and w[pre+k..]. */
                unsigned *lcs = gz_arena_zalloc(a, (on + 1) * (wn + 1) * sizeof(unsigned));
#define L(i, k) lcs[(i) * (wn + 1) + (k)]
                for (size_t i = on; i-- > 0;)
                        for (size_t k = wn; k-- > 0;)
                                L(i, k) =
                                    same(&o, pre + i, &w, pre + k)
                                        ? L(i + 1, k + 1) + 1
                                        : (L(i + 1, k) > L(i, k + 1) ? L(i + 1, k) : L(i, k + 1));
                size_t i = 0, k = 0;
                while (i < on || k < wn) {
                        if (i < on && k < wn && same(&o, pre + i, &w, pre + k)) {
                                push(a, &rows, &count, &cap, SAME, o.text[pre + i], o.len[pre + i]);
                                i++, k++;
                        } else if (k < wn && (i == on || L(i, k + 1) >= L(i + 1, k))) {
                                push(a, &rows, &count, &cap, ADD, w.text[pre + k], w.len[pre + k]);
                                k++;
                        } else {
                                push(a, &rows, &count, &cap, DEL, o.text[pre + i], o.len[pre + i]);
                                i++;
                        }
                }
#undef L
        } else {
                for (size_t i = 0; i < on; i++)
                        push(a, &rows, &count, &cap, DEL, o.text[pre + i], o.len[pre + i]);
                for (size_t k = 0; k < wn; k++)
                        push(a, &rows, &count, &cap, ADD, w.text[pre + k], w.len[pre + k]);
        }
        for (size_t i = o.n - suf; i < o.n; i++)
                push(a, &rows, &count, &cap, SAME, o.text[i], o.len[i]);

        /* Keep changes and CONTEXT lines around them; mark what is skipped. */
        struct gz_val *out = gz_val_list(a);
        size_t changes = 0;
        for (size_t i = 0; i < count; i++) {
                bool near = false;
                for (size_t d = i >= CONTEXT ? i - CONTEXT : 0; d <= i + CONTEXT && d < count; d++)
                        near |= rows[d].op != SAME;
                if (rows[i].op != SAME)
                        changes++;
                if (!near) {
                        if (out->u.list.count == 0 ||
                            gz_obj_get(out->u.list.items[out->u.list.count - 1], "skip") == NULL) {
                                struct gz_val *skip = gz_val_obj(a);
                                gz_obj_set_bool(skip, "skip", true);
                                gz_list_push(out, skip);
                        }
                        continue;
                }
                struct gz_val *r = gz_val_obj(a);
                static const char *const names[] = {"same", "del", "add"};
                gz_obj_set_str(r, "op", names[rows[i].op]);
                gz_obj_set_str(r, "sign", rows[i].op == ADD ? "+" : rows[i].op == DEL ? "-" : " ");
                gz_obj_set(r, "text", gz_val_strn(a, rows[i].text, rows[i].len));
                gz_list_push(out, r);
        }
        if (changes == 0) {
                out = gz_val_list(a);
        }
        return out;
}
