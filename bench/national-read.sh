#!/usr/bin/env bash
# Benchmark (not a test): public reads of a national-scale data set, our packaged service against
# Platformatic DB (auto-generated REST, bench/peer-platformatic.sh) over the SAME PostgreSQL database.
#
#   bench/national-read.sh                          # 45 324 organizations x 3 years, 64 connections
#   ORGS=5000 DURATION=10s WARMUP=5s bench/national-read.sh
#
# (a) the long tail: a random organization's JSON, results history and widget (ours) against the
#     peer's auto-generated routes for the same tables: GET /organization/{id},
#     GET /result/?where.organizationId.eq={id} and, for the widget (an organization's latest result),
#     the same with orderBy.campaignId=desc&limit=1; gzip accepted (the peer answers uncompressed);
#     64 connections;
# (b) an uncached 50-row ratings page of a random region/year/page (our cache is switched off for
#     this part) against the peer's equivalent page of results (same filter, order, limit, offset).
# Each side gets the same warm-up, then is measured; the peer runs first, then ours, back to back.
# Ours starts with NOKO_PUBLIC_BASE_URL set, as in production, so its page builder renders every
# organization's pages ahead (as after a publish); (a) begins once it has finished. The node's
# memory cache holds only what the warm-up and the run ask for.
# Targets (DESIGN.md): (a) >= 2 x the peer's requests/s, p99 < 100 ms; (b) >= 1.5 x the peer.
#
# Needs a PostgreSQL 14+ reachable as PG_URL's user without a password (the machine's own, trust
# auth); the database DB is dropped and created afresh. JAVA_OPTS adds JVM options (a flight recording).
set -euo pipefail
cd "$(dirname "$0")/.."

ORGS="${ORGS:-45324}"
YEARS="${YEARS:-3}"
DB="${DB:-noko_bench}"
PG_HOST="${PG_HOST:-127.0.0.1}"
PG_PORT="${PG_PORT:-5432}"
PG_USER="${PG_USER:-postgres}"
PORT="${PORT:-18091}"
PEER_PORT="${PEER_PORT:-13042}"
CONNECTIONS="${CONNECTIONS:-64}"
THREADS="${THREADS:-2}"
DURATION="${DURATION:-20s}"
WARMUP="${WARMUP:-20s}"
HEAP="${HEAP:-512m}"
JAR="${JAR:-target/noko-opendata-0.1.0.jar}"
BEFORE_JAR="${BEFORE_JAR:-}"              # another build of ours (say, before a change), measured the same way
BASE="http://127.0.0.1:$PORT"
PEER="http://127.0.0.1:$PEER_PORT"
PSQL=(psql -q -X -v ON_ERROR_STOP=1 -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER")

command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
command -v psql >/dev/null || { apt-get update -qq && apt-get install -y -qq postgresql-client >/dev/null; }
[ -f "$JAR" ] || ./mvnw -q -B -ntp package -DskipTests

WORK="$(mktemp -d /tmp/noko-national-read.XXXXXX)"
APP="" PEER_PID=""
stop_app() { if [ -n "$APP" ]; then kill "$APP" 2>/dev/null || true; wait "$APP" 2>/dev/null || true; APP=""; fi; }
stop_peer() { if [ -n "$PEER_PID" ]; then kill "$PEER_PID" 2>/dev/null || true; PEER_PID=""; fi; }
trap 'stop_app; stop_peer; rm -rf "$WORK"' EXIT

start_app() { # [jar] extra environment assignments...
  local jar="$JAR"
  case "${1:-}" in *.jar) jar=$1; shift ;; esac
  env "$@" DATASOURCES_DEFAULT_URL="jdbc:postgresql://$PG_HOST:$PG_PORT/$DB" DATASOURCES_DEFAULT_USERNAME="$PG_USER" \
    DATASOURCES_DEFAULT_PASSWORD="" NOKO_DEMO_DATA=false NOKO_PORT="$PORT" NOKO_PUBLIC_BASE_URL="$BASE" \
    java -Xms"$HEAP" -Xmx"$HEAP" ${JAVA_OPTS:-} -jar "$jar" >>"$WORK/app.log" 2>&1 &
  APP=$!
  for _ in $(seq 1 180); do
    curl -fs "$BASE/health" 2>/dev/null | grep -q '"UP"' && return 0
    kill -0 "$APP" 2>/dev/null || { echo "The service died:"; tail -40 "$WORK/app.log"; exit 1; }
    sleep 1
  done
  echo "The service did not come up"; tail -40 "$WORK/app.log"; exit 1
}

