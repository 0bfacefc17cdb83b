/* A signed-in admin client for integration tests: libcurl with a cookie
 * jar, the sign-in form's token, and the CSRF token of the session. */
#ifndef GZ_TEST_ADMIN_CLIENT_H
#define GZ_TEST_ADMIN_CLIENT_H

#include "harness.h"

struct gz_admin_client {
        const struct gz_test_server *server;
        char jar[600];
        char csrf[128];
        char origin[80];
};

/* Adds an account with `gazette user add` (before the server starts). */
void gz_test_add_user(const char *site_dir, const char *email, const char *role,
                      const char *password);
/* Signs in; returns the status of the sign-in POST (303 on success). */
long gz_admin_sign_in(struct gz_admin_client *c, const struct gz_test_server *s, const char *email,
                      const char *password, const char *code);
/* GET an admin address (and remember the page's CSRF token). */
long gz_admin_get(struct gz_admin_client *c, const char *path, struct gz_test_resp *resp);
/* POST urlencoded fields ("name=value" pairs, NULL-ended, values encoded
 * here), with the CSRF token and the Origin header unless told not to. */
long gz_admin_post(struct gz_admin_client *c, const char *path, bool with_csrf,
                   struct gz_test_resp *resp, ...);
void gz_admin_client_end(struct gz_admin_client *c);

#endif
