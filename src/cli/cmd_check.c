/* gazette check: verifies a site's database. */
#include <stdio.h>

#include "cli.h"

int
gz_cmd_check(int argc, char **argv)
{
        if (argc > 2)
                return gz_cli_fail("check", "one site folder at most");
        const char *dir = argc > 1 ? argv[1] : "site";
        struct gz_store *store;
        if (gz_cli_open_store("check", dir, &store) != 0)
                return 1;
        struct gz_arena *a = gz_arena_new(4096);
        const char *result = "";
        struct gz_error err;
        int rc = 0;
        if (gz_store_check(store, a, &result, &err) != GZ_OK)
                rc = gz_cli_fail("check", "%s", err.msg);
        else if (*result != 'o')
                rc = gz_cli_fail("check", "the database is damaged: %s", result);
        else
                printf("%s: ok (schema version %d)\n", dir, gz_store_schema_version(store));
        gz_arena_free(a);
        gz_store_close(store);
        return rc;
}
