/* The admin: routing under /admin/, the page frame every admin page shares,
 * and the answers (render, redirect, errors). */
#include <stdlib.h>
#include <string.h>

#include "../auth/auth.h"
#include "admin_internal.h"

enum gz_err
gz_admin_open(const struct gz_admin_options *opt, struct gz_admin **out, struct gz_error *err)
{
        enum gz_err e = gz_auth_init(err);
        if (e != GZ_OK)
                return e;
        struct gz_admin *admin = gz_xcalloc(1, sizeof(*admin));
        admin->store = opt->store;
        admin->content = opt->content;
        admin->site = opt->site;
        admin->site_dir = gz_xstrdup(opt->site_dir);
        if (asprintf(&admin->media_dir, "%s/media", opt->site_dir) < 0)
                gz_oom(__FILE__, __LINE__);
        admin->worker_exe = gz_xstrdup(opt->worker_exe ? opt->worker_exe : "");
        admin->upload_limit = opt->upload_limit ? opt->upload_limit : 20 * 1024 * 1024;
        *out = admin;
        return GZ_OK;
}

void
gz_admin_close(struct gz_admin *admin)
{
        if (admin == NULL)
                return;
        free(admin->site_dir);
        free(admin->media_dir);
        free(admin->worker_exe);
        free(admin);
}

size_t
gz_admin_body_limit(const struct gz_admin *admin, enum gz_method method, const char *path)
{
        if (method != GZ_POST)
                return 0;
        if (strncmp(path, "/admin/media", 12) == 0)
                return admin->upload_limit + 64 * 1024; /* the file and the form around it */
        return 4 * 1024 * 1024;                         /* an article's form, with a long body */
}

/* ---- helpers -------------------------------------------------------------- */

int64_t
gz_admin_id(const char *s)
{
        long long v;
        return s != NULL && gz_parse_int(s, 1, INT64_MAX, &v) ? v : 0;
}

const char *
gz_admin_form(struct gz_actx *x, const char *name)
{
        return gz_req_form(x->req, name);
}

char *
gz_admin_time(struct gz_actx *x, gz_time t)
{
        struct gz_buf b;
        gz_buf_init(&b, x->a);
        if (t == 0)
                return gz_arena_strdup(x->a, "");
        gz_date_format(&b, "en", x->settings.timezone, t, GZ_DATE_TIME);
        return b.data ? b.data : gz_arena_strdup(x->a, "");
}

struct gz_val *
gz_admin_date(struct gz_actx *x, gz_time t)
{
        struct gz_val *d = gz_val_obj(x->a);
        char iso[40];
        gz_time_rfc3339(t, gz_tz_offset(x->settings.timezone, t), iso);
        gz_obj_set_str(d, "iso", gz_arena_strdup(x->a, iso));
        gz_obj_set_str(d, "text", gz_admin_time(x, t));
        return d;
}

/* Messages after a redirect are chosen from this list by code, so nothing
 * from the address is ever shown. */
static const struct {
        const char *code, *text;
} done_messages[] = {
    {"saved", "Saved."},
    {"submitted", "Submitted for review."},
    {"published", "Published: it is live now."},
    {"scheduled", "Scheduled."},
    {"unpublished", "Taken off the site."},
    {"trashed", "Moved to the trash."},
    {"restored", "Restored."},
    {"emptied", "The trash is empty."},
    {"uploaded", "Uploaded."},
    {"created", "Created."},
    {"deleted", "Deleted."},
    {"2fa-on", "Two-factor sign-in is on. Keep your recovery codes somewhere safe."},
    {"2fa-off", "Two-factor sign-in is off."},
    {"password", "Your password is changed."},
    {"revoked", "The session is ended."},
    {"signed-out", "You are signed out."},
    {"moved", "The articles are moved."},
    {"merged", "The tags are merged: this tag now carries all their articles."},
    {"disabled", "The account is disabled and signed out everywhere."},
    {"enabled", "The account can sign in again."},
    {"2fa-reset", "Two-factor sign-in is reset: the account signs in with its password and sets "
                  "it up again."},
};

struct gz_val *
gz_admin_page(struct gz_actx *x, const char *title)
{
        struct gz_val *root = x->root = gz_val_obj(x->a);
        gz_obj_set_str(root, "title", title);
        gz_obj_set_str(root, "site_name", x->settings.name);
        gz_obj_set_str(root, "admin_css", gz_site_asset_url(x->admin->site, "admin.css"));
        gz_obj_set_str(root, "admin_js", gz_site_asset_url(x->admin->site, "admin.js"));
        gz_obj_set_str(root, "favicon", gz_site_asset_url(x->admin->site, "favicon.svg"));
        const char *done = gz_req_query(x->req, "done");
        for (size_t i = 0; done && i < GZ_ARRAY_LEN(done_messages); i++)
                if (strcmp(done, done_messages[i].code) == 0)
                        gz_obj_set_str(root, "notice", done_messages[i].text);
        if (x->user != NULL) {
                struct gz_val *u = gz_val_obj(x->a);
                gz_obj_set_str(u, "name", x->user->name);
                gz_obj_set_str(u, "email", x->user->email);
                gz_obj_set_str(u, "role", gz_role_names[x->user->role]);
                gz_obj_set_int(u, "id", x->user->id);
                gz_obj_set(root, "user", u);
                gz_obj_set_str(root, "csrf", x->session->csrf_token);
                struct gz_val *can = gz_val_obj(x->a);
                gz_obj_set_bool(can, "publish", gz_role_can(x->user->role, GZ_CAN_PUBLISH_OWN));
                gz_obj_set_bool(can, "edit_any", gz_role_can(x->user->role, GZ_CAN_EDIT_ANY));
                gz_obj_set_bool(can, "upload", gz_role_can(x->user->role, GZ_CAN_UPLOAD));
                gz_obj_set_bool(can, "taxonomy", gz_role_can(x->user->role, GZ_CAN_TAXONOMY));
                gz_obj_set_bool(can, "administer", gz_role_can(x->user->role, GZ_CAN_ADMINISTER));
                gz_obj_set(root, "can", can);
                gz_obj_set_str(root, "section", x->n > 0 ? x->seg[0] : "dashboard");
                gz_obj_set_bool(root, "nav_dashboard", x->n == 0);
                if (x->n > 0) {
                        char *key = gz_arena_printf(x->a, "nav_%s", x->seg[0]);
                        gz_obj_set_bool(root, key, true);
                }
        }
        return root;
}

