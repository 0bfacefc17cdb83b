/* Helpers shared by the commands. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

int
gz_cli_fail(const char *command, const char *fmt, ...)
{
        char line[1024];
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(line, sizeof(line), fmt, ap);
        va_end(ap);
        fprintf(stderr, "gazette %s: %s\n", command, line);
        return 1;
}

bool
gz_cli_wants_help(int argc, char **argv)
{
        for (int i = 1; i < argc; i++) {
                if (strcmp(argv[i], "--") == 0)
                        return false;
                if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0)
                        return true;
        }
        return false;
}

int
gz_cli_open_store(const char *command, const char *dir, struct gz_store **out)
{
        if (!gz_is_dir(dir))
                return gz_cli_fail(command, "no site in %s (create one with: gazette init %s)", dir,
                                   dir);
        char *db = NULL;
        if (asprintf(&db, "%s/gazette.db", dir) < 0)
                gz_oom(__FILE__, __LINE__);
        if (!gz_path_exists(db)) {
                free(db);
                return gz_cli_fail(command,
                                   "%s is not a Gazette site: it has no gazette.db (create one "
                                   "with: gazette init %s)",
                                   dir, dir);
        }
        struct gz_error err;
        enum gz_err e = gz_store_open(db, 0, out, &err);
        free(db);
        if (e != GZ_OK)
                return gz_cli_fail(command, "%s", err.msg);
        return 0;
}

const char *
gz_cli_self(void)
{
        static char path[PATH_MAX];
        if (path[0] == '\0') {
                ssize_t n = readlink("/proc/self/exe", path, sizeof(path) - 1);
                if (n <= 0)
                        snprintf(path, sizeof(path), "%s", gz_cli_argv0);
                else
                        path[n] = '\0';
        }
        return path;
}
