#!/bin/sh
# make run: creates the demo site in ./site if there is none, then serves it.
set -eu
cd "$(dirname "$0")/.."
bin=${1:-build/gazette}
if [ ! -f site/gazette.db ]; then
        echo "Creating the demo newsroom in ./site ..."
        "$bin" init site --demo
fi
exec "$bin" serve site --listen "${GAZETTE_LISTEN:-127.0.0.1:8080}" --access-log -
