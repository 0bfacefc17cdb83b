/* The commands and their --help texts (docs/cli.md says the same). */
#include "cli.h"

const struct gz_cli_command gz_cli_commands[] = {
    {"init", "create a site (with --demo: the demo newsroom)",
     "Usage: gazette init [DIR] [OPTIONS]\n"
     "\n"
     "Creates a site in DIR (default ./site): its database, media and log folders.\n"
     "\n"
     "Options:\n"
     "  --demo             fill it with the demo newsroom (sections, authors, articles,\n"
     "                     statements, pictures)\n"
     "  --articles N       add N generated articles of 600-1000 words (implies --demo)\n"
     "  --name NAME        the site's name\n"
     "  --base-url URL     the public address, such as https://news.example.org\n"
     "  --timezone ZONE    the newsroom's time zone, such as Europe/Berlin (default UTC)\n"
     "  --language CODE    the default language (default en)\n"
     "  -h, --help         this help\n",
     gz_cmd_init},
    {"serve", "serve a site over HTTP",
     "Usage: gazette serve [DIR] [OPTIONS]\n"
     "\n"
     "Serves the site in DIR (default ./site) until interrupted (SIGINT or SIGTERM).\n"
     "\n"
     "Options:\n"
     "  --listen ADDR:PORT     where to listen (default 127.0.0.1:8080; port 0 picks one)\n"
     "  --threads N            worker threads (default: the number of cores)\n"
     "  --access-log FILE      combined log format; '-' for standard output, 'off' for none\n"
     "                         (default DIR/logs/access.log)\n"
     "  --cache-size MB        memory for rendered pages (default 64; 0 turns the cache off)\n"
     "  --trusted-proxy ADDRS  comma-separated proxy addresses whose X-Forwarded-For is\n"
     "                         believed (for example 127.0.0.1 behind nginx)\n"
     "  --per-ip-limit N       concurrent connections per client address (default 512;\n"
     "                         0 for no limit)\n"
     "  --head-timeout S       seconds a client has to send a whole request head\n"
     "                         (default 20)\n"
     "  --idle-timeout S       seconds an idle connection is kept (default 30)\n"
     "  -h, --help             this help\n",
     gz_cmd_serve},
    {"check", "verify a site's database",
     "Usage: gazette check [DIR]\n"
     "\n"
     "Runs SQLite's integrity check on DIR/gazette.db and prints ok or the problem.\n",
     gz_cmd_check},
    {"settings", "show or change the site's settings",
     "Usage: gazette settings [DIR] [KEY [VALUE]]\n"
     "\n"
     "Without KEY, lists every setting; with KEY, prints its value; with VALUE, sets it.\n"
     "Keys: name, tagline, description, base_url, timezone, language, per_page, robots,\n"
     "copyright, require_2fa, logo_media_id.\n"
     "A running server picks up a change made here when it restarts.\n",
     gz_cmd_settings},
    {NULL, NULL, NULL, NULL},
};
