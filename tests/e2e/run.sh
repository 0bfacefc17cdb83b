#!/bin/bash
# Browser tests in Debian's Chromium, driven by playwright-core: makes a demo
# site, serves it on an ephemeral port, runs every *.test.mjs, prints TAP.
set -u
cd "$(dirname "$0")"
root=$(cd ../.. && pwd)
bin=${GZ_BIN:-$root/build/gazette}
if [ ! -d node_modules/playwright-core ] || [ package.json -nt node_modules ]; then
        npm install --no-audit --no-fund --loglevel=error >/dev/null 2>&1 ||
                npm install --no-audit --no-fund
        touch node_modules
fi
chromium=$(command -v chromium || true)
if [ -z "$chromium" ]; then
        echo "not ok 1 - chromium is not installed (scripts/deps.sh --test installs it)"
        exit 1
fi
site=$(mktemp -d /tmp/gazette-e2e-XXXXXX)
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$site"' EXIT
"$bin" init "$site/site" --demo >/dev/null || { echo "not ok 1 - demo site"; exit 1; }
# Accounts for the admin tests, one per role (passwords only for this test site).
for role in admin editor author contributor; do
        echo "e2e password for $role" | "$bin" user add "$site/site" --email "$role@example.org" \
                --name "Test ${role^}" --role "$role" >/dev/null || { echo "not ok 1 - user $role"; exit 1; }
done
echo "e2e password for victim" | "$bin" user add "$site/site" --email victim@example.org \
        --name "Throttle Victim" --role author >/dev/null
echo "e2e password for twofa" | "$bin" user add "$site/site" --email twofa@example.org \
        --name "Two Factor" --role editor >/dev/null
"$bin" serve "$site/site" --listen 127.0.0.1:0 --access-log off --login-rate 0 >"$site/out" 2>"$site/err" &
pid=$!
for _ in $(seq 100); do
        grep -q "http://" "$site/out" 2>/dev/null && break
        sleep 0.1
done
base=$(grep -oE 'http://127.0.0.1:[0-9]+' "$site/out")
[ -n "$base" ] || { echo "not ok 1 - server did not start"; cat "$site/err"; exit 1; }
export GZ_BASE="$base" GZ_SITE="$site/site" GZ_BIN="$bin" CHROMIUM="$chromium"
export GZ_SCREENSHOTS="$root/build/screenshots"
mkdir -p "$GZ_SCREENSHOTS"
node runner.mjs *.test.mjs
