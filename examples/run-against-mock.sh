#!/usr/bin/env bash
# run-against-mock.sh MOCK PROGRAM: starts the mock on a free loopback port, runs PROGRAM
# with the mock's base URL, stops the mock, and exits with PROGRAM's status.
set -euo pipefail
mock=$1 program=$2
out=$(mktemp)
"$mock" --listen 127.0.0.1:0 --quiet >"$out" &
pid=$!
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -f "$out"' EXIT
for _ in $(seq 100); do
  url=$(sed -n 's/^chatadmin-mock listening on //p' "$out")
  [ -n "$url" ] && break
  sleep 0.05
done
[ -n "${url:-}" ] || { echo "the mock did not start" >&2; exit 1; }
"$program" "$url"
