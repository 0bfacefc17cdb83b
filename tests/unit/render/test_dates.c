/* Unit tests for src/render/dates.c: locales, calendars, digits, time zones,
 * DST edges, midnights, text direction and the per-thread ICU cache.
 * Expected strings are ICU 72's (Debian libicu72, tzdata 2022e or later). */
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "render/render.h"

/* 2026-11-29T06:13:29Z: 09:43 in Tehran, 8 Azar 1405. */
static const gz_time sunday = 1795932809;
/* 2026-11-29T21:00:00Z: still the 29th in UTC, 00:30 on the 30th in Tehran. */
static const gz_time near_midnight = 1795986000;

static const char *const styles[] = {"LONG", "MEDIUM", "SHORT", "TIME", "MONTH_YEAR"};

static void
expect_date(const char *locale, const char *tz, gz_time t, enum gz_date_style style,
            const char *want)
{
        struct gz_buf b;
        gz_buf_init(&b, NULL);
        gz_date_format(&b, locale, tz, t, style);
        if (strcmp(b.data, want) != 0)
                fail_msg("%s %s %s: got \"%s\", want \"%s\"", locale ? locale : "(null)",
                         tz ? tz : "(null)", (unsigned)style < 5 ? styles[style] : "?", b.data,
                         want);
        assert_int_equal(b.len, strlen(want));
        gz_buf_free(&b);
}

static void
expect_styles(const char *locale, const char *tz, gz_time t, const char *const want[5])
{
        for (int s = GZ_DATE_LONG; s <= GZ_DATE_MONTH_YEAR; s++)
                expect_date(locale, tz, t, (enum gz_date_style)s, want[s]);
}

static void
english_puts_the_day_first(void **state)
{
        (void)state;
        static const char *const gb[5] = {"Sunday, 29 November 2026", "29 November 2026",
                                          "29 Nov 2026", "29 November 2026 at 09:43",
                                          "November 2026"};
        expect_styles("en", "Asia/Tehran", sunday, gb);
        expect_styles("EN", "Asia/Tehran", sunday, gb);
        expect_styles("en_GB", "Asia/Tehran", sunday, gb);
        /* An explicit region keeps its own order and clock. */
        static const char *const us[5] = {"Sunday, November 29, 2026", "November 29, 2026",
                                          "Nov 29, 2026", "November 29, 2026 at 1:13\u202FAM",
                                          "November 2026"};
        expect_styles("en-US", "America/New_York", sunday, us);
        expect_date("en", "America/New_York", sunday, GZ_DATE_TIME, "29 November 2026 at 01:13");
        expect_date("en", "UTC", sunday, GZ_DATE_TIME, "29 November 2026 at 06:13");
        expect_date("de", "Europe/Berlin", sunday, GZ_DATE_LONG, "Sonntag, 29. November 2026");
}

static void
persian_uses_the_solar_hijri_calendar_and_persian_digits(void **state)
{
        (void)state;
        /* 8 Azar 1405. The year-first full date with an ASCII comma is CLDR 42's
         * own pattern for fa in the Persian calendar. */
        static const char *const fa[5] = {
            "\xDB\xB1\xDB\xB4\xDB\xB0\xDB\xB5 \xD8\xA2\xD8\xB0\xD8\xB1 \xDB\xB8, "
            "\xDB\x8C\xDA\xA9\xD8\xB4\xD9\x86\xD8\xA8\xD9\x87", /* ۱۴۰۵ آذر ۸, یکشنبه */
            "\xDB\xB8 \xD8\xA2\xD8\xB0\xD8\xB1 \xDB\xB1\xDB\xB4\xDB\xB0\xDB\xB5", /* ۸ آذر ۱۴۰۵ */
            "\xDB\xB8 \xD8\xA2\xD8\xB0\xD8\xB1 \xDB\xB1\xDB\xB4\xDB\xB0\xDB\xB5",
            "\xDB\xB8 \xD8\xA2\xD8\xB0\xD8\xB1 \xDB\xB1\xDB\xB4\xDB\xB0\xDB\xB5 "
            "\xD8\xB3\xD8\xA7\xD8\xB9\xD8\xAA \xDB\xB9:\xDB\xB4\xDB\xB3", /* ... ساعت ۹:۴۳ */
            "\xDB\xB1\xDB\xB4\xDB\xB0\xDB\xB5 \xD8\xA2\xD8\xB0\xD8\xB1",  /* ۱۴۰۵ آذر */
        };
        expect_styles("fa", "Asia/Tehran", sunday, fa);
        expect_styles("fa-IR", "Asia/Tehran", sunday, fa);
        expect_styles("fa_IR", "Asia/Tehran", sunday, fa);
        /* The calendar keyword wins: 29 November 2026 in Persian words and digits. */
        expect_date("fa@calendar=gregorian", "Asia/Tehran", sunday, GZ_DATE_LONG,
                    "\xDB\x8C\xDA\xA9\xD8\xB4\xD9\x86\xD8\xA8\xD9\x87 \xDB\xB2\xDB\xB9 "
                    "\xD9\x86\xD9\x88\xD8\xA7\xD9\x85\xD8\xA8\xD8\xB1 "
                    "\xDB\xB2\xDB\xB0\xDB\xB2\xDB\xB6"); /* یکشنبه ۲۹ نوامبر ۲۰۲۶ */
        expect_date("fa-u-ca-gregory", "Asia/Tehran", sunday, GZ_DATE_MEDIUM,
                    "\xDB\xB2\xDB\xB9 \xD9\x86\xD9\x88\xD8\xA7\xD9\x85\xD8\xA8\xD8\xB1 "
                    "\xDB\xB2\xDB\xB0\xDB\xB2\xDB\xB6");
}

