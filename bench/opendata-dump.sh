#!/usr/bin/env bash
# Benchmark: full multi-year open-data dumps streamed by the service vs PostgreSQL's own
# COPY (same query) TO STDOUT on the same database, with the service's heap watched.
# Usage: bench/opendata-dump.sh [organizations=45000] [years=3]
# Not a test: run by hand; prints throughput, the ratio and heap figures.
set -euo pipefail
cd "$(dirname "$0")/.."
ORGS=${1:-45000}
YEARS=${2:-3}
PORT=18090
PG_PORT=15433
HEAP=${HEAP:-256m}
WORK=$(mktemp -d)
trap 'kill "$APP" 2>/dev/null; wait "$APP" 2>/dev/null; rm -rf "$WORK"' EXIT

command -v psql >/dev/null || { apt-get update -qq && apt-get install -y -qq postgresql-client >/dev/null; }
[ -f target/noko-opendata-0.1.0.jar ] || ./mvnw -q -B package -DskipTests

NOKO_DATA_DIR="$WORK/pg" NOKO_DEMO_DATA=false NOKO_PORT=$PORT \
  java -Xmx"$HEAP" -Dnoko.embedded-postgres.port=$PG_PORT -jar target/noko-opendata-0.1.0.jar > "$WORK/app.log" 2>&1 &
APP=$!
for _ in $(seq 1 120); do curl -sf "localhost:$PORT/health" >/dev/null && break; sleep 1; done
export PGPASSWORD; PGPASSWORD=$(cat "$WORK/pg/noko-postgres-password")
PSQL=(psql -q -X -h localhost -p $PG_PORT -U postgres -d postgres)

echo "Generating $ORGS organizations x $YEARS years ..."
"${PSQL[@]}" -v orgs="$ORGS" -v years="$YEARS" -f bench/national-results.sql
INN=$(curl -s "localhost:$PORT/opendata/list.csv" | sed -n 3p | cut -d- -f1)
VERSION=$("${PSQL[@]}" -Atc "SELECT version FROM opendata_release ORDER BY id DESC LIMIT 1")
STRUCTURE=$("${PSQL[@]}" -Atc "SELECT structure FROM opendata_release ORDER BY id DESC LIMIT 1")

measure() {  # name, url path, SQL of the same rows
  local name=$1 path=$2 query=$3
  local url="localhost:$PORT$path"
  local t0 t1 t2 t3 bytes copy_bytes peak=0
  curl -s -o /dev/null "$url"                                   # first request computes and stores the checksum
  # heap used (KB) = survivor + eden + old, sampled every 100 ms
  jstat -gc "$APP" 100 | awk 'NR > 1 { print $3 + $4 + $6 + $8; fflush() }' > "$WORK/heap-$name" &
  local sampler=$!
  t0=$(date +%s.%N)
  bytes=$(curl -s -o /dev/null -w '%{size_download}' "$url")
  t1=$(date +%s.%N)
  kill $sampler 2>/dev/null || true
  peak=$(sort -n "$WORK/heap-$name" | tail -1)
  t2=$(date +%s.%N)
  copy_bytes=$("${PSQL[@]}" -c "\\copy ($query) TO STDOUT WITH (FORMAT csv, HEADER)" | wc -c)
  t3=$(date +%s.%N)
  awk -v n="$name" -v b="$bytes" -v s="$(echo "$t1 - $t0" | bc)" -v cb="$copy_bytes" -v cs="$(echo "$t3 - $t2" | bc)" -v p="$peak" \
    'BEGIN { printf "%-12s service %8.1f MB in %6.2f s = %6.1f MB/s | COPY %8.1f MB in %6.2f s = %6.1f MB/s | ratio %.2f | peak heap used %.0f MB\n",
             n, b/1e6, s, b/1e6/s, cb/1e6, cs, cb/1e6/cs, (b/s)/(cb/cs), p/1024 }'
}

RESULTS_SQL="SELECT c.year, c.region_code, rc.campaign_id, rc.revision, r.organization_id, o.inn, o.kpp, r.name, r.type, r.oktmo, r.k1, r.k2, r.k3, r.k4, r.k5, r.total, r.place_region, r.place_type, r.place_municipality, r.respondents, cr.published_at FROM opendata_release_campaign rc JOIN campaign c ON c.id = rc.campaign_id JOIN campaign_revision cr ON cr.campaign_id = rc.campaign_id AND cr.revision = rc.revision JOIN result r ON r.campaign_id = rc.campaign_id AND r.revision = rc.revision JOIN organization o ON o.id = r.organization_id WHERE rc.release_id = (SELECT max(id) FROM opendata_release) ORDER BY c.year, c.region_code, rc.campaign_id, r.place_region, r.organization_id"
INDICATORS_SQL="SELECT c.year, c.region_code, rc.campaign_id, rc.revision, iv.organization_id, o.inn, o.kpp, iv.indicator_code, iv.value, iv.zero_rule_applied FROM opendata_release_campaign rc JOIN campaign c ON c.id = rc.campaign_id JOIN indicator_value iv ON iv.campaign_id = rc.campaign_id AND iv.revision = rc.revision JOIN organization o ON o.id = iv.organization_id WHERE rc.release_id = (SELECT max(id) FROM opendata_release) ORDER BY c.year, c.region_code, rc.campaign_id, iv.organization_id, string_to_array(iv.indicator_code, '.')::int[]"

echo "Service heap limit -Xmx$HEAP"
measure results "/opendata/$INN-noko-results/data-$VERSION-structure-$STRUCTURE.csv" "$RESULTS_SQL"
measure indicators "/opendata/$INN-noko-indicators/data-$VERSION-structure-$STRUCTURE.csv" "$INDICATORS_SQL"
