/* Shared by the files of src/media only; nothing outside includes this. */
#ifndef GZ_MEDIA_INTERNAL_H
#define GZ_MEDIA_INTERNAL_H

#include "media.h"

/* Longest basename: leaves room in a 64-byte name for "-16383w.webp" and for
 * the temporary ".NAME.tmp". */
#define GZ_MEDIA_BASENAME_MAX 40

bool gz_media_basename_ok(const char *basename);
/* Fills the defaults and ceilings of a (possibly NULL) limits struct. */
void gz_media_limits_resolve(const struct gz_media_limits *in, struct gz_media_limits *out);
/* "<basename>.<ext>" for width 0 (the original), else "<basename>-<width>w.<ext>". */
void gz_media_file_name(char out[64], const char *basename, int width, enum gz_media_type type);

/* Size and magic-byte checks that need no decoder. */
enum gz_err gz_media_precheck(const void *data, size_t len, const struct gz_media_limits *limits,
                              struct gz_error *err);
/* renameat2(RENAME_NOREPLACE), or a check-then-rename where the file system
 * lacks it; -1 with errno EEXIST when "to" exists. */
int gz_media_rename_noreplace(int from_dir, const char *from, int to_dir, const char *to);

/* The worker's command and its answer on stdout, one item a line:
 *   gz-media-worker 1
 *   result SOURCE_EXT WIDTH HEIGHT ORIGINAL_EXT ORIGINAL_FILE BYTES
 *   rendition WIDTH HEIGHT EXT FILE BYTES        (up to GZ_MEDIA_MAX_RENDITIONS)
 *   end
 * or, when the upload is refused or fails,
 *   gz-media-worker 1
 *   error CODE MESSAGE                            (enum gz_err, printable ASCII)
 *   end */
#define GZ_MEDIA_WORKER_COMMAND "__media-worker"
#define GZ_MEDIA_WORKER_HELLO "gz-media-worker 1"
#define GZ_MEDIA_WORKER_LINE_MAX 512
#define GZ_MEDIA_WORKER_OUTPUT_MAX 4096

const char *gz_media_fault_name(enum gz_media_fault fault);

struct gz_media_answer {
        bool is_error;
        enum gz_err code; /* when is_error */
        char message[GZ_MEDIA_WORKER_LINE_MAX];
        struct gz_media_result result;
};

/* Parses the worker's stdout strictly: names must be the ones the parent
 * expects for basename, numbers in range; false for anything else. */
bool gz_media_parse_answer(const char *out, size_t len, const char *basename,
                           struct gz_media_answer *answer);

/* gz_media_process into an open directory: the code both the in-process call
 * and the sandboxed worker run. */
enum gz_err gz_media_process_at(int dir_fd, const void *data, size_t len, const char *basename,
                                const struct gz_media_limits *limits,
                                struct gz_media_result *result, struct gz_error *err);

#endif
