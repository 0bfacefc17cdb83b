/* Gazette app: the running server's parts put together. It owns the store,
 * the content rules, the public site, the cache, the admin and the API, and
 * routes each request to one of them; a timer publishes scheduled articles. */
#ifndef GZ_APP_H
#define GZ_APP_H

#include "../content/content.h"
#include "../http/http.h"
#include "../site/site.h"
#include "../store/store.h"

struct gz_app_options {
        const char *dir;
        const char *listen; /* "127.0.0.1:8080" */
        unsigned threads;
        const char *access_log; /* a file, "-" for standard output, NULL or "off" for none */
        size_t cache_bytes;     /* 0: no cache */
        const char *trusted_proxies;
        unsigned per_ip_limit;
        unsigned head_timeout_s; /* 0: the default */
        unsigned idle_timeout_s;
        int listen_fd;           /* >= 0: already bound */
        const char *worker_exe;  /* this program, for the image worker */
        unsigned login_rate;     /* sign-in attempts a minute per address; 0: no limit */
        unsigned search_rate;    /* uncached searches a minute per address; 0: no limit */
        const char *live_export; /* a folder kept current as a static export; NULL: none */
};

struct gz_app;

enum gz_err gz_app_start(const struct gz_app_options *opt, struct gz_app **out,
                         struct gz_error *err);
int gz_app_port(const struct gz_app *app);
void gz_app_stop(struct gz_app *app);

/* Splits "ADDR:PORT", "[v6]:PORT" or "PORT". */
bool gz_app_parse_listen(const char *s, char *addr, size_t addr_size, int *port);

#endif
