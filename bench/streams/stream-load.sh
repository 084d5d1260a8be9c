#!/usr/bin/env bash
# Snapshot streams under load: Flagstaff on Payara Micro (embedded H2, authentication off, -Xmx1g), loopback only.
#
#   bench/streams/stream-load.sh [--port 18090] [--streams 2000] [--changes 10] [--idle 20] [--no-build]
#
# Builds the WAR (unless --no-build), starts it, then runs bench/streams/StreamLoad.java: it opens --streams
# streams of GET /client/v2/environments/default/namespaces/<ns>/stream from one NIO thread, waits for every
# stream's first snapshot, lets them idle for --idle seconds, prints the server's RSS and thread count (from
# /proc) before and after, then makes --changes writes one after another and prints, over every stream and
# change, how long after the write was sent the stream had its line (p50, p99, max). Stops what it started.
set -euo pipefail
cd "$(dirname "$0")/../.."

port=18090 streams=2000 changes=10 idle=20 build=true
while [ $# -gt 0 ]; do
  case "$1" in
    --port) port=$2; shift 2 ;;
    --streams) streams=$2; shift 2 ;;
    --changes) changes=$2; shift 2 ;;
    --idle) idle=$2; shift 2 ;;
    --no-build) build=false; shift ;;
    *) echo "unknown option $1 (see the header of $0)" >&2; exit 2 ;;
  esac
done
# every stream is a socket on both sides
ulimit -n $((streams * 2 + 1024)) 2>/dev/null || echo "note: could not raise the open-files limit ($(ulimit -n))"

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
java -Xms1g -Xmx1g -Dflagstaff.data-dir="$work/data" -jar target/payara-micro.jar --deploy target/flagstaff.war \
  --contextroot / --nocluster --port "$port" --rootdir "$work/root" \
  --prebootcommandfile src/main/payara/preboot.asadmin > "$work/server.log" 2>&1 &
server_pid=$!
echo "== waiting for Payara Micro (pid $server_pid) on port $port"
for _ in $(seq 1 360); do
  curl -sf "http://127.0.0.1:$port/api/v1/namespaces" >/dev/null 2>&1 && break
  kill -0 "$server_pid" 2>/dev/null || { tail -50 "$work/server.log"; exit 1; }
  sleep 1
done
echo "== $streams streams"
timeout 900 java bench/streams/StreamLoad.java --port "$port" --pid "$server_pid" --streams "$streams" \
  --changes "$changes" --idle "$idle"