echo "== Database $DB on $PG_HOST:$PG_PORT: $ORGS organizations x $YEARS years"
"${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
start_app                                  # Flyway creates the schema, the catalogue of regions and methodologies
"${PSQL[@]}" -d "$DB" -v orgs="$ORGS" -v years="$YEARS" -f bench/national-results.sql
stop_app

# the same random choices for both sides: our URL and the peer's equivalent, line by line
"${PSQL[@]}" -d "$DB" -At -F ' ' -c "SELECT id FROM organization ORDER BY id" > "$WORK/ids"
awk '{ print "/api/v1/organizations/" $1; print "/api/v1/organizations/" $1 "/results"; print "/widgets/organizations/" $1 }' \
  "$WORK/ids" > "$WORK/ours-tail"
awk '{ print "/organization/" $1; print "/result/?where.organizationId.eq=" $1;
       print "/result/?where.organizationId.eq=" $1 "&orderBy.campaignId=desc&limit=1" }' "$WORK/ids" > "$WORK/peer-tail"
"${PSQL[@]}" -d "$DB" -At -F ' ' -c "SELECT c.region_code, c.year, c.id, count(*) FROM campaign c JOIN result r
    ON r.campaign_id = c.id AND r.revision = c.published_revision AND r.type = 'school'
    WHERE c.status = 'published' GROUP BY 1, 2, 3" > "$WORK/scopes"
awk '{ for (p = 1; (p - 1) * 50 < $4; p++) print "/api/v1/ratings?region=" $1 "&year=" $2 "&type=school&per_page=50&page=" p }' \
  "$WORK/scopes" > "$WORK/ours-ratings"
awk '{ for (p = 1; (p - 1) * 50 < $4; p++) print "/result/?where.campaignId.eq=" $3 "&where.type.eq=school&orderBy.total=desc&orderBy.organizationId=asc&limit=50&offset=" (p - 1) * 50 }' \
  "$WORK/scopes" > "$WORK/peer-ratings"
echo "Random-organization mix: $(wc -l < "$WORK/ours-tail") URLs; ratings pages: $(wc -l < "$WORK/ours-ratings") URLs"

declare -A RPS P99 ERRORS
measure() { # label base-url paths-file
  local label=$1 base=$2 paths=$3
  PATHS="$paths" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s bench/random-path.lua "$base" >/dev/null
  uptime | sed 's/.*load average/load average/' > "$WORK/load-$label"
  PATHS="$paths" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s bench/random-path.lua "$base" > "$WORK/wrk-$label"
  RPS[$label]=$(awk '/^Requests\/sec/ { print $2 }' "$WORK/wrk-$label")
  P99[$label]=$(awk '$1 == "99%" { v = $2; if (v ~ /us$/) { sub(/us/, "", v); v /= 1000 } else if (v ~ /ms$/) sub(/ms/, "", v);
                 else if (v ~ /s$/) { sub(/s/, "", v); v *= 1000 }; printf "%.1f", v }' "$WORK/wrk-$label")
  ERRORS[$label]=$(awk '/Non-2xx/ { n += $NF } /Socket errors/ { gsub(/[^0-9 ]/, " "); n += $1 + $2 + $3 + $4 } END { print n + 0 }' "$WORK/wrk-$label")
  printf '%-14s %10s req/s   p99 %8s ms   errors %s   (%s)\n' "$label" "${RPS[$label]}" "${P99[$label]}" "${ERRORS[$label]}" "$(cat "$WORK/load-$label")"
}

echo "== Peer: Platformatic DB"
PEER_PID=$(bench/peer-platformatic.sh "postgres://$PG_USER@$PG_HOST:$PG_PORT/$DB" "$PEER_PORT")
for _ in $(seq 1 120); do curl -fs "$PEER/organization/?limit=1" >/dev/null 2>&1 && break; sleep 1; done
id=$(sed -n 1p "$WORK/ids")
curl -fs "$PEER/organization/$id" >/dev/null || { echo "The peer does not answer /organization/$id"; exit 1; }
measure peer-tail "$PEER" "$WORK/peer-tail"
measure peer-ratings "$PEER" "$WORK/peer-ratings"
stop_peer

