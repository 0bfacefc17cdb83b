/* Gazette store: the only storage interface. Everything outside src/store/
 * calls these functions; only src/store/ speaks SQL. The default backend is
 * SQLite (src/store/sqlite/); the data model below is the same for any.
 *
 * Reading functions fill structs whose strings live in the caller's arena.
 * Writes happen inside gz_store_tx_begin()/commit() on one connection; reads
 * on the same thread inside a transaction see its uncommitted changes. */
#ifndef GZ_STORE_H
#define GZ_STORE_H

#include "../core/core.h"

/* ---- the newsroom's vocabulary --------------------------------------- */

enum gz_article_kind {
        GZ_KIND_NEWS,
        GZ_KIND_STATEMENT,
        GZ_KIND_OPINION,
        GZ_KIND_PAGE,
        GZ_KIND__MAX
};
enum gz_article_status {
        GZ_STATUS_DRAFT,
        GZ_STATUS_REVIEW,
        GZ_STATUS_SCHEDULED,
        GZ_STATUS_PUBLISHED,
        GZ_STATUS_UNPUBLISHED,
        GZ_STATUS__MAX
};
enum gz_author_kind { GZ_AUTHOR_PERSON, GZ_AUTHOR_ORGANIZATION, GZ_AUTHOR__MAX };
enum gz_role { GZ_ROLE_CONTRIBUTOR, GZ_ROLE_AUTHOR, GZ_ROLE_EDITOR, GZ_ROLE_ADMIN, GZ_ROLE__MAX };

extern const char *const gz_article_kind_names[GZ_KIND__MAX];
extern const char *const gz_article_status_names[GZ_STATUS__MAX];
extern const char *const gz_author_kind_names[GZ_AUTHOR__MAX];
extern const char *const gz_role_names[GZ_ROLE__MAX];
/* Name to enum; returns the __MAX value for an unknown name. */
int gz_enum_lookup(const char *const *names, int count, const char *name);

struct gz_language {
        const char *code;   /* "en", "fa" */
        const char *name;   /* in its own script */
        const char *locale; /* for ICU dates: "fa", "ar@numbers=latn" */
        int position;
        bool is_default;
};

struct gz_section {
        int64_t id;
        int64_t parent_id; /* 0 for a top section */
        const char *slug;
        const char *path; /* "world/europe" */
        const char *name;
        const char *description;
        int position;
};

struct gz_media_rendition_ref {
        int width, height;
        const char *type; /* "webp", "jpeg" */
        const char *file;
};

struct gz_media {
        int64_t id;
        const char *file_base;
        const char *source_type;
        const char *original;
        int width, height;
        const char *alt, *caption, *credit;
        int64_t bytes;
        int64_t uploaded_by;
        gz_time created_at;
        struct gz_media_rendition_ref *renditions;
        size_t rendition_count;
};

struct gz_author {
        int64_t id;
        enum gz_author_kind kind;
        const char *slug, *name, *title, *bio, *url;
        int64_t photo_media_id;
        struct gz_media *photo; /* loaded by gz_store_author_get_* */
};

struct gz_tag {
        int64_t id;
        const char *slug, *name;
        int64_t article_count; /* filled by listings that count */
};

struct gz_article {
        int64_t id;
        enum gz_article_kind kind;
        enum gz_article_status status;
        const char *lang;
        int64_t translation_group;
        int64_t section_id;
        const char *slug, *title, *subtitle, *excerpt;
        const char *summary;             /* excerpt, or the body's first words */
        const char *body_md, *body_html; /* NULL in listings */
        const char *body_text;           /* plain text, given to save for the search index */
        const char *signature, *statement_date;
        int64_t featured_media_id;
        gz_time published_at, scheduled_at, created_at, updated_at, deleted_at;
        int64_t created_by;
        int64_t version;
        /* Joined for display. */
        struct gz_author *authors;
        size_t author_count;
        struct gz_tag *tags; /* not in listings */
        size_t tag_count;
        struct gz_media *featured;
};

/* ---- opening --------------------------------------------------------- */

struct gz_store;

enum { GZ_STORE_CREATE = 1, GZ_STORE_READONLY = 2 };

