/* Saving an article: validation, the workflow's status changes, the body
 * rendered once, a revision, the audit log and the change report, all in
 * one transaction. */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "../render/render.h"
#include "content.h"

const char *const gz_article_action_names[GZ_ACTION__MAX] = {
    [GZ_ACTION_SAVE] = "save",           [GZ_ACTION_SUBMIT] = "submit",
    [GZ_ACTION_PUBLISH] = "publish",     [GZ_ACTION_SCHEDULE] = "schedule",
    [GZ_ACTION_UNPUBLISH] = "unpublish",
};

enum { MAX_TAGS = 30, MAX_AUTHORS = 20 };

/* Text fields: valid UTF-8, no control characters but newlines and tabs
 * in long text, at most max bytes. */
static enum gz_err
check_text(const char *field, const char *value, size_t max, bool multiline, bool required,
           struct gz_error *err)
{
        size_t n = value ? strlen(value) : 0;
        if (required && n == 0)
                return gz_fail(err, GZ_EINVAL, "%s: required", field);
        if (n > max)
                return gz_fail(err, GZ_EINVAL, "%s: too long (at most %zu bytes)", field, max);
        if (n && !gz_utf8_valid(value, n))
                return gz_fail(err, GZ_EINVAL, "%s: not valid UTF-8 text", field);
        for (size_t i = 0; i < n; i++) {
                unsigned char c = (unsigned char)value[i];
                bool allowed = c >= 0x20 || (multiline && (c == '\n' || c == '\t' || c == '\r'));
                if (!allowed || c == 0x7f)
                        return gz_fail(err, GZ_EINVAL, "%s: contains a control character", field);
        }
        return GZ_OK;
}

static bool
language_exists(struct gz_store *s, struct gz_arena *a, const char *code)
{
        struct gz_language *langs;
        size_t n;
        if (gz_store_languages(s, a, &langs, &n, NULL) != GZ_OK)
                return false;
        for (size_t i = 0; i < n; i++)
                if (strcmp(langs[i].code, code) == 0)
                        return true;
        return false;
}

void
gz_content_article_ref(struct gz_article_ref *ref, const struct gz_article *ar, struct gz_arena *a)
{
        ref->visible = ar->status == GZ_STATUS_PUBLISHED && ar->deleted_at == 0;
        ref->lang = ar->lang;
        ref->slug = ar->slug;
        ref->kind = ar->kind;
        ref->section_id = ar->section_id;
        ref->published_at = ar->published_at;
        int64_t *authors = GZ_NEW_ARRAY(a, int64_t, ar->author_count + 1);
        for (size_t i = 0; i < ar->author_count; i++)
                authors[i] = ar->authors[i].id;
        ref->author_ids = authors;
        ref->author_count = ar->author_count;
        int64_t *tags = GZ_NEW_ARRAY(a, int64_t, ar->tag_count + 1);
        for (size_t i = 0; i < ar->tag_count; i++)
                tags[i] = ar->tags[i].id;
        ref->tag_ids = tags;
        ref->tag_count = ar->tag_count;
}

static char *
revision_meta(struct gz_arena *a, const struct gz_article *ar, const int64_t *authors,
              size_t author_count, const char *const *tag_names, size_t tag_count)
{
        json_t *meta = json_object();
        json_object_set_new(meta, "kind", json_string(gz_article_kind_names[ar->kind]));
        json_object_set_new(meta, "lang", json_string(ar->lang));
        json_object_set_new(meta, "slug", json_string(ar->slug));
        json_object_set_new(meta, "section_id", json_integer(ar->section_id));
        json_object_set_new(meta, "featured_media_id", json_integer(ar->featured_media_id));
        json_object_set_new(meta, "published_at", json_integer(ar->published_at));
        json_object_set_new(meta, "scheduled_at", json_integer(ar->scheduled_at));
        json_t *list = json_array();
        for (size_t i = 0; i < author_count; i++)
                json_array_append_new(list, json_integer(authors[i]));
        json_object_set_new(meta, "authors", list);
        list = json_array();
        for (size_t i = 0; i < tag_count; i++)
                json_array_append_new(list, json_string(tag_names[i]));
        json_object_set_new(meta, "tags", list);
        char *text = json_dumps(meta, JSON_COMPACT | JSON_SORT_KEYS);
        json_decref(meta);
        char *copy = gz_arena_strdup(a, text ? text : "{}");
        free(text);
        return copy;
}

