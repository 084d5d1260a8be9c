#!/usr/bin/env bash
# Write latency by namespace size (issue 15, target 5): Flagstaff on Payara Micro with the embedded database,
# loopback only.
#
#   bench/write-latency.sh [--port 18400] [--flags 10000] [--writes 200] [--warmup-writes 50] [--no-build]
#
# Builds the WAR (unless --no-build), starts it, seeds namespace "small" with 10 flags and "big" with --flags
# flags through the import route (each flag: two variants, one rule on a shared segment, one distribution),
# evaluates once in each (so each has an evaluation snapshot to keep current), then makes --warmup-writes
# unmeasured writes and --writes measured ones to each namespace, alternating small / big: a
# PUT /api/v1/namespaces/{ns}/flags/{key} that turns a flag on or off (a different flag each time). After every
# PUT an evaluation of that flag must show the write (read-your-own-write); the run fails otherwise. The time of
# a write is curl's time_total of the PUT alone. It stops everything it started, and its last line is:
#   small_p50_ms=… small_p99_ms=… big_p50_ms=… big_p99_ms=… flags=… ratio=…
# where ratio = big_p50_ms / small_p50_ms (target 5: at most 2). BENCH_JVM_OPTS (environment) adds server JVM
# options, e.g. -XX:StartFlightRecording=filename=/tmp/w.jfr to profile the writes.
set -euo pipefail
cd "$(dirname "$0")/.."

port=18400 flags=10000 writes=200 warmup=50 build=true
while [ $# -gt 0 ]; do
  case "$1" in
    --port) port=$2; shift 2 ;;
    --flags) flags=$2; shift 2 ;;
    --writes) writes=$2; shift 2 ;;
    --warmup-writes) warmup=$2; shift 2 ;;
    --no-build) build=false; shift ;;
    *) echo "unknown option $1 (see the header of $0)" >&2; exit 2 ;;
  esac
done

work=$(mktemp -d)
server_pid=""
cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid"; wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

if [ "$build" = true ]; then
  echo "== building (mvn package, tests skipped) and fetching Payara Micro"
  mvn -q -B -ntp -DskipTests package dependency:copy@fetch-payara-micro
fi
# an import of thousands of flags is one large body
FLAGSTAFF_HTTP_MAX_BODY_BYTES=100000000 \
  java -Xms1g -Xmx1g ${BENCH_JVM_OPTS:-} -Dflagstaff.data-dir="$work/data" -jar target/payara-micro.jar --deploy target/flagstaff.war \
  --contextroot / --nocluster --port "$port" --rootdir "$work/root" \
  --prebootcommandfile src/main/payara/preboot.asadmin > "$work/server.log" 2>&1 &
server_pid=$!
base="http://127.0.0.1:$port"
for _ in $(seq 1 180); do curl -sf "$base/ofrep/v1/configuration" >/dev/null 2>&1 && break; sleep 1; done
curl -sf "$base/ofrep/v1/configuration" >/dev/null || { echo "server did not start; log:"; tail -50 "$work/server.log"; exit 1; }

