/* Shared by the files of src/admin/ only. */
#ifndef GZ_ADMIN_INTERNAL_H
#define GZ_ADMIN_INTERNAL_H

#include "../render/render.h"
#include "admin.h"

struct gz_admin {
        struct gz_store *store;
        struct gz_content *content;
        struct gz_site *site;
        char *site_dir;
        char *media_dir;
        char *worker_exe;
        size_t upload_limit;
};

/* One admin request. */
struct gz_actx {
        struct gz_admin *admin;
        struct gz_req *req;
        struct gz_resp *resp;
        struct gz_arena *a;
        struct gz_settings settings;
        struct gz_user *user;       /* NULL when not signed in */
        struct gz_session *session; /* with user */
        const char *seg[8];         /* the path below /admin/ */
        size_t n;
        struct gz_val *root; /* the template's values */
};

/* ---- roles (roles.c): checked on the server for every request --------- */

enum gz_permission {
        GZ_CAN_WRITE,       /* write and edit own drafts, submit for review */
        GZ_CAN_PUBLISH_OWN, /* publish, schedule, unpublish own */
        GZ_CAN_EDIT_ANY,    /* edit, publish, unpublish anybody's; review queue */
        GZ_CAN_UPLOAD,      /* upload media */
        GZ_CAN_TAXONOMY,    /* sections, tags, author profiles */
        GZ_CAN_ADMINISTER,  /* users, settings, audit log */
        GZ_PERMISSION__MAX
};

bool gz_role_can(enum gz_role role, enum gz_permission p);
/* Whether the user may open this article for editing (and save it). */
bool gz_may_edit(const struct gz_user *u, const struct gz_article *ar);
/* Whether the user may take that workflow action on this article. */
bool gz_may_act(const struct gz_user *u, const struct gz_article *ar,
                enum gz_article_action action);

/* ---- answering (admin.c) ------------------------------------------------ */

/* Values every admin page has (user, navigation, CSRF token, title). */
struct gz_val *gz_admin_page(struct gz_actx *x, const char *title);
void gz_admin_render(struct gz_actx *x, const char *template, int status);
/* 303 to an admin address (path below /admin/, may carry ?done=...). */
void gz_admin_redirect(struct gz_actx *x, const char *path);
/* A page saying what went wrong, with status (403, 404, 409...). */
void gz_admin_error(struct gz_actx *x, int status, const char *message);
/* Sets "error" (and status) for a form shown again with its values. */
void gz_admin_form_error(struct gz_actx *x, const struct gz_error *err);
const char *gz_admin_form(struct gz_actx *x, const char *name);
/* Dates for the admin, in the site's zone: "29 Nov 2026, 09:43". */
char *gz_admin_time(struct gz_actx *x, gz_time t);
struct gz_val *gz_admin_date(struct gz_actx *x, gz_time t);
/* Parses a positive id; 0 when s is not one. */
int64_t gz_admin_id(const char *s);

/* ---- sign-in and sessions (auth.c) -------------------------------------- */

/* Loads the session from the cookie; sets x->user and x->session. */
void gz_admin_load_session(struct gz_actx *x);
/* Checks a state-changing request: the session's token in _csrf and an
 * Origin or Referer of this site. */
bool gz_admin_csrf_ok(struct gz_actx *x);
void gz_admin_login(struct gz_actx *x);
void gz_admin_logout(struct gz_actx *x);

/* ---- pages ---------------------------------------------------------------- */

void gz_admin_dashboard(struct gz_actx *x);
void gz_admin_articles(struct gz_actx *x);  /* /admin/articles... */
void gz_admin_preview(struct gz_actx *x);   /* POST /admin/preview */
void gz_admin_revisions(struct gz_actx *x); /* /admin/revisions/<id>... */
void gz_admin_trash(struct gz_actx *x);     /* /admin/trash... */
void gz_admin_account(struct gz_actx *x);   /* /admin/account... */
void gz_admin_media(struct gz_actx *x);     /* /admin/media... */
void gz_admin_sections(struct gz_actx *x);  /* /admin/sections... */
void gz_admin_tags(struct gz_actx *x);      /* /admin/tags... */
void gz_admin_authors(struct gz_actx *x);   /* /admin/authors... */
void gz_admin_users(struct gz_actx *x);     /* /admin/users... */
void gz_admin_settings(struct gz_actx *x);  /* /admin/settings */
void gz_admin_audit(struct gz_actx *x);     /* /admin/audit */

/* A line diff of two texts as rows for the diff template. */
struct gz_val *gz_admin_diff(struct gz_arena *a, const char *old_text, const char *new_text);

#endif
