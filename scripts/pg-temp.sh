# Source this file: starts a throwaway PostgreSQL 15 cluster on a free loopback port and exports
# PG_TEMP_URL (a superuser URL). `pg_temp_stop` stops and removes it. initdb and postgres refuse
# to run as root, so as root they run as the `postgres` OS user.
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}

pg_temp_start() {
  PG_TEMP_DIR=$(mktemp -d /tmp/pgtemp.XXXXXX)
  PG_TEMP_PORT=$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
  local run=()
  if [ "$(id -u)" = "0" ]; then
    chown postgres "$PG_TEMP_DIR"
    run=(runuser -u postgres --)
  fi
  "${run[@]}" "$PG_BIN/initdb" -D "$PG_TEMP_DIR/data" -U postgres --auth=trust -E UTF8 >"$PG_TEMP_DIR/initdb.log" 2>&1 \
    || { echo "pg-temp: initdb failed (see $PG_TEMP_DIR/initdb.log)" >&2; return 1; }
  "${run[@]}" "$PG_BIN/pg_ctl" -D "$PG_TEMP_DIR/data" -l "$PG_TEMP_DIR/server.log" -w \
    -o "-p $PG_TEMP_PORT -k $PG_TEMP_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200 -c shared_buffers=${PG_TEMP_SHARED_BUFFERS:-128MB}" start >/dev/null \
    || { echo "pg-temp: pg_ctl start failed (see $PG_TEMP_DIR/server.log)" >&2; return 1; }
  export PG_TEMP_URL="postgres://postgres@127.0.0.1:$PG_TEMP_PORT/postgres"
  export PG_TEMP_DIR PG_TEMP_PORT
  echo "pg-temp: PostgreSQL 15 running at 127.0.0.1:$PG_TEMP_PORT"
}

pg_temp_stop() {
  [ -n "${PG_TEMP_DIR:-}" ] || return 0
  local run=()
  [ "$(id -u)" = "0" ] && run=(runuser -u postgres --)
  "${run[@]}" "$PG_BIN/pg_ctl" -D "$PG_TEMP_DIR/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$PG_TEMP_DIR"
  unset PG_TEMP_DIR
}
