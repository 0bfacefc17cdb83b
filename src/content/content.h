/* Gazette content: the newsroom's rules. Validation, slugs, rendering a body
 * once when it is saved, the publishing workflow, revisions, and telling the
 * cache exactly what changed. Handlers (site, admin, api, cli) call this;
 * this calls the store. */
#ifndef GZ_CONTENT_H
#define GZ_CONTENT_H

#include "../core/core.h"
#include "../store/store.h"

/* ---- site settings ---------------------------------------------------- */

struct gz_settings {
        const char *name; /* "The Harbour Herald" */
        const char *tagline;
        const char *description; /* for the home page's meta description */
        const char *base_url;    /* "https://example.org", no trailing slash */
        const char *timezone;    /* IANA: "Europe/Berlin" */
        const char *language;    /* the default language code */
        const char *robots;      /* extra robots.txt rules */
        const char *copyright;
        int64_t logo_media_id;
        int per_page; /* articles per list page */
        bool require_2fa;
        bool https; /* base_url starts with https: */
};

/* Reads settings with defaults for anything unset. */
void gz_settings_load(struct gz_store *s, struct gz_arena *a, struct gz_settings *out);
/* Validates and stores one setting by key (name, tagline, base_url,
 * timezone, language, per_page...): GZ_EINVAL with a message on bad values. */
enum gz_err gz_settings_set(struct gz_store *s, const char *key, const char *value,
                            struct gz_error *err);
extern const char *const gz_setting_keys[];

/* ---- slugs ------------------------------------------------------------ */

/* A URL slug from any text: letters and digits of any script lowercased,
 * Latin diacritics removed, everything else folded to single hyphens, at
 * most max_bytes long (cut at a character boundary). "" if nothing is left. */
char *gz_slugify(struct gz_arena *a, const char *text, size_t max_bytes);
/* True when s is a slug gz_slugify could have made (non-empty, no leading,
 * trailing or double hyphens, lowercase letters/digits/hyphens). */
bool gz_slug_valid(const char *s);

/* ---- the section tree -------------------------------------------------- */

struct gz_section_tree {
        struct gz_section *sections; /* parents before children */
        size_t count;
};

const struct gz_section *gz_tree_find(const struct gz_section_tree *t, int64_t id);
const struct gz_section *gz_tree_find_path(const struct gz_section_tree *t, const char *path);
/* The ids of a section and all below it. */
size_t gz_tree_subtree(const struct gz_section_tree *t, int64_t id, struct gz_arena *a,
                       int64_t **ids);
/* From the top section down to this one; returns the depth. */
size_t gz_tree_chain(const struct gz_section_tree *t, int64_t id, const struct gz_section **chain,
                     size_t max);

/* ---- changes: what the cache must forget ------------------------------ */

enum gz_change_kind {
        GZ_CHANGE_ARTICLE,  /* an article's visible state changed */
        GZ_CHANGE_SECTIONS, /* the section tree */
        GZ_CHANGE_AUTHOR,
        GZ_CHANGE_TAG,
        GZ_CHANGE_MEDIA,
        GZ_CHANGE_SETTINGS, /* everything */
        GZ_CHANGE__MAX
};

/* An article change names its state before and after, so every page that
 * showed it or will show it can be found. */
struct gz_article_ref {
        bool visible; /* published and live */
        const char *lang, *slug;
        enum gz_article_kind kind;
        int64_t section_id;
        gz_time published_at;
        const int64_t *author_ids;
        size_t author_count;
        const int64_t *tag_ids;
        size_t tag_count;
};

struct gz_change {
        enum gz_change_kind kind;
        int64_t id;
        struct gz_article_ref before, after; /* GZ_CHANGE_ARTICLE */
};

typedef void (*gz_change_fn)(void *ctx, const struct gz_change *change);

/* ---- the content context ----------------------------------------------- */

struct gz_content {
        struct gz_store *store;
        const char *site_dir;
        gz_change_fn on_change; /* may be NULL */
        void *change_ctx;
};

/* ---- articles ---------------------------------------------------------- */

enum gz_article_action {
        GZ_ACTION_SAVE,      /* keep the status (a new article is a draft) */
        GZ_ACTION_SUBMIT,    /* to review */
        GZ_ACTION_PUBLISH,   /* live now */
        GZ_ACTION_SCHEDULE,  /* live at scheduled_at */
        GZ_ACTION_UNPUBLISH, /* off the site */
        GZ_ACTION__MAX
};
extern const char *const gz_article_action_names[GZ_ACTION__MAX];

/* What an editor (or the API, or an import) sends. NULL fields of an
 * existing article keep their value. */
