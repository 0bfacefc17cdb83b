/* Sign-in, sessions and CSRF checks for the admin.
 *
 * Sessions: a 256-bit random token in an HttpOnly, SameSite=Lax cookie on
 * /admin (Secure on https sites); the database keeps only its SHA-256. They
 * end after 12 idle hours, 7 days at most, or at sign-out.
 * Throttling, in the spirit of Drupal: 5 failures per account per 6 hours,
 * 50 per client address per hour, and a wait that doubles with each
 * failure of an account. Every failure says the same thing. */
#include <pthread.h>
#include <string.h>

#include "../auth/auth.h"
#include "admin_internal.h"

#define SESSION_IDLE (12 * 3600)
#define SESSION_MAX (7 * 86400)
#define ACCOUNT_WINDOW (6 * 3600)
#define ACCOUNT_FAILURES 5
#define ADDRESS_WINDOW 3600
#define ADDRESS_FAILURES 50

static const char generic_failure[] = "The email, password or code is wrong.";

/* ---- cookies ---------------------------------------------------------------- */

static void
set_cookie(struct gz_actx *x, const char *name, const char *value, const char *path, long max_age,
           const char *same_site)
{
        gz_resp_add_header(
            x->resp, "Set-Cookie",
            gz_arena_printf(x->a, "%s=%s; Path=%s; Max-Age=%ld; HttpOnly; SameSite=%s%s", name,
                            value, path, max_age, same_site, x->settings.https ? "; Secure" : ""));
}

/* ---- the request's origin ----------------------------------------------------- */

static bool
same_origin(struct gz_actx *x, const char *url)
{
        /* This site's origins: the base URL's, and the Host the request came to. */
        const char *host = gz_req_header(x->req, "Host");
        const char *base = x->settings.base_url;
        const char *candidates[3] = {base, NULL, NULL};
        if (host != NULL && strlen(host) < 256) {
                candidates[1] = gz_arena_printf(x->a, "http://%s", host);
                candidates[2] = gz_arena_printf(x->a, "https://%s", host);
        }
        for (size_t i = 0; i < 3; i++) {
                const char *c = candidates[i];
                if (c == NULL)
                        continue;
                size_t n = strlen(c);
                /* The origin itself, or a URL on it (a slash right after). */
                if (strncmp(url, c, n) == 0 && (url[n] == '\0' || url[n] == '/'))
                        return true;
        }
        return false;
}

static bool
origin_ok(struct gz_actx *x)
{
        const char *origin = gz_req_header(x->req, "Origin");
        if (origin != NULL)
                return strcmp(origin, "null") != 0 && same_origin(x, origin);
        const char *referer = gz_req_header(x->req, "Referer");
        return referer != NULL && same_origin(x, referer);
}

bool
gz_admin_csrf_ok(struct gz_actx *x)
{
        const char *token = gz_admin_form(x, "_csrf");
        const char *expected = x->session ? x->session->csrf_token : NULL;
        if (token == NULL || expected == NULL || strlen(token) != strlen(expected) ||
            !gz_secure_eq(token, expected, strlen(expected)))
                return false;
        return origin_ok(x);
}

/* ---- sessions ------------------------------------------------------------------ */

void
gz_admin_load_session(struct gz_actx *x)
{
        const char *token = gz_req_cookie(x->req, "gz_session");
        if (token == NULL || !gz_token_wellformed(token, strlen(token)))
                return;
        char hash[GZ_TOKEN_HASH_LEN + 1];
        gz_token_hash(token, hash);
        struct gz_session *ses;
        struct gz_user *u;
        if (gz_store_session_get(x->admin->store, x->a, hash, &ses, &u, NULL) != GZ_OK)
                return;
        gz_time now = x->req->now;
        if (u->disabled || ses->expires_at <= now || ses->last_seen_at + SESSION_IDLE <= now) {
                gz_store_session_delete(x->admin->store, u->id, ses->id, NULL);
                return;
        }
        /* Write the last-seen time at most every five minutes. */
        if (now - ses->last_seen_at > 300)
                gz_store_session_touch(x->admin->store, ses->id, now);
        x->user = u;
        x->session = ses;
}

