#!/usr/bin/env bash
# Security scan (等保 L3 penetration test): sqlmap and wapiti against one instance of the portal, published Release, on a
# throwaway PostgreSQL with the demo data, in Production over plain HTTP on loopback. Signed in as several roles, the
# scanners crawl what each role sees and attack every form and query parameter they find:
#   - wapiti as the bureau (first, so that its crawl of depth 4 sees the seeded data): sql, blindsql, xss, permanentxss,
#     exec, file, crlf, redirect, csrf; at most 150 s of crawl, then each module for at most its share of the time;
#   - sqlmap per role (anonymous from /, ent.a, county.huaining, bureau, registrar.city from /workspace): --crawl=2
#     --forms, level 2, risk 2, PostgreSQL payloads; and the list pages' search, sort, region and field parameters.
# The attacks reach the actions, not the antiforgery filter's 400: each crawled form carries its antiforgery token, and
# ASP.NET Core's request token stays valid for the whole session (it is bound to the antiforgery cookie and the user,
# not single use). sqlmap's --csrf-token is not used: it refreshes the token with a GET of the form's action, and most
# actions here are POST-only (a GET is a 404), so it gives those forms up. Neither the token nor the encrypted cookies
# are attacked (mangled, they only sign the scanner out).
# Each scanner run talks through its own small proxy ($work/keyproxy.py, loopback only) that
#   - gives every form's __SubmissionKey a fresh value, as a browser does for each form it loads (the key is optional;
#     but the once-only submission filter answers a repeated key with the first outcome, without running the action);
#   - sends multipart fields that wapiti 3.0.4 encodes as files as plain fields;
#   - refuses the session-ending actions (sign-out, suspending an organization, turning two-factor sign-in off), as the
#     scanners' own exclusions do (each user also opens /account/two-factor once before the scan: the first visit
#     creates the authenticator key and so ends the user's other sessions);
#   - tags each request with X-Correlation-Id RUN-N, which the portal logs on every event of the request, and logs the
#     request (method, URL, body): the app's JSON log (with the MVC action invoker at Information) then tells per run
#     which requests reached an action (routed to a feature controller, no filter refused it) and which request, with
#     which payload, caused each HTTP 5xx.
# Prints the injectable parameters (sqlmap), the vulnerabilities and anomalies (wapiti), the HTTP 5xx of the app log
# with their requests, the requests per run that reached actions, and a last line PASS or FAIL: PASS only with no
# injectable parameter, no wapiti vulnerability, no HTTP 5xx and more than MIN_POSTS_REACHED (200) attacking POSTs that
# reached actions. Reports, the proxies' and the app's logs are kept in artifacts/security-scan/scan-<time>/. Installs
# sqlmap and wapiti (Debian's packages) when it can. About 20 minutes on 2 cores: SCAN_SECONDS (1080) bounds the scans.
#   scripts/security-scan.sh
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
scan_seconds="${SCAN_SECONDS:-1080}"
min_posts_reached="${MIN_POSTS_REACHED:-200}"
missing=()
command -v sqlmap >/dev/null || missing+=(sqlmap)
command -v wapiti >/dev/null || missing+=(wapiti)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "[security-scan] ${missing[*]} missing and not root: apt-get install sqlmap wapiti" >&2; exit 1
  fi
fi
for tool in sqlmap wapiti; do
  command -v "$tool" >/dev/null || { echo "[security-scan] $tool could not be installed" >&2; exit 1; }
done
started=$(date +%s)
export ANQING_DEMO_PASSWORD="${ANQING_DEMO_PASSWORD:-Demo@Anqing2026}" Demo__Password="${ANQING_DEMO_PASSWORD:-Demo@Anqing2026}"
source scripts/lib/bench.sh
READY_TO_RUN=false bench_publish
out="$root/artifacts/security-scan/scan-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$out" "$work/proxy" "$work/sqlmap" "$work/wapiti" "$work/jars"

