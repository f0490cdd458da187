#!/usr/bin/env bash
# National-scale publish benchmark (not a test): a raw-inputs file of ROWS organizations is
# uploaded, validated, computed and published through the admin API of the packaged service, and
# the time is compared with a bare COPY of the same file into an unindexed table of the same
# database. The service runs with -Xmx512m; the peak heap is read from its GC log.
#
#   bench/run.sh            # 45 000 organizations
#   ROWS=10000 bench/run.sh
set -euo pipefail
cd "$(dirname "$0")/.."

ROWS=${ROWS:-45000}
PORT=${PORT:-18080}
PGPORT=${PGPORT:-15432}
HEAP=${HEAP:-512m}
WORK=$(mktemp -d /tmp/noko-bench.XXXXXX)
TOKEN="bench-bootstrap-token-$(od -An -tx1 -N16 /dev/urandom | tr -d ' \n')"
JAR=target/noko-opendata-0.1.0.jar
API="http://127.0.0.1:$PORT/api/v1"
AUTH="Authorization: Bearer $TOKEN"

[ -f "$JAR" ] || ./mvnw -q -DskipTests package
command -v psql >/dev/null || { echo "psql is needed for the bare COPY (apt-get install postgresql-client)"; exit 1; }

now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", b - a }'; }

echo "== generating $ROWS organizations"
java bench/GenerateNationalFile.java "$WORK/national.csv" "$ROWS" 77 45
ls -l "$WORK/national.csv" | awk '{ printf "   %.1f MB\n", $5 / 1048576 }'

echo "== starting the service (embedded PostgreSQL in $WORK/pg, -Xmx$HEAP)"
NOKO_DATA_DIR="$WORK/pg" NOKO_DEMO_DATA=false NOKO_PORT=$PORT NOKO_EMBEDDED_POSTGRES_PORT=$PGPORT \
NOKO_BOOTSTRAP_ADMIN_TOKEN="$TOKEN" NOKO_IMPORT_WAIT=1s \
  java -Xmx$HEAP -Xlog:gc:file="$WORK/gc.log" ${JAVA_OPTS:-} -jar "$JAR" > "$WORK/service.log" 2>&1 &
SERVICE=$!
trap 'kill $SERVICE 2>/dev/null; wait $SERVICE 2>/dev/null; echo "(work files in $WORK)"' EXIT
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$PORT/health" >/dev/null && break
  sleep 1
done
curl -sf "http://127.0.0.1:$PORT/health" >/dev/null || { echo "service did not start"; tail -50 "$WORK/service.log"; exit 1; }

job_status() { curl -sf -H "$AUTH" "$API/admin/jobs/$1" | sed -E 's/.*"status":"([a-z]+)".*/\1/'; }

# upload → (job) validate + compute + stage → publish; prints seconds for each part
publish_run() {
  local year=$1
  local id
  id=$(curl -sf -H "$AUTH" -H 'Content-Type: application/json' "$API/admin/campaigns" \
    -d "{\"region_code\":\"77\",\"year\":$year,\"title\":\"Бенчмарк $year\"}" | sed -E 's/^\{"id":([0-9]+).*/\1/')
  local t0 t1 t2 job
  t0=$(now)
  job=$(curl -sf -H "$AUTH" -H 'Content-Type: text/csv' --data-binary @"$WORK/national.csv" \
    "$API/admin/campaigns/$id/uploads?level=raw_inputs" | sed -E 's/^\{"id":([0-9]+).*/\1/')
  until [[ "$(job_status "$job")" =~ succeeded|failed ]]; do sleep 0.05; done
  t1=$(now)
  curl -sf -H "$AUTH" -H 'Content-Type: application/json' -d '{}' "$API/admin/campaigns/$id/publish" > "$WORK/publish-$year.json"
  t2=$(now)
  grep -q '"status":"published"' "$WORK/publish-$year.json" || { echo "publish failed"; cat "$WORK/publish-$year.json"; exit 1; }
  echo "$(secs "$t0" "$t1") $(secs "$t1" "$t2") $(secs "$t0" "$t2")"
}

echo "== bare COPY of the same file into an unindexed table (psql \\copy, best of 3)"
export PGPASSWORD; PGPASSWORD=$(cat "$WORK/pg/noko-postgres-password")
PSQL="psql -X -q -h 127.0.0.1 -p $PGPORT -U postgres -d postgres"
$PSQL -c "CREATE TABLE bench_bare (inn text, kpp text, name text, type text, oktmo text,
  stand_items_present int, stand_items_required int, site_items_present int, site_items_required int,
  remote_channels int, comfort_conditions int, disability_premises_conditions int, disability_service_conditions int,
  recipients int, respondents int, used_stand int, satisfied_stand int, used_site int, satisfied_site int,
  satisfied_comfort int, respondents_disabled int, satisfied_accessibility int, satisfied_first_contact int,
  satisfied_service_staff int, used_remote int, satisfied_remote int, would_recommend int,
  satisfied_schedule int, satisfied_overall int)"
best_copy=999
for _ in 1 2 3; do
  $PSQL -c "TRUNCATE bench_bare"
  t0=$(now)
  $PSQL -c "\\copy bench_bare FROM '$WORK/national.csv' WITH (FORMAT csv, HEADER true)"
  t1=$(now)
  s=$(secs "$t0" "$t1")
  best_copy=$(awk -v a="$s" -v b="$best_copy" 'BEGIN { print (a < b) ? a : b }')
  echo "   COPY ${s}s"
done
$PSQL -c "DROP TABLE bench_bare"

echo "== cold run: fresh JVM, every organization new to the catalogue"
read -r cold_import cold_publish cold_total <<<"$(publish_run 2023)"
echo "   upload+validate+compute+stage ${cold_import}s, publish ${cold_publish}s, total ${cold_total}s"
echo "== warm run: same file as another year's campaign (organizations known, JIT warm)"
read -r warm_import warm_publish warm_total <<<"$(publish_run 2024)"
echo "   upload+validate+compute+stage ${warm_import}s, publish ${warm_publish}s, total ${warm_total}s"

peak=$(grep -oE '[0-9]+M->[0-9]+M' "$WORK/gc.log" | sed -E 's/M->.*//' | sort -n | tail -1)
results=$($PSQL -t -A -c "SELECT count(*) FROM result")
echo
echo "== summary ($ROWS organizations, $results result rows written)"
echo "   bare COPY (best of 3):        ${best_copy}s"
echo "   cold upload → publish:        ${cold_total}s  = $(awk -v a="$cold_total" -v b="$best_copy" 'BEGIN { printf "%.2f", a / b }') × COPY"
echo "   warm upload → publish:        ${warm_total}s  = $(awk -v a="$warm_total" -v b="$best_copy" 'BEGIN { printf "%.2f", a / b }') × COPY"
echo "   peak heap before a GC:        ${peak:-?} MB (limit -Xmx$HEAP)"