static void
arabic_is_gregorian_with_arabic_indic_digits(void **state)
{
        (void)state;
        static const char *const ar[5] = {
            "\xD8\xA7\xD9\x84\xD8\xA3\xD8\xAD\xD8\xAF\xD8\x8C \xD9\xA2\xD9\xA9 "
            "\xD9\x86\xD9\x88\xD9\x81\xD9\x85\xD8\xA8\xD8\xB1 "
            "\xD9\xA2\xD9\xA0\xD9\xA2\xD9\xA6", /* الأحد، ٢٩ نوفمبر ٢٠٢٦ */
            "\xD9\xA2\xD9\xA9 \xD9\x86\xD9\x88\xD9\x81\xD9\x85\xD8\xA8\xD8\xB1 "
            "\xD9\xA2\xD9\xA0\xD9\xA2\xD9\xA6", /* ٢٩ نوفمبر ٢٠٢٦ */
            "\xD9\xA2\xD9\xA9 \xD9\x86\xD9\x88\xD9\x81\xD9\x85\xD8\xA8\xD8\xB1 "
            "\xD9\xA2\xD9\xA0\xD9\xA2\xD9\xA6",
            "\xD9\xA2\xD9\xA9 \xD9\x86\xD9\x88\xD9\x81\xD9\x85\xD8\xA8\xD8\xB1 "
            "\xD9\xA2\xD9\xA0\xD9\xA2\xD9\xA6 \xD9\x81\xD9\x8A \xD9\xA9:\xD9\xA4\xD9\xA3 "
            "\xD8\xB5", /* ... في ٩:٤٣ ص */
            "\xD9\x86\xD9\x88\xD9\x81\xD9\x85\xD8\xA8\xD8\xB1 \xD9\xA2\xD9\xA0\xD9\xA2\xD9\xA6",
        };
        expect_styles("ar", "Asia/Tehran", sunday, ar);
        expect_styles("ar_EG", "Asia/Tehran", sunday, ar);
        /* Latin digits when the locale asks for them. */
        static const char latn[] = "29 \xD9\x86\xD9\x88\xD9\x81\xD9\x85\xD8\xA8\xD8\xB1 2026";
        expect_date("ar@numbers=latn", "Asia/Tehran", sunday, GZ_DATE_MEDIUM, latn);
        expect_date("ar-EG-u-nu-latn", "Asia/Tehran", sunday, GZ_DATE_MEDIUM, latn);
        /* An explicit calendar: 19 Jumada II 1448 AH in Tehran that morning. */
        expect_date("ar@calendar=islamic-umalqura", "Asia/Tehran", sunday, GZ_DATE_MEDIUM,
                    "\xD9\xA1\xD9\xA9 \xD8\xAC\xD9\x85\xD8\xA7\xD8\xAF\xD9\x89 "
                    "\xD8\xA7\xD9\x84\xD8\xA2\xD8\xAE\xD8\xB1\xD8\xA9 "
                    "\xD9\xA1\xD9\xA4\xD9\xA4\xD9\xA8 \xD9\x87\xD9\x80");
}

