/* Accounts, site settings and the audit log: the admins' pages. Every
 * change to an account goes to the audit log (gz_user_create and
 * gz_user_change write it); an admin cannot lock themselves out. */
#include <string.h>

#include "forms.h"

enum { AUDIT_PAGE = 50 };

static bool
may_administer(struct gz_actx *x)
{
        if (gz_role_can(x->user->role, GZ_CAN_ADMINISTER))
                return true;
        gz_admin_error(x, 403, "Only admins manage accounts, settings and the audit log.");
        return false;
}

static struct gz_val *
role_options(struct gz_actx *x, const char *selected)
{
        struct gz_val *list = gz_val_list(x->a);
        for (int i = 0; i < GZ_ROLE__MAX; i++) {
                struct gz_val *o = gz_val_obj(x->a);
                gz_obj_set_str(o, "value", gz_role_names[i]);
                gz_obj_set_str(o, "label", gz_role_names[i]);
                gz_obj_set_bool(o, "selected", selected && strcmp(selected, gz_role_names[i]) == 0);
                gz_list_push(list, o);
        }
        return list;
}

static struct gz_val *
author_options(struct gz_actx *x, int64_t selected)
{
        struct gz_val *list = gz_val_list(x->a);
        struct gz_author *authors;
        size_t n = 0;
        if (gz_store_authors(x->admin->store, x->a, &authors, &n, NULL) != GZ_OK)
                n = 0;
        for (size_t i = 0; i < n; i++) {
                struct gz_val *o = gz_val_obj(x->a);
                gz_obj_set_int(o, "value", authors[i].id);
                gz_obj_set_str(o, "label", authors[i].name);
                gz_obj_set_bool(o, "selected", authors[i].id == selected);
                gz_list_push(list, o);
        }
        return list;
}

/* ---- users ------------------------------------------------------------------- */

struct new_user {
        const char *email, *name, *role;
};

static void
users_page(struct gz_actx *x, const struct new_user *typed, const char *error, int status)
{
        gz_admin_page(x, "Users");
        gz_obj_set_str(x->root, "form_error", error);
        struct gz_user *users;
        size_t n = 0;
        if (gz_store_users(x->admin->store, x->a, &users, &n, NULL) != GZ_OK)
                n = 0;
        struct gz_author *authors;
        size_t author_count = 0;
        if (gz_store_authors(x->admin->store, x->a, &authors, &author_count, NULL) != GZ_OK)
                author_count = 0;
        struct gz_val *rows = gz_val_list(x->a);
        for (size_t i = 0; i < n; i++) {
                struct gz_val *r = gz_val_obj(x->a);
                gz_obj_set_int(r, "id", users[i].id);
                gz_obj_set_str(r, "email", users[i].email);
                gz_obj_set_str(r, "name", users[i].name);
                gz_obj_set_str(r, "role", gz_role_names[users[i].role]);
                gz_obj_set_bool(r, "totp", users[i].totp_enabled);
                gz_obj_set_bool(r, "disabled", users[i].disabled);
                gz_obj_set_bool(r, "you", users[i].id == x->user->id);
                for (size_t k = 0; k < author_count; k++)
                        if (authors[k].id == users[i].author_id)
                                gz_obj_set_str(r, "byline", authors[k].name);
                gz_list_push(rows, r);
        }
        gz_obj_set(x->root, "users", rows);
        gz_obj_set(x->root, "role_options",
                   role_options(x, typed && typed->role ? typed->role : "contributor"));
        if (typed != NULL) {
                gz_obj_set_str(x->root, "email", typed->email);
                gz_obj_set_str(x->root, "name", typed->name);
        }
        gz_admin_render(x, "users", status);
}

static void
user_create(struct gz_actx *x)
{
        struct new_user v = {.email = gz_admin_field(x, "email"),
                             .name = gz_admin_field(x, "name"),
                             .role = gz_admin_form(x, "role")};
        const char *password = gz_admin_form(x, "password");
        struct gz_error err = {0};
        int64_t id = 0;
        if (!gz_admin_text_ok("name", v.name, 200, false, true, &err)) {
                users_page(x, &v, err.msg, 422);
                return;
        }
        enum gz_err e =
            gz_user_create(x->admin->content, v.email ? v.email : "", v.name, v.role ? v.role : "",
                           password ? password : "", x->user->id, x->req->client_ip, &id, &err);
        if (e != GZ_OK) {
                users_page(x, &v, err.msg, gz_admin_status(e));
                return;
        }
        gz_admin_redirect(x, gz_arena_printf(x->a, "users/%lld?done=created", (long long)id));
}

