/* gazette export: writes the public site as files. */
#include <getopt.h>
#include <stdio.h>
#include <unistd.h>

#include "../export/export.h"
#include "cli.h"

int
gz_cmd_export(int argc, char **argv)
{
        static const struct option options[] = {
            {"fast", no_argument, NULL, 'f'},
            {"no-compress", no_argument, NULL, 'n'},
            {"threads", required_argument, NULL, 't'},
            {"quiet", no_argument, NULL, 'q'},
            {NULL, 0, NULL, 0},
        };
        struct gz_export_options opt = {.brotli_quality = -1};
        bool quiet = false;
        long long n;
        int c;
        opterr = 0;
        optind = 1;
        while ((c = getopt_long(argc, argv, ":", options, NULL)) != -1) {
                switch (c) {
                case 'f':
                        opt.gzip_level = 6;
                        opt.brotli_quality = 5;
                        break;
                case 'n':
                        opt.no_compress = true;
                        break;
                case 't':
                        if (!gz_parse_int(optarg, 1, 256, &n))
                                return gz_cli_fail("export", "--threads: a number from 1 to 256");
                        opt.threads = (unsigned)n;
                        break;
                case 'q':
                        quiet = true;
                        break;
                case ':':
                        return gz_cli_fail("export", "%s needs a value", argv[optind - 1]);
                default:
                        return gz_cli_fail("export",
                                           "unknown option %s (see gazette export --help)",
                                           argv[optind - 1]);
                }
        }
        int rest = argc - optind;
        if (rest < 1 || rest > 2)
                return gz_cli_fail("export", "expected [DIR] OUTDIR (see gazette export --help)");
        const char *dir = rest == 2 ? argv[optind] : "site";
        opt.outdir = argv[argc - 1];
        opt.progress = !quiet && isatty(2);

        struct gz_store *store;
        if (gz_cli_open_store("export", dir, &store) != 0)
                return 1;
        struct gz_site *site;
        struct gz_error err;
        struct gz_site_options so = {.dir = dir, .store = store};
        if (gz_site_open(&so, &site, &err) != GZ_OK) {
                gz_store_close(store);
                return gz_cli_fail("export", "%s", err.msg);
        }
        struct gz_export_stats st;
        enum gz_err e = gz_export_run(site, &opt, &st, &err);
        gz_site_close(site);
        gz_store_close(store);
        if (e != GZ_OK)
                return gz_cli_fail("export", "%s", err.msg);
        if (!quiet)
                printf("Exported %zu addresses to %s in %.1f s: %zu written, %zu unchanged, "
                       "%zu removed, %zu not answering 200 (skipped); %.1f MB written\n",
                       st.exported, opt.outdir, (double)st.elapsed_ms / 1000.0, st.written,
                       st.unchanged, st.removed, st.skipped, (double)st.bytes / 1e6);
        return 0;
}
