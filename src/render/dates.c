/* Dates in the site's languages, calendars and time zone, with ICU.
 * Opening an ICU formatter costs far more than using one, so each thread keeps
 * a few formatters and calendars, freed when the thread exits.
 *
 * Decisions a caller may need:
 * - Locales are ICU ids ("fa", "ar_EG", "fa@calendar=gregorian") or BCP 47
 *   tags ("fa-IR", "ar-EG-u-nu-latn"). A bare "en" is formatted as en_GB
 *   (day before month: "Sunday, 29 November 2026"); "en_US" keeps US order.
 * - The calendar and digits are the locale's own in CLDR: "fa" Persian with
 *   Persian digits, "ar" Gregorian with Arabic-Indic digits, "ar_MA" Latin
 *   digits, "ar_SA" Umm al-Qura; "@calendar=" and "@numbers=" override them.
 * - A language ICU has no data for, an empty locale or any ICU error gives ISO
 *   8601 ("2026-11-29", "2026-11-29 09:43") in the zone, never the process's
 *   default locale.
 * - An unknown zone (only IANA ids count, not "GMT+3") is taken as UTC.
 * - Local wall time that does not exist (a spring-forward gap) is read with
 *   the offset in force before the gap, so 02:30 becomes 03:30 the same
 *   morning, as Java and Python do; a wall time that occurs twice (fall back)
 *   is the first occurrence.
 * - Instants are clamped to the years 1-9999, so no arithmetic can overflow. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ucal.h>
#include <unicode/udat.h>
#include <unicode/udatpg.h>
#include <unicode/uloc.h>
#include <unicode/ures.h>
#include <unicode/ustring.h>

#include "render.h"

enum {
        FORMAT_SLOTS = 16,  /* a page shows a few styles in a few languages */
        CALENDAR_SLOTS = 4, /* a site has one zone, UTC is the other */
        LOCALE_MAX = ULOC_FULLNAME_CAPACITY,
        ZONE_MAX = 64, /* the longest IANA id is 32 bytes */
        PATTERN_MAX = 128,
        TRANSITIONS_MAX = 8 /* a day never holds more offset changes than this */
};

#define TIME_MIN ((gz_time)-62135596800LL) /* 0001-01-01T00:00:00Z */
#define TIME_MAX ((gz_time)253402300799LL) /* 9999-12-31T23:59:59Z */
#define DAY 86400
/* ICU's earliest date: a Gregorian change before it makes the calendar
 * proleptic, as gz_time_to_civil() counts days. */
#define ICU_MIN_MILLIS (-184303902528000000.0)

/* Skeletons, not fixed patterns: each locale orders and words them its own
 * way. ICU 72 maps yMMMMEEEEd to the locale's own full date pattern. */
static const char *const style_skeletons[] = {[GZ_DATE_LONG] = "yMMMMEEEEd",
                                              [GZ_DATE_MEDIUM] = "yMMMMd",
                                              [GZ_DATE_SHORT] = "yMMMd",
                                              [GZ_DATE_TIME] = "yMMMMdjmm",
                                              [GZ_DATE_MONTH_YEAR] = "yMMMM"};

/* A bare "en" is read as en_GB: day first, as the date bar is designed
 * ("Sunday, 29 November 2026"), where en_US would put the month first. */
static const char english_default_region[] = "GB";

struct format_slot {
        bool filled;
        UDateFormat *format; /* NULL: the locale cannot be formatted (ISO instead) */
        unsigned long long used;
        enum gz_date_style style;
        char locale[LOCALE_MAX];
        char zone[ZONE_MAX];
};

struct calendar_slot {
        bool filled;
        UCalendar *calendar; /* NULL: not a zone ICU knows */
        unsigned long long used;
        char zone[ZONE_MAX];
};

struct date_cache {
        unsigned long long clock; /* for least-recently-used replacement */
        struct format_slot formats[FORMAT_SLOTS];
        struct calendar_slot calendars[CALENDAR_SLOTS];
};

static _Thread_local struct date_cache *thread_cache;
static pthread_key_t cache_key;
static pthread_once_t cache_once = PTHREAD_ONCE_INIT;
static bool cache_key_made;