/* Finds a free slug: the wanted one, or with -2, -3... appended. */
static char *
unique_slug(struct gz_content *c, struct gz_arena *a, const char *lang, const char *base,
            int64_t except_id)
{
        if (gz_store_slug_free(c->store, lang, base, except_id))
                return gz_arena_strdup(a, base);
        for (int i = 2; i < 1000; i++) {
                char *candidate = gz_arena_printf(a, "%s-%d", base, i);
                if (gz_store_slug_free(c->store, lang, candidate, except_id))
                        return candidate;
        }
        return gz_arena_printf(a, "%s-%lld", base, (long long)gz_now());
}

static enum gz_err
apply_action(struct gz_article *ar, enum gz_article_action action,
             const struct gz_article_input *in, bool is_new, gz_time now, struct gz_error *err)
{
        switch (action) {
        case GZ_ACTION_SAVE:
                if (is_new)
                        ar->status = GZ_STATUS_DRAFT;
                break;
        case GZ_ACTION_SUBMIT:
                ar->status = GZ_STATUS_REVIEW;
                break;
        case GZ_ACTION_PUBLISH:
                ar->status = GZ_STATUS_PUBLISHED;
                if (in->published_at)
                        ar->published_at = in->published_at;
                else if (ar->published_at == 0 || ar->scheduled_at != 0)
                        ar->published_at = now;
                ar->scheduled_at = 0;
                break;
        case GZ_ACTION_SCHEDULE:
                if (in->scheduled_at <= now)
                        return gz_fail(err, GZ_EINVAL, "schedule: the time must be in the future");
                ar->status = GZ_STATUS_SCHEDULED;
                ar->scheduled_at = in->scheduled_at;
                ar->published_at = in->scheduled_at;
                break;
        case GZ_ACTION_UNPUBLISH:
                ar->status = GZ_STATUS_UNPUBLISHED;
                ar->scheduled_at = 0;
                break;
        default:
                return gz_fail(err, GZ_EINVAL, "unknown action");
        }
        return GZ_OK;
}

static enum gz_err
validate_fields(const struct gz_article *ar, struct gz_error *err)
{
        enum gz_err e;
        if ((e = check_text("title", ar->title, 400, false, true, err)) != GZ_OK ||
            (e = check_text("subtitle", ar->subtitle, 1000, false, false, err)) != GZ_OK ||
            (e = check_text("excerpt", ar->excerpt, 2000, true, false, err)) != GZ_OK ||
            (e = check_text("body", ar->body_md, 2 * 1024 * 1024, true, false, err)) != GZ_OK ||
            (e = check_text("signature", ar->signature, 4000, true, false, err)) != GZ_OK)
                return e;
        if (ar->statement_date && *ar->statement_date) {
                gz_time t;
                if (strlen(ar->statement_date) != 10 ||
                    !gz_time_parse(ar->statement_date, &t, NULL))
                        return gz_fail(err, GZ_EINVAL, "statement date: a date such as 2026-11-29");
        }
        if (!gz_slug_valid(ar->slug))
                return gz_fail(err, GZ_EINVAL,
                               "slug: lowercase letters, digits and single hyphens, such as "
                               "council-adopts-budget");
        return GZ_OK;
}

