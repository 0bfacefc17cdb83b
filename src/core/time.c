/* UTC time: civil conversions and the date formats of HTTP, RSS and Atom.
 * Local calendars and time zones live in src/render/ (ICU). */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "core.h"

static int64_t time_offset;

void
gz_time_set_offset(int64_t seconds)
{
        time_offset = seconds;
}

gz_time
gz_now(void)
{
        struct timespec ts;
        clock_gettime(CLOCK_REALTIME, &ts);
        return (gz_time)ts.tv_sec + time_offset;
}

int64_t
gz_monotonic_ms(void)
{
        struct timespec ts;
        clock_gettime(CLOCK_MONOTONIC, &ts);
        return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Days since 1970-01-01 from a proleptic Gregorian date (H. Hinnant's algorithm). */
static int64_t
days_from_civil(int64_t y, int m, int d)
{
        y -= m <= 2;
        int64_t era = (y >= 0 ? y : y - 399) / 400;
        int64_t yoe = y - era * 400;
        int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
        int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146097 + doe - 719468;
}

static void
civil_from_days(int64_t z, int *year, int *month, int *day)
{
        z += 719468;
        int64_t era = (z >= 0 ? z : z - 146096) / 146097;
        int64_t doe = z - era * 146097;
        int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        int64_t y = yoe + era * 400;
        int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        int64_t mp = (5 * doy + 2) / 153;
        int d = (int)(doy - (153 * mp + 2) / 5 + 1);
        int m = (int)(mp < 10 ? mp + 3 : mp - 9);
        *year = (int)(y + (m <= 2));
        *month = m;
        *day = d;
}

gz_time
gz_time_from_civil(int year, int month, int day, int hour, int min, int sec)
{
        return days_from_civil(year, month, day) * 86400 + hour * 3600 + min * 60 + sec;
}

void
gz_time_to_civil(gz_time t, int *year, int *month, int *day, int *hour, int *min, int *sec,
                 int *weekday)
{
        int64_t days = t >= 0 ? t / 86400 : (t - 86399) / 86400;
        int64_t rem = t - days * 86400;
        int y, m, d;
        civil_from_days(days, &y, &m, &d);
        if (year)
                *year = y;
        if (month)
                *month = m;
        if (day)
                *day = d;
        if (hour)
                *hour = (int)(rem / 3600);
        if (min)
                *min = (int)(rem % 3600 / 60);
        if (sec)
                *sec = (int)(rem % 60);
        if (weekday) /* 1970-01-01 was a Thursday; 0 = Sunday */
                *weekday = (int)(((days % 7) + 11) % 7);
}

static const char *const day_names[7] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
static const char *const month_names[12] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

void
gz_time_iso8601_utc(gz_time t, char out[32])
{
        int y, mo, d, h, mi, s;
        gz_time_to_civil(t, &y, &mo, &d, &h, &mi, &s, NULL);
        snprintf(out, 32, "%04d-%02d-%02dT%02d:%02d:%02dZ", y, mo, d, h, mi, s);
}

void
gz_time_rfc3339(gz_time t, int offset_seconds, char out[40])
{
        int y, mo, d, h, mi, s;
        gz_time_to_civil(t + offset_seconds, &y, &mo, &d, &h, &mi, &s, NULL);
        if (offset_seconds == 0) {
                snprintf(out, 40, "%04d-%02d-%02dT%02d:%02d:%02dZ", y, mo, d, h, mi, s);
                return;
        }
        int off = offset_seconds < 0 ? -offset_seconds : offset_seconds;
        snprintf(out, 40, "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d", y, mo, d, h, mi, s,
                 offset_seconds < 0 ? '-' : '+', off / 3600, off % 3600 / 60);
}

void
gz_time_http(gz_time t, char out[40])
{
        int y, mo, d, h, mi, s, wd;
        gz_time_to_civil(t, &y, &mo, &d, &h, &mi, &s, &wd);
        snprintf(out, 40, "%s, %02d %s %04d %02d:%02d:%02d GMT", day_names[wd], d,
                 month_names[mo - 1], y, h, mi, s);
}

void
gz_time_rfc822(gz_time t, int offset_seconds, char out[40])
{
        int y, mo, d, h, mi, s, wd;
        gz_time_to_civil(t + offset_seconds, &y, &mo, &d, &h, &mi, &s, &wd);
        int off = offset_seconds < 0 ? -offset_seconds : offset_seconds;
        snprintf(out, 40, "%s, %02d %s %04d %02d:%02d:%02d %c%02d%02d", day_names[wd], d,
                 month_names[mo - 1], y, h, mi, s, offset_seconds < 0 ? '-' : '+', off / 3600,
                 off % 3600 / 60);
}

static bool
digits(const char *s, int n, int *out)
{
        int v = 0;
        for (int i = 0; i < n; i++) {
                if (s[i] < '0' || s[i] > '9')
                        return false;
                v = v * 10 + (s[i] - '0');
        }
        *out = v;
        return true;
}

static int
days_in_month(int y, int m)
{
        static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
        if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
                return 29;
        return days[m - 1];
}

bool
gz_time_parse(const char *s, gz_time *out, bool *had_zone)
{
        int y, mo, d, h = 0, mi = 0, sec = 0;
        size_t n = strlen(s);
        if (n < 10 || !digits(s, 4, &y) || s[4] != '-' || !digits(s + 5, 2, &mo) || s[7] != '-' ||
            !digits(s + 8, 2, &d))
                return false;
        if (y < 1 || mo < 1 || mo > 12 || d < 1 || d > days_in_month(y, mo))
                return false;
        const char *p = s + 10;
        if (*p == 'T' || *p == ' ') {
                if (!digits(p + 1, 2, &h) || p[3] != ':' || !digits(p + 4, 2, &mi))
                        return false;
                p += 6;
                if (*p == ':') {
                        if (!digits(p + 1, 2, &sec))
                                return false;
                        p += 3;
                        if (*p == '.') /* fractional seconds are dropped */
                                for (p++; *p >= '0' && *p <= '9'; p++)
                                        ;
                }
                if (h > 23 || mi > 59 || sec > 60)
                        return false;
        }
        int offset = 0;
        bool zone = false;
        if (*p == 'Z') {
                zone = true;
                p++;
        } else if (*p == '+' || *p == '-') {
                int oh, om;
                if (!digits(p + 1, 2, &oh) || p[3] != ':' || !digits(p + 4, 2, &om) || oh > 23 ||
                    om > 59)
                        return false;
                offset = (oh * 3600 + om * 60) * (*p == '-' ? -1 : 1);
                zone = true;
                p += 6;
        }
        if (*p != '\0')
                return false;
        *out = gz_time_from_civil(y, mo, d, h, mi, sec > 59 ? 59 : sec) - offset;
        if (had_zone)
                *had_zone = zone;
        return true;
}
