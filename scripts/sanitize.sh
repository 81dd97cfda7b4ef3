#!/usr/bin/env bash
# `make test-sanitize`: the whole test suite built with AddressSanitizer and
# UndefinedBehaviorSanitizer (any report fails the run) in its own build directory.
#
#   ASAN_BUILD=build-asan  JOBS=2  scripts/sanitize.sh
set -euo pipefail
cd "$(dirname "$0")/.."

build=${ASAN_BUILD:-build-asan}
jobs=${JOBS:-$(nproc 2>/dev/null || echo 2)}
san="-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer"

cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS="$san" \
      -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined" \
      -DCHATADMIN_BUILD_BENCHMARKS=OFF >/dev/null
cmake --build "$build" -j "$jobs"

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:detect_stack_use_after_return=1:strict_string_checks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
# Excluded: the packaging tests. They install the headers and compile a consumer with its
# own (uninstrumented) flags, so no sanitized code runs in them; the normal pass covers them.
ctest --test-dir "$build" --output-on-failure -j "$jobs" -E '^packaging: '
