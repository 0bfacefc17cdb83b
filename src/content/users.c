/* Accounts: creating them with the password policy, roles, disabling,
 * two-factor reset, passwords, and the trash. Shared by the CLI and the
 * admin. */
#include <string.h>

#include "../auth/auth.h"
#include "content.h"

static bool
email_valid(const char *email)
{
        size_t n = strlen(email);
        const char *at = strchr(email, '@');
        if (n < 3 || n > 254 || at == NULL || at == email || strchr(at + 1, '@') != NULL ||
            strchr(at + 1, '.') == NULL || at[1] == '.' || email[n - 1] == '.')
                return false;
        for (const char *p = email; *p; p++)
                if ((unsigned char)*p <= ' ' || *p == '<' || *p == '>' || *p == '"' || *p == ',' ||
                    *p == ';' || (unsigned char)*p == 0x7f)
                        return false;
        return gz_utf8_valid(email, n);
}

enum gz_err
gz_user_create(struct gz_content *c, const char *email, const char *name, const char *role,
               const char *password, int64_t actor_id, const char *ip, int64_t *id,
               struct gz_error *err)
{
        if (email == NULL || !email_valid(email))
                return gz_fail(err, GZ_EINVAL, "email: \"%s\" is not an email address",
                               email ? email : "");
        size_t name_len = name ? strlen(name) : 0;
        if (name_len == 0 || name_len > 200 || !gz_utf8_valid(name, name_len))
                return gz_fail(err, GZ_EINVAL, "name: between 1 and 200 characters");
        int r = gz_enum_lookup(gz_role_names, GZ_ROLE__MAX, role);
        if (r == GZ_ROLE__MAX)
                return gz_fail(err, GZ_EINVAL,
                               "role: one of contributor, author, editor, admin (not \"%s\")",
                               role ? role : "");
        enum gz_err e = gz_password_check_policy(password, err);
        if (e != GZ_OK)
                return e;
        struct gz_arena *a = gz_arena_new(1024);
        struct gz_user *existing;
        if (gz_store_user_get(c->store, a, 0, email, &existing, NULL) == GZ_OK) {
                gz_arena_free(a);
                return gz_fail(err, GZ_ECONFLICT, "a user with the email %s exists", email);
        }
        gz_arena_free(a);
        char hash[GZ_PASSWORD_HASH_MAX];
        if ((e = gz_password_hash(password, hash, err)) != GZ_OK)
                return e;
        struct gz_user u = {
            .email = email, .name = name, .role = (enum gz_role)r, .password_hash = hash};
        if ((e = gz_store_user_add(c->store, &u, err)) != GZ_OK)
                return e;
        gz_store_audit(c->store, actor_id, ip, "user-add", email, gz_role_names[r]);
        if (id)
                *id = u.id;
        return GZ_OK;
}

/* Loads a user by email (or id when email is NULL) into an arena. */
static enum gz_err
load(struct gz_content *c, struct gz_arena *a, const char *email, int64_t id, struct gz_user **u,
     struct gz_error *err)
{
        enum gz_err e = gz_store_user_get(c->store, a, email ? 0 : id, email, u, err);
        if (e == GZ_ENOTFOUND)
                return email ? gz_fail(err, e, "no user with the email %s", email)
                             : gz_fail(err, e, "no user with id %lld", (long long)id);
        return e;
}