static void
date_near_midnight_depends_on_the_zone(void **state)
{
        (void)state;
        expect_date("en", "UTC", near_midnight, GZ_DATE_LONG, "Sunday, 29 November 2026");
        expect_date("en", "Asia/Tehran", near_midnight, GZ_DATE_LONG, "Monday, 30 November 2026");
        expect_date("en", "Asia/Tehran", near_midnight, GZ_DATE_TIME, "30 November 2026 at 00:30");
        expect_date("fa", "Asia/Tehran", near_midnight, GZ_DATE_MEDIUM,
                    "\xDB\xB9 \xD8\xA2\xD8\xB0\xD8\xB1 \xDB\xB1\xDB\xB4\xDB\xB0\xDB\xB5");
        expect_date("fa", "UTC", near_midnight, GZ_DATE_MEDIUM,
                    "\xDB\xB8 \xD8\xA2\xD8\xB0\xD8\xB1 \xDB\xB1\xDB\xB4\xDB\xB0\xDB\xB5");
        int y, m, d;
        gz_tz_civil("UTC", near_midnight, &y, &m, &d);
        assert_int_equal(y * 10000 + m * 100 + d, 20261129);
        gz_tz_civil("Asia/Tehran", near_midnight, &y, &m, &d);
        assert_int_equal(y * 10000 + m * 100 + d, 20261130);
        gz_tz_civil("America/New_York", near_midnight, &y, &m, &d);
        assert_int_equal(y * 10000 + m * 100 + d, 20261129);
        /* Midnight starting 2026 in Tehran is still 2025 in UTC. */
        gz_tz_civil("Asia/Tehran", 1767213000, &y, &m, &d);
        assert_int_equal(y * 10000 + m * 100 + d, 20260101);
        gz_tz_civil("UTC", 1767213000, &y, &m, &d);
        assert_int_equal(y * 10000 + m * 100 + d, 20251231);
}

static void
unknown_locale_falls_back_to_iso_in_the_zone(void **state)
{
        (void)state;
        expect_date("xx", "Asia/Tehran", sunday, GZ_DATE_LONG, "2026-11-29");
        expect_date("", "Asia/Tehran", sunday, GZ_DATE_MEDIUM, "2026-11-29");
        expect_date(NULL, "Asia/Tehran", sunday, GZ_DATE_SHORT, "2026-11-29");
        expect_date("und", "Asia/Tehran", sunday, GZ_DATE_MONTH_YEAR, "2026-11-29");
        expect_date("root", "Asia/Tehran", sunday, GZ_DATE_LONG, "2026-11-29");
        expect_date("@calendar=islamic", "Asia/Tehran", sunday, GZ_DATE_LONG, "2026-11-29");
        expect_date("xx", "Asia/Tehran", near_midnight, GZ_DATE_TIME, "2026-11-30 00:30");
        expect_date("xx", "America/New_York", near_midnight, GZ_DATE_TIME, "2026-11-29 16:00");
        char too_long[400];
        memset(too_long, 'a', sizeof(too_long) - 1);
        too_long[sizeof(too_long) - 1] = '\0';
        expect_date(too_long, "UTC", sunday, GZ_DATE_TIME, "2026-11-29 06:13");
        /* A style the enum does not name is not formatted by ICU either. */
        expect_date("en", "UTC", sunday, (enum gz_date_style)99, "2026-11-29");
        /* Output is appended. */
        struct gz_buf b;
        gz_buf_init(&b, NULL);
        gz_buf_puts(&b, "[");
        gz_date_format(&b, "en", "UTC", sunday, GZ_DATE_SHORT);
        gz_buf_puts(&b, "|");
        gz_date_format(&b, "zz", "UTC", sunday, GZ_DATE_SHORT);
        gz_buf_puts(&b, "]");
        assert_string_equal(b.data, "[29 Nov 2026|2026-11-29]");
        gz_buf_free(&b);
}

