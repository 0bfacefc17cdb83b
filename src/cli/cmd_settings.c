/* gazette settings: shows or changes the site's settings. */
#include <stdio.h>
#include <string.h>

#include "../content/content.h"
#include "cli.h"

int
gz_cmd_settings(int argc, char **argv)
{
        if (argc > 4)
                return gz_cli_fail("settings", "usage: gazette settings [DIR] [KEY [VALUE]]");
        /* DIR is optional: a first argument that is a key means ./site. */
        int first = 1;
        const char *dir = "site";
        bool first_is_key = false;
        for (size_t i = 0; argc > 1 && gz_setting_keys[i]; i++)
                first_is_key |= strcmp(argv[1], gz_setting_keys[i]) == 0;
        if (argc > 1 && !first_is_key) {
                dir = argv[1];
                first = 2;
        }
        const char *key = argc > first ? argv[first] : NULL;
        const char *value = argc > first + 1 ? argv[first + 1] : NULL;
        struct gz_store *store;
        if (gz_cli_open_store("settings", dir, &store) != 0)
                return 1;
        int rc = 0;
        struct gz_arena *a = gz_arena_new(4096);
        if (value != NULL) {
                struct gz_error err;
                if (gz_settings_set(store, key, value, &err) != GZ_OK)
                        rc = gz_cli_fail("settings", "%s", err.msg);
        } else {
                bool found = key == NULL;
                for (size_t i = 0; gz_setting_keys[i]; i++) {
                        if (key != NULL && strcmp(key, gz_setting_keys[i]) != 0)
                                continue;
                        found = true;
                        const char *v = gz_store_setting_get(store, a, gz_setting_keys[i]);
                        if (key != NULL)
                                printf("%s\n", v ? v : "");
                        else
                                printf("%-14s %s\n", gz_setting_keys[i], v ? v : "(default)");
                }
                if (!found)
                        rc = gz_cli_fail("settings", "unknown setting \"%s\"", key);
        }
        gz_arena_free(a);
        gz_store_close(store);
        return rc;
}
