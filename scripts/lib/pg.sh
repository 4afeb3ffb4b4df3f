#!/usr/bin/env bash
# Private PostgreSQL clusters from the machine's own binaries (no system service, no Docker).
# Source this file, then:  pg_start DATA_DIR PORT [fast]   and   pg_stop
# PostgreSQL refuses to run as root: as root, the cluster runs as the 'postgres' OS user (created if missing).

pg_find_bin() {
  PG_BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
  if [ -z "$PG_BIN" ] || [ ! -x "$PG_BIN/initdb" ]; then
    echo "PostgreSQL server binaries were not found (looked in /usr/lib/postgresql/*/bin)." >&2
    echo "Install them:   apt-get install -y postgresql postgresql-contrib" >&2
    echo "or run the portal with Docker instead:   docker compose up" >&2
    return 1
  fi
  export PG_BIN
}

pg_free_port() {
  python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1]);s.close()' 2>/dev/null \
    || shuf -i 20000-60000 -n 1
}

# pg_start DATA_DIR PORT [fast]: initialises DATA_DIR on first use, then starts the cluster on 127.0.0.1:PORT.
pg_start() {
  local data="$1" port="$2" mode="${3:-durable}"
  pg_find_bin || return 1
  mkdir -p "$data"
  PG_AS=()
  if [ "$(id -u)" = 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin postgres
    chown -R postgres "$data"
    PG_AS=(runuser -u postgres --)
  fi
  if [ ! -f "$data/cluster/PG_VERSION" ]; then
    # C.UTF-8, never C: with LC_CTYPE=C, pg_trgm produces no trigrams for Chinese text.
    "${PG_AS[@]}" "$PG_BIN/initdb" -D "$data/cluster" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >"$data/initdb.log" 2>&1 \
      || { cat "$data/initdb.log" >&2; return 1; }
  fi
  local opts="-p $port -k $data -c listen_addresses=127.0.0.1 -c max_connections=200"
  if [ "$mode" = fast ]; then
    opts="$opts -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
  fi
  "${PG_AS[@]}" "$PG_BIN/pg_ctl" -D "$data/cluster" -l "$data/postgres.log" -w -t 60 start -o "$opts" >/dev/null \
    || { tail -20 "$data/postgres.log" >&2; return 1; }
  PG_DATA="$data"
  export PG_DATA PGHOST=127.0.0.1 PGPORT="$port" PGUSER=postgres
}

pg_stop() {
  if [ -n "${PG_DATA:-}" ] && [ -f "$PG_DATA/cluster/postmaster.pid" ]; then
    "${PG_AS[@]}" "$PG_BIN/pg_ctl" -D "$PG_DATA/cluster" -m fast -w stop >/dev/null 2>&1 || true
  fi
}