static void
user_page(struct gz_actx *x, const struct gz_user *u, const char *name, const char *role,
          int64_t author_id, const char *error, int status)
{
        gz_admin_page(x, u->name);
        struct gz_val *r = x->root;
        gz_obj_set_str(r, "error", error);
        gz_obj_set_int(r, "id", u->id);
        gz_obj_set_str(r, "email", u->email);
        gz_obj_set_str(r, "current_name", u->name);
        gz_obj_set_str(r, "name", name);
        gz_obj_set_str(r, "current_role", gz_role_names[u->role]);
        gz_obj_set(r, "role_options", role_options(x, role));
        gz_obj_set(r, "author_options", author_options(x, author_id));
        gz_obj_set_bool(r, "totp", u->totp_enabled);
        gz_obj_set_bool(r, "disabled", u->disabled);
        gz_obj_set_bool(r, "you", u->id == x->user->id);
        gz_obj_set(r, "created", gz_admin_date(x, u->created_at));
        gz_admin_render(x, "user", status);
}

static void
user_save(struct gz_actx *x, const struct gz_user *u)
{
        const char *name = gz_admin_field(x, "name");
        const char *role = gz_admin_form(x, "role");
        int64_t author_id = gz_admin_id(gz_admin_form(x, "author"));
        if (name == NULL)
                name = u->name;
        if (role == NULL)
                role = gz_role_names[u->role];
        struct gz_error err = {0};
        int r = gz_enum_lookup(gz_role_names, GZ_ROLE__MAX, role);
        struct gz_author *au;
        const char *message = NULL;
        if (r == GZ_ROLE__MAX)
                message = "role: one of contributor, author, editor, admin";
        else if (u->id == x->user->id && r != GZ_ROLE_ADMIN)
                message = "role: you cannot take away your own admin role (the site would lose "
                          "its last admin); another admin can";
        else if (!gz_admin_text_ok("name", name, 200, false, true, &err))
                message = err.msg;
        else if (author_id &&
                 gz_store_author_get(x->admin->store, x->a, author_id, NULL, &au, NULL) != GZ_OK)
                message = "byline: no such author profile";
        if (message != NULL) {
                user_page(x, u, name, role, author_id, message, 422);
                return;
        }
        /* Each change separately, so the audit log names what happened. */
        enum gz_err e = GZ_OK;
        if (r != (int)u->role) {
                struct gz_user_change ch = {.role = gz_role_names[r]};
                e = gz_user_change(x->admin->content, NULL, u->id, &ch, x->user->id,
                                   x->req->client_ip, &err);
        }
        if (e == GZ_OK && (strcmp(name, u->name) != 0 || author_id != u->author_id)) {
                struct gz_user_change ch = {.set_author = true, .author_id = author_id};
                if (strcmp(name, u->name) != 0)
                        ch.name = name;
                e = gz_user_change(x->admin->content, NULL, u->id, &ch, x->user->id,
                                   x->req->client_ip, &err);
        }
        if (e != GZ_OK) {
                user_page(x, u, name, role, author_id, err.msg, gz_admin_status(e));
                return;
        }
        gz_admin_redirect(x, gz_arena_printf(x->a, "users/%lld?done=saved", (long long)u->id));
}

