/* The store's upkeep for the admin, on a real SQLite file: moving a
 * section's articles, renaming, merging and deleting tags with the search
 * index following, deleting unused authors and images, re-rendered bodies,
 * redirects that never chain. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/store.h"

static char dir[64];
static struct gz_store *store;
static struct gz_arena *arena;

static int
fresh(void **state)
{
        (void)state;
        snprintf(dir, sizeof(dir), "/tmp/gz-admin-store-XXXXXX");
        assert_non_null(mkdtemp(dir));
        char path[128];
        snprintf(path, sizeof(path), "%s/gazette.db", dir);
        struct gz_error err;
        assert_int_equal(gz_store_open(path, GZ_STORE_CREATE, &store, &err), GZ_OK);
        struct gz_language en = {
            .code = "en", .name = "English", .locale = "en", .is_default = true};
        assert_int_equal(gz_store_language_save(store, &en, &err), GZ_OK);
        arena = gz_arena_new(16 * 1024);
        return 0;
}

static int
cleanup(void **state)
{
        (void)state;
        gz_arena_free(arena);
        gz_store_close(store);
        char cmd[128];
        snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
        return system(cmd) == 0 ? 0 : -1;
}

static int64_t
section(const char *path, const char *name, int64_t parent)
{
        const char *slash = strrchr(path, '/');
        struct gz_section s = {
            .slug = slash ? slash + 1 : path, .path = path, .name = name, .parent_id = parent};
        struct gz_error err;
        assert_int_equal(gz_store_section_save(store, &s, &err), GZ_OK);
        return s.id;
}

static int64_t
tag(const char *slug, const char *name)
{
        int64_t id;
        struct gz_error err;
        assert_int_equal(gz_store_tag_ensure(store, slug, name, &id, &err), GZ_OK);
        return id;
}

static int64_t
author(const char *slug, const char *name)
{
        struct gz_author au = {.kind = GZ_AUTHOR_PERSON, .slug = slug, .name = name};
        struct gz_error err;
        assert_int_equal(gz_store_author_save(store, &au, &err), GZ_OK);
        return au.id;
}

static int64_t
media(const char *base)
{
        static struct gz_media_rendition_ref r = {480, 320, "jpeg", "x-480w.jpg"};
        struct gz_media m = {.file_base = base,
                             .source_type = "jpg",
                             .original = "x.jpg",
                             .width = 480,
                             .height = 320,
                             .alt = "Cranes",
                             .renditions = &r,
                             .rendition_count = 1};
        struct gz_error err;
        assert_int_equal(gz_store_media_save(store, &m, &err), GZ_OK);
        return m.id;
}

/* A published article with a section, authors and tags. */
static int64_t
article(const char *slug, const char *body, int64_t section_id, const int64_t *authors,
        size_t author_count, const int64_t *tags, size_t tag_count)
{
        struct gz_article ar = {.kind = GZ_KIND_NEWS,
                                .status = GZ_STATUS_PUBLISHED,
                                .lang = "en",
                                .slug = slug,
                                .title = slug,
                                .body_md = body,
                                .body_html = "<p>old</p>",
                                .body_text = body,
                                .section_id = section_id,
                                .published_at = gz_now()};
        struct gz_error err;
        assert_int_equal(
            gz_store_article_save(store, &ar, authors, author_count, tags, tag_count, &err), GZ_OK);
        return ar.id;
}

static size_t
found(const char *text)
{
        struct gz_search_terms t;
        gz_store_search_parse(arena, text, strlen(text), &t);
        struct gz_search_query q = {.terms = &t, .kind = -1, .limit = 50};
        struct gz_search_hit *hits;
        size_t n = 0;
        struct gz_error err;
        assert_int_equal(gz_store_search(store, arena, &q, &hits, &n, NULL, &err), GZ_OK);
        return n;
}

static struct gz_article *
get(int64_t id)
{
        struct gz_article *ar;
        struct gz_error err;
        assert_int_equal(gz_store_article_get(store, arena, id, NULL, NULL, &ar, &err), GZ_OK);
        return ar;
}

