/* Unit tests for the demo newsroom's content and its article generator. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "content/demo_data.h"

#define GENERATED_SAMPLE 200
#define UNIQUENESS_SEEDS 10000

static const struct gz_demo_section *
find_section(const char *path)
{
        for (size_t i = 0; i < gz_demo_section_count; i++)
                if (strcmp(gz_demo_sections[i].path, path) == 0)
                        return &gz_demo_sections[i];
        return NULL;
}

static const struct gz_demo_author *
find_author(const char *slug)
{
        for (size_t i = 0; i < gz_demo_author_count; i++)
                if (strcmp(gz_demo_authors[i].slug, slug) == 0)
                        return &gz_demo_authors[i];
        return NULL;
}

static bool
is_tag(const char *name)
{
        for (size_t i = 0; i < gz_demo_tag_count; i++)
                if (strcmp(gz_demo_tags[i], name) == 0)
                        return true;
        return false;
}

static bool
valid_utf8(const char *s)
{
        return s == NULL || gz_utf8_valid(s, strlen(s));
}

static bool
slug_like(const char *s)
{
        if (s == NULL || *s == '\0' || *s == '-')
                return false;
        for (const char *p = s; *p != '\0'; p++) {
                bool ok = (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-';
                if (!ok || (*p == '-' && (p[1] == '-' || p[1] == '\0')))
                        return false;
        }
        return true;
}

static size_t
count_non_null(const char *const *items, size_t cap)
{
        size_t n = 0;
        while (n < cap && items[n] != NULL)
                n++;
        return n;
}

/* Statements number their points as a Markdown ordered list. */
static bool
has_numbered_points(const char *body)
{
        return strncmp(body, "1. ", 3) == 0 || strstr(body, "\n1. ") != NULL;
}

/* Links go to this site's own paths or to https://example.org only. */
static void
assert_links_are_local(const char *body)
{
        for (const char *p = strstr(body, "]("); p != NULL; p = strstr(p + 2, "](")) {
                const char *target = p + 2;
                bool ok = target[0] == '/' || strncmp(target, "https://example.org", 19) == 0;
                if (!ok)
                        fail_msg("link to %.40s", target);
        }
}

/* Checks that hold for every article, hand-written or generated. */
static void
assert_article_well_formed(const struct gz_demo_article *a)
{
        assert_non_null(a->kind);
        assert_non_null(a->title);
        assert_true(a->title[0] != '\0');
        assert_non_null(a->body_md);
        assert_true(valid_utf8(a->title));
        assert_true(valid_utf8(a->subtitle));
        assert_true(valid_utf8(a->excerpt));
        assert_true(valid_utf8(a->body_md));
        assert_true(valid_utf8(a->signature));
        assert_true(a->days_ago >= 0 && a->days_ago <= 729);
        assert_true(a->hour >= 6 && a->hour <= 22);
        assert_links_are_local(a->body_md);

        bool page = strcmp(a->kind, "page") == 0;
        bool statement = strcmp(a->kind, "statement") == 0;
        assert_true(page || statement || strcmp(a->kind, "news") == 0 ||
                    strcmp(a->kind, "opinion") == 0);
        if (page) {
                assert_null(a->section_path);
        } else {
                assert_non_null(a->section_path);
                assert_non_null(find_section(a->section_path));
        }

        size_t nauthors = count_non_null(a->authors, 4);
        if (!page)
                assert_true(nauthors >= 1);
        for (size_t i = 0; i < nauthors; i++) {
                const struct gz_demo_author *au = find_author(a->authors[i]);
                if (au == NULL)
                        fail_msg("unknown author %s", a->authors[i]);
                if (statement)
                        assert_string_equal(au->kind, "organization");
                else
                        assert_string_equal(au->kind, "person");
        }

        size_t ntags = count_non_null(a->tags, 6);
        for (size_t i = 0; i < ntags; i++) {
                if (!is_tag(a->tags[i]))
                        fail_msg("unknown tag %s", a->tags[i]);
                for (size_t j = 0; j < i; j++)
                        assert_string_not_equal(a->tags[i], a->tags[j]);
        }

        if (statement) {
                assert_non_null(a->signature);
                assert_true(a->signature[0] != '\0');
                assert_true(has_numbered_points(a->body_md));
                assert_true(a->statement_days_before >= 0 && a->statement_days_before <= 3);
        } else {
                assert_null(a->signature);
        }

        if (a->image) {
                assert_non_null(a->image_alt);
                assert_non_null(a->image_caption);
                assert_non_null(a->image_credit);
                assert_true(a->image_caption[0] != '\0');
                assert_true(valid_utf8(a->image_caption));
                /* The images are generated illustrations: the alt says so, and it
                 * names a scene an image generator can draw. */
                assert_non_null(gz_demo_scene_find(a->image_alt));
                assert_int_equal(strncmp(a->image_alt, "Illustration: ", 14), 0);
                assert_string_equal(a->image_credit, gz_demo_image_credit);
        }
}

