# fingerprint DSN [SNAPSHOT]: one line per table of the public schema: "table|rows|sum of each numeric column|md5 of all rows in order".
# Two databases with the same lines hold the same data (the restore drill, scripts/restore.sh --verify-against).
fingerprint() {
  local dsn="$1" snapshot="${2:-}" sql
  sql=$("$PG_BIN/psql" "$dsn" -v ON_ERROR_STOP=1 -Atq <<'SQL'
SELECT string_agg(format(
  'SELECT %L || ''|'' || count(*) || ''|'' || %s || ''|'' || coalesce(md5(string_agg(t::text, '','' ORDER BY t::text)), ''-'') FROM %I t',
  c.relname,
  coalesce((SELECT string_agg(format('coalesce(sum(%I)::text, ''-'')', a.attname), ' || '','' || ' ORDER BY a.attnum)
            FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
              AND a.atttypid IN ('numeric'::regtype, 'integer'::regtype, 'bigint'::regtype, 'smallint'::regtype)), '''-'''),
  c.relname), E' UNION ALL\n' ORDER BY c.relname) || ';'
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p');
SQL
)
  # Read inside the exported snapshot when given, so the fingerprint describes exactly what pg_dump saw.
  { echo "BEGIN ISOLATION LEVEL REPEATABLE READ;"; [ -n "$snapshot" ] && echo "SET TRANSACTION SNAPSHOT '$snapshot';"; echo "$sql"; echo "COMMIT;"; } |
    "$PG_BIN/psql" "$dsn" -v ON_ERROR_STOP=1 -Atq | sort
}
