/* The theme: templates compiled once, strings per language, and assets
 * served under fingerprinted names. Built into the binary; any file of the
 * same name in DIR/theme/ takes its place. */
#include <dirent.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "site_internal.h"

#define MAX_THEME_FILE (4 * 1024 * 1024)

static const struct {
        const char *ext;
        const char *type;
} asset_types[] = {
    {".css", "text/css; charset=utf-8"},
    {".js", "text/javascript; charset=utf-8"},
    {".svg", "image/svg+xml"},
    {".png", "image/png"},
    {".ico", "image/x-icon"},
    {".woff2", "font/woff2"},
    {".txt", "text/plain; charset=utf-8"},
};

static const char *
asset_type(const char *name)
{
        const char *dot = strrchr(name, '.');
        for (size_t i = 0; dot && i < GZ_ARRAY_LEN(asset_types); i++)
                if (strcmp(dot, asset_types[i].ext) == 0)
                        return asset_types[i].type;
        return "application/octet-stream";
}

/* A theme file: the site's own copy if it has one, else the built-in one. */
static bool
read_file(const char *site_dir, const struct gz_embedded_file *f, char **data, size_t *len,
          bool *owned)
{
        if (site_dir != NULL) {
                char *path = NULL;
                if (asprintf(&path, "%s/theme/%s", site_dir, f->name) > 0) {
                        char *copy;
                        size_t n;
                        if (gz_file_read(path, MAX_THEME_FILE, &copy, &n, NULL) == GZ_OK) {
                                free(path);
                                *data = copy;
                                *len = n;
                                *owned = true;
                                return true;
                        }
                        free(path);
                }
        }
        *data = (char *)(uintptr_t)f->data;
        *len = f->len;
        *owned = false;
        return true;
}

static void
fingerprint(const char *data, size_t len, char out[11])
{
        uint64_t h = gz_hash64(data, len);
        static const char digits[] = "0123456789abcdefghijklmnopqrstuv";
        for (int i = 0; i < 10; i++)
                out[i] = digits[(h >> (i * 5)) & 31];
        out[10] = '\0';
}

static void
add_asset(struct gz_theme *theme, const char *name, const char *data, size_t len)
{
        char hash[11];
        fingerprint(data, len, hash);
        const char *dot = strrchr(name, '.');
        size_t stem = dot ? (size_t)(dot - name) : strlen(name);
        struct gz_asset *as;
        theme->assets = gz_xrealloc(theme->assets, (theme->asset_count + 1) * sizeof(*as));
        as = &theme->assets[theme->asset_count++];
        as->name = gz_xstrdup(name);
        if (asprintf(&as->url, "/assets/%.*s.%s%s", (int)stem, name, hash, dot ? dot : "") < 0)
                gz_oom(__FILE__, __LINE__);
        struct gz_resp resp;
        gz_resp_init(&resp);
        gz_resp_body(&resp, 200, asset_type(name), data, len);
        gz_resp_header(&resp, "Cache-Control", "public, max-age=31536000, immutable");
        char etag[16];
        snprintf(etag, sizeof(etag), "\"%s\"", hash);
        gz_resp_header(&resp, "ETag", etag);
        gz_resp_header(&resp, "X-Content-Type-Options", "nosniff");
        as->frozen = gz_http_freeze(&resp);
}

static enum gz_err
add_strings(struct gz_theme *theme, const char *file, const char *data, size_t len,
            struct gz_error *err)
{
        json_error_t jerr;
        json_t *root = json_loadb(data, len, 0, &jerr);
        if (root == NULL || !json_is_object(root)) {
                json_decref(root);
                return gz_fail(err, GZ_EINVAL, "theme/%s:%d: %s", file, jerr.line, jerr.text);
        }
        /* "strings/fa.json" -> "fa" */
        const char *base = strrchr(file, '/') ? strrchr(file, '/') + 1 : file;
        size_t code_len = strcspn(base, ".");
        char *code = gz_arena_strndup(theme->arena, base, code_len);
        struct gz_val *obj = gz_val_obj(theme->arena);
        const char *key;
        json_t *value;
        json_object_foreach(root, key, value)
        {
                if (json_is_string(value))
                        gz_obj_set(
                            obj, gz_arena_strdup(theme->arena, key),
                            gz_val_str(theme->arena,
                                       gz_arena_strdup(theme->arena, json_string_value(value))));
        }
        json_decref(root);
        gz_obj_set(theme->strings, code, obj);
        return GZ_OK;
}

static bool
has_suffix(const char *s, const char *suffix)
{
        size_t n = strlen(s), k = strlen(suffix);
        return n >= k && strcmp(s + n - k, suffix) == 0;
}

static enum gz_err
add_file(struct gz_theme *theme, const char *name, const char *data, size_t len,
         struct gz_error *err)
{
        if (strncmp(name, "templates/", 10) == 0 && has_suffix(name, ".mustache")) {
                char tpl[256];
                snprintf(tpl, sizeof(tpl), "%.*s", (int)(strlen(name) - 10 - 9), name + 10);
                struct gz_error terr;
                if (gz_tpl_set_add(theme->templates, tpl, data, len, &terr) != GZ_OK)
                        return gz_fail(err, GZ_EINVAL, "theme/%s: %s", name, terr.msg);
                return GZ_OK;
        }
        if (strncmp(name, "strings/", 8) == 0 && has_suffix(name, ".json"))
                return add_strings(theme, name, data, len, err);
        if (strncmp(name, "assets/", 7) == 0) {
                add_asset(theme, name + 7, data, len);
                return GZ_OK;
        }
        return GZ_OK;
}

