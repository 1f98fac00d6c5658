#!/usr/bin/env bash
# Builds the benchmarks if needed and runs both, printing their tables.
#
# usage: bench/run.sh [--quick] [--eval-only | --compile-only] [--wall]
#   --quick         fewer points, rounds and runs (a smoke test, ~10 s)
#   --eval-only     run findc_bench_eval only
#   --compile-only  run findc_bench_compile only
#   --wall          time with steady_clock instead of thread CPU time
# Environment: FINDC_BENCH_BUILD_DIR (default: build-bench in the repository),
# JOBS (parallel build jobs, default: nproc).
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
build="${FINDC_BENCH_BUILD_DIR:-$root/build-bench}"
jobs="${JOBS:-$(nproc)}"

eval_args=()
compile_args=()
run_eval=1
run_compile=1
for arg in "$@"; do
  case "$arg" in
    --quick)
      eval_args+=(--points 200000 --rounds 1 --reps 3 --slow-reps 1)
      compile_args+=(--runs 10 --warmup 2)
      ;;
    --eval-only) run_compile=0 ;;
    --compile-only) run_eval=0 ;;
    --wall)
      eval_args+=(--wall)
      compile_args+=(--wall)
      ;;
    -h|--help)
      sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'
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
cmake --build "$build" -j "$jobs" --target findc_bench_eval findc_bench_compile >/dev/null

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
fi
exit "$status"