/* Opens (or with GZ_STORE_CREATE creates) the database file, checks it,
 * sets WAL and foreign keys, and applies pending migrations. A file that
 * is not a Gazette database gives GZ_ECORRUPT with a clear message. */
enum gz_err gz_store_open(const char *path, unsigned flags, struct gz_store **out,
                          struct gz_error *err);
void gz_store_close(struct gz_store *s);

/* One consistent view for the reads of one page on this thread: between
 * begin and end every read sees the site as it was at the first of them
 * (and SQLite locks the file once, not once a query). Does nothing inside
 * a write transaction. */
void gz_store_snapshot_begin(struct gz_store *s);
void gz_store_snapshot_end(struct gz_store *s);
int gz_store_schema_version(struct gz_store *s);
/* "ok" or the first problem PRAGMA integrity_check reports. */
enum gz_err gz_store_check(struct gz_store *s, struct gz_arena *a, const char **result,
                           struct gz_error *err);
/* A consistent online copy of the database into path (SQLite backup API). */
enum gz_err gz_store_backup(struct gz_store *s, const char *path, struct gz_error *err);

/* Bulk loading (demo content, imports): commits stop waiting for the disk.
 * A crash during a bulk load may lose it; turn it off when done. */
void gz_store_bulk_mode(struct gz_store *s, bool on);

/* ---- transactions ---------------------------------------------------- */

enum gz_err gz_store_tx_begin(struct gz_store *s, struct gz_error *err);
enum gz_err gz_store_tx_commit(struct gz_store *s, struct gz_error *err);
void gz_store_tx_rollback(struct gz_store *s);

/* ---- settings and languages ------------------------------------------ */

/* A setting's value in the arena, or NULL when unset. */
const char *gz_store_setting_get(struct gz_store *s, struct gz_arena *a, const char *key);
enum gz_err gz_store_setting_set(struct gz_store *s, const char *key, const char *value,
                                 struct gz_error *err);
enum gz_err gz_store_languages(struct gz_store *s, struct gz_arena *a, struct gz_language **out,
                               size_t *count, struct gz_error *err);
enum gz_err gz_store_language_save(struct gz_store *s, const struct gz_language *lang,
                                   struct gz_error *err);

/* ---- sections, authors, tags ----------------------------------------- */

/* All sections, parents before children, ordered by position then name. */
enum gz_err gz_store_sections(struct gz_store *s, struct gz_arena *a, struct gz_section **out,
                              size_t *count, struct gz_error *err);
/* Inserts (id == 0) or updates; sets id. A path already used gives
 * GZ_ECONFLICT. Updating a path also rewrites the paths below it. */
enum gz_err gz_store_section_save(struct gz_store *s, struct gz_section *section,
                                  struct gz_error *err);
/* Fails with GZ_ECONFLICT while articles or subsections use it. */
enum gz_err gz_store_section_delete(struct gz_store *s, int64_t id, struct gz_error *err);

enum gz_err gz_store_author_get(struct gz_store *s, struct gz_arena *a, int64_t id,
                                const char *slug, struct gz_author **out, struct gz_error *err);
enum gz_err gz_store_authors(struct gz_store *s, struct gz_arena *a, struct gz_author **out,
                             size_t *count, struct gz_error *err);
enum gz_err gz_store_author_save(struct gz_store *s, struct gz_author *author,
                                 struct gz_error *err);

enum gz_err gz_store_tag_get(struct gz_store *s, struct gz_arena *a, int64_t id, const char *slug,
                             struct gz_tag **out, struct gz_error *err);
/* Tags with their count of published articles, most used first. */
enum gz_err gz_store_tags(struct gz_store *s, struct gz_arena *a, size_t limit, struct gz_tag **out,
                          size_t *count, struct gz_error *err);
/* Finds a tag by slug or creates it with that name; sets *id. */
enum gz_err gz_store_tag_ensure(struct gz_store *s, const char *slug, const char *name, int64_t *id,
                                struct gz_error *err);

/* ---- media ------------------------------------------------------------ */

enum gz_err gz_store_media_get(struct gz_store *s, struct gz_arena *a, int64_t id,
                               struct gz_media **out, struct gz_error *err);
