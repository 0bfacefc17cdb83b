/* Test harness for integration tests: a real site folder made by the real
 * gazette binary, the real server on an ephemeral port, and a real HTTP
 * client (libcurl), plus a raw socket for malformed requests. */
#ifndef GZ_TEST_HARNESS_H
#define GZ_TEST_HARNESS_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

struct gz_test_server {
        char dir[512]; /* the site folder (a temporary copy) */
        pid_t pid;
        int port;
        char base[64]; /* "http://127.0.0.1:PORT" */
        char log[600]; /* the server's standard error */
};

struct gz_test_resp {
        long status;
        char *body;
        size_t len;
        char *headers; /* raw header block */
};

/* The gazette binary under test ($GZ_BIN, else build/gazette). */
const char *gz_test_bin(void);
/* Runs a shell command line; returns its exit status. Output goes to *out
 * (malloc'ed, may be NULL) when out is not NULL. */
int gz_test_run(const char *cmdline, char **out);
/* A fresh copy of the demo site in a temporary folder. The demo site is
 * made once per build (build/test-fixtures) and copied. */
void gz_test_demo_site(char *dir, size_t size);
/* A new empty site (gazette init) in a temporary folder. */
void gz_test_empty_site(char *dir, size_t size, const char *init_args);
/* Starts `gazette serve DIR --listen 127.0.0.1:0 extra_args` and waits for
 * its "serving" line; aborts the test program when it does not start. */
void gz_test_server_start(struct gz_test_server *s, const char *dir, const char *extra_args);
/* SIGTERM and wait; returns the exit status (0 for a clean stop). */
int gz_test_server_stop(struct gz_test_server *s);
void gz_test_rmtree(const char *dir);

/* HTTP through libcurl. headers: NULL-terminated list of "Name: value". */
int gz_test_request(const struct gz_test_server *s, const char *method, const char *path,
                    const char *const *headers, const char *body, size_t body_len,
                    struct gz_test_resp *resp);
int gz_test_get(const struct gz_test_server *s, const char *path, struct gz_test_resp *resp);
/* A header's value (case-insensitive name) in a static buffer, or NULL. */
const char *gz_test_header(const struct gz_test_resp *resp, const char *name);
void gz_test_resp_free(struct gz_test_resp *resp);

/* Raw bytes over TCP; reads the answer until close or timeout into out.
 * Returns the bytes read, or -1 if the connection failed. */
ssize_t gz_test_raw(const struct gz_test_server *s, const char *bytes, size_t n, char *out,
                    size_t out_size, int timeout_ms);

/* text with every from replaced by to (malloc'ed). */
char *gz_test_replace(const char *text, const char *from, const char *to);
/* Two different loopback ports nobody listens on now, picked by the kernel. */
void gz_test_free_ports(int *a, int *b);

/* True when haystack (len bytes) contains needle. */
bool gz_test_contains(const char *haystack, size_t len, const char *needle);
/* Counts non-overlapping occurrences. */
size_t gz_test_count(const char *haystack, size_t len, const char *needle);

#endif
