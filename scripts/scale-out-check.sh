#!/usr/bin/env bash
# Scale-out check (issue 11, docs/operations.md "Running several instances"): two instances of the portal on different
# ports over one PostgreSQL, behind nginx on loopback, as production runs them behind its load balancer. Proves that
#   1. a user signed in through one instance is signed in on the other (Data Protection keys live in the database);
#   2. an antiforgery token issued by one instance is accepted by the other;
#   3. the cockpit cached by one instance shows a contract registered through the other at its next request;
#   4. through nginx, requests of one session spread over both instances and all succeed.
# Prints one line per check and exits non-zero if any fails. Installs nginx (Debian's package) when it can.
#   scripts/scale-out-check.sh
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v nginx >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nginx-light >/dev/null 2>&1 \
      || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nginx >/dev/null
  else
    echo "[scale-out] nginx is missing: apt-get install nginx" >&2; exit 1
  fi
fi
source scripts/lib/bench.sh
READY_TO_RUN=false bench_publish

pids=()
nginx_pid=""
stop_all() { [ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null; for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done; finish; }
trap stop_all EXIT
start_instance() { # start_instance PORT NAME
  (cd "$work/app" && exec env ASPNETCORE_URLS="http://127.0.0.1:$1" Demo__Seed=false \
    Serilog__File__Path="$work/logs/$2-.json" dotnet AnqingTechTransfer.Web.dll) > "$work/$2.out" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$1/health/ready" >/dev/null && return; sleep 0.5; done
  echo "[scale-out] instance $2 did not become ready" >&2; exit 1
}
port_a="$(pg_free_port)"; start_instance "$port_a" a
port_b="$(pg_free_port)"; start_instance "$port_b" b
a="http://127.0.0.1:$port_a" b="http://127.0.0.1:$port_b"

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
for _ in $(seq 1 40); do curl -sf "http://127.0.0.1:$port_n/health/ready" >/dev/null && break; sleep 0.25; done

failed=0
check() { # check NAME CONDITION-RESULT(0/1) DETAIL
  if [ "$2" = 0 ]; then echo "PASS  $1 ($3)"; else echo "FAIL  $1 ($3)"; failed=1; fi
}
token_of() { grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//'; }
absorbed() { # absorbed URL JAR -> the 吸纳 figure of the cockpit
  curl -s -b "$2" "$1" | python3 -c '
import re, sys
html = sys.stdin.read()
row = re.search(r"data-indicator=\"absorbed_amount\".*?</tr>", html, re.S)
cell = re.search(r"<td class=\"[^\"]*\bactual\b[^\"]*\"[^>]*>(.*?)</td>", row.group(0), re.S) if row else None
print(re.sub(r"<[^>]+>|,|\s", "", cell.group(1)) if cell else "missing")'
}

# 1. Signed in through A, the same cookies on B.
base="$a"; login leader.city "$work/leader.jar"; login bureau "$work/bureau.jar"
code=$(curl -s -o /dev/null -w '%{http_code}' -b "$work/leader.jar" "$b/cockpit")
check "a session from instance A is valid on instance B" "$([ "$code" = 200 ] && echo 0 || echo 1)" "GET /cockpit on B: $code"

# 3. B caches the cockpit of 怀宁县; a contract absorbed there is imported through A; B's next read shows it.
year=$(date -u -d '+8 hours' +%Y)
cockpit="$b/cockpit?region=340822&year=$year"
before=$(absorbed "$cockpit" "$work/leader.jar"); again=$(absorbed "$cockpit" "$work/leader.jar")
printf '登记编号,项目名称,合同类别,卖方名称,卖方统一社会信用代码,卖方所在地区代码,买方名称,买方统一社会信用代码,买方所在地区代码,买方所在园区,技术领域,成交额（万元）,技术交易额（万元）,签订日期,登记日期\nSCALEOUT0000001,多实例检查合同,技术开发,合肥某大学,,340100,怀宁某企业,,340822,,01,77.00,70.00,%s-01-02,%s-01-05\n' "$year" "$year" > "$work/one.csv"
imported=$(imported_rows "$(import_csv "$a" "$work/bureau.jar" "$work/one.csv")")   # a background job (issue 25 §3), on either instance
after=$(absorbed "$cockpit" "$work/leader.jar")
expected=$(python3 -c "print(round(float('$before') + 77, 2))" 2>/dev/null || echo "?")
check "B's cached cockpit sees a contract imported through A" \
  "$([ "$imported" = 1 ] && [ "$before" = "$again" ] && python3 -c "import sys; sys.exit(0 if abs(float('$after') - float('$expected')) < 0.005 else 1)" && echo 0 || echo 1)" \
  "吸纳 on B: $before, cached $again, after the import through A $after (expected $expected; imported $imported)"

# 4. Through nginx: one session, twenty pages, spread over both instances.
base="http://127.0.0.1:$port_n"; login registrar.city "$work/registrar.jar"
: > "$work/codes"
for _ in $(seq 1 20); do curl -s -o /dev/null -w '%{http_code}\n' -b "$work/registrar.jar" "$base/contracts" >> "$work/codes"; done
sleep 1
hits_a=$(grep -ch '"RequestPath":"/contracts"' "$work"/logs/a-*.json || true); hits_b=$(grep -ch '"RequestPath":"/contracts"' "$work"/logs/b-*.json || true)
ok=$(grep -c '^200$' "$work/codes" || true)
check "through nginx, one session's pages are served by both instances" "$([ "$ok" = 20 ] && [ "${hits_a:-0}" -gt 0 ] && [ "${hits_b:-0}" -gt 0 ] && echo 0 || echo 1)" \
  "$ok of 20 answered 200; instance A served $hits_a, instance B $hits_b"

# 2. An antiforgery token from A, posted to B (signing out): accepted (a refused token is 400).
token=$(curl -s -b "$work/leader.jar" "$a/account/security" | token_of)
code=$(curl -s -o /dev/null -w '%{http_code}' -b "$work/leader.jar" --data-urlencode "__RequestVerificationToken=$token" "$b/account/logout")
after_code=$(curl -s -o /dev/null -w '%{http_code}' -b "$work/leader.jar" -c "$work/leader.jar" "$b/cockpit")
check "an antiforgery token from instance A is accepted by instance B" "$([ "$code" = 302 ] && echo 0 || echo 1)" "POST /account/logout on B: $code"

[ "$failed" = 0 ] && echo "[scale-out] all checks passed" || { echo "[scale-out] some checks failed; logs in $work are removed on exit" >&2; exit 1; }
