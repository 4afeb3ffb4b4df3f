#!/usr/bin/env bash
# Read-replica check (issue 26, ADR 0018, docs/operations.md "A primary and its replicas"): a primary PostgreSQL and a
# streaming standby made from it (pg_basebackup -R, Debian's PostgreSQL 15) on loopback, two instances of the portal
# behind nginx as scripts/scale-out-check.sh runs them, each with ConnectionStrings:PortalReplica (the standby first,
# the primary after it, Target Session Attributes=prefer-standby). Both clusters log every statement with the
# connection's application name: the app's primary connections are "anqing-primary", its reads "anqing-read". Proves:
#   1. the read-heavy pages are answered from the standby (its log has them; the primary's has no read connection);
#   2. a write goes to the primary, and the page its form redirects to shows it;
#   3. with the standby stopped, the same pages are answered from the primary with 0 errors, and back on the standby
#      when it is up again;
#   4. with the standby's replay paused (lagging), a user's next page still shows their own last write.
# Prints one PASS/FAIL line per check and exits non-zero if any fails. Installs nginx (Debian's package) when it can.
#   scripts/replica-check.sh
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v nginx >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nginx-light >/dev/null 2>&1 \
      || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nginx >/dev/null
  else
    echo "[replica] nginx is missing: apt-get install nginx" >&2; exit 1
  fi
fi
source scripts/lib/bench.sh
READY_TO_RUN=false bench_publish
primary_port="$PGPORT"

# Every statement logged, with the connection's application name, on the primary and (through its copied settings) the standby.
psql_ -c "ALTER SYSTEM SET log_statement = 'all'" -c "ALTER SYSTEM SET log_line_prefix = '%m app=%a '" -c "SELECT pg_reload_conf()" >/dev/null

# The standby: a base backup of the primary that follows it (-R writes standby.signal and primary_conninfo).
replica_port="$(pg_free_port)"
mkdir -p "$work/replica"
[ "$(id -u)" = 0 ] && chown postgres "$work/replica"
"${PG_AS[@]}" "$PG_BIN/pg_basebackup" -h 127.0.0.1 -p "$primary_port" -U postgres -D "$work/replica/cluster" -R -X stream >/dev/null
replica_ctl() { "${PG_AS[@]}" "$PG_BIN/pg_ctl" -D "$work/replica/cluster" -l "$work/replica/postgres.log" -w -t 60 "$@" >/dev/null; }
replica_ctl start -o "-p $replica_port -k $work/replica -c listen_addresses=127.0.0.1 -c max_connections=200"
replica_psql() { "$PG_BIN/psql" -h 127.0.0.1 -p "$replica_port" -U postgres -d anqing_bench -Atq "$@"; }
[ "$(replica_psql -c 'SELECT pg_is_in_recovery()')" = t ] || { echo "[replica] the standby is not in recovery" >&2; exit 1; }

