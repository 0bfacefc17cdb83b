/* The demo newsroom: puts the content of demo_data.c into a new site through
 * the same rules an editor's save goes through, with generated pictures. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../media/media.h"
#include "../render/render.h"
#include "content.h"
#include "demo_data.h"

static void
progress_bar(bool show, const char *what, size_t done, size_t total)
{
        if (!show || total == 0)
                return;
        int width = 30;
        int filled = (int)((done * (size_t)width) / total);
        fprintf(stderr, "\r%-10s [%.*s%*s] %zu/%zu", what, filled, "##############################",
                width - filled, "", done, total);
        if (done == total)
                fputc('\n', stderr);
        fflush(stderr);
}

/* Draws the scene an alt text describes (so the text tells the truth),
 * makes its renditions and records it with its texts. */
static enum gz_err
make_picture(struct gz_content *c, struct gz_arena *a, unsigned seed, int width, int height,
             const char *alt, const char *caption, const char *credit, int64_t *id,
             struct gz_error *err)
{
        struct gz_buf jpeg;
        gz_buf_init(&jpeg, NULL);
        const struct gz_demo_scene *ds = gz_demo_scene_find(alt);
        if (ds == NULL)
                ds = &gz_demo_scenes[seed % gz_demo_scene_count];
        alt = ds->alt;
        struct gz_media_scene scene = {.sky = (enum gz_scene_sky)ds->sky,
                                       .light = (enum gz_scene_light)ds->light,
                                       .water = (enum gz_scene_water)ds->water,
                                       .hills = ds->hills,
                                       .clouds = ds->clouds};
        enum gz_err e = gz_media_demo_scene(&scene, seed, width, height, &jpeg, err);
        if (e != GZ_OK) {
                gz_buf_free(&jpeg);
                return e;
        }
        char *media_dir = gz_arena_printf(a, "%s/media", c->site_dir);
        char *base = gz_arena_printf(a, "demo-%u-%dx%d", seed, width, height);
        struct gz_media_result r;
        e = gz_media_process(jpeg.data, jpeg.len, media_dir, base, NULL, &r, err);
        gz_buf_free(&jpeg);
        if (e != GZ_OK)
                return e;
        e = gz_content_media_add(c, base, &r, alt, caption, credit, 0, id, err);
        return e;
}

static int64_t
author_id(struct gz_store *s, struct gz_arena *a, const char *slug)
{
        struct gz_author *au;
        return gz_store_author_get(s, a, 0, slug, &au, NULL) == GZ_OK ? au->id : 0;
}

/* Publication time: days ago at a local hour, never in the future. */
static gz_time
publication_time(const char *tz, gz_time now, int days_ago, int hour, int minute)
{
        int y, m, d;
        gz_tz_civil(tz, now - (gz_time)days_ago * 86400, &y, &m, &d);
        gz_time t = gz_tz_from_local(tz, y, m, d, hour, minute);
        if (t > now - 600)
                t = now - 600 - (gz_time)(hour * 37 % 1800);
        return t;
}

static enum gz_err
save_article(struct gz_content *c, struct gz_arena *a, const struct gz_demo_article *da,
             gz_time published_at, int64_t media_id, const char *tz, struct gz_error *err)
{
        int64_t authors[4];
        size_t author_count = 0;
        for (size_t i = 0; i < 4 && da->authors[i] != NULL; i++) {
                int64_t id = author_id(c->store, a, da->authors[i]);
                if (id)
                        authors[author_count++] = id;
        }
        const char *tags[6];
        size_t tag_count = 0;
        for (size_t i = 0; i < 6 && da->tags[i] != NULL; i++)
                tags[tag_count++] = da->tags[i];
        struct gz_article_input in = {
            .kind = da->kind,
            .slug = da->slug,
            .title = da->title,
            .subtitle = da->subtitle,
            .excerpt = da->excerpt,
            .body_md = da->body_md,
            .signature = da->signature,
            .section_path = da->section_path ? da->section_path : "",
            .featured_media_id = media_id,
            .set_featured = true,
            .author_ids = authors,
            .author_count = author_count,
            .set_authors = true,
            .tag_names = tags,
            .tag_count = tag_count,
            .set_tags = true,
            .published_at = published_at,
            .updated_at = published_at,
        };
        if (da->signature != NULL) {
                int y, m, d;
                gz_tz_civil(tz, published_at - (gz_time)da->statement_days_before * 86400, &y, &m,
                            &d);
                in.statement_date = gz_arena_printf(a, "%04d-%02d-%02d", y, m, d);
        }
        int64_t id, version;
        return gz_article_save(c, &in, GZ_ACTION_PUBLISH, 0, NULL, &id, &version, err);
}

static enum gz_err
setting_default(struct gz_store *s, struct gz_arena *a, const char *key, const char *value,
                struct gz_error *err)
{
        if (gz_store_setting_get(s, a, key) != NULL)
                return GZ_OK;
        return gz_settings_set(s, key, value, err);
}

