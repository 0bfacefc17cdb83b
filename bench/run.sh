#!/usr/bin/env bash
# make bench: Gazette against its peers, in one run, on loopback, with wrk.
#   - Gazette (cache on) vs nginx serving `gazette export` of the same site (same bytes,
#     gzip_static): article, home, section, search; plain and gzip; 64 and 256 connections
#   - uncached article renders (Gazette with --cache-size 0) vs nginx on the same files
#   - publish-to-visible through the live exporter and nginx
#   - resident memory after warm-up, start-up time, database size
#   - export time vs Hugo building the same articles (bench/hugo/)
#   - WordPress (bench/wordpress.sh) when it answers on 127.0.0.1:8081
# Results: bench/results/YYYY-MM-DD.md. Never part of `make test`.
# Env: GZ_BIN (build/gazette), BENCH_ARTICLES (10000), BENCH_DURATION (10s), BENCH_WORK (/var/tmp/gazette-bench),
#      BENCH_FULL_EXPORT=1 also times the default export (gzip 9 + brotli 11: slow),
#      BENCH_PUBLISH_TRIALS (5)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
N=${BENCH_ARTICLES:-10000}
DUR=${BENCH_DURATION:-10s}
WORK=${BENCH_WORK:-/var/tmp/gazette-bench}
TRIALS=${BENCH_PUBLISH_TRIALS:-5}
GZ="${GZ_BIN:-$root/build/gazette}"
GZ_PORT=18480
NGX_PORT=18481
LIVE_PORT=18482
mkdir -p "$WORK" "$WORK/nginx-tmp" bench/results
raw="$WORK/raw.txt"
: >"$raw"
results="bench/results/$(date +%Y-%m-%d).md"
pids=()
cleanup() {
        for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
        for f in "$WORK/nginx.pid" "$WORK/nginx-live.pid"; do
                [ -f "$f" ] && kill "$(cat "$f")" 2>/dev/null || true
        done
}
trap cleanup EXIT
log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

# ---- what the bench needs -----------------------------------------------------------
need_pkgs=""
command -v wrk >/dev/null || need_pkgs="$need_pkgs wrk"
[ -x /usr/sbin/nginx ] || need_pkgs="$need_pkgs nginx-light"
command -v hugo >/dev/null || need_pkgs="$need_pkgs hugo"
command -v sqlite3 >/dev/null || need_pkgs="$need_pkgs sqlite3"
command -v curl >/dev/null || need_pkgs="$need_pkgs curl"
if [ -n "$need_pkgs" ]; then
        if [ "$(id -u)" -eq 0 ]; then
                DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $need_pkgs
        else
                echo "bench: missing packages; run: sudo apt-get install$need_pkgs" >&2
                exit 1
        fi
fi
brotli_mod=/usr/lib/nginx/modules/ngx_http_brotli_static_module.so
if [ ! -f "$brotli_mod" ] && [ "$(id -u)" -eq 0 ]; then
        DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
                libnginx-mod-http-brotli-static >/dev/null 2>&1 || true
fi

# ---- the site -------------------------------------------------------------------------
site="$WORK/site-$N"
if [ ! -f "$site/gazette.db" ] || [ ! -f "$site/.init-seconds" ]; then
        rm -rf "$site"
        log "generating $N articles (gazette init --articles $N)"
        t0=$(date +%s.%N)
        "$GZ" init "$site" --articles "$N" >/dev/null
        echo "$(date +%s.%N) - $t0" | bc >"$site/.init-seconds"
fi
init_s=$(cat "$site/.init-seconds")
db_bytes=$(stat -c %s "$site/gazette.db")
sqlite3 "$site/gazette.db" "SELECT strftime('/%Y/%m/', published_at, 'unixepoch') || slug || '/'
        FROM articles WHERE status = 'published' AND kind != 'page' AND lang = 'en'
        ORDER BY random()" >"$WORK/articles.txt"
