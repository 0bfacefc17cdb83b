/* Allocation that aborts on exhaustion, and the per-request arena. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core.h"

_Noreturn void
gz_oom(const char *file, int line)
{
        fprintf(stderr, "gazette: out of memory at %s:%d\n", file, line);
        abort();
}

void *
gz_xmalloc_at(size_t n, const char *file, int line)
{
        void *p = malloc(n ? n : 1);
        if (p == NULL)
                gz_oom(file, line);
        return p;
}

void *
gz_xcalloc_at(size_t count, size_t n, const char *file, int line)
{
        void *p = calloc(count ? count : 1, n ? n : 1);
        if (p == NULL)
                gz_oom(file, line);
        return p;
}

void *
gz_xrealloc_at(void *p, size_t n, const char *file, int line)
{
        void *q = realloc(p, n ? n : 1);
        if (q == NULL)
                gz_oom(file, line);
        return q;
}

char *
gz_xstrdup_at(const char *s, const char *file, int line)
{
        size_t n = strlen(s) + 1;
        char *p = gz_xmalloc_at(n, file, line);
        memcpy(p, s, n);
        return p;
}

/* ---- arena ----------------------------------------------------------- */

struct arena_block {
        struct arena_block *next;
        size_t size;
        size_t used;
        _Alignas(16) unsigned char data[];
};

struct gz_arena {
        struct arena_block *head;  /* block being filled */
        struct arena_block *first; /* kept across resets */
        size_t block_size;
        size_t total;
};

static struct arena_block *
block_new(size_t size)
{
        struct arena_block *b = gz_xmalloc(sizeof(*b) + size);
        b->next = NULL;
        b->size = size;
        b->used = 0;
        return b;
}

struct gz_arena *
gz_arena_new(size_t first_block)
{
        struct gz_arena *a = gz_xcalloc(1, sizeof(*a));
        a->block_size = first_block < 1024 ? 1024 : first_block;
        a->first = a->head = block_new(a->block_size);
        return a;
}

static void
free_chain(struct arena_block *b, struct arena_block *stop)
{
        while (b != NULL && b != stop) {
                struct arena_block *next = b->next;
                free(b);
                b = next;
        }
}

void
gz_arena_free(struct gz_arena *a)
{
        if (a == NULL)
                return;
        free_chain(a->head, NULL);
        free(a);
}

void
gz_arena_reset(struct gz_arena *a)
{
        /* Blocks are chained newest first, so the first block is the tail. */
        free_chain(a->head, a->first);
        a->first->next = NULL;
        a->first->used = 0;
        a->head = a->first;
        a->total = 0;
}

void *
gz_arena_alloc(struct gz_arena *a, size_t n)
{
        n = (n + 15) & ~(size_t)15;
        if (n == 0)
                n = 16;
        struct arena_block *b = a->head;
        if (b->size - b->used < n) {
                size_t size = a->block_size;
                while (size < n)
                        size *= 2;
                /* Grow block sizes so big pages need few blocks. */
                if (a->block_size < 1024 * 1024)
                        a->block_size *= 2;
                b = block_new(size);
                b->next = a->head;
                a->head = b;
        }
        void *p = b->data + b->used;
        b->used += n;
        a->total += n;
        return p;
}

void *
gz_arena_zalloc(struct gz_arena *a, size_t n)
{
        void *p = gz_arena_alloc(a, n);
        memset(p, 0, n);
        return p;
}

char *
gz_arena_strndup(struct gz_arena *a, const char *s, size_t n)
{
        char *p = gz_arena_alloc(a, n + 1);
        memcpy(p, s, n);
        p[n] = '\0';
        return p;
}

char *
gz_arena_strdup(struct gz_arena *a, const char *s)
{
        if (s == NULL)
                return NULL;
        return gz_arena_strndup(a, s, strlen(s));
}

char *
gz_arena_vprintf(struct gz_arena *a, const char *fmt, va_list ap)
{
        /* Most strings fit a small buffer: format once, copy. */
        char small[256];
        va_list copy;
        va_copy(copy, ap);
        int n = vsnprintf(small, sizeof(small), fmt, copy);
        va_end(copy);
        if (n < 0)
                n = 0;
        char *p = gz_arena_alloc(a, (size_t)n + 1);
        if ((size_t)n < sizeof(small))
                memcpy(p, small, (size_t)n + 1);
        else
                vsnprintf(p, (size_t)n + 1, fmt, ap);
        return p;
}

char *
gz_arena_printf(struct gz_arena *a, const char *fmt, ...)
{
        va_list ap;
        va_start(ap, fmt);
        char *p = gz_arena_vprintf(a, fmt, ap);
        va_end(ap);
        return p;
}

size_t
gz_arena_used(const struct gz_arena *a)
{
        return a->total;
}

void *
gz_arena_grow(struct gz_arena *a, void *array, size_t count, size_t *cap, size_t elem)
{
        if (array != NULL && count < *cap)
                return array;
        size_t bigger = *cap ? *cap * 2 : 8;
        void *p = gz_arena_alloc(a, bigger * elem);
        if (count)
                memcpy(p, array, count * elem);
        *cap = bigger;
        return p;
}
