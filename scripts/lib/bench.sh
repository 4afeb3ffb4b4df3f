# Shared by the benchmark scripts: a throwaway cluster and database, the published app, sign-in, and the server time of
# requests as the app itself logs it (Serilog request logging). Source it after setting `requests` (samples per scenario).
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
source scripts/lib/pg.sh
work="$(mktemp -d /tmp/anqing-bench.XXXXXX)"; chmod 755 "$work"
app_pid=""
finish() { [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null; wait 2>/dev/null; pg_stop; rm -rf "$work"; }
trap finish EXIT
pg_start "$work/pg" "$(pg_free_port)" fast
"$PG_BIN/createdb" -h 127.0.0.1 -p "$PGPORT" -U postgres anqing_bench
export ConnectionStrings__Portal="Host=127.0.0.1;Port=$PGPORT;Username=postgres;Database=anqing_bench"
psql_() { "$PG_BIN/psql" -h 127.0.0.1 -p "$PGPORT" -U postgres -d anqing_bench -v ON_ERROR_STOP=1 -q "$@"; }

bench_publish() { # publishes Release and migrates with the demo data
  echo "[bench] publishing Release"
  # ReadyToRun, as the container image publishes it (src/AnqingTechTransfer.Web/Dockerfile); READY_TO_RUN=false skips it.
  dotnet publish src/AnqingTechTransfer.Web/AnqingTechTransfer.Web.csproj -c Release -r linux-x64 --self-contained false \
    -p:PublishReadyToRun="${READY_TO_RUN:-true}" -o "$work/app" --nologo -v q
  export ASPNETCORE_ENVIRONMENT=Production Security__RequireHttps=false Demo__Seed=true Serilog__File__Path="$work/logs/portal-.json"
  (cd "$work/app" && dotnet AnqingTechTransfer.Web.dll --migrate-only) >/dev/null
}

bench_vacuum() { # bench_vacuum TABLE...: all-visible pages and fresh statistics, as autovacuum leaves them in production
  local t
  for t in "$@"; do
    for _ in 1 2 3 4 5; do
      psql_ -c "VACUUM ANALYZE $t"
      [ "$(psql_ -Atc "SELECT (relallvisible >= relpages * 0.99)::int FROM pg_class WHERE relname = '$t'")" = 1 ] && break
      sleep 3
    done
  done
  psql_ -c "CHECKPOINT"
}

bench_start() { # starts the app on a free port; SQL command timings go to its console log with --sql
  local port
  port="$(pg_free_port)"
  (cd "$work/app" && exec env ASPNETCORE_URLS="http://127.0.0.1:$port" Demo__Seed=false \
    "Serilog__MinimumLevel__Override__Microsoft.EntityFrameworkCore.Database.Command=${sql_level:-Warning}" dotnet AnqingTechTransfer.Web.dll) > "$work/app.out" 2>&1 &
  app_pid=$!
  for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null && break; sleep 1; done
  base="http://127.0.0.1:$port"
}

cookie() { # cookie JAR -> the jar's cookies as a Cookie header's value (for wrk)
  awk '{ sub(/^#HttpOnly_/, "") } !/^#/ && NF >= 7 { printf "%s=%s; ", $6, $7 }' "$1"
}

login() { # login USER JAR
  local token
  token=$(curl -s -c "$2" -b "$2" "$base/account/login" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//')
  curl -s -o /dev/null -c "$2" -b "$2" --data-urlencode "UserName=$1" --data-urlencode "Password=${ANQING_DEMO_PASSWORD:-Demo@Anqing2026}" \
    --data-urlencode "__RequestVerificationToken=$token" "$base/account/login"
}

import_csv() { # import_csv BASE JAR FILE -> the import's final progress (JSON): uploads to /contracts/import, then polls
  # the background job's progress (issue 25 §3) until it has ended (at most 2 minutes)
  local token location id progress=""
  token=$(curl -s -b "$2" -c "$2" "$1/contracts/import" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//')
  location=$(curl -s -o /dev/null -w '%{redirect_url}' -b "$2" -F "__RequestVerificationToken=$token" -F "file=@$3;filename=$(basename "$3")" "$1/contracts/import")
  id="${location##*/imports/}"
  for _ in $(seq 1 2400); do
    progress=$(curl -s -b "$2" "$1/imports/$id/progress")
    case "$progress" in *'"finished":true'*) break ;; esac
    sleep 0.05
  done
  echo "$progress"
}

imported_rows() { # imported_rows PROGRESS-JSON -> rows imported (0 unless the import succeeded)
  case "$1" in *'"state":"Succeeded"'*) echo "$1" | grep -o '"read":[0-9]*' | grep -o '[0-9]*$' ;; *) echo 0 ;; esac
}

