/* The demo newsroom, The Northgate Courier: sections, authors, tags and
 * hand-written articles as static data, and a deterministic generator of
 * plausible local-news articles for filler and benchmarks. Private to the
 * content room; the code that stores this content lives elsewhere. */
#ifndef GZ_CONTENT_DEMO_DATA_H
#define GZ_CONTENT_DEMO_DATA_H

#include "../core/core.h"

struct gz_demo_section {
        const char *path; /* "news", "news/city": parents are listed before children */
        const char *name;
        const char *description;
};

extern const struct gz_demo_section gz_demo_sections[];
extern const size_t gz_demo_section_count;

struct gz_demo_author {
        const char *slug;
        const char *name;
        const char *kind;  /* "person" or "organization" */
        const char *title; /* role line under the name */
        const char *bio;   /* 1-3 short paragraphs separated by a blank line */
};

extern const struct gz_demo_author gz_demo_authors[];
extern const size_t gz_demo_author_count;

extern const char *const gz_demo_tags[];
extern const size_t gz_demo_tag_count;

struct gz_demo_article {
        const char *kind;                       /* "news", "statement", "opinion", "page" */
        const char *section_path;               /* NULL for pages */
        const char *slug;                       /* NULL: made from the title */
        const char *title, *subtitle, *excerpt; /* subtitle and excerpt may be NULL */
        const char *body_md;                    /* Markdown */
        const char *signature;     /* statements: who signs, lines separated by \n; else NULL */
        int statement_days_before; /* statements: own date is this many days before publication */
        const char *authors[4];    /* author slugs, NULL-terminated */
        const char *tags[6];       /* names from gz_demo_tags, NULL-terminated */
        int days_ago;              /* published this many days before now (0..729) */
        int hour;                  /* local hour of publication, 6..22 */
        bool image;                /* has a featured image */
        const char *image_alt, *image_caption, *image_credit; /* when image */
};

/* Hand-written articles, then the static pages "about" and "contact". */
extern const struct gz_demo_article gz_demo_articles[];
extern const size_t gz_demo_article_count;

/* The demo's featured images are generated illustrations, not photographs,
 * so every image_alt this module produces is the alt of one of these scenes
 * and says honestly what the illustration shows. An image generator can draw
 * the scene that matches an article's alt text from these fields. */
enum gz_demo_sky {
        GZ_DEMO_SKY_DAWN,
        GZ_DEMO_SKY_DAY,
        GZ_DEMO_SKY_DUSK,
        GZ_DEMO_SKY_NIGHT,
        GZ_DEMO_SKY_OVERCAST,
        GZ_DEMO_SKY_STORM,
        GZ_DEMO_SKY__MAX
};

enum gz_demo_light {
        GZ_DEMO_LIGHT_NONE,
        GZ_DEMO_LIGHT_SUN,
        GZ_DEMO_LIGHT_MOON,
        GZ_DEMO_LIGHT__MAX
};

enum gz_demo_water {
        GZ_DEMO_WATER_NONE,
        GZ_DEMO_WATER_SEA,
        GZ_DEMO_WATER_RIVER,
        GZ_DEMO_WATER__MAX
};

struct gz_demo_scene {
        const char *alt; /* "Illustration: a low sun over green hills and a calm sea" */
        enum gz_demo_sky sky;
        enum gz_demo_light light;
        enum gz_demo_water water;
        int hills;   /* ridges of hills, 0..3 */
        bool clouds; /* bands of cloud across the sky */
};

extern const struct gz_demo_scene gz_demo_scenes[];
extern const size_t gz_demo_scene_count;
extern const char *const gz_demo_sky_names[GZ_DEMO_SKY__MAX];
extern const char *const gz_demo_image_credit; /* "Illustration: The Northgate Courier" */

/* The scene whose alt text is exactly alt, or NULL. */
const struct gz_demo_scene *gz_demo_scene_find(const char *alt);

/* Fills out with a generated article, the same for the same seed on every
 * machine: 600-1000 words of Markdown, a headline and subtitle, 1-3 tags,
 * authors (people; organizations for statements), a subsection, a kind
 * (about 80% news, 10% statements, 10% opinion) and an image about 70% of
 * the time. Strings that are not static live in the arena. */
void gz_demo_generate(uint64_t seed, struct gz_arena *a, struct gz_demo_article *out);

/* Words in a Markdown body as the demo counts them: runs of non-space bytes
 * that hold at least one letter or digit (so "1." counts, "##" and ">" not). */
size_t gz_demo_word_count(const char *text);

#endif
