#!/usr/bin/env bash
# The portal's performance at city scale, measured against same-run references (issue 11, docs/performance.md):
# publishes Release, starts a throwaway PostgreSQL, fills it with scripts/seed-scale.sh, starts the app in Production with
# the bench-only reference endpoints, signs in, drives each scenario with wrk three times and reports the medians:
# requests/s, p50/p95/p99, errors, the app's peak memory, and each scenario's ratio to its reference. Writes
# artifacts/bench/bench-<time>.md and .json. Not part of scripts/test.sh; takes about 15 minutes.
#   scripts/bench.sh [--contracts N] [--duration SECONDS] [--runs N] [--connections N] [--soak SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
contracts=1000000 duration=15 runs=3 connections=32 soak=600
while [ $# -gt 0 ]; do
  case "$1" in
    --contracts) contracts="$2"; shift 2 ;;
    --duration) duration="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --connections) connections="$2"; shift 2 ;;
    --soak) soak="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
requests=30
source scripts/lib/bench.sh
bench_need_wrk
bench_publish
scripts/seed-scale.sh --dsn "host=127.0.0.1 port=$PGPORT dbname=anqing_bench user=postgres" --contracts "$contracts"

# Cold start: process start to /health/ready, then the first signed-in page.
port="$(pg_free_port)"
base="http://127.0.0.1:$port"
start_ns=$(date +%s%N)
(cd "$work/app" && exec env ASPNETCORE_URLS="$base" Demo__Seed=false Bench__Enabled=true dotnet AnqingTechTransfer.Web.dll) > "$work/app.out" 2>&1 &
app_pid=$!
until curl -sf "$base/health/ready" >/dev/null; do sleep 0.05; done
ready_s=$(awk -v a="$start_ns" -v b="$(date +%s%N)" 'BEGIN { printf "%.2f", (b - a) / 1e9 }')
login registrar.city "$work/registrar.jar"
first_s=$(curl -s -o /dev/null -w '%{time_total}' -b "$work/registrar.jar" "$base/contracts")
for u in county.huaining leader.city ent.a bureau; do login "$u" "$work/$u.jar"; done
# The generator's rows get their search words from the app's backfill (ADR 0017); measure after it, not during it.
wait_search_words
point=$(psql_ -Atc "SELECT id FROM registration_points WHERE code = '01'")

results="$work/results.jsonl"
: > "$results"
wrk_run() { # wrk_run NAME JAR URL -> median of $runs runs appended to results
  local name="$1" jar="$2" url="$3" header=()
  [ -n "$jar" ] && header=(-H "Cookie: $(cookie "$jar")")
  wrk -t1 -c"$connections" -d5s "${header[@]}" "$base$url" >/dev/null 2>&1   # warm-up
  for i in $(seq 1 "$runs"); do
    wrk -t1 -c"$connections" -d"${duration}s" "${header[@]}" -s scripts/lib/wrk-report.lua "$base$url" | tail -1
  done | python3 -c '
import json, statistics, sys
runs = [json.loads(l) for l in sys.stdin if l.startswith("{")]
med = {k: statistics.median(r[k] for r in runs) for k in ("rps", "p50", "p95", "p99")}
med["errors"] = sum(r["errors"] for r in runs); med["name"] = sys.argv[1]; med["url"] = sys.argv[2]
print(json.dumps(med, ensure_ascii=False))' "$name" "$url" >> "$results"
  echo "[bench] $(tail -1 "$results")"
}
peak_kb() { awk '/VmHWM/ { print $2 }' "/proc/$app_pid/status"; }
rss_kb() { awk '/VmRSS/ { print $2 }' "/proc/$app_pid/status"; }

