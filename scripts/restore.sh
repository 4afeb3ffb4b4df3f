#!/usr/bin/env bash
# Restores a dump of scripts/backup.sh into a NEW database (never over an existing one) with pg_restore, then compares
# the restored data with the dump's fingerprint, or with a live database: row counts, numeric sums and row checksums of
# every table must be equal. Exit code 0 only when they are.
#   scripts/restore.sh --server "host=… port=… user=…" --db NEW_NAME --from FILE.dump [--verify-against DSN]
set -euo pipefail
cd "$(dirname "$0")/.."
server="" db="" from="" against=""
while [ $# -gt 0 ]; do
  case "$1" in
    --server) server="$2"; shift 2 ;;
    --db) db="$2"; shift 2 ;;
    --from) from="$2"; shift 2 ;;
    --verify-against) against="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
[ -n "$server" ] && [ -n "$db" ] && [ -f "$from" ] || { echo "usage: scripts/restore.sh --server DSN --db NEW_NAME --from FILE.dump [--verify-against DSN]" >&2; exit 2; }
[[ "$db" =~ ^[a-z_][a-z0-9_]*$ ]] || { echo "[restore] database name must be lower-case letters, digits and _" >&2; exit 2; }
source scripts/lib/pg.sh
pg_find_bin
source scripts/lib/fingerprint.sh
if [ "$("$PG_BIN/psql" "$server dbname=postgres" -Atqc "SELECT count(*) FROM pg_database WHERE datname = '$db'")" != 0 ]; then
  echo "[restore] database $db exists: restore only into a new database" >&2; exit 1
fi
t0=$(date +%s%N)
"$PG_BIN/psql" "$server dbname=postgres" -v ON_ERROR_STOP=1 -qc "CREATE DATABASE \"$db\""
"$PG_BIN/pg_restore" -d "$server dbname=$db" -j 2 --no-owner --exit-on-error "$from"
echo "[restore] restored into $db in $(awk -v a="$t0" -v b="$(date +%s%N)" 'BEGIN { printf "%.1f", (b - a) / 1e9 }') s"
if [ -n "$against" ]; then expected="$(fingerprint "$against")"; else expected="$(cat "$from.fingerprint")"; fi
actual="$(fingerprint "$server dbname=$db")"
if [ "$expected" = "$actual" ]; then
  echo "[restore] verified: $(echo "$actual" | wc -l) tables, row counts, numeric sums and row checksums equal"
else
  echo "[restore] MISMATCH between the restored database and the source:" >&2
  diff <(echo "$expected") <(echo "$actual") | head -20 >&2
  exit 1
fi
