/* Values for templates: a small tree allocated in the request's arena. */
#include <string.h>

#include "render.h"

static struct gz_val null_val = {.type = GZ_VAL_NULL};
static struct gz_val true_val = {.type = GZ_VAL_BOOL, .u.b = true};
static struct gz_val false_val = {.type = GZ_VAL_BOOL, .u.b = false};

struct gz_val *
gz_val_null(void)
{
        return &null_val;
}

struct gz_val *
gz_val_bool(bool b)
{
        return b ? &true_val : &false_val;
}

static struct gz_val *
val_new(struct gz_arena *a, enum gz_val_type type)
{
        struct gz_val *v = GZ_NEW(a, struct gz_val);
        v->type = type;
        v->arena = a;
        return v;
}

struct gz_val *
gz_val_int(struct gz_arena *a, long long i)
{
        struct gz_val *v = val_new(a, GZ_VAL_INT);
        v->u.i = i;
        return v;
}

struct gz_val *
gz_val_double(struct gz_arena *a, double d)
{
        struct gz_val *v = val_new(a, GZ_VAL_DOUBLE);
        v->u.d = d;
        return v;
}

struct gz_val *
gz_val_strn(struct gz_arena *a, const char *s, size_t n)
{
        if (s == NULL)
                return &null_val;
        struct gz_val *v = val_new(a, GZ_VAL_STR);
        v->u.s.p = s;
        v->u.s.n = n;
        return v;
}

struct gz_val *
gz_val_str(struct gz_arena *a, const char *s)
{
        return gz_val_strn(a, s, s ? strlen(s) : 0);
}

struct gz_val *
gz_val_html(struct gz_arena *a, const char *s)
{
        if (s == NULL)
                return &null_val;
        struct gz_val *v = val_new(a, GZ_VAL_HTML);
        v->u.s.p = s;
        v->u.s.n = strlen(s);
        return v;
}

struct gz_val *
gz_val_list(struct gz_arena *a)
{
        return val_new(a, GZ_VAL_LIST);
}

struct gz_val *
gz_val_obj(struct gz_arena *a)
{
        return val_new(a, GZ_VAL_OBJ);
}

void
gz_list_push(struct gz_val *list, struct gz_val *item)
{
        if (list->u.list.count == list->u.list.cap) {
                size_t cap = list->u.list.cap ? list->u.list.cap * 2 : 8;
                struct gz_val **items = gz_arena_alloc(list->arena, cap * sizeof(*items));
                if (list->u.list.count)
                        memcpy(items, list->u.list.items, list->u.list.count * sizeof(*items));
                list->u.list.items = items;
                list->u.list.cap = cap;
        }
        list->u.list.items[list->u.list.count++] = item;
}

void
gz_obj_set(struct gz_val *obj, const char *key, struct gz_val *v)
{
        for (size_t i = 0; i < obj->u.obj.count; i++) {
                if (strcmp(obj->u.obj.keys[i], key) == 0) {
                        obj->u.obj.vals[i] = v;
                        return;
                }
        }
        if (obj->u.obj.count == obj->u.obj.cap) {
                size_t cap = obj->u.obj.cap ? obj->u.obj.cap * 2 : 8;
                const char **keys = gz_arena_alloc(obj->arena, cap * sizeof(*keys));
                struct gz_val **vals = gz_arena_alloc(obj->arena, cap * sizeof(*vals));
                if (obj->u.obj.count) {
                        memcpy(keys, obj->u.obj.keys, obj->u.obj.count * sizeof(*keys));
                        memcpy(vals, obj->u.obj.vals, obj->u.obj.count * sizeof(*vals));
                }
                obj->u.obj.keys = keys;
                obj->u.obj.vals = vals;
                obj->u.obj.cap = cap;
        }
        obj->u.obj.keys[obj->u.obj.count] = key;
        obj->u.obj.vals[obj->u.obj.count] = v;
        obj->u.obj.count++;
}

void
gz_obj_set_str(struct gz_val *obj, const char *key, const char *s)
{
        gz_obj_set(obj, key, gz_val_str(obj->arena, s));
}

void
gz_obj_set_int(struct gz_val *obj, const char *key, long long i)
{
        gz_obj_set(obj, key, gz_val_int(obj->arena, i));
}

void
gz_obj_set_bool(struct gz_val *obj, const char *key, bool b)
{
        gz_obj_set(obj, key, gz_val_bool(b));
}

void
gz_obj_set_html(struct gz_val *obj, const char *key, const char *html)
{
        gz_obj_set(obj, key, gz_val_html(obj->arena, html));
}

struct gz_val *
gz_obj_get(const struct gz_val *obj, const char *key)
{
        if (obj == NULL || obj->type != GZ_VAL_OBJ)
                return NULL;
        for (size_t i = 0; i < obj->u.obj.count; i++)
                if (strcmp(obj->u.obj.keys[i], key) == 0)
                        return obj->u.obj.vals[i];
        return NULL;
}

bool
gz_val_truthy(const struct gz_val *v)
{
        if (v == NULL)
                return false;
        switch (v->type) {
        case GZ_VAL_NULL:
                return false;
        case GZ_VAL_BOOL:
                return v->u.b;
        case GZ_VAL_LIST:
                return v->u.list.count > 0;
        case GZ_VAL_STR:
        case GZ_VAL_HTML:
                return v->u.s.n > 0;
        default:
                return true;
        }
}
