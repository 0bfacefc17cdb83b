/* A library image's caption, credit or alt text changes: every stored body
 * that shows it is rendered again, without a new version, and each article
 * is reported to the cache. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "content/content.h"

static char dir[64];
static struct gz_store *store;
static struct gz_content content;
static int64_t reported[16];
static int media_reports, article_reports;

static void
record_change(void *ctx, const struct gz_change *c)
{
        (void)ctx;
        if (c->kind == GZ_CHANGE_MEDIA)
                media_reports++;
        if (c->kind == GZ_CHANGE_ARTICLE && article_reports < 16) {
                /* The article stays in the same lists: same state before and after. */
                assert_int_equal(c->before.visible, c->after.visible);
                assert_int_equal(c->before.section_id, c->after.section_id);
                reported[article_reports++] = c->id;
        }
}

static int
fresh(void **state)
{
        (void)state;
        snprintf(dir, sizeof(dir), "/tmp/gz-refresh-XXXXXX");
        assert_non_null(mkdtemp(dir));
        char path[128];
        snprintf(path, sizeof(path), "%s/gazette.db", dir);
        struct gz_error err;
        assert_int_equal(gz_store_open(path, GZ_STORE_CREATE, &store, &err), GZ_OK);
        struct gz_language en = {
            .code = "en", .name = "English", .locale = "en", .is_default = true};
        assert_int_equal(gz_store_language_save(store, &en, &err), GZ_OK);
        content = (struct gz_content){.store = store, .site_dir = dir};
        media_reports = article_reports = 0;
        return 0;
}

static int
cleanup(void **state)
{
        (void)state;
        gz_store_close(store);
        char cmd[128];
        snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
        return system(cmd) == 0 ? 0 : -1;
}

static struct gz_media_rendition_ref renditions[] = {
    {480, 320, "webp", "pic-480w.webp"},
    {480, 320, "jpeg", "pic-480w.jpg"},
};

static int64_t
add_media(const char *base, const char *caption)
{
        struct gz_media m = {.file_base = base,
                             .source_type = "jpg",
                             .original = "pic.jpg",
                             .width = 480,
                             .height = 320,
                             .alt = "Cranes on the quay",
                             .caption = caption,
                             .credit = "Photo: Ada Byrne",
                             .renditions = renditions,
                             .rendition_count = 2};
        struct gz_error err;
        assert_int_equal(gz_store_media_save(store, &m, &err), GZ_OK);
        return m.id;
}

static int64_t
publish(const char *title, const char *body, enum gz_article_action action)
{
        struct gz_article_input in = {.title = title, .body_md = body};
        int64_t id = 0, version = 0;
        struct gz_error err;
        enum gz_err e = gz_article_save(&content, &in, action, 0, NULL, &id, &version, &err);
        if (e != GZ_OK)
                fprintf(stderr, "save: %s\n", err.msg);
        assert_int_equal(e, GZ_OK);
        return id;
}

static struct gz_article *
get(struct gz_arena *a, int64_t id)
{
        struct gz_article *ar;
        struct gz_error err;
        assert_int_equal(gz_store_article_get(store, a, id, NULL, NULL, &ar, &err), GZ_OK);
        return ar;
}

static void
caption_and_credit_changes_reach_every_body(void **state)
{
        (void)state;
        struct gz_arena *a = gz_arena_new(16 * 1024);
        int64_t pic = add_media("pic", "Old caption");
        char *body = gz_arena_printf(a, "The port.\n\n![](media:%lld)\n\nMore.", (long long)pic);
        int64_t live = publish("Cranes", body, GZ_ACTION_PUBLISH);
        int64_t draft = publish("Draft", body, GZ_ACTION_SAVE);
        /* A title in the Markdown is this article's own caption. */
        int64_t own = publish(
            "Own caption", gz_arena_printf(a, "![x](media:%lld \"Their caption\")", (long long)pic),
            GZ_ACTION_PUBLISH);
        int64_t unrelated = publish("Unrelated", "No pictures here.", GZ_ACTION_PUBLISH);
        struct gz_article *before = get(a, live);
        assert_non_null(strstr(before->body_html, "Old caption"));
        assert_non_null(strstr(before->body_html, "alt=\"Cranes on the quay\""));
        const char *unrelated_html = get(a, unrelated)->body_html;

        struct gz_media *m;
        struct gz_error err;
        assert_int_equal(gz_store_media_get(store, a, pic, &m, &err), GZ_OK);
        m->caption = "New caption";
        m->credit = "Photo: Ben Carr";
        m->alt = "Two cranes and a ship";
        assert_int_equal(gz_store_media_save(store, m, &err), GZ_OK);
        content.on_change = record_change;
        size_t refreshed = 0;
        assert_int_equal(gz_content_media_refresh(&content, pic, &refreshed, &err), GZ_OK);
        assert_int_equal(refreshed, 3);

        struct gz_article *after = get(a, live);
        assert_non_null(strstr(after->body_html, "New caption"));
        assert_non_null(strstr(after->body_html, "Photo: Ben Carr"));
        assert_non_null(strstr(after->body_html, "alt=\"Two cranes and a ship\""));
        assert_null(strstr(after->body_html, "Old caption"));
        assert_int_equal(after->version, before->version);
        assert_int_equal(after->updated_at, before->updated_at);
        struct gz_revision *revs;
        size_t rev_count = 0;
        assert_int_equal(gz_store_revisions(store, a, live, &revs, &rev_count, &err), GZ_OK);
        assert_int_equal(rev_count, 1);

        assert_non_null(strstr(get(a, draft)->body_html, "New caption"));
        struct gz_article *theirs = get(a, own);
        assert_non_null(strstr(theirs->body_html, "Their caption"));
        assert_non_null(strstr(theirs->body_html, "Photo: Ben Carr"));
        assert_string_equal(get(a, unrelated)->body_html, unrelated_html);

        assert_int_equal(media_reports, 1);
        assert_int_equal(article_reports, 3);
        for (int i = 0; i < article_reports; i++)
                assert_true(reported[i] == live || reported[i] == draft || reported[i] == own);
        gz_arena_free(a);
}

static void
an_unused_image_changes_no_article(void **state)
{
        (void)state;
        int64_t pic = add_media("lonely", "Caption");
        publish("Plain", "Nothing to see.", GZ_ACTION_PUBLISH);
        content.on_change = record_change;
        size_t refreshed = 99;
        struct gz_error err;
        assert_int_equal(gz_content_media_refresh(&content, pic, &refreshed, &err), GZ_OK);
        assert_int_equal(refreshed, 0);
        assert_int_equal(article_reports, 0);
        assert_int_equal(media_reports, 1);
}

int
main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test_setup_teardown(caption_and_credit_changes_reach_every_body, fresh,
                                            cleanup),
            cmocka_unit_test_setup_teardown(an_unused_image_changes_no_article, fresh, cleanup),
        };
        return cmocka_run_group_tests(tests, NULL, NULL);
}