void
gz_admin_render(struct gz_actx *x, const char *template, int status)
{
        struct gz_buf out;
        gz_buf_init(&out, x->a);
        gz_buf_reserve(&out, 16 * 1024);
        struct gz_error err;
        char *name = gz_arena_printf(x->a, "admin/%s", template);
        if (gz_tpl_render(gz_site_templates(x->admin->site), name, x->root, &out, &err) != GZ_OK) {
                gz_errorf("admin: template %s: %s", name, err.msg);
                gz_resp_text(x->resp, 500, NULL);
                return;
        }
        gz_resp_body(x->resp, status, "text/html; charset=utf-8", out.data, out.len);
}

void
gz_admin_redirect(struct gz_actx *x, const char *path)
{
        gz_resp_redirect(x->resp, x->a, 303, gz_arena_printf(x->a, "/admin/%s", path));
}

void
gz_admin_error(struct gz_actx *x, int status, const char *message)
{
        gz_admin_page(x, gz_http_reason(status));
        gz_obj_set_str(x->root, "message", message);
        gz_obj_set_int(x->root, "status", status);
        gz_admin_render(x, "error", status);
}

void
gz_admin_form_error(struct gz_actx *x, const struct gz_error *err)
{
        gz_obj_set_str(x->root, "error", err->msg);
}

/* ---- routing -------------------------------------------------------------- */

static bool
split(struct gz_actx *x, const char *path)
{
        /* path starts with /admin */
        const char *rest = path + 6;
        if (*rest != '\0' && *rest != '/')
                return false;
        char *copy = gz_arena_strdup(x->a, rest);
        char *save = NULL;
        for (char *s = strtok_r(copy, "/", &save); s; s = strtok_r(NULL, "/", &save)) {
                if (x->n == GZ_ARRAY_LEN(x->seg))
                        return false;
                x->seg[x->n++] = s;
        }
        return true;
}

struct route {
        const char *first;
        void (*handler)(struct gz_actx *x);
};

static const struct route routes[] = {
    {"articles", gz_admin_articles},   {"preview", gz_admin_preview},
    {"revisions", gz_admin_revisions}, {"trash", gz_admin_trash},
    {"account", gz_admin_account},     {"media", gz_admin_media},
    {"sections", gz_admin_sections},   {"tags", gz_admin_tags},
    {"authors", gz_admin_authors},     {"users", gz_admin_users},
    {"settings", gz_admin_settings},   {"audit", gz_admin_audit},
};

void
gz_admin_handle(struct gz_admin *admin, struct gz_req *req, struct gz_resp *resp)
{
        struct gz_actx ctx = {.admin = admin, .req = req, .resp = resp, .a = req->arena};
        struct gz_actx *x = &ctx;
        gz_settings_load(admin->store, x->a, &x->settings);
        gz_site_security_headers(admin->site, resp, true);
        if (!split(x, req->path)) {
                gz_admin_error(x, 404, "There is no such page in the admin.");
                return;
        }
        if (req->method != GZ_GET && req->method != GZ_HEAD && req->method != GZ_POST) {
                gz_resp_text(resp, 405, NULL);
                gz_resp_header(resp, "Allow", "GET, HEAD, POST");
                return;
        }
        if (x->n >= 1 && strcmp(x->seg[0], "login") == 0) {
                gz_admin_login(x);
                return;
        }
        gz_admin_load_session(x);
        if (x->user == NULL) {
                /* Not signed in: sign in first, then come back here. */
                if (req->method == GZ_POST) {
                        gz_admin_error(x, 403, "Your session has ended. Sign in again.");
                        return;
                }
                gz_resp_redirect(resp, x->a, 303, "/admin/login");
                return;
        }
        if (req->method == GZ_POST && !gz_admin_csrf_ok(x)) {
                gz_admin_error(x, 403,
                               "This form was not sent from this site's admin, or it is too "
                               "old. Nothing was changed; go back, reload and try again.");
                return;
        }
        if (x->n >= 1 && strcmp(x->seg[0], "logout") == 0) {
                gz_admin_logout(x);
                return;
        }
        /* The site may require a second factor of everybody: until it is set
         * up, only the account page (where it is set up) opens. */
        if (x->settings.require_2fa && !x->user->totp_enabled &&
            !(x->n >= 1 && strcmp(x->seg[0], "account") == 0)) {
                gz_resp_redirect(resp, x->a, 303, "/admin/account/2fa?required=1");
                return;
        }
        if (x->n == 0) {
                gz_admin_dashboard(x);
                return;
        }
        for (size_t i = 0; i < GZ_ARRAY_LEN(routes); i++) {
                if (strcmp(x->seg[0], routes[i].first) == 0) {
                        routes[i].handler(x);
                        return;
                }
        }
        gz_admin_error(x, 404, "There is no such page in the admin.");
}
