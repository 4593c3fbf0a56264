#!/usr/bin/env bash
# `npm run bench`: the machine endpoints against a production build on a throwaway PostgreSQL.
#
#   BENCH_DURATION=10      seconds per scenario and connection count
#   BENCH_CONNECTIONS=1,32 connection counts
#   BENCH_SKIP_BUILD=1     reuse .next when it has a build
#   BENCH_PRELOAD=N        insert N extra access tokens first (cost stays flat with a million)
#   BENCH_OUT=file.json    also write the results as JSON
#   BENCH_RUNS=3           repeat each run and report the median (by req/s)
#
# Starts PostgreSQL (scripts/pg-temp.sh), builds, starts server.mjs on a free port, registers a
# client_credentials application with `manage createapplication`, then runs scripts/bench.mjs.
# Everything it started is stopped on exit, whatever happens.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/pg-temp.sh

SERVER_PID=
WORK=$(mktemp -d /tmp/bench.XXXXXX)
cleanup() {
  local rc=$?
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    # The server runs in its own process group (setsid): stop the group, then wait for it.
    kill -TERM -- "-$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
    kill -KILL -- "-$SERVER_PID" 2>/dev/null || true
  fi
  pg_temp_stop
  if [ $rc -ne 0 ] && [ -s "$WORK/server.log" ]; then
    echo "bench: server log (last 30 lines):" >&2
    tail -n 30 "$WORK/server.log" >&2
  fi
  rm -rf "$WORK"
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# A production-like buffer cache, so a million stored tokens' indexes stay in memory.
export PG_TEMP_SHARED_BUFFERS=${PG_TEMP_SHARED_BUFFERS:-512MB}
pg_temp_start

if [ "${BENCH_SKIP_BUILD:-}" = "1" ] && [ -f .next/BUILD_ID ]; then
  echo "bench: reusing the production build in .next (BENCH_SKIP_BUILD=1)"
else
  echo "bench: building (npx next build)..."
  npx next build >"$WORK/build.log" 2>&1 || { tail -n 40 "$WORK/build.log" >&2; echo "bench: next build failed" >&2; exit 1; }
fi

PORT=$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
export DATABASE_URL="$PG_TEMP_URL"
export NODE_ENV=production
export AUTH_SECRET="$(node -e "console.log(require('crypto').randomBytes(32).toString('base64url'))")"
export NEXT_TELEMETRY_DISABLED=1

echo "bench: starting server.mjs on 127.0.0.1:$PORT (PostgreSQL at 127.0.0.1:$PG_TEMP_PORT)"
# The production server (request logs on, as in production; they go to server.log).
setsid node server.mjs -p "$PORT" -H 127.0.0.1 >"$WORK/server.log" 2>&1 &
SERVER_PID=$!

BASE_URL="http://127.0.0.1:$PORT"
for i in $(seq 1 120); do
  if curl -fsS "$BASE_URL/api/health" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$SERVER_PID" 2>/dev/null; then echo "bench: the server exited during start" >&2; exit 1; fi
  [ "$i" = 120 ] && { echo "bench: /api/health did not answer within 60 s" >&2; exit 1; }
  sleep 0.5
done

APP_JSON=$(npx tsx lib/manage/index.ts createapplication confidential client-credentials --name bench --json)

BENCH_BASE_URL="$BASE_URL" BENCH_APP="$APP_JSON" node scripts/bench.mjs
