/* The newsroom's rules: slugs, validation, the workflow, revisions, on a
 * real SQLite file. */
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
static int changes;

static void
count_change(void *ctx, const struct gz_change *c)
{
        (void)ctx;
        (void)c;
        changes++;
}

static int
fresh(void **state)
{
        (void)state;
        snprintf(dir, sizeof(dir), "/tmp/gz-content-XXXXXX");
        assert_non_null(mkdtemp(dir));
        char path[128];
        snprintf(path, sizeof(path), "%s/gazette.db", dir);
        struct gz_error err;
        assert_int_equal(gz_store_open(path, GZ_STORE_CREATE, &store, &err), GZ_OK);
        struct gz_language en = {
            .code = "en", .name = "English", .locale = "en", .is_default = true};
        assert_int_equal(gz_store_language_save(store, &en, &err), GZ_OK);
        struct gz_section news = {.slug = "news", .path = "news", .name = "News"};
        assert_int_equal(gz_store_section_save(store, &news, &err), GZ_OK);
        content = (struct gz_content){.store = store, .site_dir = dir, .on_change = count_change};
        changes = 0;
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

static void
slugs_from_any_script(void **state)
{
        (void)state;
        struct gz_arena *a = gz_arena_new(1024);
        assert_string_equal(gz_slugify(a, "Council adopts the 2026 budget!", 80),
                            "council-adopts-the-2026-budget");
        assert_string_equal(gz_slugify(a, "  Café  Résumé — naïve  ", 80), "cafe-resume-naive");
        assert_string_equal(gz_slugify(a, "Editor's note", 80), "editors-note");
        /* Persian keeps its letters; the zero-width non-joiner disappears. */
        assert_string_equal(gz_slugify(a, "بیانیه کمیته‌ی امنیت", 80),
                            "بیانیه-کمیتهی-امنیت");
        assert_string_equal(gz_slugify(a, "!!!", 80), "");
        /* Cut at a character boundary, never in the middle of one. */
        char *cut = gz_slugify(a, "ééééééééééééééééééé", 5);
        assert_string_equal(cut, "eeeee");
        cut = gz_slugify(a, "فارسی فارسی", 5);
        assert_true(gz_utf8_valid(cut, strlen(cut)));
        assert_true(strlen(cut) <= 5);
        assert_true(gz_slug_valid("council-adopts-budget"));
        assert_true(gz_slug_valid("بیانیه-کمیته"));
        assert_false(gz_slug_valid("Council"));
        assert_false(gz_slug_valid("-x"));
        assert_false(gz_slug_valid("a--b"));
        assert_false(gz_slug_valid("a/b"));
        assert_false(gz_slug_valid("a b"));
        assert_false(gz_slug_valid(""));
        gz_arena_free(a);
}

static int64_t
save(struct gz_article_input *in, enum gz_article_action action, enum gz_err expect,
     struct gz_error *err)
{
        int64_t id = 0, version = 0;
        enum gz_err e = gz_article_save(&content, in, action, 0, "127.0.0.1", &id, &version, err);
        if (e != expect)
                fprintf(stderr, "save: %s\n", err->msg);
        assert_int_equal(e, expect);
        if (e == GZ_OK)
                in->version = version;
        return id;
}

static struct gz_article *
load(struct gz_arena *a, int64_t id)
{
        struct gz_article *ar;
        assert_int_equal(gz_store_article_get(store, a, id, NULL, NULL, &ar, NULL), GZ_OK);
        return ar;
}

static void
drafts_publish_and_render_once(void **state)
{
        (void)state;
        struct gz_error err;
        struct gz_arena *a = gz_arena_new(4096);
        const char *tags[] = {"Harbour", "Budget 2026"};
        struct gz_article_input in = {.title = "Cranes return to the harbour",
                                      .body_md = "The cranes are **back**.\n\n<script>x</script>",
                                      .section_path = "news",
                                      .tag_names = tags,
                                      .tag_count = 2,
                                      .set_tags = true};
        int64_t id = save(&in, GZ_ACTION_SAVE, GZ_OK, &err);
        struct gz_article *ar = load(a, id);
        assert_int_equal(ar->status, GZ_STATUS_DRAFT);
        assert_string_equal(ar->slug, "cranes-return-to-the-harbour");
        assert_int_equal(ar->published_at, 0);
        assert_non_null(strstr(ar->body_html, "<strong>back</strong>"));
        assert_null(strstr(ar->body_html, "<script>"));
        assert_non_null(strstr(ar->summary, "The cranes are back."));
        assert_int_equal(ar->tag_count, 2);

        in = (struct gz_article_input){.id = id, .version = in.version};
        save(&in, GZ_ACTION_PUBLISH, GZ_OK, &err);
        ar = load(a, id);
        assert_int_equal(ar->status, GZ_STATUS_PUBLISHED);
        assert_true(ar->published_at > 0);
        assert_int_equal(ar->tag_count, 2); /* kept when not given */
        assert_int_equal(changes, 2);

        struct gz_revision *revs;
        size_t n;
        assert_int_equal(gz_store_revisions(store, a, id, &revs, &n, &err), GZ_OK);
        assert_int_equal(n, 2);
        assert_int_equal(revs[0].status, GZ_STATUS_PUBLISHED);
        gz_arena_free(a);
}

static void
stale_saves_conflict_and_change_nothing(void **state)
{
        (void)state;
        struct gz_error err;
        struct gz_arena *a = gz_arena_new(4096);
        struct gz_article_input in = {.title = "Original", .body_md = "First."};
        int64_t id = save(&in, GZ_ACTION_SAVE, GZ_OK, &err);
        struct gz_article_input one = {.id = id, .version = in.version, .title = "One"};
        struct gz_article_input two = {.id = id, .version = in.version, .title = "Two"};
        save(&one, GZ_ACTION_SAVE, GZ_OK, &err);
        save(&two, GZ_ACTION_SAVE, GZ_ECONFLICT, &err);
        assert_string_equal(load(a, id)->title, "One");
        gz_arena_free(a);
}

static void
bad_input_names_the_field(void **state)
{
        (void)state;
        struct gz_error err;
        struct gz_article_input in = {.title = "", .body_md = "x"};
        save(&in, GZ_ACTION_SAVE, GZ_EINVAL, &err);
        assert_non_null(strstr(err.msg, "title"));
        in.title = "Bell\a";
        save(&in, GZ_ACTION_SAVE, GZ_EINVAL, &err);
        assert_non_null(strstr(err.msg, "control character"));
        in.title = "Fine";
        in.kind = "gossip";
        save(&in, GZ_ACTION_SAVE, GZ_EINVAL, &err);
        assert_non_null(strstr(err.msg, "kind"));
        in.kind = "statement";
        in.statement_date = "2026-02-30";
        save(&in, GZ_ACTION_SAVE, GZ_EINVAL, &err);
        assert_non_null(strstr(err.msg, "statement date"));
        in.statement_date = "2026-02-27";
        in.section_path = "nowhere";
        save(&in, GZ_ACTION_SAVE, GZ_EINVAL, &err);
        assert_non_null(strstr(err.msg, "section"));
        in.section_path = "news";
        in.slug = "Bad Slug";
        save(&in, GZ_ACTION_SAVE, GZ_EINVAL, &err);
        assert_non_null(strstr(err.msg, "slug"));
        in.slug = NULL;
        in.scheduled_at = gz_now() - 60;
        save(&in, GZ_ACTION_SCHEDULE, GZ_EINVAL, &err);
        assert_non_null(strstr(err.msg, "future"));
        in.title = "\xff\xfe";
        save(&in, GZ_ACTION_SAVE, GZ_EINVAL, &err);
        assert_non_null(strstr(err.msg, "UTF-8"));
        assert_int_equal(changes, 0); /* nothing was written */
}

static void
slugs_stay_unique(void **state)
{
        (void)state;
        struct gz_error err;
        struct gz_arena *a = gz_arena_new(4096);
        struct gz_article_input in = {.title = "Same title", .body_md = "x"};
        int64_t first = save(&in, GZ_ACTION_SAVE, GZ_OK, &err);
        in = (struct gz_article_input){.title = "Same title", .body_md = "y"};
        int64_t second = save(&in, GZ_ACTION_SAVE, GZ_OK, &err);
        assert_string_equal(load(a, first)->slug, "same-title");
        assert_string_equal(load(a, second)->slug, "same-title-2");
        in = (struct gz_article_input){.title = "Other", .slug = "same-title", .body_md = "z"};
        save(&in, GZ_ACTION_SAVE, GZ_ECONFLICT, &err);
        assert_non_null(strstr(err.msg, "already used"));
        gz_arena_free(a);
}

static void
a_featured_image_needs_alt_text_to_publish(void **state)
{
        (void)state;
        struct gz_error err;
        struct gz_media m = {.file_base = "pic",
                             .source_type = "jpg",
                             .original = "pic.jpg",
                             .width = 100,
                             .height = 50,
                             .alt = ""};
        assert_int_equal(gz_store_media_save(store, &m, &err), GZ_OK);
        struct gz_article_input in = {.title = "With a picture",
                                      .body_md = "x",
                                      .featured_media_id = m.id,
                                      .set_featured = true};
        int64_t id = save(&in, GZ_ACTION_SAVE, GZ_OK, &err); /* a draft may lack it */
        struct gz_article_input pub = {.id = id, .version = in.version};
        save(&pub, GZ_ACTION_PUBLISH, GZ_EINVAL, &err);
        assert_non_null(strstr(err.msg, "alt text"));
        m.alt = "Cranes against a grey sky";
        assert_int_equal(gz_store_media_save(store, &m, &err), GZ_OK);
        save(&pub, GZ_ACTION_PUBLISH, GZ_OK, &err);
}

static void
scheduled_articles_publish_when_due(void **state)
{
        (void)state;
        struct gz_error err;
        struct gz_arena *a = gz_arena_new(4096);
        struct gz_article_input in = {
            .title = "Tomorrow", .body_md = "x", .scheduled_at = gz_now() + 3600};
        int64_t id = save(&in, GZ_ACTION_SCHEDULE, GZ_OK, &err);
        assert_int_equal(load(a, id)->status, GZ_STATUS_SCHEDULED);
        assert_int_equal(gz_content_publish_due(&content, gz_now()), 0);
        assert_int_equal(gz_content_publish_due(&content, gz_now() + 3601), 1);
        struct gz_article *ar = load(a, id);
        assert_int_equal(ar->status, GZ_STATUS_PUBLISHED);
        assert_int_equal(ar->published_at, in.scheduled_at);
        gz_arena_free(a);
}

static void
excerpts_cut_at_words(void **state)
{
        (void)state;
        struct gz_arena *a = gz_arena_new(1024);
        assert_string_equal(gz_content_excerpt(a, "Short text.", 50), "Short text.");
        assert_string_equal(gz_content_excerpt(a, "The council met on Monday evening", 20),
                            "The council met on\xE2\x80\xA6");
        assert_string_equal(gz_content_excerpt(a, "  a \n\n b  ", 50), "a b");
        gz_arena_free(a);
}

int
main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(slugs_from_any_script),
            cmocka_unit_test_setup_teardown(drafts_publish_and_render_once, fresh, cleanup),
            cmocka_unit_test_setup_teardown(stale_saves_conflict_and_change_nothing, fresh,
                                            cleanup),
            cmocka_unit_test_setup_teardown(bad_input_names_the_field, fresh, cleanup),
            cmocka_unit_test_setup_teardown(slugs_stay_unique, fresh, cleanup),
            cmocka_unit_test_setup_teardown(a_featured_image_needs_alt_text_to_publish, fresh,
                                            cleanup),
            cmocka_unit_test_setup_teardown(scheduled_articles_publish_when_due, fresh, cleanup),
            cmocka_unit_test(excerpts_cut_at_words),
        };
        return cmocka_run_group_tests_name("content", tests, NULL, NULL);
}
