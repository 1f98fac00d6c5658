#!/usr/bin/env bash
# Builds findc and runs every test: GoogleTest units and the lit suite, via ctest.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
"$root/scripts/build.sh"
ctest --test-dir "$root/build" --output-on-failure -j "$(nproc)"