struct gz_article_input {
        int64_t id;      /* 0: new */
        int64_t version; /* the version the edit started from (updates) */
        const char *kind, *lang, *slug, *title, *subtitle, *excerpt, *body_md;
        const char *signature, *statement_date;
        const char *section_path; /* "" for none */
        int64_t section_id;       /* used when section_path is NULL */
        int64_t featured_media_id;
        bool set_featured;
        const int64_t *author_ids;
        size_t author_count;
        bool set_authors;
        const char *const *tag_names; /* created on the fly */
        size_t tag_count;
        bool set_tags;
        gz_time published_at;   /* imports and demo content: keep this date */
        gz_time updated_at;     /* imports and demo content: the last change (else now) */
        gz_time scheduled_at;   /* for GZ_ACTION_SCHEDULE */
        int64_t translation_of; /* joins that article's translation group */
};

/* Validates, renders the body, applies the action's status change, writes
 * the article with a revision in one transaction, logs it, and reports the
 * change. On success *id and *version hold the saved state. A stale
 * version gives GZ_ECONFLICT; bad input GZ_EINVAL with a message naming
 * the field. Permission checks are the caller's (they depend on roles). */
enum gz_err gz_article_save(struct gz_content *c, const struct gz_article_input *in,
                            enum gz_article_action action, int64_t user_id, const char *ip,
                            int64_t *id, int64_t *version, struct gz_error *err);

/* Renders Markdown with the site's rules (figures, media: images). When
 * missing_alt is not NULL it gets the id of a library image used without
 * any alt text (0 if none). */
enum gz_err gz_content_render_body(struct gz_content *c, struct gz_arena *a, const char *md,
                                   const char **html, const char **text, int64_t *missing_alt,
                                   struct gz_error *err);
/* First words of a text, ended with an ellipsis when cut. */
char *gz_content_excerpt(struct gz_arena *a, const char *text, size_t max_chars);

/* Publishes scheduled articles whose time has come; returns how many. */
size_t gz_content_publish_due(struct gz_content *c, gz_time now);

/* The public address of an article: "/2026/11/slug/", "/fa/2026/11/slug/",
 * "/about/" for pages. In the arena. */
char *gz_article_path(struct gz_arena *a, const struct gz_article *ar, const char *default_lang,
                      const char *tz);

/* The state of an article as a change names it (in the arena). */
void gz_content_article_ref(struct gz_article_ref *ref, const struct gz_article *ar,
                            struct gz_arena *a);
/* Moves an article to the trash (off the site) or back from it (as a
 * draft when it was published). */
enum gz_err gz_article_trash(struct gz_content *c, int64_t id, bool trash, int64_t user_id,
                             const char *ip, struct gz_error *err);

/* ---- accounts ------------------------------------------------------------ */

/* Creates an account: a valid email not yet used, a name, a role, and a
 * password that meets the policy (12 characters or more). actor_id and ip
 * are for the audit log (0 and NULL from the command line). */
enum gz_err gz_user_create(struct gz_content *c, const char *email, const char *name,
                           const char *role, const char *password, int64_t actor_id, const char *ip,
                           int64_t *id, struct gz_error *err);

/* What to change in an account; NULL and false leave a field alone. */
struct gz_user_change {
        const char *name, *role, *password;
        bool set_disabled, disabled;
        bool reset_2fa;
        bool set_author;
        int64_t author_id;
};

/* Changes the account with that email (or id when email is NULL). A new
 * password, a disabled account or a reset second factor ends its sessions. */
enum gz_err gz_user_change(struct gz_content *c, const char *email, int64_t id,
                           const struct gz_user_change *change, int64_t actor_id, const char *ip,
                           struct gz_error *err);

/* ---- media -------------------------------------------------------------- */

struct gz_media_result;

/* Records an image processed by src/media/ with its texts. The clean
 * original joins the renditions when it is a JPEG or WebP wider than them. */
enum gz_err gz_content_media_add(struct gz_content *c, const char *file_base,
                                 const struct gz_media_result *r, const char *alt,
                                 const char *caption, const char *credit, int64_t user_id,
                                 int64_t *id, struct gz_error *err);

/* ---- the demo newsroom -------------------------------------------------- */

/* Fills a new site with the demo newsroom: sections, authors, tags,
 * hand-written articles and statements, static pages and generated
 * pictures, plus extra_articles generated articles (for benchmarks). With
 * progress, a progress bar goes to standard error. */
enum gz_err gz_demo_create(struct gz_content *c, size_t extra_articles, bool progress,
                           struct gz_error *err);

/* ---- a library image changed --------------------------------------------- */

/* After a library image's alt text, caption or credit changed: renders again
 * the stored body of every article that shows it (bodies are rendered once,
 * at save, with the figure's caption and credit in them), writing only
 * body_html and summary in one transaction (no new version, no revision),
 * then reports each of those articles and the image (GZ_CHANGE_MEDIA) as
 * changed. *refreshed (may be NULL) gets how many articles were rendered. */
enum gz_err gz_content_media_refresh(struct gz_content *c, int64_t media_id, size_t *refreshed,
                                     struct gz_error *err);

#endif