static void
unknown_zone_is_invalid_and_utc(void **state)
{
        (void)state;
        const char *known[] = {"Asia/Tehran", "Europe/Berlin",  "America/New_York", "UTC",
                               "Etc/UTC",     "America/Havana", "Asia/Kolkata"};
        for (size_t i = 0; i < GZ_ARRAY_LEN(known); i++)
                assert_true(gz_tz_valid(known[i]));
        char too_long[200];
        memset(too_long, 'Z', sizeof(too_long) - 1);
        too_long[sizeof(too_long) - 1] = '\0';
        const char *unknown[] = {"Mars/Olympus_Mons", "",      "utc",      "GMT+3", "+03:30",
                                 "Etc/Unknown",       "Asia/", "\xff\xfe", too_long};
        for (size_t i = 0; i < GZ_ARRAY_LEN(unknown); i++) {
                assert_false(gz_tz_valid(unknown[i]));
                assert_int_equal(gz_tz_offset(unknown[i], sunday), 0);
                assert_int_equal(gz_tz_next_midnight(unknown[i], sunday), 1795996800);
        }
        assert_false(gz_tz_valid(NULL));
        assert_int_equal(gz_tz_offset(NULL, sunday), 0);
        expect_date("en", "Mars/Olympus_Mons", near_midnight, GZ_DATE_TIME,
                    "29 November 2026 at 21:00");
        expect_date("en", NULL, near_midnight, GZ_DATE_LONG, "Sunday, 29 November 2026");
        assert_int_equal(gz_tz_from_local("Mars/Olympus_Mons", 2026, 11, 29, 6, 13), sunday - 29);
}

static void
offsets_follow_dst_transitions(void **state)
{
        (void)state;
        /* New York: EST to EDT at 2026-03-08T07:00Z, back at 2026-11-01T06:00Z. */
        assert_int_equal(gz_tz_offset("America/New_York", 1772953199), -5 * 3600);
        assert_int_equal(gz_tz_offset("America/New_York", 1772953200), -4 * 3600);
        assert_int_equal(gz_tz_offset("America/New_York", 1793512799), -4 * 3600);
        assert_int_equal(gz_tz_offset("America/New_York", 1793512800), -5 * 3600);
        /* Berlin: CET to CEST at 2026-03-29T01:00Z, back at 2026-10-25T01:00Z. */
        assert_int_equal(gz_tz_offset("Europe/Berlin", 1774745999), 3600);
        assert_int_equal(gz_tz_offset("Europe/Berlin", 1774746000), 7200);
        assert_int_equal(gz_tz_offset("Europe/Berlin", 1792889999), 7200);
        assert_int_equal(gz_tz_offset("Europe/Berlin", 1792890000), 3600);
        /* Iran dropped DST in 2022: +03:30 all through 2026, +04:30 in summer 2021. */
        assert_int_equal(gz_tz_offset("Asia/Tehran", sunday), 12600);
        assert_int_equal(gz_tz_offset("Asia/Tehran", 1781913600), 12600); /* 2026-06-20 */
        assert_int_equal(gz_tz_offset("Asia/Tehran", 1624233600), 16200); /* 2021-06-21 */
        assert_int_equal(gz_tz_offset("UTC", sunday), 0);
        assert_int_equal(gz_tz_offset("Asia/Kolkata", sunday), 19800);
        /* Instants far outside years 1-9999 are clamped, not overflowed. */
        (void)gz_tz_offset("America/New_York", INT64_MAX);
        (void)gz_tz_offset("America/New_York", INT64_MIN);
        struct gz_buf b;
        gz_buf_init(&b, NULL);
        gz_date_format(&b, "en", "America/New_York", INT64_MIN, GZ_DATE_TIME);
        gz_date_format(&b, "xx", "America/New_York", INT64_MAX, GZ_DATE_TIME);
        assert_true(b.len > 0);
        gz_buf_free(&b);
}