/* Inserts (id == 0) or updates alt, caption and credit. */
enum gz_err gz_store_media_save(struct gz_store *s, struct gz_media *media, struct gz_error *err);
/* The library, newest first; search matches alt, caption, credit or file. */
enum gz_err gz_store_media_list(struct gz_store *s, struct gz_arena *a, const char *search,
                                size_t limit, size_t offset, struct gz_media **out, size_t *count,
                                size_t *total, struct gz_error *err);

/* ---- articles --------------------------------------------------------- */

struct gz_article_query {
        const char *lang;           /* NULL: any language */
        int status;                 /* an enum gz_article_status, or -1 for any */
        int kind;                   /* an enum gz_article_kind, or -1 for any */
        bool exclude_pages;         /* leave out kind 'page' */
        const int64_t *section_ids; /* in any of these (a subtree) */
        size_t section_count;
        int64_t tag_id, author_id;            /* 0: no filter */
        int64_t translation_group;            /* 0: no filter */
        int64_t created_by;                   /* 0: no filter (the admin\'s "mine") */
        int64_t exclude_id;                   /* leave this article out */
        bool featured_only;                   /* only those with a featured image */
        gz_time published_from, published_to; /* [from, to), 0: open */
        const int64_t *ids;                   /* only these */
        size_t id_count;
        bool trashed;               /* the trash instead of the live articles */
        bool by_updated;            /* newest change first (the admin's order) */
        const char *title_contains; /* the admin's quick search */
        size_t limit, offset;
};

/* Lists articles newest first (by published_at, then id) without bodies,
 * with authors and featured media; *total counts all matches when not NULL. */
enum gz_err gz_store_articles(struct gz_store *s, struct gz_arena *a,
                              const struct gz_article_query *q, struct gz_article **out,
                              size_t *count, size_t *total, struct gz_error *err);
/* One article with body, authors, tags and media. By id (any status), or by
 * (lang, slug) when id is 0. Trashed articles are found only by id. */
enum gz_err gz_store_article_get(struct gz_store *s, struct gz_arena *a, int64_t id,
                                 const char *lang, const char *slug, struct gz_article **out,
                                 struct gz_error *err);
/* Inserts (id == 0: sets id, version 1) or updates an article. An update
 * must carry the version it started from: a different stored version gives
 * GZ_ECONFLICT and changes nothing; success increments article->version.
 * Authors (in order) and tags are replaced by the given lists. The search
 * index follows the published state in the same transaction. */
enum gz_err gz_store_article_save(struct gz_store *s, struct gz_article *article,
                                  const int64_t *author_ids, size_t author_count,
                                  const int64_t *tag_ids, size_t tag_count, struct gz_error *err);
/* True when (lang, slug) is free for an article other than except_id. */
bool gz_store_slug_free(struct gz_store *s, const char *lang, const char *slug, int64_t except_id);
/* Related published articles: shared tags first, then same section, newer first. */
enum gz_err gz_store_related(struct gz_store *s, struct gz_arena *a,
                             const struct gz_article *article, size_t limit,
                             struct gz_article **out, size_t *count, struct gz_error *err);
/* Articles whose scheduled time has come, to be published by the caller. */
enum gz_err gz_store_due_scheduled(struct gz_store *s, struct gz_arena *a, gz_time now,
                                   int64_t **ids, size_t *count, struct gz_error *err);
/* The earliest scheduled time still ahead, or 0. */
gz_time gz_store_next_scheduled(struct gz_store *s);

/* ---- revisions -------------------------------------------------------- */

struct gz_revision {
        int64_t id, article_id, version;
        enum gz_article_status status;
        const char *title, *subtitle, *excerpt, *body_md, *signature, *statement_date;
        const char *meta; /* JSON: kind, slug, section, authors, tags, featured media */
        int64_t saved_by;
        const char *saved_by_name; /* "" when the user is gone */
        gz_time saved_at;
};

/* Records the article as saved (call after gz_store_article_save). */
enum gz_err gz_store_revision_add(struct gz_store *s, const struct gz_article *ar,
                                  const char *meta_json, int64_t user_id, struct gz_error *err);
/* Newest first, without bodies. */
enum gz_err gz_store_revisions(struct gz_store *s, struct gz_arena *a, int64_t article_id,
                               struct gz_revision **out, size_t *count, struct gz_error *err);