static void
sections_have_parents_listed_first(void **state)
{
        (void)state;
        size_t tops = 0;
        for (size_t i = 0; i < gz_demo_section_count; i++) {
                const struct gz_demo_section *s = &gz_demo_sections[i];
                assert_true(slug_like(s->path) || strchr(s->path, '/') != NULL);
                assert_true(s->name[0] != '\0' && s->description[0] != '\0');
                assert_true(valid_utf8(s->name) && valid_utf8(s->description));
                for (size_t j = 0; j < i; j++)
                        assert_string_not_equal(s->path, gz_demo_sections[j].path);
                const char *slash = strrchr(s->path, '/');
                if (slash == NULL) {
                        tops++;
                        size_t children = 0;
                        size_t n = strlen(s->path);
                        for (size_t j = 0; j < gz_demo_section_count; j++) {
                                const char *p = gz_demo_sections[j].path;
                                if (strncmp(p, s->path, n) == 0 && p[n] == '/')
                                        children++;
                        }
                        assert_true(children >= 2 && children <= 3);
                        continue;
                }
                /* The parent must come earlier in the list. */
                bool found = false;
                size_t plen = (size_t)(slash - s->path);
                for (size_t j = 0; j < i; j++)
                        if (strlen(gz_demo_sections[j].path) == plen &&
                            strncmp(gz_demo_sections[j].path, s->path, plen) == 0)
                                found = true;
                if (!found)
                        fail_msg("section %s has no parent before it", s->path);
                assert_true(slug_like(slash + 1));
        }
        assert_true(tops >= 4);
}

static void
authors_include_people_and_organizations(void **state)
{
        (void)state;
        size_t people = 0, organizations = 0;
        for (size_t i = 0; i < gz_demo_author_count; i++) {
                const struct gz_demo_author *a = &gz_demo_authors[i];
                assert_true(slug_like(a->slug));
                for (size_t j = 0; j < i; j++)
                        assert_string_not_equal(a->slug, gz_demo_authors[j].slug);
                if (strcmp(a->kind, "person") == 0)
                        people++;
                else if (strcmp(a->kind, "organization") == 0)
                        organizations++;
                else
                        fail_msg("author %s has kind %s", a->slug, a->kind);
                assert_true(a->name[0] != '\0' && a->title[0] != '\0' && a->bio[0] != '\0');
                assert_true(valid_utf8(a->name) && valid_utf8(a->title) && valid_utf8(a->bio));
                /* One to three paragraphs, separated by one blank line. */
                size_t paragraphs = 1;
                for (const char *p = strstr(a->bio, "\n\n"); p != NULL; p = strstr(p + 2, "\n\n"))
                        paragraphs++;
                assert_true(paragraphs <= 3);
                assert_null(strstr(a->bio, "\n\n\n"));
        }
        assert_true(people >= 6);
        assert_true(organizations >= 3);
}

