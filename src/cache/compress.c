/* gzip (zlib) and brotli of whole buffers, and Accept-Encoding. */
#include <brotli/encode.h>
#include <string.h>
#include <strings.h>
#include <zlib.h>

#include "cache.h"

bool
gz_gzip(const void *in, size_t len, int level, struct gz_buf *out)
{
        z_stream z;
        memset(&z, 0, sizeof(z));
        /* windowBits 15 + 16: a gzip header and trailer, as Content-Encoding wants. */
        if (deflateInit2(&z, level, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY) != Z_OK)
                return false;
        size_t bound = deflateBound(&z, (uLong)len);
        gz_buf_reserve(out, bound);
        z.next_in = (Bytef *)(uintptr_t)in;
        z.avail_in = (uInt)len;
        z.next_out = (Bytef *)out->data + out->len;
        z.avail_out = (uInt)(out->cap - out->len - 1);
        int rc = deflate(&z, Z_FINISH);
        size_t produced = z.total_out;
        deflateEnd(&z);
        if (rc != Z_STREAM_END)
                return false;
        out->len += produced;
        out->data[out->len] = '\0';
        return true;
}

bool
gz_brotli(const void *in, size_t len, int quality, struct gz_buf *out)
{
        size_t size = BrotliEncoderMaxCompressedSize(len);
        if (size == 0)
                size = len + 1024;
        gz_buf_reserve(out, size);
        size_t produced = out->cap - out->len - 1;
        if (!BrotliEncoderCompress(quality, BROTLI_DEFAULT_WINDOW, BROTLI_MODE_TEXT, len, in,
                                   &produced, (uint8_t *)out->data + out->len))
                return false;
        out->len += produced;
        out->data[out->len] = '\0';
        return true;
}

/* Reads "gzip;q=0.8, br" style lists; q=0 refuses a coding. Ties go to br,
 * the smaller. */
enum gz_encoding
gz_accept_encoding(const char *header)
{
        if (header == NULL)
                return GZ_ENC_IDENTITY;
        double q_gzip = -1, q_br = -1, q_any = -1;
        const char *p = header;
        while (*p) {
                while (*p == ' ' || *p == ',')
                        p++;
                const char *name = p;
                while (*p && *p != ',' && *p != ';' && *p != ' ')
                        p++;
                size_t name_len = (size_t)(p - name);
                double q = 1.0;
                while (*p == ' ')
                        p++;
                if (*p == ';') {
                        const char *qs = strstr(p, "q=");
                        const char *end = strchr(p, ',');
                        if (qs && (!end || qs < end)) {
                                q = 0;
                                const char *d = qs + 2;
                                q = *d == '1' ? 1.0 : 0.0;
                                if (*d == '0' && d[1] == '.') {
                                        double scale = 0.1;
                                        for (d += 2; *d >= '0' && *d <= '9'; d++, scale /= 10)
                                                q += (*d - '0') * scale;
                                }
                        }
                        while (*p && *p != ',')
                                p++;
                }
                if (name_len == 4 && strncasecmp(name, "gzip", 4) == 0)
                        q_gzip = q;
                else if (name_len == 2 && strncasecmp(name, "br", 2) == 0)
                        q_br = q;
                else if (name_len == 1 && *name == '*')
                        q_any = q;
                if (name_len == 0 && *p)
                        p++;
        }
        if (q_gzip < 0)
                q_gzip = q_any;
        if (q_br < 0)
                q_br = q_any;
        if (q_br > 0 && q_br >= q_gzip)
                return GZ_ENC_BR;
        if (q_gzip > 0)
                return GZ_ENC_GZIP;
        return GZ_ENC_IDENTITY;
}