static void
section_articles_move_then_the_section_deletes(void **state)
{
        (void)state;
        int64_t news = section("news", "News", 0);
        int64_t old = section("news/old", "Old", news);
        int64_t a1 = article("one", "x", old, NULL, 0, NULL, 0);
        int64_t a2 = article("two", "x", old, NULL, 0, NULL, 0);
        int64_t articles = -1, subsections = -1;
        struct gz_error err;
        assert_int_equal(gz_store_section_usage(store, news, &articles, &subsections, &err), GZ_OK);
        assert_int_equal(articles, 0);
        assert_int_equal(subsections, 1);
        assert_int_equal(gz_store_section_usage(store, old, &articles, &subsections, &err), GZ_OK);
        assert_int_equal(articles, 2);
        /* The store itself refuses while articles use it. */
        assert_int_equal(gz_store_section_delete(store, old, &err), GZ_ECONFLICT);

        int64_t version = get(a1)->version;
        size_t moved = 0;
        assert_int_equal(gz_store_section_move_articles(store, old, 999, &moved, &err),
                         GZ_ENOTFOUND);
        assert_int_equal(gz_store_section_move_articles(store, old, news, &moved, &err), GZ_OK);
        assert_int_equal(moved, 2);
        assert_int_equal(get(a1)->section_id, news);
        assert_int_equal(get(a2)->section_id, news);
        assert_int_equal(get(a1)->version, version); /* not an editor's change */
        assert_int_equal(gz_store_section_delete(store, old, &err), GZ_OK);

        /* Out of any section. */
        assert_int_equal(gz_store_section_move_articles(store, news, 0, &moved, &err), GZ_OK);
        assert_int_equal(moved, 2);
        assert_int_equal(get(a2)->section_id, 0);
}

static void
tag_rename_changes_the_search_index(void **state)
{
        (void)state;
        int64_t t = tag("harbour", "Harbour");
        int64_t other = tag("ferries", "Ferries");
        article("cranes", "Cranes on the quay", 0, NULL, 0, &t, 1);
        assert_int_equal(found("harbour"), 1);
        assert_int_equal(found("quayside"), 0);
        struct gz_tag renamed = {.id = t, .slug = "quayside", .name = "Quayside"};
        struct gz_error err;
        assert_int_equal(gz_store_tag_update(store, &renamed, &err), GZ_OK);
        assert_int_equal(found("quayside"), 1);
        assert_int_equal(found("harbour"), 0);
        struct gz_tag *got;
        assert_int_equal(gz_store_tag_get(store, arena, 0, "quayside", &got, &err), GZ_OK);
        assert_int_equal(got->id, t);

        struct gz_tag clash = {.id = other, .slug = "quayside", .name = "Ferries"};
        assert_int_equal(gz_store_tag_update(store, &clash, &err), GZ_ECONFLICT);
        assert_non_null(strstr(err.msg, "/tag/quayside/"));
        struct gz_tag missing = {.id = 999, .slug = "nothing", .name = "Nothing"};
        assert_int_equal(gz_store_tag_update(store, &missing, &err), GZ_ENOTFOUND);
}

static void
tag_merge_moves_articles_and_removes_the_tag(void **state)
{
        (void)state;
        int64_t from = tag("floods", "Floods");
        int64_t into = tag("weather", "Weather");
        int64_t both[2] = {from, into};
        int64_t a1 = article("rain", "Rain", 0, NULL, 0, &from, 1);
        int64_t a2 = article("storm", "Storm", 0, NULL, 0, both, 2);
        struct gz_error err;
        assert_int_equal(gz_store_tag_merge(store, from, from, &err), GZ_EINVAL);
        assert_int_equal(gz_store_tag_merge(store, from, 999, &err), GZ_ENOTFOUND);
        assert_int_equal(gz_store_tag_merge(store, from, into, &err), GZ_OK);

        struct gz_tag *t;
        assert_int_equal(gz_store_tag_get(store, arena, from, NULL, &t, &err), GZ_ENOTFOUND);
        int64_t *ids;
        size_t n;
        assert_int_equal(gz_store_tag_article_ids(store, arena, into, &ids, &n, &err), GZ_OK);
        assert_int_equal(n, 2);
        assert_int_equal(ids[0], a2); /* newest first */
        assert_int_equal(ids[1], a1);
        struct gz_article *ar = get(a2);
        assert_int_equal(ar->tag_count, 1);
        assert_string_equal(ar->tags[0].name, "Weather");
        /* The index no longer knows the old name. */
        assert_int_equal(found("floods"), 0);
        assert_int_equal(found("weather"), 2);
}

static void
tag_delete_leaves_the_articles(void **state)
{
        (void)state;
        int64_t t = tag("gossip", "Gossip");
        int64_t a = article("rumour", "A rumour", 0, NULL, 0, &t, 1);
        assert_int_equal(found("gossip"), 1);
        struct gz_error err;
        assert_int_equal(gz_store_tag_delete(store, t, &err), GZ_OK);
        assert_int_equal(get(a)->tag_count, 0);
        assert_int_equal(found("gossip"), 0);
        assert_int_equal(found("rumour"), 1);
        assert_int_equal(gz_store_tag_delete(store, t, &err), GZ_ENOTFOUND);
}

