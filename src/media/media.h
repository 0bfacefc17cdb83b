/* Gazette media: uploaded images made safe to publish. Decodes untrusted
 * JPEG, PNG, WebP and GIF with libvips, drops every piece of metadata (EXIF
 * GPS, XMP, IPTC, ICC profiles, comments), writes a clean copy of the
 * original and srcset renditions, optionally inside a sandboxed worker
 * process, and draws the demo newsroom's pictures. */
#ifndef GZ_MEDIA_H
#define GZ_MEDIA_H

#include <stdint.h>

#include "../core/core.h"

enum gz_media_type { GZ_MEDIA_JPEG, GZ_MEDIA_PNG, GZ_MEDIA_WEBP, GZ_MEDIA_GIF, GZ_MEDIA__MAX };

/* "image/jpeg" ... and "jpg", "png", "webp", "gif" (no dot); NULL out of range. */
const char *gz_media_mime(enum gz_media_type type);
const char *gz_media_ext(enum gz_media_type type);

/* The type the first bytes claim, or GZ_MEDIA__MAX. Only a cheap pre-check:
 * what libvips' loader finds when decoding decides. */
enum gz_media_type gz_media_sniff(const void *data, size_t len);

/* Starts libvips once per process (later calls return its first answer):
 * no operation cache, bounded threads, and only the JPEG, PNG, WebP and GIF
 * loaders allowed to run. Every other function here calls it with "gazette"
 * if the program has not. */
enum gz_err gz_media_init(const char *argv0, struct gz_error *err);

#define GZ_MEDIA_DEFAULT_MAX_BYTES ((size_t)20 * 1024 * 1024)
#define GZ_MEDIA_DEFAULT_MAX_PIXELS ((uint64_t)40 * 1000 * 1000)
/* WebP cannot be larger than 16383 on a side, and every image gets WebP
 * renditions, so this is also the ceiling for max_width and max_height. */
#define GZ_MEDIA_MAX_SIDE 16383

/* No upload is ever read beyond this, whatever max_bytes says. */
#define GZ_MEDIA_CEILING_BYTES ((size_t)1 << 30)

/* Limits on one upload; a zero field takes its default. */
struct gz_media_limits {
        size_t max_bytes;    /* file size; default 20 MB, ceiling 1 GB */
        uint64_t max_pixels; /* width * height from the header; default 40 megapixels */
        int max_width;       /* default and ceiling GZ_MEDIA_MAX_SIDE */
        int max_height;      /* default and ceiling GZ_MEDIA_MAX_SIDE */
};

/* Renditions are made at widths 480, 960 and 1600, only where smaller than
 * the original (an image narrower than 480 gets one rendition at its own
 * width), each as WebP and as progressive JPEG, for srcset. */
#define GZ_MEDIA_MAX_RENDITIONS 6

struct gz_media_rendition {
        int width, height;
        enum gz_media_type type; /* GZ_MEDIA_JPEG or GZ_MEDIA_WEBP */
        char file[64];           /* name within the output directory */
        size_t bytes;
};

struct gz_media_result {
        enum gz_media_type source_type; /* what the upload was */
        int width, height;              /* after EXIF auto-rotation */
        /* The original re-encoded in its own type with no metadata; a GIF's first
         * frame is stored as PNG (original_type then says GZ_MEDIA_PNG). */
        enum gz_media_type original_type;
        char original[64];
        size_t original_bytes;
        struct gz_media_rendition renditions[GZ_MEDIA_MAX_RENDITIONS];
        size_t rendition_count;
};

/* What the header says, without decoding the pixels. */
struct gz_media_info {
        enum gz_media_type type;
        int width, height; /* as stored, before EXIF rotation */
};

/* Checks the size, the loader libvips picks from the content, and the header
 * against the limits. GZ_EINVAL for anything but the four types, GZ_ETOOBIG
 * for a limit, each with a message for the editor. */
enum gz_err gz_media_probe(const void *data, size_t len, const struct gz_media_limits *limits,
                           struct gz_media_info *info, struct gz_error *err);