/* Disable, enable or reset the second factor of an account. */
static void
user_action(struct gz_actx *x, const struct gz_user *u, const char *action)
{
        struct gz_user_change ch = {0};
        const char *done;
        if (strcmp(action, "disable") == 0 || strcmp(action, "enable") == 0) {
                ch.set_disabled = true;
                ch.disabled = action[0] == 'd';
                done = ch.disabled ? "disabled" : "enabled";
        } else if (strcmp(action, "reset-2fa") == 0) {
                ch.reset_2fa = true;
                done = "2fa-reset";
        } else {
                gz_admin_error(x, 404, "There is no such page in the admin.");
                return;
        }
        if (u->id == x->user->id) {
                user_page(x, u, u->name, gz_role_names[u->role], u->author_id,
                          ch.reset_2fa ? "You cannot reset your own two-factor sign-in here: use "
                                         "your account page."
                                       : "You cannot disable your own account (the site would "
                                         "lose its last admin); another admin can.",
                          422);
                return;
        }
        struct gz_error err = {0};
        if (gz_user_change(x->admin->content, NULL, u->id, &ch, x->user->id, x->req->client_ip,
                           &err) != GZ_OK) {
                user_page(x, u, u->name, gz_role_names[u->role], u->author_id, err.msg, 500);
                return;
        }
        gz_admin_redirect(x, gz_arena_printf(x->a, "users/%lld?done=%s", (long long)u->id, done));
}

void
gz_admin_users(struct gz_actx *x)
{
        if (!may_administer(x))
                return;
        bool post = x->req->method == GZ_POST;
        if (x->n == 1) {
                if (post)
                        user_create(x);
                else
                        users_page(x, NULL, NULL, 200);
                return;
        }
        int64_t id = gz_admin_id(x->seg[1]);
        struct gz_user *u;
        if (x->n > 3 || id == 0 ||
            gz_store_user_get(x->admin->store, x->a, id, NULL, &u, NULL) != GZ_OK) {
                gz_admin_error(x, 404, "There is no such account.");
                return;
        }
        if (x->n == 2 && post)
                user_save(x, u);
        else if (x->n == 2)
                user_page(x, u, u->name, gz_role_names[u->role], u->author_id, NULL, 200);
        else if (post)
                user_action(x, u, x->seg[2]);
        else
                gz_admin_error(x, 404, "There is no such page in the admin.");
}

/* ---- settings ----------------------------------------------------------------------- */

/* The settings form: each key with its label and input. */
static const struct {
        const char *key, *label;
} setting_fields[] = {
    {"name", "Site name"},
    {"tagline", "Tagline"},
    {"description", "Description"},
    {"base_url", "Base address"},
    {"timezone", "Time zone"},
    {"language", "Default language"},
    {"per_page", "Articles per page"},
    {"copyright", "Copyright line"},
    {"robots", "Extra robots.txt lines"},
    {"logo_media_id", "Logo"},
    {"require_2fa", "Two-factor sign-in for everybody"},
};

static const char *
setting_value(const struct gz_settings *s, struct gz_arena *a, const char *key)
{
        if (strcmp(key, "name") == 0)
                return s->name;
        if (strcmp(key, "tagline") == 0)
                return s->tagline;
        if (strcmp(key, "description") == 0)
                return s->description;
        if (strcmp(key, "base_url") == 0)
                return s->base_url;
        if (strcmp(key, "timezone") == 0)
                return s->timezone;
        if (strcmp(key, "language") == 0)
                return s->language;
        if (strcmp(key, "per_page") == 0)
                return gz_arena_printf(a, "%d", s->per_page);
        if (strcmp(key, "copyright") == 0)
                return s->copyright;
        if (strcmp(key, "robots") == 0)
                return s->robots;
        if (strcmp(key, "logo_media_id") == 0)
                return gz_arena_printf(a, "%lld", (long long)s->logo_media_id);
        if (strcmp(key, "require_2fa") == 0)
                return s->require_2fa ? "1" : "0";
        return "";
}

static size_t
field_index(const char *key)
{
        size_t i = 0;
        while (i < GZ_ARRAY_LEN(setting_fields) - 1 && strcmp(setting_fields[i].key, key) != 0)
                i++;
        return i;
}

