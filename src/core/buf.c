/* Growable byte buffers, in an arena or on the heap. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core.h"

void
gz_buf_init(struct gz_buf *b, struct gz_arena *arena)
{
        b->data = NULL;
        b->len = 0;
        b->cap = 0;
        b->arena = arena;
}

void
gz_buf_free(struct gz_buf *b)
{
        if (b->arena == NULL)
                free(b->data);
        b->data = NULL;
        b->len = b->cap = 0;
}

void
gz_buf_reserve(struct gz_buf *b, size_t extra)
{
        if (extra > SIZE_MAX / 2 - b->len)
                gz_oom(__FILE__, __LINE__);
        size_t need = b->len + extra + 1;
        if (need <= b->cap)
                return;
        size_t cap = b->cap ? b->cap : 256;
        while (cap < need)
                cap *= 2;
        if (b->arena != NULL) {
                char *p = gz_arena_alloc(b->arena, cap);
                if (b->len)
                        memcpy(p, b->data, b->len);
                b->data = p;
        } else {
                b->data = gz_xrealloc(b->data, cap);
        }
        b->cap = cap;
        b->data[b->len] = '\0';
}

void
gz_buf_put(struct gz_buf *b, const void *p, size_t n)
{
        gz_buf_reserve(b, n);
        if (n)
                memcpy(b->data + b->len, p, n);
        b->len += n;
        b->data[b->len] = '\0';
}

void
gz_buf_puts(struct gz_buf *b, const char *s)
{
        gz_buf_put(b, s, strlen(s));
}

void
gz_buf_putc(struct gz_buf *b, char c)
{
        gz_buf_reserve(b, 1);
        b->data[b->len++] = c;
        b->data[b->len] = '\0';
}

void
gz_buf_vprintf(struct gz_buf *b, const char *fmt, va_list ap)
{
        /* Format into the free space; grow and format again if it was short. */
        gz_buf_reserve(b, 64);
        va_list copy;
        va_copy(copy, ap);
        int n = vsnprintf(b->data + b->len, b->cap - b->len, fmt, copy);
        va_end(copy);
        if (n <= 0) {
                b->data[b->len] = '\0';
                return;
        }
        if ((size_t)n >= b->cap - b->len) {
                gz_buf_reserve(b, (size_t)n);
                vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
        }
        b->len += (size_t)n;
}

void
gz_buf_printf(struct gz_buf *b, const char *fmt, ...)
{
        va_list ap;
        va_start(ap, fmt);
        gz_buf_vprintf(b, fmt, ap);
        va_end(ap);
}

void
gz_buf_truncate(struct gz_buf *b, size_t len)
{
        if (len < b->len) {
                b->len = len;
                b->data[len] = '\0';
        }
}

char *
gz_buf_detach(struct gz_buf *b, size_t *len)
{
        if (b->data == NULL)
                gz_buf_reserve(b, 0);
        char *p = b->data;
        if (len != NULL)
                *len = b->len;
        b->data = NULL;
        b->len = b->cap = 0;
        return p;
}
