/* Crash safety: editors publish and edit from several clients while the
 * server is killed with SIGKILL at random moments; after every restart each
 * acknowledged write is there, no article is half-published, and SQLite's
 * integrity check is ok. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <pthread.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "lib/admin_client.h"
#include "lib/harness.h"

#define CYCLES 20
#define WRITERS 3
#define PASSWORD "crash test password"

static char site_dir[512];
static struct gz_test_server server;
static atomic_bool stop_writing;

/* Acknowledged titles: the server answered 303 to their publish. */
static pthread_mutex_t acked_lock = PTHREAD_MUTEX_INITIALIZER;
static char **acked;
static size_t acked_count, acked_cap;
static atomic_uint sequence;

static void
remember(const char *title)
{
        pthread_mutex_lock(&acked_lock);
        if (acked_count == acked_cap) {
                acked_cap = acked_cap ? acked_cap * 2 : 256;
                acked = realloc(acked, acked_cap * sizeof(*acked));
        }
        acked[acked_count++] = strdup(title);
        pthread_mutex_unlock(&acked_lock);
}

static void *
writer(void *arg)
{
        int n = (int)(intptr_t)arg;
        char email[64];
        snprintf(email, sizeof(email), "writer%d@example.org", n);
        struct gz_admin_client c;
        if (gz_admin_sign_in(&c, &server, email, PASSWORD, NULL) != 303)
                return NULL;
        while (!atomic_load(&stop_writing)) {
                char title[128], field[160];
                snprintf(title, sizeof(title), "Crash test %u by writer %d",
                         atomic_fetch_add(&sequence, 1), n);
                snprintf(field, sizeof(field), "title=%s", title);
                struct gz_test_resp r = {0};
                long status =
                    gz_admin_post(&c, "/admin/articles/new", true, &r, field,
                                  "body=A paragraph that must survive.", "section=news/city",
                                  "tags=Crash, Durability", "version=0", "action=publish", NULL);
                gz_test_resp_free(&r);
                if (status == 303)
                        remember(title);
                else if (status == 0)
                        break; /* the server is gone */
        }
        gz_admin_client_end(&c);
        return NULL;
}

static long long
db_int(sqlite3 *db, const char *sql)
{
        sqlite3_stmt *st;
        long long v = -1;
        if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK) {
                if (sqlite3_step(st) == SQLITE_ROW)
                        v = sqlite3_column_int64(st, 0);
                sqlite3_finalize(st);
        }
        return v;
}

static void
check_database(size_t cycle)
{
        char path[700];
        snprintf(path, sizeof(path), "%s/gazette.db", site_dir);
        sqlite3 *db;
        assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, NULL), SQLITE_OK);
        sqlite3_stmt *st;
        assert_int_equal(sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &st, NULL),
                         SQLITE_OK);
        assert_int_equal(sqlite3_step(st), SQLITE_ROW);
        assert_string_equal((const char *)sqlite3_column_text(st, 0), "ok");
        sqlite3_finalize(st);
        /* Every acknowledged write is there, published. */
        assert_int_equal(sqlite3_prepare_v2(db,
                                            "SELECT count(*) FROM articles WHERE title = ? AND "
                                            "status = 'published'",
                                            -1, &st, NULL),
                         SQLITE_OK);
        for (size_t i = 0; i < acked_count; i++) {
                sqlite3_bind_text(st, 1, acked[i], -1, SQLITE_STATIC);
                assert_int_equal(sqlite3_step(st), SQLITE_ROW);
                if (sqlite3_column_int(st, 0) != 1)
                        fprintf(stderr, "cycle %zu: lost \"%s\"\n", cycle, acked[i]);
                assert_int_equal(sqlite3_column_int(st, 0), 1);
                sqlite3_reset(st);
        }
        sqlite3_finalize(st);
        /* Nothing half-published: each published crash-test article has its
         * tags, its revision at its version, and its body rendered. */
        assert_int_equal(db_int(db, "SELECT count(*) FROM articles a WHERE a.title LIKE 'Crash "
                                    "test%' AND (a.body_html = '' OR (SELECT count(*) FROM "
                                    "article_tags t WHERE t.article_id = a.id) != 2 OR NOT EXISTS "
                                    "(SELECT 1 FROM revisions r WHERE r.article_id = a.id AND "
                                    "r.version = a.version))"),
                         0);
        sqlite3_close(db);
}

static void
acknowledged_writes_survive_sigkill(void **state)
{
        (void)state;
        srand((unsigned)time(NULL));
        for (size_t cycle = 0; cycle < CYCLES; cycle++) {
                gz_test_server_start(&server, site_dir, NULL);
                atomic_store(&stop_writing, false);
                pthread_t threads[WRITERS];
                for (int i = 0; i < WRITERS; i++)
                        pthread_create(&threads[i], NULL, writer, (void *)(intptr_t)i);
                /* Sign-in takes a moment; then kill at a random point of the writes. */
                usleep((useconds_t)(300000 + rand() % 700000));
                kill(server.pid, SIGKILL);
                waitpid(server.pid, NULL, 0);
                server.pid = 0;
                atomic_store(&stop_writing, true);
                for (int i = 0; i < WRITERS; i++)
                        pthread_join(threads[i], NULL);
                check_database(cycle);
        }
        print_message("# %d SIGKILL cycles, %zu acknowledged publishes, none lost\n", CYCLES,
                      acked_count);
        assert_true(acked_count > CYCLES); /* the test did write */
        /* And the site still starts and serves them. */
        gz_test_server_start(&server, site_dir, NULL);
        struct gz_test_resp r;
        assert_int_equal(gz_test_get(&server, "/tag/crash/", &r), 0);
        assert_int_equal(r.status, 200);
        gz_test_resp_free(&r);
        assert_int_equal(gz_test_server_stop(&server), 0);
}

static int
setup(void **state)
{
        (void)state;
        gz_test_demo_site(site_dir, sizeof(site_dir));
        for (int i = 0; i < WRITERS; i++) {
                char email[64];
                snprintf(email, sizeof(email), "writer%d@example.org", i);
                gz_test_add_user(site_dir, email, "editor", PASSWORD);
        }
        return 0;
}

static int
teardown(void **state)
{
        (void)state;
        gz_test_rmtree(site_dir);
        for (size_t i = 0; i < acked_count; i++)
                free(acked[i]);
        free(acked);
        return 0;
}

int
main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(acknowledged_writes_survive_sigkill),
        };
        return cmocka_run_group_tests_name("crash", tests, setup, teardown);
}
