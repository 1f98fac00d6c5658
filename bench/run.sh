#!/usr/bin/env bash
# Builds the benchmarks if needed and runs them, printing their tables.
#
# usage: bench/run.sh [--quick] [--eval-only | --compile-only | --suite-only | --strings | --api | --artifact] [--wall]
#                     [--find-python PATH]
#   --quick         fewer points, rounds and runs (a smoke test, ~30 s)
#   --eval-only     run findc_bench_eval only
#   --compile-only  run findc_bench_compile only
#   --suite-only    run findc_bench_suite only (the FIND v1 suite, ~70 s)
#   --strings       run findc_bench_strings only (a generated string suite, ~10 s)
#   --api           run bench/api_bench.py only: the Python module against the
#                   C++ API on 10^6-point arrays (~40 s)
#   --artifact      run findc_bench_artifact only: findc build, artifact load,
#                   a process per query with findc and findc-run (~40 s)
#   --wall          time with steady_clock instead of thread CPU time
#   --find-python PATH  FIND's string_functions.py, the CPython baseline of
#                   findc_bench_strings (default: /tmp/find_strings/string_functions.py
#                   when it exists; without it the baseline is skipped)
# Environment: FINDC_BENCH_BUILD_DIR (default: build-bench in the repository),
# JOBS (parallel build jobs, default: nproc).
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
build="${FINDC_BENCH_BUILD_DIR:-$root/build-bench}"
jobs="${JOBS:-$(nproc)}"

eval_args=()
compile_args=()
suite_args=()
strings_args=()
run_eval=1
run_compile=1
run_suite=1
run_strings=1
run_api=1
run_artifact=1
api_args=()
artifact_args=()
find_python=/tmp/find_strings/string_functions.py
find_python_given=0
expect_find_python=0
for arg in "$@"; do
  if [ "$expect_find_python" = 1 ]; then
    find_python="$arg"
    find_python_given=1
    expect_find_python=0
    continue
  fi
  case "$arg" in
    --quick)
      eval_args+=(--points 200000 --rounds 1 --reps 3 --slow-reps 1)
      compile_args+=(--runs 10 --warmup 2)
      suite_args+=(--points 2000 --interp-points 200 --rounds 1 --reps 1 --compile-runs 1 --no-kind-split --cli-runs 3 --cli-all-runs 0)
      strings_args+=(--rounds 1 --reps 1 --slow-reps 1 --python-reps 1 --compile-runs 1)
      api_args+=(--rounds 1 --reps 2 --points 200000)
      artifact_args+=(--quick)
      ;;
    --eval-only) run_compile=0; run_suite=0; run_strings=0; run_api=0; run_artifact=0 ;;
    --compile-only) run_eval=0; run_suite=0; run_strings=0; run_api=0; run_artifact=0 ;;
    --suite-only) run_eval=0; run_compile=0; run_strings=0; run_api=0; run_artifact=0 ;;
    --strings) run_eval=0; run_compile=0; run_suite=0; run_api=0; run_artifact=0 ;;
    --api) run_eval=0; run_compile=0; run_suite=0; run_strings=0; run_artifact=0 ;;
    --artifact) run_eval=0; run_compile=0; run_suite=0; run_strings=0; run_api=0 ;;
    --find-python) expect_find_python=1 ;;
    --find-python=*) find_python="${arg#--find-python=}"; find_python_given=1 ;;
    --wall)
      eval_args+=(--wall)
      compile_args+=(--wall)
      suite_args+=(--wall)
      strings_args+=(--wall)
      ;;
    -h|--help)
      sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'
      exit 0
      ;;
    *)
      echo "run.sh: unknown option '$arg' (see --help)" >&2
      exit 2
      ;;
  esac
done
if [ "$expect_find_python" = 1 ]; then
  echo "run.sh: --find-python expects a path" >&2
  exit 2
fi
if [ -f "$find_python" ]; then
  strings_args+=(--find-python "$find_python")
elif [ "$find_python_given" = 1 ]; then
  echo "run.sh: no such file: $find_python" >&2
  exit 2
fi

if [ ! -f "$build/CMakeCache.txt" ]; then
  generator=()
  command -v ninja >/dev/null && generator=(-G Ninja)
  cmake -S "$root" -B "$build" "${generator[@]}" -DCMAKE_BUILD_TYPE=Release -DFINDC_BUILD_BENCH=ON >/dev/null
fi
cmake --build "$build" -j "$jobs" --target findc findc-run findc_bench_eval findc_bench_compile findc_bench_suite \
  findc_bench_strings findc_bench_api findc_bench_artifact findc_python >/dev/null

# Debian's muparser uses OpenMP in bulk mode; keep it on one thread like every
# other engine (findc_bench_eval also sets this itself).
export OMP_NUM_THREADS=1

status=0
if [ "$run_eval" = 1 ]; then
  "$build/bench/findc_bench_eval" "${eval_args[@]}" || status=$?
  [ "$run_compile" = 1 ] && echo
fi
if [ "$run_compile" = 1 ]; then
  "$build/bench/findc_bench_compile" "${compile_args[@]}" || status=$?
  [ "$run_suite" = 1 ] && echo
fi
if [ "$run_suite" = 1 ]; then
  "$build/bench/findc_bench_suite" "${suite_args[@]}" || status=$?
  [ "$run_strings" = 1 ] && echo
fi
if [ "$run_strings" = 1 ]; then
  # The string suite: 1,000 benches from FIND's string sampler (findc's port).
  strings_suite="$build/bench/strings-1000-seed1.fnd"
  "$build/tools/findc/findc" suite generate --strings 1000 --seed 1 -o "$strings_suite" >/dev/null
  "$build/bench/findc_bench_strings" --suite "$strings_suite" "${strings_args[@]}" || status=$?
  [ "$run_api" = 1 ] && echo
fi
if [ "$run_api" = 1 ]; then
  PYTHONPATH="$build/python" /usr/bin/python3 "$root/bench/api_bench.py" \
    --bench-api "$build/bench/findc_bench_api" "${api_args[@]}" || status=$?
  [ "$run_artifact" = 1 ] && echo
fi
if [ "$run_artifact" = 1 ]; then
  "$build/bench/findc_bench_artifact" "${artifact_args[@]}" || status=$?
fi
exit "$status"
