/* gazette init: creates a site folder with its database, optionally filled
 * with the demo newsroom. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../content/content.h"
#include "../render/render.h"
#include "cli.h"

static const struct {
        const char *code, *name, *locale;
} known_languages[] = {
    {"en", "English", "en"}, {"fa", "فارسی", "fa"},    {"ar", "العربية", "ar"},
    {"de", "Deutsch", "de"}, {"fr", "Français", "fr"}, {"es", "Español", "es"},
    {"tr", "Türkçe", "tr"},  {"ku", "Kurdî", "ku"},    {"ur", "اردو", "ur"},
};

static enum gz_err
add_language(struct gz_store *store, const char *code, bool is_default, int position,
             struct gz_error *err)
{
        struct gz_language lang = {.code = code,
                                   .name = code,
                                   .locale = code,
                                   .position = position,
                                   .is_default = is_default};
        for (size_t i = 0; i < GZ_ARRAY_LEN(known_languages); i++) {
                if (strcmp(known_languages[i].code, code) == 0) {
                        lang.name = known_languages[i].name;
                        lang.locale = known_languages[i].locale;
                }
        }
        return gz_store_language_save(store, &lang, err);
}

int
gz_cmd_init(int argc, char **argv)
{
        static const struct option options[] = {
            {"demo", no_argument, NULL, 'd'},
            {"articles", required_argument, NULL, 'n'},
            {"name", required_argument, NULL, 'N'},
            {"base-url", required_argument, NULL, 'b'},
            {"timezone", required_argument, NULL, 't'},
            {"language", required_argument, NULL, 'l'},
            {NULL, 0, NULL, 0},
        };
        bool demo = false;
        long long articles = 0;
        const char *name = NULL, *base_url = NULL, *timezone = NULL, *language = "en";
        int c;
        opterr = 0;
        optind = 1;
        while ((c = getopt_long(argc, argv, ":", options, NULL)) != -1) {
                switch (c) {
                case 'd':
                        demo = true;
                        break;
                case 'n':
                        if (!gz_parse_int(optarg, 0, 10000000, &articles))
                                return gz_cli_fail("init",
                                                   "--articles: a number from 0 to 10000000, not "
                                                   "\"%s\"",
                                                   optarg);
                        break;
                case 'N':
                        name = optarg;
                        break;
                case 'b':
                        base_url = optarg;
                        break;
                case 't':
                        timezone = optarg;
                        break;
                case 'l':
                        language = optarg;
                        break;
                case ':':
                        return gz_cli_fail("init", "%s needs a value", argv[optind - 1]);
                default:
                        return gz_cli_fail("init", "unknown option %s (see gazette init --help)",
                                           argv[optind - 1]);
                }
        }
        if (argc - optind > 1)
                return gz_cli_fail("init", "one site folder at most, got \"%s\" and \"%s\"",
                                   argv[optind], argv[optind + 1]);
        if (articles > 0)
                demo = true;
        const char *dir = optind < argc ? argv[optind] : "site";
        char *db = NULL;
        if (asprintf(&db, "%s/gazette.db", dir) < 0)
                gz_oom(__FILE__, __LINE__);
        if (gz_path_exists(db)) {
                free(db);
                return gz_cli_fail("init", "%s already holds a site (gazette.db exists)", dir);
        }
        if (timezone != NULL && !gz_tz_valid(timezone)) {
                free(db);
                return gz_cli_fail("init",
                                   "--timezone: \"%s\" is not a time zone name such as "
                                   "Europe/Berlin",
                                   timezone);
        }
        struct gz_error err;
        static const char *const subdirs[] = {"", "/media", "/tmp", "/logs"};
        for (size_t i = 0; i < GZ_ARRAY_LEN(subdirs); i++) {
                char *path = NULL;
                if (asprintf(&path, "%s%s", dir, subdirs[i]) < 0)
                        gz_oom(__FILE__, __LINE__);
                enum gz_err e = gz_mkdirs(path, 0755, &err);
                free(path);
                if (e != GZ_OK) {
                        free(db);
                        return gz_cli_fail("init", "%s", err.msg);
                }
        }
        /* Built under another name and renamed when complete, so a failure
         * leaves no half-made site behind. */
        char *building = NULL;
        if (asprintf(&building, "%s.new", db) < 0)
                gz_oom(__FILE__, __LINE__);
        unlink(building);
        struct gz_store *store;
        if (gz_store_open(building, GZ_STORE_CREATE, &store, &err) != GZ_OK) {
                free(db);
                free(building);
                return gz_cli_fail("init", "%s", err.msg);
        }
        enum gz_err e = add_language(store, language, true, 0, &err);
        if (e == GZ_OK)
                e = gz_settings_set(store, "language", language, &err);
        if (e == GZ_OK && name != NULL)
                e = gz_settings_set(store, "name", name, &err);
        if (e == GZ_OK && base_url != NULL)
                e = gz_settings_set(store, "base_url", base_url, &err);
        if (e == GZ_OK && timezone != NULL)
                e = gz_settings_set(store, "timezone", timezone, &err);
        if (e == GZ_OK && demo) {
                struct gz_content content = {.store = store, .site_dir = dir};
                e = gz_demo_create(&content, (size_t)articles, isatty(2), &err);
        }
        gz_store_close(store);
        if (e == GZ_OK && rename(building, db) != 0)
                e = gz_fail(&err, GZ_EIO, "%s: %s", db, strerror(errno));
        if (e != GZ_OK) {
                unlink(building);
                free(building);
                free(db);
                return gz_cli_fail("init", "%s", err.msg);
        }
        free(building);
        free(db);
        printf("Created a %ssite in %s. Serve it with: gazette serve %s\n", demo ? "demo " : "",
               dir, dir);
        return 0;
}
