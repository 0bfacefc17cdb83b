#!/bin/bash
# Builds the libFuzzer harnesses (tests/fuzz/fuzz_*.c) with ASan+UBSan and runs
# each for SECONDS. With --tap, prints one TAP line per harness (make test's
# smoke run). Seeds: tests/fuzz/corpus/NAME/; dictionaries: tests/fuzz/NAME.dict.
# New inputs found go to build-fuzz/corpus/NAME/ (not committed); crashes to
# build-fuzz/crashes/.   Usage: scripts/fuzz.sh [SECONDS] [--tap] [NAME...]
set -u
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
tap=0
only=()
for a in "$@"; do
        case "$a" in --tap) tap=1 ;; *) only+=("$a") ;; esac
done
out=build-fuzz
mkdir -p $out
flags="-fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer"
if ! make --no-print-directory -s BUILD=$out CC=clang OPT=-O1 SANITIZE="$flags" \
        $out/libgazette.a >$out/build.log 2>&1; then
        cat $out/build.log
        [ $tap = 1 ] && echo "not ok 1 - fuzz: the sanitized library did not build"
        exit 1
fi
libs=$(make --no-print-directory -s print-libs)
mkdir -p $out/fuzz $out/corpus $out/crashes
n=0
failed=0
for src in tests/fuzz/fuzz_*.c; do
        name=$(basename "$src" .c)
        name=${name#fuzz_}
        if [ ${#only[@]} -gt 0 ] && [[ ! " ${only[*]} " =~ " $name " ]]; then continue; fi
        n=$((n + 1))
        bin=$out/fuzz/fuzz_$name
        if ! clang -g -O1 -fsanitize=fuzzer,address,undefined -fno-omit-frame-pointer -Isrc \
                $(make --no-print-directory -s print-cflags) "$src" $out/libgazette.a $libs \
                -o "$bin" 2>$out/fuzz/$name.build.log; then
                failed=$((failed + 1))
                [ $tap = 1 ] && echo "not ok $n - fuzz $name: harness did not build" || cat $out/fuzz/$name.build.log
                continue
        fi
        mkdir -p $out/corpus/$name
        dict=()
        [ -f tests/fuzz/$name.dict ] && dict=(-dict=tests/fuzz/$name.dict)
        seeds=()
        [ -d tests/fuzz/corpus/$name ] && seeds=(tests/fuzz/corpus/$name)
        log=$out/fuzz/$name.log
        ASAN_OPTIONS=detect_leaks=1 "$bin" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
                -artifact_prefix=$out/crashes/$name- "${dict[@]}" $out/corpus/$name "${seeds[@]}" \
                >"$log" 2>&1
        rc=$?
        execs=$(grep -aoE 'stat::number_of_executed_units: *[0-9]+|#[0-9]+' "$log" | tail -1 | grep -oE '[0-9]+' )
        cov=$(grep -aoE 'cov: [0-9]+' "$log" | tail -1)
        if [ $rc -ne 0 ]; then
                failed=$((failed + 1))
                if [ $tap = 1 ]; then
                        echo "not ok $n - fuzz $name: crash or leak (see $log)"
                        grep -E 'ERROR|SUMMARY|==' "$log" | head -20 | sed 's/^/# /'
                else
                        tail -40 "$log"
                fi
        else
                if [ $tap = 1 ]; then
                        echo "ok $n - fuzz $name: ${execs:-?} runs in ${seconds}s, $cov"
                else
                        echo "fuzz $name: ${execs:-?} runs in ${seconds}s, $cov, no crash"
                fi
        fi
done
[ $tap = 1 ] && echo "1..$n"
[ $failed -eq 0 ]
