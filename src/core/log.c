/* Logging to standard error, one line per event. */
#include <stdio.h>
#include <time.h>

#include "core.h"

static enum gz_log_level log_threshold = GZ_LOG_INFO;

static const char *const level_names[GZ_LOG__MAX] = {
    [GZ_LOG_DEBUG] = "debug",
    [GZ_LOG_INFO] = "info",
    [GZ_LOG_WARN] = "warning",
    [GZ_LOG_ERROR] = "error",
};

void
gz_log_set_level(enum gz_log_level level)
{
        log_threshold = level;
}

void
gz_log(enum gz_log_level level, const char *fmt, ...)
{
        if (level < log_threshold || level >= GZ_LOG__MAX)
                return;
        char when[32];
        gz_time_iso8601_utc(gz_now(), when);
        char line[2048];
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(line, sizeof(line), fmt, ap);
        va_end(ap);
        /* One fprintf per line so threads do not interleave inside a line. */
        fprintf(stderr, "%s gazette %s: %s\n", when, level_names[level], line);
}