wrk_run "contract list, registrar" "$work/registrar.jar" "/contracts"
wrk_run "reference: raw list, registrar" "" "/bench/raw/contracts?point=$point"
wrk_run "contract list, county" "$work/county.huaining.jar" "/contracts?region=340822"
wrk_run "reference: raw list, county" "" "/bench/raw/contracts?region=340822"
wrk_run "cockpit, city (repeated)" "$work/leader.city.jar" "/cockpit"
wrk_run "search: needs, term and field, first page" "$work/ent.a.jar" "/needs?q=%E5%82%AC%E5%8C%96&field=04"
# Words of a phrase without spaces (ADR 0017): 动力电池热管理工艺优化, 8 connections as the issue 25 §4 budget says.
connections_saved=$connections; connections=8
wrk_run "search: needs, words of a phrase, 8 connections" "$work/ent.a.jar" "/needs?q=%E5%8A%A8%E5%8A%9B%E7%94%B5%E6%B1%A0%E7%83%AD%E7%AE%A1%E7%90%86%E5%B7%A5%E8%89%BA%E4%BC%98%E5%8C%96"
connections=$connections_saved
# What any signed-in page costs here before its own work: the layout and one query, same session, same load; and its
# reference, the framework's own floor: the same layout served anonymously (/account/login, no query of portal data).
wrk_run "floor: a signed-in page with one query (/account/security)" "$work/leader.city.jar" "/account/security"
wrk_run "reference: anonymous /account/login" "" "/account/login"

# Cockpit server time, uncached, against the raw SQL of the same figures (the app's own request log).
measure_ms() { # measure_ms JAR PATH -> p95 server ms of $requests requests
  for _ in $(seq 1 5); do curl -s -o /dev/null ${1:+-b "$1"} "$base$2"; done
  for _ in $(seq 1 "$requests"); do curl -s -o /dev/null ${1:+-b "$1"} "$base$2"; done
  sleep 2; server_ms "${2%%\?*}" "$requests" | awk '{ print $2 }'
}
cockpit_ms=$(measure_ms "$work/leader.city.jar" "/cockpit")
# Search latency as a user sees it (one request at a time; the wrk row above is its throughput under 32 connections).
search_ms=$(measure_ms "$work/ent.a.jar" "/needs?q=%E5%82%AC%E5%8C%96&field=04")
search_hits=$(curl -s -b "$work/ent.a.jar" "$base/needs?q=%E5%82%AC%E5%8C%96&field=04" | grep -o '共 [0-9,]*' | head -1 | tr -dc '0-9')
raw_cockpit_ms=$(measure_ms "" "/bench/raw/cockpit")

# Memory: the peak so far, and the growth of the working set over a soak of list load.
rss_before=$(rss_kb)
wrk -t1 -c"$connections" -d"${soak}s" -H "Cookie: $(cookie "$work/registrar.jar")" "$base/contracts" >/dev/null 2>&1
rss_after=$(rss_kb)
peak=$(peak_kb)

# Import of 100,000 rows against psql \copy of the same file.
python3 - "$work/import.csv" <<'PY'
import sys
with open(sys.argv[1], "w", encoding="utf-8") as f:
    f.write("登记编号,项目名称,合同类别,卖方名称,卖方统一社会信用代码,卖方所在地区代码,买方名称,买方统一社会信用代码,买方所在地区代码,买方所在园区,技术领域,成交额（万元）,技术交易额（万元）,签订日期,登记日期\n")
    counties = ["340802","340803","340811","340822","340825","340826","340827","340828","340881","340882"]
    for i in range(100000):
        f.write(f"I{i:015d},外地登记导入合同{i},技术开发,合肥某大学,,340100,安庆某企业{i % 900},,{counties[i % 10]},,{1 + i % 11:02d},{10 + i % 500}.50,{10 + i % 500}.00,2025-{1 + i % 12:02d}-{1 + i % 28:02d},2025-{1 + i % 12:02d}-{1 + i % 28:02d}\n")
PY
c0=$(date +%s%N)
psql_ -c "CREATE TABLE bench_copy (c1 text, c2 text, c3 text, c4 text, c5 text, c6 text, c7 text, c8 text, c9 text, c10 text, c11 text, c12 text, c13 text, c14 text, c15 text)" \
  -c "\\copy bench_copy FROM '$work/import.csv' CSV HEADER"
