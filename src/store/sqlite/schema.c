/* The SQLite schema as numbered migrations, applied in order on open.
 * Never edit a released migration: add the next one. Times are UTC seconds. */
#include "sqlite_internal.h"

static const char *const migration_1[] = {
    "CREATE TABLE settings ("
    "  key TEXT PRIMARY KEY,"
    "  value TEXT NOT NULL"
    ") WITHOUT ROWID",

    "CREATE TABLE languages ("
    "  code TEXT PRIMARY KEY," /* BCP 47: en, fa, ar */
    "  name TEXT NOT NULL,"    /* its own name: English, فارسی */
    "  locale TEXT NOT NULL,"  /* for dates: fa, fa@calendar=gregorian */
    "  position INTEGER NOT NULL DEFAULT 0,"
    "  is_default INTEGER NOT NULL DEFAULT 0 CHECK (is_default IN (0, 1))"
    ") WITHOUT ROWID",

    "CREATE TABLE media ("
    "  id INTEGER PRIMARY KEY,"
    "  file_base TEXT NOT NULL UNIQUE," /* renditions are file_base-480.webp... */
    "  source_type TEXT NOT NULL,"
    "  original TEXT NOT NULL,"
    "  width INTEGER NOT NULL CHECK (width > 0),"
    "  height INTEGER NOT NULL CHECK (height > 0),"
    "  renditions TEXT NOT NULL DEFAULT ''," /* 'width:height:type:file;...' */
    "  alt TEXT NOT NULL DEFAULT '',"
    "  caption TEXT NOT NULL DEFAULT '',"
    "  credit TEXT NOT NULL DEFAULT '',"
    "  bytes INTEGER NOT NULL DEFAULT 0,"
    "  uploaded_by INTEGER REFERENCES users(id) ON DELETE SET NULL,"
    "  created_at INTEGER NOT NULL"
    ")",

    "CREATE TABLE sections ("
    "  id INTEGER PRIMARY KEY,"
    "  parent_id INTEGER REFERENCES sections(id) ON DELETE RESTRICT,"
    "  slug TEXT NOT NULL,"
    "  path TEXT NOT NULL UNIQUE," /* world/europe */
    "  name TEXT NOT NULL,"
    "  description TEXT NOT NULL DEFAULT '',"
    "  position INTEGER NOT NULL DEFAULT 0,"
    "  created_at INTEGER NOT NULL"
    ")",

    "CREATE INDEX sections_parent ON sections(parent_id, position)",

    "CREATE TABLE authors ("
    "  id INTEGER PRIMARY KEY,"
    "  kind TEXT NOT NULL CHECK (kind IN ('person', 'organization')),"
    "  slug TEXT NOT NULL UNIQUE,"
    "  name TEXT NOT NULL,"
    "  title TEXT NOT NULL DEFAULT ''," /* role line: Chief correspondent */
    "  bio TEXT NOT NULL DEFAULT '',"
    "  url TEXT NOT NULL DEFAULT '',"
    "  photo_media_id INTEGER REFERENCES media(id) ON DELETE SET NULL,"
    "  created_at INTEGER NOT NULL"
    ")",

    "CREATE TABLE users ("
    "  id INTEGER PRIMARY KEY,"
    "  email TEXT NOT NULL UNIQUE COLLATE NOCASE,"
    "  name TEXT NOT NULL,"
    "  role TEXT NOT NULL CHECK (role IN ('contributor', 'author', 'editor', 'admin')),"
    "  password_hash TEXT NOT NULL,"
    "  author_id INTEGER REFERENCES authors(id) ON DELETE SET NULL,"
    "  totp_secret TEXT,"
    "  totp_enabled INTEGER NOT NULL DEFAULT 0,"
    "  totp_last_step INTEGER NOT NULL DEFAULT 0,"
    "  disabled INTEGER NOT NULL DEFAULT 0,"
    "  created_at INTEGER NOT NULL,"
    "  updated_at INTEGER NOT NULL"
    ")",

    "CREATE TABLE tags ("
    "  id INTEGER PRIMARY KEY,"
    "  slug TEXT NOT NULL UNIQUE,"
    "  name TEXT NOT NULL,"
    "  created_at INTEGER NOT NULL"
    ")",

    "CREATE TABLE articles ("
    "  id INTEGER PRIMARY KEY,"
    "  kind TEXT NOT NULL CHECK (kind IN ('news', 'statement', 'opinion', 'page')),"
    "  status TEXT NOT NULL CHECK (status IN"
    "    ('draft', 'review', 'scheduled', 'published', 'unpublished')),"
    "  lang TEXT NOT NULL REFERENCES languages(code),"
    "  translation_group INTEGER," /* articles that translate each other */
    "  section_id INTEGER REFERENCES sections(id) ON DELETE RESTRICT,"
    "  slug TEXT NOT NULL,"
    "  title TEXT NOT NULL,"
    "  subtitle TEXT NOT NULL DEFAULT '',"
    "  excerpt TEXT NOT NULL DEFAULT '',"        /* the editor's, may be empty */
    "  summary TEXT NOT NULL DEFAULT '',"        /* the excerpt, or the body's first words */
    "  signature TEXT NOT NULL DEFAULT '',"      /* statements: who signs */
    "  statement_date TEXT NOT NULL DEFAULT ''," /* statements: YYYY-MM-DD */
    "  featured_media_id INTEGER REFERENCES media(id) ON DELETE SET NULL,"
    "  published_at INTEGER,"
    "  scheduled_at INTEGER,"
    "  created_at INTEGER NOT NULL,"
    "  updated_at INTEGER NOT NULL,"
    "  created_by INTEGER REFERENCES users(id) ON DELETE SET NULL,"
    "  version INTEGER NOT NULL DEFAULT 1,"
    "  deleted_at INTEGER," /* in the trash when set */
    /* The bodies come last: a row's later columns sit after its earlier
     * ones on overflow pages, so listings that read dates and titles never
     * walk through kilobytes of text. */
    "  body_html TEXT NOT NULL DEFAULT ''," /* rendered when saved, never from input */
    "  body_md TEXT NOT NULL DEFAULT '',"
    "  UNIQUE (lang, slug)"
    ")",

    "CREATE INDEX articles_listing ON articles(status, lang, published_at DESC)",

    "CREATE INDEX articles_section ON articles(section_id, status, published_at DESC)",

    "CREATE INDEX articles_group ON articles(translation_group)",

    "CREATE INDEX articles_scheduled ON articles(status, scheduled_at)",

    "CREATE TABLE article_authors ("
    "  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,"
    "  author_id INTEGER NOT NULL REFERENCES authors(id) ON DELETE RESTRICT,"
    "  position INTEGER NOT NULL,"
    "  PRIMARY KEY (article_id, author_id)"
    ") WITHOUT ROWID",

    "CREATE INDEX article_authors_author ON article_authors(author_id, article_id)",

    "CREATE TABLE article_tags ("
    "  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,"
    "  tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,"
    "  PRIMARY KEY (article_id, tag_id)"
    ") WITHOUT ROWID",

    "CREATE INDEX article_tags_tag ON article_tags(tag_id, article_id)",

    "CREATE TABLE revisions ("
    "  id INTEGER PRIMARY KEY,"
    "  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,"
    "  version INTEGER NOT NULL,"
    "  status TEXT NOT NULL,"
    "  title TEXT NOT NULL,"
    "  subtitle TEXT NOT NULL,"
    "  excerpt TEXT NOT NULL,"
    "  body_md TEXT NOT NULL,"
    "  signature TEXT NOT NULL,"
    "  statement_date TEXT NOT NULL,"
    "  meta TEXT NOT NULL DEFAULT '{}'," /* section, authors, tags, media as JSON */
    "  saved_by INTEGER REFERENCES users(id) ON DELETE SET NULL,"
    "  saved_at INTEGER NOT NULL,"
    "  UNIQUE (article_id, version)"
    ")",

    "CREATE TABLE redirects ("
    "  from_path TEXT PRIMARY KEY,"
    "  to_path TEXT NOT NULL,"
    "  status INTEGER NOT NULL DEFAULT 301 CHECK (status IN (301, 302, 307, 308, 410)),"
    "  created_at INTEGER NOT NULL"
    ") WITHOUT ROWID",

    "CREATE TABLE sessions ("
    "  id INTEGER PRIMARY KEY,"
    "  token_hash TEXT NOT NULL UNIQUE,"
    "  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,"
    "  csrf_token TEXT NOT NULL,"
    "  created_at INTEGER NOT NULL,"
    "  last_seen_at INTEGER NOT NULL,"
    "  expires_at INTEGER NOT NULL,"
    "  ip TEXT NOT NULL DEFAULT '',"
    "  user_agent TEXT NOT NULL DEFAULT '',"
    "  second_factor_done INTEGER NOT NULL DEFAULT 0"
    ")",

    "CREATE INDEX sessions_user ON sessions(user_id)",

    "CREATE TABLE audit_log ("
    "  id INTEGER PRIMARY KEY,"
    "  at INTEGER NOT NULL,"
    "  user_id INTEGER REFERENCES users(id) ON DELETE SET NULL,"
    "  ip TEXT NOT NULL DEFAULT '',"
    "  action TEXT NOT NULL,"
    "  target TEXT NOT NULL DEFAULT '',"
    "  detail TEXT NOT NULL DEFAULT ''"
    ")",

    "CREATE INDEX audit_log_at ON audit_log(at DESC)",

    /* Published articles only; rowid = articles.id. Changed in the same
     * transaction as the article, so search never shows an unpublished one. */
    "CREATE VIRTUAL TABLE articles_fts USING fts5("
    "  title, subtitle, excerpt, body, authors, tags,"
    "  tokenize = 'unicode61 remove_diacritics 2'"
    ")",

    NULL,
};

