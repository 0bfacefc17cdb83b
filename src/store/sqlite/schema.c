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
    "  excerpt TEXT NOT NULL DEFAULT ''," /* the editor's, may be empty */
    "  summary TEXT NOT NULL DEFAULT ''," /* the excerpt, or the body's first words */
    "  body_md TEXT NOT NULL DEFAULT '',"
    "  body_html TEXT NOT NULL DEFAULT '',"      /* rendered when saved, never from input */
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

const char *const *const gz_sqlite_migrations[] = {
    migration_1,
};
const size_t gz_sqlite_migration_count = GZ_ARRAY_LEN(gz_sqlite_migrations);
