/* Gazette core: arenas, buffers, slices, errors, logging and time.
 * Knows nothing of news, HTTP or SQL; every other room builds on it. */
#ifndef GZ_CORE_H
#define GZ_CORE_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define GZ_ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))
#define GZ_PRINTF(f, a) __attribute__((format(printf, f, a)))

/* ---- errors ---------------------------------------------------------- */

enum gz_err {
        GZ_OK = 0,
        GZ_ENOMEM,    /* out of memory */
        GZ_EINVAL,    /* bad input the user can fix */
        GZ_ENOTFOUND, /* no such thing */
        GZ_ECONFLICT, /* stale version, duplicate */
        GZ_EPERM,     /* not allowed */
        GZ_EIO,       /* disk, database or system failure */
        GZ_ETOOBIG,   /* over a size limit */
        GZ_ECORRUPT,  /* a file is not what it should be */
        GZ_EBUSY,     /* try again later (locked, throttled) */
        GZ_EAUTH,     /* not signed in, or credentials wrong */
        GZ_ERR__MAX
};

/* An error with a message for the person who caused it. */
struct gz_error {
        enum gz_err code;
        char msg[512];
};

const char *gz_strerror(enum gz_err code);
/* Sets err (if not NULL) and returns code, so callers can `return gz_fail(...)`. */
enum gz_err gz_fail(struct gz_error *err, enum gz_err code, const char *fmt, ...) GZ_PRINTF(3, 4);
void gz_error_clear(struct gz_error *err);

/* ---- allocation ------------------------------------------------------ */

/* Allocation that cannot fail: on exhaustion the process aborts with file:line,
 * as h2o does. Used by the server, never by code that parses untrusted sizes. */
#define gz_xmalloc(n) gz_xmalloc_at((n), __FILE__, __LINE__)
#define gz_xcalloc(c, n) gz_xcalloc_at((c), (n), __FILE__, __LINE__)
#define gz_xrealloc(p, n) gz_xrealloc_at((p), (n), __FILE__, __LINE__)
#define gz_xstrdup(s) gz_xstrdup_at((s), __FILE__, __LINE__)
void *gz_xmalloc_at(size_t n, const char *file, int line);
void *gz_xcalloc_at(size_t count, size_t n, const char *file, int line);
void *gz_xrealloc_at(void *p, size_t n, const char *file, int line);
char *gz_xstrdup_at(const char *s, const char *file, int line);
_Noreturn void gz_oom(const char *file, int line);

/* ---- arena: per-request memory, freed all at once -------------------- */

struct gz_arena;

struct gz_arena *gz_arena_new(size_t first_block);
void gz_arena_free(struct gz_arena *a);
/* Frees everything but the first block, for reuse by the next request. */
void gz_arena_reset(struct gz_arena *a);
void *gz_arena_alloc(struct gz_arena *a, size_t n);
void *gz_arena_zalloc(struct gz_arena *a, size_t n);
char *gz_arena_strdup(struct gz_arena *a, const char *s);
char *gz_arena_strndup(struct gz_arena *a, const char *s, size_t n);
char *gz_arena_printf(struct gz_arena *a, const char *fmt, ...) GZ_PRINTF(2, 3);
char *gz_arena_vprintf(struct gz_arena *a, const char *fmt, va_list ap);
size_t gz_arena_used(const struct gz_arena *a);
/* Makes room for one more element in an arena array of *cap elements holding
 * count: returns the array to use (a copy twice as big when full). */
void *gz_arena_grow(struct gz_arena *a, void *array, size_t count, size_t *cap, size_t elem);

#define GZ_NEW(a, type) ((type *)gz_arena_zalloc((a), sizeof(type)))
#define GZ_NEW_ARRAY(a, type, n) ((type *)gz_arena_zalloc((a), sizeof(type) * (n)))

/* ---- buffer: growable bytes, always NUL-terminated -------------------- */

/* With an arena, the buffer grows inside it and is never freed by hand;
 * without one it owns heap memory released by gz_buf_free(). */
struct gz_buf {
        char *data;
        size_t len;
        size_t cap;
        struct gz_arena *arena;
};

void gz_buf_init(struct gz_buf *b, struct gz_arena *arena);
void gz_buf_free(struct gz_buf *b);
void gz_buf_reserve(struct gz_buf *b, size_t extra);
void gz_buf_put(struct gz_buf *b, const void *p, size_t n);
void gz_buf_puts(struct gz_buf *b, const char *s);
void gz_buf_putc(struct gz_buf *b, char c);
void gz_buf_printf(struct gz_buf *b, const char *fmt, ...) GZ_PRINTF(2, 3);
void gz_buf_vprintf(struct gz_buf *b, const char *fmt, va_list ap);
void gz_buf_truncate(struct gz_buf *b, size_t len);
/* Hands the heap bytes to the caller (heap buffers only). */
char *gz_buf_detach(struct gz_buf *b, size_t *len);

