/* A full disk and a read-only file system under a running site (a small
 * tmpfs): the editor gets a clear error, nothing is corrupted, the public
 * site keeps serving, and writing works again once there is room. Needs
 * root to mount; skipped otherwise. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <unistd.h>

#include "lib/admin_client.h"
#include "lib/harness.h"

#define PASSWORD "disk test password"

static char mount_dir[64];
static char site_dir[128];
static bool mounted;
static struct gz_test_server server;

static long
publish(struct gz_admin_client *c, const char *title, struct gz_test_resp *r)
{
        char field[200];
        snprintf(field, sizeof(field), "title=%s", title);
        return gz_admin_post(c, "/admin/articles/new", true, r, field, "body=Words.",
                             "section=", "version=0", "action=publish", NULL);
}

static void
integrity_ok(void)
{
        char path[200];
        snprintf(path, sizeof(path), "%s/gazette.db", site_dir);
        sqlite3 *db;
        assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
        sqlite3_stmt *st;
        assert_int_equal(sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &st, NULL),
                         SQLITE_OK);
        assert_int_equal(sqlite3_step(st), SQLITE_ROW);
        assert_string_equal((const char *)sqlite3_column_text(st, 0), "ok");
        sqlite3_finalize(st);
        sqlite3_close(db);
}

static void
still_serving(const char *path)
{
        struct gz_test_resp r;
        assert_int_equal(gz_test_get(&server, path, &r), 0);
        assert_int_equal(r.status, 200);
        gz_test_resp_free(&r);
}

static void
a_full_disk_is_a_clear_error_and_nothing_breaks(void **state)
{
        (void)state;
        if (!mounted) {
                skip();
                return;
        }
        struct gz_admin_client c;
        struct gz_test_resp r;
        assert_int_equal(gz_admin_sign_in(&c, &server, "editor@example.org", PASSWORD, NULL), 303);
        assert_int_equal(publish(&c, "Written before the disk filled", &r), 303);
        gz_test_resp_free(&r);
        still_serving("/"); /* now in the cache */

        char cmd[300];
        snprintf(cmd, sizeof(cmd), "dd if=/dev/zero of='%s/filler' bs=64k 2>/dev/null; sync",
                 mount_dir);
        gz_test_run(cmd, NULL);
        long status = publish(&c, "Written on a full disk", &r);
        assert_true(status >= 500);
        assert_true(gz_test_contains(r.body, r.len, "disk is full"));
        gz_test_resp_free(&r);
        still_serving("/");
        integrity_ok();

        snprintf(cmd, sizeof(cmd), "rm -f '%s/filler'", mount_dir);
        gz_test_run(cmd, NULL);
        assert_int_equal(publish(&c, "Written after making room", &r), 303);
        gz_test_resp_free(&r);
        assert_int_equal(gz_test_get(&server, "/", &r), 0);
        assert_true(gz_test_contains(r.body, r.len, "Written after making room"));
        assert_false(gz_test_contains(r.body, r.len, "Written on a full disk"));
        gz_test_resp_free(&r);
        integrity_ok();
        gz_admin_client_end(&c);
}

/* A read-only file system under the site: the program says so in one line
 * instead of half-starting. (A file system that turns read-only while the
 * server runs fails writes the way a full disk does, above.) */
static void
a_read_only_file_system_is_a_clear_error(void **state)
{
        (void)state;
        if (!mounted) {
                skip();
                return;
        }
        assert_int_equal(gz_test_server_stop(&server), 0);
        assert_int_equal(mount("tmpfs", mount_dir, "tmpfs", MS_REMOUNT | MS_RDONLY, NULL), 0);
        char cmd[400], *out = NULL;
        snprintf(cmd, sizeof(cmd), "'%s' serve '%s' --listen 127.0.0.1:0 2>&1", gz_test_bin(),
                 site_dir);
        int rc = gz_test_run(cmd, &out);
        assert_int_equal(mount("tmpfs", mount_dir, "tmpfs", MS_REMOUNT, "size=16m"), 0);
        assert_int_equal(rc, 1);
        assert_non_null(strstr(out, "read-only"));
        assert_int_equal(gz_test_count(out, strlen(out), "\n"), 1);
        free(out);
        integrity_ok();
        gz_test_server_start(&server, site_dir, "--access-log off");
        still_serving("/");
}

static int
setup(void **state)
{
        (void)state;
        snprintf(mount_dir, sizeof(mount_dir), "/tmp/gz-disk-XXXXXX");
        if (mkdtemp(mount_dir) == NULL)
                return -1;
        if (geteuid() != 0 || mount("tmpfs", mount_dir, "tmpfs", 0, "size=16m") != 0) {
                fprintf(stderr, "# cannot mount a tmpfs (not root?): skipping\n");
                return 0;
        }
        mounted = true;
        snprintf(site_dir, sizeof(site_dir), "%s/site", mount_dir);
        char cmd[400], *out = NULL;
        snprintf(cmd, sizeof(cmd), "'%s' init '%s' --name 'Disk test' 2>&1", gz_test_bin(),
                 site_dir);
        if (gz_test_run(cmd, &out) != 0) {
                fprintf(stderr, "%s", out ? out : "");
                free(out);
                return -1;
        }
        free(out);
        gz_test_add_user(site_dir, "editor@example.org", "editor", PASSWORD);
        gz_test_server_start(&server, site_dir, "--access-log off");
        return 0;
}

static int
teardown(void **state)
{
        (void)state;
        int rc = 0;
        if (mounted) {
                rc = gz_test_server_stop(&server);
                umount2(mount_dir, MNT_DETACH);
        }
        rmdir(mount_dir);
        return rc == 0 ? 0 : -1;
}

int
main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(a_full_disk_is_a_clear_error_and_nothing_breaks),
            cmocka_unit_test(a_read_only_file_system_is_a_clear_error),
        };
        return cmocka_run_group_tests_name("disk", tests, setup, teardown);
}