/* values[i] and errors[i] follow setting_fields. */
static void
settings_page(struct gz_actx *x, const char *const *values, const char *const *errors,
              const char *error, int status)
{
        gz_admin_page(x, "Settings");
        struct gz_val *r = x->root;
        gz_obj_set_str(r, "error", error);
        struct gz_val *err_obj = gz_val_obj(x->a);
        struct gz_val *val_obj = gz_val_obj(x->a);
        for (size_t i = 0; i < GZ_ARRAY_LEN(setting_fields); i++) {
                gz_obj_set_str(val_obj, setting_fields[i].key, values[i]);
                if (errors != NULL && errors[i] != NULL)
                        gz_obj_set_str(err_obj, setting_fields[i].key, errors[i]);
        }
        gz_obj_set(r, "v", val_obj);
        gz_obj_set(r, "e", err_obj);
        gz_obj_set_bool(r, "require_2fa", strcmp(values[field_index("require_2fa")], "1") == 0);
        gz_obj_set_bool(r, "you_have_2fa", x->user->totp_enabled);
        long long logo = 0;
        gz_parse_int(values[field_index("logo_media_id")], 0, INT64_MAX, &logo);
        gz_obj_set(r, "logo_options", gz_admin_media_options(x, logo));
        struct gz_language *langs;
        size_t n = 0;
        if (gz_store_languages(x->admin->store, x->a, &langs, &n, NULL) != GZ_OK)
                n = 0;
        struct gz_val *lang_opts = gz_val_list(x->a);
        for (size_t i = 0; i < n; i++) {
                struct gz_val *o = gz_val_obj(x->a);
                gz_obj_set_str(o, "value", langs[i].code);
                gz_obj_set_str(o, "label",
                               gz_arena_printf(x->a, "%s (%s)", langs[i].name, langs[i].code));
                gz_obj_set_bool(o, "selected",
                                strcmp(langs[i].code, values[field_index("language")]) == 0);
                gz_list_push(lang_opts, o);
        }
        gz_obj_set(r, "language_options", lang_opts);
        gz_admin_render(x, "settings", status);
}

static void
settings_show(struct gz_actx *x)
{
        const char *values[GZ_ARRAY_LEN(setting_fields)];
        for (size_t i = 0; i < GZ_ARRAY_LEN(setting_fields); i++)
                values[i] = setting_value(&x->settings, x->a, setting_fields[i].key);
        settings_page(x, values, NULL, NULL, 200);
}

/* Every changed setting is checked and written in one transaction: one bad
 * field keeps all of them as they were. */
static void
settings_save(struct gz_actx *x)
{
        const char *values[GZ_ARRAY_LEN(setting_fields)];
        const char *errors[GZ_ARRAY_LEN(setting_fields)] = {0};
        bool changed[GZ_ARRAY_LEN(setting_fields)] = {0};
        for (size_t i = 0; i < GZ_ARRAY_LEN(setting_fields); i++) {
                const char *key = setting_fields[i].key;
                const char *v;
                if (strcmp(key, "require_2fa") == 0)
                        v = gz_admin_form(x, key) != NULL ? "1" : "0";
                else if (strcmp(key, "robots") == 0 || strcmp(key, "description") == 0)
                        v = gz_admin_form(x, key); /* line breaks and indents matter */
                else
                        v = gz_admin_field(x, key);
                if (v == NULL)
                        v = setting_value(&x->settings, x->a, key);
                if (strcmp(key, "logo_media_id") == 0 && *v == '\0')
                        v = "0";
                values[i] = v;
                changed[i] = strcmp(v, setting_value(&x->settings, x->a, key)) != 0;
        }
        struct gz_error err = {0};
        size_t bad = 0;
        struct gz_buf keys;
        gz_buf_init(&keys, x->a);
        if (gz_store_tx_begin(x->admin->store, &err) != GZ_OK) {
                settings_page(x, values, NULL, err.msg, 500);
                return;
        }
        for (size_t i = 0; i < GZ_ARRAY_LEN(setting_fields); i++) {
                if (!changed[i])
                        continue;
                const char *key = setting_fields[i].key;
                long long logo;
                struct gz_media *m;
                if (strcmp(key, "logo_media_id") == 0 &&
                    gz_parse_int(values[i], 1, INT64_MAX, &logo) &&
                    gz_store_media_get(x->admin->store, x->a, logo, &m, NULL) != GZ_OK) {
                        errors[i] = "Logo: no such image in the library";
                        bad++;
                        continue;
                }
                if (gz_settings_set(x->admin->store, key, values[i], &err) != GZ_OK) {
                        /* "per_page: ..." reads "Articles per page: ..." under its field. */
                        size_t n = strlen(key);
                        errors[i] = strncmp(err.msg, key, n) == 0 && err.msg[n] == ':'
                                        ? gz_arena_printf(x->a, "%s%s", setting_fields[i].label,
                                                          err.msg + n)
                                        : gz_arena_strdup(x->a, err.msg);
                        bad++;
                        continue;
                }
                gz_buf_printf(&keys, "%s%s", keys.len ? ", " : "", key);
        }
        if (bad > 0) {
                gz_store_tx_rollback(x->admin->store);
                settings_page(x, values, errors,
                              bad == 1 ? "Nothing was saved: one setting needs another value "
                                         "(marked below)."
                                       : "Nothing was saved: some settings need other values "
                                         "(marked below).",
                              422);
                return;
        }
        if (keys.len == 0) {
                gz_store_tx_rollback(x->admin->store);
                gz_admin_redirect(x, "settings?done=saved");
                return;
        }
        gz_store_audit(x->admin->store, x->user->id, x->req->client_ip, "settings", "", keys.data);
        if (gz_store_tx_commit(x->admin->store, &err) != GZ_OK) {
                settings_page(x, values, NULL, err.msg, 500);
                return;
        }
        /* The site reloads its settings and every cached page goes. */
        gz_admin_changed(x, GZ_CHANGE_SETTINGS, 0);
        gz_admin_redirect(x, "settings?done=saved");
}