/* ---- slices: untrusted bytes as (pointer, length) -------------------- */

struct gz_str {
        const char *p;
        size_t n;
};

#define GZ_STR(lit) ((struct gz_str){(lit), sizeof(lit) - 1})
struct gz_str gz_str_c(const char *s);
bool gz_str_eq(struct gz_str a, struct gz_str b);
bool gz_str_eq_c(struct gz_str a, const char *s);
bool gz_str_has_prefix(struct gz_str s, const char *prefix);
char *gz_str_dup(struct gz_arena *a, struct gz_str s);

/* Parses a whole decimal string into [min, max]; false on anything else. */
bool gz_parse_int(const char *s, long long min, long long max, long long *out);
bool gz_parse_int_n(const char *s, size_t n, long long min, long long max, long long *out);

/* Checks that bytes are well-formed UTF-8 (no overlongs, no surrogates). */
bool gz_utf8_valid(const char *s, size_t n);
/* Decodes one code point at s (n bytes left); returns its length, 0 if invalid. */
size_t gz_utf8_decode(const char *s, size_t n, uint32_t *cp);
/* Length in bytes of the longest prefix of at most max_chars code points. */
size_t gz_utf8_prefix(const char *s, size_t n, size_t max_chars);

/* A fast 64-bit hash for ETags, fingerprints and hash tables (not for
 * security): zlib's CRC-32 and Adler-32 side by side, then mixed. */
uint64_t gz_hash64(const void *data, size_t n);

/* Lowercase hexadecimal of n bytes into out (2n+1 bytes). */
void gz_hex(const unsigned char *bytes, size_t n, char *out);

/* ---- files ----------------------------------------------------------- */

/* Reads a whole file (at most max bytes) into heap memory, NUL-terminated. */
enum gz_err gz_file_read(const char *path, size_t max, char **out, size_t *len,
                         struct gz_error *err);
/* Writes a file atomically: a temporary beside it, fsync, rename. */
enum gz_err gz_file_write_atomic(const char *path, const void *data, size_t len,
                                 struct gz_error *err);
/* The same without the fsync: readers see the old file or the new one, and
 * the caller makes it durable later (syncfs) where that matters. */
enum gz_err gz_file_replace(const char *path, const void *data, size_t len, struct gz_error *err);
/* mkdir -p */
enum gz_err gz_mkdirs(const char *path, int mode, struct gz_error *err);
bool gz_path_exists(const char *path);
bool gz_is_dir(const char *path);

/* ---- logging --------------------------------------------------------- */

enum gz_log_level { GZ_LOG_DEBUG, GZ_LOG_INFO, GZ_LOG_WARN, GZ_LOG_ERROR, GZ_LOG__MAX };

void gz_log_set_level(enum gz_log_level level);
void gz_log(enum gz_log_level level, const char *fmt, ...) GZ_PRINTF(2, 3);
#define gz_info(...) gz_log(GZ_LOG_INFO, __VA_ARGS__)
#define gz_warn(...) gz_log(GZ_LOG_WARN, __VA_ARGS__)
#define gz_errorf(...) gz_log(GZ_LOG_ERROR, __VA_ARGS__)

/* ---- time: seconds since the epoch, always UTC in storage ------------ */

typedef int64_t gz_time;

gz_time gz_now(void);
/* Monotonic milliseconds, for deadlines and measurements. */
int64_t gz_monotonic_ms(void);
/* A test hook: when set, gz_now() returns now + offset. */
void gz_time_set_offset(int64_t seconds);

/* "2026-11-29T06:13:29Z" (21 bytes with NUL). */
void gz_time_iso8601_utc(gz_time t, char out[32]);
/* RFC 3339 with a numeric offset: "2026-11-29T09:43:29+03:30". */
void gz_time_rfc3339(gz_time t, int offset_seconds, char out[40]);
/* RFC 7231 / RFC 822 date in GMT: "Sun, 29 Nov 2026 06:13:29 GMT". */
void gz_time_http(gz_time t, char out[40]);
/* RFC 822 with a numeric zone for RSS: "Sun, 29 Nov 2026 09:43:29 +0330". */
void gz_time_rfc822(gz_time t, int offset_seconds, char out[40]);
/* Parses "YYYY-MM-DD", "YYYY-MM-DDTHH:MM", "YYYY-MM-DD HH:MM[:SS]" with an
 * optional "Z" or "+HH:MM"; without a zone the fields are taken as UTC. */
bool gz_time_parse(const char *s, gz_time *out, bool *had_zone);
/* Civil date arithmetic (proleptic Gregorian, UTC). */
gz_time gz_time_from_civil(int year, int month, int day, int hour, int min, int sec);
void gz_time_to_civil(gz_time t, int *year, int *month, int *day, int *hour, int *min, int *sec,
                      int *weekday);

#endif
