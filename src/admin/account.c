/* Your account: sessions (listed, ended), the password, and two-factor
 * sign-in (enrolment with a QR code and the secret as text, confirmation
 * with a code, ten one-time recovery codes shown once). */
#include <string.h>

#include "../auth/auth.h"
#include "admin_internal.h"

enum { RECOVERY_CODES = 10 };

static void
overview(struct gz_actx *x, const char *error, int status)
{
        gz_admin_page(x, "Your account");
        gz_obj_set_str(x->root, "error", error);
        gz_obj_set_bool(x->root, "totp_enabled", x->user->totp_enabled);
        gz_obj_set_bool(x->root, "required", x->settings.require_2fa);
        gz_obj_set_int(x->root, "recovery_left",
                       (long long)gz_store_recovery_left(x->admin->store, x->user->id));
        struct gz_session *list;
        size_t n = 0;
        if (gz_store_sessions(x->admin->store, x->a, x->user->id, &list, &n, NULL) != GZ_OK)
                n = 0;
        struct gz_val *rows = gz_val_list(x->a);
        for (size_t i = 0; i < n; i++) {
                struct gz_val *r = gz_val_obj(x->a);
                gz_obj_set_int(r, "id", list[i].id);
                gz_obj_set_str(r, "ip", list[i].ip);
                gz_obj_set_str(r, "agent", list[i].user_agent);
                gz_obj_set(r, "started", gz_admin_date(x, list[i].created_at));
                gz_obj_set(r, "seen", gz_admin_date(x, list[i].last_seen_at));
                gz_obj_set_bool(r, "this", list[i].id == x->session->id);
                gz_list_push(rows, r);
        }
        gz_obj_set(x->root, "sessions", rows);
        gz_admin_render(x, "account", status);
}

static void
change_password(struct gz_actx *x)
{
        const char *current = gz_admin_form(x, "current");
        const char *fresh = gz_admin_form(x, "password");
        const char *again = gz_admin_form(x, "again");
        if (current == NULL || !gz_password_verify(x->user->password_hash, current)) {
                overview(x, "Your current password is not right.", 422);
                return;
        }
        if (fresh == NULL || again == NULL || strcmp(fresh, again) != 0) {
                overview(x, "The new password and its repetition differ.", 422);
                return;
        }
        struct gz_user_change ch = {.password = fresh};
        struct gz_error err;
        if (gz_user_change(x->admin->content, NULL, x->user->id, &ch, x->user->id,
                           x->req->client_ip, &err) != GZ_OK) {
                overview(x, err.msg, 422);
                return;
        }
        /* Every session ended with the change; sign in again with the new one. */
        gz_resp_redirect(x->resp, x->a, 303, "/admin/login?done=password");
}

/* ---- two-factor sign-in --------------------------------------------------------- */

static void
enrol_page(struct gz_actx *x, const char *secret, const char *error, int status)
{
        gz_admin_page(x, "Two-factor sign-in");
        gz_obj_set_bool(x->root, "required",
                        x->settings.require_2fa && gz_req_query(x->req, "required") != NULL);
        gz_obj_set_str(x->root, "error", error);
        struct gz_buf uri, svg;
        gz_buf_init(&uri, x->a);
        gz_buf_init(&svg, x->a);
        if (gz_totp_uri(&uri, x->settings.name, x->user->email, secret, NULL) == GZ_OK &&
            gz_qr_svg(uri.data, &svg, NULL) == GZ_OK)
                gz_obj_set_html(x->root, "qr", svg.data);
        /* The secret in groups of four, for typing into an app by hand. */
        struct gz_buf grouped;
        gz_buf_init(&grouped, x->a);
        for (size_t i = 0; secret[i]; i++) {
                if (i && i % 4 == 0)
                        gz_buf_putc(&grouped, ' ');
                gz_buf_putc(&grouped, secret[i]);
        }
        gz_obj_set_str(x->root, "secret", grouped.data);
        gz_admin_render(x, "enrol", status);
}

static void
start_enrolment(struct gz_actx *x)
{
        /* A new secret each time the page opens; it counts only once a code
         * from it is confirmed. */
        unsigned char key[GZ_TOTP_SECRET_BYTES];
        gz_random_bytes(key, sizeof(key));
        char secret[GZ_BASE32_ENCODED_LEN(GZ_TOTP_SECRET_BYTES) + 1];
        gz_base32_encode(key, sizeof(key), secret, sizeof(secret));
        gz_secure_zero(key, sizeof(key));
        x->user->totp_secret = secret;
        x->user->totp_enabled = false;
        x->user->totp_last_step = 0;
        struct gz_error err;
        if (gz_store_user_update(x->admin->store, x->user, &err) != GZ_OK) {
                gz_admin_error(x, 500, err.msg);
                return;
        }
        enrol_page(x, secret, NULL, 200);
}