enum gz_err
gz_article_save(struct gz_content *c, const struct gz_article_input *in,
                enum gz_article_action action, int64_t user_id, const char *ip, int64_t *id_out,
                int64_t *version_out, struct gz_error *err)
{
        struct gz_arena *a = gz_arena_new(16 * 1024);
        struct gz_store *s = c->store;
        enum gz_err e = GZ_OK;
        gz_time now = gz_now();
        struct gz_article *ar;
        struct gz_article_ref before = {0};
        bool is_new = in->id == 0;

        if (!is_new) {
                e = gz_store_article_get(s, a, in->id, NULL, NULL, &ar, err);
                if (e != GZ_OK)
                        goto out;
                if (ar->deleted_at) {
                        e = gz_fail(err, GZ_EINVAL,
                                    "the article is in the trash: restore it first");
                        goto out;
                }
                gz_content_article_ref(&before, ar, a);
                ar->version = in->version;
        } else {
                ar = GZ_NEW(a, struct gz_article);
                ar->kind = GZ_KIND_NEWS;
                ar->lang = NULL;
                ar->created_by = user_id;
                ar->created_at = now;
        }

        /* Merge the input over the stored article. */
        if (in->kind) {
                int kind = gz_enum_lookup(gz_article_kind_names, GZ_KIND__MAX, in->kind);
                if (kind == GZ_KIND__MAX) {
                        e = gz_fail(err, GZ_EINVAL,
                                    "kind: one of news, statement, opinion, page (not \"%s\")",
                                    in->kind);
                        goto out;
                }
                ar->kind = (enum gz_article_kind)kind;
        }
        if (in->lang || is_new) {
                const char *lang = in->lang && *in->lang ? in->lang : NULL;
                if (lang == NULL) {
                        struct gz_settings settings;
                        gz_settings_load(s, a, &settings);
                        lang = settings.language;
                }
                if (!language_exists(s, a, lang)) {
                        e = gz_fail(err, GZ_EINVAL, "language: \"%s\" is not a site language",
                                    lang);
                        goto out;
                }
                ar->lang = lang;
        }
        if (in->title)
                ar->title = in->title;
        if (in->subtitle)
                ar->subtitle = in->subtitle;
        if (in->excerpt)
                ar->excerpt = in->excerpt;
        if (in->body_md)
                ar->body_md = in->body_md;
        if (in->signature)
                ar->signature = in->signature;
        if (in->statement_date)
                ar->statement_date = in->statement_date;
        if (in->set_featured)
                ar->featured_media_id = in->featured_media_id;
        if (ar->title == NULL)
                ar->title = "";
        if (ar->body_md == NULL)
                ar->body_md = "";

        if (in->section_path != NULL || in->section_id) {
                struct gz_section_tree tree;
                if ((e = gz_store_sections(s, a, &tree.sections, &tree.count, err)) != GZ_OK)
                        goto out;
                const struct gz_section *sec = NULL;
                if (in->section_path != NULL && *in->section_path) {
                        sec = gz_tree_find_path(&tree, in->section_path);
                        if (sec == NULL) {
                                e = gz_fail(err, GZ_EINVAL, "section: no section \"%s\"",
                                            in->section_path);
                                goto out;
                        }
                } else if (in->section_path == NULL && in->section_id) {
                        sec = gz_tree_find(&tree, in->section_id);
                        if (sec == NULL) {
                                e = gz_fail(err, GZ_EINVAL, "section: no section with id %lld",
                                            (long long)in->section_id);
                                goto out;
                        }
                }
                ar->section_id = sec ? sec->id : 0;
        }

        /* The slug: given, kept, or made from the title and kept unique. */
        if (in->slug && *in->slug) {
                ar->slug = in->slug;
                if (gz_slug_valid(ar->slug) && !gz_store_slug_free(s, ar->lang, ar->slug, ar->id)) {
                        e = gz_fail(err, GZ_ECONFLICT,
                                    "slug: the address \"%s\" is already used by another article",
                                    ar->slug);
                        goto out;
                }
        } else if (is_new || ar->slug == NULL || *ar->slug == '\0') {
                const char *base = gz_slugify(a, ar->title, 80);
                if (*base == '\0')
                        base = "article";
                ar->slug = unique_slug(c, a, ar->lang, base, ar->id);
        }

        if ((e = validate_fields(ar, err)) != GZ_OK)
                goto out;
        if ((e = apply_action(ar, action, in, is_new, now, err)) != GZ_OK)
                goto out;
        if (in->published_at && action != GZ_ACTION_SCHEDULE)
                ar->published_at = in->published_at;

        /* Render once, now; the site serves this HTML as is. */
        int64_t missing_alt = 0;
        if ((e = gz_content_render_body(c, a, ar->body_md, &ar->body_html, &ar->body_text,
                                        &missing_alt, err)) != GZ_OK)
                goto out;
        bool going_live = ar->status == GZ_STATUS_PUBLISHED || ar->status == GZ_STATUS_SCHEDULED;
        if (going_live && missing_alt) {
                e = gz_fail(err, GZ_EINVAL,
                            "body: image media:%lld has no alt text; describe it before "
                            "publishing",
                            (long long)missing_alt);
                goto out;
        }
        if (going_live && ar->featured_media_id) {
                struct gz_media *m;
                if (gz_store_media_get(s, a, ar->featured_media_id, &m, NULL) != GZ_OK) {
                        e = gz_fail(err, GZ_EINVAL, "featured image: no media with id %lld",
                                    (long long)ar->featured_media_id);
                        goto out;
                }
                if (m->alt[0] == '\0') {
                        e = gz_fail(err, GZ_EINVAL,
                                    "featured image: add alt text to the image before publishing");
                        goto out;
                }
        }
        ar->summary =
            ar->excerpt && *ar->excerpt ? ar->excerpt : gz_content_excerpt(a, ar->body_text, 240);
        ar->updated_at = in->updated_at ? in->updated_at : now;

        /* Authors and tags. */
        const int64_t *author_ids = NULL;
        size_t author_count = 0;
        if (in->set_authors || is_new) {
                if (in->author_count > MAX_AUTHORS) {
                        e = gz_fail(err, GZ_EINVAL, "authors: at most %d", MAX_AUTHORS);
                        goto out;
                }
                author_ids = in->author_ids;
                author_count = in->author_count;
        } else {
                int64_t *ids = GZ_NEW_ARRAY(a, int64_t, ar->author_count + 1);
                for (size_t i = 0; i < ar->author_count; i++)
                        ids[i] = ar->authors[i].id;
                author_ids = ids;
                author_count = ar->author_count;
        }
        const char *const *tag_names = in->tag_names;
        size_t tag_count = in->tag_count;
        if (!in->set_tags && !is_new) {
                const char **names = GZ_NEW_ARRAY(a, const char *, ar->tag_count + 1);
                for (size_t i = 0; i < ar->tag_count; i++)
                        names[i] = ar->tags[i].name;
                tag_names = names;
                tag_count = ar->tag_count;
        }
        if (tag_count > MAX_TAGS) {
                e = gz_fail(err, GZ_EINVAL, "tags: at most %d", MAX_TAGS);
                goto out;
        }
        for (size_t i = 0; i < tag_count; i++) {
                if ((e = check_text("tag", tag_names[i], 100, false, true, err)) != GZ_OK)
                        goto out;
                if (*gz_slugify(a, tag_names[i], 80) == '\0') {
                        e = gz_fail(err, GZ_EINVAL, "tag \"%s\" has no letters or digits",
                                    tag_names[i]);
                        goto out;
                }
        }
        if (in->translation_of) {
                struct gz_article *orig;
                if (gz_store_article_get(s, a, in->translation_of, NULL, NULL, &orig, NULL) !=
                    GZ_OK) {
                        e = gz_fail(err, GZ_EINVAL, "translation of: no article %lld",
                                    (long long)in->translation_of);
                        goto out;
                }
                ar->translation_group = orig->translation_group;
        }

        /* Everything checked: write in one transaction. */
        if ((e = gz_store_tx_begin(s, err)) != GZ_OK)
                goto out;
        int64_t *tag_ids = GZ_NEW_ARRAY(a, int64_t, tag_count + 1);
        for (size_t i = 0; i < tag_count && e == GZ_OK; i++)
                e = gz_store_tag_ensure(s, gz_slugify(a, tag_names[i], 80), tag_names[i],
                                        &tag_ids[i], err);
        if (e == GZ_OK)
                e = gz_store_article_save(s, ar, author_ids, author_count, tag_ids, tag_count, err);
        if (e == GZ_OK)
                e = gz_store_revision_add(
                    s, ar, revision_meta(a, ar, author_ids, author_count, tag_names, tag_count),
                    user_id, err);
        if (e == GZ_OK && (user_id || ip))
                gz_store_audit(s, user_id, ip, gz_article_action_names[action],
                               gz_arena_printf(a, "article:%lld", (long long)ar->id), ar->title);
        if (e == GZ_OK)
                e = gz_store_tx_commit(s, err);
        else
                gz_store_tx_rollback(s);
        if (e != GZ_OK)
                goto out;

        *id_out = ar->id;
        if (version_out)
                *version_out = ar->version;
        if (c->on_change) {
                struct gz_article *saved;
                if (gz_store_article_get(s, a, ar->id, NULL, NULL, &saved, NULL) == GZ_OK) {
                        struct gz_change change = {
                            .kind = GZ_CHANGE_ARTICLE, .id = ar->id, .before = before};
                        gz_content_article_ref(&change.after, saved, a);
                        c->on_change(c->change_ctx, &change);
                }
        }
out:
        gz_arena_free(a);
        return e;
}

