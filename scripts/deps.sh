#!/bin/sh
# Installs what Gazette needs from Debian's packages: the build and run set,
# and with --test what the test suite needs too (browser, feed parser, nginx).
# As root it runs apt-get; otherwise it prints the exact apt-get line.
set -eu
cd "$(dirname "$0")/.."

build_pkgs="gcc make pkg-config libmicrohttpd-dev libsqlite3-dev libmd4c-dev libgumbo-dev
libsodium-dev libvips-dev libjansson-dev libqrencode-dev libicu-dev libxml2-dev zlib1g-dev
libbrotli-dev libssl-dev libseccomp-dev libwebp-dev libarchive-dev"
test_pkgs="clang clang-format libclang-rt-14-dev libcmocka-dev libcurl4-openssl-dev curl python3
python3-feedparser chromium nginx-light openssl"

want="$build_pkgs"
case "${1:-}" in --test) want="$build_pkgs $test_pkgs" ;; esac

missing=""
for p in $want; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing="$missing $p"
done
# Node.js may come from elsewhere than Debian: only its absence needs Debian's.
case "${1:-}" in --test)
        command -v node >/dev/null 2>&1 || missing="$missing nodejs"
        command -v npm >/dev/null 2>&1 || missing="$missing npm" ;;
esac
[ -z "$missing" ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
        echo "gazette: these Debian packages are missing. Install them with:" >&2
        echo "  sudo apt-get install -y$missing" >&2
        exit 1
fi
echo "gazette: installing$missing"
export DEBIAN_FRONTEND=noninteractive
# A fresh machine may have no package lists yet; refresh them once if the install fails.
apt-get install -y -q --no-install-recommends $missing >/dev/null 2>&1 ||
        { apt-get update -q >/dev/null && apt-get install -y -q --no-install-recommends $missing >/dev/null; }