server_ms() { # server_ms PATH N -> "p50 p95 n" of the last N requests to exactly PATH
  grep -h "\"RequestPath\":\"$1\"" "$work"/logs/*.json | tail -n "$2" | grep -o '"Elapsed":[0-9.]*' | cut -d: -f2 | sort -n |
    awk '{ a[NR] = $1 } END { p50 = a[int((NR + 1) * 0.5)]; p95 = a[int(NR * 0.95) > 0 ? int(NR * 0.95) : 1]; printf "%.1f %.1f %d\n", p50, p95, NR }'
}

measure() { # measure NAME JAR URL BUDGET
  for _ in $(seq 1 5); do curl -s -o /dev/null -b "$2" "$base$3"; done   # warm-up
  for _ in $(seq 1 "$requests"); do curl -s -o /dev/null -b "$2" "$base$3"; done
  sleep 2
  read -r p50 p95 n < <(server_ms "${3%%\?*}" "$requests") || true
  verdict=$(awk -v v="$p95" -v b="$4" 'BEGIN { print (v != "" && v <= b) ? "PASS" : "FAIL" }')
  [ "${n:-0}" -ge "$requests" ] || verdict="FAIL (only ${n:-0} samples)"
  printf '%-44s %10s %10s %10s  %s\n' "$1" "$p50" "$p95" "$4" "$verdict"
}

slowest_sql() {
  if [ "${sql_level:-Warning}" = Information ]; then
    echo; echo "[bench] slowest SQL statements (ms):"
    grep -o 'Executed DbCommand ([0-9]*ms)' "$work/app.out" | grep -o '[0-9]*' | sort -n | uniq -c | tail -8
  fi
}

wait_search_words() { # rows generated by SQL get their search words from the app's SearchBackfill (ADR 0017): wait for it
  local t0 left
  t0=$(date +%s)
  for _ in $(seq 1 900); do
    left=$(psql_ -Atc "SELECT (SELECT count(*) FROM tech_needs WHERE search_words IS NULL) + (SELECT count(*) FROM tech_results WHERE search_words IS NULL)
      + (SELECT count(*) FROM tech_contracts WHERE search_words IS NULL)")
    [ "$left" = 0 ] && break
    sleep 2
  done
  echo "[bench] search words filled by the app in $(( $(date +%s) - t0 )) s (left: $left)"
  bench_vacuum tech_needs tech_results
}

bench_need_wrk() { # wrk, the load generator: one process, so the measured latency is the server's and not the forks of a client
  command -v wrk >/dev/null && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends wrk >/dev/null
  else
    echo "[bench] wrk is missing: apt-get install wrk" >&2; exit 1
  fi
}

concurrent_ms() { # concurrent_ms SECONDS COOKIE PATH... -> "p50 p95 n errors": latency (ms) over SECONDS of 8 connections at once, each cycling over the paths
  local seconds="$1" cookie="$2" header=(); shift 2
  [ -n "$cookie" ] && header=(-H "Cookie: $cookie")
  wrk -t1 -c8 -d"${seconds}s" "${header[@]}" -s scripts/lib/wrk-cycle.lua "$base" -- "$@" | tail -1
}
