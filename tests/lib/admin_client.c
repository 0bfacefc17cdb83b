/* A signed-in admin client for integration tests. */
#include "admin_client.h"

#include <curl/curl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

void
gz_test_add_user(const char *site_dir, const char *email, const char *role, const char *password)
{
        char cmd[2048];
        snprintf(cmd, sizeof(cmd),
                 "echo '%s' | '%s' user add '%s' --email '%s' --name 'Test %s' "
                 "--role %s 2>&1",
                 password, gz_test_bin(), site_dir, email, role, role);
        char *out = NULL;
        if (gz_test_run(cmd, &out) != 0) {
                fprintf(stderr, "user add failed: %s\n", out ? out : "");
                exit(2);
        }
        free(out);
}

struct sink {
        char *data;
        size_t len;
};

static size_t
collect(char *p, size_t size, size_t n, void *u)
{
        struct sink *s = u;
        size_t k = size * n;
        s->data = realloc(s->data, s->len + k + 1);
        memcpy(s->data + s->len, p, k);
        s->len += k;
        s->data[s->len] = '\0';
        return k;
}

static void
remember_csrf(struct gz_admin_client *c, const char *body)
{
        const char *at = body ? strstr(body, "name=\"_csrf\" value=\"") : NULL;
        if (at == NULL)
                return;
        at += strlen("name=\"_csrf\" value=\"");
        size_t n = strcspn(at, "\"");
        if (n < sizeof(c->csrf)) {
                memcpy(c->csrf, at, n);
                c->csrf[n] = '\0';
        }
}

static long
perform(struct gz_admin_client *c, const char *method, const char *path, const char *body,
        const char *extra_header, struct gz_test_resp *resp)
{
        CURL *curl = curl_easy_init();
        char url[2048], origin[128];
        snprintf(url, sizeof(url), "%s%s", c->server->base, path);
        struct sink b = {0}, h = {0};
        curl_easy_setopt(curl, CURLOPT_URL, url);
        curl_easy_setopt(curl, CURLOPT_COOKIEFILE, c->jar);
        curl_easy_setopt(curl, CURLOPT_COOKIEJAR, c->jar);
        curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, collect);
        curl_easy_setopt(curl, CURLOPT_WRITEDATA, &b);
        curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, collect);
        curl_easy_setopt(curl, CURLOPT_HEADERDATA, &h);
        curl_easy_setopt(curl, CURLOPT_TIMEOUT, 60L);
        struct curl_slist *list = NULL;
        if (strcmp(method, "POST") == 0) {
                curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body ? body : "");
                snprintf(origin, sizeof(origin), "Origin: %s", c->server->base);
                list = curl_slist_append(list, origin);
        }
        if (extra_header)
                list = curl_slist_append(list, extra_header);
        curl_easy_setopt(curl, CURLOPT_HTTPHEADER, list);
        long status = 0;
        if (curl_easy_perform(curl) == CURLE_OK)
                curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
        curl_slist_free_all(list);
        curl_easy_cleanup(curl);
        remember_csrf(c, b.data);
        if (resp != NULL) {
                resp->status = status;
                resp->body = b.data ? b.data : calloc(1, 1);
                resp->len = b.len;
                resp->headers = h.data ? h.data : calloc(1, 1);
        } else {
                free(b.data);
                free(h.data);
        }
        return status;
}

static char *
encode_fields(va_list ap, const char *csrf)
{
        CURL *curl = curl_easy_init();
        size_t cap = 1024, len = 0;
        char *out = calloc(1, cap);
        const char *field;
        bool first = true;
        char csrf_field[200];
        snprintf(csrf_field, sizeof(csrf_field), "_csrf=%s", csrf ? csrf : "");
        for (int pass = 0; pass < 2; pass++) {
                for (;;) {
                        field = pass == 0 ? (csrf ? csrf_field : NULL) : va_arg(ap, const char *);
                        if (field == NULL)
                                break;
                        const char *eq = strchr(field, '=');
                        size_t name_len = eq ? (size_t)(eq - field) : strlen(field);
                        char *value = curl_easy_escape(curl, eq ? eq + 1 : "", 0);
                        size_t need = len + name_len + strlen(value) + 3;
                        if (need > cap) {
                                cap = need * 2;
                                out = realloc(out, cap);
                        }
                        len += (size_t)snprintf(out + len, cap - len, "%s%.*s=%s", first ? "" : "&",
                                                (int)name_len, field, value);
                        first = false;
                        curl_free(value);
                        if (pass == 0)
                                break;
                }
        }
        curl_easy_cleanup(curl);
        return out;
}

long
gz_admin_sign_in(struct gz_admin_client *c, const struct gz_test_server *s, const char *email,
                 const char *password, const char *code)
{
        memset(c, 0, sizeof(*c));
        c->server = s;
        snprintf(c->jar, sizeof(c->jar), "%s/cookies-XXXXXX", s->dir);
        int fd = mkstemp(c->jar);
        if (fd >= 0)
                close(fd);
        struct gz_test_resp page;
        perform(c, "GET", "/admin/login", NULL, NULL, &page);
        const char *at = strstr(page.body, "name=\"_login\" value=\"");
        char token[128] = "";
        if (at != NULL) {
                at += strlen("name=\"_login\" value=\"");
                snprintf(token, sizeof(token), "%.*s", (int)strcspn(at, "\""), at);
        }
        gz_test_resp_free(&page);
        char *e = curl_easy_escape(NULL, email, 0), *p = curl_easy_escape(NULL, password, 0);
        char body[2048];
        snprintf(body, sizeof(body), "_login=%s&email=%s&password=%s&code=%s", token, e, p,
                 code ? code : "");
        curl_free(e);
        curl_free(p);
        long status = perform(c, "POST", "/admin/login", body, NULL, NULL);
        /* A page of the admin gives the session's CSRF token. */
        if (status == 303)
                perform(c, "GET", "/admin/account", NULL, NULL, NULL);
        return status;
}

long
gz_admin_get(struct gz_admin_client *c, const char *path, struct gz_test_resp *resp)
{
        return perform(c, "GET", path, NULL, NULL, resp);
}

long
gz_admin_post(struct gz_admin_client *c, const char *path, bool with_csrf,
              struct gz_test_resp *resp, ...)
{
        va_list ap;
        va_start(ap, resp);
        char *body = encode_fields(ap, with_csrf ? c->csrf : NULL);
        va_end(ap);
        long status = perform(c, "POST", path, body, NULL, resp);
        free(body);
        return status;
}

void
gz_admin_client_end(struct gz_admin_client *c)
{
        unlink(c->jar);
}