size_t
gz_content_publish_due(struct gz_content *c, gz_time now)
{
        struct gz_arena *a = gz_arena_new(4096);
        int64_t *ids;
        size_t n = 0, published = 0;
        if (gz_store_due_scheduled(c->store, a, now, &ids, &n, NULL) == GZ_OK) {
                for (size_t i = 0; i < n; i++) {
                        struct gz_article *ar;
                        if (gz_store_article_get(c->store, a, ids[i], NULL, NULL, &ar, NULL) !=
                            GZ_OK)
                                continue;
                        /* Publish at the scheduled time, which is the date shown. */
                        struct gz_article_input in = {
                            .id = ar->id, .version = ar->version, .published_at = ar->scheduled_at};
                        struct gz_error err;
                        int64_t id, version;
                        if (gz_article_save(c, &in, GZ_ACTION_PUBLISH, 0, "scheduler", &id,
                                            &version, &err) == GZ_OK)
                                published++;
                        else
                                gz_warn("scheduler: article %lld: %s", (long long)ar->id, err.msg);
                }
        }
        gz_arena_free(a);
        return published;
}

char *
gz_article_path(struct gz_arena *a, const struct gz_article *ar, const char *default_lang,
                const char *tz)
{
        (void)tz; /* addresses use UTC months so they never move */
        const char *prefix = "";
        if (default_lang != NULL && ar->lang != NULL && strcmp(ar->lang, default_lang) != 0)
                prefix = gz_arena_printf(a, "/%s", ar->lang);
        if (ar->kind == GZ_KIND_PAGE)
                return gz_arena_printf(a, "%s/%s/", prefix, ar->slug);
        int y, m;
        gz_time_to_civil(ar->published_at ? ar->published_at : gz_now(), &y, &m, NULL, NULL, NULL,
                         NULL, NULL);
        return gz_arena_printf(a, "%s/%04d/%02d/%s/", prefix, y, m, ar->slug);
}