pids=()
nginx_pid=""
stop_all() {
  [ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done
  replica_ctl stop -m fast 2>/dev/null || true
  finish
}
trap stop_all EXIT
primary_cs="Host=127.0.0.1;Port=$primary_port;Username=postgres;Database=anqing_bench;Application Name=anqing-primary"
replica_cs="Host=127.0.0.1:$replica_port,127.0.0.1:$primary_port;Target Session Attributes=prefer-standby;Host Recheck Seconds=2;Username=postgres;Database=anqing_bench;Application Name=anqing-read"
start_instance() { # start_instance PORT NAME
  (cd "$work/app" && exec env ASPNETCORE_URLS="http://127.0.0.1:$1" Demo__Seed=false ConnectionStrings__Portal="$primary_cs" \
    ConnectionStrings__PortalReplica="$replica_cs" Serilog__File__Path="$work/logs/$2-.json" dotnet AnqingTechTransfer.Web.dll) > "$work/$2.out" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$1/health/ready" >/dev/null && return; sleep 0.5; done
  echo "[replica] instance $2 did not become ready" >&2; tail -20 "$work/$2.out" >&2; exit 1
}
port_a="$(pg_free_port)"; start_instance "$port_a" a
port_b="$(pg_free_port)"; start_instance "$port_b" b

mkdir -p "$work/nginx/logs" "$work/nginx/tmp"; chmod -R 777 "$work/nginx"
port_n="$(pg_free_port)"
cat > "$work/nginx/nginx.conf" <<CONF
worker_processes 1;
pid $work/nginx/nginx.pid;
error_log $work/nginx/logs/error.log warn;
events { worker_connections 256; }
http {
  access_log $work/nginx/logs/access.log;
  client_body_temp_path $work/nginx/tmp/body; proxy_temp_path $work/nginx/tmp/proxy;
  fastcgi_temp_path $work/nginx/tmp/fastcgi; uwsgi_temp_path $work/nginx/tmp/uwsgi; scgi_temp_path $work/nginx/tmp/scgi;
  client_max_body_size 25m;
  upstream portal { server 127.0.0.1:$port_a; server 127.0.0.1:$port_b; }
  server {
    listen 127.0.0.1:$port_n;
    location / {
      proxy_pass http://portal;
      proxy_set_header Host \$host;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto \$scheme;
    }
  }
}
CONF
nginx -p "$work/nginx" -c "$work/nginx/nginx.conf" -g 'daemon off;' &
nginx_pid=$!
base="http://127.0.0.1:$port_n"
for _ in $(seq 1 40); do curl -sf "$base/health/ready" >/dev/null && break; sleep 0.25; done

failed=0
check() { # check NAME CONDITION-RESULT(0/1) DETAIL
  if [ "$2" = 0 ]; then echo "PASS  $1 ($3)"; else echo "FAIL  $1 ($3)"; failed=1; fi
}
token_of() { grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//'; }
reads_in() { grep -c "app=anqing-read" "$1" || true; }   # statements of the app's read connections in a cluster's log
login leader.city "$work/leader.jar"; login bureau "$work/bureau.jar"; login registrar.city "$work/registrar.jar"
year=$(date -u -d '+8 hours' +%Y)
pages=("$work/leader.jar /cockpit" "$work/leader.jar /cockpit?region=340822&year=$year" "$work/bureau.jar /contracts/stats"
  " /" " /notices" " /projects" " /needs" " /results" " /carriers" " /index" " /open-data" "$work/registrar.jar /contracts/export")
read_pages() { # read_pages -> "OK TOTAL": every read-heavy page once, the number answered 200
  local ok=0 total=0 jar path code
  for entry in "${pages[@]}"; do
    jar="${entry%% *}"; path="${entry#* }"
    code=$(curl -s -o /dev/null -w '%{http_code}' ${jar:+-b "$jar"} "$base$path")
    total=$((total + 1)); if [ "$code" = 200 ]; then ok=$((ok + 1)); else echo "[replica] $path: $code" >&2; fi
  done
  echo "$ok $total"
}

# 1. The read-heavy pages come from the standby.
sleep 1
p0=$(reads_in "$work/pg/postgres.log"); r0=$(reads_in "$work/replica/postgres.log")
read -r ok total < <(read_pages)
sleep 1
p1=$(reads_in "$work/pg/postgres.log"); r1=$(reads_in "$work/replica/postgres.log")
check "the read-heavy pages are answered from the standby" "$([ "$ok" = "$total" ] && [ "$r1" -gt "$r0" ] && [ "$p1" = "$p0" ] && echo 0 || echo 1)" \
  "$ok of $total pages 200; read statements on the standby +$((r1 - r0)), on the primary +$((p1 - p0))"

# 2. A write goes to the primary; the page its form redirects to shows it.
title="副本检查通知$(date +%s)"
token=$(curl -s -b "$work/bureau.jar" -c "$work/bureau.jar" "$base/notices/new" | token_of)
location=$(curl -s -o /dev/null -w '%{redirect_url}' -b "$work/bureau.jar" -c "$work/bureau.jar" -F "__RequestVerificationToken=$token" \
  -F "Kind=Notice" -F "Title=$title" -F "Body=检查读写分离：写入主库，重定向后的页面可见。" "$base/notices/new")
sleep 0.5
written=$(grep -c "app=anqing-primary.*INSERT INTO notices" "$work/pg/postgres.log" || true)
shown=$(curl -s -b "$work/bureau.jar" "${location:-$base/notices/missing}" | grep -c "$title" || true)
check "a write goes to the primary and the page it redirects to shows it" "$([ "${written:-0}" -gt 0 ] && [ "${shown:-0}" -gt 0 ] && echo 0 || echo 1)" \
  "POST /notices/new → ${location#$base}; INSERT on the primary: $written; the new notice on that page: $shown"

# 4. The standby's replay paused: the user's own last write is still seen (the read goes to the primary), others read on.
replica_psql -c "SELECT pg_wal_replay_pause()" >/dev/null
title2="副本滞后检查通知$(date +%s)"
token=$(curl -s -b "$work/bureau.jar" -c "$work/bureau.jar" "$base/notices/new" | token_of)
location=$(curl -s -o /dev/null -w '%{redirect_url}' -b "$work/bureau.jar" -c "$work/bureau.jar" -F "__RequestVerificationToken=$token" \
  -F "Kind=Notice" -F "Title=$title2" -F "Body=备库暂停回放时，本人刚写入的内容仍然可见。" "$base/notices/new")
own=$(curl -s -b "$work/bureau.jar" "${location:-$base/notices/missing}" | grep -c "$title2" || true)
own_list=$(curl -s -b "$work/bureau.jar" "$base/notices" | grep -c "$title2" || true)
on_replica=$(replica_psql -c "SELECT count(*) FROM notices WHERE title = '$title2'")
check "a lagging standby never shows a user a page older than their own last write" \
  "$([ "${own:-0}" -gt 0 ] && [ "${own_list:-0}" -gt 0 ] && [ "$on_replica" = 0 ] && echo 0 || echo 1)" \
  "replay paused, the standby has the new notice: $on_replica rows; the writer's next pages show it: details $own, list $own_list"
replica_psql -c "SELECT pg_wal_replay_resume()" >/dev/null

# 3. The standby stopped: the same pages from the primary, no error; back on the standby once it is up.
replica_ctl stop -m fast
p0=$(reads_in "$work/pg/postgres.log")
read -r ok total < <(read_pages)
read -r ok2 total2 < <(read_pages)
sleep 1
p1=$(reads_in "$work/pg/postgres.log")
replica_ctl start -o "-p $replica_port -k $work/replica -c listen_addresses=127.0.0.1 -c max_connections=200"
back=0
for _ in $(seq 1 20); do
  sleep 1
  r0=$(reads_in "$work/replica/postgres.log"); read_pages >/dev/null; sleep 0.5; r1=$(reads_in "$work/replica/postgres.log")
  [ "$r1" -gt "$r0" ] && { back=1; break; }
done
check "with the standby stopped the pages come from the primary with 0 errors, and return to the standby" \
  "$([ "$ok" = "$total" ] && [ "$ok2" = "$total2" ] && [ "$p1" -gt "$p0" ] && [ "$back" = 1 ] && echo 0 || echo 1)" \
  "standby down: $((ok + ok2)) of $((total + total2)) pages 200, read statements on the primary +$((p1 - p0)); standby up again and used: $back"

[ "$failed" = 0 ] && echo "[replica] all checks passed" || {
  rm -rf /tmp/anqing-replica-last; mkdir -p /tmp/anqing-replica-last
  cp -r "$work"/*.out "$work/logs" "$work/pg/postgres.log" /tmp/anqing-replica-last/ 2>/dev/null || true
  cp "$work/replica/postgres.log" /tmp/anqing-replica-last/replica.log 2>/dev/null || true
  echo "[replica] some checks failed; the logs are kept in /tmp/anqing-replica-last" >&2; exit 1; }
