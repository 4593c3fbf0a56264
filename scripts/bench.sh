#!/usr/bin/env bash
# `npm run bench`: the machine endpoints against a production build on a throwaway PostgreSQL.
#
#   BENCH_DURATION=10      seconds per scenario and connection count
#   BENCH_CONNECTIONS=1,32 connection counts
#   BENCH_SKIP_BUILD=1     reuse .next when it has a build
#   BENCH_PRELOAD=N        a second database in the same cluster gets N live access tokens and N refresh
#                          tokens, a second server.mjs runs on it, and token, introspection and the
#                          bearer GET run on both in the same rounds (empty against preloaded)
#   BENCH_OUT=file.json    also write the results as JSON
#   BENCH_RUNS=3           repeat each run and report the median (by req/s)
#   BENCH_LIMITS=1         also run token and introspection against a second server with rate limits
#                          on (per-IP limits raised, the application's own limit above the load);
#                          BENCH_LIMITS=0 runs the limits-off server alone
#   BENCH_COMPARE=1        also start, on the same database, server.mjs with OAUTH2_FAST_PATH=off,
#                          server.mjs with OAUTH2_WORKERS=2, and plain `next start` (the bare route
#                          handler baseline), and node-oidc-provider when BENCH_OIDC_PROVIDER names its
#                          directory (scripts/bench-oidc-provider.mjs says how to install it); their
#                          scenarios run in the same rounds. BENCH_COMPARE=0: the main server alone
#
# Starts PostgreSQL (scripts/pg-temp.sh), builds, starts server.mjs on a free port with rate
# limits off (and, with BENCH_LIMITS=1, a second one with them on, on the same database), registers
# a client_credentials application with `manage createapplication`, then runs scripts/bench.mjs.
# Everything it started is stopped on exit, whatever happens.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/pg-temp.sh

