#!/usr/bin/env bash
# PostgreSQL restart drill (issue 12, docs/security.md "Faults"): the portal under write load while its database restarts.
#   1. publishes the app and starts it on a throwaway, durable cluster (fsync on) with the demo data;
#   2. 8 writers submit 40 technology needs each as ent.a, each with its own submission key, resubmitting the same key
#      (as a user pressing the button again) until the portal acknowledges it with a redirect to the new record;
#   3. after ~4 s the cluster is restarted (pg_ctl restart -m fast) and stays down for DOWN seconds (default 3);
#   4. checks with counts: every acknowledged need is in the database exactly once, no title is there twice, nothing
#      is there that was not submitted, and the app answered again within 15 s of the database returning (no restart
#      of the app). Prints PASS/FAIL lines; exits non-zero on any FAIL.
#   scripts/restart-drill.sh            (about 2 minutes; not part of scripts/test.sh because it restarts a cluster)
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
source scripts/lib/pg.sh
work="$(mktemp -d /tmp/anqing-drill.XXXXXX)"; chmod 755 "$work"
app_pid=""
finish() { [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null; wait 2>/dev/null; pg_stop; rm -rf "$work"; }
trap finish EXIT
down="${DOWN:-3}" workers="${WORKERS:-8}" needs="${NEEDS:-40}"

pg_start "$work/pg" "$(pg_free_port)"   # durable: fsync and synchronous commit on
"$PG_BIN/createdb" -h 127.0.0.1 -p "$PGPORT" -U postgres anqing_drill
psql_() { "$PG_BIN/psql" -h 127.0.0.1 -p "$PGPORT" -U postgres -d anqing_drill -v ON_ERROR_STOP=1 -Atq "$@"; }
export ConnectionStrings__Portal="Host=127.0.0.1;Port=$PGPORT;Username=postgres;Database=anqing_drill"
echo "[drill] publishing"
dotnet publish src/AnqingTechTransfer.Web/AnqingTechTransfer.Web.csproj -c Release -o "$work/app" --nologo -v q
port="$(pg_free_port)"
(cd "$work/app" && exec env ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$port" Security__RequireHttps=false \
  Demo__Seed=true Serilog__File__Path="$work/logs/portal-.json" dotnet AnqingTechTransfer.Web.dll) > "$work/app.out" 2>&1 &
app_pid=$!
for _ in $(seq 1 90); do curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null && break; sleep 1; done
curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null || { tail -30 "$work/app.out"; echo "[drill] FAIL the app did not start"; exit 1; }
before="$(psql_ -c "SELECT count(*) FROM tech_needs")"

prefix="重启演练$(date +%H%M%S)"
echo "[drill] $workers writers × $needs needs; restarting PostgreSQL after 4 s, down for $down s"
python3 scripts/lib/write-load.py "http://127.0.0.1:$port" ent.a "${ANQING_DEMO_PASSWORD:-Demo@Anqing2026}" "$workers" "$needs" "$prefix" > "$work/load.json" &
load_pid=$!
sleep 4
t_stop=$SECONDS
"${PG_AS[@]}" "$PG_BIN/pg_ctl" -D "$PG_DATA/cluster" -m fast -w stop >/dev/null
sleep "$down"
"${PG_AS[@]}" "$PG_BIN/pg_ctl" -D "$PG_DATA/cluster" -l "$PG_DATA/postgres.log" -w start -o "-p $PGPORT -k $PG_DATA -c listen_addresses=127.0.0.1 -c max_connections=200" >/dev/null
t_up=$SECONDS
recovered=""
for i in $(seq 1 60); do
  if curl -sf -o /dev/null "http://127.0.0.1:$port/health/ready"; then recovered=$((SECONDS - t_up)); break; fi
  sleep 0.5
done
wait "$load_pid"

python3 - "$work/load.json" "$prefix" "$before" "$down" "${recovered:-none}" "$workers" "$needs" <<'PY' "$(psql_ -c "SELECT count(*) FROM tech_needs")" "$(psql_ -c "SELECT coalesce(string_agg(title, E'\n'), '') FROM tech_needs WHERE title LIKE '${prefix}-%'")"
import json, sys
load = json.load(open(sys.argv[1]))
prefix, before, down, recovered, workers, needs = sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5], int(sys.argv[6]), int(sys.argv[7])
total, stored = int(sys.argv[8]), [t for t in sys.argv[9].split("\n") if t]
acked = load["acknowledged"]
dupes = sorted({t for t in stored if stored.count(t) > 1})
lost = sorted(set(acked) - set(stored))
extra = sorted(set(stored) - {f"{prefix}-{w:02d}-{n:03d}" for w in range(workers) for n in range(needs)})
print(f"[drill] submissions {workers * needs}, acknowledged {len(acked)}, attempts {load['attempts']}, failures seen {load['failures']}, gave up {len(load['gave_up'])}")
print(f"[drill] rows: before {before}, after {total}, drill rows {len(stored)}; database down {down} s; app answering again {recovered} s after it returned; writers saw errors for {load['outage_seconds']} s")
checks = [
    ("the database restart was felt (some submissions failed and were resubmitted)", sum(load["failures"].values()) > 0),
    ("every acknowledged need is stored (0 lost)", not lost),
    ("no need is stored twice (0 duplicated)", not dupes),
    ("nothing is stored that was not submitted", not extra),
    ("every submission was acknowledged in the end", len(acked) == workers * needs and not load["gave_up"]),
    ("the app recovered by itself within 15 s of the database", recovered != "none" and float(recovered) <= 15),
    ("the table grew by exactly the acknowledged needs", total - before == len(acked)),
]
failed = 0
for name, ok in checks:
    print(("PASS " if ok else "FAIL ") + name)
    failed += not ok
if lost: print("lost:", lost[:10])
if dupes: print("duplicated:", dupes[:10])
sys.exit(1 if failed else 0)
PY
