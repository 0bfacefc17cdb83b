/* Unit tests for src/media: the four accepted types decode, everything else
 * is refused with a clear message, no metadata (above all EXIF GPS) survives,
 * files appear whole or not at all, and the sandboxed worker copes with
 * crashes, hangs, forbidden system calls and nonsense. The test binary is
 * its own worker: main hands "__media-worker" to gz_media_worker_main. */
/* for memmem */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include <vips/vips.h>
#include <zlib.h>

#include "media/media.h"
#include "media/media_internal.h"

/* /proc/self/exe in the parent names this binary: the worker is us. */
static const char self_exe[] = "/proc/self/exe";

/* ---- scratch directories ---------------------------------------------- */

struct scratch {
        char dir[256];
};

static int
scratch_setup(void **state)
{
        struct scratch *s = calloc(1, sizeof(*s));
        const char *tmp = getenv("TMPDIR");
        snprintf(s->dir, sizeof(s->dir), "%s/gz-media-test-XXXXXX",
                 tmp != NULL && tmp[0] != '\0' ? tmp : "/tmp");
        if (mkdtemp(s->dir) == NULL) {
                free(s);
                return -1;
        }
        *state = s;
        return 0;
}

static int
scratch_teardown(void **state)
{
        struct scratch *s = *state;
        DIR *d = opendir(s->dir);
        if (d != NULL) {
                struct dirent *ent;
                while ((ent = readdir(d)) != NULL) {
                        if (strcmp(ent->d_name, ".") == 0 || strcmp(ent->d_name, "..") == 0)
                                continue;
                        char path[600];
                        snprintf(path, sizeof(path), "%s/%s", s->dir, ent->d_name);
                        if (unlink(path) != 0)
                                rmdir(path);
                }
                closedir(d);
        }
        rmdir(s->dir);
        free(s);
        return 0;
}

/* Names in the directory, sorted and joined by spaces. */
static void
list_dir(const char *dir, char *out, size_t n)
{
        char names[32][256];
        size_t count = 0;
        DIR *d = opendir(dir);
        assert_non_null(d);
        struct dirent *ent;
        while ((ent = readdir(d)) != NULL && count < 32)
                if (strcmp(ent->d_name, ".") != 0 && strcmp(ent->d_name, "..") != 0)
                        snprintf(names[count++], sizeof(names[0]), "%s", ent->d_name);
        closedir(d);
        qsort(names, count, sizeof(names[0]), (int (*)(const void *, const void *))strcmp);
        out[0] = '\0';
        for (size_t i = 0; i < count; i++) {
                if (i > 0)
                        strncat(out, " ", n - strlen(out) - 1);
                strncat(out, names[i], n - strlen(out) - 1);
        }
}

static char *
read_output(const char *dir, const char *name, size_t *len)
{
        char path[600];
        snprintf(path, sizeof(path), "%s/%s", dir, name);
        char *data = NULL;
        struct gz_error err = {0};
        assert_int_equal(gz_file_read(path, 512u << 20, &data, len, &err), GZ_OK);
        return data;
}

/* ---- making inputs with libvips --------------------------------------- */

/* A picture with something in it: red, green and blue ramps, and a red top
 * left quadrant to tell orientation by. */
static VipsImage *
test_picture(int width, int height, bool alpha)
{
        VipsImage *xyz, *x, *y, *r, *g, *b, *rgb, *quad, *mask, *painted, *out;
        assert_int_equal(vips_xyz(&xyz, width, height, NULL), 0);
        assert_int_equal(vips_extract_band(xyz, &x, 0, NULL), 0);
        assert_int_equal(vips_extract_band(xyz, &y, 1, NULL), 0);
        assert_int_equal(vips_linear1(x, &r, 200.0 / width, 30, NULL), 0);
        assert_int_equal(vips_linear1(y, &g, 200.0 / height, 20, NULL), 0);
        assert_int_equal(vips_add(x, y, &b, NULL), 0);
        VipsImage *bands[3] = {r, g, b};
        VipsImage *b_scaled;
        assert_int_equal(vips_linear1(b, &b_scaled, 100.0 / (width + height), 100, NULL), 0);
        bands[2] = b_scaled;
        assert_int_equal(vips_bandjoin(bands, &rgb, 3, NULL), 0);
        /* the top-left quadrant pure red */
        VipsImage *in_x, *in_y;
        assert_int_equal(
            vips_relational_const1(x, &in_x, VIPS_OPERATION_RELATIONAL_LESS, width / 2.0, NULL), 0);
        assert_int_equal(
            vips_relational_const1(y, &in_y, VIPS_OPERATION_RELATIONAL_LESS, height / 2.0, NULL),
            0);
        assert_int_equal(vips_boolean(in_x, in_y, &mask, VIPS_OPERATION_BOOLEAN_AND, NULL), 0);
        double red[3] = {250, 10, 10};
        quad = vips_image_new_from_image(rgb, red, 3);
        assert_int_equal(vips_ifthenelse(mask, quad, rgb, &painted, NULL), 0);
        VipsImage *u8;
        assert_int_equal(vips_cast_uchar(painted, &u8, NULL), 0);
        if (alpha) {
                VipsImage *a;
                assert_int_equal(vips_linear1(x, &a, 255.0 / width, 0, NULL), 0);
                VipsImage *a8;
                assert_int_equal(vips_cast_uchar(a, &a8, NULL), 0);
                assert_int_equal(vips_bandjoin2(u8, a8, &out, NULL), 0);
                g_object_unref(a);
                g_object_unref(a8);
        } else {
                assert_int_equal(vips_copy(u8, &out, NULL), 0);
        }
        out = vips_image_copy_memory(out);
        out->Type = VIPS_INTERPRETATION_sRGB;
        VipsImage *objects[] = {xyz, x,    y,    r,    g,    b,       b_scaled,
                                rgb, in_x, in_y, mask, quad, painted, u8};
        for (size_t i = 0; i < GZ_ARRAY_LEN(objects); i++)
                g_object_unref(objects[i]);
        return out;
}

struct blob {
        void *data;
        size_t len;
};

static struct blob
encode(VipsImage *image, enum gz_media_type type)
{
        struct blob b = {0};
        int rc = -1;
        switch (type) {
        case GZ_MEDIA_JPEG:
                rc = vips_jpegsave_buffer(image, &b.data, &b.len, "Q", 90, NULL);
                break;
        case GZ_MEDIA_PNG:
                rc = vips_pngsave_buffer(image, &b.data, &b.len, NULL);
                break;
        case GZ_MEDIA_WEBP:
                rc = vips_webpsave_buffer(image, &b.data, &b.len, NULL);
                break;
        case GZ_MEDIA_GIF:
                rc = vips_gifsave_buffer(image, &b.data, &b.len, NULL);
                break;
        case GZ_MEDIA__MAX:
                break;
        }
        if (rc != 0)
                fail_msg("encoding failed: %s", vips_error_buffer());
        return b;
}

