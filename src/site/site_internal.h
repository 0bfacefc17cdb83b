/* Shared by the files of src/site/ only. */
#ifndef GZ_SITE_INTERNAL_H
#define GZ_SITE_INTERNAL_H

#include <pthread.h>

#include "site.h"

/* ---- the theme: templates, strings and assets, loaded once ------------ */

struct gz_asset {
        char *name; /* "style.css" */
        char *url;  /* "/assets/style.1a2b3c4d5e.css" */
        struct gz_http_frozen *frozen;
};

struct gz_theme {
        struct gz_tpl_set *templates;
        struct gz_arena *arena; /* strings live here */
        struct gz_val *strings; /* lang code -> object of strings */
        struct gz_asset *assets;
        size_t asset_count;
};

enum gz_err gz_theme_load(struct gz_theme *theme, const char *site_dir, struct gz_error *err);
void gz_theme_free(struct gz_theme *theme);
/* The strings for a language, falling back to English key by key. */
struct gz_val *gz_theme_strings(const struct gz_theme *theme, const char *lang);
const struct gz_asset *gz_theme_asset(const struct gz_theme *theme, const char *url_or_name);

/* ---- the site's state: what every page needs, reloaded on change ------- */

struct gz_site_state {
        struct gz_arena *arena;
        struct gz_settings settings;
        struct gz_language *languages;
        size_t language_count;
        struct gz_section_tree tree;
};

struct gz_site {
        char *dir;
        char *media_dir;
        struct gz_store *store;
        struct gz_theme theme;
        pthread_rwlock_t state_lock;
        struct gz_site_state *state;
};

/* ---- one page being rendered ------------------------------------------ */

struct gz_page {
        struct gz_site *site;
        struct gz_req *req;
        struct gz_resp *resp;
        struct gz_arena *a;
        const struct gz_site_state *st;
        const struct gz_settings *settings;
        const struct gz_language *lang;
        const char *prefix; /* "" for the default language, else "/fa" */
        struct gz_val *t;   /* strings */
        struct gz_val *root;
        int64_t current_section; /* highlighted in the navigation */
        struct gz_deps *deps;    /* may be NULL */
        /* For the metadata of the page (meta.c). */
        const char *title;                /* its own title, NULL on the home page */
        const struct gz_article *article; /* the article shown */
        const char *feed_base;            /* a list with feeds: "/news/" */
        const char *schema_type;          /* JSON-LD type of a page that is no article */
};

/* Records a dependency key ("a:%lld", "home:%s"...) of the page. */
void gz_page_dep(struct gz_page *p, const char *fmt, ...) GZ_PRINTF(2, 3);

/* Layout: everything head, header and footer show. */
void gz_page_layout(struct gz_page *p, const char *title, const char *description,
                    const char *path);
/* Renders template name with p->root into the response (status, HTML). */
void gz_page_render(struct gz_page *p, const char *name, int status);
void gz_page_not_found(struct gz_page *p);
/* Absolute URL from a path, with the base URL setting. */
char *gz_page_abs(struct gz_page *p, const char *path);
/* "{page}" style placeholders replaced from name/value pairs (NULL-ended). */
char *gz_page_fmt(struct gz_page *p, const char *key, ...);
const char *gz_page_str(struct gz_page *p, const char *key);

/* ---- views: store structs to template values -------------------------- */

struct gz_val *gz_view_date(struct gz_page *p, gz_time t, enum gz_date_style style);
struct gz_val *gz_view_card(struct gz_page *p, const struct gz_article *ar, bool image);
struct gz_val *gz_view_cards(struct gz_page *p, const struct gz_article *list, size_t n,
                             bool images);
char *gz_view_article_url(struct gz_page *p, const struct gz_article *ar);
char *gz_view_section_url(struct gz_page *p, const struct gz_section *s);
/* Home, then the sections down to section_id. The last item is the current
 * page (no link) unless in_article, where every section is a link. */
