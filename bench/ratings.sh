#!/usr/bin/env bash
# Benchmark (not a test): cached public ratings pages against the same server's static
# /openapi.yaml route. Builds the jar if needed, starts it on its own port with an embedded
# PostgreSQL in a temporary data directory (demo data loaded), warms up, runs wrk (installed
# from Debian packages when missing) and prints requests/s, the ratio and p99, then stops.
#
#   bench/ratings.sh                 # defaults below
#   PORT=18080 DURATION=30s bench/ratings.sh
#
# Targets (DESIGN.md): cached ratings >= 0.8 x static requests/s at 64 connections,
# p99 < 20 ms at 200 connections, zero errors.
set -euo pipefail
cd "$(dirname "$0")/.."

PORT="${PORT:-18080}"
DURATION="${DURATION:-20s}"
WARMUP="${WARMUP:-10s}"
THREADS="${THREADS:-2}"
JAR="target/noko-opendata-0.1.0.jar"
BASE="http://127.0.0.1:${PORT}"
RATINGS="${BASE}/api/v1/ratings?region=00&year=2022&type=school&per_page=50"
STATIC="${BASE}/openapi.yaml"

if ! command -v wrk >/dev/null 2>&1; then
  echo "wrk not found: installing it from Debian packages"
  apt-get update -qq && apt-get install -y -qq wrk >/dev/null
fi
if [ ! -f "$JAR" ]; then
  echo "Building $JAR"
  ./mvnw -q -B -ntp -DskipTests package
fi

DATA="$(mktemp -d /tmp/noko-bench.XXXXXX)"
LOG="$DATA/server.log"
SERVER_PID=""
cleanup() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID"          # SIGTERM: the service stops its embedded PostgreSQL
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  rm -rf "$DATA"
}
trap cleanup EXIT

echo "Starting the service on port $PORT (data in $DATA)"
NOKO_PORT="$PORT" NOKO_DATA_DIR="$DATA/postgres" java -Xms512m -Xmx512m -jar "$JAR" >"$LOG" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 180); do
  if curl -fs "$BASE/health" 2>/dev/null | grep -q '"UP"'; then break; fi
  if ! kill -0 "$SERVER_PID" 2>/dev/null; then echo "The service died:"; tail -50 "$LOG"; exit 1; fi
  sleep 1
done
curl -fs "$BASE/health" | grep -q '"UP"' || { echo "The service did not come up"; tail -50 "$LOG"; exit 1; }

ratings_bytes=$(curl -fs "$RATINGS" | wc -c)
static_bytes=$(curl -fs "$STATIC" | wc -c)
echo "Ratings page: $ratings_bytes bytes of JSON; static /openapi.yaml: $static_bytes bytes"
echo "ETag of the ratings page: $(curl -fs -D - -o /dev/null "$RATINGS" | tr -d '\r' | grep -i '^etag:' | cut -d' ' -f2)"

run() { # connections url -> wrk output
  wrk -t"$THREADS" -c"$1" -d"$DURATION" --latency "$2"
}
rps() { awk '/^Requests\/sec:/ {print $2}'; }
p99() { awk '$1 == "99%" {print $2}'; }
errors() { # non-2xx/3xx and socket errors, summed
  awk '/Non-2xx or 3xx responses:/ {n += $NF} /Socket errors:/ {gsub(/,/, ""); n += $4 + $6 + $8 + $10} END {print n + 0}'
}

echo "Warming up ($WARMUP each)"
wrk -t"$THREADS" -c64 -d"$WARMUP" "$RATINGS" >/dev/null
wrk -t"$THREADS" -c64 -d"$WARMUP" "$STATIC" >/dev/null

echo "Load average before measuring (2 cores are shared with wrk and anything else running): $(cut -d' ' -f1-3 /proc/loadavg)"
echo "Measuring at 64 connections ($DURATION each)"
static64=$(run 64 "$STATIC")
ratings64=$(run 64 "$RATINGS")
echo "Measuring p99 at 200 connections ($DURATION)"
ratings200=$(run 200 "$RATINGS")

static_rps=$(echo "$static64" | rps)
ratings_rps=$(echo "$ratings64" | rps)
ratio=$(awk -v a="$ratings_rps" -v b="$static_rps" 'BEGIN {printf "%.2f", a / b}')
errs=$(( $(echo "$static64" | errors) + $(echo "$ratings64" | errors) + $(echo "$ratings200" | errors) ))

echo
echo "---- wrk: static /openapi.yaml, 64 connections"; echo "$static64"
echo "---- wrk: cached ratings page, 64 connections"; echo "$ratings64"
echo "---- wrk: cached ratings page, 200 connections"; echo "$ratings200"
echo
echo "static /openapi.yaml, 64 connections:  $static_rps requests/s (p99 $(echo "$static64" | p99))"
echo "cached ratings page, 64 connections:   $ratings_rps requests/s (p99 $(echo "$ratings64" | p99))"
echo "ratio ratings / static:                $ratio   (target >= 0.8)"
echo "cached ratings page, 200 connections:  $(echo "$ratings200" | rps) requests/s, p99 $(echo "$ratings200" | p99)   (target < 20 ms)"
echo "errors (non-2xx/3xx + socket):         $errs   (target 0)"
echo "load average after:                    $(cut -d' ' -f1-3 /proc/loadavg)"
