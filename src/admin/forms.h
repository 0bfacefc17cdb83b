/* Helpers shared by the media, taxonomy and people pages of the admin
 * (media.c, taxonomy.c, people.c) only. */
#ifndef GZ_ADMIN_FORMS_H
#define GZ_ADMIN_FORMS_H

#include "admin_internal.h"

/* A form field with white space around it removed (in the arena), or NULL
 * when the field was not sent. */
const char *gz_admin_field(struct gz_actx *x, const char *name);
/* Checks a text field: valid UTF-8, no control characters (newlines and
 * tabs only when multiline), at most max bytes, present when required. The
 * message names the field by its label. */
bool gz_admin_text_ok(const char *label, const char *value, size_t max, bool multiline,
                      bool required, struct gz_error *err);
/* The status a failed change answers with: 422 for bad input, 409 for a
 * conflict, 404, 413, 500. */
int gz_admin_status(enum gz_err e);
/* Tells the cache (through content's on_change) what changed. */
void gz_admin_changed(struct gz_actx *x, enum gz_change_kind kind, int64_t id);
/* ?page=N of a list, 1 when absent or not a number. */
long long gz_admin_page_number(struct gz_actx *x);
/* <option>s of the media library, newest first (at most 300), the selected
 * image listed even when older; "value", "label", "selected". */
struct gz_val *gz_admin_media_options(struct gz_actx *x, int64_t selected);
/* <option>s of the sections (value: the id), children indented under their
 * parent; a section and everything below exclude_subtree is left out. */
struct gz_val *gz_admin_section_options(struct gz_actx *x, const struct gz_section_tree *tree,
                                        int64_t selected, int64_t exclude_subtree);
/* A small <picture> of a library image for the admin's pages. */
const char *gz_admin_thumbnail(struct gz_actx *x, const struct gz_media *m, const char *sizes);

#endif
