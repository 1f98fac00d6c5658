#!/usr/bin/env bash
# `cmake --install` into a fresh prefix, then use what it installed the way a
# user would: the CLI, a CMake project with find_package(findc), and the
# Python module. Usage: check-install.sh BUILD_DIR SOURCE_DIR PYTHON
set -euo pipefail
build="$1" source="$2" python="$3"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
prefix="$work/prefix"
cmake --install "$build" --prefix "$prefix" >/dev/null
example="$source/examples/bump_on_ramp.fnd"

# The CLI runs from the prefix: findc compiles through findc-compiler next
# to it, and runs an artifact itself.
"$prefix/bin/findc" eval "$example" --fn bump_on_ramp --find-grid >"$work/cli"
"$prefix/bin/findc" build "$example" -o "$work/bump.findo"
"$prefix/bin/findc" eval "$work/bump.findo" --fn bump_on_ramp --find-grid | diff "$work/cli" -
"$prefix/bin/findc-run" eval "$work/bump.findo" --fn bump_on_ramp --find-grid | diff "$work/cli" -

# A consumer project builds against the installed package alone.
generator=()
command -v ninja >/dev/null && generator=(-G Ninja)
cmake -S "$source/tests/install/consumer" -B "$work/consumer" "${generator[@]}" \
  -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$work/consumer" >/dev/null
"$work/consumer/consumer" "$example" bump_on_ramp >"$work/consumer.out"
diff "$work/cli" "$work/consumer.out"

# The Python module imports from the prefix (found through its rpath, not
# the build tree's) and gives the same numbers.
site="$(find "$prefix" -path '*-packages/findc/__init__.py' -printf '%h\n' | head -1)"
test -n "$site"
PYTHONPATH="$(dirname "$site")" "$python" - "$example" "$work/cli" "$prefix" <<'PY'
import sys
import findc
import numpy as np
assert findc.__file__.startswith(sys.argv[3]), findc.__file__
libraries = [line.split()[-1] for line in open("/proc/self/maps") if "libfindc.so" in line]
assert libraries and all(path.startswith(sys.argv[3]) for path in libraries), libraries
y = findc.load(sys.argv[1])["bump_on_ramp"](np.arange(-128, 128) + 0.5)
want = [float(line) for line in open(sys.argv[2])]
assert [float(v) for v in y] == want
PY
echo "install: CLI, find_package(findc) consumer and Python module from $prefix agree"