void
gz_admin_settings(struct gz_actx *x)
{
        if (!may_administer(x))
                return;
        if (x->n != 1) {
                gz_admin_error(x, 404, "There is no such page in the admin.");
                return;
        }
        if (x->req->method == GZ_POST)
                settings_save(x);
        else
                settings_show(x);
}

/* ---- the audit log -------------------------------------------------------------------- */

void
gz_admin_audit(struct gz_actx *x)
{
        if (!may_administer(x))
                return;
        if (x->n != 1 || x->req->method == GZ_POST) {
                gz_admin_error(x, 404, "There is no such page in the admin.");
                return;
        }
        gz_admin_page(x, "Audit log");
        long long page = gz_admin_page_number(x);
        struct gz_audit_entry *list;
        size_t n = 0, total = 0;
        if (gz_store_audit_list(x->admin->store, x->a, AUDIT_PAGE, (size_t)(page - 1) * AUDIT_PAGE,
                                &list, &n, &total, NULL) != GZ_OK)
                n = 0;
        struct gz_val *rows = gz_val_list(x->a);
        for (size_t i = 0; i < n; i++) {
                struct gz_val *r = gz_val_obj(x->a);
                gz_obj_set(r, "at", gz_admin_date(x, list[i].at));
                /* No account and no address: the gazette command on the server. */
                gz_obj_set_str(r, "who",
                               *list[i].user_name ? list[i].user_name
                               : list[i].user_id  ? "(a deleted account)"
                               : *list[i].ip      ? "—"
                                                  : "command line");
                gz_obj_set_str(r, "ip", list[i].ip);
                gz_obj_set_str(r, "action", list[i].action);
                gz_obj_set_str(r, "target", list[i].target);
                gz_obj_set_str(r, "detail", list[i].detail);
                gz_obj_set_bool(r, "failure",
                                strstr(list[i].action, "failed") != NULL ||
                                    strstr(list[i].action, "throttled") != NULL);
                gz_list_push(rows, r);
        }
        gz_obj_set(x->root, "entries", rows);
        gz_obj_set_bool(x->root, "has_entries", n > 0);
        gz_obj_set_int(x->root, "total", (long long)total);
        gz_obj_set_int(x->root, "page", page);
        if (page > 1)
                gz_obj_set_str(x->root, "prev_url",
                               gz_arena_printf(x->a, "/admin/audit?page=%lld", page - 1));
        if ((size_t)page * AUDIT_PAGE < total)
                gz_obj_set_str(x->root, "next_url",
                               gz_arena_printf(x->a, "/admin/audit?page=%lld", page + 1));
        gz_admin_render(x, "audit", 200);
}
