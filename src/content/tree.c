/* The section tree, held as a flat list with parents before children. */
#include <string.h>

#include "content.h"

const struct gz_section *
gz_tree_find(const struct gz_section_tree *t, int64_t id)
{
        for (size_t i = 0; i < t->count; i++)
                if (t->sections[i].id == id)
                        return &t->sections[i];
        return NULL;
}

const struct gz_section *
gz_tree_find_path(const struct gz_section_tree *t, const char *path)
{
        for (size_t i = 0; i < t->count; i++)
                if (strcmp(t->sections[i].path, path) == 0)
                        return &t->sections[i];
        return NULL;
}

size_t
gz_tree_subtree(const struct gz_section_tree *t, int64_t id, struct gz_arena *a, int64_t **ids)
{
        int64_t *list = GZ_NEW_ARRAY(a, int64_t, t->count + 1);
        size_t n = 0;
        list[n++] = id;
        /* Parents come first, so one pass collects every descendant. */
        for (size_t i = 0; i < t->count; i++) {
                for (size_t k = 0; k < n; k++) {
                        if (t->sections[i].parent_id == list[k] && t->sections[i].id != id) {
                                list[n++] = t->sections[i].id;
                                break;
                        }
                }
        }
        *ids = list;
        return n;
}

size_t
gz_tree_chain(const struct gz_section_tree *t, int64_t id, const struct gz_section **chain,
              size_t max)
{
        const struct gz_section *rev[16];
        size_t n = 0;
        const struct gz_section *s = gz_tree_find(t, id);
        while (s != NULL && n < GZ_ARRAY_LEN(rev)) {
                rev[n++] = s;
                s = s->parent_id ? gz_tree_find(t, s->parent_id) : NULL;
        }
        size_t out = 0;
        for (size_t i = n; i > 0 && out < max; i--)
                chain[out++] = rev[i - 1];
        return out;
}
