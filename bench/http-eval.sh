#!/usr/bin/env bash
# HTTP evaluation benchmark: Flagstaff on Payara Micro or Open Liberty with the embedded database, loopback only.
#
#   bench/http-eval.sh [--runtime payara|liberty] [--port 18080] [--duration 30] [--warmup 120] [--connections 32]
#                      [--threads 2] [--auth] [--jfr FILE]
#
# --runtime: payara (default; Payara Micro 6 from Maven Central) or liberty (Open Liberty 26, the full runtime
# zip of the pom's liberty-maven-plugin, config in liberty/). Same seed, same requests, same last line.
# --jfr FILE: record a Java Flight Recording (profile settings) of the server during the variant measurement;
# bench/jfr-top.sh FILE summarises where the time went.
# BENCH_JVM_OPTS (environment): extra JVM options for the server, e.g. -XX:+UseParallelGC, to compare settings.
# --auth: authentication required (FLAGSTAFF_AUTH_REQUIRED=true, MicroProfile JWT active) and every request
# carries a client token (a bootstrap token made up for the run).
#
# Builds the WAR, starts it, seeds namespace "bench" with a realistic variant flag (3 rules, 2 segments of
# 3 constraints, 2 distributions) and a boolean flag (segment + threshold rollouts), warms the server up for
# --warmup seconds (Payara needs about two minutes), then runs wrk for --duration seconds against
# POST /evaluate/v1/variant, POST /evaluate/v1/boolean and, in the same run, a trivial endpoint of the same
# server (GET /ofrep/v1/configuration: static JSON, no evaluation). Every request loop is bounded by time.
# It stops everything it started, and its last line is:
#   variant_rps=… boolean_rps=… trivial_rps=… ratio=… variant_p99_ms=… boolean_p99_ms=… runtime=… auth=…
# where ratio = min(variant_rps, boolean_rps) / trivial_rps.
set -euo pipefail
cd "$(dirname "$0")/.."

port=18080 duration=30 warmup=120 connections=32 threads=2 auth=false runtime=payara jfr=""
while [ $# -gt 0 ]; do
  case "$1" in
    --runtime) runtime=$2; shift 2 ;;
    --jfr) jfr=$(realpath -m "$2"); shift 2 ;;
    --port) port=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --threads) threads=$2; shift 2 ;;
    --auth) auth=true; shift ;;
    *) echo "unknown option $1 (see the header of $0)" >&2; exit 2 ;;
  esac
done
case "$runtime" in payara|liberty) ;; *) echo "--runtime is payara or liberty" >&2; exit 2 ;; esac

if ! command -v wrk >/dev/null; then
  echo "installing wrk (Debian package)"; apt-get install -y -qq wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }
fi