copy_s=$(awk -v a="$c0" -v b="$(date +%s%N)" 'BEGIN { printf "%.2f", (b - a) / 1e9 }')
# A second reference that does the same database work as the import: the rows inserted into tech_contracts, with its
# indexes and summary triggers, from the staged copy (rolled back, so the portal's import below meets the same table).
p0=$(date +%s%N)
psql_ <<'SQL'
BEGIN;
INSERT INTO tech_contracts (id, status, registration_point_id, filer_organization_id, seller_region_code, buyer_region_code, project_name, type,
  is_technology_import, technical_field_code, ip_type_code, plan_source_code, socio_economic_goal_code, signed_on, valid_from, valid_to,
  contract_amount, tech_amount, payment_mode, created_at, is_disputed, registered_at, registration_number, is_imported, deductions,
  buyer_country_code, buyer_credit_code, buyer_name, buyer_nature_code, buyer_division_code,
  seller_country_code, seller_credit_code, seller_name, seller_nature_code, seller_division_code)
SELECT gen_random_uuid(), 2, (SELECT id FROM registration_points ORDER BY code LIMIT 1), (SELECT id FROM organizations ORDER BY id LIMIT 1), NULL, c9, c2, 1,
  false, c11, '', '', '', c14::date, c14::date, c14::date, c12::numeric, c13::numeric, 9, now(), false, c15::timestamptz, c1, true, '[]',
  '142', coalesce(c8, ''), c7, '', c9, '142', coalesce(c5, ''), c4, '', c6
FROM bench_copy;
ROLLBACK;
SQL
insert_s=$(awk -v a="$p0" -v b="$(date +%s%N)" 'BEGIN { printf "%.2f", (b - a) / 1e9 }')
# The import runs as a background job (issue 25 §3): from the upload to the job's end, as its page polls it.
i0=$(date +%s%N)
progress=$(import_csv "$base" "$work/bureau.jar" "$work/import.csv")
import_s=$(awk -v a="$i0" -v b="$(date +%s%N)" 'BEGIN { printf "%.2f", (b - a) / 1e9 }')
imported=$(imported_rows "$progress")
echo "[bench] import: $progress"