static void
tags_are_unique_and_plentiful(void **state)
{
        (void)state;
        assert_true(gz_demo_tag_count >= 24);
        for (size_t i = 0; i < gz_demo_tag_count; i++) {
                assert_true(gz_demo_tags[i][0] != '\0');
                assert_true(valid_utf8(gz_demo_tags[i]));
                for (size_t j = 0; j < i; j++)
                        assert_string_not_equal(gz_demo_tags[i], gz_demo_tags[j]);
        }
}

static void
hand_written_articles_meet_the_minimums(void **state)
{
        (void)state;
        size_t stories = 0, statements = 0, opinions = 0, news = 0, joint = 0, pages = 0;
        size_t recent = 0, old = 0, with_image = 0;
        bool about = false, contact = false;
        for (size_t i = 0; i < gz_demo_article_count; i++) {
                const struct gz_demo_article *a = &gz_demo_articles[i];
                assert_article_well_formed(a);
                assert_true(slug_like(a->slug));
                for (size_t j = 0; j < i; j++)
                        assert_string_not_equal(a->slug, gz_demo_articles[j].slug);
                if (strcmp(a->kind, "page") == 0) {
                        pages++;
                        about |= strcmp(a->slug, "about") == 0;
                        contact |= strcmp(a->slug, "contact") == 0;
                        continue;
                }
                stories++;
                statements += strcmp(a->kind, "statement") == 0;
                opinions += strcmp(a->kind, "opinion") == 0;
                news += strcmp(a->kind, "news") == 0;
                if (strcmp(a->kind, "statement") == 0 && a->authors[1] != NULL)
                        joint++;
                recent += a->days_ago <= 2;
                old += a->days_ago >= 600;
                with_image += a->image;
        }
        assert_true(stories >= 24);
        assert_true(statements >= 6);
        assert_true(opinions >= 3);
        assert_true(news >= stories - statements - opinions);
        assert_true(joint >= 1);
        assert_int_equal(pages, 2);
        assert_true(about && contact);
        assert_true(recent >= 3);
        assert_true(old >= 1);
        assert_true(with_image * 2 > stories);
}

static void
hand_written_bodies_are_300_to_900_words(void **state)
{
        (void)state;
        for (size_t i = 0; i < gz_demo_article_count; i++) {
                const struct gz_demo_article *a = &gz_demo_articles[i];
                size_t words = gz_demo_word_count(a->body_md);
                if (words < 300 || words > 900)
                        fail_msg("%s has %zu words", a->slug, words);
        }
}

static void
scenes_are_found_by_their_alt_text(void **state)
{
        (void)state;
        assert_true(gz_demo_scene_count >= 8);
        for (size_t i = 0; i < gz_demo_scene_count; i++) {
                const struct gz_demo_scene *s = &gz_demo_scenes[i];
                assert_ptr_equal(gz_demo_scene_find(s->alt), s);
                assert_true(s->sky < GZ_DEMO_SKY__MAX && s->light < GZ_DEMO_LIGHT__MAX);
                assert_true(s->water < GZ_DEMO_WATER__MAX);
                assert_true(s->hills >= 0 && s->hills <= 3);
                assert_non_null(gz_demo_sky_names[s->sky]);
        }
        assert_null(gz_demo_scene_find("A photograph of the harbour"));
        assert_null(gz_demo_scene_find(NULL));
}

static void
word_count_skips_markdown_marks(void **state)
{
        (void)state;
        assert_int_equal(gz_demo_word_count(""), 0);
        assert_int_equal(gz_demo_word_count("## Two words\n\n"), 2);
        assert_int_equal(gz_demo_word_count("1. One\n2. Two"), 4);
        assert_int_equal(gz_demo_word_count("> \xe2\x80\x9cHello\xe2\x80\x9d \xe2\x80\x94 Ann"), 2);
        assert_int_equal(gz_demo_word_count("£6.2m, in  three\tparts"), 4);
}