# one import document (JSON, which the import reads as YAML) of flags f<from>..f<to-1>; the first also has the segment
document() { # from, to
  awk -v from="$1" -v to="$2" 'BEGIN {
    printf "{\"version\":\"1.4\",\"flags\":["
    for (i = from; i < to; i++) {
      if (i > from) printf ","
      printf "{\"key\":\"f%d\",\"name\":\"Flag %d\",\"type\":\"VARIANT_FLAG_TYPE\",\"enabled\":true,", i, i
      printf "\"variants\":[{\"key\":\"on\"},{\"key\":\"off\"}],"
      printf "\"rules\":[{\"segment\":\"everyone\",\"distributions\":[{\"variant\":\"on\",\"rollout\":100}]}]}"
    }
    printf "]"
    if (from == 0) {
      printf ",\"segments\":[{\"key\":\"everyone\",\"name\":\"Everyone\",\"match_type\":\"ALL_MATCH_TYPE\","
      printf "\"constraints\":[{\"type\":\"STRING_COMPARISON_TYPE\",\"property\":\"plan\",\"operator\":\"neq\",\"value\":\"none\"}]}]"
    }
    printf "}"
  }'
}
seed() { # namespace, flag count
  curl -sf -X POST "$base/api/v1/namespaces" -H 'Content-Type: application/json' -d "{\"key\":\"$1\",\"name\":\"$1\"}" >/dev/null
  # several imports of a few hundred flags: one import is one transaction, which must end within its timeout
  local from=0 chunk=250 status
  while [ "$from" -lt "$2" ]; do
    local to=$(( from + chunk < $2 ? from + chunk : $2 ))
    document "$from" "$to" > "$work/import.json"
    status=$(curl -s -o "$work/import.out" -w '%{http_code}' -X POST "$base/api/v1/namespaces/$1/import" \
      -H 'Content-Type: application/json' --data-binary @"$work/import.json")
    [ "$status" = 200 ] || { echo "import of flags $from..$to into $1 failed: HTTP $status $(head -c 300 "$work/import.out")"; exit 1; }
    from=$to
  done
}
echo "== seeding namespace small (10 flags) and big ($flags flags)"
start=$(date +%s)
seed small 10
seed big "$flags"
echo "   seeded in $(( $(date +%s) - start )) s"

evaluate() { # namespace, flag -> the evaluation response
  curl -sf -X POST "$base/evaluate/v1/variant" -H 'Content-Type: application/json' \
    -d "{\"namespaceKey\":\"$1\",\"flagKey\":\"$2\",\"entityId\":\"u1\",\"context\":{\"plan\":\"pro\"}}"
}
evaluate small f0 | grep -q '"match":true' || { echo "namespace small does not evaluate as expected"; exit 1; }
evaluate big f0 | grep -q '"match":true' || { echo "namespace big does not evaluate as expected"; exit 1; }

n=0
write() { # namespace, flag count, output file: one PUT toggling a flag, then the read-your-own-write check
  local ns=$1 count=$2 out=$3
  n=$(( n + 1 ))
  local key="f$(( (n * 7919) % count ))" enabled=true expect='"match":true'
  if [ $(( n % 2 )) -eq 0 ]; then enabled=false expect='FLAG_DISABLED_EVALUATION_REASON'; fi
  curl -sf -o /dev/null -w '%{time_total}\n' -X PUT "$base/api/v1/namespaces/$ns/flags/$key" \
    -H 'Content-Type: application/json' -d "{\"name\":\"Flag $key\",\"enabled\":$enabled}" >> "$out" \
    || { echo "PUT $ns/$key failed"; exit 1; }
  evaluate "$ns" "$key" | grep -q "$expect" \
    || { echo "read-your-own-write broken: $ns/$key enabled=$enabled not seen by the next evaluation"; exit 1; }
}
echo "== $warmup unmeasured writes to each namespace, then $writes measured ones, alternating"
for _ in $(seq 1 "$warmup"); do write small 10 "$work/warm"; write big "$flags" "$work/warm"; done
for _ in $(seq 1 "$writes"); do write small 10 "$work/small"; write big "$flags" "$work/big"; done

pct() { # file, percentile (0-100) -> milliseconds, nearest rank
  sort -g "$1" | awk -v p="$2" '{v[NR] = $1} END {r = int((p / 100) * NR + 0.999999); if (r < 1) r = 1; printf "%.2f", v[r] * 1000}'
}
s50=$(pct "$work/small" 50) s99=$(pct "$work/small" 99) b50=$(pct "$work/big" 50) b99=$(pct "$work/big" 99)
printf 'small (10 flags)    p50 %8s ms   p99 %8s ms\n' "$s50" "$s99"
printf 'big (%s flags)  p50 %8s ms   p99 %8s ms\n' "$flags" "$b50" "$b99"
echo "small_p50_ms=$s50 small_p99_ms=$s99 big_p50_ms=$b50 big_p99_ms=$b99 flags=$flags ratio=$(awk -v b="$b50" -v s="$s50" 'BEGIN {printf "%.2f", b / s}')"
