#!/usr/bin/env bash
# `make bench`: the serialization benchmarks against peers, then the mock-throughput run
# (wrk against chatadmin-mock and a bare cpp-httplib server, same run), merged into
# benchmarks/results/latest.json, charted, and summarized in README.md.
#
# Environment:
#   BUILD=build               build directory (binaries in $BUILD/bin)
#   BENCH_MIN_TIME=0.1        seconds per repetition of a serialization benchmark
#   BENCH_REPETITIONS=9       repetitions of each, interleaved at random (the median is reported)
#   BENCH_DURATION=10         seconds per wrk run (each server, each connection count)
#   BENCH_CONNECTIONS="8 64"  wrk connection counts (2 wrk threads)
#   BENCH_SOAK=1              also a 60 s run at 64 connections with RSS sampled each second
#   BENCH_SKIP_MOCK=1         serialization only
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${BUILD:-build}
case $BUILD in /*) bin=$BUILD/bin ;; *) bin=$root/$BUILD/bin ;; esac
min_time=${BENCH_MIN_TIME:-0.1}
repetitions=${BENCH_REPETITIONS:-9}
duration=${BENCH_DURATION:-10}
conns=${BENCH_CONNECTIONS:-"8 64"}
out_dir=$root/benchmarks/results
work=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
mkdir -p "$out_dir"

[ -x "$bin/chatadmin_bench" ] || { echo "bench: $bin/chatadmin_bench not built (libbenchmark-dev missing?)" >&2; exit 1; }

echo "== serialization: chatadmin and peers, one process ($repetitions interleaved repetitions of ${min_time}s each)"
"$bin/chatadmin_bench" --benchmark_min_time="$min_time" \
  --benchmark_repetitions="$repetitions" --benchmark_enable_random_interleaving=true \
  --benchmark_display_aggregates_only=true \
  --benchmark_out="$work/codecs.json" --benchmark_out_format=json

# ---- mock throughput ------------------------------------------------------------------
# start_server NAME CMD...: starts a server printing "... listening on http://127.0.0.1:PORT",
# sets $port and $pid.
start_server() {
  local name=$1; shift
  "$@" > "$work/$name.out" 2> "$work/$name.err" &
  pid=$!
  pids+=("$pid")
  for _ in $(seq 1 100); do
    port=$(sed -n 's/.*listening on http:\/\/127\.0\.0\.1:\([0-9]*\).*/\1/p' "$work/$name.out" | head -1)
    [ -n "$port" ] && return 0
    sleep 0.05
  done
  echo "bench: $name did not start" >&2
  cat "$work/$name.err" >&2
  exit 1
}

# Samples VmRSS of $1 every second into $2 until killed.
sample_rss() {
  while kill -0 "$1" 2>/dev/null; do
    awk -v t="$(date +%s)" '/VmRSS/ {print t, $2}' "/proc/$1/status" >> "$2" 2>/dev/null || true
    sleep 1
  done
}

# run_wrk NAME PORT PID CONNECTIONS DURATION: wrk plus a per-connection snapshot of the
# server's sockets (bytes acknowledged by the client) taken shortly before the end.
run_wrk() {
  local name=$1 port=$2 spid=$3 c=$4 d=$5 tag="$1-c$4-d$5"
  local url="http://127.0.0.1:$port/rest/1/mockhook/imbot.chat.setManager"
  wrk -t2 -c"$c" -d"${d}s" --latency -s "$root/benchmarks/wrk_count.lua" "$url" > "$work/wrk-$tag.txt" 2>&1 &
  local wpid=$!
  sleep "$(awk -v d="$d" 'BEGIN { s = d - 1; if (s < 0.5) s = d / 2; print s }')"
  ss -tinH state established "( sport = :$port )" > "$work/ss-$tag.txt" 2>/dev/null || true
  wait "$wpid"
  grep -h '^WRK_JSON ' "$work/wrk-$tag.txt" | sed 's/^WRK_JSON //' > "$work/wrk-$tag.json"
  grep -E 'Requests/sec|Latency  ' "$work/wrk-$tag.txt" | sed "s/^/  $name c=$c: /"
  # "server connections, bytes acked": one line per socket
  awk '/bytes_acked:/ { for (i = 1; i <= NF; ++i) if ($i ~ /^bytes_acked:/) { split($i, a, ":"); print a[2] } }' \
    "$work/ss-$tag.txt" > "$work/acked-$tag.txt"
  awk '/VmHWM/ {print $2}' "/proc/$spid/status" > "$work/hwm-$name.txt"
}

if [ "${BENCH_SKIP_MOCK:-0}" != 1 ]; then
  command -v wrk >/dev/null || { echo "bench: wrk not installed (apt-get install wrk)" >&2; exit 1; }
  [ -x "$bin/chatadmin-mock" ] || { echo "bench: $bin/chatadmin-mock not built" >&2; exit 1; }
  [ -x "$bin/chatadmin_bare_server" ] || { echo "bench: $bin/chatadmin_bare_server not built" >&2; exit 1; }
  echo "== mock throughput: wrk -t2, keep-alive, ${duration}s per run, connections: $conns"
  start_server mock "$bin/chatadmin-mock" --listen 127.0.0.1:0 --quiet
  mock_port=$port mock_pid=$pid
  start_server bare "$bin/chatadmin_bare_server" --listen 127.0.0.1:0 --threads 64
  bare_port=$port bare_pid=$pid
  sample_rss "$mock_pid" "$work/rss-mock.txt" & pids+=("$!")
  # The first request of the world may allocate; warm both servers up alike.
  for c in $conns; do
    run_wrk mock "$mock_port" "$mock_pid" "$c" 1 >/dev/null
    run_wrk bare "$bare_port" "$bare_pid" "$c" 1 >/dev/null
  done
  # Interleaved, so that a noisy neighbour hurts both alike.
  for c in $conns; do
    run_wrk mock "$mock_port" "$mock_pid" "$c" "$duration"
    run_wrk bare "$bare_port" "$bare_pid" "$c" "$duration"
  done
  if [ "${BENCH_SOAK:-0}" = 1 ]; then
    echo "== soak: 60 s at 64 connections, mock RSS sampled every second"
    : > "$work/rss-mock.txt"
    run_wrk mock "$mock_port" "$mock_pid" 64 60
    cp "$work/rss-mock.txt" "$work/rss-soak.txt"
  fi
fi

python3 "$root/benchmarks/report.py" --work "$work" --out "$out_dir" --readme "${BENCH_README:-$root/README.md}" \
  --duration "$duration" --connections "$conns" --soak "${BENCH_SOAK:-0}"
