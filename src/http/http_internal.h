/* Shared between the files of src/http/ only. */
#ifndef GZ_HTTP_INTERNAL_H
#define GZ_HTTP_INTERNAL_H

#include <microhttpd.h>

#include "http.h"

enum gz_conn_state { GZ_CONN_NEW, GZ_CONN_BODY, GZ_CONN_DONE };

/* One request: lives in its own arena from the request line to completion. */
struct gz_http_conn {
        const struct gz_http_config *srv_cfg;
        struct MHD_Connection *mhd;
        struct gz_arena *arena;
        struct gz_req req;
        enum gz_conn_state state;
        const char *raw_uri;
        const char *version;
        /* An answer decided before the body was read (bad path, 431...). */
        int early_status;
        const char *early_message;
        /* Body */
        size_t body_limit;
        size_t body_seen;
        struct gz_buf raw_body;
        struct MHD_PostProcessor *pp;
        struct gz_form_field *cur_field, *field_tail;
        struct gz_buf field_value;
        size_t field_count;
        int file_fd;
        /* For the access log */
        int status;
        size_t bytes;
};

struct MHD_Response *gz_http_frozen_mhd(struct gz_http_frozen *f);
enum MHD_Result gz_http_count_header(void *cls, enum MHD_ValueKind kind, const char *key,
                                     size_t key_size, const char *value, size_t value_size);

#endif