static void
generated_articles_are_well_formed(void **state)
{
        (void)state;
        struct gz_arena *arena = gz_arena_new(1 << 16);
        for (uint64_t seed = 0; seed < GENERATED_SAMPLE; seed++) {
                struct gz_demo_article a;
                gz_arena_reset(arena);
                gz_demo_generate(seed * 7919 + 17, arena, &a);
                assert_article_well_formed(&a);

                size_t words = gz_demo_word_count(a.body_md);
                if (words < 600 || words > 1000)
                        fail_msg("seed %llu: %zu words", (unsigned long long)seed, words);
                assert_non_null(a.subtitle);
                assert_true(a.subtitle[0] != '\0');
                /* A subtitle is one sentence. */
                for (const char *p = a.subtitle; *p != '\0'; p++)
                        if ((*p == '.' || *p == '?' || *p == '!') && p[1] == ' ' && p[2] >= 'A' &&
                            p[2] <= 'Z')
                                fail_msg("two sentences: %s", a.subtitle);
                assert_null(a.slug);
                /* Generated stories live in subsections. */
                assert_non_null(strchr(a.section_path, '/'));
                assert_string_not_equal(a.kind, "page");
                size_t ntags = count_non_null(a.tags, 6);
                assert_true(ntags >= 1 && ntags <= 3);
                size_t nauthors = count_non_null(a.authors, 4);
                assert_true(nauthors >= 1 && nauthors <= 2);
                assert_non_null(strstr(a.body_md, "## "));
                /* Every {slot} was filled. */
                const char *texts[] = {a.title, a.subtitle, a.body_md, a.signature,
                                       a.image ? a.image_caption : NULL};
                for (size_t i = 0; i < GZ_ARRAY_LEN(texts); i++)
                        if (texts[i] != NULL && (strchr(texts[i], '{') || strchr(texts[i], '}')))
                                fail_msg("unfilled slot in seed %llu: %.60s",
                                         (unsigned long long)seed, texts[i]);
        }
        gz_arena_free(arena);
}