mkdir -p "$root/artifacts/bench"
stamp=$(date -u +%Y%m%dT%H%M%SZ)
python3 - "$results" "$root/artifacts/bench/bench-$stamp" <<PY
import json, sys
rows = {r["name"]: r for r in (json.loads(l) for l in open(sys.argv[1]))}
def ratio(a, b): return round(rows[a]["rps"] / rows[b]["rps"], 2) if rows[b]["rps"] else None
peak_mb = round($peak / 1024); growth = round(($rss_after - $rss_before) / $rss_before * 100, 1)
cockpit, raw = float("${cockpit_ms:-0}"), float("${raw_cockpit_ms:-0}")
def row(name): return rows[name]
floor, login = row("floor: a signed-in page with one query (/account/security)"), row("reference: anonymous /account/login")
reg, county, cockpit_row = row("contract list, registrar"), row("contract list, county"), row("cockpit, city (repeated)")
words = row("search: needs, words of a phrase, 8 connections")
import_s, insert_s = float("$import_s"), float("$insert_s")
# Issue 26's budgets, each a ratio to a reference measured in the same run (and the absolute limits it names).
checks = [
  ("signed-in floor (/account/security, $connections conn)", f'{floor["rps"]:.0f} req/s against anonymous /account/login {login["rps"]:.0f} req/s',
   "≥ 0.6 × anonymous login", ratio(floor["name"], login["name"]) >= 0.6, ratio(floor["name"], login["name"]), "≥ 0.6"),
  ("contract list, registrar ($contracts contracts)", f'{reg["rps"]:.0f} req/s, p95 {reg["p95"]:.1f} ms, {reg["errors"]} errors',
   "≥ 0.5 × raw Npgsql, 0 errors", ratio(reg["name"], "reference: raw list, registrar") >= 0.5 and reg["errors"] == 0, ratio(reg["name"], "reference: raw list, registrar"), "≥ 0.5"),
  ("contract list, county ($contracts contracts)", f'{county["rps"]:.0f} req/s, p95 {county["p95"]:.1f} ms, {county["errors"]} errors',
   "≥ 0.5 × raw Npgsql, 0 errors", ratio(county["name"], "reference: raw list, county") >= 0.5 and county["errors"] == 0, ratio(county["name"], "reference: raw list, county"), "≥ 0.5"),
  ("cockpit, cached", f'{cockpit_row["rps"]:.0f} req/s, p95 {cockpit_row["p95"]:.1f} ms (floor {floor["rps"]:.0f} req/s)',
   "≥ 0.9 × the signed-in floor", ratio(cockpit_row["name"], floor["name"]) >= 0.9, ratio(cockpit_row["name"], floor["name"]), "≥ 0.9"),
  ("cockpit, uncached, server time p95", f"{cockpit:.1f} ms (raw SQL {raw:.1f} ms)", "≤ 100 ms and ≤ 3 × raw SQL",
   cockpit <= 100 and raw > 0 and cockpit / raw <= 3, round(cockpit / raw, 1) if raw else None, "≤ 3"),
  ("market search by words, 8 connections", f'p95 {words["p95"]:.1f} ms, {words["rps"]:.0f} req/s, {words["errors"]} errors (one at a time, server: p95 {float("${search_ms:-0}"):.1f} ms, {"${search_hits:-0}"} hits)',
   "p95 ≤ 50 ms", words["p95"] <= 50 and words["errors"] == 0, None, "—"),
  ("import 100,000 contracts into $contracts", f"{import_s:.1f} s from upload to the job's end (imported $imported; the same INSERT in psql {insert_s:.2f} s; psql \\\\copy into a bare table {float('$copy_s'):.2f} s)",
   "≤ 10 s and ≤ 1.5 × the INSERT", import_s <= 10 and insert_s > 0 and import_s / insert_s <= 1.5 and "$imported" == "100000", round(import_s / insert_s, 1) if insert_s else None, "≤ 1.5"),
  ("memory under load", f"peak {peak_mb} MB, growth {growth} % over ${soak} s", "≤ 400 MB, ≤ 10 % over 10 min", peak_mb <= 400 and growth <= 10, None, "—"),
  ("cold start", f"ready {float('$ready_s'):.2f} s, first signed-in page {float('$first_s'):.2f} s", "≤ 3 s, ≤ 1.5 s", float("$ready_s") <= 3 and float("$first_s") <= 1.5, None, "—"),
]
lines = ["| scenario | measured | budget | met | ratio | ratio budget |", "|---|---|---|---|---|---|"]
for name, measured, budget, met, r, rb in checks:
    lines.append(f"| {name} | {measured} | {budget} | {'yes' if met else 'NO'} | {'' if r is None else r} | {rb} |")
lines += ["", "| wrk scenario (median of runs) | req/s | p50 ms | p95 ms | p99 ms | errors |", "|---|---|---|---|---|---|"]
for r in rows.values():
    lines.append(f'| {r["name"]} | {r["rps"]:.0f} | {r["p50"]:.1f} | {r["p95"]:.1f} | {r["p99"]:.1f} | {r["errors"]} |')
md = "\n".join(lines)
print(md)
open(sys.argv[2] + ".md", "w").write(f"# Benchmark {sys.argv[2].split('bench-')[-1]} ($contracts contracts, {$runs} runs of ${duration} s, $connections connections)\n\n" + md + "\n")
json.dump({"contracts": $contracts, "runs": $runs, "duration": $duration, "connections": $connections, "wrk": list(rows.values()),
           "checks": [{"scenario": c[0], "measured": c[1], "budget": c[2], "met": c[3], "ratio": c[4], "ratio_budget": c[5]} for c in checks]},
          open(sys.argv[2] + ".json", "w"), ensure_ascii=False, indent=1)
PY
echo "[bench] written to artifacts/bench/bench-$stamp.md and .json"