static void
start_session(struct gz_actx *x, const struct gz_user *u)
{
        char token[GZ_TOKEN_LEN + 1], hash[GZ_TOKEN_HASH_LEN + 1], csrf[GZ_TOKEN_LEN + 1];
        gz_token_new(token);
        gz_token_hash(token, hash);
        gz_token_new(csrf);
        const char *ua = gz_req_header(x->req, "User-Agent");
        struct gz_session ses = {.user_id = u->id,
                                 .csrf_token = csrf,
                                 .created_at = x->req->now,
                                 .last_seen_at = x->req->now,
                                 .expires_at = x->req->now + SESSION_MAX,
                                 .ip = x->req->client_ip,
                                 .user_agent = ua ? gz_arena_strndup(x->a, ua, 200) : ""};
        int64_t id;
        if (gz_store_session_add(x->admin->store, hash, &ses, &id, NULL) != GZ_OK) {
                gz_admin_error(x, 500, "Could not start a session. Try again.");
                return;
        }
        set_cookie(x, "gz_session", gz_arena_strdup(x->a, token), "/admin", SESSION_MAX, "Lax");
        gz_secure_zero(token, sizeof(token));
        gz_store_sessions_prune(x->admin->store, x->req->now);
}

/* ---- throttling ------------------------------------------------------------------ */

/* Seconds to wait before this sign-in may be tried, or 0. */
static long
throttled(struct gz_actx *x, const char *account_key, const char *address_key)
{
        gz_time now = x->req->now, last = 0;
        size_t account =
            gz_store_failures(x->admin->store, account_key, now - ACCOUNT_WINDOW, &last);
        if (account >= ACCOUNT_FAILURES)
                return (long)(last + ACCOUNT_WINDOW - now);
        if (account > 0) {
                long wait = 1L << (account - 1); /* 1, 2, 4, 8 seconds */
                if (now - last < wait)
                        return (long)(wait - (now - last));
        }
        gz_time ip_last = 0;
        size_t address =
            gz_store_failures(x->admin->store, address_key, now - ADDRESS_WINDOW, &ip_last);
        if (address >= ADDRESS_FAILURES)
                return (long)(ip_last + ADDRESS_WINDOW - now);
        return 0;
}

/* ---- the sign-in page ----------------------------------------------------------- */

static void
login_form(struct gz_actx *x, const char *email, const char *error, int status)
{
        char token[GZ_TOKEN_LEN + 1];
        gz_token_new(token);
        gz_admin_page(x, "Sign in");
        gz_obj_set_str(x->root, "login_token", gz_arena_strdup(x->a, token));
        gz_obj_set_str(x->root, "email", email);
        gz_obj_set_str(x->root, "error", error);
        /* The form's token is also a cookie only this page sets: a form
         * posted from elsewhere cannot carry both. */
        set_cookie(x, "gz_login", gz_arena_strdup(x->a, token), "/admin/login", 3600, "Strict");
        gz_admin_render(x, "login", status);
}

static const char *dummy_hash;
static pthread_once_t dummy_once = PTHREAD_ONCE_INIT;

static void
make_dummy(void)
{
        static char hash[GZ_PASSWORD_HASH_MAX];
        char random[GZ_TOKEN_LEN + 1];
        gz_token_new(random);
        if (gz_password_hash(random, hash, NULL) == GZ_OK)
                dummy_hash = hash;
}

static bool
second_factor_ok(struct gz_actx *x, const struct gz_user *u, const char *code)
{
        if (code == NULL || *code == '\0')
                return false;
        unsigned char key[64];
        size_t key_len = 0;
        if (gz_base32_decode(u->totp_secret, strlen(u->totp_secret), key, sizeof(key), &key_len,
                             NULL) == GZ_OK) {
                int64_t last = u->totp_last_step;
                bool ok = gz_totp_verify(key, key_len, code, x->req->now, 1, &last);
                gz_secure_zero(key, sizeof(key));
                /* The database decides, so two requests cannot both use one code. */
                if (ok)
                        return gz_store_user_totp_step(x->admin->store, u->id, last);
        }
        char canonical[GZ_RECOVERY_CODE_LEN + 1], hash[GZ_TOKEN_HASH_LEN + 1];
        if (gz_recovery_code_normalize(code, strlen(code), canonical, NULL) != GZ_OK)
                return false;
        gz_token_hash(canonical, hash);
        if (!gz_store_recovery_use(x->admin->store, u->id, hash))
                return false;
        gz_store_audit(x->admin->store, u->id, x->req->client_ip, "recovery-code-used", u->email,
                       "");
        return true;
}