static int
compare_strings(const void *a, const void *b)
{
        return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Over many seeds: titles rarely repeat, bodies stay in range, and kinds and
 * images come in about the proportions asked for. */
static void
generated_titles_are_mostly_unique(void **state)
{
        (void)state;
        struct gz_arena *arena = gz_arena_new(1 << 16);
        char **titles = calloc(UNIQUENESS_SEEDS, sizeof(*titles));
        assert_non_null(titles);
        size_t news = 0, statements = 0, opinions = 0, images = 0;
        for (size_t i = 0; i < UNIQUENESS_SEEDS; i++) {
                struct gz_demo_article a;
                gz_arena_reset(arena);
                gz_demo_generate((uint64_t)i, arena, &a);
                titles[i] = strdup(a.title);
                assert_non_null(titles[i]);
                size_t words = gz_demo_word_count(a.body_md);
                if (words < 600 || words > 1000)
                        fail_msg("seed %zu: %zu words", i, words);
                news += strcmp(a.kind, "news") == 0;
                statements += strcmp(a.kind, "statement") == 0;
                opinions += strcmp(a.kind, "opinion") == 0;
                images += a.image;
        }
        qsort(titles, UNIQUENESS_SEEDS, sizeof(*titles), compare_strings);
        size_t duplicates = 0;
        for (size_t i = 1; i < UNIQUENESS_SEEDS; i++)
                duplicates += strcmp(titles[i], titles[i - 1]) == 0;
        for (size_t i = 0; i < UNIQUENESS_SEEDS; i++)
                free(titles[i]);
        free(titles);
        gz_arena_free(arena);

        if (duplicates * 100 > UNIQUENESS_SEEDS * 3)
                fail_msg("%zu duplicate titles in %d", duplicates, UNIQUENESS_SEEDS);
        assert_true(news > UNIQUENESS_SEEDS * 75 / 100 && news < UNIQUENESS_SEEDS * 85 / 100);
        assert_true(statements > UNIQUENESS_SEEDS * 7 / 100);
        assert_true(statements < UNIQUENESS_SEEDS * 13 / 100);
        assert_true(opinions > UNIQUENESS_SEEDS * 7 / 100);
        assert_true(opinions < UNIQUENESS_SEEDS * 13 / 100);
        assert_true(images > UNIQUENESS_SEEDS * 65 / 100 && images < UNIQUENESS_SEEDS * 75 / 100);
}

static void
assert_same_string(const char *a, const char *b)
{
        if (a == NULL || b == NULL)
                assert_ptr_equal(a, b);
        else
                assert_string_equal(a, b);
}

static void
generation_is_deterministic(void **state)
{
        (void)state;
        struct gz_arena *first = gz_arena_new(1 << 16), *second = gz_arena_new(4096);
        for (uint64_t seed = 1; seed < 60; seed += 3) {
                struct gz_demo_article a, b;
                gz_demo_generate(seed, first, &a);
                gz_demo_generate(seed, second, &b);
                assert_string_equal(a.kind, b.kind);
                assert_string_equal(a.section_path, b.section_path);
                assert_string_equal(a.title, b.title);
                assert_same_string(a.subtitle, b.subtitle);
                assert_string_equal(a.body_md, b.body_md);
                assert_same_string(a.signature, b.signature);
                assert_int_equal(a.statement_days_before, b.statement_days_before);
                assert_int_equal(a.days_ago, b.days_ago);
                assert_int_equal(a.hour, b.hour);
                assert_int_equal(a.image, b.image);
                if (a.image) {
                        assert_string_equal(a.image_alt, b.image_alt);
                        assert_string_equal(a.image_caption, b.image_caption);
                }
                for (size_t i = 0; i < 4; i++)
                        assert_same_string(a.authors[i], b.authors[i]);
                for (size_t i = 0; i < 6; i++)
                        assert_same_string(a.tags[i], b.tags[i]);
        }
        struct gz_demo_article a, b;
        gz_demo_generate(1000, first, &a);
        gz_demo_generate(1001, first, &b);
        assert_string_not_equal(a.body_md, b.body_md);
        gz_arena_free(first);
        gz_arena_free(second);
}

static void
statements_are_signed_and_numbered(void **state)
{
        (void)state;
        struct gz_arena *arena = gz_arena_new(1 << 16);
        size_t found = 0, joint = 0;
        for (uint64_t seed = 0; found < 40; seed++) {
                struct gz_demo_article a;
                gz_arena_reset(arena);
                gz_demo_generate(seed, arena, &a);
                if (strcmp(a.kind, "statement") != 0)
                        continue;
                found++;
                /* One signing line per organization, or a name over its body. */
                assert_non_null(strchr(a.signature, '\n'));
                assert_true(has_numbered_points(a.body_md));
                assert_non_null(strstr(a.body_md, "\n2. "));
                if (a.authors[1] != NULL) {
                        joint++;
                        assert_string_not_equal(a.authors[0], a.authors[1]);
                }
        }
        assert_true(joint >= 1);
        gz_arena_free(arena);
}

int
main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(sections_have_parents_listed_first),
            cmocka_unit_test(authors_include_people_and_organizations),
            cmocka_unit_test(tags_are_unique_and_plentiful),
            cmocka_unit_test(hand_written_articles_meet_the_minimums),
            cmocka_unit_test(hand_written_bodies_are_300_to_900_words),
            cmocka_unit_test(scenes_are_found_by_their_alt_text),
            cmocka_unit_test(word_count_skips_markdown_marks),
            cmocka_unit_test(generated_articles_are_well_formed),
            cmocka_unit_test(generated_titles_are_mostly_unique),
            cmocka_unit_test(generation_is_deterministic),
            cmocka_unit_test(statements_are_signed_and_numbered),
        };
        return cmocka_run_group_tests(tests, NULL, NULL);
}