enum gz_err gz_store_revision_get(struct gz_store *s, struct gz_arena *a, int64_t id,
                                  struct gz_revision **out, struct gz_error *err);

/* ---- redirects -------------------------------------------------------- */

/* The target of an old address, with its status (301...), or NULL. */
const char *gz_store_redirect_get(struct gz_store *s, struct gz_arena *a, const char *from_path,
                                  int *status);
enum gz_err gz_store_redirect_set(struct gz_store *s, const char *from_path, const char *to_path,
                                  int status, struct gz_error *err);

/* ---- audit ------------------------------------------------------------ */

enum gz_err gz_store_audit(struct gz_store *s, int64_t user_id, const char *ip, const char *action,
                           const char *target, const char *detail);

struct gz_audit_entry {
        int64_t id;
        gz_time at;
        int64_t user_id;
        const char *user_name; /* "" for the system or a deleted user */
        const char *ip, *action, *target, *detail;
};

/* Newest first; *total counts all entries when not NULL. */
enum gz_err gz_store_audit_list(struct gz_store *s, struct gz_arena *a, size_t limit, size_t offset,
                                struct gz_audit_entry **out, size_t *count, size_t *total,
                                struct gz_error *err);

/* ---- users and sessions ----------------------------------------------- */

struct gz_user {
        int64_t id;
        const char *email, *name;
        enum gz_role role;
        const char *password_hash;
        int64_t author_id;       /* the byline this user writes under, or 0 */
        const char *totp_secret; /* base32, or "" */
        bool totp_enabled;
        int64_t totp_last_step;
        bool disabled;
        gz_time created_at, updated_at;
};

/* Adds a user (sets id); a taken email gives GZ_ECONFLICT. */
enum gz_err gz_store_user_add(struct gz_store *s, struct gz_user *u, struct gz_error *err);
/* By id, or by email (case-insensitive) when id is 0. */
enum gz_err gz_store_user_get(struct gz_store *s, struct gz_arena *a, int64_t id, const char *email,
                              struct gz_user **out, struct gz_error *err);
enum gz_err gz_store_users(struct gz_store *s, struct gz_arena *a, struct gz_user **out,
                           size_t *count, struct gz_error *err);
/* Writes name, role, password hash, author, 2FA fields and disabled. */
enum gz_err gz_store_user_update(struct gz_store *s, const struct gz_user *u, struct gz_error *err);
/* Records a used one-time-code step if it is newer than the last one;
 * false when it is not (a replayed code). */
bool gz_store_user_totp_step(struct gz_store *s, int64_t user_id, int64_t step);

struct gz_session {
        int64_t id, user_id;
        const char *csrf_token;
        gz_time created_at, last_seen_at, expires_at;
        const char *ip, *user_agent;
};

enum gz_err gz_store_session_add(struct gz_store *s, const char *token_hash,
                                 const struct gz_session *session, int64_t *id,
                                 struct gz_error *err);
/* The session with that token hash and its user, or GZ_ENOTFOUND. */
enum gz_err gz_store_session_get(struct gz_store *s, struct gz_arena *a, const char *token_hash,
                                 struct gz_session **session, struct gz_user **user,
                                 struct gz_error *err);
void gz_store_session_touch(struct gz_store *s, int64_t id, gz_time now);
/* Deletes one session (of that user), or all of a user's when id is 0. */
enum gz_err gz_store_session_delete(struct gz_store *s, int64_t user_id, int64_t id,
                                    struct gz_error *err);
enum gz_err gz_store_sessions(struct gz_store *s, struct gz_arena *a, int64_t user_id,
                              struct gz_session **out, size_t *count, struct gz_error *err);
/* Drops sessions past their expiry. */
void gz_store_sessions_prune(struct gz_store *s, gz_time now);

/* Recovery codes: replaces a user's codes with these hashes. */
enum gz_err gz_store_recovery_set(struct gz_store *s, int64_t user_id, const char *const *hashes,
                                  size_t count, struct gz_error *err);
/* Uses a code once: true when an unused code with that hash existed. */
bool gz_store_recovery_use(struct gz_store *s, int64_t user_id, const char *hash);
size_t gz_store_recovery_left(struct gz_store *s, int64_t user_id);