static void
confirm_enrolment(struct gz_actx *x)
{
        const char *code = gz_admin_form(x, "code");
        const char *secret = x->user->totp_secret;
        unsigned char key[64];
        size_t key_len = 0;
        int64_t step = x->user->totp_last_step;
        bool ok =
            secret && *secret && code &&
            gz_base32_decode(secret, strlen(secret), key, sizeof(key), &key_len, NULL) == GZ_OK &&
            gz_totp_verify(key, key_len, code, x->req->now, 1, &step);
        gz_secure_zero(key, sizeof(key));
        if (!ok) {
                enrol_page(x, secret && *secret ? secret : "",
                           "That code is not right; try the "
                           "next one your app shows.",
                           422);
                return;
        }
        x->user->totp_enabled = true;
        x->user->totp_last_step = step;
        struct gz_error err;
        if (gz_store_user_update(x->admin->store, x->user, &err) != GZ_OK) {
                gz_admin_error(x, 500, err.msg);
                return;
        }
        char codes[RECOVERY_CODES][GZ_RECOVERY_CODE_LEN + 1];
        char hashes[RECOVERY_CODES][GZ_TOKEN_HASH_LEN + 1];
        const char *hash_list[RECOVERY_CODES];
        struct gz_val *shown = gz_val_list(x->a);
        for (int i = 0; i < RECOVERY_CODES; i++) {
                gz_recovery_code_new(codes[i]);
                char canonical[GZ_RECOVERY_CODE_LEN + 1];
                gz_recovery_code_normalize(codes[i], strlen(codes[i]), canonical, NULL);
                gz_token_hash(canonical, hashes[i]);
                hash_list[i] = hashes[i];
                gz_list_push(shown, gz_val_str(x->a, gz_arena_strdup(x->a, codes[i])));
        }
        gz_store_recovery_set(x->admin->store, x->user->id, hash_list, RECOVERY_CODES, NULL);
        gz_store_audit(x->admin->store, x->user->id, x->req->client_ip, "2fa-enabled",
                       x->user->email, "");
        gz_admin_page(x, "Your recovery codes");
        gz_obj_set(x->root, "codes", shown);
        gz_admin_render(x, "recovery", 200);
}

static void
disable(struct gz_actx *x)
{
        if (x->settings.require_2fa) {
                overview(x, "This site requires two-factor sign-in for everybody.", 422);
                return;
        }
        const char *password = gz_admin_form(x, "password");
        if (password == NULL || !gz_password_verify(x->user->password_hash, password)) {
                overview(x, "Your password is not right.", 422);
                return;
        }
        x->user->totp_secret = "";
        x->user->totp_enabled = false;
        x->user->totp_last_step = 0;
        gz_store_user_update(x->admin->store, x->user, NULL);
        gz_store_recovery_set(x->admin->store, x->user->id, NULL, 0, NULL);
        gz_store_audit(x->admin->store, x->user->id, x->req->client_ip, "2fa-disabled",
                       x->user->email, "");
        gz_admin_redirect(x, "account?done=2fa-off");
}

void
gz_admin_account(struct gz_actx *x)
{
        bool post = x->req->method == GZ_POST;
        if (x->n == 1 && !post) {
                overview(x, NULL, 200);
        } else if (x->n == 2 && strcmp(x->seg[1], "password") == 0 && post) {
                change_password(x);
        } else if (x->n == 2 && strcmp(x->seg[1], "2fa") == 0) {
                if (post)
                        confirm_enrolment(x);
                else if (x->user->totp_enabled)
                        gz_admin_redirect(x, "account");
                else
                        start_enrolment(x);
        } else if (x->n == 3 && strcmp(x->seg[1], "2fa") == 0 &&
                   strcmp(x->seg[2], "disable") == 0 && post) {
                disable(x);
        } else if (x->n == 4 && strcmp(x->seg[1], "sessions") == 0 &&
                   strcmp(x->seg[3], "end") == 0 && post) {
                gz_store_session_delete(x->admin->store, x->user->id, gz_admin_id(x->seg[2]), NULL);
                gz_store_audit(x->admin->store, x->user->id, x->req->client_ip, "session-end",
                               x->user->email, x->seg[2]);
                gz_admin_redirect(x, "account?done=revoked");
        } else {
                gz_admin_error(x, 404, "There is no such page in the admin.");
        }
}