static struct blob
make_input(enum gz_media_type type, int width, int height, bool alpha)
{
        VipsImage *image = test_picture(width, height, alpha);
        struct blob b = encode(image, type);
        g_object_unref(image);
        return b;
}

/* ---- looking inside outputs ------------------------------------------- */

static unsigned
be16(const unsigned char *p)
{
        return (unsigned)p[0] << 8 | p[1];
}

static uint32_t
be32(const unsigned char *p)
{
        return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static uint32_t
le32(const unsigned char *p)
{
        return (uint32_t)p[3] << 24 | (uint32_t)p[2] << 16 | (uint32_t)p[1] << 8 | p[0];
}

/* Every segment before the scan: only APP0 (JFIF) may carry anything. */
static void
assert_jpeg_segments_clean(const unsigned char *p, size_t len)
{
        assert_true(len > 4 && p[0] == 0xff && p[1] == 0xd8);
        size_t i = 2;
        while (i + 4 <= len) {
                assert_int_equal(p[i], 0xff);
                unsigned marker = p[i + 1];
                if (marker == 0xda) /* start of scan: metadata would come before */
                        return;
                unsigned seg = be16(p + i + 2);
                if (marker >= 0xe0 && marker <= 0xef)
                        assert_true(marker == 0xe0 && seg >= 7 &&
                                    memcmp(p + i + 4, "JFIF", 4) == 0);
                assert_int_not_equal(marker, 0xfe); /* COM */
                i += 2 + seg;
        }
        fail_msg("no start of scan");
}

static void
assert_png_chunks_clean(const unsigned char *p, size_t len)
{
        static const char *const allowed[] = {"IHDR", "PLTE", "tRNS", "IDAT", "IEND",
                                              "pHYs", "gAMA", "sRGB", "cHRM", "bKGD"};
        assert_true(len > 8 && memcmp(p, "\x89PNG\r\n\x1a\n", 8) == 0);
        size_t i = 8;
        while (i + 12 <= len) {
                uint32_t n = be32(p + i);
                bool ok = false;
                for (size_t k = 0; k < GZ_ARRAY_LEN(allowed); k++)
                        ok = ok || memcmp(p + i + 4, allowed[k], 4) == 0;
                if (!ok)
                        fail_msg("PNG chunk %.4s", (const char *)p + i + 4);
                i += 12 + n;
        }
}

static void
assert_webp_chunks_clean(const unsigned char *p, size_t len)
{
        static const char *const allowed[] = {"VP8 ", "VP8L", "VP8X", "ALPH"};
        assert_true(len > 12 && memcmp(p, "RIFF", 4) == 0 && memcmp(p + 8, "WEBP", 4) == 0);
        size_t i = 12;
        while (i + 8 <= len) {
                uint32_t n = le32(p + i + 4);
                bool ok = false;
                for (size_t k = 0; k < GZ_ARRAY_LEN(allowed); k++)
                        ok = ok || memcmp(p + i, allowed[k], 4) == 0;
                if (!ok)
                        fail_msg("WebP chunk %.4s", (const char *)p + i);
                if (memcmp(p + i, "VP8X", 4) == 0)
                        assert_int_equal(p[i + 8] & 0x2c, 0); /* ICC, EXIF, XMP flags */
                i += 8 + n + (n & 1);
        }
}

static void
assert_no_bytes(const char *data, size_t len, const void *needle, size_t n, const char *what)
{
        if (memmem(data, len, needle, n) != NULL)
                fail_msg("output contains %s", what);
}

/* The file carries no metadata, by its structure, by the bytes that would
 * betray it, and by what libvips finds when it reads it back. */
static void
assert_output_clean(const char *dir, const char *name)
{
        size_t len = 0;
        char *data = read_output(dir, name, &len);
        const unsigned char *u = (const unsigned char *)data;
        switch (gz_media_sniff(data, len)) {
        case GZ_MEDIA_JPEG:
                assert_jpeg_segments_clean(u, len);
                break;
        case GZ_MEDIA_PNG:
                assert_png_chunks_clean(u, len);
                break;
        case GZ_MEDIA_WEBP:
                assert_webp_chunks_clean(u, len);
                break;
        default:
                fail_msg("%s is not an image we write", name);
        }
        assert_no_bytes(data, len, "Exif\0\0", 6, "an Exif header");
        /* The GPS IFD pointer entry: tag 0x8825, LONG, count 1, both byte orders. */
        assert_no_bytes(data, len, "\x25\x88\x04\x00\x01\x00\x00\x00", 8, "tag 0x8825");
        assert_no_bytes(data, len, "\x88\x25\x00\x04\x00\x00\x00\x01", 8, "tag 0x8825");
        assert_no_bytes(data, len, "http://ns.adobe.com/xap", 23, "XMP");
        assert_no_bytes(data, len, "Photoshop 3.0", 13, "IPTC");
        assert_no_bytes(data, len, "8BIM", 4, "Photoshop resources");
        assert_no_bytes(data, len, "ICC_PROFILE", 11, "an ICC profile");
        assert_no_bytes(data, len, "GPSLatitude", 11, "GPS text");
        assert_no_bytes(data, len, "48.8584", 7, "the coordinates in a comment");

        VipsImage *image = vips_image_new_from_buffer(data, len, "", NULL);
        if (image == NULL)
                fail_msg("libvips cannot read %s: %s", name, vips_error_buffer());
        gchar **fields = vips_image_get_fields(image);
        for (int i = 0; fields[i] != NULL; i++) {
                if (strcmp(fields[i], "exif-data") == 0 || strcmp(fields[i], "xmp-data") == 0 ||
                    strcmp(fields[i], "iptc-data") == 0 ||
                    strcmp(fields[i], "icc-profile-data") == 0 ||
                    strncmp(fields[i], "exif-", 5) == 0 || strcmp(fields[i], "orientation") == 0)
                        fail_msg("%s has the field %s", name, fields[i]);
        }
        g_strfreev(fields);
        g_object_unref(image);
        free(data);
}

/* Reads an output back and checks its size. */
static void
assert_output_size(const char *dir, const char *name, int width, int height)
{
        size_t len = 0;
        char *data = read_output(dir, name, &len);
        VipsImage *image = vips_image_new_from_buffer(data, len, "", NULL);
        if (image == NULL)
                fail_msg("libvips cannot read %s: %s", name, vips_error_buffer());
        assert_int_equal(vips_image_get_width(image), width);
        assert_int_equal(vips_image_get_height(image), height);
        g_object_unref(image);
        free(data);
}

static void
assert_result_files(const char *dir, const struct gz_media_result *r)
{
        assert_output_clean(dir, r->original);
        assert_output_size(dir, r->original, r->width, r->height);
        for (size_t i = 0; i < r->rendition_count; i++) {
                const struct gz_media_rendition *x = &r->renditions[i];
                assert_true(x->type == GZ_MEDIA_JPEG || x->type == GZ_MEDIA_WEBP);
                assert_true(x->bytes > 0);
                assert_output_clean(dir, x->file);
                assert_output_size(dir, x->file, x->width, x->height);
        }
}

/* ---- sniffing and names ----------------------------------------------- */

static void
sniff_knows_the_four_magics(void **state)
{
        (void)state;
        assert_int_equal(gz_media_sniff("\xff\xd8\xff\xe0", 4), GZ_MEDIA_JPEG);
        assert_int_equal(gz_media_sniff("\x89PNG\r\n\x1a\n", 8), GZ_MEDIA_PNG);
        assert_int_equal(gz_media_sniff("RIFF\x10\0\0\0WEBPVP8 ", 16), GZ_MEDIA_WEBP);
        assert_int_equal(gz_media_sniff("GIF89a", 6), GZ_MEDIA_GIF);
        assert_int_equal(gz_media_sniff("GIF87a", 6), GZ_MEDIA_GIF);
        assert_int_equal(gz_media_sniff("RIFF\x10\0\0\0WAVE", 12), GZ_MEDIA__MAX);
        assert_int_equal(gz_media_sniff("\x89PNG\r\n\x1a", 7), GZ_MEDIA__MAX);
        assert_int_equal(gz_media_sniff("GIF90a", 6), GZ_MEDIA__MAX);
        assert_int_equal(gz_media_sniff("<svg xmlns=", 11), GZ_MEDIA__MAX);
        assert_int_equal(gz_media_sniff("", 0), GZ_MEDIA__MAX);
        assert_int_equal(gz_media_sniff(NULL, 10), GZ_MEDIA__MAX);
        assert_string_equal(gz_media_mime(GZ_MEDIA_WEBP), "image/webp");
        assert_string_equal(gz_media_ext(GZ_MEDIA_JPEG), "jpg");
        assert_null(gz_media_ext(GZ_MEDIA__MAX));
        assert_null(gz_media_mime((enum gz_media_type) - 1));
}

/* ---- decoding the four types ------------------------------------------ */

static void
process_type(const char *dir, enum gz_media_type type, bool alpha)
{
        struct blob in = make_input(type, 1000, 600, alpha);
        struct gz_media_result r;
        struct gz_error err = {0};
        enum gz_err e = gz_media_process(in.data, in.len, dir, "photo", NULL, &r, &err);
        if (e != GZ_OK)
                fail_msg("%s: %s", gz_media_ext(type), err.msg);
        assert_int_equal(r.source_type, type);
        assert_int_equal(r.width, 1000);
        assert_int_equal(r.height, 600);
        enum gz_media_type kept = type == GZ_MEDIA_GIF ? GZ_MEDIA_PNG : type;
        assert_int_equal(r.original_type, kept);
        char want[64];
        snprintf(want, sizeof(want), "photo.%s", gz_media_ext(kept));
        assert_string_equal(r.original, want);
        /* 480 and 960 are narrower than 1000; 1600 is not */
        assert_int_equal(r.rendition_count, 4);
        assert_int_equal(r.renditions[0].width, 480);
        assert_int_equal(r.renditions[0].height, 288);
        assert_int_equal(r.renditions[2].width, 960);
        assert_int_equal(r.renditions[2].height, 576);
        assert_string_equal(r.renditions[0].file, "photo-480w.webp");
        assert_string_equal(r.renditions[1].file, "photo-480w.jpg");
        assert_result_files(dir, &r);
        char listing[512], expect[512];
        list_dir(dir, listing, sizeof(listing));
        snprintf(expect, sizeof(expect),
                 "photo-480w.jpg photo-480w.webp photo-960w.jpg photo-960w.webp %s", want);
        assert_string_equal(listing, expect);
        g_free(in.data);
}

static void
decodes_jpeg(void **state)
{
        process_type(((struct scratch *)*state)->dir, GZ_MEDIA_JPEG, false);
}

static void
decodes_png_with_alpha(void **state)
{
        process_type(((struct scratch *)*state)->dir, GZ_MEDIA_PNG, true);
        /* the kept PNG still has its transparency, the WebP rendition too */
        size_t len = 0;
        char *data = read_output(((struct scratch *)*state)->dir, "photo.png", &len);
        VipsImage *image = vips_image_new_from_buffer(data, len, "", NULL);
        assert_non_null(image);
        assert_true(vips_image_hasalpha(image));
        g_object_unref(image);
        free(data);
}

static void
decodes_webp(void **state)
{
        process_type(((struct scratch *)*state)->dir, GZ_MEDIA_WEBP, false);
}

static void
decodes_gif_keeping_first_frame_as_png(void **state)
{
        process_type(((struct scratch *)*state)->dir, GZ_MEDIA_GIF, false);
}

static void
small_image_gets_one_rendition_at_its_width(void **state)
{
        const char *dir = ((struct scratch *)*state)->dir;
        struct blob in = make_input(GZ_MEDIA_JPEG, 300, 200, false);
        struct gz_media_result r;
        struct gz_error err = {0};
        assert_int_equal(gz_media_process(in.data, in.len, dir, "tiny", NULL, &r, &err), GZ_OK);
        assert_int_equal(r.rendition_count, 2);
        assert_int_equal(r.renditions[0].width, 300);
        assert_int_equal(r.renditions[0].height, 200);
        assert_string_equal(r.renditions[1].file, "tiny-300w.jpg");
        assert_result_files(dir, &r);
        g_free(in.data);
}

static void
wide_image_gets_three_widths(void **state)
{
        const char *dir = ((struct scratch *)*state)->dir;
        struct blob in = make_input(GZ_MEDIA_JPEG, 2000, 1000, false);
        struct gz_media_result r;
        struct gz_error err = {0};
        assert_int_equal(gz_media_process(in.data, in.len, dir, "wide", NULL, &r, &err), GZ_OK);
        assert_int_equal(r.rendition_count, 6);
        assert_int_equal(r.renditions[4].width, 1600);
        assert_int_equal(r.renditions[4].height, 800);
        assert_result_files(dir, &r);
        g_free(in.data);
}

/* ---- refusals --------------------------------------------------------- */

static void
assert_refused(const char *dir, const void *data, size_t len, const struct gz_media_limits *limits,
               enum gz_err code, const char *words)
{
        struct gz_media_result r;
        struct gz_error err = {0};
        enum gz_err e = gz_media_process(data, len, dir, "refused", limits, &r, &err);
        assert_int_equal(e, code);
        assert_int_equal(err.code, code);
        if (strstr(err.msg, words) == NULL)
                fail_msg("message \"%s\" lacks \"%s\"", err.msg, words);
        char listing[512];
        list_dir(dir, listing, sizeof(listing));
        assert_string_equal(listing, "");
}

static void
refuses_text(void **state)
{
        const char text[] = "Dear editor, this is not a picture.\n";
        assert_refused(((struct scratch *)*state)->dir, text, sizeof(text) - 1, NULL, GZ_EINVAL,
                       "not a JPEG, PNG, WebP or GIF image");
}

static void
refuses_svg(void **state)
{
        const char svg[] = "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" "
                           "width=\"10\" height=\"10\"><script>alert(1)</script></svg>";
        assert_refused(((struct scratch *)*state)->dir, svg, sizeof(svg) - 1, NULL, GZ_EINVAL,
                       "not a JPEG, PNG, WebP or GIF image");
}

static void
refuses_tiff_and_blocks_other_loaders(void **state)
{
        VipsImage *image = test_picture(64, 64, false);
        void *tiff = NULL;
        size_t len = 0;
        assert_int_equal(vips_tiffsave_buffer(image, &tiff, &len, NULL), 0);
        assert_refused(((struct scratch *)*state)->dir, tiff, len, NULL, GZ_EINVAL,
                       "not a JPEG, PNG, WebP or GIF image");
        /* Even called directly, libvips refuses the loaders we did not allow. */
        VipsImage *loaded = NULL;
        assert_int_not_equal(vips_tiffload_buffer(tiff, len, &loaded, NULL), 0);
        assert_non_null(strstr(vips_error_buffer(), "blocked"));
        vips_error_clear();
        const char svg[] = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"9\" height=\"9\"/>";
        assert_int_not_equal(vips_svgload_buffer((void *)svg, sizeof(svg) - 1, &loaded, NULL), 0);
        vips_error_clear();
        g_free(tiff);
        g_object_unref(image);
}

static void
refuses_truncated_jpeg(void **state)
{
        struct gz_buf picture;
        gz_buf_init(&picture, NULL);
        struct gz_error err = {0};
        assert_int_equal(gz_media_demo_image(7, 800, 450, &picture, &err), GZ_OK);
        assert_refused(((struct scratch *)*state)->dir, picture.data, picture.len / 2, NULL,
                       GZ_EINVAL, "damaged or incomplete");
        gz_buf_free(&picture);
}

static void
put_png_chunk(struct gz_buf *b, const char *type, const unsigned char *data, uint32_t n)
{
        unsigned char head[8] = {(unsigned char)(n >> 24), (unsigned char)(n >> 16),
                                 (unsigned char)(n >> 8), (unsigned char)n};
        memcpy(head + 4, type, 4);
        gz_buf_put(b, head, 8);
        gz_buf_put(b, data, n);
        uLong crc = crc32(0L, (const Bytef *)type, 4);
        crc = crc32(crc, data, n);
        unsigned char tail[4] = {(unsigned char)(crc >> 24), (unsigned char)(crc >> 16),
                                 (unsigned char)(crc >> 8), (unsigned char)crc};
        gz_buf_put(b, tail, 4);
}

static void
refuses_png_bomb_from_its_header(void **state)
{
        /* 100000 x 100000 RGB claimed in IHDR, a few bytes of IDAT behind it. */
        struct gz_buf png;
        gz_buf_init(&png, NULL);
        gz_buf_put(&png, "\x89PNG\r\n\x1a\n", 8);
        const unsigned char ihdr[13] = {0, 1, 0x86, 0xa0, 0, 1, 0x86, 0xa0, 8, 2, 0, 0, 0};
        put_png_chunk(&png, "IHDR", ihdr, 13);
        unsigned char raw[64] = {0}, packed[128];
        uLongf packed_len = sizeof(packed);
        assert_int_equal(compress2(packed, &packed_len, raw, sizeof(raw), 9), Z_OK);
        put_png_chunk(&png, "IDAT", packed, (uint32_t)packed_len);
        put_png_chunk(&png, "IEND", NULL, 0);

        struct gz_media_info info;
        struct gz_error err = {0};
        assert_int_equal(gz_media_probe(png.data, png.len, NULL, &info, &err), GZ_ETOOBIG);
        assert_non_null(strstr(err.msg, "100000x100000"));
        assert_refused(((struct scratch *)*state)->dir, png.data, png.len, NULL, GZ_ETOOBIG,
                       "megapixels");
        gz_buf_free(&png);
}

static void
refuses_over_the_byte_limit(void **state)
{
        struct blob in = make_input(GZ_MEDIA_JPEG, 200, 200, false);
        struct gz_media_limits limits = {.max_bytes = 1000};
        assert_true(in.len > 1000);
        assert_refused(((struct scratch *)*state)->dir, in.data, in.len, &limits, GZ_ETOOBIG,
                       "the limit is 1000 bytes");
        g_free(in.data);
}

static void
refuses_over_width_height_and_pixel_limits(void **state)
{
        const char *dir = ((struct scratch *)*state)->dir;
        struct blob in = make_input(GZ_MEDIA_PNG, 600, 400, false);
        struct gz_media_limits wide = {.max_width = 500};
        assert_refused(dir, in.data, in.len, &wide, GZ_ETOOBIG,
                       "600 pixels wide; the limit is 500");
        struct gz_media_limits tall = {.max_height = 300};
        assert_refused(dir, in.data, in.len, &tall, GZ_ETOOBIG,
                       "400 pixels high; the limit is 300");
        struct gz_media_limits pixels = {.max_pixels = 200000};
        assert_refused(dir, in.data, in.len, &pixels, GZ_ETOOBIG,
                       "600x400, 0.24 megapixels; the limit is 0.20 megapixels");
        g_free(in.data);
}

static void
refuses_bad_basename(void **state)
{
        struct blob in = make_input(GZ_MEDIA_JPEG, 50, 50, false);
        struct gz_media_result r;
        struct gz_error err = {0};
        const char *dir = ((struct scratch *)*state)->dir;
        assert_int_equal(gz_media_process(in.data, in.len, dir, "../escape", NULL, &r, &err),
                         GZ_EINVAL);
        assert_int_equal(gz_media_process(in.data, in.len, dir, ".hidden", NULL, &r, &err),
                         GZ_EINVAL);
        assert_int_equal(gz_media_process(in.data, in.len, dir, "", NULL, &r, &err), GZ_EINVAL);
        g_free(in.data);
}

static void
never_replaces_and_leaves_nothing_on_failure(void **state)
{
        const char *dir = ((struct scratch *)*state)->dir;
        char path[600];
        snprintf(path, sizeof(path), "%s/taken-960w.jpg", dir);
        struct gz_error err = {0};
        assert_int_equal(gz_file_write_atomic(path, "mine", 4, &err), GZ_OK);
        struct blob in = make_input(GZ_MEDIA_JPEG, 1000, 500, false);
        struct gz_media_result r;
        assert_int_equal(gz_media_process(in.data, in.len, dir, "taken", NULL, &r, &err),
                         GZ_ECONFLICT);
        assert_non_null(strstr(err.msg, "taken-960w.jpg already exists"));
        /* the original and the 480 renditions were written first, then removed */
        char listing[512];
        list_dir(dir, listing, sizeof(listing));
        assert_string_equal(listing, "taken-960w.jpg");
        size_t len = 0;
        char *kept = read_output(dir, "taken-960w.jpg", &len);
        assert_string_equal(kept, "mine");
        free(kept);
        g_free(in.data);
}

/* ---- orientation ------------------------------------------------------ */

static void
applies_exif_orientation(void **state)
{
        const char *dir = ((struct scratch *)*state)->dir;
        /* 400x200 with a red top-left quadrant, tagged "rotate 90 clockwise". */
        VipsImage *image = test_picture(400, 200, false);
        vips_image_set_int(image, VIPS_META_ORIENTATION, 6);
        struct blob in = encode(image, GZ_MEDIA_JPEG);
        g_object_unref(image);
        VipsImage *check = vips_image_new_from_buffer(in.data, in.len, "", NULL);
        assert_non_null(check);
        assert_int_equal(vips_image_get_orientation(check), 6);
        g_object_unref(check);

        struct gz_media_result r;
        struct gz_error err = {0};
        assert_int_equal(gz_media_process(in.data, in.len, dir, "turned", NULL, &r, &err), GZ_OK);
        assert_int_equal(r.width, 200);
        assert_int_equal(r.height, 400);
        assert_result_files(dir, &r);
        /* Turned clockwise, the red quadrant is now top right. */
        size_t len = 0;
        char *data = read_output(dir, r.original, &len);
        VipsImage *out = vips_image_new_from_buffer(data, len, "", NULL);
        assert_non_null(out);
        double *pixel = NULL;
        int n = 0;
        assert_int_equal(vips_getpoint(out, &pixel, &n, 150, 50, NULL), 0);
        assert_true(pixel[0] > 200 && pixel[1] < 60 && pixel[2] < 60);
        g_free(pixel);
        assert_int_equal(vips_getpoint(out, &pixel, &n, 50, 50, NULL), 0);
        assert_false(pixel[0] > 200 && pixel[1] < 60);
        g_free(pixel);
        g_object_unref(out);
        free(data);
        g_free(in.data);
}

/* ---- THE GPS TEST ----------------------------------------------------- */

static void
put_le16(unsigned char *p, unsigned v)
{
        p[0] = (unsigned char)v;
        p[1] = (unsigned char)(v >> 8);
}

static void
put_le32(unsigned char *p, uint32_t v)
{
        put_le16(p, v & 0xffff);
        put_le16(p + 2, v >> 16);
}

static void
ifd_entry(unsigned char *p, unsigned tag, unsigned type, uint32_t count, uint32_t value)
{
        put_le16(p, tag);
        put_le16(p + 2, type);
        put_le32(p + 4, count);
        put_le32(p + 8, value);
}

/* An Exif APP1 payload, little-endian TIFF: IFD0 with Make and the GPS IFD
 * pointer (tag 0x8825); the GPS IFD with the Eiffel Tower's coordinates. */
static size_t
build_exif_gps(unsigned char *out)
{
        memset(out, 0, 160);
        memcpy(out, "Exif\0\0", 6);
        unsigned char *t = out + 6;
        memcpy(t, "II\x2a\0\x08\0\0\0", 8);
        put_le16(t + 8, 2);
        ifd_entry(t + 10, 0x010f, 2, 4, 0); /* Make, "Spy" inline */
        memcpy(t + 18, "Spy", 4);
        ifd_entry(t + 22, 0x8825, 4, 1, 38); /* GPS IFD at 38 */
        put_le32(t + 34, 0);
        put_le16(t + 38, 4);
        ifd_entry(t + 40, 0x0001, 2, 2, 0); /* GPSLatitudeRef "N" */
        memcpy(t + 48, "N", 2);
        ifd_entry(t + 52, 0x0002, 5, 3, 92); /* GPSLatitude */
        ifd_entry(t + 64, 0x0003, 2, 2, 0);  /* GPSLongitudeRef "E" */
        memcpy(t + 72, "E", 2);
        ifd_entry(t + 76, 0x0004, 5, 3, 116); /* GPSLongitude */
        put_le32(t + 88, 0);
        const uint32_t lat[6] = {48, 1, 51, 1, 2964, 100}, lon[6] = {2, 1, 17, 1, 4020, 100};
        for (int i = 0; i < 6; i++) {
                put_le32(t + 92 + 4 * i, lat[i]);
                put_le32(t + 116 + 4 * i, lon[i]);
        }
        return 6 + 140;
}

static void
put_jpeg_segment(struct gz_buf *b, unsigned char marker, const void *payload, size_t n)
{
        unsigned char head[4] = {0xff, marker, (unsigned char)((n + 2) >> 8),
                                 (unsigned char)(n + 2)};
        gz_buf_put(b, head, 4);
        gz_buf_put(b, payload, n);
}

/* A JPEG from libvips (with an sRGB ICC profile), then Exif with GPS, XMP
 * with GPS, IPTC with a city and a comment with coordinates spliced in
 * after SOI, as a phone or a photo desk would leave them. */
static void
build_spy_jpeg(struct gz_buf *out)
{
        VipsImage *image = test_picture(1200, 800, false);
        VipsBlob *profile = NULL;
        assert_int_equal(vips_profile_load("srgb", &profile, NULL), 0);
        size_t profile_len = 0;
        const void *profile_data = vips_blob_get(profile, &profile_len);
        vips_image_set_blob_copy(image, VIPS_META_ICC_NAME, profile_data, profile_len);
        vips_area_unref(VIPS_AREA(profile));
        struct blob plain = encode(image, GZ_MEDIA_JPEG);
        g_object_unref(image);

        gz_buf_init(out, NULL);
        gz_buf_put(out, plain.data, 2); /* SOI */
        unsigned char exif[160];
        put_jpeg_segment(out, 0xe1, exif, build_exif_gps(exif));
        const char xmp[] =
            "http://ns.adobe.com/xap/1.0/\0"
            "<x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:RDF "
            "xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'><rdf:Description "
            "xmlns:exif='http://ns.adobe.com/exif/1.0/' exif:GPSLatitude='48,51.494N' "
            "exif:GPSLongitude='2,17.67E'/></rdf:RDF></x:xmpmeta>";
        put_jpeg_segment(out, 0xe1, xmp, sizeof(xmp) - 1);
        const char iptc[] = "Photoshop 3.0\0"
                            "8BIM\x04\x04\0\0\0\0\0\x0a"
                            "\x1c\x02\x5a\0\x05Paris\0";
        put_jpeg_segment(out, 0xed, iptc, sizeof(iptc) - 1);
        const char comment[] = "taken at 48.8584N 2.2945E by a source";
        put_jpeg_segment(out, 0xfe, comment, sizeof(comment) - 1);
        gz_buf_put(out, (char *)plain.data + 2, plain.len - 2);
        g_free(plain.data);
}

/* The input really carries all of it, as libvips and the bytes show. */
static void
assert_input_is_spy(const void *data, size_t len)
{
        assert_non_null(memmem(data, len, "Exif\0\0", 6));
        assert_non_null(memmem(data, len, "\x25\x88\x04\x00\x01\x00\x00\x00", 8));
        assert_non_null(memmem(data, len, "ICC_PROFILE", 11));
        VipsImage *image = vips_image_new_from_buffer(data, len, "", NULL);
        assert_non_null(image);
        const char *lat = NULL;
        assert_int_equal(vips_image_get_string(image, "exif-ifd3-GPSLatitude", &lat), 0);
        assert_non_null(strstr(lat, "48"));
        assert_int_not_equal(vips_image_get_typeof(image, "exif-ifd3-GPSLongitude"), 0);
        assert_int_not_equal(vips_image_get_typeof(image, VIPS_META_XMP_NAME), 0);
        assert_int_not_equal(vips_image_get_typeof(image, VIPS_META_IPTC_NAME), 0);
        assert_int_not_equal(vips_image_get_typeof(image, VIPS_META_ICC_NAME), 0);
        g_object_unref(image);
}

static void
gps_and_all_metadata_never_leak(void **state)
{
        const char *dir = ((struct scratch *)*state)->dir;
        struct gz_buf spy;
        build_spy_jpeg(&spy);
        assert_input_is_spy(spy.data, spy.len);

        struct gz_media_result r;
        struct gz_error err = {0};
        enum gz_err e = gz_media_process(spy.data, spy.len, dir, "spy", NULL, &r, &err);
        if (e != GZ_OK)
                fail_msg("%s", err.msg);
        assert_int_equal(r.rendition_count, 4);
        assert_result_files(dir, &r);
        gz_buf_free(&spy);
}

/* The same metadata carried by WebP and PNG containers (libvips writes it
 * there from the fields it read out of the spy JPEG). */
static void
gps_never_leaks_from_webp_or_png(void **state)
{
        const char *dir = ((struct scratch *)*state)->dir;
        struct gz_buf spy;
        build_spy_jpeg(&spy);
        VipsImage *image = vips_image_new_from_buffer(spy.data, spy.len, "", NULL);
        assert_non_null(image);
        const enum gz_media_type types[] = {GZ_MEDIA_WEBP, GZ_MEDIA_PNG};
        for (size_t i = 0; i < GZ_ARRAY_LEN(types); i++) {
                struct blob in = encode(image, types[i]);
                VipsImage *check = vips_image_new_from_buffer(in.data, in.len, "", NULL);
                assert_non_null(check);
                assert_int_not_equal(vips_image_get_typeof(check, "exif-ifd3-GPSLatitude"), 0);
                g_object_unref(check);
                char base[16];
                snprintf(base, sizeof(base), "spy%zu", i);
                struct gz_media_result r;
                struct gz_error err = {0};
                if (gz_media_process(in.data, in.len, dir, base, NULL, &r, &err) != GZ_OK)
                        fail_msg("%s", err.msg);
                assert_int_equal(r.source_type, types[i]);
                assert_result_files(dir, &r);
                g_free(in.data);
        }
        g_object_unref(image);
        gz_buf_free(&spy);
}

/* ---- the worker's answer ---------------------------------------------- */

static bool
answer_ok(const char *text, struct gz_media_answer *a)
{
        return gz_media_parse_answer(text, strlen(text), "photo", a);
}

static void
worker_answer_parser_believes_nothing(void **state)
{
        (void)state;
        struct gz_media_answer a;
        const char good[] = "gz-media-worker 1\n"
                            "result jpg 1000 600 jpg photo.jpg 5000\n"
                            "rendition 480 288 webp photo-480w.webp 300\n"
                            "rendition 480 288 jpg photo-480w.jpg 400\n"
                            "end\n";
        assert_true(answer_ok(good, &a));
        assert_false(a.is_error);
        assert_int_equal(a.result.rendition_count, 2);
        assert_string_equal(a.result.renditions[1].file, "photo-480w.jpg");
        assert_int_equal(a.result.original_bytes, 5000);

        assert_true(answer_ok("gz-media-worker 1\nerror 7 too big: 3 MB\nend\n", &a));
        assert_true(a.is_error);
        assert_int_equal(a.code, GZ_ETOOBIG);
        assert_string_equal(a.message, "too big: 3 MB");

        static const char *const lies[] = {
            "",
            "gz-media-worker 1\nerror 0 fine\nend\n",  /* GZ_OK is no error */
            "gz-media-worker 1\nerror 99 what\nend\n", /* no such code */
            "gz-media-worker 1\nerror 2 x\nrendition 1 1 jpg photo-1w.jpg 1\nend\n",
            "gz-media-worker 1\nresult jpg 10 10 jpg photo.jpg 5\nend\n", /* no rendition */
            "gz-media-worker 2\nresult jpg 10 10 jpg photo.jpg 5\n"
            "rendition 10 10 jpg photo-10w.jpg 1\nend\n",
            "gz-media-worker 1\nresult jpg 10 10 jpg other.jpg 5\n"
            "rendition 10 10 jpg photo-10w.jpg 1\nend\n", /* someone else's file */
            "gz-media-worker 1\nresult jpg 10 10 jpg photo.jpg 5\n"
            "rendition 10 10 jpg ../photo-10w.jpg 1\nend\n",
            "gz-media-worker 1\nresult jpg 10 10 jpg photo.jpg 5\n"
            "rendition 20 10 jpg photo-20w.jpg 1\nend\n", /* wider than the image */
            "gz-media-worker 1\nresult jpg 10 10 jpg photo.jpg 5\n"
            "rendition 10 10 png photo-10w.png 1\nend\n", /* not a rendition type */
            "gz-media-worker 1\nresult gif 10 10 gif photo.gif 5\n"
            "rendition 10 10 jpg photo-10w.jpg 1\nend\n", /* GIF kept as GIF */
            "gz-media-worker 1\nresult jpg 10 10 jpg photo.jpg 5\n"
            "rendition 10 10 jpg photo-10w.jpg 1\nrendition 10 10 jpg photo-10w.jpg 1\nend\n",
            "gz-media-worker 1\nresult jpg 10 10 jpg photo.jpg 5\n"
            "rendition 10 10 jpg photo-10w.jpg 1\nend\nmore\n", /* after the end */
            "gz-media-worker 1\nresult jpg 10 10 jpg photo.jpg 5\n"
            "rendition 10 10 jpg photo-10w.jpg 1\n", /* no end */
            "gz-media-worker 1\nresult jpg 10 10 jpg photo.jpg -5\n"
            "rendition 10 10 jpg photo-10w.jpg 1\nend\n",
            "gz-media-worker 1\nresult jpg 99999 10 jpg photo.jpg 5\n"
            "rendition 10 10 jpg photo-10w.jpg 1\nend\n",
            "gz-media-worker 1\nresult jpg  10 10 jpg photo.jpg 5\n"
            "rendition 10 10 jpg photo-10w.jpg 1\nend\n", /* empty word */
            "gz-media-worker 1\nerror 2 tab\there\nend\n",
        };
        for (size_t i = 0; i < GZ_ARRAY_LEN(lies); i++)
                if (answer_ok(lies[i], &a))
                        fail_msg("accepted lie %zu", i);
        /* a NUL inside */
        assert_false(gz_media_parse_answer("gz-media-worker 1\0\nend\n", 23, "photo", &a));
        /* seven renditions */
        struct gz_buf many;
        gz_buf_init(&many, NULL);
        gz_buf_puts(&many, "gz-media-worker 1\nresult jpg 100 100 jpg photo.jpg 5\n");
        for (int w = 1; w <= 7; w++)
                gz_buf_printf(&many, "rendition %d %d jpg photo-%dw.jpg 1\n", w, w, w);
        gz_buf_puts(&many, "end\n");
        assert_false(gz_media_parse_answer(many.data, many.len, "photo", &a));
        gz_buf_free(&many);
}

/* ---- the isolated worker ---------------------------------------------- */

static void
assert_dir_empty(const char *dir)
{
        char listing[512];
        list_dir(dir, listing, sizeof(listing));
        assert_string_equal(listing, "");
}

static void
isolated_worker_processes_and_strips(void **state)
{
        const char *dir = ((struct scratch *)*state)->dir;
        struct gz_buf spy;
        build_spy_jpeg(&spy);
        struct gz_media_result r;
        struct gz_error err = {0};
        enum gz_err e = gz_media_process_isolated(self_exe, spy.data, spy.len, dir, "iso", NULL,
                                                  20000, GZ_MEDIA_FAULT_NONE, &r, &err);
        if (e != GZ_OK)
                fail_msg("%s", err.msg);
        assert_int_equal(r.source_type, GZ_MEDIA_JPEG);
        assert_int_equal(r.width, 1200);
        assert_int_equal(r.height, 800);
        assert_string_equal(r.original, "iso.jpg");
        assert_int_equal(r.rendition_count, 4);
        assert_result_files(dir, &r);
        /* only the five files: the staging directory is gone */
        char listing[512];
        list_dir(dir, listing, sizeof(listing));
        assert_string_equal(listing,
                            "iso-480w.jpg iso-480w.webp iso-960w.jpg iso-960w.webp iso.jpg");
        gz_buf_free(&spy);
}

static void
isolated_worker_decodes_every_type(void **state)
{
        const char *dir = ((struct scratch *)*state)->dir;
        for (int t = 0; t < GZ_MEDIA__MAX; t++) {
                struct blob in = make_input((enum gz_media_type)t, 640, 480, t == GZ_MEDIA_PNG);
                char base[16];
                snprintf(base, sizeof(base), "t%d", t);
                struct gz_media_result r;
                struct gz_error err = {0};
                if (gz_media_process_isolated(self_exe, in.data, in.len, dir, base, NULL, 20000,
                                              GZ_MEDIA_FAULT_NONE, &r, &err) != GZ_OK)
                        fail_msg("%s: %s", gz_media_ext((enum gz_media_type)t), err.msg);
                assert_int_equal(r.source_type, t);
                assert_int_equal(r.rendition_count, 2);
                assert_result_files(dir, &r);
                g_free(in.data);
        }
}

static void
isolated_worker_passes_refusals_on(void **state)
{
        const char *dir = ((struct scratch *)*state)->dir;
        struct gz_buf picture;
        gz_buf_init(&picture, NULL);
        struct gz_error err = {0};
        assert_int_equal(gz_media_demo_image(3, 640, 360, &picture, &err), GZ_OK);
        struct gz_media_result r;
        assert_int_equal(gz_media_process_isolated(self_exe, picture.data, picture.len / 3, dir,
                                                   "cut", NULL, 20000, GZ_MEDIA_FAULT_NONE, &r,
                                                   &err),
                         GZ_EINVAL);
        assert_non_null(strstr(err.msg, "damaged or incomplete"));
        assert_dir_empty(dir);
        struct gz_media_limits small = {.max_pixels = 1000};
        assert_int_equal(gz_media_process_isolated(self_exe, picture.data, picture.len, dir, "big",
                                                   &small, 20000, GZ_MEDIA_FAULT_NONE, &r, &err),
                         GZ_ETOOBIG);
        assert_non_null(strstr(err.msg, "megapixels"));
        assert_dir_empty(dir);
        /* refused by the parent without a process */
        assert_int_equal(gz_media_process_isolated(self_exe, "GIF", 3, dir, "x", NULL, 20000,
                                                   GZ_MEDIA_FAULT_NONE, &r, &err),
                         GZ_EINVAL);
        gz_buf_free(&picture);
}

static void
run_fault(const char *dir, enum gz_media_fault fault, int timeout_ms, enum gz_err code,
          const char *words)
{
        struct blob in = make_input(GZ_MEDIA_JPEG, 320, 240, false);
        struct gz_media_result r;
        struct gz_error err = {0};
        int64_t start = gz_monotonic_ms();
        enum gz_err e = gz_media_process_isolated(self_exe, in.data, in.len, dir, "fault", NULL,
                                                  timeout_ms, fault, &r, &err);
        int64_t took = gz_monotonic_ms() - start;
        assert_int_equal(e, code);
        if (strstr(err.msg, words) == NULL)
                fail_msg("message \"%s\" lacks \"%s\"", err.msg, words);
        /* Killed at the deadline, not left to RLIMIT_CPU. */
        assert_true(took < timeout_ms + 5000);
        assert_dir_empty(dir);
        g_free(in.data);
}

static void
isolated_worker_crash_is_an_error(void **state)
{
        run_fault(((struct scratch *)*state)->dir, GZ_MEDIA_FAULT_ABORT, 20000, GZ_ECORRUPT,
                  "crashed (signal 6, SIGABRT)");
}

static void
isolated_worker_timeout_kills_it(void **state)
{
        run_fault(((struct scratch *)*state)->dir, GZ_MEDIA_FAULT_HANG, 800, GZ_ETOOBIG,
                  "took longer than 800 ms");
}

static void
isolated_worker_socket_is_killed_by_seccomp(void **state)
{
        run_fault(((struct scratch *)*state)->dir, GZ_MEDIA_FAULT_SOCKET, 20000, GZ_ECORRUPT,
                  "stopped by its sandbox (SIGSYS");
}

static void
isolated_worker_execve_is_killed_by_seccomp(void **state)
{
        run_fault(((struct scratch *)*state)->dir, GZ_MEDIA_FAULT_EXECVE, 20000, GZ_ECORRUPT,
                  "stopped by its sandbox (SIGSYS");
}

static void
isolated_worker_garbage_is_an_error(void **state)
{
        run_fault(((struct scratch *)*state)->dir, GZ_MEDIA_FAULT_GARBAGE, 20000, GZ_EIO,
                  "malformed answer");
}

static void
isolated_worker_missing_is_an_error(void **state)
{
        const char *dir = ((struct scratch *)*state)->dir;
        struct blob in = make_input(GZ_MEDIA_JPEG, 64, 64, false);
        struct gz_media_result r;
        struct gz_error err = {0};
        char missing[600];
        snprintf(missing, sizeof(missing), "%s/no-such-gazette", dir);
        assert_int_equal(gz_media_process_isolated(missing, in.data, in.len, dir, "m", NULL, 5000,
                                                   GZ_MEDIA_FAULT_NONE, &r, &err),
                         GZ_EIO);
        assert_non_null(strstr(err.msg, "cannot start the image worker"));
        assert_dir_empty(dir);
        g_free(in.data);
}

/* ---- demo images ------------------------------------------------------ */

static void
demo_images_differ_by_seed_and_repeat(void **state)
{
        (void)state;
        struct gz_buf a, b, again;
        gz_buf_init(&a, NULL);
        gz_buf_init(&b, NULL);
        gz_buf_init(&again, NULL);
        struct gz_error err = {0};
        assert_int_equal(gz_media_demo_image(1, 1600, 900, &a, &err), GZ_OK);
        assert_int_equal(gz_media_demo_image(2, 1600, 900, &b, &err), GZ_OK);
        assert_int_equal(gz_media_demo_image(1, 1600, 900, &again, &err), GZ_OK);
        assert_int_equal(gz_media_sniff(a.data, a.len), GZ_MEDIA_JPEG);
        assert_false(a.len == b.len && memcmp(a.data, b.data, a.len) == 0);
        assert_true(a.len == again.len && memcmp(a.data, again.data, a.len) == 0);
        struct gz_media_info info;
        assert_int_equal(gz_media_probe(a.data, a.len, NULL, &info, &err), GZ_OK);
        assert_int_equal(info.type, GZ_MEDIA_JPEG);
        assert_int_equal(info.width, 1600);
        assert_int_equal(info.height, 900);
        assert_jpeg_segments_clean((const unsigned char *)a.data, a.len);
        /* Not a flat field: the picture has real contrast. */
        VipsImage *image = vips_image_new_from_buffer(a.data, a.len, "", NULL);
        double deviation = 0;
        assert_int_equal(vips_deviate(image, &deviation, NULL), 0);
        assert_true(deviation > 10);
        g_object_unref(image);
        assert_int_equal(gz_media_demo_image(1, 8, 8, &a, &err), GZ_EINVAL);
        gz_buf_free(&a);
        gz_buf_free(&b);
        gz_buf_free(&again);
}

static void
demo_images_cover_many_seeds(void **state)
{
        (void)state;
        for (unsigned seed = 100; seed < 140; seed++) {
                struct gz_buf jpeg;
                gz_buf_init(&jpeg, NULL);
                struct gz_error err = {0};
                if (gz_media_demo_image(seed, 480, 270, &jpeg, &err) != GZ_OK)
                        fail_msg("seed %u: %s", seed, err.msg);
                assert_true(jpeg.len > 1000);
                gz_buf_free(&jpeg);
        }
}

int
main(int argc, char **argv)
{
        if (argc > 1 && strcmp(argv[1], "__media-worker") == 0)
                return gz_media_worker_main(argc, argv);
        struct gz_error err = {0};
        if (gz_media_init(argv[0], &err) != GZ_OK) {
                fprintf(stderr, "%s\n", err.msg);
                return 1;
        }
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(sniff_knows_the_four_magics),
            cmocka_unit_test_setup_teardown(decodes_jpeg, scratch_setup, scratch_teardown),
            cmocka_unit_test_setup_teardown(decodes_png_with_alpha, scratch_setup,
                                            scratch_teardown),
            cmocka_unit_test_setup_teardown(decodes_webp, scratch_setup, scratch_teardown),
            cmocka_unit_test_setup_teardown(decodes_gif_keeping_first_frame_as_png, scratch_setup,
                                            scratch_teardown),
            cmocka_unit_test_setup_teardown(small_image_gets_one_rendition_at_its_width,
                                            scratch_setup, scratch_teardown),
            cmocka_unit_test_setup_teardown(wide_image_gets_three_widths, scratch_setup,
                                            scratch_teardown),
            cmocka_unit_test_setup_teardown(refuses_text, scratch_setup, scratch_teardown),
            cmocka_unit_test_setup_teardown(refuses_svg, scratch_setup, scratch_teardown),
            cmocka_unit_test_setup_teardown(refuses_tiff_and_blocks_other_loaders, scratch_setup,
                                            scratch_teardown),
            cmocka_unit_test_setup_teardown(refuses_truncated_jpeg, scratch_setup,
                                            scratch_teardown),
            cmocka_unit_test_setup_teardown(refuses_png_bomb_from_its_header, scratch_setup,
                                            scratch_teardown),
            cmocka_unit_test_setup_teardown(refuses_over_the_byte_limit, scratch_setup,
                                            scratch_teardown),
            cmocka_unit_test_setup_teardown(refuses_over_width_height_and_pixel_limits,
                                            scratch_setup, scratch_teardown),
            cmocka_unit_test_setup_teardown(refuses_bad_basename, scratch_setup, scratch_teardown),
            cmocka_unit_test_setup_teardown(never_replaces_and_leaves_nothing_on_failure,
                                            scratch_setup, scratch_teardown),
            cmocka_unit_test_setup_teardown(applies_exif_orientation, scratch_setup,
                                            scratch_teardown),
            cmocka_unit_test_setup_teardown(gps_and_all_metadata_never_leak, scratch_setup,
                                            scratch_teardown),
            cmocka_unit_test_setup_teardown(gps_never_leaks_from_webp_or_png, scratch_setup,
                                            scratch_teardown),
            cmocka_unit_test(worker_answer_parser_believes_nothing),
            cmocka_unit_test_setup_teardown(isolated_worker_processes_and_strips, scratch_setup,
                                            scratch_teardown),
            cmocka_unit_test_setup_teardown(isolated_worker_decodes_every_type, scratch_setup,
                                            scratch_teardown),
            cmocka_unit_test_setup_teardown(isolated_worker_passes_refusals_on, scratch_setup,
                                            scratch_teardown),
            cmocka_unit_test_setup_teardown(isolated_worker_crash_is_an_error, scratch_setup,
                                            scratch_teardown),
            cmocka_unit_test_setup_teardown(isolated_worker_timeout_kills_it, scratch_setup,
                                            scratch_teardown),
            cmocka_unit_test_setup_teardown(isolated_worker_socket_is_killed_by_seccomp,
                                            scratch_setup, scratch_teardown),
            cmocka_unit_test_setup_teardown(isolated_worker_execve_is_killed_by_seccomp,
                                            scratch_setup, scratch_teardown),
            cmocka_unit_test_setup_teardown(isolated_worker_garbage_is_an_error, scratch_setup,
                                            scratch_teardown),
            cmocka_unit_test_setup_teardown(isolated_worker_missing_is_an_error, scratch_setup,
                                            scratch_teardown),
            cmocka_unit_test(demo_images_differ_by_seed_and_repeat),
            cmocka_unit_test(demo_images_cover_many_seeds),
        };
        return cmocka_run_group_tests(tests, NULL, NULL);
}
