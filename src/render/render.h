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

/* ---- Markdown -------------------------------------------------------- */

enum {
        /* An image alone in its paragraph becomes <figure> with the image's
         * title as <figcaption>; headings get id anchors. */
        GZ_MD_FIGURES = 1 << 0,
        /* Raw HTML passes through: only for the CommonMark conformance test.
         * Without it raw HTML is shown as text. */
        GZ_MD_UNSAFE_HTML = 1 << 1,
};

struct gz_md_image {
        const char *url; /* as written, NUL-terminated */
        const char *alt;
        const char *title; /* NULL when none */
};

/* Lets content resolve images from the media library (src="media:42"):
 * writes the whole <img> (or <picture>) element and returns true, or
 * returns false to let the renderer write a plain <img>. Caption and
 * credit for a figure come back through *caption / *credit (may stay NULL). */
struct gz_md_hooks {
        bool (*image)(void *ctx, const struct gz_md_image *img, struct gz_buf *out,
                      const char **caption, const char **credit);
        void *ctx;
};

enum gz_err gz_markdown_render(const char *src, size_t len, unsigned flags,
                               const struct gz_md_hooks *hooks, struct gz_buf *out,
                               struct gz_error *err);
/* Plain text of Markdown (for excerpts, search and feeds' summaries). */
void gz_markdown_text(const char *src, size_t len, struct gz_buf *out);

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
        GZ_DATE_TIME,      /* "29 November 2026, 09:43" */
        GZ_DATE_MONTH_YEAR /* "November 2026" */
};

/* Formats t in a locale such as "en", "fa" (Persian calendar by default),
 * "ar", or with an explicit calendar "fa@calendar=gregorian", in an IANA time
 * zone. Falls back to ISO 8601 if ICU cannot. Thread-safe (per-thread cache). */
void gz_date_format(struct gz_buf *out, const char *locale, const char *tz, gz_time t,
                    enum gz_date_style style);
/* Seconds east of UTC for tz at instant t (0 for an unknown zone). */
int gz_tz_offset(const char *tz, gz_time t);
/* True when tz is a zone ICU knows. */
bool gz_tz_valid(const char *tz);
/* The civil date in tz at t. */
void gz_tz_civil(const char *tz, gz_time t, int *year, int *month, int *day);
/* The instant of local wall time in tz (for forms in the site's time zone). */
gz_time gz_tz_from_local(const char *tz, int year, int month, int day, int hour, int min);
/* The next local midnight after t in tz (when the date bar changes). */
gz_time gz_tz_next_midnight(const char *tz, gz_time t);
/* "rtl" for Arabic, Persian, Hebrew, Urdu...; "ltr" otherwise. */
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