article=$(sqlite3 "$site/gazette.db" "SELECT strftime('/%Y/%m/', published_at, 'unixepoch') ||
        slug || '/' FROM articles WHERE status = 'published' AND kind = 'news'
        AND featured_media_id IS NOT NULL ORDER BY published_at DESC LIMIT 1")
section=/news/
search="/search?q=harbour"

# ---- Gazette: start-up, warm-up -------------------------------------------------------
start_gazette() { # extra args...
        local t0
        t0=$(date +%s%N)
        "$GZ" serve "${serve_site:-$site}" --listen "127.0.0.1:$GZ_PORT" --access-log off "$@" \
                >"$WORK/gazette.log" 2>&1 &
        gz_pid=$!
        pids+=("$gz_pid")
        until curl -sf -o /dev/null "http://127.0.0.1:$GZ_PORT/healthz"; do
                kill -0 "$gz_pid" 2>/dev/null || { cat "$WORK/gazette.log" >&2; exit 1; }
                sleep 0.005
        done
        startup_ms=$((($(date +%s%N) - t0) / 1000000))
}
stop_gazette() {
        kill "$gz_pid"
        wait "$gz_pid" 2>/dev/null || true
}

# ---- exports and nginx ------------------------------------------------------------------
log "exporting (plain, then --fast for nginx)"
rm -rf "$WORK/export-plain" "$WORK/export"
t0=$(date +%s.%N)
"$GZ" export "$site" "$WORK/export-plain" --no-compress --quiet
export_plain_s=$(echo "$(date +%s.%N) - $t0" | bc)
t0=$(date +%s.%N)
"$GZ" export "$site" "$WORK/export" --fast --quiet
export_fast_s=$(echo "$(date +%s.%N) - $t0" | bc)
t0=$(date +%s.%N)
"$GZ" export "$site" "$WORK/export" --fast --quiet
export_again_s=$(echo "$(date +%s.%N) - $t0" | bc)
export_full_s="not run (BENCH_FULL_EXPORT=1)"
if [ "${BENCH_FULL_EXPORT:-0}" = 1 ]; then
        rm -rf "$WORK/export-full"
        t0=$(date +%s.%N)
        "$GZ" export "$site" "$WORK/export-full" --quiet
        export_full_s=$(echo "$(date +%s.%N) - $t0" | bc)
fi
export_files=$(grep -c . "$WORK/export/.gazette-export")
export_files=$((export_files - 1))

nginx_conf() { # port root pidname [open_file_cache]
        local load="" br="" ofc=""
        [ "${4:-}" = cache ] && ofc="open_file_cache max=50000 inactive=60s;"
        if [ -f "$brotli_mod" ]; then
                load="load_module $brotli_mod;"
                br="brotli_static on;"
        fi
        sed -e "s|@WORK@|$WORK|g" -e "s|@ROOT@|$2|g" -e "s|@PORT@|$1|g" \
                -e "s|@LOAD_BROTLI@|$load|" -e "s|@BROTLI@|$br|" -e "s|@OPEN_FILE_CACHE@|$ofc|" \
                -e "s|$WORK/nginx.pid|$WORK/$3.pid|" bench/nginx.conf >"$WORK/$3.conf"
        /usr/sbin/nginx -c "$WORK/$3.conf" -p "$WORK"
        until curl -s -o /dev/null "http://127.0.0.1:$1/"; do sleep 0.05; done
}
nginx_conf "$NGX_PORT" "$WORK/export" nginx cache

# ---- wrk --------------------------------------------------------------------------------
# run NAME URL CONNECTIONS ENCODING [wrk args]: appends "NAME RPS P50 P99 STATUS" to raw.
run() {
        local name=$1 url=$2 conns=$3 enc=$4
        shift 4
        local hdr=()
        [ "$enc" = gzip ] && hdr=(-H "Accept-Encoding: gzip")
        local code
        code=$(curl -s -o /dev/null -w '%{http_code}' "${hdr[@]}" "$url")
        if [ "$code" != 200 ] && [ "$#" -eq 0 ]; then
                echo "$name - - - $code" >>"$raw"
                log "$name: HTTP $code, skipped"
                return
        fi
        local out
        out=$(wrk -t2 -c"$conns" -d"$DUR" --timeout 30s --latency "${hdr[@]}" "$@" "$url")
        local rps p50 p99 errors
        rps=$(echo "$out" | awk '/^Requests\/sec:/ {print $2}')
        p50=$(echo "$out" | awk '$1 == "50%" {print $2}')
        p99=$(echo "$out" | awk '$1 == "99%" {print $2}')
        errors=$(echo "$out" | awk '/Non-2xx/ {print $NF}')
        echo "$name $rps $p50 $p99 ${errors:-200}" >>"$raw"
        log "$name: $rps req/s, p50 $p50, p99 $p99"
}

log "Gazette (cache 64 MB) start-up"
start_gazette --cache-size 64
startup_cached_ms=$startup_ms
for u in "$article" / "$section" "$search"; do
        curl -s -o /dev/null "http://127.0.0.1:$GZ_PORT$u"
        curl -s -o /dev/null -H 'Accept-Encoding: gzip' "http://127.0.0.1:$GZ_PORT$u"
done
for conns in 64 256; do
        for enc in plain gzip; do
                for page in article:"$article" home:/ section:"$section" search:"$search"; do
                        name=${page%%:*}
                        path=${page#*:}
                        run "gazette_${name}_${enc}_$conns" "http://127.0.0.1:$GZ_PORT$path" "$conns" "$enc"
                        [ "$name" = search ] && continue
                        run "nginx_${name}_${enc}_$conns" "http://127.0.0.1:$NGX_PORT$path" "$conns" "$enc"
                done
        done
done
rss_kb=$(awk '/^VmRSS/ {print $2}' "/proc/$gz_pid/status")
rss_anon_kb=$(awk '/^RssAnon/ {print $2}' "/proc/$gz_pid/status")
rss_file_kb=$(awk '/^RssFile/ {print $2}' "/proc/$gz_pid/status")
# Then every article once (and again), so the 64 MB cache is full and the database has been
# read from end to end.
export WRK_PATHS="$WORK/articles.txt"
wrk -t2 -c64 -d"$DUR" -s bench/paths.lua "http://127.0.0.1:$GZ_PORT/" >/dev/null
full_rss_kb=$(awk '/^VmRSS/ {print $2}' "/proc/$gz_pid/status")
full_anon_kb=$(awk '/^RssAnon/ {print $2}' "/proc/$gz_pid/status")
full_file_kb=$(awk '/^RssFile/ {print $2}' "/proc/$gz_pid/status")
cache_line=$(curl -s "http://127.0.0.1:$GZ_PORT/healthz" | tr -d '\n' | head -c 300)
stop_gazette

log "uncached article renders"
start_gazette --cache-size 0 --search-rate 0
startup_nocache_ms=$startup_ms
export WRK_PATHS="$WORK/articles.txt"
run gazette_uncached_64 "http://127.0.0.1:$GZ_PORT/" 64 plain -s bench/paths.lua
run nginx_articles_64 "http://127.0.0.1:$NGX_PORT/" 64 plain -s bench/paths.lua
run gazette_search_uncached_64 "http://127.0.0.1:$GZ_PORT$search" 64 plain
stop_gazette

# ---- publish-to-visible -----------------------------------------------------------------
# An editor publishes through the real admin; bench/publish polls until the article and the
# home page show it: from Gazette (cache on), then, with --live-export, from nginx's files.
log "publish-to-visible (Gazette, then Gazette --live-export + nginx)"
cc -O2 -std=c17 -D_GNU_SOURCE -Itests bench/publish.c tests/lib/harness.c \
        tests/lib/admin_client.c -o "$WORK/publish" $(pkg-config --libs libcurl)
rm -rf "$WORK/site-pub" "$WORK/export-live"
cp -a "$site" "$WORK/site-pub"
cp -a "$WORK/export" "$WORK/export-live"
pub_password="bench publish password"
echo "$pub_password" | "$GZ" user add "$WORK/site-pub" --email bench@example.org \
        --name "Bench Editor" --role editor >/dev/null
serve_site="$WORK/site-pub"
start_gazette --cache-size 64 --login-rate 0
"$WORK/publish" "$GZ_PORT" 0 bench@example.org "$pub_password" "$TRIALS" >"$WORK/publish.txt"
stop_gazette
nginx_conf "$LIVE_PORT" "$WORK/export-live" nginx-live
t0=$(date +%s%N)
start_gazette --cache-size 64 --login-rate 0 --live-export "$WORK/export-live"
live_start_ms=$((($(date +%s%N) - t0) / 1000000))
"$WORK/publish" "$GZ_PORT" "$LIVE_PORT" bench@example.org "$pub_password" "$TRIALS" \
        >"$WORK/publish-live.txt"
stop_gazette
serve_site="$site"
kill "$(cat "$WORK/nginx-live.pid")"

# ---- Hugo -------------------------------------------------------------------------------
log "Hugo"
hugo_pages=$(python3 bench/hugo_site.py "$site" "$WORK/hugo")
rm -rf "$WORK/hugo/public"
t0=$(date +%s.%N)
hugo --quiet --source "$WORK/hugo" --destination "$WORK/hugo/public" >/dev/null
hugo_s=$(echo "$(date +%s.%N) - $t0" | bc)
hugo_files=$(find "$WORK/hugo/public" -name '*.html' | wc -l)

# ---- WordPress --------------------------------------------------------------------------
wp_source="quoted from ../shared/peers/README.md (2,000 posts, wrk -c32)"
wp_article=27
wp_home=24
wp_search=12.5
# Set up once (bench/wordpress.sh setup); started again here if it is not running.
if [ -f "${WP_WORK:-/var/tmp/gazette-bench-wp}/out/urls.env" ] &&
        ! curl -s -o /dev/null --max-time 5 http://127.0.0.1:8081/ 2>/dev/null; then
        bench/wordpress.sh start || true
fi
if curl -s -o /dev/null --max-time 5 http://127.0.0.1:8081/ 2>/dev/null; then
        log "WordPress"
        BENCH_CONNECTIONS=64 BENCH_DURATION=$DUR bench/wordpress.sh measure >"$WORK/wp.txt" || true
        if grep -q '^wordpress_article' "$WORK/wp.txt"; then
                wp_article=$(awk '$1 == "wordpress_article" {print $2}' "$WORK/wp.txt")
                wp_home=$(awk '$1 == "wordpress_home" {print $2}' "$WORK/wp.txt")
                wp_search=$(awk '$1 == "wordpress_search" {print $2}' "$WORK/wp.txt")
                wp_source="measured in this run (bench/wordpress.sh, wrk -c64)"
                cat "$WORK/wp.txt" >>"$raw"
        fi
fi
nginx_pid=$(cat "$WORK/nginx.pid")
kill "$nginx_pid"

# ---- the report -------------------------------------------------------------------------
val() { awk -v n="$1" -v f="$2" '$1 == n {print $f}' "$raw"; }
ratio() { # a b -> a/b with two decimals, or -
        if [ -z "$1" ] || [ -z "$2" ] || [ "$1" = - ] || [ "$2" = - ]; then echo -; return; fi
        echo "scale=2; $1 / $2" | bc
}
{
        echo "# Benchmark $(date +%Y-%m-%d): $N articles"
        echo
        echo "Ratios are what to read: absolute figures drift on a shared machine. wrk -t2 runs"
        echo "on the same machine as the servers (loopback), for $DUR per cell."
        echo
        echo "## Gazette (cache on) vs nginx serving \`gazette export\` (gzip_static)"
        echo
        echo "| page | encoding | conns | Gazette req/s | nginx req/s | ratio | Gazette p50 / p99 | nginx p50 / p99 |"
        echo "|---|---|---|---|---|---|---|---|"
        for conns in 64 256; do
                for enc in plain gzip; do
                        for page in article home section search; do
                                g="gazette_${page}_${enc}_$conns"
                                n="nginx_${page}_${enc}_$conns"
                                gr=$(val "$g" 2)
                                nr=$(val "$n" 2)
                                echo "| $page | $enc | $conns | ${gr:--} | ${nr:-n/a} | $(ratio "$gr" "$nr") | $(val "$g" 3) / $(val "$g" 4) | $(val "$n" 3) / $(val "$n" 4) |"
                        done
                done
        done
        echo
        echo "Search is Gazette's own (nginx cannot search): here one query, answered from the cache."
        echo
        echo "## Uncached article renders (Gazette --cache-size 0, a different article each request)"
        echo
        u=$(val gazette_uncached_64 2)
        na=$(val nginx_articles_64 2)
        echo "| server | req/s | p50 / p99 |"
        echo "|---|---|---|"
        echo "| Gazette, uncached | $u | $(val gazette_uncached_64 3) / $(val gazette_uncached_64 4) |"
        echo "| nginx, the same articles as files | $na | $(val nginx_articles_64 3) / $(val nginx_articles_64 4) |"
        echo
        echo "Ratio to nginx: $(ratio "$u" "$na") (target 0.3). Ratio to WordPress's article rate"
        echo "($wp_article req/s, $wp_source): $(ratio "$u" "$wp_article") (target 500)."
        gs=$(val gazette_search_uncached_64 2)
        echo "Search without the cache ($search, every request runs the query and renders):"
        echo "${gs:--} req/s (p50 / p99 $(val gazette_search_uncached_64 3) / $(val gazette_search_uncached_64 4)),"
        echo "$(ratio "${gs:-}" "$wp_search")x WordPress's $wp_search (target 1,000)."
        echo
        echo "## Publish-to-visible (an editor's Publish through the admin, then polling)"
        echo
        echo "Milliseconds from sending the publish request; -1: not seen within 10 s."
        echo
        echo "| trial | Gazette: publish returned | article served | home lists it | with --live-export: publish returned | nginx serves the article | nginx's home lists it |"
        echo "|---|---|---|---|---|---|---|"
        paste -d' ' <(awk '$1 == "publish"' "$WORK/publish.txt") \
                <(awk '$1 == "publish"' "$WORK/publish-live.txt") |
                awk '{printf "| %d | %s | %s | %s | %s | %s | %s |\n", ++i, $2, $3, $4, $8, $11, $12}'
        echo
        echo "With --live-export, a publish returns once the files its pages show are rewritten;"
        echo "the related-article boxes of other articles and pages 2 and beyond of lists follow"
        echo "from a background thread. The server's start with --live-export (one full pass over"
        echo "the site, only changed files written): ${live_start_ms} ms."
        echo
        echo "## Memory, start-up, size"
        echo
        echo "| what | value |"
        echo "|---|---|"
        echo "| resident memory after the cached runs (64 MB cache) | $((rss_kb / 1024)) MB: $((rss_anon_kb / 1024)) MB own, $((rss_file_kb / 1024)) MB of mapped files |"
        echo "| ... after every article was requested (cache full) | $((full_rss_kb / 1024)) MB: $((full_anon_kb / 1024)) MB own, $((full_file_kb / 1024)) MB of mapped files (the database, libraries) |"
        echo "| start-up to first answer (cache on / off) | $startup_cached_ms ms / $startup_nocache_ms ms |"
        echo "| database | $((db_bytes / 1024 / 1024)) MB |"
        echo "| /healthz after the fill | \`$cache_line\` |"
        echo "| gazette init --articles $N | $(printf '%.1f' "$init_s") s |"
        echo
        echo "## Export vs Hugo"
        echo
        echo "| build | seconds | files |"
        echo "|---|---|---|"
        echo "| gazette export --no-compress | $(printf '%.1f' "$export_plain_s") | $export_files pages and files |"
        echo "| gazette export --fast (gzip 6, brotli 5) | $(printf '%.1f' "$export_fast_s") | plus .gz and .br |"
        echo "| gazette export --fast, again (nothing changed) | $(printf '%.1f' "$export_again_s") | 0 written |"
        echo "| gazette export (gzip 9, brotli 11) | $export_full_s | |"
        echo "| hugo ($hugo_pages articles, bench/hugo layouts) | $(printf '%.1f' "$hugo_s") | $hugo_files HTML files |"
        echo
        echo "Hugo / gazette export --no-compress: $(ratio "$hugo_s" "$export_plain_s")x (target: export 3x faster, i.e. 3.00)."
        echo
        echo "## WordPress"
        echo
        echo "Article $wp_article req/s, home $wp_home req/s, search $wp_search req/s: $wp_source."
        echo "Gazette cached article / WordPress: $(ratio "$(val gazette_article_plain_64 2)" "$wp_article")x;"
        echo "home: $(ratio "$(val gazette_home_plain_64 2)" "$wp_home")x."
        echo
        echo "## Machine"
        echo
        echo '```'
        echo "$(nproc) cores: $(awk -F: '/model name/ {print $2; exit}' /proc/cpuinfo | sed 's/^ //')"
        echo "memory: $(awk '/MemTotal/ {printf "%.1f GB", $2/1048576}' /proc/meminfo)"
        echo "kernel: $(uname -r)"
        echo "$(/usr/sbin/nginx -v 2>&1); $(hugo version | cut -d' ' -f1-2); $(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2); sqlite $(sqlite3 --version | cut -d' ' -f1)"
        echo "brotli_static: $([ -f "$brotli_mod" ] && echo yes || echo no)"
        echo '```'
        echo
        echo "## Commands"
        echo
        echo '```'
        echo "make bench    # BENCH_ARTICLES=$N BENCH_DURATION=$DUR"
        echo "gazette init SITE --articles $N"
        echo "gazette serve SITE --listen 127.0.0.1:$GZ_PORT --access-log off --cache-size 64 (and 0)"
        echo "gazette export SITE OUT --no-compress | --fast"
        echo "nginx -c bench/nginx.conf (filled in), root OUT, gzip_static on"
        echo "wrk -t2 -c{64,256} -d$DUR --latency [-H 'Accept-Encoding: gzip'] URL"
        echo "wrk -t2 -c64 -d$DUR --latency -s bench/paths.lua (every article in turn)"
        echo "gazette serve SITE --live-export OUT (for the second publish run), nginx on OUT"
        echo "bench/publish GZ_PORT NGINX_PORT|0 EMAIL PASSWORD $TRIALS (bench/publish.c)"
        echo "python3 bench/hugo_site.py SITE HUGO && hugo --source HUGO"
        echo '```'
        echo
        echo "## Raw"
        echo
        echo '```'
        cat "$raw"
        sed 's/^publish /publish_gazette /' "$WORK/publish.txt"
        sed 's/^publish /publish_live_export /' "$WORK/publish-live.txt"
        echo '```'
} >"$results"
log "wrote $results"
