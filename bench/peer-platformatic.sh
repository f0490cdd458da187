#!/bin/bash
# Source: the team's common peer starter, tools/peer-platformatic.sh, copied here so the benchmark needs nothing outside the repository.
# Starts Platformatic DB (auto-generated REST over a PostgreSQL database, from the npm registry) as the
# "what a user would pick instead" peer for side-by-side read benchmarks.
# Usage: peer-platformatic.sh POSTGRES_URL PORT   (e.g. postgres://postgres:postgres@127.0.0.1:5432/noko 3042)
# Prints the peer's PID; stop it with kill PID. Needs Node 22: installed from the npm registry's `node` package.
set -eu
url=$1 port=$2
home=${PEER_HOME:-${TMPDIR:-/tmp}/noko-peer}
mkdir -p "$home"
cd "$home"
[ -x node22/node_modules/.bin/node ] || (mkdir -p node22 && cd node22 && npm install -s --no-audit --no-fund node@22 >/dev/null)
[ -d node_modules/@platformatic/db ] || npm install -s --no-audit --no-fund @platformatic/db@3.67.0 >/dev/null
cat > platformatic.json <<JSON
{ "server": { "hostname": "127.0.0.1", "port": $port, "logger": { "level": "warn" } },
  "db": { "connectionString": "$url", "graphql": false, "openapi": true }, "watch": false }
JSON
cat > run.mjs <<'JS'
import { create } from '@platformatic/db'
const app = await create(process.cwd(), 'platformatic.json')
await app.start({ listen: true })
JS
nohup node22/node_modules/.bin/node run.mjs > peer.log 2>&1 &
echo $!
