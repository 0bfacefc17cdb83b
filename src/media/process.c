/* Decoding uploads with libvips and writing clean copies and renditions.
 * Metadata is removed by construction: the decoded pixels are copied into a
 * new image that has no fields at all, and every saver is also told to strip. */
/* for renameat2 and RENAME_NOREPLACE */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <vips/vips.h>
#include <webp/mux.h>

#include "media_internal.h"

#define RENDITION_QUALITY 80
#define ORIGINAL_QUALITY 90

static const char not_an_image[] = "not a JPEG, PNG, WebP or GIF image";

/* ---- start-up -------------------------------------------------------- */

static pthread_mutex_t init_lock = PTHREAD_MUTEX_INITIALIZER;
static bool init_done;
static struct gz_error init_result;

/* The loaders allowed to run: the class unblocked with its subclasses, and
 * the buffer loader's type name as vips_foreign_find_load_buffer answers. */
static const struct {
        const char *class_name;
        const char *buffer_loader;
} allowed_loaders[GZ_MEDIA__MAX] = {
    [GZ_MEDIA_JPEG] = {"VipsForeignLoadJpeg", "VipsForeignLoadJpegBuffer"},
    [GZ_MEDIA_PNG] = {"VipsForeignLoadPng", "VipsForeignLoadPngBuffer"},
    [GZ_MEDIA_WEBP] = {"VipsForeignLoadWebp", "VipsForeignLoadWebpBuffer"},
    [GZ_MEDIA_GIF] = {"VipsForeignLoadNsgif", "VipsForeignLoadNsgifBuffer"},
};

/* The first line of libvips' error buffer, which is then cleared. */
static const char *
vips_reason(char *out, size_t n)
{
        snprintf(out, n, "%s", vips_error_buffer());
        vips_error_clear();
        out[strcspn(out, "\n")] = '\0';
        return out[0] != '\0' ? out : "unknown libvips error";
}

static void
init_locked(const char *argv0)
{
        char why[256];
        if (VIPS_INIT(argv0 != NULL ? argv0 : "gazette") != 0) {
                gz_fail(&init_result, GZ_EIO, "libvips did not start: %s",
                        vips_reason(why, sizeof(why)));
                return;
        }
        /* Cached operations would keep decoded uploads in memory long after
         * the request, and tie memory use to traffic. */
        vips_cache_set_max(0);
        vips_cache_set_max_mem(0);
        vips_cache_set_max_files(0);
        if (getenv("VIPS_CONCURRENCY") == NULL) {
                long cpus = sysconf(_SC_NPROCESSORS_ONLN);
                /* Uploads are rare next to page views: a few threads is plenty
                 * and leaves the cores to the web server. */
                vips_concurrency_set(cpus < 1 ? 1 : cpus > 4 ? 4 : (int)cpus);
        }
        vips_block_untrusted_set(TRUE);
        vips_operation_block_set("VipsForeignLoad", TRUE);
        for (size_t i = 0; i < GZ_ARRAY_LEN(allowed_loaders); i++) {
                if (g_type_from_name(allowed_loaders[i].class_name) == 0 ||
                    g_type_from_name(allowed_loaders[i].buffer_loader) == 0) {
                        gz_fail(&init_result, GZ_EIO, "libvips has no %s loader",
                                gz_media_ext((enum gz_media_type)i));
                        return;
                }
                vips_operation_block_set(allowed_loaders[i].class_name, FALSE);
        }
        gz_error_clear(&init_result);
}

enum gz_err
gz_media_init(const char *argv0, struct gz_error *err)
{
        pthread_mutex_lock(&init_lock);
        if (!init_done) {
                init_locked(argv0);
                init_done = true;
        }
        struct gz_error copy = init_result;
        pthread_mutex_unlock(&init_lock);
        if (copy.code != GZ_OK)
                return gz_fail(err, copy.code, "%s", copy.msg);
        return GZ_OK;
}

/* ---- names and limits ------------------------------------------------ */