void
gz_admin_login(struct gz_actx *x)
{
        if (x->req->method != GZ_POST) {
                gz_admin_load_session(x);
                if (x->user != NULL) {
                        gz_admin_redirect(x, "");
                        return;
                }
                login_form(x, NULL, NULL, 200);
                return;
        }
        const char *email = gz_admin_form(x, "email");
        const char *password = gz_admin_form(x, "password");
        const char *code = gz_admin_form(x, "code");
        const char *form_token = gz_admin_form(x, "_login");
        const char *cookie_token = gz_req_cookie(x->req, "gz_login");
        if (form_token == NULL || cookie_token == NULL || strcmp(form_token, cookie_token) != 0 ||
            !origin_ok(x)) {
                gz_admin_error(x, 403,
                               "This sign-in form did not come from this site. Open the sign-in "
                               "page again.");
                return;
        }
        if (email == NULL || password == NULL || *email == '\0' || *password == '\0') {
                login_form(x, email, "Enter your email and password.", 400);
                return;
        }
        if (strlen(email) > 254 || strlen(password) > GZ_PASSWORD_MAX_BYTES) {
                login_form(x, NULL, generic_failure, 401);
                return;
        }
        char *lower = gz_arena_strdup(x->a, email);
        for (char *p = lower; *p; p++)
                if (*p >= 'A' && *p <= 'Z')
                        *p = (char)(*p - 'A' + 'a');
        char *account_key = gz_arena_printf(x->a, "u:%s", lower);
        char *address_key = gz_arena_printf(x->a, "ip:%s", x->req->client_ip);
        long wait = throttled(x, account_key, address_key);
        if (wait > 0) {
                gz_store_audit(x->admin->store, 0, x->req->client_ip, "login-throttled", email, "");
                gz_resp_header(x->resp, "Retry-After", gz_arena_printf(x->a, "%ld", wait));
                login_form(x, email, "Too many failed sign-ins. Wait a while before trying again.",
                           429);
                return;
        }

        struct gz_user *u = NULL;
        bool found = gz_store_user_get(x->admin->store, x->a, 0, email, &u, NULL) == GZ_OK;
        /* Without the account, check against a dummy hash anyway: an unknown
         * email takes as long as a wrong password. */
        pthread_once(&dummy_once, make_dummy);
        bool password_ok = found
                               ? gz_password_verify(u->password_hash, password)
                               : (dummy_hash && gz_password_verify(dummy_hash, password) && false);
        bool ok = found && password_ok && !u->disabled;
        if (ok && u->totp_enabled)
                ok = second_factor_ok(x, u, code);
        if (!ok) {
                gz_store_failure_add(x->admin->store, account_key, x->req->now);
                gz_store_failure_add(x->admin->store, address_key, x->req->now);
                gz_store_audit(x->admin->store, found ? u->id : 0, x->req->client_ip,
                               "login-failed", email,
                               !found         ? "unknown email"
                               : !password_ok ? "wrong password"
                               : u->disabled  ? "disabled account"
                                              : "wrong code");
                login_form(x, email, generic_failure, 401);
                return;
        }
        gz_store_failures_clear(x->admin->store, account_key);
        gz_store_failures_prune(x->admin->store, x->req->now - ACCOUNT_WINDOW);
        start_session(x, u);
        gz_store_audit(x->admin->store, u->id, x->req->client_ip, "login", u->email, "");
        set_cookie(x, "gz_login", "", "/admin/login", 0, "Strict");
        gz_admin_redirect(x, "");
}

void
gz_admin_logout(struct gz_actx *x)
{
        if (x->req->method != GZ_POST) {
                gz_admin_error(x, 405, "Sign out with the button.");
                return;
        }
        gz_store_session_delete(x->admin->store, x->user->id, x->session->id, NULL);
        gz_store_audit(x->admin->store, x->user->id, x->req->client_ip, "logout", x->user->email,
                       "");
        set_cookie(x, "gz_session", "", "/admin", 0, "Lax");
        gz_resp_redirect(x->resp, x->a, 303, "/admin/login?done=signed-out");
}
