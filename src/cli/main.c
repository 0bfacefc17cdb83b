/* gazette: one program for a newsroom's site. Dispatches to a command. */
#include <stdio.h>
#include <string.h>

#include "../media/media.h"
#include "cli.h"

const char *gz_cli_argv0 = "gazette";

static const char usage[] = "Gazette: a newsroom publishing system.\n"
                            "\n"
                            "Usage: gazette COMMAND [DIR] [OPTIONS]\n"
                            "\n"
                            "Commands:\n";

static const char epilog[] = "\n"
                             "DIR is the site folder and defaults to ./site.\n"
                             "Run 'gazette COMMAND --help' for a command's options.\n";

static void
print_usage(FILE *out)
{
        fputs(usage, out);
        for (size_t i = 0; gz_cli_commands[i].name != NULL; i++)
                if (gz_cli_commands[i].summary != NULL)
                        fprintf(out, "  %-10s %s\n", gz_cli_commands[i].name,
                                gz_cli_commands[i].summary);
        fputs(epilog, out);
}

int
main(int argc, char **argv)
{
        if (argc < 2) {
                print_usage(stderr);
                return 2;
        }
        if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
            strcmp(argv[1], "help") == 0) {
                print_usage(stdout);
                return 0;
        }
        /* The sandboxed image decoder runs as this program, started by itself. */
        if (strcmp(argv[1], "__media-worker") == 0)
                return gz_media_worker_main(argc, argv);
        if (strcmp(argv[1], "--version") == 0) {
                puts("gazette 0.1");
                return 0;
        }
        for (size_t i = 0; gz_cli_commands[i].name != NULL; i++) {
                const struct gz_cli_command *c = &gz_cli_commands[i];
                if (strcmp(argv[1], c->name) != 0)
                        continue;
                if (c->help != NULL && gz_cli_wants_help(argc - 1, argv + 1)) {
                        fputs(c->help, stdout);
                        return 0;
                }
                return c->run(argc - 1, argv + 1);
        }
        fprintf(stderr, "gazette: unknown command \"%s\" (see gazette --help)\n", argv[1]);
        return 2;
}
