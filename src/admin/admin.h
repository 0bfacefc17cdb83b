/* Gazette admin: the editors' web interface under /admin/. Sign-in with
 * throttling and two-factor codes, sessions, CSRF checks, roles enforced
 * on every request, writing and publishing, review, scheduling, revisions,
 * the trash, media, sections, tags, authors, users, settings, audit log. */
#ifndef GZ_ADMIN_H
#define GZ_ADMIN_H

#include "../content/content.h"
#include "../http/http.h"
#include "../site/site.h"
#include "../store/store.h"

struct gz_admin_options {
        struct gz_store *store;
        struct gz_content *content;
        struct gz_site *site;
        const char *site_dir;
        const char *worker_exe; /* this program, run as the sandboxed image worker */
        size_t upload_limit;    /* bytes; 0: 20 MB */
};

struct gz_admin;

enum gz_err gz_admin_open(const struct gz_admin_options *opt, struct gz_admin **out,
                          struct gz_error *err);
void gz_admin_close(struct gz_admin *admin);

/* Answers a request whose path starts with /admin. */
void gz_admin_handle(struct gz_admin *admin, struct gz_req *req, struct gz_resp *resp);
/* How large a body each admin address accepts. */
size_t gz_admin_body_limit(const struct gz_admin *admin, enum gz_method method, const char *path);

#endif