SERVER_PIDS=()
WORK=$(mktemp -d /tmp/bench.XXXXXX)
cleanup() {
  local rc=$?
  for pid in "${SERVER_PIDS[@]}"; do
    if kill -0 "$pid" 2>/dev/null; then
      # The server runs in its own process group (setsid): stop the group, then wait for it.
      kill -TERM -- "-$pid" 2>/dev/null || true
      for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -KILL -- "-$pid" 2>/dev/null || true
    fi
  done
  pg_temp_stop
  if [ $rc -ne 0 ]; then
    for log in "$WORK"/server*.log; do
      [ -s "$log" ] || continue
      echo "bench: $(basename "$log") (last 30 lines):" >&2
      tail -n 30 "$log" >&2
    done
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

export DATABASE_URL="$PG_TEMP_URL"
export NODE_ENV=production
export AUTH_SECRET="$(node -e "console.log(require('crypto').randomBytes(32).toString('base64url'))")"
export NEXT_TELEMETRY_DISABLED=1

free_port() { node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"; }

# start_server NAME [ENV=VALUE...]: server.mjs (the production server) on a free port with these settings; sets BASE_URL.
# BENCH_CMD (default server.mjs) runs another server the same way (`next start`, oidc-provider).
start_server() {
  local name=$1; shift
  local port
  port=$(free_port)
  local cmd=${BENCH_CMD:-"server.mjs -p $port -H 127.0.0.1"}
  cmd=${cmd//\$PORT/$port}
  echo "bench: starting $cmd ($name) on 127.0.0.1:$port (PostgreSQL at 127.0.0.1:$PG_TEMP_PORT)"
  # shellcheck disable=SC2086
  # Each server is its own issuer (production requires OAUTH2_ISSUER with PostgreSQL).
  env OAUTH2_ISSUER="http://127.0.0.1:$port" "$@" setsid node $cmd >"$WORK/server-$name.log" 2>&1 &
  local pid=$!
  SERVER_PIDS+=("$pid")
  BASE_URL="http://127.0.0.1:$port"
  for i in $(seq 1 120); do
    if curl -fsS "$BASE_URL/api/health" >/dev/null 2>&1; then return 0; fi
    if ! kill -0 "$pid" 2>/dev/null; then echo "bench: the $name server exited during start" >&2; exit 1; fi
    [ "$i" = 120 ] && { echo "bench: /api/health ($name) did not answer within 60 s" >&2; exit 1; }
    sleep 0.5
  done
}

# The main server runs with limits off: the benchmark's one client would be over the default
# 1,200 token requests a minute within seconds.
start_server limits-off OAUTH2_RATE_LIMITS=off
OFF_URL=$BASE_URL
LIMITED_URL=
if [ "${BENCH_LIMITS:-1}" = "1" ]; then
  # Limits on, as in production, except that no limit may refuse the load: the per-IP limits
  # (every request comes from 127.0.0.1) are raised here, and the application's own rate_limit
  # (set by bench.mjs, BENCH_APP_RATE_LIMIT) lifts its per-client limits above the load.
  start_server limits-on OAUTH2_RATE_LIMITS=on OAUTH2_RATE_LIMIT_TOKEN_IP=100000000/60
  LIMITED_URL=$BASE_URL
fi

APP_JSON=$(npx tsx lib/manage/index.ts createapplication confidential client-credentials --name bench --json)
# Issue 20: an application whose access tokens are JWTs (RFC 9068), for the bearer check.
APP_JWT_JSON=$(npx tsx lib/manage/index.ts createapplication confidential client-credentials --name bench-jwt --access-token-format jwt --json)
# Issue 19: an application in a secret rotation's overlap; the benchmark authenticates with the
# previous secret, which matches the second digest.
APP_ROTATED_JSON=$(npx tsx lib/manage/index.ts createapplication confidential client-credentials --name bench-rotated --json)
ROTATED_ID=$(node -e "console.log(JSON.parse(process.argv[1]).client_id)" "$APP_ROTATED_JSON")
npx tsx lib/manage/index.ts rotatesecret --client-id "$ROTATED_ID" --overlap 24h --json >/dev/null

PRELOADED_URL= PRELOAD_DB_URL=
if [ "${BENCH_PRELOAD:-0}" != "0" ]; then
  PRELOAD_DB_URL="${PG_TEMP_URL%/postgres}/bench_preloaded"
  node -e "const sql=require('postgres')(process.argv[1],{max:1});sql.unsafe('create database bench_preloaded').then(()=>sql.end())" "$PG_TEMP_URL"
  start_server preloaded OAUTH2_RATE_LIMITS=off DATABASE_URL="$PRELOAD_DB_URL"
  PRELOADED_URL=$BASE_URL
  # The same client_id and secret in both databases, so every scenario sends the same request.
  read -r CID CSECRET < <(node -e "const a=JSON.parse(process.argv[1]);console.log(a.client_id,a.client_secret)" "$APP_JSON")
  DATABASE_URL="$PRELOAD_DB_URL" npx tsx lib/manage/index.ts createapplication confidential client-credentials --name bench \
    --client-id "$CID" --client-secret "$CSECRET" --json >/dev/null
fi

FASTOFF_URL= WORKERS_URL= NEXTSTART_URL= OIDC_URL=
if [ "${BENCH_COMPARE:-1}" = "1" ]; then
  start_server fast-path-off OAUTH2_RATE_LIMITS=off OAUTH2_FAST_PATH=off
  FASTOFF_URL=$BASE_URL
  start_server workers-2 OAUTH2_RATE_LIMITS=off OAUTH2_WORKERS=2
  WORKERS_URL=$BASE_URL
  BENCH_CMD='node_modules/next/dist/bin/next start -p $PORT -H 127.0.0.1' start_server next-start OAUTH2_RATE_LIMITS=off
  NEXTSTART_URL=$BASE_URL
  if [ -n "${BENCH_OIDC_PROVIDER:-}" ]; then
    BENCH_CMD='scripts/bench-oidc-provider.mjs $PORT' start_server oidc-provider BENCH_OIDC_CLIENT="$APP_JSON"
    OIDC_URL=$BASE_URL
  else
    echo "bench: BENCH_OIDC_PROVIDER unset: no node-oidc-provider comparison (scripts/bench-oidc-provider.mjs says how)"
  fi
fi

BENCH_BASE_URL="$OFF_URL" BENCH_LIMITED_URL="$LIMITED_URL" BENCH_APP="$APP_JSON" BENCH_APP_JWT="$APP_JWT_JSON" BENCH_APP_ROTATED="$APP_ROTATED_JSON" \
  BENCH_PRELOADED_URL="$PRELOADED_URL" BENCH_PRELOAD_DATABASE_URL="$PRELOAD_DB_URL" \
  BENCH_FASTOFF_URL="$FASTOFF_URL" BENCH_WORKERS_URL="$WORKERS_URL" BENCH_NEXTSTART_URL="$NEXTSTART_URL" BENCH_OIDC_URL="$OIDC_URL" \
  node scripts/bench.mjs