bool
gz_media_basename_ok(const char *basename)
{
        if (basename == NULL)
                return false;
        size_t n = strlen(basename);
        if (n == 0 || n > GZ_MEDIA_BASENAME_MAX)
                return false;
        for (size_t i = 0; i < n; i++) {
                char c = basename[i];
                bool alnum =
                    (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
                if (!alnum && (i == 0 || (c != '-' && c != '_')))
                        return false;
        }
        return true;
}

void
gz_media_limits_resolve(const struct gz_media_limits *in, struct gz_media_limits *out)
{
        struct gz_media_limits l = {0};
        if (in != NULL)
                l = *in;
        if (l.max_bytes == 0)
                l.max_bytes = GZ_MEDIA_DEFAULT_MAX_BYTES;
        if (l.max_bytes > GZ_MEDIA_CEILING_BYTES)
                l.max_bytes = GZ_MEDIA_CEILING_BYTES;
        if (l.max_pixels == 0)
                l.max_pixels = GZ_MEDIA_DEFAULT_MAX_PIXELS;
        if (l.max_pixels > (uint64_t)GZ_MEDIA_MAX_SIDE * GZ_MEDIA_MAX_SIDE)
                l.max_pixels = (uint64_t)GZ_MEDIA_MAX_SIDE * GZ_MEDIA_MAX_SIDE;
        if (l.max_width <= 0 || l.max_width > GZ_MEDIA_MAX_SIDE)
                l.max_width = GZ_MEDIA_MAX_SIDE;
        if (l.max_height <= 0 || l.max_height > GZ_MEDIA_MAX_SIDE)
                l.max_height = GZ_MEDIA_MAX_SIDE;
        *out = l;
}

void
gz_media_file_name(char out[64], const char *basename, int width, enum gz_media_type type)
{
        if (width == 0)
                snprintf(out, 64, "%s.%s", basename, gz_media_ext(type));
        else
                snprintf(out, 64, "%s-%dw.%s", basename, width, gz_media_ext(type));
}

/* "20.0 MB", "300 KB", "512 bytes": a size an editor can compare. */
static const char *
human_bytes(char out[32], size_t n)
{
        if (n >= (size_t)1024 * 1024)
                snprintf(out, 32, "%.1f MB", (double)n / (1024.0 * 1024.0));
        else if (n >= 1024)
                snprintf(out, 32, "%zu KB", n / 1024);
        else
                snprintf(out, 32, "%zu bytes", n);
        return out;
}

/* "40 megapixels", "2.1 megapixels", "0.24 megapixels". */
static const char *
human_pixels(char out[32], uint64_t n)
{
        double mp = (double)n / 1e6;
        snprintf(out, 32,
                 mp >= 10  ? "%.0f megapixels"
                 : mp >= 1 ? "%.1f megapixels"
                           : "%.2f megapixels",
                 mp);
        return out;
}

enum gz_err
gz_media_precheck(const void *data, size_t len, const struct gz_media_limits *limits,
                  struct gz_error *err)
{
        if (data == NULL || len == 0)
                return gz_fail(err, GZ_EINVAL, "the file is empty");
        if (len > limits->max_bytes) {
                char size[32], limit[32];
                return gz_fail(err, GZ_ETOOBIG, "the file is %s; the limit is %s",
                               human_bytes(size, len), human_bytes(limit, limits->max_bytes));
        }
        if (gz_media_sniff(data, len) == GZ_MEDIA__MAX)
                return gz_fail(err, GZ_EINVAL, "%s", not_an_image);
        return GZ_OK;
}

int
gz_media_rename_noreplace(int from_dir, const char *from, int to_dir, const char *to)
{
        int rc = renameat2(from_dir, from, to_dir, to, RENAME_NOREPLACE);
        if (rc != 0 && (errno == EINVAL || errno == ENOSYS)) {
                struct stat st;
                if (fstatat(to_dir, to, &st, AT_SYMLINK_NOFOLLOW) == 0) {
                        errno = EEXIST;
                        return -1;
                }
                rc = renameat(from_dir, from, to_dir, to);
        }
        return rc;
}

/* ---- decoding -------------------------------------------------------- */

/* Picks the loader from the content, checks it is one of ours and that the
 * header fits the limits. The image is opened for sequential access: no pixel
 * has been decoded when this returns. */
static enum gz_err
open_upload(const void *data, size_t len, const struct gz_media_limits *limits, VipsImage **out,
            enum gz_media_type *type_out, struct gz_error *err)
{
        char why[256];
        enum gz_err e = gz_media_precheck(data, len, limits, err);
        if (e != GZ_OK)
                return e;
        enum gz_media_type sniffed = gz_media_sniff(data, len);
        const char *loader = vips_foreign_find_load_buffer(data, len);
        if (loader == NULL) {
                vips_error_clear();
                return gz_fail(err, GZ_EINVAL, "%s", not_an_image);
        }
        enum gz_media_type type = GZ_MEDIA__MAX;
        for (size_t i = 0; i < GZ_ARRAY_LEN(allowed_loaders); i++)
                if (strcmp(loader, allowed_loaders[i].buffer_loader) == 0)
                        type = (enum gz_media_type)i;
        /* The magic bytes and the loader must agree: a file that looks like one
         * thing and decodes as another is not an upload we want. */
        if (type == GZ_MEDIA__MAX || type != sniffed)
                return gz_fail(err, GZ_EINVAL, "%s", not_an_image);

        VipsImage *image = NULL;
        void *bytes = (void *)data; /* the loaders do not write to it */
        int rc = -1;
        switch (type) {
        case GZ_MEDIA_JPEG:
                rc = vips_jpegload_buffer(bytes, len, &image, "access", VIPS_ACCESS_SEQUENTIAL,
                                          "fail_on", VIPS_FAIL_ON_ERROR, NULL);
                break;
        case GZ_MEDIA_PNG:
                rc = vips_pngload_buffer(bytes, len, &image, "access", VIPS_ACCESS_SEQUENTIAL,
                                         "fail_on", VIPS_FAIL_ON_ERROR, NULL);
                break;
        case GZ_MEDIA_WEBP:
                rc = vips_webpload_buffer(bytes, len, &image, "access", VIPS_ACCESS_SEQUENTIAL,
                                          "fail_on", VIPS_FAIL_ON_ERROR, NULL);
                break;
        case GZ_MEDIA_GIF:
                /* Only the first frame: animation is not kept (see below). */
                rc = vips_gifload_buffer(bytes, len, &image, "access", VIPS_ACCESS_SEQUENTIAL,
                                         "fail_on", VIPS_FAIL_ON_ERROR, "n", 1, NULL);
                break;
        case GZ_MEDIA__MAX:
                break;
        }
        if (rc != 0 || image == NULL)
                return gz_fail(err, GZ_EINVAL, "the %s header is damaged: %s", gz_media_ext(type),
                               vips_reason(why, sizeof(why)));

        int width = vips_image_get_width(image);
        int height = vips_image_get_height(image);
        uint64_t pixels = (uint64_t)width * (uint64_t)height;
        if (width <= 0 || height <= 0)
                e = gz_fail(err, GZ_EINVAL, "the image has no pixels");
        else if (pixels > limits->max_pixels) {
                char size[32], limit[32];
                e = gz_fail(err, GZ_ETOOBIG, "the image is %dx%d, %s; the limit is %s", width,
                            height, human_pixels(size, pixels),
                            human_pixels(limit, limits->max_pixels));
        } else if (width > limits->max_width)
                e = gz_fail(err, GZ_ETOOBIG, "the image is %d pixels wide; the limit is %d", width,
                            limits->max_width);
        else if (height > limits->max_height)
                e = gz_fail(err, GZ_ETOOBIG, "the image is %d pixels high; the limit is %d", height,
                            limits->max_height);
        if (e != GZ_OK) {
                g_object_unref(image);
                return e;
        }
        *out = image;
        *type_out = type;
        return GZ_OK;
}

enum gz_err
gz_media_probe(const void *data, size_t len, const struct gz_media_limits *limits,
               struct gz_media_info *info, struct gz_error *err)
{
        enum gz_err e = gz_media_init(NULL, err);
        if (e != GZ_OK)
                return e;
        struct gz_media_limits lim;
        gz_media_limits_resolve(limits, &lim);
        VipsImage *image = NULL;
        enum gz_media_type type = GZ_MEDIA__MAX;
        e = open_upload(data, len, &lim, &image, &type, err);
        if (e != GZ_OK)
                return e;
        if (info != NULL) {
                info->type = type;
                info->width = vips_image_get_width(image);
                info->height = vips_image_get_height(image);
        }
        g_object_unref(image);
        return GZ_OK;
}

static void
free_pixels(VipsImage *image, void *pixels)
{
        (void)image;
        g_free(pixels);
}

/* Decodes to 8-bit sRGB (with alpha if the image has any), applies the EXIF
 * orientation and returns the pixels in a new image with no metadata. An
 * embedded ICC profile is used to convert the colours, then dropped. */
static enum gz_err
decode_clean(VipsImage *loaded, VipsImage **out, struct gz_error *err)
{
        char why[256];
        VipsImage *context = vips_image_new();
        VipsImage **t = (VipsImage **)vips_object_local_array(VIPS_OBJECT(context), 8);
        enum gz_err e = GZ_OK;
        VipsImage *x = loaded;

        if (vips_image_get_typeof(x, VIPS_META_ICC_NAME) != 0 && vips_icc_present()) {
                if (vips_icc_transform(x, &t[0], "srgb", "embedded", TRUE, "intent",
                                       VIPS_INTENT_RELATIVE, "depth", 8, NULL) == 0)
                        x = t[0];
                else
                        vips_error_clear(); /* a broken profile: decode as if untagged */
        }
        if (vips_image_get_interpretation(x) != VIPS_INTERPRETATION_sRGB) {
                if (vips_colourspace(x, &t[1], VIPS_INTERPRETATION_sRGB, NULL) != 0) {
                        e = gz_fail(err, GZ_EINVAL, "unsupported colour format: %s",
                                    vips_reason(why, sizeof(why)));
                        goto out;
                }
                x = t[1];
        }
        if (vips_image_get_format(x) != VIPS_FORMAT_UCHAR) {
                if (vips_cast_uchar(x, &t[2], NULL) != 0) {
                        e = gz_fail(err, GZ_EINVAL, "unsupported pixel format: %s",
                                    vips_reason(why, sizeof(why)));
                        goto out;
                }
                x = t[2];
        }
        int bands = vips_image_get_bands(x);
        if (bands != 3 && bands != 4) {
                e = gz_fail(err, GZ_EINVAL, "unsupported colour format (%d channels)", bands);
                goto out;
        }
        /* Every pixel is decoded here, so this is where damaged data shows. */
        if ((t[3] = vips_image_copy_memory(x)) == NULL) {
                e = gz_fail(err, GZ_EINVAL, "the image data is damaged or incomplete: %s",
                            vips_reason(why, sizeof(why)));
                goto out;
        }
        VipsImage *decoded = t[3];
        int width = vips_image_get_width(decoded);
        int height = vips_image_get_height(decoded);
        size_t size = VIPS_IMAGE_SIZEOF_IMAGE(decoded);
        VipsImage *clean = NULL;
        if (vips_image_get_orientation(decoded) <= 1) {
                /* Borrow the decoded pixels; the clean image holds a reference. */
                clean = vips_image_new_from_memory(VIPS_IMAGE_ADDR(decoded, 0, 0), size, width,
                                                   height, bands, VIPS_FORMAT_UCHAR);
                if (clean != NULL) {
                        g_object_ref(decoded);
                        g_signal_connect_swapped(clean, "postclose", G_CALLBACK(g_object_unref),
                                                 decoded);
                }
        } else {
                if (vips_autorot(decoded, &t[4], NULL) != 0) {
                        e = gz_fail(err, GZ_EIO, "rotating the image failed: %s",
                                    vips_reason(why, sizeof(why)));
                        goto out;
                }
                size_t rotated_size = 0;
                void *pixels = vips_image_write_to_memory(t[4], &rotated_size);
                if (pixels == NULL) {
                        e = gz_fail(err, GZ_EIO, "rotating the image failed: %s",
                                    vips_reason(why, sizeof(why)));
                        goto out;
                }
                clean = vips_image_new_from_memory(pixels, rotated_size, vips_image_get_width(t[4]),
                                                   vips_image_get_height(t[4]), bands,
                                                   VIPS_FORMAT_UCHAR);
                if (clean == NULL)
                        g_free(pixels);
                else
                        g_signal_connect(clean, "postclose", G_CALLBACK(free_pixels), pixels);
        }
        if (clean == NULL) {
                e = gz_fail(err, GZ_ENOMEM, "out of memory: %s", vips_reason(why, sizeof(why)));
                goto out;
        }
        clean->Type = VIPS_INTERPRETATION_sRGB;
        clean->Xres = clean->Yres = 72.0 / 25.4; /* pixels per millimetre */

        /* An alpha channel that is opaque everywhere only costs bytes. */
        if (bands == 4) {
                double min_alpha = 0;
                if (vips_extract_band(clean, &t[5], 3, NULL) != 0 ||
                    vips_min(t[5], &min_alpha, NULL) != 0) {
                        vips_error_clear();
                } else if (min_alpha >= 255.0 &&
                           vips_extract_band(clean, &t[6], 0, "n", 3, NULL) == 0) {
                        g_object_unref(clean);
                        clean = t[6];
                        t[6] = NULL;
                }
        }
        *out = clean;
out:
        g_object_unref(context);
        return e;
}

/* ---- encoding -------------------------------------------------------- */

/* libvips 8.14.1 (Debian 12) ignores "strip" in webpsave and always writes
 * an EXIF chunk (fixed in 8.14.2, libvips discussion 3341): whatever the
 * version, the metadata chunks are deleted with libwebpmux afterwards. */
static bool
webp_drop_metadata(void **buf, size_t *size)
{
        static const char *const chunks[] = {"EXIF", "XMP ", "ICCP"};
        WebPData in = {*buf, *size};
        WebPMux *mux = WebPMuxCreate(&in, 0);
        if (mux == NULL)
                return false;
        bool ok = true;
        for (size_t i = 0; i < GZ_ARRAY_LEN(chunks) && ok; i++) {
                WebPMuxError e = WebPMuxDeleteChunk(mux, chunks[i]);
                ok = e == WEBP_MUX_OK || e == WEBP_MUX_NOT_FOUND;
        }
        WebPData out;
        WebPDataInit(&out);
        ok = ok && WebPMuxAssemble(mux, &out) == WEBP_MUX_OK;
        WebPMuxDelete(mux);
        void *copy = ok ? g_try_malloc(out.size) : NULL;
        if (copy != NULL) {
                memcpy(copy, out.bytes, out.size);
                g_free(*buf);
                *buf = copy;
                *size = out.size;
        }
        WebPDataClear(&out);
        return copy != NULL;
}

static enum gz_err
encode(VipsImage *in, enum gz_media_type type, int quality, void **buf, size_t *size,
       struct gz_error *err)
{
        char why[256];
        VipsImage *context = vips_image_new();
        VipsImage **t = (VipsImage **)vips_object_local_array(VIPS_OBJECT(context), 2);
        int rc = -1;
        *buf = NULL;
        switch (type) {
        case GZ_MEDIA_JPEG:
                if (vips_image_hasalpha(in)) {
                        VipsArrayDouble *white = vips_array_double_newv(3, 255.0, 255.0, 255.0);
                        rc = vips_flatten(in, &t[0], "background", white, NULL);
                        vips_area_unref(VIPS_AREA(white));
                        if (rc != 0 || vips_cast_uchar(t[0], &t[1], NULL) != 0)
                                break;
                        in = t[1];
                }
                rc = vips_jpegsave_buffer(in, buf, size, "Q", quality, "interlace", TRUE,
                                          "optimize_coding", TRUE, "strip", TRUE, NULL);
                break;
        case GZ_MEDIA_WEBP:
                rc = vips_webpsave_buffer(in, buf, size, "Q", quality, "effort", 4, "strip", TRUE,
                                          NULL);
                if (rc == 0 && !webp_drop_metadata(buf, size)) {
                        vips_error("gazette", "cannot remove WebP metadata");
                        rc = -1;
                }
                break;
        case GZ_MEDIA_PNG:
                rc = vips_pngsave_buffer(in, buf, size, "compression", 6, "strip", TRUE, NULL);
                break;
        case GZ_MEDIA_GIF:
        case GZ_MEDIA__MAX:
                vips_error("gazette", "no encoder for this type");
                break;
        }
        g_object_unref(context);
        if (rc != 0 || *buf == NULL) {
                g_free(*buf);
                *buf = NULL;
                return gz_fail(err, GZ_EIO, "encoding %s failed: %s", gz_media_ext(type),
                               vips_reason(why, sizeof(why)));
        }
        return GZ_OK;
}

/* Scales to exactly width x height, resampling colour and alpha together so
 * transparent edges do not bleed dark fringes. */
static enum gz_err
scale_to(VipsImage *in, int width, int height, VipsImage **out, struct gz_error *err)
{
        char why[256];
        VipsImage *context = vips_image_new();
        VipsImage **t = (VipsImage **)vips_object_local_array(VIPS_OBJECT(context), 6);
        enum gz_err e = GZ_OK;
        bool alpha = vips_image_hasalpha(in);
        double hscale = (double)width / vips_image_get_width(in);
        double vscale = (double)height / vips_image_get_height(in);
        VipsImage *x = in;
        if (alpha) {
                if (vips_premultiply(x, &t[0], NULL) != 0)
                        goto fail;
                x = t[0];
        }
        if (vips_resize(x, &t[1], hscale, "vscale", vscale, NULL) != 0)
                goto fail;
        x = t[1];
        if (alpha) {
                if (vips_unpremultiply(x, &t[2], NULL) != 0)
                        goto fail;
                x = t[2];
        }
        if (vips_image_get_format(x) != VIPS_FORMAT_UCHAR) {
                if (vips_cast_uchar(x, &t[3], NULL) != 0)
                        goto fail;
                x = t[3];
        }
        /* Rounding inside the resampler can leave a pixel more or less. */
        if (vips_image_get_width(x) != width || vips_image_get_height(x) != height) {
                if (vips_gravity(x, &t[4], VIPS_COMPASS_DIRECTION_CENTRE, width, height, "extend",
                                 VIPS_EXTEND_COPY, NULL) != 0)
                        goto fail;
                x = t[4];
        }
        /* Two encoders read the result: compute it once. */
        if ((*out = vips_image_copy_memory(x)) == NULL)
                goto fail;
        g_object_unref(context);
        return GZ_OK;
fail:
        e = gz_fail(err, GZ_EIO, "resizing to %dx%d failed: %s", width, height,
                    vips_reason(why, sizeof(why)));
        g_object_unref(context);
        return e;
}

/* ---- writing ----------------------------------------------------------- */

struct written {
        int dir_fd;
        char names[1 + GZ_MEDIA_MAX_RENDITIONS][64];
        size_t count;
};

static enum gz_err
write_all(int fd, const void *data, size_t len)
{
        const char *p = data;
        while (len > 0) {
                ssize_t w = write(fd, p, len);
                if (w < 0 && errno == EINTR)
                        continue;
                if (w <= 0)
                        return GZ_EIO;
                p += w;
                len -= (size_t)w;
        }
        return GZ_OK;
}

static enum gz_err
io_fail(struct gz_error *err, const char *name, int saved)
{
        if (saved == EFBIG)
                return gz_fail(err, GZ_ETOOBIG, "%s: the file would be too large", name);
        return gz_fail(err, GZ_EIO, "%s: %s", name, strerror(saved));
}

/* A temporary beside the final name, flushed, then renamed without ever
 * replacing an existing file. */
static enum gz_err
write_file(struct written *w, const char *name, const void *data, size_t len, struct gz_error *err)
{
        char tmp[80];
        snprintf(tmp, sizeof(tmp), ".%s.tmp", name);
        int fd =
            openat(w->dir_fd, tmp, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0644);
        if (fd < 0)
                return io_fail(err, name, errno);
        if (write_all(fd, data, len) != GZ_OK || fsync(fd) != 0) {
                int saved = errno;
                close(fd);
                unlinkat(w->dir_fd, tmp, 0);
                return io_fail(err, name, saved);
        }
        close(fd);
        if (gz_media_rename_noreplace(w->dir_fd, tmp, w->dir_fd, name) != 0) {
                int saved = errno;
                unlinkat(w->dir_fd, tmp, 0);
                if (saved == EEXIST)
                        return gz_fail(err, GZ_ECONFLICT, "%s already exists", name);
                return io_fail(err, name, saved);
        }
        snprintf(w->names[w->count++], 64, "%s", name);
        return GZ_OK;
}

static void
remove_written(struct written *w)
{
        for (size_t i = 0; i < w->count; i++)
                unlinkat(w->dir_fd, w->names[i], 0);
        w->count = 0;
}

static enum gz_err
save(struct written *w, VipsImage *image, enum gz_media_type type, int quality, const char *name,
     size_t *bytes, struct gz_error *err)
{
        void *buf = NULL;
        size_t size = 0;
        enum gz_err e = encode(image, type, quality, &buf, &size, err);
        if (e != GZ_OK)
                return e;
        e = write_file(w, name, buf, size, err);
        g_free(buf);
        *bytes = size;
        return e;
}

/* ---- the whole job --------------------------------------------------- */

enum gz_err
gz_media_process_at(int dir_fd, const void *data, size_t len, const char *basename,
                    const struct gz_media_limits *limits, struct gz_media_result *result,
                    struct gz_error *err)
{
        static const int widths[] = {480, 960, 1600};
        struct gz_media_result res;
        memset(&res, 0, sizeof(res));
        if (!gz_media_basename_ok(basename))
                return gz_fail(err, GZ_EINVAL,
                               "the file name must be 1 to %d letters, digits, '-' or '_'",
                               GZ_MEDIA_BASENAME_MAX);
        enum gz_err e = gz_media_init(NULL, err);
        if (e != GZ_OK)
                return e;
        struct gz_media_limits lim;
        gz_media_limits_resolve(limits, &lim);

        struct written w = {.dir_fd = dir_fd};
        VipsImage *loaded = NULL, *clean = NULL, *scaled = NULL;
        e = open_upload(data, len, &lim, &loaded, &res.source_type, err);
        if (e != GZ_OK)
                goto out;
        e = decode_clean(loaded, &clean, err);
        if (e != GZ_OK)
                goto out;
        res.width = vips_image_get_width(clean);
        res.height = vips_image_get_height(clean);

        /* A GIF's metadata lives in extension blocks that cannot be removed
         * without re-encoding, and re-encoding an animation would cost its
         * frames times its pixels: the first frame is kept, as lossless PNG. */
        res.original_type = res.source_type == GZ_MEDIA_GIF ? GZ_MEDIA_PNG : res.source_type;
        gz_media_file_name(res.original, basename, 0, res.original_type);
        e = save(&w, clean, res.original_type, ORIGINAL_QUALITY, res.original, &res.original_bytes,
                 err);
        if (e != GZ_OK)
                goto out;

        int targets[GZ_ARRAY_LEN(widths)];
        size_t target_count = 0;
        for (size_t i = 0; i < GZ_ARRAY_LEN(widths); i++)
                if (widths[i] < res.width)
                        targets[target_count++] = widths[i];
        if (target_count == 0)
                targets[target_count++] = res.width;

        for (size_t i = 0; i < target_count; i++) {
                int tw = targets[i];
                double th = (double)res.height * tw / res.width;
                int height = th < 1.0 ? 1 : (int)(th + 0.5);
                e = scale_to(clean, tw, height, &scaled, err);
                if (e != GZ_OK)
                        goto out;
                static const enum gz_media_type formats[] = {GZ_MEDIA_WEBP, GZ_MEDIA_JPEG};
                for (size_t f = 0; f < GZ_ARRAY_LEN(formats); f++) {
                        struct gz_media_rendition *r = &res.renditions[res.rendition_count];
                        r->width = tw;
                        r->height = height;
                        r->type = formats[f];
                        gz_media_file_name(r->file, basename, tw, r->type);
                        e = save(&w, scaled, r->type, RENDITION_QUALITY, r->file, &r->bytes, err);
                        if (e != GZ_OK)
                                goto out;
                        res.rendition_count++;
                }
                g_object_unref(scaled);
                scaled = NULL;
        }
        if (fsync(dir_fd) != 0 && errno != EINVAL && errno != EBADF) {
                e = io_fail(err, "the output directory", errno);
                goto out;
        }
out:
        if (scaled != NULL)
                g_object_unref(scaled);
        if (clean != NULL)
                g_object_unref(clean);
        if (loaded != NULL)
                g_object_unref(loaded);
        if (e != GZ_OK) {
                remove_written(&w);
                return e;
        }
        if (result != NULL)
                *result = res;
        return GZ_OK;
}

enum gz_err
gz_media_process(const void *data, size_t len, const char *out_dir, const char *basename,
                 const struct gz_media_limits *limits, struct gz_media_result *result,
                 struct gz_error *err)
{
        if (out_dir == NULL)
                return gz_fail(err, GZ_EINVAL, "no output directory");
        int dir_fd = open(out_dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (dir_fd < 0)
                return gz_fail(err, GZ_EIO, "%s: %s", out_dir, strerror(errno));
        enum gz_err e = gz_media_process_at(dir_fd, data, len, basename, limits, result, err);
        close(dir_fd);
        return e;
}
