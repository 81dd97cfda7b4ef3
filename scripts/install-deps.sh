#!/usr/bin/env bash
# Installs the Debian packages chatadmin needs, only those that are missing.
set -euo pipefail

packages=(
  cmake make g++ pkg-config
  libboost1.81-dev libboost-json1.81-dev
  libcpp-httplib-dev libssl-dev openssl zlib1g-dev
  catch2
  libbenchmark-dev nlohmann-json3-dev rapidjson-dev libsimdjson-dev
  wrk gnuplot-nox curl
)
[ $# -gt 0 ] && packages=("$@")

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [ "$status" = "install ok installed" ] || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

cmd="apt-get update && apt-get install -y --no-install-recommends ${missing[*]}"
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    cmd="sudo apt-get update && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ${missing[*]}"
  else
    echo "chatadmin needs these Debian packages: ${missing[*]}" >&2
    echo "Install them as root, then run make again:" >&2
    echo "  sudo apt-get update && sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
    exit 1
  fi
fi
echo "Installing missing packages: ${missing[*]}"
DEBIAN_FRONTEND=noninteractive bash -c "$cmd"
