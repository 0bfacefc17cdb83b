/* gazette user: accounts from the command line (the first admin is made
 * here). Passwords come from standard input, or a prompt on a terminal. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "../auth/auth.h"
#include "../content/content.h"
#include "cli.h"

static const char *const subcommands[] = {"add",    "list",      "set-role", "disable",
                                          "enable", "reset-2fa", "password", NULL};

/* Reads a password without echo on a terminal (asked twice), or one line
 * of standard input. */
static bool
read_password(char *out, size_t size, bool confirm)
{
        bool tty = isatty(STDIN_FILENO);
        struct termios saved, quiet;
        for (int round = 0; round < (tty && confirm ? 2 : 1); round++) {
                char *target = round == 0 ? out : gz_xmalloc(size);
                if (tty) {
                        fprintf(stderr, round == 0 ? "Password: " : "Again: ");
                        tcgetattr(STDIN_FILENO, &saved);
                        quiet = saved;
                        quiet.c_lflag &= (tcflag_t)~ECHO;
                        tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
                }
                bool got = fgets(target, (int)size, stdin) != NULL;
                if (tty) {
                        tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
                        fputc('\n', stderr);
                }
                if (!got) {
                        if (round)
                                free(target);
                        return false;
                }
                target[strcspn(target, "\r\n")] = '\0';
                if (round == 1) {
                        bool same = strcmp(out, target) == 0;
                        gz_secure_zero(target, size);
                        free(target);
                        if (!same) {
                                fprintf(stderr, "gazette user: the passwords differ\n");
                                return false;
                        }
                }
        }
        return true;
}

static int
list(struct gz_store *store)
{
        struct gz_arena *a = gz_arena_new(4096);
        struct gz_user *users;
        size_t n;
        struct gz_error err;
        if (gz_store_users(store, a, &users, &n, &err) != GZ_OK) {
                gz_arena_free(a);
                return gz_cli_fail("user", "%s", err.msg);
        }
        printf("%-32s %-12s %-4s %-9s %s\n", "EMAIL", "ROLE", "2FA", "STATE", "NAME");
        for (size_t i = 0; i < n; i++)
                printf("%-32s %-12s %-4s %-9s %s\n", users[i].email, gz_role_names[users[i].role],
                       users[i].totp_enabled ? "yes" : "no",
                       users[i].disabled ? "disabled" : "active", users[i].name);
        gz_arena_free(a);
        return 0;
}

int
gz_cmd_user(int argc, char **argv)
{
        if (argc < 2)
                return gz_cli_fail("user", "which? add, list, set-role, disable, enable, "
                                           "reset-2fa or password (see gazette user --help)");
        const char *sub = argv[1];
        bool known = false;
        for (size_t i = 0; subcommands[i]; i++)
                known |= strcmp(subcommands[i], sub) == 0;
        if (!known)
                return gz_cli_fail("user", "unknown subcommand \"%s\" (see gazette user --help)",
                                   sub);
        static const struct option options[] = {
            {"email", required_argument, NULL, 'e'},
            {"name", required_argument, NULL, 'n'},
            {"role", required_argument, NULL, 'r'},
            {NULL, 0, NULL, 0},
        };
        const char *email = NULL, *name = NULL, *role = NULL;
        int c;
        opterr = 0;
        optind = 2;
        while ((c = getopt_long(argc, argv, ":", options, NULL)) != -1) {
                switch (c) {
                case 'e':
                        email = optarg;
                        break;
                case 'n':
                        name = optarg;
                        break;
                case 'r':
                        role = optarg;
                        break;
                case ':':
                        return gz_cli_fail("user", "%s needs a value", argv[optind - 1]);
                default:
                        return gz_cli_fail("user", "unknown option %s (see gazette user --help)",
                                           argv[optind - 1]);
                }
        }
        if (argc - optind > 1)
                return gz_cli_fail("user", "one site folder at most");
        const char *dir = optind < argc ? argv[optind] : "site";
        bool needs_email = strcmp(sub, "list") != 0;
        if (needs_email && email == NULL)
                return gz_cli_fail("user", "%s needs --email", sub);
        if (strcmp(sub, "add") == 0 && (name == NULL || role == NULL))
                return gz_cli_fail("user", "add needs --email, --name and --role");
        if (strcmp(sub, "set-role") == 0 && role == NULL)
                return gz_cli_fail("user", "set-role needs --role");

        struct gz_store *store;
        if (gz_cli_open_store("user", dir, &store) != 0)
                return 1;
        struct gz_content content = {.store = store, .site_dir = dir};
        struct gz_error err;
        enum gz_err e = GZ_OK;
        int rc = 0;
        char password[GZ_PASSWORD_MAX_BYTES + 2];
        if (strcmp(sub, "list") == 0) {
                rc = list(store);
        } else if (strcmp(sub, "add") == 0 || strcmp(sub, "password") == 0) {
                if (!read_password(password, sizeof(password), true)) {
                        gz_store_close(store);
                        return gz_cli_fail("user", "no password given on standard input");
                }
                if (strcmp(sub, "add") == 0) {
                        int64_t id;
                        e = gz_user_create(&content, email, name, role, password, 0, NULL, &id,
                                           &err);
                        if (e == GZ_OK)
                                printf("Added %s (%s) as %s.\n", email, name, role);
                } else {
                        struct gz_user_change ch = {.password = password};
                        e = gz_user_change(&content, email, 0, &ch, 0, NULL, &err);
                        if (e == GZ_OK)
                                printf("Changed the password of %s; its sessions are ended.\n",
                                       email);
                }
                gz_secure_zero(password, sizeof(password));
        } else {
                struct gz_user_change ch = {0};
                if (strcmp(sub, "set-role") == 0)
                        ch.role = role;
                else if (strcmp(sub, "disable") == 0)
                        ch.set_disabled = ch.disabled = true;
                else if (strcmp(sub, "enable") == 0)
                        ch.set_disabled = true;
                else
                        ch.reset_2fa = true;
                e = gz_user_change(&content, email, 0, &ch, 0, NULL, &err);
                if (e == GZ_OK)
                        printf("Done: %s %s.\n", sub, email);
        }
        if (e != GZ_OK)
                rc = gz_cli_fail("user", "%s", err.msg);
        gz_store_close(store);
        return rc;
}
