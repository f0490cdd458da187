#!/usr/bin/env bash
# Publish under load (not a test): a correction of every one of ROWS organizations is published
# while THREADS client threads read the campaign's public routes; prints requests, errors, mixed
# answers, and the publish time under load against the same correction published idle.
#
#   bench/publish-load.sh                  # 5 000 organizations, 8 readers
#   ROWS=45000 THREADS=16 bench/publish-load.sh
set -euo pipefail
cd "$(dirname "$0")/.."

ROWS=${ROWS:-5000}
THREADS=${THREADS:-8}
PORT=${PORT:-18081}
PGPORT=${PGPORT:-15433}
HEAP=${HEAP:-512m}
WORK=$(mktemp -d /tmp/noko-publish-load.XXXXXX)
TOKEN="bench-bootstrap-token-$(od -An -tx1 -N16 /dev/urandom | tr -d ' \n')"
JAR=target/noko-opendata-0.1.0.jar

[ -f "$JAR" ] || ./mvnw -q -DskipTests package

echo "== generating $ROWS organizations and their correction (every name marked, overall satisfaction 0)"
java bench/GenerateNationalFile.java "$WORK/first.csv" "$ROWS" 77 45
awk -F, -v OFS=, 'NR == 1 { print; next } { sub(/",/, " (исправлено)\",") ; $NF = 0; print }' "$WORK/first.csv" > "$WORK/corrected.csv"

echo "== starting the service (embedded PostgreSQL in $WORK/pg, -Xmx$HEAP)"
NOKO_DATA_DIR="$WORK/pg" NOKO_DEMO_DATA=false NOKO_PORT=$PORT NOKO_EMBEDDED_POSTGRES_PORT=$PGPORT \
NOKO_BOOTSTRAP_ADMIN_TOKEN="$TOKEN" NOKO_IMPORT_WAIT=1s NOKO_OPENDATA_FILES_DIR="$WORK/files" \
  java -Xmx$HEAP ${JAVA_OPTS:-} -jar "$JAR" > "$WORK/service.log" 2>&1 &
SERVICE=$!
trap 'kill $SERVICE 2>/dev/null; wait $SERVICE 2>/dev/null || true; echo "(work files in $WORK)"' EXIT
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$PORT/health" >/dev/null && break
  sleep 1
done
curl -sf "http://127.0.0.1:$PORT/health" >/dev/null || { echo "service did not start"; tail -50 "$WORK/service.log"; exit 1; }

java bench/PublishLoad.java "http://127.0.0.1:$PORT" "$TOKEN" "$WORK/first.csv" "$WORK/corrected.csv" "$ROWS" "$THREADS" 77