/* Sign-in: one-time recovery codes (hashed) and failed attempts for
 * throttling, keyed by account ("u:<email>") or address ("ip:<addr>"). */
static const char *const migration_2[] = {
    "CREATE TABLE recovery_codes ("
    "  id INTEGER PRIMARY KEY,"
    "  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,"
    "  code_hash TEXT NOT NULL,"
    "  used_at INTEGER"
    ")",
    "CREATE INDEX recovery_codes_user ON recovery_codes(user_id)",
    "CREATE TABLE login_failures ("
    "  key TEXT NOT NULL,"
    "  at INTEGER NOT NULL"
    ")",
    "CREATE INDEX login_failures_key ON login_failures(key, at)",
    NULL,
};

/* Search and archives: the index moves to the "gazette" tokenizer
 * (search.c), which finds Arabic and Persian words whatever their harakat
 * and letter forms. The rows are rebuilt from the articles; the body is
 * indexed from its Markdown until the next save indexes its plain text. */
static const char *const migration_3[] = {
    "DROP TABLE articles_fts",
    "CREATE VIRTUAL TABLE articles_fts USING fts5("
    "  title, subtitle, excerpt, body, authors, tags,"
    "  tokenize = 'gazette remove_diacritics 2'"
    ")",
    "INSERT INTO articles_fts (rowid, title, subtitle, excerpt, body, authors, tags) "
    "SELECT a.id, a.title, a.subtitle, a.excerpt, a.body_md, "
    "(SELECT group_concat(au.name, ' ') FROM article_authors aa JOIN authors au ON au.id = "
    "aa.author_id WHERE aa.article_id = a.id), "
    "(SELECT group_concat(t.name, ' ') FROM article_tags at JOIN tags t ON t.id = at.tag_id "
    "WHERE at.article_id = a.id) "
    "FROM articles a WHERE a.status = 'published' AND a.deleted_at IS NULL",
    /* Archive counts, sitemaps and list totals read only these columns: from
     * the index they never touch the rows, whose bodies come first. */
    "CREATE INDEX articles_archive ON articles(status, lang, published_at, kind, deleted_at, "
    "updated_at, section_id)",
    NULL,
};

