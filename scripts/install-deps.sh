#!/usr/bin/env bash
# Installs the Debian packages findc builds, tests and benchmarks with.
# Idempotent: does nothing when everything is already present.
set -euo pipefail
packages=(
  cmake g++ make python3
  llvm-19-dev llvm-19-tools libzstd-dev
  antlr4 libantlr4-runtime-dev
  libfmt-dev googletest libgtest-dev libbenchmark-dev libmuparser-dev libicu-dev
  nlohmann-json3-dev libcpp-httplib-dev libcairo2-dev
  python3-dev pybind11-dev python3-numpy python3-scipy python3-pytest python3-numba python3-jsonschema
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "install-deps: installing ${missing[*]}"
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
fi