if [ -n "$BEFORE_JAR" ]; then
  echo "== Ours before: $BEFORE_JAR"
  start_app "$BEFORE_JAR"
  measure before-tail "$BASE" "$WORK/ours-tail"
  stop_app
  start_app "$BEFORE_JAR" NOKO_CACHE_MAX_MB=0
  measure before-ratings "$BASE" "$WORK/ours-ratings"
  stop_app
fi

echo "== Ours: the packaged service, -Xmx$HEAP"
start_app
# what a publish does for its region: every organization's pages rendered ahead and stored (PageBuilder);
# the generator wrote the results behind the service's back, so here it builds all of them at its start
built_from=$(date +%s)
for _ in $(seq 1 1800); do
  built=$("${PSQL[@]}" -d "$DB" -At -c "SELECT count(*) FROM page_build WHERE built_version >= 0")
  [ "$built" -ge "$ORGS" ] && break
  sleep 1
done
echo "stored pages built for $built of $ORGS organizations in $(( $(date +%s) - built_from )) s:" \
  "$("${PSQL[@]}" -d "$DB" -At -c "SELECT count(*) || ' pages, ' || pg_size_pretty(sum(length(body))) FROM stored_page")"
curl -fs -H 'Accept-Encoding: gzip' -o /dev/null -w "organization JSON: %{size_download} bytes gzip, %{http_code}\n" "$BASE/api/v1/organizations/$id"
measure ours-tail "$BASE" "$WORK/ours-tail"
stop_app
start_app NOKO_CACHE_MAX_MB=0                # every ratings page is read and rendered afresh
measure ours-ratings "$BASE" "$WORK/ours-ratings"
stop_app

echo "== Summary ($(nproc) cores, wrk -t$THREADS -c$CONNECTIONS on the same cores, warm-up $WARMUP, measured $DURATION)"
printf '| | Platformatic DB | ours | ratio ours / peer | target |\n|---|---|---|---|---|\n'
printf '| random-organization mix, req/s | %s | %s | %.2f | >= 2 |\n' "${RPS[peer-tail]}" "${RPS[ours-tail]}" \
  "$(echo "${RPS[ours-tail]} / ${RPS[peer-tail]}" | bc -l)"
printf '| random-organization mix, p99 | %s ms | %s ms | | < 100 ms |\n' "${P99[peer-tail]}" "${P99[ours-tail]}"
printf '| uncached 50-row ratings page, req/s | %s | %s | %.2f | >= 1.5 |\n' "${RPS[peer-ratings]}" "${RPS[ours-ratings]}" \
  "$(echo "${RPS[ours-ratings]} / ${RPS[peer-ratings]}" | bc -l)"
printf '| uncached 50-row ratings page, p99 | %s ms | %s ms | | |\n' "${P99[peer-ratings]}" "${P99[ours-ratings]}"
printf '| errors (non-2xx/3xx, socket) | %s / %s | %s / %s | | 0 |\n' "${ERRORS[peer-tail]}" "${ERRORS[peer-ratings]}" \
  "${ERRORS[ours-tail]}" "${ERRORS[ours-ratings]}"
if [ -n "$BEFORE_JAR" ]; then
  printf '| before: random-organization mix, req/s (p99) | | %s (%s ms) | %.2f | |\n' "${RPS[before-tail]}" "${P99[before-tail]}" \
    "$(echo "${RPS[before-tail]} / ${RPS[peer-tail]}" | bc -l)"
  printf '| before: uncached ratings page, req/s (p99) | | %s (%s ms) | %.2f | |\n' "${RPS[before-ratings]}" "${P99[before-ratings]}" \
    "$(echo "${RPS[before-ratings]} / ${RPS[peer-ratings]}" | bc -l)"
  echo "errors before: ${ERRORS[before-tail]} / ${ERRORS[before-ratings]}"
fi
[ -n "${KEEP_LOG:-}" ] && cp "$WORK/app.log" "$KEEP_LOG"
true