enum gz_err
gz_user_change(struct gz_content *c, const char *email, int64_t id,
               const struct gz_user_change *change, int64_t actor_id, const char *ip,
               struct gz_error *err)
{
        struct gz_arena *a = gz_arena_new(2048);
        struct gz_user *u;
        enum gz_err e = load(c, a, email, id, &u, err);
        if (e != GZ_OK)
                goto out;
        const char *action = "user-change";
        char hash[GZ_PASSWORD_HASH_MAX];
        if (change->role != NULL) {
                int r = gz_enum_lookup(gz_role_names, GZ_ROLE__MAX, change->role);
                if (r == GZ_ROLE__MAX) {
                        e = gz_fail(err, GZ_EINVAL,
                                    "role: one of contributor, author, editor, admin (not \"%s\")",
                                    change->role);
                        goto out;
                }
                u->role = (enum gz_role)r;
                action = "role-change";
        }
        if (change->name != NULL) {
                size_t n = strlen(change->name);
                if (n == 0 || n > 200 || !gz_utf8_valid(change->name, n)) {
                        e = gz_fail(err, GZ_EINVAL, "name: between 1 and 200 characters");
                        goto out;
                }
                u->name = change->name;
        }
        if (change->password != NULL) {
                if ((e = gz_password_check_policy(change->password, err)) != GZ_OK ||
                    (e = gz_password_hash(change->password, hash, err)) != GZ_OK)
                        goto out;
                u->password_hash = hash;
                action = "password-change";
        }
        if (change->set_disabled) {
                u->disabled = change->disabled;
                action = change->disabled ? "user-disable" : "user-enable";
        }
        if (change->reset_2fa) {
                u->totp_secret = "";
                u->totp_enabled = false;
                u->totp_last_step = 0;
                action = "2fa-reset";
        }
        if (change->set_author)
                u->author_id = change->author_id;
        if ((e = gz_store_user_update(c->store, u, err)) != GZ_OK)
                goto out;
        /* A disabled account, a new password or a reset second factor ends
         * every session of the account. */
        if ((change->set_disabled && change->disabled) || change->reset_2fa ||
            change->password != NULL)
                gz_store_session_delete(c->store, u->id, 0, NULL);
        if (change->reset_2fa)
                gz_store_recovery_set(c->store, u->id, NULL, 0, NULL);
        gz_store_audit(c->store, actor_id, ip, action, u->email, change->role ? change->role : "");
out:
        gz_arena_free(a);
        return e;
}

enum gz_err
gz_article_trash(struct gz_content *c, int64_t id, bool trash, int64_t user_id, const char *ip,
                 struct gz_error *err)
{
        struct gz_arena *a = gz_arena_new(8192);
        struct gz_article *ar;
        enum gz_err e = gz_store_article_get(c->store, a, id, NULL, NULL, &ar, err);
        if (e != GZ_OK)
                goto out;
        if ((ar->deleted_at != 0) == trash) {
                e = gz_fail(err, GZ_EINVAL,
                            trash ? "the article is already in the trash"
                                  : "the article is not in the trash");
                goto out;
        }
        struct gz_change change = {.kind = GZ_CHANGE_ARTICLE, .id = id};
        gz_content_article_ref(&change.before, ar, a);
        int64_t *authors = GZ_NEW_ARRAY(a, int64_t, ar->author_count + 1);
        int64_t *tags = GZ_NEW_ARRAY(a, int64_t, ar->tag_count + 1);
        for (size_t i = 0; i < ar->author_count; i++)
                authors[i] = ar->authors[i].id;
        for (size_t i = 0; i < ar->tag_count; i++)
                tags[i] = ar->tags[i].id;
        ar->deleted_at = trash ? gz_now() : 0;
        /* Restored from the trash, an article comes back as a draft. */
        if (!trash && ar->status == GZ_STATUS_PUBLISHED)
                ar->status = GZ_STATUS_DRAFT;
        ar->updated_at = gz_now();
        ar->body_text = ar->body_md;
        if ((e = gz_store_article_save(c->store, ar, authors, ar->author_count, tags, ar->tag_count,
                                       err)) != GZ_OK)
                goto out;
        gz_store_audit(c->store, user_id, ip, trash ? "delete" : "restore",
                       gz_arena_printf(a, "article:%lld", (long long)id), ar->title);
        gz_content_article_ref(&change.after, ar, a);
        if (c->on_change)
                c->on_change(c->change_ctx, &change);
out:
        gz_arena_free(a);
        return e;
}
