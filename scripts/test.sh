#!/bin/bash
# Runs every test binary and script, counts TAP results, and ends with the
# line "N passed, N failed". Called by `make test` after both builds.
#   GZ_SKIP_ASAN=1  skip the ASan+UBSan pass     GZ_SKIP_E2E=1  skip Chromium
#   GZ_SKIP_FUZZ=1  skip the fuzz smoke runs     GZ_ONLY=pattern  run matching tests only
set -u
cd "$(dirname "$0")/.."
root=$(pwd)
export GZ_ROOT="$root"
passed=0
failed=0
failures=()
logdir="$root/build/test-logs"
mkdir -p "$logdir"

# run NAME COMMAND...: runs one suite, echoes its output, counts ok / not ok.
run() {
        local name=$1
        shift
        case "$name" in *"${GZ_ONLY:-}"*) ;; *) return ;; esac
        local log="$logdir/$(echo "$name" | tr '/ ' '__').log"
        local start=$(date +%s)
        timeout "${GZ_TEST_TIMEOUT:-600}" "$@" >"$log" 2>&1
        local rc=$?
        local ok=$(grep -cE '^ok ' "$log")
        local bad=$(grep -cE '^not ok ' "$log")
        if [ "$rc" -ne 0 ] && [ "$bad" -eq 0 ]; then
                bad=1
                echo "not ok - $name exited with status $rc" >>"$log"
        fi
        passed=$((passed + ok))
        failed=$((failed + bad))
        local secs=$(($(date +%s) - start))
        if [ "$bad" -gt 0 ]; then
                failures+=("$name")
                printf '%-52s %4d passed %3d FAILED (%ds)\n' "$name" "$ok" "$bad" "$secs"
                grep -E '^not ok |^# ' "$log" | head -40 | sed 's/^/    /'
                tail -n 30 "$log" | grep -vE '^(ok|not ok) ' | sed 's/^/    | /' | tail -n 15
        else
                printf '%-52s %4d passed (%ds)\n' "$name" "$ok" "$secs"
        fi
}

suite() {
        local build=$1 label=$2
        export GZ_BIN="$root/$build/gazette"
        export CMOCKA_MESSAGE_OUTPUT=TAP
        for t in $(find "$build/tests/unit" "$build/tests/integration" -type f -perm -u+x 2>/dev/null | sort); do
                run "$label ${t#$build/tests/}" "$t"
        done
        for t in $(find tests/integration -name 'test_*.py' 2>/dev/null | sort); do
                run "$label ${t#tests/}" python3 "$t"
        done
}

run "lint" scripts/lint.sh
suite build plain
if [ "${GZ_SKIP_ASAN:-0}" != 1 ] && [ -x build-asan/gazette ]; then
        export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:detect_stack_use_after_return=1
        export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
        # No LSan suppressions file: the sandboxed server could not read it at exit.
        export LSAN_OPTIONS=print_suppressions=0
        suite build-asan asan
        unset ASAN_OPTIONS UBSAN_OPTIONS LSAN_OPTIONS
fi
export GZ_BIN="$root/build/gazette"
if [ "${GZ_SKIP_E2E:-0}" != 1 ] && [ -f tests/e2e/run.sh ]; then
        run "e2e chromium" tests/e2e/run.sh
fi
if [ "${GZ_SKIP_FUZZ:-0}" != 1 ] && [ -f scripts/fuzz.sh ]; then
        run "fuzz smoke" scripts/fuzz.sh "${GZ_FUZZ_SMOKE_SECONDS:-8}" --tap
fi

if [ ${#failures[@]} -gt 0 ]; then
        echo "failed suites (logs in build/test-logs/):"
        printf '  %s\n' "${failures[@]}"
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