static void
author_deletes_only_when_no_article_is_signed(void **state)
{
        (void)state;
        int64_t used = author("maria", "Maria Lind");
        int64_t unused = author("nobody", "Nobody Yet");
        article("signed", "Text", 0, &used, 1, NULL, 0);
        struct gz_user u = {.email = "w@example.org",
                            .name = "W",
                            .role = GZ_ROLE_AUTHOR,
                            .password_hash = "x",
                            .author_id = unused};
        struct gz_error err;
        assert_int_equal(gz_store_user_add(store, &u, &err), GZ_OK);

        assert_int_equal(gz_store_author_article_count(store, used), 1);
        assert_int_equal(gz_store_author_delete(store, used, &err), GZ_ECONFLICT);
        assert_non_null(strstr(err.msg, "1 article is signed"));
        assert_int_equal(gz_store_author_article_count(store, unused), 0);
        assert_int_equal(gz_store_author_delete(store, unused, &err), GZ_OK);
        struct gz_user *got;
        assert_int_equal(gz_store_user_get(store, arena, u.id, NULL, &got, &err), GZ_OK);
        assert_int_equal(got->author_id, 0);
        assert_int_equal(gz_store_author_delete(store, unused, &err), GZ_ENOTFOUND);
}

static void
author_rename_reaches_the_search_index(void **state)
{
        (void)state;
        int64_t id = author("maria", "Maria Lind");
        article("column", "A column", 0, &id, 1, NULL, 0);
        assert_int_equal(found("lind"), 1);
        struct gz_author *au;
        struct gz_error err;
        assert_int_equal(gz_store_author_get(store, arena, id, NULL, &au, &err), GZ_OK);
        au->name = "Maria Holm";
        assert_int_equal(gz_store_author_save(store, au, &err), GZ_OK);
        assert_int_equal(gz_store_author_reindex(store, id, &err), GZ_OK);
        assert_int_equal(found("holm"), 1);
        assert_int_equal(found("lind"), 0);
}

static void
media_uses_are_found_in_bodies_and_featured_images(void **state)
{
        (void)state;
        int64_t one = media("one");
        for (int i = 0; i < 11; i++) /* so that media 12 exists beside media 1 */
                media(gz_arena_printf(arena, "filler-%d", i));
        int64_t in_body = article("a", "Intro\n\n![Cranes](media:1)\n", 0, NULL, 0, NULL, 0);
        int64_t other = article("b", "![Other](media:12 \"x\")", 0, NULL, 0, NULL, 0);
        int64_t ref = article("c", "![pic][p]\n\n[p]: media:1\n", 0, NULL, 0, NULL, 0);
        article("d", "We asked social media:1 reply and a media:1 mention", 0, NULL, 0, NULL, 0);
        struct gz_article feat = {.kind = GZ_KIND_NEWS,
                                  .status = GZ_STATUS_DRAFT,
                                  .lang = "en",
                                  .slug = "e",
                                  .title = "e",
                                  .body_md = "",
                                  .featured_media_id = one};
        struct gz_error err;
        assert_int_equal(gz_store_article_save(store, &feat, NULL, 0, NULL, 0, &err), GZ_OK);

        int64_t *ids;
        size_t n;
        assert_int_equal(gz_store_media_articles(store, arena, one, false, &ids, &n, &err), GZ_OK);
        assert_int_equal(n, 2);
        assert_int_equal(ids[0], ref);
        assert_int_equal(ids[1], in_body);
        assert_int_equal(gz_store_media_articles(store, arena, one, true, &ids, &n, &err), GZ_OK);
        assert_int_equal(n, 3);
        assert_int_equal(ids[0], feat.id);
        assert_int_equal(gz_store_media_articles(store, arena, 12, false, &ids, &n, &err), GZ_OK);
        assert_int_equal(n, 1);
        assert_int_equal(ids[0], other);
}

static void
media_deletes_only_when_unused(void **state)
{
        (void)state;
        int64_t featured = media("featured");
        int64_t photo = media("photo");
        int64_t in_body = media("body");
        int64_t unused = media("unused");
        struct gz_article ar = {.kind = GZ_KIND_NEWS,
                                .status = GZ_STATUS_DRAFT,
                                .lang = "en",
                                .slug = "f",
                                .title = "f",
                                .featured_media_id = featured,
                                .body_md =
                                    gz_arena_printf(arena, "![x](media:%lld)", (long long)in_body)};
        struct gz_error err;
        assert_int_equal(gz_store_article_save(store, &ar, NULL, 0, NULL, 0, &err), GZ_OK);
        struct gz_author au = {
            .kind = GZ_AUTHOR_PERSON, .slug = "p", .name = "P", .photo_media_id = photo};
        assert_int_equal(gz_store_author_save(store, &au, &err), GZ_OK);

        assert_int_equal(gz_store_media_delete(store, featured, &err), GZ_ECONFLICT);
        assert_non_null(strstr(err.msg, "1 article"));
        assert_int_equal(gz_store_media_delete(store, in_body, &err), GZ_ECONFLICT);
        assert_int_equal(gz_store_media_delete(store, photo, &err), GZ_ECONFLICT);
        assert_non_null(strstr(err.msg, "author profile"));
        assert_int_equal(gz_store_media_delete(store, unused, &err), GZ_OK);
        struct gz_media *m;
        assert_int_equal(gz_store_media_get(store, arena, unused, &m, &err), GZ_ENOTFOUND);
        assert_int_equal(gz_store_media_get(store, arena, featured, &m, &err), GZ_OK);
        assert_int_equal(gz_store_media_delete(store, unused, &err), GZ_ENOTFOUND);
}