/* Lists of one kind (the footer's static pages, statements) found without
 * scanning every published article: 17 ms a page at 10,000 articles
 * before, measured with perf on the article page. */
static const char *const migration_4[] = {
    "CREATE INDEX articles_kind ON articles(kind, status, lang, published_at DESC)",
    NULL,
};

/* Tag and author lists (their pages, feeds, and related articles) read the
 * newest live links from an index instead of sorting every article of a
 * popular tag: each link carries its article's publication time and
 * whether it is live (published, not in the trash, not a page). */
static const char *const migration_5[] = {
    "ALTER TABLE article_tags ADD COLUMN published_at INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE article_tags ADD COLUMN live INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE article_authors ADD COLUMN published_at INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE article_authors ADD COLUMN live INTEGER NOT NULL DEFAULT 0",
    "UPDATE article_tags SET published_at = coalesce((SELECT a.published_at FROM articles a "
    "WHERE a.id = article_id), 0), live = coalesce((SELECT a.status = 'published' AND "
    "a.deleted_at IS NULL AND a.kind != 'page' FROM articles a WHERE a.id = article_id), 0)",
    "UPDATE article_authors SET published_at = coalesce((SELECT a.published_at FROM articles a "
    "WHERE a.id = article_id), 0), live = coalesce((SELECT a.status = 'published' AND "
    "a.deleted_at IS NULL AND a.kind != 'page' FROM articles a WHERE a.id = article_id), 0)",
    "CREATE INDEX article_tags_live ON article_tags(tag_id, published_at DESC) WHERE live = 1",
    "CREATE INDEX article_authors_live ON article_authors(author_id, published_at DESC) "
    "WHERE live = 1",
    NULL,
};

const char *const *const gz_sqlite_migrations[] = {
    migration_1, migration_2, migration_3, migration_4, migration_5,
};
const size_t gz_sqlite_migration_count = GZ_ARRAY_LEN(gz_sqlite_migrations);
