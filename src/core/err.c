/* The project's one error enum and its messages. */
#include <stdio.h>
#include <string.h>

#include "core.h"

static const char *const err_names[GZ_ERR__MAX] = {
    [GZ_OK] = "ok",
    [GZ_ENOMEM] = "out of memory",
    [GZ_EINVAL] = "invalid input",
    [GZ_ENOTFOUND] = "not found",
    [GZ_ECONFLICT] = "conflict",
    [GZ_EPERM] = "not allowed",
    [GZ_EIO] = "input/output error",
    [GZ_ETOOBIG] = "too large",
    [GZ_ECORRUPT] = "corrupt data",
    [GZ_EBUSY] = "busy, try again later",
    [GZ_EAUTH] = "not signed in",
};

const char *
gz_strerror(enum gz_err code)
{
        if ((unsigned)code >= GZ_ERR__MAX)
                return "unknown error";
        return err_names[code];
}

enum gz_err
gz_fail(struct gz_error *err, enum gz_err code, const char *fmt, ...)
{
        if (err == NULL)
                return code;
        err->code = code;
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
        va_end(ap);
        return code;
}

void
gz_error_clear(struct gz_error *err)
{
        if (err == NULL)
                return;
        err->code = GZ_OK;
        err->msg[0] = '\0';
}
