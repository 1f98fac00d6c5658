#!/usr/bin/env bash
# Builds the benchmarks if needed and runs them, printing their tables.
#
# usage: bench/run.sh [--quick] [--eval-only | --compile-only | --suite-only] [--wall]
#   --quick         fewer points, rounds and runs (a smoke test, ~30 s)
#   --eval-only     run findc_bench_eval only
#   --compile-only  run findc_bench_compile only
#   --suite-only    run findc_bench_suite only (the FIND v1 suite, ~70 s)
#   --wall          time with steady_clock instead of thread CPU time
# Environment: FINDC_BENCH_BUILD_DIR (default: build-bench in the repository),
# JOBS (parallel build jobs, default: nproc).
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
build="${FINDC_BENCH_BUILD_DIR:-$root/build-bench}"
jobs="${JOBS:-$(nproc)}"

eval_args=()
compile_args=()
suite_args=()
run_eval=1
run_compile=1
run_suite=1
for arg in "$@"; do
  case "$arg" in
    --quick)
      eval_args+=(--points 200000 --rounds 1 --reps 3 --slow-reps 1)
      compile_args+=(--runs 10 --warmup 2)
      suite_args+=(--points 2000 --interp-points 200 --rounds 1 --reps 1 --compile-runs 1 --no-kind-split --cli-runs 3 --cli-all-runs 0)
      ;;
    --eval-only) run_compile=0; run_suite=0 ;;
    --compile-only) run_eval=0; run_suite=0 ;;
    --suite-only) run_eval=0; run_compile=0 ;;
    --wall)
      eval_args+=(--wall)
      compile_args+=(--wall)
      suite_args+=(--wall)
      ;;
    -h|--help)
      sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'
      exit 0
      ;;
    *)
      echo "run.sh: unknown option '$arg' (see --help)" >&2
      exit 2
      ;;
  esac
done

if [ ! -f "$build/CMakeCache.txt" ]; then
  generator=()
  command -v ninja >/dev/null && generator=(-G Ninja)
  cmake -S "$root" -B "$build" "${generator[@]}" -DCMAKE_BUILD_TYPE=Release -DFINDC_BUILD_BENCH=ON >/dev/null
fi
cmake --build "$build" -j "$jobs" --target findc_bench_eval findc_bench_compile findc_bench_suite >/dev/null

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
fi
exit "$status"
