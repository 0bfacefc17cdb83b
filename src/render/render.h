/* Gazette render: the only room that produces HTML.
 * Values for templates, the Mustache engine, Markdown, escaping, the HTML
 * sanitizer, and dates in the site's languages, calendars and time zone. */
#ifndef GZ_RENDER_H
#define GZ_RENDER_H

#include "../core/core.h"

/* ---- values: the data a template reads ------------------------------- */

enum gz_val_type {
        GZ_VAL_NULL,
        GZ_VAL_BOOL,
        GZ_VAL_INT,
        GZ_VAL_DOUBLE,
        GZ_VAL_STR,  /* text: always escaped by {{x}} */
        GZ_VAL_HTML, /* trusted markup made by our renderer or the sanitizer */
        GZ_VAL_LIST,
        GZ_VAL_OBJ,
        GZ_VAL__MAX
};

struct gz_val {
        enum gz_val_type type;
        union {
                bool b;
                long long i;
                double d;
                struct {
                        const char *p;
                        size_t n;
                } s;
                struct {
                        struct gz_val **items;
                        size_t count, cap;
                } list;
                struct {
                        const char **keys;
                        struct gz_val **vals;
                        size_t count, cap;
                } obj;
        } u;
        struct gz_arena *arena; /* lists and objects grow in it */
};

/* Values live in an arena; strings are referenced, not copied, so they must
 * live at least as long (arena strings or literals). */
struct gz_val *gz_val_null(void);
struct gz_val *gz_val_bool(bool b);
struct gz_val *gz_val_int(struct gz_arena *a, long long i);
struct gz_val *gz_val_double(struct gz_arena *a, double d);
struct gz_val *gz_val_str(struct gz_arena *a, const char *s); /* NULL gives null */
struct gz_val *gz_val_strn(struct gz_arena *a, const char *s, size_t n);
struct gz_val *gz_val_html(struct gz_arena *a, const char *s);
struct gz_val *gz_val_list(struct gz_arena *a);
struct gz_val *gz_val_obj(struct gz_arena *a);
void gz_list_push(struct gz_val *list, struct gz_val *item);
/* Sets or replaces a key (the key string is referenced). */
void gz_obj_set(struct gz_val *obj, const char *key, struct gz_val *v);
void gz_obj_set_str(struct gz_val *obj, const char *key, const char *s);
void gz_obj_set_int(struct gz_val *obj, const char *key, long long i);
void gz_obj_set_bool(struct gz_val *obj, const char *key, bool b);
void gz_obj_set_html(struct gz_val *obj, const char *key, const char *html);
struct gz_val *gz_obj_get(const struct gz_val *obj, const char *key);
/* Mustache truthiness: false, null, empty list and empty string are false. */
bool gz_val_truthy(const struct gz_val *v);

/* ---- escaping -------------------------------------------------------- */

/* Text and attribute values: & < > " ' are replaced by entities. */
void gz_html_escape(struct gz_buf *out, const char *s, size_t n);
void gz_html_escape_c(struct gz_buf *out, const char *s);
/* True for http:, https:, mailto: and relative URLs (no other scheme). */
bool gz_url_is_safe(const char *s, size_t n);
/* An attribute-safe URL: unsafe schemes become "#", the rest is escaped. */
void gz_html_escape_url(struct gz_buf *out, const char *s, size_t n);
/* Escapes for XML text (feeds, sitemaps): & < > " ' and drops the control
 * characters XML 1.0 forbids. */
void gz_xml_escape(struct gz_buf *out, const char *s, size_t n);
/* A JSON string literal with quotes, safe inside <script type=ld+json>
 * (escapes <, >, & and U+2028/2029 too). */
void gz_json_string(struct gz_buf *out, const char *s, size_t n);
/* Percent-encodes a string for a URL query component. */
void gz_url_encode(struct gz_buf *out, const char *s, size_t n);

/* ---- Mustache templates ---------------------------------------------- */

/* In strict mode (the site's themes), {{{x}}} and {{&x}} print raw only values
 * of type GZ_VAL_HTML and escape everything else, so a theme cannot leak
 * unescaped user text by mistake. The spec tests run without it. */
enum { GZ_TPL_STRICT = 1 };

struct gz_tpl_set;

