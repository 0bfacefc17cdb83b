#!/usr/bin/env bash
# make lint: the checks a change must pass before it lands.
#   - every C file formatted by clang-format with the repo's .clang-format
#   - no absolute path of a machine and nothing generated tracked by git
set -uo pipefail
cd "$(dirname "$0")/.."
status=0

files=$(git ls-files '*.c' '*.h')
if ! clang-format --dry-run --Werror $files 2>/tmp/gazette-lint.$$; then
        grep 'error:' /tmp/gazette-lint.$$ | cut -d: -f1 | sort -u | sed 's/^/not formatted: /'
        echo "run: make format"
        echo "not ok - every C file is clang-formatted"
        status=1
else
        echo "ok - every C file is clang-formatted"
fi
rm -f /tmp/gazette-lint.$$

# Generated things: build folders, sites, databases, node_modules, logs.
generated=$(git ls-files | grep -E '(^|/)(build[^/]*|node_modules)/|^site/|\.(db|db-wal|db-shm|o|a|log)$' || true)
if [ -n "$generated" ]; then
        echo "generated files tracked by git:"
        echo "$generated" | sed 's/^/  /'
        echo "not ok - nothing generated is tracked"
        status=1
else
        echo "ok - nothing generated is tracked"
fi

# Paths of a machine (a home folder, this workplace's folders).
machine=$(git grep -nE '(/home/[a-z]+/|/work/main|/check/work)' -- ':!scripts/lint.sh' || true)
if [ -n "$machine" ]; then
        echo "absolute paths of a machine:"
        echo "$machine" | sed 's/^/  /'
        echo "not ok - no absolute path of a machine"
        status=1
else
        echo "ok - no absolute path of a machine"
fi

exit $status