struct gz_val *gz_view_breadcrumb(struct gz_page *p, int64_t section_id, const char *last_name,
                                  bool in_article);
/* Pagination values for page of pages at base path; sets prev/next links. */
void gz_view_pagination(struct gz_page *p, const char *base, long page, long pages);
/* Reads ?page=N: 1 when absent; 0 for anything invalid (a 404). */
long gz_view_page_number(struct gz_page *p);
/* A picture element for an article's featured image. */
char *gz_view_picture(struct gz_page *p, const struct gz_media *m, const char *sizes, bool lazy);

/* ---- pages ------------------------------------------------------------ */

void gz_page_home(struct gz_page *p);
void gz_page_section(struct gz_page *p, const struct gz_section *s);
void gz_page_article(struct gz_page *p, const struct gz_article *ar, bool preview);
void gz_page_tag(struct gz_page *p, const char *slug);
void gz_page_author(struct gz_page *p, const char *slug);

/* ---- responses that are not HTML pages (feeds.c) ------------------------ */

/* Answers 200 with a body of a content type, an ETag and the caching of a
 * page; the cache keeps it until one of its dependencies changes or until
 * expires (0: the next midnight in the site's time zone). */
void gz_page_send(struct gz_page *p, const char *content_type, const char *body, size_t len,
                  gz_time expires);
/* An absolute URI for a path: the base URL setting, then the path with
 * non-ASCII and unsafe bytes percent-encoded (sitemaps and feeds). */
char *gz_page_uri(struct gz_page *p, const char *path);
/* XML character data as CDATA sections: "]]>" is split across two. */
void gz_xml_cdata(struct gz_buf *out, const char *s, size_t n);

/* ---- feeds (feeds.c) ---------------------------------------------------- */

enum gz_feed_format { GZ_FEED_RSS, GZ_FEED_ATOM, GZ_FEED_JSON, GZ_FEED__MAX };
/* "feed.xml", "atom.xml", "feed.json": the last part of a feed's address. */
extern const char *const gz_feed_files[GZ_FEED__MAX];
extern const char *const gz_feed_types[GZ_FEED__MAX];
/* Our rendered HTML with root-relative href, src and srcset addresses made
 * absolute with base (feeds are read far from the site). */
const char *gz_feed_absolute_html(struct gz_arena *a, const char *base, const char *html);
/* The feed of the list at seg[0..n): the site (n == 0), "tag/SLUG",
 * "author/SLUG" or a section's path. False when there is no such list. */
bool gz_page_feed(struct gz_page *p, enum gz_feed_format format, char **seg, size_t n);

/* ---- sitemaps and robots.txt (sitemaps.c) ------------------------------- */

/* URLs per sitemap file: 50,000 by the protocol; tests lower it. */
extern size_t gz_sitemap_max_urls;
void gz_page_robots(struct gz_page *p);
void gz_page_sitemap_index(struct gz_page *p);
void gz_page_news_sitemap(struct gz_page *p);
/* /sitemaps/NAME; false when there is no such sitemap. */
bool gz_page_sitemap(struct gz_page *p, const char *name);

/* ---- search and archives (search.c, archive.c) -------------------------- */

void gz_page_search(struct gz_page *p);
/* A search snippet as HTML: the text escaped, its marks made <mark>. */
char *gz_view_snippet(struct gz_arena *a, const char *snippet);
void gz_page_archive_index(struct gz_page *p);
/* /YYYY/ (month 0) and /YYYY/MM/. */
void gz_page_archive(struct gz_page *p, int year, int month);

/* ---- metadata: OpenGraph, Twitter card, JSON-LD (meta.c) ----------------- */

/* Sets meta_html of the page from its layout values and p->article. */
void gz_page_meta(struct gz_page *p);
/* JSON text made safe inside <script type="application/ld+json">: every
 * <, > and & becomes a \u escape, so no "</script>" or "<!--" can end or
 * bend the element. */
void gz_json_script_safe(struct gz_buf *out, const char *json, size_t n);

#endif