struct gz_tpl_set *gz_tpl_set_new(unsigned flags);
void gz_tpl_set_free(struct gz_tpl_set *set);
/* Compiles a template under a name (also its name as a partial). A syntax
 * error gives GZ_EINVAL with "name:line: message". Replaces a same name. */
enum gz_err gz_tpl_set_add(struct gz_tpl_set *set, const char *name, const char *src, size_t len,
                           struct gz_error *err);
bool gz_tpl_set_has(const struct gz_tpl_set *set, const char *name);
/* Renders a template; a missing partial renders as nothing (the spec).
 * Thread-safe: a compiled set is read-only. */
enum gz_err gz_tpl_render(const struct gz_tpl_set *set, const char *name,
                          const struct gz_val *context, struct gz_buf *out, struct gz_error *err);
/* Bounds each render of the set: bytes written and nodes run (by default
 * 64 MiB and 2^24), so a partial that includes itself over a list, or sections
 * nested over the same list, end with GZ_ETOOBIG instead of running for
 * hours. 0 keeps a default. Fixed bounds: partials nest at most 100 deep
 * (deeper is GZ_ETOOBIG), sections at most 1000 deep in one template and
 * sources are at most 16 MiB (GZ_EINVAL, GZ_ETOOBIG from gz_tpl_set_add). */
void gz_tpl_set_limits(struct gz_tpl_set *set, size_t max_output, unsigned long max_steps);

/* ---- Markdown -------------------------------------------------------- */

/* Gazette's Markdown is CommonMark (md4c's parser, our renderer) plus GFM
 * tables (<th align=...>), ~~strikethrough~~ and bare http://, https:// and
 * www. links. Raw HTML is shown as text. Every link and image URL goes
 * through gz_html_escape_url: javascript:, data: and the like become "#".
 * Entities are decoded with HTML's full table (via gumbo). */
enum {
        /* An image alone in its paragraph becomes <figure> with the image's
         * title as <figcaption>; headings get id anchors. */
        GZ_MD_FIGURES = 1 << 0,
        /* Raw HTML passes through: only for the CommonMark conformance test.
         * Without it raw HTML is shown as text. */
        GZ_MD_UNSAFE_HTML = 1 << 1,
        /* CommonMark alone, without the extensions above: only for the
         * conformance test, whose examples expect none of them. */
        GZ_MD_COMMONMARK_ONLY = 1 << 2,
};

/* Longer sources give GZ_ETOOBIG (gz_markdown_text reads only this much). */
enum { GZ_MD_MAX_SOURCE = 16 << 20 };

struct gz_md_image {
        const char *url; /* as written, NUL-terminated */
        const char *alt;
        const char *title; /* NULL when none */
};

/* Lets content resolve images from the media library (src="media:42"):
 * writes the whole <img> (or <picture>) element and returns true, or
 * returns false to let the renderer write a plain <img>. Caption and
 * credit for a figure come back through *caption / *credit (may stay NULL).
 * Strings are plain text (the renderer escapes them); url, alt and title are
 * decoded (entities and backslash escapes resolved). A caption from the hook
 * replaces the title as figcaption; the credit is shown as
 * <small class="credit"> inside it. Called for every image, also when not
 * alone in its paragraph (then caption and credit are unused). */
struct gz_md_hooks {
        bool (*image)(void *ctx, const struct gz_md_image *img, struct gz_buf *out,
                      const char **caption, const char **credit);
        void *ctx;
};

/* Appends the HTML of Markdown src to out. With GZ_MD_FIGURES, images the
 * renderer writes get loading="lazy" decoding="async", an image alone in a
 * paragraph is <figure><img ...><figcaption>caption</figcaption></figure>
 * (no figcaption without caption or credit), and headings get ids from
 * their text (letters lowercased in any script, white space to '-',
 * punctuation dropped, "-2", "-3" for repeats, "section" when nothing is
 * left). Malformed UTF-8 is replaced by U+FFFD.
 * On error out is left as it was. */
enum gz_err gz_markdown_render(const char *src, size_t len, unsigned flags,
                               const struct gz_md_hooks *hooks, struct gz_buf *out,
                               struct gz_error *err);
/* Plain text of Markdown (for excerpts, search and feeds' summaries):
 * no markup, entities decoded, blocks separated by a blank line, list items
 * and table rows by a newline, table cells by a tab, soft line breaks as
 * spaces, images as their alt text. Raw HTML is text, as on the page. */
