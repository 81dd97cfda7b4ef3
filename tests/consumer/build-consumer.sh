#!/usr/bin/env bash
# build-consumer.sh MODE SOURCE BINARY_DIR PREFIX_OR_SOURCE
# Configures, builds and runs the consumer project the way a user would.
set -euo pipefail
mode=$1 src=$2 bin=$3 arg=$4
rm -rf "$bin"
case "$mode" in
  find_package)     cmake -S "$src" -B "$bin" -DCMAKE_PREFIX_PATH="$arg" ;;
  add_subdirectory) cmake -S "$src" -B "$bin" -DCHATADMIN_SOURCE_DIR="$arg" ;;
  *) echo "unknown mode $mode" >&2; exit 2 ;;
esac
cmake --build "$bin"
"$bin/consumer"