/* Decodes an upload from memory and writes into out_dir (which must exist)
 * the metadata-free original "<basename>.<ext>" and the renditions
 * "<basename>-<width>w.webp" / ".jpg". basename is 1 to 40 characters of
 * [A-Za-z0-9_-] starting with a letter or digit, and must be unique: an
 * existing file is never replaced (GZ_ECONFLICT). Each file appears
 * atomically; on failure nothing this call wrote remains. Runs in the calling
 * process: untrusted uploads should go through gz_media_process_isolated. */
enum gz_err gz_media_process(const void *data, size_t len, const char *out_dir,
                             const char *basename, const struct gz_media_limits *limits,
                             struct gz_media_result *result, struct gz_error *err);

/* Deliberate failures of the worker, so tests can prove the parent copes and
 * the sandbox bites. GZ_MEDIA_FAULT_NONE in production. */
enum gz_media_fault {
        GZ_MEDIA_FAULT_NONE,
        GZ_MEDIA_FAULT_ABORT,   /* abort() inside the sandbox */
        GZ_MEDIA_FAULT_HANG,    /* spin until killed */
        GZ_MEDIA_FAULT_SOCKET,  /* call socket(), which the sandbox forbids */
        GZ_MEDIA_FAULT_EXECVE,  /* call execve(), which the sandbox forbids */
        GZ_MEDIA_FAULT_GARBAGE, /* answer with nonsense on stdout */
        GZ_MEDIA_FAULT__MAX
};

/* gz_media_process in a child process: worker_exe (the gazette binary, or
 * any program whose main hands "__media-worker" to gz_media_worker_main) is
 * started without a shell as
 *   gazette __media-worker DIR BASENAME MAX_BYTES MAX_PIXELS MAX_WIDTH MAX_HEIGHT
 *           CPU_SECONDS FAULT
 * with the image on its stdin. DIR is a private staging directory inside
 * out_dir; the parent checks what the worker wrote and moves it into
 * out_dir. The worker runs under resource limits, Landlock (where the kernel
 * has it) and a seccomp allowlist. A crash, a signal, a timeout (timeout_ms,
 * 0 for 30 s) or a malformed answer becomes an error; the calling process
 * never crashes and never keeps the child's files. */
enum gz_err gz_media_process_isolated(const char *worker_exe, const void *data, size_t len,
                                      const char *out_dir, const char *basename,
                                      const struct gz_media_limits *limits, int timeout_ms,
                                      enum gz_media_fault fault, struct gz_media_result *result,
                                      struct gz_error *err);

/* The worker's entry point: argv as above, from argv[0] "gazette". Returns 2
 * on bad arguments; otherwise it ends the process itself with _exit once
 * its answer is on stdout (exit handlers belong to an unconfined process). */
int gz_media_worker_main(int argc, char **argv);

/* Draws a landscape or geometric composition, different for every seed, and
 * encodes it as JPEG into jpeg_out (initialised by the caller). */
enum gz_err gz_media_demo_image(unsigned seed, int width, int height, struct gz_buf *jpeg_out,
                                struct gz_error *err);

/* What a demo picture shows, so that its alt text can say so truthfully. */
enum gz_scene_sky {
        GZ_SCENE_DAWN,
        GZ_SCENE_DAY,
        GZ_SCENE_DUSK,
        GZ_SCENE_NIGHT,
        GZ_SCENE_OVERCAST,
        GZ_SCENE_STORM,
        GZ_SCENE_SKY__MAX
};
enum gz_scene_light { GZ_SCENE_NO_LIGHT, GZ_SCENE_SUN, GZ_SCENE_MOON, GZ_SCENE_LIGHT__MAX };
enum gz_scene_water { GZ_SCENE_NO_WATER, GZ_SCENE_SEA, GZ_SCENE_RIVER, GZ_SCENE_WATER__MAX };

struct gz_media_scene {
        enum gz_scene_sky sky;
        enum gz_scene_light light;
        enum gz_scene_water water;
        int hills; /* ridges, 0 to 3 */
        bool clouds;
};

/* Draws that scene (details vary with the seed) as JPEG into jpeg_out. */
enum gz_err gz_media_demo_scene(const struct gz_media_scene *scene, unsigned seed, int width,
                                int height, struct gz_buf *jpeg_out, struct gz_error *err);

#endif