static void
body_html_rewrite_keeps_version_and_revisions(void **state)
{
        (void)state;
        int64_t id = article("g", "Body", 0, NULL, 0, NULL, 0);
        struct gz_article *before = get(id);
        struct gz_error err;
        assert_int_equal(gz_store_article_set_body_html(store, id, "<p>new</p>", "new", &err),
                         GZ_OK);
        struct gz_article *after = get(id);
        assert_string_equal(after->body_html, "<p>new</p>");
        assert_string_equal(after->summary, "new");
        assert_int_equal(after->version, before->version);
        assert_int_equal(after->updated_at, before->updated_at);
        assert_int_equal(gz_store_article_set_body_html(store, 999, "", "", &err), GZ_ENOTFOUND);
}

static void
redirects_follow_a_renamed_address_and_never_loop(void **state)
{
        (void)state;
        struct gz_error err;
        int status = 0;
        /* news -> local, then local -> city: the first old address goes
         * straight to the newest one. */
        assert_int_equal(gz_store_redirect_set(store, "/news/", "/local/", 301, &err), GZ_OK);
        assert_int_equal(gz_store_redirect_set(store, "/news/x/", "/local/x/", 301, &err), GZ_OK);
        assert_int_equal(gz_store_redirects_retarget(store, "/local/", "/city/", &err), GZ_OK);
        assert_int_equal(gz_store_redirect_set(store, "/local/", "/city/", 301, &err), GZ_OK);
        assert_string_equal(gz_store_redirect_get(store, arena, "/news/", &status), "/city/");
        assert_int_equal(status, 301);
        assert_string_equal(gz_store_redirect_get(store, arena, "/news/x/", &status), "/city/x/");
        /* Back to the first name: that address is live again, and its own
         * redirect (now pointing to itself) is gone. */
        assert_int_equal(gz_store_redirects_retarget(store, "/city/", "/news/", &err), GZ_OK);
        assert_null(gz_store_redirect_get(store, arena, "/news/", &status));
        assert_string_equal(gz_store_redirect_get(store, arena, "/local/", &status), "/news/");
        /* A prefix matches whole segments only when given with its slash. */
        assert_int_equal(gz_store_redirect_set(store, "/a/", "/newsroom/", 301, &err), GZ_OK);
        assert_int_equal(gz_store_redirects_retarget(store, "/news/", "/other/", &err), GZ_OK);
        assert_string_equal(gz_store_redirect_get(store, arena, "/a/", &status), "/newsroom/");
        assert_int_equal(gz_store_redirects_retarget(store, "", "/x/", &err), GZ_EINVAL);
}

int
main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test_setup_teardown(section_articles_move_then_the_section_deletes, fresh,
                                            cleanup),
            cmocka_unit_test_setup_teardown(tag_rename_changes_the_search_index, fresh, cleanup),
            cmocka_unit_test_setup_teardown(tag_merge_moves_articles_and_removes_the_tag, fresh,
                                            cleanup),
            cmocka_unit_test_setup_teardown(tag_delete_leaves_the_articles, fresh, cleanup),
            cmocka_unit_test_setup_teardown(author_deletes_only_when_no_article_is_signed, fresh,
                                            cleanup),
            cmocka_unit_test_setup_teardown(author_rename_reaches_the_search_index, fresh, cleanup),
            cmocka_unit_test_setup_teardown(media_uses_are_found_in_bodies_and_featured_images,
                                            fresh, cleanup),
            cmocka_unit_test_setup_teardown(media_deletes_only_when_unused, fresh, cleanup),
            cmocka_unit_test_setup_teardown(body_html_rewrite_keeps_version_and_revisions, fresh,
                                            cleanup),
            cmocka_unit_test_setup_teardown(redirects_follow_a_renamed_address_and_never_loop,
                                            fresh, cleanup),
        };
        return cmocka_run_group_tests(tests, NULL, NULL);
}