work=$(mktemp -d)
server_pid=""
wlp=target/liberty/wlp
cleanup() {
  if [ "$runtime" = liberty ] && [ -n "$server_pid" ]; then
    WLP_OUTPUT_DIR="$work/wlp-output" "$wlp/bin/server" stop flagstaff >/dev/null 2>&1 || true
  fi
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid"; wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

# --auth: authentication required (MicroProfile JWT active) and every request carries a client token
auth_header=()
export BENCH_AUTHORIZATION=""
if [ "$auth" = true ]; then
  token=$(head -c 24 /dev/urandom | base64 | tr -d '/+=')
  BENCH_AUTHORIZATION="Bearer $token"
  auth_header=(-H "Authorization: $BENCH_AUTHORIZATION")
fi
heap="-Xms1g -Xmx1g ${BENCH_JVM_OPTS:-}" # BENCH_JVM_OPTS: extra server JVM options (e.g. a GC) to compare
if [ "$runtime" = payara ]; then
  echo "== building (mvn package, tests skipped) and fetching Payara Micro"
  mvn -q -B -ntp -DskipTests package dependency:copy@fetch-payara-micro
  FLAGSTAFF_AUTH_REQUIRED=$auth FLAGSTAFF_AUTH_BOOTSTRAP_TOKEN=${token:-} \
    java $heap -Dflagstaff.data-dir="$work/data" -jar target/payara-micro.jar --deploy target/flagstaff.war \
    --contextroot / --nocluster --port "$port" --rootdir "$work/root" \
    --prebootcommandfile src/main/payara/preboot.asadmin > "$work/server.log" 2>&1 &
  server_pid=$!
else
  echo "== building (mvn package, tests skipped) and creating the Open Liberty server (target/liberty)"
  mvn -q -B -ntp -DskipTests package liberty:create liberty:deploy
  # WLP_OUTPUT_DIR keeps logs, workarea and the embedded database of this run in its scratch folder
  WLP_OUTPUT_DIR="$work/wlp-output" JVM_ARGS="$heap" FLAGSTAFF_PORT=$port FLAGSTAFF_DATA_DIR="$work/data" \
    FLAGSTAFF_AUTH_REQUIRED=$auth FLAGSTAFF_AUTH_BOOTSTRAP_TOKEN=${token:-} \
    "$wlp/bin/server" run flagstaff > "$work/server.log" 2>&1 &
  server_pid=$!
fi
base="http://127.0.0.1:$port"
for _ in $(seq 1 180); do curl -sf "${auth_header[@]}" "$base/ofrep/v1/configuration" >/dev/null 2>&1 && break; sleep 1; done
curl -sf "${auth_header[@]}" "$base/ofrep/v1/configuration" >/dev/null || { echo "server did not start; log:"; tail -50 "$work/server.log"; exit 1; }

echo "== seeding namespace bench"
post() { curl -sf "${auth_header[@]}" -X POST "$base$1" -H 'Content-Type: application/json' -d "$2"; }
put() { curl -sf "${auth_header[@]}" -X PUT "$base$1" -H 'Content-Type: application/json' -d "$2" >/dev/null; }
id_of() { sed -E 's/^\{"id":"([^"]+)".*/\1/'; }
ns=/api/v1/namespaces/bench
post /api/v1/namespaces '{"key":"bench","name":"Benchmark"}' >/dev/null
post $ns/flags '{"key":"checkout","name":"Checkout","enabled":true}' >/dev/null
control=$(post $ns/flags/checkout/variants '{"key":"control"}' | id_of)
treatment=$(post $ns/flags/checkout/variants '{"key":"treatment","attachment":"{\"color\":\"green\"}"}' | id_of)
post $ns/segments '{"key":"pro_eu","name":"Pro in the EU","matchType":"ALL_MATCH_TYPE"}' >/dev/null
post $ns/segments/pro_eu/constraints '{"type":"STRING_COMPARISON_TYPE","property":"plan","operator":"eq","value":"pro"}' >/dev/null
post $ns/segments/pro_eu/constraints '{"type":"STRING_COMPARISON_TYPE","property":"region","operator":"isoneof","value":"[\"de\",\"fr\",\"nl\"]"}' >/dev/null
post $ns/segments/pro_eu/constraints '{"type":"NUMBER_COMPARISON_TYPE","property":"seats","operator":"gte","value":"5"}' >/dev/null
post $ns/segments '{"key":"beta","name":"Beta testers","matchType":"ANY_MATCH_TYPE"}' >/dev/null
post $ns/segments/beta/constraints '{"type":"BOOLEAN_COMPARISON_TYPE","property":"beta","operator":"true"}' >/dev/null
post $ns/segments/beta/constraints '{"type":"STRING_COMPARISON_TYPE","property":"email","operator":"suffix","value":"@example.com"}' >/dev/null
post $ns/segments/beta/constraints '{"type":"DATETIME_COMPARISON_TYPE","property":"signup","operator":"gt","value":"2024-01-01T00:00:00Z"}' >/dev/null
r1=$(post $ns/flags/checkout/rules '{"segmentKeys":["pro_eu","beta"],"segmentOperator":"AND_SEGMENT_OPERATOR","rank":1}' | id_of)
r2=$(post $ns/flags/checkout/rules '{"segmentKey":"pro_eu","rank":2}' | id_of)
r3=$(post $ns/flags/checkout/rules '{"segmentKey":"beta","rank":3}' | id_of)
for r in $r1 $r2 $r3; do
  post $ns/flags/checkout/rules/$r/distributions "{\"variantId\":\"$control\",\"rollout\":50}" >/dev/null
  post $ns/flags/checkout/rules/$r/distributions "{\"variantId\":\"$treatment\",\"rollout\":50}" >/dev/null
done
put $ns/flags/checkout "{\"name\":\"Checkout\",\"enabled\":true,\"defaultVariantId\":\"$control\"}"
post $ns/flags '{"key":"dark_mode","name":"Dark mode","type":"BOOLEAN_FLAG_TYPE"}' >/dev/null
post $ns/flags/dark_mode/rollouts '{"rank":1,"segment":{"segmentKey":"beta","value":true}}' >/dev/null
post $ns/flags/dark_mode/rollouts '{"rank":2,"threshold":{"percentage":30,"value":true}}' >/dev/null

# wrk scripts: POST bodies with a different entity id per request, contexts that reach every rule
cat > "$work/variant.lua" <<'LUA'
local n = 0
local headers = {["Content-Type"] = "application/json"}
if os.getenv("BENCH_AUTHORIZATION") ~= "" then headers["Authorization"] = os.getenv("BENCH_AUTHORIZATION") end
local contexts = {
  '{"plan":"pro","region":"de","seats":"12","beta":"true","email":"a@example.com","signup":"2024-06-01T00:00:00Z"}',
  '{"plan":"pro","region":"fr","seats":"7"}',
  '{"plan":"free","beta":"true"}',
  '{"plan":"free","region":"us"}'
}
request = function()
  n = n + 1
  local body = '{"namespaceKey":"bench","flagKey":"checkout","entityId":"user-' .. n .. '","context":' .. contexts[(n % 4) + 1] .. '}'
  return wrk.format("POST", "/evaluate/v1/variant", headers, body)
end
LUA
cat > "$work/boolean.lua" <<'LUA'
local n = 0
local headers = {["Content-Type"] = "application/json"}
if os.getenv("BENCH_AUTHORIZATION") ~= "" then headers["Authorization"] = os.getenv("BENCH_AUTHORIZATION") end
request = function()
  n = n + 1
  local ctx = (n % 2 == 0) and '{"beta":"true"}' or '{"beta":"false"}'
  local body = '{"namespaceKey":"bench","flagKey":"dark_mode","entityId":"user-' .. n .. '","context":' .. ctx .. '}'
  return wrk.format("POST", "/evaluate/v1/boolean", headers, body)
end
LUA
curl -sf "${auth_header[@]}" -X POST "$base/evaluate/v1/variant" -d '{"namespaceKey":"bench","flagKey":"checkout","entityId":"u","context":{"plan":"pro","region":"de","seats":"12"}}' | grep -q '"match":true' \
  || { echo "seeded flag does not evaluate as expected"; exit 1; }

# the server's JVM (Payara Micro is the java process started above, Liberty's runs under bin/server)
jvm=$server_pid
if [ "$runtime" = liberty ]; then jvm=$(pgrep -P "$server_pid" java | head -1 || true); jvm=${jvm:-$server_pid}; fi
cpu_ticks() { awk '{print $14 + $15}' "/proc/$jvm/stat" 2>/dev/null || echo 0; }
run() { # name, duration, wrk args...; also the server's CPU time during the run (clock ticks) in $work/name.cpu
  local name=$1 secs=$2; shift 2
  local before; before=$(cpu_ticks)
  wrk -t"$threads" -c"$connections" -d"${secs}s" --timeout 5s --latency "$@" > "$work/$name.out" 2>&1
  echo $(( $(cpu_ticks) - before )) > "$work/$name.cpu"
}
echo "== warming up for ${warmup}s (variant, boolean and trivial in turn)"
slice=$(( warmup / 6 )); [ "$slice" -lt 1 ] && slice=1
for _ in 1 2; do
  run warm "$slice" -s "$work/variant.lua" "$base"
  run warm "$slice" -s "$work/boolean.lua" "$base"
  run warm "$slice" "${auth_header[@]}" "$base/ofrep/v1/configuration"
done

echo "== measuring ${duration}s each, $threads threads, $connections connections"
if [ -n "$jfr" ]; then
  jcmd "$jvm" JFR.start name=bench settings=profile filename="$jfr" >/dev/null
fi
run variant "$duration" -s "$work/variant.lua" "$base"
[ -n "$jfr" ] && jcmd "$jvm" JFR.stop name=bench >/dev/null && echo "== JFR of the variant run: $jfr"
run boolean "$duration" -s "$work/boolean.lua" "$base"
run trivial "$duration" "${auth_header[@]}" "$base/ofrep/v1/configuration"

rps() { awk '/Requests\/sec/ {print $2}' "$work/$1.out"; }
pct() { # name, percentile label (50% / 99%) -> milliseconds
  awk -v p="$2" '$1 == p {v=$2; if (v ~ /us$/) {sub(/us$/,"",v); v=v/1000} else if (v ~ /ms$/) {sub(/ms$/,"",v)} else if (v ~ /s$/) {sub(/s$/,"",v); v=v*1000}; printf "%.2f", v}' "$work/$1.out"
}
errors() { awk '/Non-2xx|Socket errors/ {print}' "$work/$1.out"; }
cpu_us() { # the server's CPU time per request in microseconds (all its threads, GC included)
  awk -v t="$(cat "$work/$1.cpu")" -v hz="$(getconf CLK_TCK)" '/requests in/ {printf "%.0f", t * 1e6 / hz / $1}' "$work/$1.out"
}
for name in variant boolean trivial; do
  printf '%-8s %10s req/s   p50 %7s ms   p99 %7s ms   server CPU %5s us/req  %s\n' "$name" "$(rps $name)" \
    "$(pct $name 50%)" "$(pct $name 99%)" "$(cpu_us $name)" "$(errors $name)"
done
ratio=$(awk -v v="$(rps variant)" -v b="$(rps boolean)" -v t="$(rps trivial)" 'BEGIN {m = (v < b ? v : b); printf "%.2f", m / t}')
echo "variant_rps=$(rps variant) boolean_rps=$(rps boolean) trivial_rps=$(rps trivial) ratio=$ratio variant_p99_ms=$(pct variant 99%) boolean_p99_ms=$(pct boolean 99%) runtime=$runtime auth=$auth"
