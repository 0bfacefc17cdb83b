/* The gazette command line: shared helpers of the commands. */
#ifndef GZ_CLI_H
#define GZ_CLI_H

#include "../core/core.h"
#include "../store/store.h"

struct gz_cli_command {
        const char *name;
        const char *summary;
        const char *help; /* the whole --help text */
        int (*run)(int argc, char **argv);
};

extern const struct gz_cli_command gz_cli_commands[];
extern const char *gz_cli_argv0;

/* Prints "gazette COMMAND: message" to standard error; returns 1. */
int gz_cli_fail(const char *command, const char *fmt, ...) GZ_PRINTF(2, 3);
/* True when argv has -h or --help (before "--"). */
bool gz_cli_wants_help(int argc, char **argv);
/* Opens DIR/gazette.db of an existing site, with a clear message if the
 * folder is not a site or the database is damaged. */
int gz_cli_open_store(const char *command, const char *dir, struct gz_store **out);
/* The absolute path of this program (for worker processes). */
const char *gz_cli_self(void);

int gz_cmd_init(int argc, char **argv);
int gz_cmd_serve(int argc, char **argv);
int gz_cmd_check(int argc, char **argv);
int gz_cmd_settings(int argc, char **argv);
int gz_cmd_backup(int argc, char **argv);
int gz_cmd_restore(int argc, char **argv);
int gz_cmd_export(int argc, char **argv);
int gz_cmd_user(int argc, char **argv);

#endif
