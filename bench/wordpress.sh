#!/usr/bin/env bash
# Optional WordPress peer for `make bench`: Debian's WordPress 6.1 with its own MariaDB,
# php-fpm and nginx on 127.0.0.1:8081, filled with the same number of posts as the
# bench's Gazette site, by the shared recipe ../shared/peers/wordpress/run.sh (read its
# header: it installs packages as root and runs private instances, nothing system-wide).
#
# Usage:  bench/wordpress.sh setup      install, start, create and fill the site (slow:
#                                       about 20 minutes for 10,000 posts on 2 cores)
#         bench/wordpress.sh measure    wrk on the article and the home page; prints
#                                       "wordpress_article RPS P50 P99" lines
#         bench/wordpress.sh start      start it again (after a reboot)
#         bench/wordpress.sh stop       stop what setup started
# Env:    BENCH_ARTICLES (posts, default 10000), WP_WORK (default /var/tmp/gazette-bench-wp),
#         BENCH_DURATION (default 10s), BENCH_CONNECTIONS (default 64)
# bench/run.sh calls `measure` when WordPress answers on 127.0.0.1:8081, and quotes the
# figures measured by the recipe's author otherwise (27 requests/s for an article).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
recipe="$here/../../shared/peers/wordpress/run.sh"
export WORK="${WP_WORK:-/var/tmp/gazette-bench-wp}"
export OUT="$WORK/out"
export NPOSTS="${BENCH_ARTICLES:-10000}"
duration="${BENCH_DURATION:-10s}"
conns="${BENCH_CONNECTIONS:-64}"

if [ ! -x "$recipe" ] && [ ! -f "$recipe" ]; then
        echo "wordpress.sh: the recipe $recipe is missing" >&2
        exit 1
fi

# After a reboot the recipe would take MariaDB's leftover socket for a running server.
clear_stale() {
        local pidfile="$WORK/run/mysql/mysqld.pid"
        if [ -S "$WORK/run/mysql/mysqld.sock" ] &&
                ! { [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; }; then
                rm -f "$WORK/run/mysql/mysqld.sock" "$pidfile"
        fi
}

case "${1:-}" in
setup)
        if [ "$(id -u)" -ne 0 ]; then
                echo "wordpress.sh: setup installs packages and runs MariaDB: run it as root" >&2
                exit 1
        fi
        mkdir -p "$OUT"
        bash "$recipe" pkgs setup start wpinstall populate
        php -d memory_limit=1024M "$(dirname "$recipe")/pick-urls.php" >"$OUT/urls.env"
        cat "$OUT/urls.env"
        ;;
measure)
        [ -f "$OUT/urls.env" ] || { echo "wordpress.sh: run setup first" >&2; exit 1; }
        clear_stale
        bash "$recipe" start >/dev/null
        # shellcheck disable=SC1091
        . "$OUT/urls.env"
        for target in article:"$URL_ARTICLE" home:"$URL_HOME" search:"$URL_SEARCH"; do
                name=${target%%:*}
                url=${target#*:}
                curl -s -o /dev/null "$url" || true # warm PHP's opcache
                # WordPress's search takes seconds: wrk's default 2 s timeout would count none.
                out=$(wrk -t2 -c"$conns" -d"$duration" --timeout 30s --latency "$url")
                rps=$(echo "$out" | awk '/^Requests\/sec:/ {print $2}')
                p50=$(echo "$out" | awk '$1 == "50%" {print $2}')
                p99=$(echo "$out" | awk '$1 == "99%" {print $2}')
                echo "wordpress_$name $rps $p50 $p99"
        done
        ;;
start)
        [ -f "$OUT/urls.env" ] || { echo "wordpress.sh: run setup first" >&2; exit 1; }
        clear_stale
        bash "$recipe" start >/dev/null
        ;;
stop)
        bash "$recipe" stop
        ;;
*)
        sed -n '2,17p' "$0"
        exit 2
        ;;
esac
