/* gazette serve: runs the site until SIGINT or SIGTERM. */
#include <getopt.h>
#include <signal.h>
#include <unistd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../app/app.h"
#include "../app/sandbox.h"
#include "cli.h"

int
gz_cmd_serve(int argc, char **argv)
{
        static const struct option options[] = {
            {"listen", required_argument, NULL, 'l'},
            {"threads", required_argument, NULL, 't'},
            {"access-log", required_argument, NULL, 'a'},
            {"cache-size", required_argument, NULL, 'c'},
            {"trusted-proxy", required_argument, NULL, 'p'},
            {"per-ip-limit", required_argument, NULL, 'i'},
            {"head-timeout", required_argument, NULL, 'H'},
            {"idle-timeout", required_argument, NULL, 'I'},
            {"user", required_argument, NULL, 'u'},
            {"no-sandbox", no_argument, NULL, 'S'},
            {"login-rate", required_argument, NULL, 'L'},
            {"search-rate", required_argument, NULL, 'R'},
            {"live-export", required_argument, NULL, 'E'},
            {NULL, 0, NULL, 0},
        };
        struct gz_app_options opt = {.listen = "127.0.0.1:8080",
                                     .listen_fd = -1,
                                     .cache_bytes = 64 * 1024 * 1024,
                                     .login_rate = 10,
                                     .search_rate = 60};
        long long n;
        int c;
        const char *access_log = NULL;
        const char *user = NULL;
        bool sandbox = true;
        opterr = 0;
        optind = 1;
        while ((c = getopt_long(argc, argv, ":", options, NULL)) != -1) {
                switch (c) {
                case 'l':
                        opt.listen = optarg;
                        break;
                case 't':
                        if (!gz_parse_int(optarg, 1, 256, &n))
                                return gz_cli_fail("serve", "--threads: a number from 1 to 256");
                        opt.threads = (unsigned)n;
                        break;
                case 'a':
                        access_log = optarg;
                        break;
                case 'c':
                        if (!gz_parse_int(optarg, 0, 1024 * 1024, &n))
                                return gz_cli_fail("serve", "--cache-size: megabytes, 0 or more");
                        opt.cache_bytes = (size_t)n * 1024 * 1024;
                        break;
                case 'p':
                        opt.trusted_proxies = optarg;
                        break;
                case 'i':
                        if (!gz_parse_int(optarg, 0, 1000000, &n))
                                return gz_cli_fail("serve", "--per-ip-limit: a number, 0 for none");
                        opt.per_ip_limit = n ? (unsigned)n : 1000000;
                        break;
                case 'H':
                        if (!gz_parse_int(optarg, 1, 3600, &n))
                                return gz_cli_fail("serve", "--head-timeout: seconds, 1 to 3600");
                        opt.head_timeout_s = (unsigned)n;
                        break;
                case 'I':
                        if (!gz_parse_int(optarg, 1, 3600, &n))
                                return gz_cli_fail("serve", "--idle-timeout: seconds, 1 to 3600");
                        opt.idle_timeout_s = (unsigned)n;
                        break;
                case 'u':
                        user = optarg;
                        break;
                case 'L':
                        if (!gz_parse_int(optarg, 0, 60000, &n))
                                return gz_cli_fail("serve", "--login-rate: a number a minute");
                        opt.login_rate = (unsigned)n;
                        break;
                case 'R':
                        if (!gz_parse_int(optarg, 0, 60000, &n))
                                return gz_cli_fail("serve", "--search-rate: a number a minute");
                        opt.search_rate = (unsigned)n;
                        break;
                case 'S':
                        sandbox = false;
                        break;
                case 'E':
                        opt.live_export = optarg;
                        break;
                case ':':
                        return gz_cli_fail("serve", "%s needs a value", argv[optind - 1]);
                default:
                        return gz_cli_fail("serve", "unknown option %s (see gazette serve --help)",
                                           argv[optind - 1]);
                }
        }
        if (argc - optind > 1)
                return gz_cli_fail("serve", "one site folder at most");
        opt.dir = optind < argc ? argv[optind] : "site";
        opt.worker_exe = gz_cli_self();
        char addr[128];
        int port;
        if (!gz_app_parse_listen(opt.listen, addr, sizeof(addr), &port))
                return gz_cli_fail("serve",
                                   "--listen: expected ADDRESS:PORT such as 127.0.0.1:8080, not "
                                   "\"%s\"",
                                   opt.listen);
        /* The port first: as root for a port below 1024, and before the
         * sandbox, which allows no new TCP socket to bind. Then root is given
         * up before any file is opened, so what the server creates is the
         * user's. */
        struct gz_error err;
        opt.listen_fd = gz_http_listen(addr, port, &err);
        if (opt.listen_fd < 0)
                return gz_cli_fail("serve", "%s", err.msg);
        if (user != NULL && gz_sandbox_drop_user(user, &err) != GZ_OK) {
                close(opt.listen_fd);
                return gz_cli_fail("serve", "%s", err.msg);
        }
        struct gz_store *probe;
        if (gz_cli_open_store("serve", opt.dir, &probe) != 0) {
                close(opt.listen_fd);
                return 1;
        }
        gz_store_close(probe);
        /* The export folder exists before the sandbox names it. */
        if (opt.live_export != NULL && gz_mkdirs(opt.live_export, 0755, &err) != GZ_OK) {
                close(opt.listen_fd);
                return gz_cli_fail("serve", "--live-export: %s", err.msg);
        }
        char *log_path = NULL;
        if (access_log == NULL) {
                if (asprintf(&log_path, "%s/logs/access.log", opt.dir) < 0)
                        gz_oom(__FILE__, __LINE__);
                opt.access_log = log_path;
        } else {
                opt.access_log = access_log;
        }

        /* Signals are taken by this thread only, with sigwait below. */
        sigset_t stop;
        sigemptyset(&stop);
        sigaddset(&stop, SIGINT);
        sigaddset(&stop, SIGTERM);
        pthread_sigmask(SIG_BLOCK, &stop, NULL);
        signal(SIGPIPE, SIG_IGN);

        /* Landlock before any thread starts (it binds the caller and what
         * it starts later), seccomp once the server runs (every thread). */
        if (sandbox) {
                bool to_file =
                    strcmp(opt.access_log, "-") != 0 && strcmp(opt.access_log, "off") != 0;
                const char *const logs[] = {to_file ? opt.access_log : NULL, NULL};
                const char *const dirs[] = {opt.live_export, NULL};
                struct gz_sandbox_paths paths = {.site_dir = opt.dir,
                                                 .exe = opt.worker_exe,
                                                 .write_files = logs,
                                                 .write_dirs = dirs};
                bool landlocked = false;
                if (gz_sandbox_landlock(&paths, &landlocked, &err) != GZ_OK) {
                        free(log_path);
                        return gz_cli_fail("serve", "%s (or run with --no-sandbox)", err.msg);
                }
                if (!landlocked)
                        gz_warn("this kernel has no Landlock: files are not confined to %s",
                                opt.dir);
        }
        struct gz_app *app;
        if (gz_app_start(&opt, &app, &err) != GZ_OK) {
                free(log_path);
                return gz_cli_fail("serve", "%s", err.msg);
        }
        if (sandbox && gz_sandbox_seccomp(&err) != GZ_OK) {
                gz_app_stop(app);
                free(log_path);
                return gz_cli_fail("serve", "%s (or run with --no-sandbox)", err.msg);
        }
        bool v6 = strchr(addr, ':') != NULL;
        printf("Gazette is serving %s at http://%s%s%s:%d/ (Ctrl-C stops it)\n", opt.dir,
               v6 ? "[" : "", addr, v6 ? "]" : "", gz_app_port(app));
        fflush(stdout);
        int sig = 0;
        sigwait(&stop, &sig);
        gz_info("stopping (signal %d)", sig);
        gz_app_stop(app);
        free(log_path);
        return 0;
}