pids=() scan_pids=()
# (finish, of scripts/lib/bench.sh, stops at a failed kill: an app that is already gone must not leave PostgreSQL running.)
stop_all() { for p in "${scan_pids[@]}" "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; kill -0 "$app_pid" 2>/dev/null || app_pid=""; finish; }
trap stop_all EXIT

# The app, logging each MVC action it routes to (Information for the action invoker; ASP.NET Core stays at Warning).
port="$(pg_free_port)"
(cd "$work/app" && exec env ASPNETCORE_URLS="http://127.0.0.1:$port" Demo__Seed=false \
  "Serilog__MinimumLevel__Override__Microsoft.AspNetCore.Mvc.Infrastructure.ControllerActionInvoker=Information" \
  dotnet AnqingTechTransfer.Web.dll) > "$work/app.out" 2>&1 &
app_pid=$!
for _ in $(seq 1 90); do curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null && break; sleep 1; done
curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null || { tail -20 "$work/app.out" >&2; echo "[security-scan] the app did not start" >&2; exit 1; }
base="http://127.0.0.1:$port"
echo "[security-scan] app on $base; scanning for ${scan_seconds}s"

token_of() { grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//'; }
jar_cookie() { awk -F'\t' 'NF == 7 && ($1 !~ /^#/ || $1 ~ /^#HttpOnly_/) { printf "%s%s=%s", (n++ ? "; " : ""), $6, $7 }' "$1"; }
signed_in() { [ "$(curl -s -o /dev/null -w '%{http_code}' -b "$1" "$base/workspace")" = 200 ]; }
sign_in() { # sign_in USER JAR: a session of its own for each scanner run
  if [ "$1" = anonymous ]; then curl -s -o /dev/null -c "$2" -b "$2" "$base/account/login"; return; fi
  login "$1" "$2"
  signed_in "$2" || { echo "[security-scan] could not sign in as $1" >&2; exit 1; }
}

# The first visit of /account/two-factor creates the user's authenticator key, which rotates the security stamp: every
# other session of the user ends. Each user visits it once here, before the scanners' sessions are opened.
for user in ent.a county.huaining bureau registrar.city; do
  sign_in "$user" "$work/jars/first-$user.jar"
  curl -s -o /dev/null -b "$work/jars/first-$user.jar" -c "$work/jars/first-$user.jar" "$base/account/two-factor"
done

# The submission key is optional: a form posted without it is processed; the same key posted twice runs once.
sign_in bureau "$work/jars/check.jar"
post_read_all() { # post_read_all CORRELATION-ID [KEY]
  local t; t=$(curl -s -b "$work/jars/check.jar" "$base/messages" | token_of)
  curl -s -o /dev/null -w '%{http_code}' -b "$work/jars/check.jar" -H "X-Correlation-Id: $1" \
    --data-urlencode "__RequestVerificationToken=$t" ${2:+--data-urlencode "__SubmissionKey=$2"} "$base/messages/read-all"
}
key=$(python3 -c 'import uuid; print(uuid.uuid4().hex)')
no_key=$(post_read_all check-nokey); first=$(post_read_all check-key1 "$key"); second=$(post_read_all check-key2 "$key")
sleep 1
ran() { # ran CORRELATION-ID: yes when the action ran (routed, and not sent back by the once-only filter)
  local events; events=$(grep -h "\"CorrelationId\":\"$1\"" "$work"/logs/*.json || true)
  if grep -q '"Name":"ControllerActionExecuting"' <<< "$events" && ! grep -q 'was already made' <<< "$events"; then echo yes; else echo no; fi
}
echo "[security-scan] POST /messages/read-all without __SubmissionKey: $no_key, action ran: $(ran check-nokey)"
echo "[security-scan] the same __SubmissionKey posted twice: $first, action ran: $(ran check-key1); then $second, action ran: $(ran check-key2)" \
  "(so each scanner request gets a fresh key from its proxy)"

# Session-ending actions are not crawled: signing out, suspending an organization (another run's user's) and turning
# two-factor sign-in off (it rotates the security stamp). sqlmap and wapiti leave them out; the proxy refuses them too.
exclude='logout|sign-out|/suspend|/two-factor/disable'
start_proxy() { # start_proxy LABEL -> sets proxy_port
  proxy_port="$(pg_free_port)"
  nice -n 10 python3 "$work/keyproxy.py" "$proxy_port" "$port" "$1" "$work/proxy/$1.jsonl" "$exclude" > "$work/proxy/$1.out" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 40); do curl -s -o /dev/null -x "http://127.0.0.1:$proxy_port" "$base/health/live" && return; sleep 0.25; done
  echo "[security-scan] the proxy for $1 did not start" >&2; exit 1
}
cat > "$work/keyproxy.py" <<'PY'
"""Forward HTTP proxy from one scanner run to the portal (loopback only). Per request: a fresh __SubmissionKey, the
X-Correlation-Id LABEL-N, and one JSON line (id, method, URL, body, status) in LOG. Paths matching EXCLUDE are refused
(403) without reaching the portal (wapiti 3.0.4's own -x fails on Python 3.11). wapiti 3.0.4 sends every field of a
multipart form as a file part (filename="<name>", no Content-Type); ASP.NET Core binds those as files, so the form would
lack its antiforgery token and every field: such parts are sent as the plain fields a browser sends."""
import http.client, http.server, json, re, sys, threading, urllib.parse, uuid

listen_port, target_port, label, log_path = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], sys.argv[4]
EXCLUDE = re.compile(sys.argv[5], re.I)
FORM_KEY = re.compile(rb"((?:^|&)__SubmissionKey=)[0-9A-Fa-f]{32}(?=&|$)")
MULTIPART_KEY = re.compile(rb'(name="__SubmissionKey"\r\n\r\n)[0-9A-Fa-f]{32}(?=\r\n)')
FIELD_AS_FILE = re.compile(rb'(Content-Disposition: form-data; name="([^"\r\n]*)"); filename="\2"(?=\r\n\r\n)')
HOP = {"connection", "proxy-connection", "keep-alive", "content-length", "transfer-encoding", "te", "trailer", "upgrade",
       "x-correlation-id"}
lock, seq = threading.Lock(), [0]
log = open(log_path, "a", buffering=1, encoding="utf-8")


def fresh(match):
    return match.group(1) + uuid.uuid4().hex.encode()


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def record(self, cid, target, body, status, error=None):
        entry = {"id": cid, "method": self.command, "url": target, "body": body[:4000].decode("utf-8", "replace"), "status": status}
        if error:
            entry["error"] = error
        log.write(json.dumps(entry, ensure_ascii=False) + "\n")

    def relay(self):
        url = urllib.parse.urlsplit(self.path)
        if url.hostname not in ("127.0.0.1", "localhost") or url.port != target_port:
            self.send_error(403, "only the portal under test")
            return
        if EXCLUDE.search(url.path):
            self.send_error(403, "excluded from the scan")
            return
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        if (self.headers.get("Content-Type") or "").startswith("multipart/form-data"):
            body = MULTIPART_KEY.sub(fresh, FIELD_AS_FILE.sub(rb"\1", body))
        else:
            body = FORM_KEY.sub(fresh, body)
        with lock:
            seq[0] += 1
            cid = f"{label}-{seq[0]}"
        target = url.path + ("?" + url.query if url.query else "")
        conn = http.client.HTTPConnection("127.0.0.1", target_port, timeout=300)
        try:
            conn.putrequest(self.command, target, skip_host=True, skip_accept_encoding=True)
            for name, value in self.headers.items():
                if name.lower() not in HOP:
                    conn.putheader(name, value)
            conn.putheader("X-Correlation-Id", cid)
            if body or self.command in ("POST", "PUT", "PATCH"):
                conn.putheader("Content-Length", str(len(body)))
            conn.endheaders(body or None)
            response = conn.getresponse()
            data = response.read()
        except Exception as e:  # the portal did not answer
            self.record(cid, target, body, 502, str(e))
            self.send_error(502, "the portal did not answer")
            return
        finally:
            conn.close()
        self.record(cid, target, body, response.status)
        self.send_response_only(response.status, response.reason)
        for name, value in response.getheaders():
            if name.lower() not in HOP:
                self.send_header(name, value)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    do_GET = do_POST = do_HEAD = do_PUT = do_DELETE = do_PATCH = do_OPTIONS = do_TRACE = relay


http.server.ThreadingHTTPServer.daemon_threads = True
http.server.ThreadingHTTPServer(("127.0.0.1", listen_port), Handler).serve_forever()
PY

skip='__RequestVerificationToken,__SubmissionKey,aq.auth,aq.af'
runs=()   # "LABEL USER JAR"
new_run() { # new_run SCANNER USER: its own session and proxy; sets label, jar, proxy_port (labels are correlation ids: no dots)
  label="$1-${2//./-}" jar="$work/jars/$1-$2.jar"
  sign_in "$2" "$jar"; start_proxy "$label"; runs+=("$label $2 $jar")
}

# wapiti as the bureau, first: its crawl (at most crawl_seconds, depth 4) sees the seeded data before the sqlmap runs
# have added hundreds of objections to a notice, each with its own answer form; then each module for at most its share.
crawl_seconds=150
new_run wapiti bureau
python3 - "$jar" "$work/wapiti/cookies.json" <<'PY'
import json, sys
cookies = {}
for line in open(sys.argv[1]):
    parts = line.rstrip("\n").split("\t")
    if len(parts) == 7 and (not parts[0].startswith("#") or parts[0].startswith("#HttpOnly_")):
        cookies[parts[5]] = {"value": parts[6], "expires": None, "secure": False, "port": None, "version": 0}
json.dump({"127.0.0.1": {"/": cookies}}, open(sys.argv[2], "w"))
PY
modules=sql,blindsql,xss,permanentxss,exec,file,crlf,redirect,csrf
# wapiti loads all its modules, and the unused wapp would fetch its database from the web (the proxy refuses it).
mkdir -p "$work/wapiti/config"; echo '{}' > "$work/wapiti/config/apps.json"
attack_seconds=$(( (scan_seconds - crawl_seconds - 60) / 9 ))
# wapiti 3.0.4 compiles -x patterns into a regex that Python 3.11 rejects ("global flags not at the start"): it runs
# with that one function replaced.
wapiti_python=$(head -1 "$(command -v wapiti)" | sed 's/^#! *//')
nice -n 10 timeout -k 15 $((scan_seconds + 180)) "$wapiti_python" -c '
import re, sys
import wapitiCore.net.crawler as crawler
crawler.wildcard_translate = lambda pattern: re.compile("(?s)" + ".*".join(map(re.escape, pattern.split("*"))) + r"\Z")
from wapitiCore.main.wapiti import wapiti_main
sys.argv[0] = "wapiti"
sys.exit(wapiti_main())' -u "$base/" --scope folder -s "$base/workspace" \
  -x "$base/account/logout*" -x "$base/*/suspend*" -x "$base/account/two-factor/disable*" -c "$work/wapiti/cookies.json" -p "http://127.0.0.1:$proxy_port" \
  -m "$modules" --skip __RequestVerificationToken --skip __SubmissionKey -d 4 \
  --max-scan-time "$crawl_seconds" --max-attack-time "$attack_seconds" -t 20 --flush-session \
  --store-session "$work/wapiti/session" --store-config "$work/wapiti/config" --no-bugreport --verify-ssl 0 -v 1 \
  -f json -o "$work/wapiti/report.json" > "$work/wapiti/wapiti.log" 2>&1 &
scan_pids+=($!)

# sqlmap per role, from when wapiti's crawl is over: --crawl=2 from the role's start page, every form and query.
sqlmap_seconds=$((scan_seconds - crawl_seconds))
sqlmap_crawl() { # sqlmap_crawl USER START-PATH
  new_run sqlmap "$1"
  (sleep "$crawl_seconds"; exec nice -n 10 timeout -k 15 "$sqlmap_seconds" sqlmap -u "$base$2" --proxy="http://127.0.0.1:$proxy_port" \
    --cookie="$(jar_cookie "$jar")" --crawl=2 --forms --crawl-exclude="$exclude" --batch --level=2 --risk=2 --dbms=PostgreSQL \
    --skip="$skip" --threads=2 --disable-coloring --output-dir="$work/sqlmap/$label") > "$work/sqlmap/$label.log" 2>&1 &
  scan_pids+=($!)
}
sqlmap_crawl anonymous /
sqlmap_crawl ent.a /workspace
sqlmap_crawl county.huaining /workspace
sqlmap_crawl bureau /workspace
sqlmap_crawl registrar.city /workspace

# The list pages (Features/*/…Controller Index actions): their text parameters (search, sort, region, field) in full.
year=$(date -u -d '+8 hours' +%Y)
cat > "$work/list-pages.txt" <<URLS
$base/contracts?q=%E6%8A%80%E6%9C%AF&region=340800&field=01&sort=amount&year=$year&minAmount=1&page=1
$base/needs?q=%E6%9D%90%E6%96%99&field=01&region=340822&maxPrice=100&page=1
$base/results?q=%E6%9D%90%E6%96%99&field=01&minMaturity=1&page=1
$base/experts?q=%E6%95%99%E6%8E%88&page=1
$base/enterprises?q=%E5%AE%89%E5%BA%86&region=340822&year=$year&page=1
$base/organizations?q=%E5%AE%89%E5%BA%86&region=340800&page=1
$base/carriers?q=%E5%AE%89%E5%BA%86&region=340800&page=1
$base/infringers?q=%E5%AE%89%E5%BA%86&page=1
$base/enterprises/cultivation?q=%E5%AE%89%E5%BA%86&page=1
$base/cockpit?region=340822&year=$year
URLS
new_run sqlmap-lists bureau
(sleep "$crawl_seconds"; exec nice -n 10 timeout -k 15 "$sqlmap_seconds" sqlmap -m "$work/list-pages.txt" --proxy="http://127.0.0.1:$proxy_port" \
  --cookie="$(jar_cookie "$jar")" -p q,sort,region,field --batch --level=2 --risk=2 --dbms=PostgreSQL --skip="$skip" --threads=2 \
  --disable-coloring --output-dir="$work/sqlmap/$label") > "$work/sqlmap/$label.log" 2>&1 &
scan_pids+=($!)

for p in "${scan_pids[@]}"; do wait "$p" || true; done
echo "[security-scan] scanners done after $(( $(date +%s) - started ))s"
app_alive=1
if ! kill -0 "$app_pid" 2>/dev/null; then
  app_alive=0
  echo "[security-scan] the app exited during the scan; the end of its console log:"
  tail -4 "$work/app.out" | cut -c1-300
fi
sleep 2
: > "$work/sessions.txt"
for r in "${runs[@]}"; do
  read -r label user jar <<< "$r"
  if [ "$user" = anonymous ]; then echo "$label -" >> "$work/sessions.txt"
  elif signed_in "$jar"; then echo "$label alive" >> "$work/sessions.txt"
  else echo "$label ended" >> "$work/sessions.txt"; fi
done
printf '%s\n' "${runs[@]}" > "$work/runs.txt"

set +e
python3 - "$work" "$min_posts_reached" "$app_alive" <<'PY' | tee "$out/summary.txt"
import collections, csv, glob, json, os, re, sys

work, min_posts, app_alive = sys.argv[1], int(sys.argv[2]), sys.argv[3] == "1"
runs = [line.split()[:2] for line in open(f"{work}/runs.txt") if line.strip()]
labels = {label: user for label, user in runs}
sessions = dict(line.split() for line in open(f"{work}/sessions.txt") if line.strip())

# The proxies' logs: the exact request behind each correlation id.
sent = {}
for path in glob.glob(f"{work}/proxy/*.jsonl"):
    for line in open(path, encoding="utf-8"):
        entry = json.loads(line)
        sent[entry["id"]] = entry

# The app's log, request by request (the correlation id is on every event of a request).
requests = collections.defaultdict(dict)
errors = collections.defaultdict(list)
all_5xx = []
controller_of = re.compile(r'controller = "([^"]+)"')
for path in sorted(glob.glob(f"{work}/logs/*.json")):
    for line in open(path, encoding="utf-8"):
        if '"CorrelationId"' not in line:
            continue
        event = json.loads(line)
        cid = event.get("CorrelationId")
        request = requests[cid]
        name = (event.get("EventId") or {}).get("Name")
        if event.get("SourceContext") == "Serilog.AspNetCore.RequestLoggingMiddleware":
            request.update(method=event.get("RequestMethod"), path=event.get("RequestPath"), status=event.get("StatusCode"), user=event.get("UserName"))
            if (event.get("StatusCode") or 0) >= 500:
                all_5xx.append(cid)
        elif name == "ControllerActionExecuting":
            controller = controller_of.search(event.get("RouteData", ""))
            if controller and controller.group(1) != "Errors" and "action" not in request:
                request["action"] = controller.group(1) + "." + (re.search(r'action = "([^"]+)"', event["RouteData"]) or [None, "?"])[1]
        elif name == "AuthorizationFailure":
            request["refused"] = event.get("AuthorizationFilter", "")
        elif "was already made" in event.get("@mt", ""):
            request["replayed"] = True
        if event.get("@l") in ("Error", "Fatal"):
            errors[cid].append((event.get("@mt", ""), (event.get("@x") or "").split("\n")[0]))

def run_of(cid):
    label = cid.rsplit("-", 1)[0] if cid and "-" in cid else None
    return label if label in labels else None

stats = {label: collections.Counter() for label in labels}
for cid, request in requests.items():
    label = run_of(cid)
    if not label or "status" not in request:
        continue
    s = stats[label]
    reached = "action" in request and "refused" not in request and "replayed" not in request
    s["requests"] += 1
    s[request["method"]] += 1
    if reached:
        s["reached " + request["method"]] += 1
    if request["status"] == 400:
        s["400"] += 1
    if "refused" in request and "Antiforgery" in request["refused"]:
        s["antiforgery"] += 1
    if request["status"] >= 500:
        s["5xx"] += 1
reached_actions = collections.defaultdict(set)
for cid, request in requests.items():
    label = run_of(cid)
    if label and "action" in request and "refused" not in request and request.get("method") == "POST":
        reached_actions[label].add(request["action"])

print("\n== Requests per scanner run (from the app's log; reached = routed to a feature action, no filter refused it)")
print(f"{'run':22} {'user':16} {'requests':>8} {'GET':>6} {'GET→action':>10} {'POST':>6} {'POST→action':>11} {'POST actions':>12} {'400':>6} {'antiforgery':>11} {'5xx':>4}  session")
total = collections.Counter()
for label, user in runs:
    s = stats[label]
    total.update(s)
    print(f"{label:22} {user:16} {s['requests']:8} {s['GET']:6} {s['reached GET']:10} {s['POST']:6} {s['reached POST']:11} {len(reached_actions[label]):12} {s['400']:6} {s['antiforgery']:11} {s['5xx']:4}  {sessions.get(label, '?')}")
print(f"{'total':22} {'':16} {total['requests']:8} {total['GET']:6} {total['reached GET']:10} {total['POST']:6} {total['reached POST']:11} {len(set().union(*reached_actions.values()) if reached_actions else set()):12} {total['400']:6} {total['antiforgery']:11} {total['5xx']:4}")
print("(antiforgery: refused by the antiforgery filter with 400; wapiti's csrf module posts each form once with a forged\n"
      " token, which must be refused. A run whose session ended could only attack what an anonymous visitor sees.)")

# sqlmap: the injection points it confirmed (results CSV of each run, and its console log).
injectable, rejected = set(), set()
for label, _ in runs:
    if not label.startswith("sqlmap"):
        continue
    for path in glob.glob(f"{work}/sqlmap/{label}/results-*.csv"):
        for row in csv.DictReader(open(path, encoding="utf-8", errors="replace")):
            if not row.get("Parameter"):
                continue
            if "false positive" in (row.get("Note(s)") or ""):
                rejected.add((label, row.get("Target URL"), row.get("Place"), row.get("Parameter"), row.get("Technique(s)")))
            else:
                injectable.add((label, row.get("Target URL"), row.get("Place"), row.get("Parameter"), row.get("Technique(s)")))
    log = open(f"{work}/sqlmap/{label}.log", encoding="utf-8", errors="replace").read()
    for block in re.findall(r"identified the following injection point\(s\).*?\n---\n(.*?)\n---", log, re.S):
        for parameter in re.findall(r"^Parameter: (.+)$", block, re.M):
            injectable.add((label, "(see log)", "", parameter, ""))
    targets = re.findall(r"^\[(\d+)/(\d+|\?)\] (?:Form|URL):", log, re.M)
    done = f"{targets[-1][0]} of {targets[-1][1]} targets started" if targets else "no target"
    finished = "finished" if "ending @" in log else "stopped at the time limit"
    print(f"sqlmap {label}: {done}, {finished}")
print(f"\n== sqlmap: {len(injectable)} injectable parameter(s)")
for item in sorted(injectable):
    print("  ", *item)
for item in sorted(rejected):
    print("   (sqlmap's own check found this one a false positive, not counted)", *item)

# wapiti: its JSON report.
vulnerabilities = 0
report_path = f"{work}/wapiti/report.json"
if os.path.exists(report_path):
    report = json.load(open(report_path, encoding="utf-8"))
    print(f"\n== wapiti: {sum(len(v) for v in report.get('vulnerabilities', {}).values())} vulnerability(ies)")
    for category, items in report.get("vulnerabilities", {}).items():
        vulnerabilities += len(items)
        for item in items:
            print(f"   {category}: {item.get('method')} {item.get('path')} parameter {item.get('parameter')}: {item.get('info')}")
    anomalies = collections.Counter((category, item.get("method"), item.get("path"), item.get("parameter"))
                                    for category, items in report.get("anomalies", {}).items() for item in items)
    for (category, method, path, parameter), count in sorted(anomalies.items()):
        print(f"   anomaly ({count}x) {category}: {method} {path} parameter {parameter}")
    crawled = report.get("infos", {}).get("crawled_pages_nbr")
    if crawled is not None:
        print(f"   crawled pages: {crawled}")
else:
    vulnerabilities = -1
    print("\n== wapiti: no report (it did not finish)")

# HTTP 5xx: every one in the app's log, with the request that caused it.
print(f"\n== HTTP 5xx in the app's log: {len(all_5xx)}")
groups = collections.defaultdict(list)
for cid in all_5xx:
    request = requests[cid]
    exception = next((x for _, x in errors.get(cid, []) if x), next((m for m, _ in errors.get(cid, [])), "no error logged"))
    path = re.sub(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "{id}", request.get("path") or "?")
    groups[(request.get("method"), path, exception)].append(cid)
for (method, path, exception), cids in sorted(groups.items(), key=lambda g: -len(g[1])):
    print(f"   {len(cids)} x {method} {path} -> {exception[:300]}")
    for cid in cids[:3]:
        request, entry = requests[cid], sent.get(cid, {})
        print(f"      {request.get('method')} {entry.get('url') or request.get('path')} -> {request.get('status')} [{cid}, user {request.get('user')}]")
        if entry.get("body"):
            print(f"         body: {entry['body'][:400]!r}")
unanswered = [e for e in sent.values() if e.get("status") == 502]
if unanswered:
    print(f"   the portal did not answer {len(unanswered)} request(s), e.g. {unanswered[0]['method']} {unanswered[0]['url']}: {unanswered[0].get('error')}")
logged_errors = sum(len(v) for k, v in errors.items())
print(f"   error events in the app's log (not all are 5xx, e.g. a mangled antiforgery token): {logged_errors}")

posts_reached = total["reached POST"]
ended = [label for label, state in sessions.items() if state == "ended"]
verdict = app_alive and not injectable and vulnerabilities == 0 and not all_5xx and not unanswered and posts_reached > min_posts
print(f"\n{'PASS' if verdict else 'FAIL'}  security scan: {len(injectable)} injectable parameter(s), "
      f"{'no report from wapiti' if vulnerabilities < 0 else str(vulnerabilities) + ' wapiti vulnerability(ies)'}, {len(all_5xx)} HTTP 5xx, "
      f"{posts_reached} attacking POSTs reached actions (> {min_posts} required), {total['reached GET']} GETs"
      + (f"; sessions ended during the scan: {', '.join(ended)}" if ended else "") + ("" if app_alive else "; the app exited during the scan"))
sys.exit(0 if verdict else 1)
PY
verdict=${PIPESTATUS[0]}
set -e
cp -r "$work/sqlmap" "$work/wapiti/report.json" "$work/wapiti/wapiti.log" "$work/proxy" "$out/" 2>/dev/null || true
rm -f "$out"/proxy/*.out; gzip -f "$out"/proxy/*.jsonl 2>/dev/null || true
cat "$work"/logs/*.json | gzip > "$out/app-log.json.gz"
echo "[security-scan] reports in ${out#$root/}; took $(( $(date +%s) - started ))s"
exit "$verdict"
