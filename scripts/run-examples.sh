#!/usr/bin/env bash
# The main job on the bundled examples: builds findc, checks every example,
# and evaluates each of its functions on FIND's test grid with the JIT and the
# reference interpreter, reporting whether the two engines agree bit for bit.
# Benches (suites) are evaluated all at once per file, noise included;
# string benches on a fixed set of strings (empty, non-ASCII, digits, ...).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
"$root/scripts/build.sh" >/dev/null
findc="$root/build/tools/findc/findc"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
status=0
for file in "$root"/examples/*.fnd; do
  "$findc" check "$file"
  # Every `def NAME(` in an example is a function of one number.
  for fn in $(sed -n 's/^def \([A-Za-z_][A-Za-z_0-9]*\)(.*/\1/p' "$file"); do
    "$findc" eval "$file" --fn "$fn" --find-grid >"$tmp/jit"
    "$findc" eval "$file" --fn "$fn" --find-grid --engine interp >"$tmp/interp"
    if cmp -s "$tmp/jit" "$tmp/interp"; then verdict="jit == interp"; else verdict="MISMATCH"; status=1; fi
    printf '%-28s %-22s f(-0.5)=%-24s f(0.5)=%-24s %s\n' "$(basename "$file")" "$fn" \
      "$(sed -n 128p "$tmp/jit")" "$(sed -n 129p "$tmp/jit")" "$verdict"
  done
  strings=$(sed -n 's/^bench \([A-Za-z_][A-Za-z_0-9]*\)([A-Za-z_0-9]*: *str).*/--fn \1/p' "$file")
  if [ -n "$strings" ]; then
    inputs=("" "a" "Hello World" "abc123def45" "café" "straße" "MiXeD CaSe" "  padded  " "racecar"
            "The quick brown fox jumps over the lazy dog" "x1y2z3")
    # shellcheck disable=SC2086 # one --fn NAME pair per bench
    "$findc" eval "$file" $strings --json -- "${inputs[@]}" >"$tmp/jit"
    # shellcheck disable=SC2086
    "$findc" eval "$file" $strings --json --engine interp -- "${inputs[@]}" >"$tmp/interp"
    if cmp -s "$tmp/jit" "$tmp/interp"; then verdict="jit == interp"; else verdict="MISMATCH"; status=1; fi
    failed=$(grep -o '"[A-Za-z]*Error"' "$tmp/jit" | wc -l)
    printf '%-28s %-22s %-58s %s
' "$(basename "$file")" "$(wc -l <"$tmp/jit") benches" \
      "${#inputs[@]} strings each, $failed raise as in FIND" "$verdict"
    continue
  fi
  benches=$(sed -n 's/^bench \([A-Za-z_][A-Za-z_0-9]*\)(.*/--fn \1/p' "$file")
  if [ -n "$benches" ]; then
    # shellcheck disable=SC2086 # one --fn NAME pair per bench
    "$findc" eval "$file" $benches --find-grid --json --seed 1 >"$tmp/jit"
    # shellcheck disable=SC2086
    "$findc" eval "$file" $benches --find-grid --json --seed 1 --engine interp >"$tmp/interp"
    if cmp -s "$tmp/jit" "$tmp/interp"; then verdict="jit == interp"; else verdict="MISMATCH"; status=1; fi
    printf '%-28s %-22s %-58s %s\n' "$(basename "$file")" "$(wc -l <"$tmp/jit") benches" \
      "FIND grid, noise seed 1" "$verdict"
  fi
done
exit $status