/* Failed sign-ins, for throttling. */
void gz_store_failure_add(struct gz_store *s, const char *key, gz_time at);
/* Failures of key since a time, and the time of the last one. */
size_t gz_store_failures(struct gz_store *s, const char *key, gz_time since, gz_time *last);
void gz_store_failures_clear(struct gz_store *s, const char *key);
void gz_store_failures_prune(struct gz_store *s, gz_time before);

/* ---- the trash ------------------------------------------------------- */

/* Deletes trashed articles for good (revisions too); returns how many. */
size_t gz_store_trash_empty(struct gz_store *s, struct gz_error *err);

/* ---- search, archives and sitemaps ---------------------------------- */

/* A reader's query, read without trusting it: words, "quoted phrases"
 * (also with “ ” or « »), and word* prefixes (of two letters or more).
 * FTS5 operators (AND, OR, NOT, NEAR), brackets, column filters, carets and
 * other punctuation around words, control characters and invalid UTF-8 are
 * dropped. At most GZ_SEARCH_MAX_TERMS distinct terms of at most
 * GZ_SEARCH_MAX_TERM_BYTES bytes each, read from the first
 * GZ_SEARCH_MAX_INPUT bytes. */
enum {
        GZ_SEARCH_MAX_INPUT = 1024,
        GZ_SEARCH_MAX_TERMS = 12,
        GZ_SEARCH_MAX_TERM_BYTES = 100,
};

struct gz_search_term {
        const char *text; /* valid UTF-8, no control characters or quotes */
        bool phrase;      /* it was quoted */
        bool prefix;      /* matches words that start with its last word */
};

struct gz_search_terms {
        struct gz_search_term *terms;
        size_t count;
        bool truncated; /* the input was cut: too long, too many terms */
};

void gz_store_search_parse(struct gz_arena *a, const char *input, size_t len,
                           struct gz_search_terms *out);
/* The FTS5 MATCH expression for parsed terms (every term a quoted string,
 * all required): always valid FTS5 syntax; "" when there are no terms. */
char *gz_store_search_expr(struct gz_arena *a, const struct gz_search_terms *terms);
/* Terms written back as a reader types them ("a phrase" word prefix*). */
char *gz_store_search_text(struct gz_arena *a, const struct gz_search_term *terms, size_t count);

struct gz_search_query {
        const struct gz_search_terms *terms;
        const char *lang;           /* NULL: any language */
        const int64_t *section_ids; /* in any of these (a subtree) */
        size_t section_count;
        int64_t tag_id, author_id; /* 0: no filter */
        int kind;                  /* an enum gz_article_kind, or -1 for any */
        gz_time from, to;          /* published in [from, to); 0: open */
        bool by_date;              /* newest first instead of best match first */
        size_t limit, offset;
};

/* Snippets mark the words found with these bytes (never in stored text). */
#define GZ_SEARCH_MARK_OPEN '\x01'
#define GZ_SEARCH_MARK_CLOSE '\x02'

struct gz_search_hit {
        struct gz_article article; /* as in listings */
        const char *snippet;       /* plain text with marks; "" when no body text matched */
};

/* Published, live articles matching every term, best match first (bm25:
 * title far above subtitle and excerpt, those above tags, authors and
 * body), or newest first. *total counts all matches when not NULL. Letter
 * case, Latin diacritics, Arabic harakat and the Arabic and Persian forms
 * of yeh, kaf, alef, heh and digits do not matter (see search.c). */
enum gz_err gz_store_search(struct gz_store *s, struct gz_arena *a, const struct gz_search_query *q,
                            struct gz_search_hit **out, size_t *count, size_t *total,
                            struct gz_error *err);
/* Tags of published articles in lang whose name contains word, most used
 * first (suggestions when a search finds nothing). */
enum gz_err gz_store_search_tags(struct gz_store *s, struct gz_arena *a, const char *lang,
                                 const char *word, size_t limit, struct gz_tag **out, size_t *count,
                                 struct gz_error *err);

/* Archive counts: published articles (not pages) per UTC month, newest
 * month first, in one language or all (lang NULL). */
