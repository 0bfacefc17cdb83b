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
     "  --login-rate N         sign-in attempts a minute per client address (default 10;\n"
     "                         0 for no limit); more get 429 with Retry-After\n"
     "  --search-rate N        searches a minute per address the cache cannot answer\n"
     "                         (default 60; 0 for no limit)\n"
     "  --live-export OUTDIR   keep OUTDIR a current static export of the site (see\n"
     "                         gazette export and docs/deploy.md): every change rewrites\n"
     "                         its files before it returns\n"
     "  --user NAME            started as root: bind the port, then run as NAME\n"
     "  --no-sandbox           no Landlock and no seccomp filter (see docs/security.md)\n"
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
    {"user", "manage editors' accounts",
     "Usage: gazette user SUBCOMMAND [DIR] [OPTIONS]\n"
     "\n"
     "  add --email E --name N --role R   create an account; the password is read from\n"
     "                                    standard input (or asked twice on a terminal)\n"
     "  list                              list accounts\n"
     "  set-role --email E --role R       change a role\n"
     "  disable --email E                 lock an account out (ends its sessions)\n"
     "  enable --email E                  let it back in\n"
     "  reset-2fa --email E               remove its two-factor sign-in (ends its sessions)\n"
     "  password --email E                set a new password (read as for add)\n"
     "\n"
     "Roles: contributor, author, editor, admin. Passwords have 12 characters or more.\n"
     "DIR defaults to ./site.\n",
     gz_cmd_user},
    {"export", "write the public site as static files",
     "Usage: gazette export [DIR] OUTDIR [OPTIONS]\n"
     "\n"
     "Writes every public address of the site in DIR (default ./site) into OUTDIR as\n"
     "files, with the bytes the server sends: ADDRESS/index.html for pages\n"
     "(/news/?page=2 becomes news/page/2/index.html), feeds, sitemaps, robots.txt,\n"
     "theme assets and media files, each text file with a .gz (zlib level 9) and a .br\n"
     "(brotli quality 11) beside it. Serve OUTDIR with docs/nginx/gazette-static.conf,\n"
     "or copy it to a CDN or mirror.\n"
     "\n"
     "Run again, it rewrites only the files whose content changed and removes those\n"
     "whose address no longer exists (OUTDIR/.gazette-export remembers them). Every page\n"
     "shows today's date: run it from cron just after midnight in the site's time zone\n"
     "(or use gazette serve --live-export, which does that itself).\n"
     "\n"
     "Options:\n"
     "  --fast           gzip level 6 and brotli quality 5 (as the server's cache):\n"
     "                   about 20 times faster, files 5-15% larger\n"
     "  --no-compress    write no .gz or .br files\n"
     "  --threads N      pages rendered at once (default: the number of cores)\n"
     "  --quiet          no progress bar and no summary\n"
     "  -h, --help       this help\n",
     gz_cmd_export},
    {"backup", "write a consistent backup of a site while it serves",
     "Usage: gazette backup [DIR] FILE [--quiet]\n"
     "\n"
     "Writes a backup of the site in DIR (default ./site) to FILE while the site serves\n"
     "and editors publish: a consistent snapshot of the database (SQLite's backup API),\n"
     "then media/, theme/ and the site's other files, in one gzip-compressed tar file\n"
     "that ends with SHA256SUMS. logs/, tmp/ and hidden files are left out. FILE is\n"
     "written as FILE.partial and renamed when complete; '-' writes to standard output.\n"
     "The backup holds the accounts' password hashes and second-factor secrets: it is\n"
     "created readable by its owner only; keep copies encrypted. See docs/backup.md.\n"
     "\n"
     "Options:\n"
     "  --quiet       no summary\n"
     "  -h, --help    this help\n",
     gz_cmd_backup},
    {"restore", "restore a backup into a new site folder",
     "Usage: gazette restore FILE DIR [--quiet]\n"
     "\n"
     "Restores a backup made by gazette backup into DIR, which must not exist (or be an\n"
     "empty folder): a restore never overwrites a site. Every file is checked against\n"
     "the backup's SHA256SUMS and the database's integrity before DIR appears, so a\n"
     "damaged or truncated backup writes nothing. '-' reads the backup from standard\n"
     "input. See docs/backup.md.\n"
     "\n"
     "Options:\n"
     "  --quiet       no summary\n"
     "  -h, --help    this help\n",
     gz_cmd_restore},
    {NULL, NULL, NULL, NULL},
};
