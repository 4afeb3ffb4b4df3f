#!/usr/bin/env python3
"""Write load for scripts/restart-drill.sh: WORKERS threads each submit NEEDS technology needs as ent.a, each with its own
submission key, and resubmit the same key (as a user pressing the button again) until the portal acknowledges it with a
redirect to the new record. Prints one JSON line: acknowledged titles, attempts, failures seen, the longest outage."""
import http.cookiejar, json, re, sys, threading, time, urllib.error, urllib.parse, urllib.request, uuid

base, user, password, workers, needs, prefix = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5]), sys.argv[6]

class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *a, **k):
        return None

def session():
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect())
    return opener

def call(opener, url, data=None, timeout=30):
    body = urllib.parse.urlencode(data).encode() if data is not None else None
    try:
        with opener.open(urllib.request.Request(base + url, data=body), timeout=timeout) as r:
            return r.status, r.headers.get("Location"), r.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as e:
        return e.code, e.headers.get("Location"), e.read().decode("utf-8", "replace")

def token(html):
    m = re.search(r'name="__RequestVerificationToken" type="hidden" value="([^"]+)"', html)
    return m.group(1) if m else None

def sign_in():
    o = session()
    _, _, html = call(o, "/account/login")
    status, location, _ = call(o, "/account/login", {"UserName": user, "Password": password, "__RequestVerificationToken": token(html)})
    assert status == 302 and "/account/login" not in (location or ""), f"sign-in failed: {status} {location}"
    _, _, html = call(o, "/needs/new")
    return o, token(html)

results = {"acknowledged": [], "attempts": 0, "failures": {}, "gave_up": []}
lock = threading.Lock()
outage = {"first": None, "last": None}

def worker(w):
    opener, tok = sign_in()
    deadline = time.strftime("%Y-%m-%d", time.localtime(time.time() + 180 * 86400))
    for n in range(needs):
        key, title = str(uuid.uuid4()), f"{prefix}-{w:02d}-{n:03d}"
        form = {"Title": title, "Summary": "重启演练：数据库重启期间提交的技术需求", "FieldCode": "06", "Keywords": "演练", "Modes": "Commissioned",
                "ContactName": "演练员", "ContactPhone": "0556-5550000", "Targets": "无", "BudgetMin": "10", "BudgetMax": "20",
                "Deadline": deadline, "__RequestVerificationToken": tok, "__SubmissionKey": key}
        started = time.time()
        while True:
            with lock:
                results["attempts"] += 1
            try:
                status, location, _ = call(opener, "/needs/new", form)
            except Exception as e:  # connection refused or reset while the app or database is away
                status, location = type(e).__name__, None
            if status == 302 and location and re.search(r"/needs/[0-9a-f-]{36}$", location):
                with lock:
                    results["acknowledged"].append(title)
                break
            now = time.time()
            with lock:
                results["failures"][str(status)] = results["failures"].get(str(status), 0) + 1
                outage["first"] = outage["first"] or now
                outage["last"] = now
            if now - started > 90:
                with lock:
                    results["gave_up"].append(title)
                break
            time.sleep(0.5)

threads = [threading.Thread(target=worker, args=(w,)) for w in range(workers)]
for t in threads: t.start()
for t in threads: t.join()
results["outage_seconds"] = round(outage["last"] - outage["first"], 1) if outage["first"] else 0
print(json.dumps(results, ensure_ascii=False))
