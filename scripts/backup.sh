#!/usr/bin/env bash
# Backs up the portal's database with pg_dump (custom format, compressed), and writes beside the dump its fingerprint:
# per table the row count, the sums of the numeric columns (money included) and a checksum of the rows. The restore
# drill compares a restored copy against it (scripts/restore.sh, docs/operations.md §5).
#   scripts/backup.sh --dsn "host=… port=… dbname=… user=…" --out FILE.dump
set -euo pipefail
cd "$(dirname "$0")/.."
dsn="" out=""
while [ $# -gt 0 ]; do
  case "$1" in
    --dsn) dsn="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
[ -n "$dsn" ] && [ -n "$out" ] || { echo "usage: scripts/backup.sh --dsn DSN --out FILE.dump" >&2; exit 2; }
source scripts/lib/pg.sh
pg_find_bin
source scripts/lib/fingerprint.sh
t0=$(date +%s%N)
# One snapshot for the dump and the fingerprint: a session exports it and stays open while pg_dump and the fingerprint
# read through it, so writes made meanwhile are in neither.
coproc SNAP { "$PG_BIN/psql" "$dsn" -Atq -v ON_ERROR_STOP=1; }
echo "BEGIN ISOLATION LEVEL REPEATABLE READ; SELECT pg_export_snapshot();" >&"${SNAP[1]}"
read -r snapshot <&"${SNAP[0]}"
"$PG_BIN/pg_dump" -d "$dsn" -Fc -Z 6 --snapshot="$snapshot" -f "$out.partial"
fingerprint "$dsn" "$snapshot" > "$out.fingerprint"
echo "COMMIT;" >&"${SNAP[1]}"; exec {SNAP[1]}>&-; wait "$SNAP_PID" 2>/dev/null || true
mv "$out.partial" "$out"
echo "[backup] $(du -h "$out" | cut -f1) in $(awk -v a="$t0" -v b="$(date +%s%N)" 'BEGIN { printf "%.1f", (b - a) / 1e9 }') s: $out (fingerprint: $out.fingerprint, $(wc -l < "$out.fingerprint") tables)"
