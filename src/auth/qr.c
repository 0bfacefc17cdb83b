/* QR codes as SVG, for showing an otpauth:// URI to an authenticator app. */
#include <errno.h>
#include <string.h>

#include <qrencode.h>

#include "auth.h"

#define QUIET_ZONE 4        /* modules of light margin the standard asks for */
#define PIXELS_PER_MODULE 4 /* default display size; CSS may override it */
#define QR_TEXT_MAX 4096    /* above the largest QR code's capacity */

enum gz_err
gz_qr_svg(const char *text, struct gz_buf *out, struct gz_error *err)
{
        if (text == NULL || text[0] == '\0')
                return gz_fail(err, GZ_EINVAL, "There is no text to put in the QR code.");
        if (strnlen(text, QR_TEXT_MAX + 1) > QR_TEXT_MAX)
                return gz_fail(err, GZ_ETOOBIG, "The text is too long for a QR code.");
        errno = 0;
        QRcode *qr = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
        if (qr == NULL) {
                if (errno == ERANGE)
                        return gz_fail(err, GZ_ETOOBIG, "The text is too long for a QR code.");
                if (errno == ENOMEM)
                        return gz_fail(err, GZ_ENOMEM, "Not enough memory to make the QR code.");
                return gz_fail(err, GZ_EINVAL, "The text cannot be made into a QR code.");
        }

        int width = qr->width;
        int size = width + 2 * QUIET_ZONE;
        gz_buf_printf(out,
                      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                      "viewBox=\"0 0 %d %d\" shape-rendering=\"crispEdges\" role=\"img\" "
                      "aria-label=\"QR code\"><rect width=\"%d\" height=\"%d\" fill=\"#fff\"/>"
                      "<path fill=\"#000\" d=\"",
                      size * PIXELS_PER_MODULE, size * PIXELS_PER_MODULE, size, size, size, size);
        /* One rectangle per horizontal run of dark modules keeps the path short. */
        for (int y = 0; y < width; y++) {
                const unsigned char *row = qr->data + (size_t)y * (size_t)width;
                int x = 0;
                while (x < width) {
                        if (!(row[x] & 1)) {
                                x++;
                                continue;
                        }
                        int start = x;
                        while (x < width && (row[x] & 1))
                                x++;
                        gz_buf_printf(out, "M%d %dh%dv1h-%dz", start + QUIET_ZONE, y + QUIET_ZONE,
                                      x - start, x - start);
                }
        }
        gz_buf_puts(out, "\"/></svg>");
        QRcode_free(qr);
        return GZ_OK;
}