struct gz_archive_month {
        int year, month;
        int64_t count;
        gz_time last_modified; /* the latest change of an article in it */
};
enum gz_err gz_store_archive_months(struct gz_store *s, struct gz_arena *a, const char *lang,
                                    struct gz_archive_month **out, size_t *count,
                                    struct gz_error *err);

/* For sitemaps: each section, tag or author with published articles, per
 * language, with the latest change among them. */
enum gz_list_kind { GZ_LIST_SECTIONS, GZ_LIST_TAGS, GZ_LIST_AUTHORS, GZ_LIST__MAX };
struct gz_list_lastmod {
        int64_t id;
        const char *slug; /* "" for sections */
        const char *lang;
        gz_time last_modified;
        int64_t count;
};
enum gz_err gz_store_list_lastmod(struct gz_store *s, struct gz_arena *a, enum gz_list_kind kind,
                                  struct gz_list_lastmod **out, size_t *count,
                                  struct gz_error *err);

/* ---- upkeep of sections, tags, authors and media (the admin) --------- */

/* Articles (the trash included) in a section, and its subsections. */
enum gz_err gz_store_section_usage(struct gz_store *s, int64_t id, int64_t *articles,
                                   int64_t *subsections, struct gz_error *err);
/* Moves every article of a section (the trash included) to another one, or
 * out of any section when to_id is 0; *moved (may be NULL) gets how many.
 * Articles keep their version: an address never contains its section. */
enum gz_err gz_store_section_move_articles(struct gz_store *s, int64_t from_id, int64_t to_id,
                                           size_t *moved, struct gz_error *err);

/* Articles (the trash included) that carry a tag, newest id first. */
enum gz_err gz_store_tag_article_ids(struct gz_store *s, struct gz_arena *a, int64_t tag_id,
                                     int64_t **ids, size_t *count, struct gz_error *err);
/* Renames a tag (name and slug): the slug of another tag gives
 * GZ_ECONFLICT. The search index of its articles follows. */
enum gz_err gz_store_tag_update(struct gz_store *s, const struct gz_tag *tag, struct gz_error *err);
/* Gives every article of tag from_id the tag into_id instead, then deletes
 * from_id; the search index follows. */
enum gz_err gz_store_tag_merge(struct gz_store *s, int64_t from_id, int64_t into_id,
                               struct gz_error *err);
/* Deletes a tag; its articles lose it (and the search index with them). */
enum gz_err gz_store_tag_delete(struct gz_store *s, int64_t id, struct gz_error *err);

/* How many articles (the trash included) an author signs; -1 on error. */
int64_t gz_store_author_article_count(struct gz_store *s, int64_t id);
/* Deletes an author profile that no article signs (GZ_ECONFLICT with the
 * count otherwise); accounts writing under it lose the link. */
enum gz_err gz_store_author_delete(struct gz_store *s, int64_t id, struct gz_error *err);
/* Writes the author names of the search index again for this author's
 * articles (after a rename). */
enum gz_err gz_store_author_reindex(struct gz_store *s, int64_t id, struct gz_error *err);

/* Articles (the trash included) whose body shows library image media_id
 * ("](media:ID", "<media:ID>" or "]: media:ID" in the Markdown), and with
 * featured_too also those with it as featured image; newest id first. */
enum gz_err gz_store_media_articles(struct gz_store *s, struct gz_arena *a, int64_t media_id,
                                    bool featured_too, int64_t **ids, size_t *count,
                                    struct gz_error *err);
/* Deletes a media record no article (featured or in its body, the trash
 * included) and no author profile uses; GZ_ECONFLICT naming the use
 * otherwise. Removing the files is the caller's job. */
enum gz_err gz_store_media_delete(struct gz_store *s, int64_t id, struct gz_error *err);

/* Writes only an article's rendered body and summary: no new version, no
 * revision (a body rendered again because a library image changed). */
enum gz_err gz_store_article_set_body_html(struct gz_store *s, int64_t id, const char *body_html,
                                           const char *summary, struct gz_error *err);

/* Redirects that lead to an address starting with old_prefix lead to
 * new_prefix + the rest instead, so a renamed address never redirects
 * twice; a redirect left pointing to itself is dropped. */
enum gz_err gz_store_redirects_retarget(struct gz_store *s, const char *old_prefix,
                                        const char *new_prefix, struct gz_error *err);

#endif
