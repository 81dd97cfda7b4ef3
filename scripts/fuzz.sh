#!/usr/bin/env bash
# `make fuzz`: builds the libFuzzer targets with clang (ASan + UBSan) in build-fuzz, then runs
# each for FUZZ_SECONDS on its seeds (from conformance/golden), its regression inputs and a
# corpus that persists between runs. Prints exec/s and coverage per target; a finding stops
# the run with its input saved under build-fuzz/fuzz/artifacts/<target>/.
#
#   FUZZ_SECONDS=600 make fuzz                 # ten minutes each
#   FUZZ_TARGETS="requests mock_router" make fuzz
set -euo pipefail
cd "$(dirname "$0")/.."

build=${FUZZ_BUILD:-build-fuzz}
seconds=${FUZZ_SECONDS:-60}
targets=${FUZZ_TARGETS:-"bitrix24_response greenapi_response telegram_response requests mock_router"}
cxx=${FUZZ_CXX:-clang++-14}
jobs=${JOBS:-$(nproc 2>/dev/null || echo 2)}

cmake -S . -B "$build" -DCMAKE_CXX_COMPILER="$cxx" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
      -DCHATADMIN_FUZZ_ENGINE=libfuzzer -DCHATADMIN_BUILD_TESTS=OFF -DCHATADMIN_BUILD_BENCHMARKS=OFF \
      -DCHATADMIN_BUILD_EXAMPLES=OFF -DCHATADMIN_INSTALL=OFF >/dev/null
cmake --build "$build" -j "$jobs" --target fuzz_make_seeds $(for t in $targets; do echo "fuzz_$t"; done)

work="$build/fuzz"
"$build/bin/fuzz_make_seeds" conformance/golden "$work/seeds" >/dev/null

status=0
for t in $targets; do
    corpus="$work/corpus/$t"
    artifacts="$work/artifacts/$t"
    mkdir -p "$corpus" "$artifacts"
    inputs=("$corpus" "$work/seeds/$t")
    [ -d "fuzz/regressions/$t" ] && inputs+=("fuzz/regressions/$t")
    log="$work/$t.log"
    echo "== $t: ${seconds}s"
    if "$build/bin/fuzz_$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
        -print_final_stats=1 -artifact_prefix="$artifacts/" "${inputs[@]}" >"$log" 2>&1; then
        grep -E '^#[0-9]+[[:space:]]+DONE' "$log" | tail -1 || true
        grep -E '^stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb)' "$log" || true
    else
        status=1
        echo "!! $t: finding (log: $log)"
        grep -E 'ERROR|SUMMARY|property failed|round trip|Test unit written' "$log" | head -20 || true
    fi
done
exit $status
