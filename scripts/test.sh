#!/usr/bin/env bash
# Runs every test project against a private, throwaway PostgreSQL cluster, and Chromium for the browser tests.
# Installs what a fresh machine lacks (Chromium, CJK fonts, PostgreSQL) when it can. Last line: "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
export DEBIAN_FRONTEND=noninteractive DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
t0=$SECONDS
stamp() { echo "[test] $1 ($((SECONDS - t0)) s)"; }

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
fc-list :lang=zh 2>/dev/null | grep -q . || need+=(fonts-noto-cjk)
# The PDF certificate's font: one TTF (PDFsharp refuses the .ttc collections of fonts-noto-cjk; TOOLCHAIN.md §10).
[ -f /usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf ] || need+=(fonts-arphic-gbsn00lp)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql postgresql-contrib)
# The SMTP server the mail tests deliver to (TOOLCHAIN.md §12), for Debian's own python3.
/usr/bin/python3 -c 'import aiosmtpd' >/dev/null 2>&1 || need+=(python3-aiosmtpd)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    stamp "installing ${need[*]}"
    apt-get update -qq >/dev/null && apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null \
      || echo "[test] could not install ${need[*]}; the tests that need them will fail with a message" >&2
  else
    echo "[test] missing: ${need[*]} (install them with apt-get as root)" >&2
  fi
fi

source scripts/lib/pg.sh
source scripts/lib/smtp.sh
pg_tmp="$(mktemp -d /tmp/anqing-test-pg.XXXXXX)"
chmod 755 "$pg_tmp"
finish() { smtp_stop; pg_stop; rm -rf "$pg_tmp"; }
trap finish EXIT
if ! pg_start "$pg_tmp" "$(pg_free_port)" fast; then
  echo "[test] PostgreSQL could not be started; no test can run without it."
  echo "0 passed, 1 failed"
  exit 1
fi
stamp "postgres on port $PGPORT"
# The fixtures create their own databases on this server; there is no other fallback.
export ANQING_TEST_DATABASE="Host=127.0.0.1;Port=$PGPORT;Username=postgres;Database=postgres;Include Error Detail=true"
# The mail tests send through a real SMTP server and read what it delivered.
if smtp_start "$pg_tmp/smtp"; then
  export ANQING_TEST_SMTP="127.0.0.1:$SMTP_PORT" ANQING_TEST_MAILDIR="$MAILDIR"
  stamp "smtp on port $SMTP_PORT"
else
  echo "[test] no SMTP server: the mail tests will fail with a message" >&2
fi

rm -rf TestResults artifacts/screenshots
if ! dotnet build AnqingTechTransfer.sln -c Release --nologo -v q; then
  stamp "build failed"
  echo "0 passed, 1 failed"
  exit 1
fi
stamp "build"

rc=0
# One project after another: on two cores the integration and browser suites side by side took longer (about 13 min)
# than one after the other, as each app, Chromium and PostgreSQL fought for the same cores.
for project in tests/AnqingTechTransfer.Domain.Tests tests/AnqingTechTransfer.Web.IntegrationTests tests/AnqingTechTransfer.BrowserTests; do
  dotnet test "$project" -c Release --no-build --nologo --logger trx --results-directory "$root/TestResults" || rc=$?
  stamp "$(basename "$project")"
done

passed=0 failed=0 skipped=0
for trx in TestResults/*.trx; do
  [ -f "$trx" ] || continue
  counters="$(grep -o '<Counters [^>]*>' "$trx" | head -1)"
  get() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' || echo 0; }
  passed=$((passed + $(get passed))); failed=$((failed + $(get failed))); skipped=$((skipped + $(get notExecuted)))
done
if [ "$passed" -eq 0 ] && [ "$failed" -eq 0 ]; then failed=1; rc=1; echo "[test] no test results were produced"; fi
[ "$failed" -gt 0 ] && rc=1
if [ "$skipped" -gt 0 ]; then echo "$passed passed, $failed failed, $skipped skipped"; else echo "$passed passed, $failed failed"; fi
exit $rc
