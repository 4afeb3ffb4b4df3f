#!/usr/bin/env bash
# The web layer's shape in numbers (issue 21): controller lines, database queries in controllers, ViewData/ViewBag data
# reads in views (the page title aside), hand-written href="/…" links, `catch (DomainException)` in controllers, and the
# median and 90th-percentile length of the files under Features/. Prints one "name value" line each.
set -euo pipefail
cd "$(dirname "$0")/../src/AnqingTechTransfer.Web/Features"
controllers=$(find . -name '*Controller.cs')
echo "controller_files $(echo "$controllers" | grep -c . || true)"
echo "controller_lines $(cat $controllers | wc -l)"
# A query in a controller: the DbContext's sets (db.X / _db.X) used there.
echo "controller_queries $(grep -ohE '\b_?db\.[A-Z][A-Za-z]+' $controllers | grep -vE 'db\.(SaveChanges|Entry|Audit|Database|ChangeTracker)' | wc -l)"
echo "controller_domain_catches $(grep -c 'catch (DomainException' $controllers | awk -F: '{s+=$2} END {print s+0}')"
views=$(find . -name '*.cshtml')
echo "viewdata_reads $(grep -ohE '(ViewData|ViewBag)(\[\"[A-Za-z]+\"\]|\.[A-Za-z]+)' $views | grep -vE 'Title' | wc -l)"
echo "handwritten_links $(grep -ohE 'href="/[^"]*"' $views | wc -l)"
lengths=$(find . -name '*.cs' -o -name '*.cshtml' | xargs wc -l | grep -v ' total$' | awk '{print $1}' | sort -n)
count=$(echo "$lengths" | wc -l)
median=$(echo "$lengths" | sed -n "$(( (count + 1) / 2 ))p")
p90=$(echo "$lengths" | sed -n "$(( (count * 9 + 9) / 10 ))p")
echo "feature_files $count"
echo "file_lines_median $median"
echo "file_lines_p90 $p90"
echo "feature_folders $(find . -mindepth 1 -maxdepth 1 -type d | wc -l)"
