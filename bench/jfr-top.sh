#!/usr/bin/env bash
# Where a server's CPU time went, from a JFR recording of bench/http-eval.sh --jfr FILE:
#   bench/jfr-top.sh FILE [N]
# prints the N (default 25) methods most often on top of the stack (self time) and the N methods most often
# anywhere on the stack (inclusive time), as a share of all execution samples.
set -euo pipefail
file=$1 n=${2:-25}
jfr print --events jdk.ExecutionSample --stack-depth 96 "$file" | awk -v n="$n" '
  /jdk.ExecutionSample/ { if (inside) flush(); inside = 1; depth = 0; delete seen; next }
  /^[ \t]+[A-Za-z_$][A-Za-z0-9_$.]*\.[A-Za-z_$<][A-Za-z0-9_$<>]*\(/ && inside {
    frame = $1; sub(/\(.*/, "", frame)
    if (depth == 0) self[frame]++
    if (!(frame in seen)) { seen[frame] = 1; incl[frame]++ }
    depth++
  }
  function flush() { if (depth > 0) total++ }
  END {
    if (inside) flush()
    printf "%d samples\n-- self --\n", total
    for (f in self) printf "%6.2f%%  %s\n", 100 * self[f] / total, f | "sort -rn | head -" n
    close("sort -rn | head -" n)
    printf "-- inclusive --\n"
    for (f in incl) printf "%6.2f%%  %s\n", 100 * incl[f] / total, f | "sort -rn | head -" n
    close("sort -rn | head -" n)
  }'
