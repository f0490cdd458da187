#!/usr/bin/env bash
# Benchmark: the sitemaps and feeds at national scale (45 000 organizations × 3 years by default):
# the time of each sitemap file uncached (first request after a data change) and cached, and its
# size. Not a test: run by hand; prints one line per URL.
# Usage: bench/sitemaps.sh [organizations=45000] [years=3]
set -euo pipefail
cd "$(dirname "$0")/.."
ORGS=${1:-45000}
YEARS=${2:-3}
PORT=${PORT:-18097}
PG_PORT=${PG_PORT:-15437}
WORK=$(mktemp -d)
trap 'kill "$APP" 2>/dev/null; wait "$APP" 2>/dev/null; rm -rf "$WORK"' EXIT

[ -f target/noko-opendata-0.1.0.jar ] || ./mvnw -q -B -o package -DskipTests
NOKO_DATA_DIR="$WORK/pg" NOKO_DEMO_DATA=false NOKO_PORT=$PORT \
  java -Xmx256m -Dnoko.embedded-postgres.port=$PG_PORT -jar target/noko-opendata-0.1.0.jar > "$WORK/app.log" 2>&1 &
APP=$!
for _ in $(seq 1 120); do [ -f "$WORK/pg/noko-postgres-password" ] && curl -sf "localhost:$PORT/health" >/dev/null && break; sleep 1; done
export PGPASSWORD; PGPASSWORD=$(cat "$WORK/pg/noko-postgres-password")
PSQL=(psql -q -X -h localhost -p $PG_PORT -U postgres -d postgres)
echo "Generating $ORGS organizations x $YEARS years ..."
"${PSQL[@]}" -v orgs="$ORGS" -v years="$YEARS" -f bench/national-results.sql

time_of() {  # path: uncached, then cached
  local path=$1 first second bytes
  first=$(curl -s -o /dev/null -w '%{time_total}' "localhost:$PORT$path")
  read -r second bytes < <(curl -s -o /dev/null -w '%{time_total} %{size_download}\n' "localhost:$PORT$path")
  printf '%-34s uncached %6.0f ms | cached %5.1f ms | %8.1f KB | %s URLs\n' "$path" "$(echo "$first * 1000" | bc)" \
    "$(echo "$second * 1000" | bc)" "$(echo "$bytes / 1024" | bc -l)" \
    "$(curl -s "localhost:$PORT$path" | grep -o '<loc>\|<entry>' | wc -l)"
}
# two rounds, the data version moved before each: the first warms the JVM, the second is reported
for round in 1 2; do
  "${PSQL[@]}" -c "UPDATE data_version SET version = version + 1, changed_at = now()"
  sleep 1
  echo "Round $round"
  time_of /sitemap.xml
  for path in $(curl -s "localhost:$PORT/sitemap.xml" | grep -o "<loc>[^<]*</loc>" | sed -e 's/<[^>]*>//g' -e "s#http://[^/]*##"); do
    time_of "$path"
  done
  time_of /feeds/publications.atom
  time_of /feeds/regions/59.atom
  time_of /feeds/organizations/12345.atom
  time_of /robots.txt
done