static void
from_local_resolves_gaps_later_and_overlaps_first(void **state)
{
        (void)state;
        assert_int_equal(gz_tz_from_local("Asia/Tehran", 2026, 11, 29, 9, 43), sunday - 29);
        assert_int_equal(gz_tz_from_local("UTC", 2026, 11, 29, 6, 13), sunday - 29);
        /* 02:30 does not exist in New York on 2026-03-08: read with EST, it is
         * 07:30Z (03:30 EDT). */
        assert_int_equal(gz_tz_from_local("America/New_York", 2026, 3, 8, 2, 30), 1772955000);
        /* 01:30 happens twice on 2026-11-01: the first time, in EDT. */
        assert_int_equal(gz_tz_from_local("America/New_York", 2026, 11, 1, 1, 30), 1793511000);
        assert_int_equal(gz_tz_from_local("Europe/Berlin", 2026, 3, 29, 2, 30), 1774747800);
        assert_int_equal(gz_tz_from_local("Europe/Berlin", 2026, 10, 25, 2, 30), 1792888200);
        /* Fields carry over as in mktime(): month 13 is next January. */
        assert_int_equal(gz_tz_from_local("UTC", 2025, 13, 1, 0, 0), 1767225600);
        assert_int_equal(gz_tz_from_local("UTC", 2026, 11, 28, 30, 13), sunday - 29);
        /* Absurd fields stay in range instead of overflowing. */
        (void)gz_tz_from_local("Asia/Tehran", 2147483647, 2147483647, -2147483647 - 1, 2147483647,
                               2147483647);
}

/* Local wall time of t in tz as minutes since the epoch. */
static int64_t
wall_minutes(const char *tz, gz_time t)
{
        int64_t local = t + gz_tz_offset(tz, t);
        return (local - ((local % 60) + 60) % 60) / 60;
}

static void
from_local_round_trips_every_minute_of_dst_days(void **state)
{
        (void)state;
        static const struct {
                const char *tz;
                gz_time from; /* a day before a transition */
                int repeated; /* minutes whose wall time came before */
        } days[] = {
            {"America/New_York", 1772884800, 0},     {"America/New_York", 1793448000, 60},
            {"Europe/Berlin", 1774699200, 0},        {"Europe/Berlin", 1792843200, 60},
            {"Asia/Tehran", 1616313600, 0},          {"Asia/Tehran", 1632225600, 60},
            {"America/Havana", 1772902800, 0},       {"America/Havana", 1793462400, 60},
            {"Australia/Lord_Howe", 1775217600, 30}, {"UTC", sunday - 29, 0},
        };
        for (size_t i = 0; i < GZ_ARRAY_LEN(days); i++) {
                int earlier = 0;
                for (gz_time t = days[i].from; t < days[i].from + 2 * 86400; t += 60) {
                        int y, mo, d, h, mi;
                        gz_time_to_civil(t + gz_tz_offset(days[i].tz, t), &y, &mo, &d, &h, &mi,
                                         NULL, NULL);
                        gz_time back = gz_tz_from_local(days[i].tz, y, mo, d, h, mi);
                        if (back != t) {
                                /* Only the second pass of a repeated wall time. */
                                assert_true(back < t);
                                assert_int_equal(wall_minutes(days[i].tz, back),
                                                 wall_minutes(days[i].tz, t));
                                earlier++;
                        }
                }
                if (earlier != days[i].repeated)
                        fail_msg("%s: %d repeated minutes, want %d", days[i].tz, earlier,
                                 days[i].repeated);
        }
}

static void
next_midnight_handles_short_long_and_skipped_days(void **state)
{
        (void)state;
        assert_int_equal(gz_tz_next_midnight("UTC", sunday), 1795996800);
        assert_int_equal(gz_tz_next_midnight("UTC", 1795996800), 1795996800 + 86400);
        assert_int_equal(gz_tz_next_midnight("UTC", 1795996799), 1795996800);
        assert_int_equal(gz_tz_next_midnight("Asia/Tehran", sunday), 1795984200);
        assert_int_equal(gz_tz_next_midnight("Asia/Tehran", 1795984200), 1795984200 + 86400);
        /* New York: 2026-03-08 has 23 hours, 2026-11-01 has 25. */
        assert_int_equal(gz_tz_next_midnight("America/New_York", 1772902800), 1772946000);
        assert_int_equal(gz_tz_next_midnight("America/New_York", 1772946000), 1773028800);
        assert_int_equal(gz_tz_next_midnight("America/New_York", 1793505600), 1793595600);
        /* Berlin: 2026-10-25 has 25 hours. */
        assert_int_equal(gz_tz_next_midnight("Europe/Berlin", 1792929600), 1792969200);
        /* Havana springs forward at midnight: 2026-03-08 starts at 01:00 CDT. */
        assert_int_equal(gz_tz_next_midnight("America/Havana", 1772902800), 1772946000);
        /* ...and falls back from 01:00 to 00:00: the day starts at the first 00:00. */
        assert_int_equal(gz_tz_next_midnight("America/Havana", 1793462400), 1793505600);
        assert_int_equal(gz_tz_next_midnight("America/Havana", 1793505600), 1793595600);
        /* Sao Paulo skipped midnight on 2018-11-04. */
        assert_int_equal(gz_tz_next_midnight("America/Sao_Paulo", 1541260800), 1541300400);
        /* Tehran skipped midnight on 2021-03-22 and ran 23:00-24:00 twice on
         * 2021-09-21, so that day ended at 00:00 +03:30. */
        assert_int_equal(gz_tz_next_midnight("Asia/Tehran", 1616313600), 1616358600);
        assert_int_equal(gz_tz_next_midnight("Asia/Tehran", 1632225600), 1632256200);
        /* Samoa skipped 2011-12-30 entirely. */
        int y, m, d;
        gz_time samoa = gz_tz_next_midnight("Pacific/Apia", 1325160000); /* 12-29 02:00 */
        assert_int_equal(samoa, 1325239200);
        gz_tz_civil("Pacific/Apia", samoa, &y, &m, &d);
        assert_int_equal(y * 10000 + m * 100 + d, 20111231);
        gz_tz_civil("Pacific/Apia", samoa - 1, &y, &m, &d);
        assert_int_equal(y * 10000 + m * 100 + d, 20111229);
}