static void
cache_free(void *p)
{
        struct date_cache *cache = p;
        for (size_t i = 0; i < FORMAT_SLOTS; i++)
                if (cache->formats[i].format != NULL)
                        udat_close(cache->formats[i].format);
        for (size_t i = 0; i < CALENDAR_SLOTS; i++)
                if (cache->calendars[i].calendar != NULL)
                        ucal_close(cache->calendars[i].calendar);
        free(cache);
        if (thread_cache == cache)
                thread_cache = NULL;
}

static void
cache_key_make(void)
{
        cache_key_made = pthread_key_create(&cache_key, cache_free) == 0;
}

static struct date_cache *
cache_get(void)
{
        if (thread_cache != NULL)
                return thread_cache;
        pthread_once(&cache_once, cache_key_make);
        struct date_cache *cache = gz_xcalloc(1, sizeof(*cache));
        /* Without the key the cache still works; it is only not freed at
         * thread exit. */
        if (cache_key_made)
                (void)pthread_setspecific(cache_key, cache);
        thread_cache = cache;
        return cache;
}

static gz_time
clamp_time(gz_time t)
{
        return t < TIME_MIN ? TIME_MIN : t > TIME_MAX ? TIME_MAX : t;
}

static int64_t
floor_div(int64_t a, int64_t b)
{
        int64_t q = a / b;
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

/* Copies s into a key buffer; false when it does not fit. */
static bool
key_copy(char *dst, size_t cap, const char *s)
{
        size_t n = strlen(s);
        if (n >= cap)
                return false;
        memcpy(dst, s, n + 1);
        return true;
}

/* ---- zones ----------------------------------------------------------- */

/* The zone id in UTF-16 if it is an IANA zone ICU knows; "GMT+3" style
 * custom ids and ICU's own "Etc/Unknown" are refused. */
static bool
zone_to_uchars(const char *tz, UChar *out, int32_t cap)
{
        UErrorCode status = U_ZERO_ERROR;
        int32_t len = 0;
        u_strFromUTF8(out, cap, &len, tz, -1, &status);
        if (U_FAILURE(status) || status == U_STRING_NOT_TERMINATED_WARNING || len == 0)
                return false;
        UChar canonical[ZONE_MAX];
        UBool is_system = false;
        ucal_getCanonicalTimeZoneID(out, len, canonical, ZONE_MAX, &is_system, &status);
        return U_SUCCESS(status) && is_system;
}

static UCalendar *
calendar_open(const char *tz)
{
        UChar zone[ZONE_MAX];
        if (!zone_to_uchars(tz, zone, ZONE_MAX))
                return NULL;
        UErrorCode status = U_ZERO_ERROR;
        UCalendar *cal = ucal_open(zone, -1, "en_US_POSIX", UCAL_GREGORIAN, &status);
        if (U_FAILURE(status)) {
                if (cal != NULL)
                        ucal_close(cal);
                return NULL;
        }
        ucal_setGregorianChange(cal, ICU_MIN_MILLIS, &status);
        ucal_setAttribute(cal, UCAL_LENIENT, 1);
        ucal_setAttribute(cal, UCAL_REPEATED_WALL_TIME, UCAL_WALLTIME_FIRST);
        ucal_setAttribute(cal, UCAL_SKIPPED_WALL_TIME, UCAL_WALLTIME_LAST);
        if (U_FAILURE(status)) {
                ucal_close(cal);
                return NULL;
        }
        return cal;
}

/* This thread's calendar for tz, or NULL for a zone ICU does not know. */
static UCalendar *
calendar_get(const char *tz)
{
        if (tz == NULL || strlen(tz) >= ZONE_MAX)
                return NULL;
        struct date_cache *cache = cache_get();
        struct calendar_slot *victim = &cache->calendars[0];
        for (size_t i = 0; i < CALENDAR_SLOTS; i++) {
                struct calendar_slot *slot = &cache->calendars[i];
                if (slot->filled && strcmp(slot->zone, tz) == 0) {
                        slot->used = ++cache->clock;
                        return slot->calendar;
                }
                if (!slot->filled || (victim->filled && slot->used < victim->used))
                        victim = slot;
        }
        if (victim->calendar != NULL)
                ucal_close(victim->calendar);
        key_copy(victim->zone, ZONE_MAX, tz);
        victim->calendar = calendar_open(tz);
        victim->filled = true;
        victim->used = ++cache->clock;
        return victim->calendar;
}

static bool
calendar_offset(UCalendar *cal, gz_time t, int *offset)
{
        UErrorCode status = U_ZERO_ERROR;
        ucal_setMillis(cal, (UDate)t * 1000.0, &status);
        int32_t zone_ms = ucal_get(cal, UCAL_ZONE_OFFSET, &status);
        int32_t dst_ms = ucal_get(cal, UCAL_DST_OFFSET, &status);
        if (U_FAILURE(status))
                return false;
        *offset = (zone_ms + dst_ms) / 1000;
        return true;
}

static int
zone_offset(UCalendar *cal, gz_time t)
{
        int offset = 0;
        if (cal == NULL || !calendar_offset(cal, t, &offset))
                return 0;
        return offset;
}

/* The first offset change strictly after t, if there is one. */
static bool
calendar_next_transition(UCalendar *cal, gz_time t, gz_time *next)
{
        UErrorCode status = U_ZERO_ERROR;
        UDate when = 0;
        ucal_setMillis(cal, (UDate)t * 1000.0, &status);
        if (U_FAILURE(status) ||
            !ucal_getTimeZoneTransitionDate(cal, UCAL_TZ_TRANSITION_NEXT, &when, &status) ||
            U_FAILURE(status) || when / 1000.0 > (double)TIME_MAX)
                return false;
        *next = (gz_time)(when / 1000.0);
        return *next > t;
}

int
gz_tz_offset(const char *tz, gz_time t)
{
        return zone_offset(calendar_get(tz), clamp_time(t));
}

bool
gz_tz_valid(const char *tz)
{
        return calendar_get(tz) != NULL;
}

void
gz_tz_civil(const char *tz, gz_time t, int *year, int *month, int *day)
{
        t = clamp_time(t);
        gz_time_to_civil(t + gz_tz_offset(tz, t), year, month, day, NULL, NULL, NULL, NULL);
}

static int
clamp_field(int v, int lo, int hi)
{
        return v < lo ? lo : v > hi ? hi : v;
}

gz_time
gz_tz_from_local(const char *tz, int year, int month, int day, int hour, int min)
{
        /* Out-of-range fields are carried over (month 13 is next January) as
         * mktime() does; the bounds only keep ICU's arithmetic in range. */
        year = clamp_field(year, 0, 10000);
        month = clamp_field(month, -1200000, 1200000);
        day = clamp_field(day, -10000000, 10000000);
        hour = clamp_field(hour, -100000000, 100000000);
        min = clamp_field(min, -100000000, 100000000);
        /* An unknown zone reads the wall time as UTC; ICU's calendar still does
         * the carrying. */
        UCalendar *cal = calendar_get(tz);
        if (cal == NULL)
                cal = calendar_get("UTC");
        if (cal != NULL) {
                UErrorCode status = U_ZERO_ERROR;
                ucal_clear(cal);
                ucal_setDateTime(cal, year, month - 1, day, hour, min, 0, &status);
                UDate ms = ucal_getMillis(cal, &status);
                if (U_SUCCESS(status))
                        return clamp_time((gz_time)floor_div((int64_t)ms, 1000));
        }
        return clamp_time(gz_time_from_civil(year, clamp_field(month, 1, 12),
                                             clamp_field(day, 1, 31), clamp_field(hour, 0, 23),
                                             clamp_field(min, 0, 59), 0));
}

/* Walks the zone's offset changes: between two of them local midnight is a
 * fixed instant, and a change can itself move the date (a skipped midnight,
 * or a jump across the date line). */
gz_time
gz_tz_next_midnight(const char *tz, gz_time t)
{
        t = clamp_time(t);
        UCalendar *cal = calendar_get(tz);
        int offset = zone_offset(cal, t);
        int64_t first_day = floor_div(t + offset, DAY);
        gz_time cur = t;
        for (int i = 0; i < TRANSITIONS_MAX; i++) {
                gz_time midnight = (floor_div(cur + offset, DAY) + 1) * DAY - offset;
                gz_time change;
                if (cal == NULL || !calendar_next_transition(cal, cur, &change) ||
                    midnight < change)
                        return midnight;
                cur = change;
                offset = zone_offset(cal, cur);
                if (floor_div(cur + offset, DAY) != first_day)
                        return cur;
        }
        return (floor_div(cur + offset, DAY) + 1) * DAY - offset;
}

/* ---- locales --------------------------------------------------------- */

/* An ICU locale id from an ICU id or a BCP 47 tag, with the English default
 * region added; false when ICU cannot make one. */
static bool
locale_to_icu(const char *locale, char out[LOCALE_MAX])
{
        if (locale == NULL || locale[0] == '\0' || strlen(locale) >= LOCALE_MAX)
                return false;
        UErrorCode status = U_ZERO_ERROR;
        int32_t len = 0;
        if (strchr(locale, '-') != NULL && strchr(locale, '@') == NULL) {
                int32_t parsed = 0;
                len = uloc_forLanguageTag(locale, out, LOCALE_MAX, &parsed, &status);
                if (U_FAILURE(status) || status == U_STRING_NOT_TERMINATED_WARNING ||
                    (size_t)parsed != strlen(locale))
                        len = -1;
        } else {
                len = -1;
        }
        if (len < 0) {
                status = U_ZERO_ERROR;
                len = uloc_canonicalize(locale, out, LOCALE_MAX, &status);
        }
        if (U_FAILURE(status) || status == U_STRING_NOT_TERMINATED_WARNING || len <= 0)
                return false;
        if (strncmp(out, "en", 2) == 0 && (out[2] == '\0' || out[2] == '@')) {
                size_t n = (size_t)len, extra = sizeof(english_default_region);
                if (n + extra >= LOCALE_MAX)
                        return false;
                memmove(out + 2 + extra, out + 2, n - 2 + 1);
                out[2] = '_';
                memcpy(out + 3, english_default_region, extra - 1);
        }
        return true;
}

/* False for a language ICU has no data for: it would silently format in the
 * process's default locale. */
static bool
locale_supported(const char *icu_locale)
{
        UErrorCode status = U_ZERO_ERROR;
        UResourceBundle *bundle = ures_open(NULL, icu_locale, &status);
        const char *actual = ures_getLocaleByType(bundle, ULOC_ACTUAL_LOCALE, &status);
        char want[ULOC_LANG_CAPACITY] = "", got[ULOC_LANG_CAPACITY] = "";
        if (U_SUCCESS(status) && actual != NULL) {
                uloc_getLanguage(icu_locale, want, ULOC_LANG_CAPACITY, &status);
                uloc_getLanguage(actual, got, ULOC_LANG_CAPACITY, &status);
        }
        ures_close(bundle);
        if (U_FAILURE(status) || status == U_STRING_NOT_TERMINATED_WARNING)
                return false;
        return want[0] != '\0' && strcmp(want, "und") != 0 && strcmp(want, "root") != 0 &&
               strcmp(want, got) == 0;
}

static UDateFormat *
format_open(const char *locale, const char *tz, enum gz_date_style style)
{
        if ((unsigned)style >= GZ_ARRAY_LEN(style_skeletons))
                return NULL;
        char icu_locale[LOCALE_MAX];
        if (!locale_to_icu(locale, icu_locale) || !locale_supported(icu_locale))
                return NULL;
        UChar zone[ZONE_MAX];
        if (tz == NULL || strlen(tz) >= ZONE_MAX || !zone_to_uchars(tz, zone, ZONE_MAX))
                u_strcpy(zone, u"UTC");

        UErrorCode status = U_ZERO_ERROR;
        UChar skeleton[32], pattern[PATTERN_MAX];
        u_uastrcpy(skeleton, style_skeletons[style]);
        UDateTimePatternGenerator *generator = udatpg_open(icu_locale, &status);
        int32_t pattern_len =
            udatpg_getBestPattern(generator, skeleton, -1, pattern, PATTERN_MAX, &status);
        udatpg_close(generator);
        if (U_FAILURE(status) || status == U_STRING_NOT_TERMINATED_WARNING)
                return NULL;
        UDateFormat *format = udat_open(UDAT_PATTERN, UDAT_PATTERN, icu_locale, zone, -1, pattern,
                                        pattern_len, &status);
        if (U_FAILURE(status)) {
                if (format != NULL)
                        udat_close(format);
                return NULL;
        }
        return format;
}

/* This thread's formatter for the key, or NULL when ICU cannot format it. */
static UDateFormat *
format_get(const char *locale, const char *tz, enum gz_date_style style)
{
        if (locale == NULL || strlen(locale) >= LOCALE_MAX)
                return NULL;
        /* Too long for an IANA id, so it is UTC, as is NULL. */
        if (tz == NULL || strlen(tz) >= ZONE_MAX)
                tz = "";
        struct date_cache *cache = cache_get();
        struct format_slot *victim = &cache->formats[0];
        for (size_t i = 0; i < FORMAT_SLOTS; i++) {
                struct format_slot *slot = &cache->formats[i];
                if (slot->filled && slot->style == style && strcmp(slot->locale, locale) == 0 &&
                    strcmp(slot->zone, tz) == 0) {
                        slot->used = ++cache->clock;
                        return slot->format;
                }
                if (!slot->filled || (victim->filled && slot->used < victim->used))
                        victim = slot;
        }
        if (victim->format != NULL)
                udat_close(victim->format);
        key_copy(victim->locale, LOCALE_MAX, locale);
        key_copy(victim->zone, ZONE_MAX, tz);
        victim->style = style;
        victim->format = format_open(locale, tz, style);
        victim->filled = true;
        victim->used = ++cache->clock;
        return victim->format;
}

/* Appends the formatted date as UTF-8, or nothing and false. */
static bool
format_icu(struct gz_buf *out, UDateFormat *format, gz_time t)
{
        UChar stack[128];
        UChar *text = stack;
        UErrorCode status = U_ZERO_ERROR;
        UDate when = (UDate)t * 1000.0;
        int32_t len = udat_format(format, when, text, GZ_ARRAY_LEN(stack), NULL, &status);
        if (status == U_BUFFER_OVERFLOW_ERROR && len > 0) {
                text = malloc(((size_t)len + 1) * sizeof(UChar));
                if (text == NULL)
                        return false;
                status = U_ZERO_ERROR;
                len = udat_format(format, when, text, len + 1, NULL, &status);
        }
        bool ok = false;
        if (U_SUCCESS(status) && len > 0) {
                /* A UTF-16 unit never takes more than three UTF-8 bytes. */
                int32_t cap = len * 3, written = 0;
                gz_buf_reserve(out, (size_t)cap);
                u_strToUTF8(out->data + out->len, cap, &written, text, len, &status);
                if (U_SUCCESS(status) && written <= cap) {
                        out->len += (size_t)written;
                        ok = true;
                }
                out->data[out->len] = '\0';
        }
        if (text != stack)
                free(text);
        return ok;
}

static void
format_iso(struct gz_buf *out, const char *tz, gz_time t, enum gz_date_style style)
{
        int year, month, day, hour, min;
        gz_time_to_civil(t + gz_tz_offset(tz, t), &year, &month, &day, &hour, &min, NULL, NULL);
        gz_buf_printf(out, "%04d-%02d-%02d", year, month, day);
        if (style == GZ_DATE_TIME)
                gz_buf_printf(out, " %02d:%02d", hour, min);
}

void
gz_date_format(struct gz_buf *out, const char *locale, const char *tz, gz_time t,
               enum gz_date_style style)
{
        t = clamp_time(t);
        UDateFormat *format = format_get(locale, tz, style);
        if (format != NULL && format_icu(out, format, t))
                return;
        format_iso(out, tz, t, style);
}

const char *
gz_lang_dir(const char *lang)
{
        char icu_locale[LOCALE_MAX];
        if (!locale_to_icu(lang, icu_locale))
                return "ltr";
        return uloc_isRightToLeft(icu_locale) ? "rtl" : "ltr";
}
