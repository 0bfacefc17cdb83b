/* Site settings: defaults, validation, reading them in one go. */
#include <string.h>

#include "../render/render.h"
#include "content.h"

const char *const gz_setting_keys[] = {
    "name",     "tagline", "description", "base_url",    "timezone",      "language",
    "per_page", "robots",  "copyright",   "require_2fa", "logo_media_id", NULL,
};

static const char *
get(struct gz_store *s, struct gz_arena *a, const char *key, const char *fallback)
{
        const char *v = gz_store_setting_get(s, a, key);
        return v != NULL ? v : fallback;
}

void
gz_settings_load(struct gz_store *s, struct gz_arena *a, struct gz_settings *out)
{
        memset(out, 0, sizeof(*out));
        out->name = get(s, a, "name", "Gazette");
        out->tagline = get(s, a, "tagline", "");
        out->description = get(s, a, "description", "");
        out->base_url = get(s, a, "base_url", "http://127.0.0.1:8080");
        out->timezone = get(s, a, "timezone", "UTC");
        out->language = get(s, a, "language", "en");
        out->robots = get(s, a, "robots", "");
        out->copyright = get(s, a, "copyright", "");
        long long n = 20;
        gz_parse_int(get(s, a, "per_page", "20"), 1, 100, &n);
        out->per_page = (int)n;
        out->require_2fa = strcmp(get(s, a, "require_2fa", "0"), "1") == 0;
        long long logo = 0;
        gz_parse_int(get(s, a, "logo_media_id", "0"), 0, INT64_MAX, &logo);
        out->logo_media_id = logo;
        out->https = strncmp(out->base_url, "https:", 6) == 0;
}

static bool
known_key(const char *key)
{
        for (size_t i = 0; gz_setting_keys[i] != NULL; i++)
                if (strcmp(gz_setting_keys[i], key) == 0)
                        return true;
        return false;
}

enum gz_err
gz_settings_set(struct gz_store *s, const char *key, const char *value, struct gz_error *err)
{
        if (!known_key(key))
                return gz_fail(err, GZ_EINVAL, "unknown setting \"%s\"", key);
        size_t n = strlen(value);
        if (!gz_utf8_valid(value, n))
                return gz_fail(err, GZ_EINVAL, "%s: not valid UTF-8 text", key);
        if (n > 4000)
                return gz_fail(err, GZ_EINVAL, "%s: at most 4000 bytes", key);
        long long num;
        if (strcmp(key, "name") == 0 && (n == 0 || n > 200))
                return gz_fail(err, GZ_EINVAL, "name: between 1 and 200 characters");
        if (strcmp(key, "base_url") == 0) {
                bool scheme =
                    strncmp(value, "http://", 7) == 0 || strncmp(value, "https://", 8) == 0;
                if (!scheme || n < 10 || value[n - 1] == '/' || strpbrk(value, " \"<>'?#") != NULL)
                        return gz_fail(err, GZ_EINVAL,
                                       "base_url: an http:// or https:// address without a "
                                       "trailing slash, such as https://news.example.org");
        }
        if (strcmp(key, "timezone") == 0 && !gz_tz_valid(value))
                return gz_fail(err, GZ_EINVAL,
                               "timezone: \"%s\" is not a time zone name such as Europe/Berlin",
                               value);
        if (strcmp(key, "per_page") == 0 && !gz_parse_int(value, 1, 100, &num))
                return gz_fail(err, GZ_EINVAL, "per_page: a number from 1 to 100");
        if (strcmp(key, "require_2fa") == 0 && strcmp(value, "0") != 0 && strcmp(value, "1") != 0)
                return gz_fail(err, GZ_EINVAL, "require_2fa: 0 or 1");
        if (strcmp(key, "logo_media_id") == 0 && !gz_parse_int(value, 0, INT64_MAX, &num))
                return gz_fail(err, GZ_EINVAL, "logo_media_id: a media id");
        if (strcmp(key, "language") == 0) {
                struct gz_arena *a = gz_arena_new(4096);
                struct gz_language *langs;
                size_t count;
                bool found = false;
                if (gz_store_languages(s, a, &langs, &count, NULL) == GZ_OK)
                        for (size_t i = 0; i < count; i++)
                                found |= strcmp(langs[i].code, value) == 0;
                gz_arena_free(a);
                if (!found)
                        return gz_fail(err, GZ_EINVAL, "language: \"%s\" is not a site language",
                                       value);
        }
        return gz_store_setting_set(s, key, value, err);
}