void gz_markdown_text(const char *src, size_t len, struct gz_buf *out);

/* ---- pictures from the media library ---------------------------------- */

struct gz_media;

/* Writes <picture> with WebP and JPEG srcsets, width/height (no layout
 * shift) and alt text (alt overrides the media's own when not NULL).
 * sizes is the sizes attribute; lazy adds loading="lazy". Media files are
 * served under /media/. */
void gz_render_picture(struct gz_buf *out, const struct gz_media *m, const char *alt,
                       const char *sizes, bool lazy);
/* The URL of the rendition closest to width in a type ("jpeg", "webp"). */
const char *gz_media_url(struct gz_arena *a, const struct gz_media *m, int width, const char *type,
                         int *out_width, int *out_height);

/* ---- HTML sanitizer (gumbo) ------------------------------------------ */

/* Rewrites untrusted HTML to an allowlist of elements and attributes; see
 * sanitize.c for the rules. Output is stable: sanitizing it again changes
 * nothing. */
enum gz_err gz_sanitize_html(const char *html, size_t len, struct gz_buf *out,
                             struct gz_error *err);

/* ---- dates, calendars and time zones (ICU) --------------------------- */

enum gz_date_style {
        GZ_DATE_LONG,      /* "Sunday, 29 November 2026" (the date bar) */
        GZ_DATE_MEDIUM,    /* "29 November 2026" */
        GZ_DATE_SHORT,     /* "29 Nov 2026" */
        GZ_DATE_TIME,      /* "29 November 2026 at 09:43" (the locale's clock) */
        GZ_DATE_MONTH_YEAR /* "November 2026" */
};

/* Formats t in a locale such as "en", "fa" (Persian calendar by default),
 * "ar", or with an explicit calendar "fa@calendar=gregorian", in an IANA time
 * zone. Falls back to ISO 8601 if ICU cannot. Thread-safe (per-thread cache).
 * Appends UTF-8. Locales are ICU ids or BCP 47 tags ("fa-IR",
 * "ar-EG-u-nu-latn"); a bare "en" is formatted as en_GB (day first). Calendar
 * and digits are the locale's CLDR defaults ("ar_SA" is Umm al-Qura) unless
 * "@calendar=" / "@numbers=" say otherwise. A language ICU has no data for,
 * an empty locale or an unknown style give "YYYY-MM-DD" (" HH:MM" for
 * GZ_DATE_TIME); an unknown zone is UTC. See dates.c. */
void gz_date_format(struct gz_buf *out, const char *locale, const char *tz, gz_time t,
                    enum gz_date_style style);
/* Seconds east of UTC for tz at instant t (0 for an unknown zone). */
int gz_tz_offset(const char *tz, gz_time t);
/* True when tz is an IANA zone ICU knows ("UTC" yes; "GMT+3", "utc" no). */
bool gz_tz_valid(const char *tz);
/* The civil date in tz at t. */
void gz_tz_civil(const char *tz, gz_time t, int *year, int *month, int *day);
/* The instant of local wall time in tz (for forms in the site's time zone).
 * A time skipped by a spring-forward gap is read with the offset before the
 * gap (02:30 becomes 03:30 that morning); a time that occurs twice is the
 * first one. Out-of-range fields carry over as in mktime(). */
gz_time gz_tz_from_local(const char *tz, int year, int month, int day, int hour, int min);
/* The next local midnight after t in tz (when the date bar changes): the
 * first instant after t with another local date, also where DST skips or
 * repeats midnight. */
gz_time gz_tz_next_midnight(const char *tz, gz_time t);
/* "rtl" for Arabic, Persian, Hebrew, Urdu...; "ltr" otherwise (ICU's
 * uloc_isRightToLeft, so "az-Arab" is rtl and "sd-Deva" ltr). */
const char *gz_lang_dir(const char *lang);

/* ---- the default theme, compiled into the binary ---------------------- */

struct gz_embedded_file {
        const char *name; /* "templates/article.mustache", "assets/style.css" */
        const unsigned char *data;
        size_t len;
};

extern const struct gz_embedded_file gz_theme_files[];
extern const size_t gz_theme_file_count;

#endif