/* Files that exist only in the site's theme folder (new partials, strings
 * for another language, extra assets). */
static enum gz_err
add_site_only(struct gz_theme *theme, const char *site_dir, const char *sub, struct gz_error *err)
{
        char *dir_path = NULL;
        if (asprintf(&dir_path, "%s/theme/%s", site_dir, sub) < 0)
                gz_oom(__FILE__, __LINE__);
        DIR *dir = opendir(dir_path);
        enum gz_err e = GZ_OK;
        if (dir == NULL) {
                free(dir_path);
                return GZ_OK;
        }
        struct dirent *de;
        while (e == GZ_OK && (de = readdir(dir)) != NULL) {
                if (de->d_name[0] == '.')
                        continue;
                char name[512];
                snprintf(name, sizeof(name), "%s/%s", sub, de->d_name);
                bool builtin = false;
                for (size_t i = 0; i < gz_theme_file_count; i++)
                        builtin |= strcmp(gz_theme_files[i].name, name) == 0;
                if (builtin)
                        continue;
                char *path = NULL, *data;
                size_t len;
                if (asprintf(&path, "%s/%s", dir_path, de->d_name) < 0)
                        gz_oom(__FILE__, __LINE__);
                if (gz_file_read(path, MAX_THEME_FILE, &data, &len, NULL) == GZ_OK) {
                        e = add_file(theme, name, data, len, err);
                        free(data);
                }
                free(path);
        }
        closedir(dir);
        free(dir_path);
        return e;
}

enum gz_err
gz_theme_load(struct gz_theme *theme, const char *site_dir, struct gz_error *err)
{
        memset(theme, 0, sizeof(*theme));
        theme->templates = gz_tpl_set_new(GZ_TPL_STRICT);
        theme->arena = gz_arena_new(16 * 1024);
        theme->strings = gz_val_obj(theme->arena);
        enum gz_err e = GZ_OK;
        for (size_t i = 0; i < gz_theme_file_count && e == GZ_OK; i++) {
                char *data;
                size_t len;
                bool owned;
                read_file(site_dir, &gz_theme_files[i], &data, &len, &owned);
                e = add_file(theme, gz_theme_files[i].name, data, len, err);
                if (owned)
                        free(data);
        }
        static const char *const subs[] = {"templates", "strings", "assets"};
        for (size_t i = 0; site_dir != NULL && e == GZ_OK && i < GZ_ARRAY_LEN(subs); i++)
                e = add_site_only(theme, site_dir, subs[i], err);
        static const char *const required[] = {"home", "section", "article",
                                               "list", "page",    "error"};
        for (size_t i = 0; e == GZ_OK && i < GZ_ARRAY_LEN(required); i++)
                if (!gz_tpl_set_has(theme->templates, required[i]))
                        e = gz_fail(err, GZ_EINVAL, "theme: the template %s.mustache is missing",
                                    required[i]);
        struct gz_val *en = gz_obj_get(theme->strings, "en");
        if (e == GZ_OK && en == NULL)
                e = gz_fail(err, GZ_EINVAL, "theme: strings/en.json is missing");
        /* A translation missing a string shows the English one. */
        for (size_t i = 0; e == GZ_OK && i < theme->strings->u.obj.count; i++) {
                struct gz_val *own = theme->strings->u.obj.vals[i];
                for (size_t k = 0; own != en && k < en->u.obj.count; k++)
                        if (gz_obj_get(own, en->u.obj.keys[k]) == NULL)
                                gz_obj_set(own, en->u.obj.keys[k], en->u.obj.vals[k]);
        }
        if (e != GZ_OK)
                gz_theme_free(theme);
        return e;
}

void
gz_theme_free(struct gz_theme *theme)
{
        gz_tpl_set_free(theme->templates);
        for (size_t i = 0; i < theme->asset_count; i++) {
                free(theme->assets[i].name);
                free(theme->assets[i].url);
                gz_http_frozen_release(theme->assets[i].frozen);
        }
        free(theme->assets);
        gz_arena_free(theme->arena);
        memset(theme, 0, sizeof(*theme));
}

struct gz_val *
gz_theme_strings(const struct gz_theme *theme, const char *lang)
{
        struct gz_val *en = gz_obj_get(theme->strings, "en");
        struct gz_val *own = lang ? gz_obj_get(theme->strings, lang) : NULL;
        if (own == NULL || own == en)
                return en;
        return own;
}

const struct gz_asset *
gz_theme_asset(const struct gz_theme *theme, const char *url_or_name)
{
        for (size_t i = 0; i < theme->asset_count; i++)
                if (strcmp(theme->assets[i].url, url_or_name) == 0 ||
                    strcmp(theme->assets[i].name, url_or_name) == 0)
                        return &theme->assets[i];
        return NULL;
}