/* For every t: the date at next_midnight(t) differs, one second before it
 * does not. */
static void
next_midnight_is_the_first_date_change(void **state)
{
        (void)state;
        const char *zones[] = {"UTC",           "Asia/Tehran",       "America/New_York",
                               "Europe/Berlin", "America/Havana",    "Australia/Lord_Howe",
                               "Asia/Kolkata",  "America/Sao_Paulo", "Pacific/Chatham"};
        for (size_t z = 0; z < GZ_ARRAY_LEN(zones); z++) {
                /* 2017-12-01 to 2026-12-31 in steps of about 5 hours 17 minutes. */
                for (gz_time t = 1512086400; t < 1798675200; t += 5 * 3600 + 17 * 60 + 13) {
                        gz_time next = gz_tz_next_midnight(zones[z], t);
                        int y0, m0, d0, y1, m1, d1, y2, m2, d2;
                        gz_tz_civil(zones[z], t, &y0, &m0, &d0);
                        gz_tz_civil(zones[z], next, &y1, &m1, &d1);
                        gz_tz_civil(zones[z], next - 1, &y2, &m2, &d2);
                        assert_true(next > t);
                        assert_true(next - t <= 26 * 3600);
                        if (y0 == y1 && m0 == m1 && d0 == d1)
                                fail_msg("%s t=%lld: no date change at %lld", zones[z],
                                         (long long)t, (long long)next);
                        if (next - 1 > t && !(y0 == y2 && m0 == m2 && d0 == d2))
                                fail_msg("%s t=%lld: date changed before %lld", zones[z],
                                         (long long)t, (long long)next);
                }
        }
}

static void
lang_dir_knows_right_to_left_languages(void **state)
{
        (void)state;
        const char *rtl[] = {"ar",
                             "fa",
                             "he",
                             "ur",
                             "ps",
                             "ckb",
                             "sd",
                             "ug",
                             "yi",
                             "dv",
                             "fa-IR",
                             "ar_EG",
                             "he-IL",
                             "ur_PK",
                             "ar-EG-u-nu-latn",
                             "AR",
                             "fa@calendar=gregorian",
                             "iw",
                             "az-Arab",
                             "pa_Arab"};
        for (size_t i = 0; i < GZ_ARRAY_LEN(rtl); i++)
                if (strcmp(gz_lang_dir(rtl[i]), "rtl") != 0)
                        fail_msg("%s should be rtl", rtl[i]);
        const char *ltr[] = {"en", "en-US",   "de", "fr",      "ru", "zh-Hans", "ja",  "tr",
                             "ku", "sd-Deva", "az", "ar-Latn", "xx", "",        "\xff"};
        for (size_t i = 0; i < GZ_ARRAY_LEN(ltr); i++)
                if (strcmp(gz_lang_dir(ltr[i]), "ltr") != 0)
                        fail_msg("%s should be ltr", ltr[i]);
        assert_string_equal(gz_lang_dir(NULL), "ltr");
}

/* ---- many threads at once ---------------------------------------------- */

enum { THREADS = 4, CALLS = 10000, INSTANTS = 37 };