enum gz_err
gz_demo_create(struct gz_content *c, size_t extra_articles, bool progress, struct gz_error *err)
{
        struct gz_arena *a = gz_arena_new(64 * 1024);
        struct gz_arena *keep = gz_arena_new(4096);
        struct gz_store *s = c->store;
        enum gz_err e;
        gz_store_bulk_mode(s, true);
        if ((e = gz_media_init("gazette", err)) != GZ_OK)
                goto out;
        if ((e = setting_default(s, a, "name", "The Northgate Courier", err)) != GZ_OK ||
            (e = setting_default(s, a, "tagline",
                                 "Independent news from Northgate and the Arden valley", err)) !=
                GZ_OK ||
            (e = setting_default(s, a, "description",
                                 "The Northgate Courier reports on the city of Northgate, its "
                                 "harbour, its council and the Arden valley.",
                                 err)) != GZ_OK ||
            (e = setting_default(s, a, "copyright",
                                 "© The Northgate Courier (a fictional newspaper)", err)) != GZ_OK)
                goto out;
        /* Settings and the picture pool outlive the per-article arena resets. */
        struct gz_settings settings;
        gz_settings_load(s, keep, &settings);

        /* Sections: parents come first in the data. */
        for (size_t i = 0; i < gz_demo_section_count; i++) {
                const struct gz_demo_section *ds = &gz_demo_sections[i];
                struct gz_section sec = {.path = ds->path,
                                         .name = ds->name,
                                         .description = ds->description,
                                         .position = (int)i};
                const char *slash = strrchr(ds->path, '/');
                sec.slug = slash ? slash + 1 : ds->path;
                if (slash != NULL) {
                        struct gz_section *all;
                        size_t n;
                        char *parent = gz_arena_strndup(a, ds->path, (size_t)(slash - ds->path));
                        if ((e = gz_store_sections(s, a, &all, &n, err)) != GZ_OK)
                                goto out;
                        for (size_t k = 0; k < n; k++)
                                if (strcmp(all[k].path, parent) == 0)
                                        sec.parent_id = all[k].id;
                }
                if ((e = gz_store_section_save(s, &sec, err)) != GZ_OK)
                        goto out;
        }

        /* Authors, each with a picture (a portrait-like illustration or a logo). */
        for (size_t i = 0; i < gz_demo_author_count; i++) {
                const struct gz_demo_author *da = &gz_demo_authors[i];
                struct gz_author au = {.slug = da->slug,
                                       .name = da->name,
                                       .title = da->title,
                                       .bio = da->bio,
                                       .url = ""};
                au.kind = strcmp(da->kind, "organization") == 0 ? GZ_AUTHOR_ORGANIZATION
                                                                : GZ_AUTHOR_PERSON;
                /* The demo has no portraits: a landscape stands in, described as one. */
                if ((e = make_picture(c, a, 9000 + (unsigned)i, 480, 480, NULL, "",
                                      gz_demo_image_credit, &au.photo_media_id, err)) != GZ_OK)
                        goto out;
                if ((e = gz_store_author_save(s, &au, err)) != GZ_OK)
                        goto out;
                progress_bar(progress, "authors", i + 1, gz_demo_author_count);
        }

        /* Hand-written articles, statements and pages. */
        gz_time now = gz_now();
        for (size_t i = 0; i < gz_demo_article_count; i++) {
                const struct gz_demo_article *da = &gz_demo_articles[i];
                int64_t media = 0;
                if (da->image &&
                    (e = make_picture(c, a, 100 + (unsigned)i, 1600, 900, da->image_alt,
                                      da->image_caption, da->image_credit, &media, err)) != GZ_OK)
                        goto out;
                gz_time t = publication_time(settings.timezone, now, da->days_ago, da->hour,
                                             (int)(i * 7 % 60));
                if ((e = save_article(c, a, da, t, media, settings.timezone, err)) != GZ_OK) {
                        char why[sizeof(err->msg)];
                        snprintf(why, sizeof(why), "%s", err->msg);
                        gz_fail(err, e, "demo article \"%s\": %s", da->title, why);
                        goto out;
                }
                progress_bar(progress, "articles", i + 1, gz_demo_article_count);
                gz_arena_reset(a);
        }
        if (extra_articles == 0)
                goto out;

        /* Generated articles share one picture per scene. */
        int64_t *pool = GZ_NEW_ARRAY(keep, int64_t, gz_demo_scene_count);
        for (size_t i = 0; i < gz_demo_scene_count; i++) {
                e = make_picture(c, a, 500 + (unsigned)i, 1600, 900, gz_demo_scenes[i].alt, "",
                                 gz_demo_image_credit, &pool[i], err);
                if (e != GZ_OK)
                        goto out;
        }
        struct gz_arena *scratch = gz_arena_new(64 * 1024);
        for (size_t i = 0; i < extra_articles; i++) {
                struct gz_demo_article da;
                gz_demo_generate(i + 1, scratch, &da);
                /* Spread over two years, newest first. */
                int days = (int)((i * 730) / (extra_articles ? extra_articles : 1));
                gz_time t = publication_time(settings.timezone, now, days, da.hour, (int)(i % 60));
                int64_t media = 0;
                const struct gz_demo_scene *sc = da.image ? gz_demo_scene_find(da.image_alt) : NULL;
                if (sc != NULL)
                        media = pool[sc - gz_demo_scenes];
                if ((e = save_article(c, scratch, &da, t, media, settings.timezone, err)) !=
                    GZ_OK) {
                        char why[sizeof(err->msg)];
                        snprintf(why, sizeof(why), "%s", err->msg);
                        gz_fail(err, e, "generated article %zu: %s", i + 1, why);
                        gz_arena_free(scratch);
                        goto out;
                }
                gz_arena_reset(scratch);
                if (i % 97 == 0 || i + 1 == extra_articles)
                        progress_bar(progress, "generated", i + 1, extra_articles);
        }
        gz_arena_free(scratch);
out:
        gz_store_bulk_mode(s, false);
        gz_arena_free(keep);
        gz_arena_free(a);
        return e;
}