/* Fifteen hot keys fit the cache; every 50th call takes a cold one to force
 * replacements while the others run. */
static const char *const hot_locales[] = {"en", "fa", "ar"};
static const struct {
        const char *locale, *tz;
} cold_keys[] = {{"de", "Europe/Berlin"},          {"ar-EG-u-nu-latn", "America/New_York"},
                 {"fa@calendar=gregorian", "UTC"}, {"en-US", "America/New_York"},
                 {"he", "Asia/Jerusalem"},         {"xx", "Asia/Tehran"}};

struct call {
        const char *locale, *tz;
        enum gz_date_style style;
        gz_time t;
};

static struct call
call_for(unsigned i)
{
        struct call c;
        c.style = (enum gz_date_style)(i % 5);
        c.t = sunday + (gz_time)(i % INSTANTS) * 7919 * 60;
        if (i % 50 == 49) {
                c.locale = cold_keys[(i / 50) % GZ_ARRAY_LEN(cold_keys)].locale;
                c.tz = cold_keys[(i / 50) % GZ_ARRAY_LEN(cold_keys)].tz;
        } else {
                c.locale = hot_locales[(i / 5) % 3];
                c.tz = "Asia/Tehran";
        }
        return c;
}

static char *expected[CALLS];

struct worker {
        unsigned seed;
        int mismatches;
};

static void *
worker_run(void *arg)
{
        struct worker *w = arg;
        struct gz_buf b;
        gz_buf_init(&b, NULL);
        for (unsigned n = 0; n < CALLS; n++) {
                /* Each thread walks the calls in its own order. */
                unsigned i = (n * 7 + w->seed * 2503) % CALLS;
                struct call c = call_for(i);
                gz_buf_truncate(&b, 0);
                gz_date_format(&b, c.locale, c.tz, c.t, c.style);
                if (strcmp(b.data, expected[i]) != 0)
                        w->mismatches++;
        }
        gz_buf_free(&b);
        return NULL;
}

static void
threads_format_like_one_thread(void **state)
{
        (void)state;
        struct gz_buf b;
        gz_buf_init(&b, NULL);
        for (unsigned i = 0; i < CALLS; i++) {
                struct call c = call_for(i);
                gz_buf_truncate(&b, 0);
                gz_date_format(&b, c.locale, c.tz, c.t, c.style);
                expected[i] = gz_xstrdup(b.data);
        }
        gz_buf_free(&b);
        /* Spot checks that the single-thread results are the real ones. */
        assert_string_equal(expected[0], "Sunday, 29 November 2026");
        assert_string_equal(expected[49], "Februar 2027"); /* "de" */
        assert_string_equal(expected[299], "2026-12-15");  /* "xx" */

        pthread_t threads[THREADS];
        struct worker workers[THREADS];
        for (unsigned k = 0; k < THREADS; k++) {
                workers[k] = (struct worker){.seed = k + 1, .mismatches = 0};
                assert_int_equal(pthread_create(&threads[k], NULL, worker_run, &workers[k]), 0);
        }
        for (unsigned k = 0; k < THREADS; k++) {
                assert_int_equal(pthread_join(threads[k], NULL), 0);
                assert_int_equal(workers[k].mismatches, 0);
        }
        for (unsigned i = 0; i < CALLS; i++)
                free(expected[i]);
}

int
main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(english_puts_the_day_first),
            cmocka_unit_test(persian_uses_the_solar_hijri_calendar_and_persian_digits),
            cmocka_unit_test(arabic_is_gregorian_with_arabic_indic_digits),
            cmocka_unit_test(date_near_midnight_depends_on_the_zone),
            cmocka_unit_test(unknown_locale_falls_back_to_iso_in_the_zone),
            cmocka_unit_test(unknown_zone_is_invalid_and_utc),
            cmocka_unit_test(offsets_follow_dst_transitions),
            cmocka_unit_test(from_local_resolves_gaps_later_and_overlaps_first),
            cmocka_unit_test(from_local_round_trips_every_minute_of_dst_days),
            cmocka_unit_test(next_midnight_handles_short_long_and_skipped_days),
            cmocka_unit_test(next_midnight_is_the_first_date_change),
            cmocka_unit_test(lang_dir_knows_right_to_left_languages),
            cmocka_unit_test(threads_format_like_one_thread),
        };
        return cmocka_run_group_tests(tests, NULL, NULL);
}
