#!/usr/bin/env bash
# Contract-registration and cockpit budgets (issues 3 and 4), measured on a throwaway database with 1,000,000 contracts
# and 50,000 enterprises (high-tech certificates with re-recognitions, tech-SME registrations):
#   - a registrar's and a county's filtered first page of /contracts: <= 50 ms server time
#   - /contracts/stats uncached: <= 300 ms server time
#   - the leaders' cockpit (city and county), uncached: <= 100 ms server time
#   - importing 100,000 rows: <= 30 s
# Server time is what the app itself logs per request (Serilog request logging), the median and p95 of N requests.
#   scripts/bench-contracts.sh [--rows N] [--requests N]
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
rows=1000000 requests=30 sql_level=Warning
while [ $# -gt 0 ]; do
  case "$1" in
    --rows) rows="$2"; shift 2 ;;
    --requests) requests="$2"; shift 2 ;;
    --sql) sql_level=Information; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
source scripts/lib/bench.sh
bench_publish

echo "[bench] generating $rows contracts"
t0=$(date +%s.%N)
psql_ <<SQL
CREATE TEMP TABLE orgs AS SELECT id, region_code, row_number() OVER (ORDER BY id) - 1 AS n FROM organizations WHERE kind IN (5, 6, 7, 8);
CREATE TEMP TABLE pts AS SELECT id, row_number() OVER (ORDER BY code) - 1 AS n FROM registration_points WHERE code IN ('01', '02');
CREATE TEMP TABLE regs AS SELECT code, row_number() OVER (ORDER BY sort_order) - 1 AS n FROM regions WHERE kind <> 1;
INSERT INTO tech_contracts (id, status, registration_point_id, filer_organization_id, seller_organization_id, seller_region_code, buyer_region_code,
    project_name, type, sub_type, is_technology_import, technical_field_code, ip_type_code, plan_source_code, socio_economic_goal_code,
    signed_on, valid_from, valid_to, contract_amount, tech_amount, payment_mode, created_at, submitted_at, accepted_on, due_on, is_disputed,
    registered_at, registration_number, verification_code, is_imported, deductions,
    buyer_country_code, buyer_credit_code, buyer_name, buyer_nature_code, buyer_division_code,
    seller_country_code, seller_credit_code, seller_name, seller_nature_code, seller_division_code)
SELECT gen_random_uuid(),
    -- A registry's steady state: nearly everything decided, a few hundred in the queues, some refusals.
    CASE WHEN g % 1000 = 0 THEN 2 WHEN g % 1000 = 1 THEN 4 WHEN g % 1000 = 2 THEN 5 WHEN g % 1000 < 20 THEN 8 ELSE 7 END,
    p.id, o.id, o.id, o.region_code,
    r.code,
    -- Titles as diverse as a real registry's: 60 subjects x 8 kinds of work (a subject appears in 1 contract in 60).
    (ARRAY['绿色催化材料','动力电池热管理','工业互联网平台','中药材质量追溯','高分子复合材料','智能网联汽车','精细化工废水','农产品冷链',
           '光伏组件回收','医用高分子','茶叶智能加工','纺织功能整理','石化智能巡检','钨铼合金靶盘','功能性光刻胶','工业扫码设备',
           '己二腈合成','锂电池隔膜','氢燃料电池','特种钢材热处理','数控机床','工业机器人','智能仓储物流','污水生物处理',
           '土壤修复','固废资源化','绿色建材','装配式建筑','电力电子器件','传感器芯片','机器视觉检测','云计算平台',
           '大数据分析','区块链溯源','智慧农业','水稻育种','生猪养殖','水产养殖','林下经济','中药饮片',
           '生物医药中间体','医疗器械','康复辅具','体外诊断','疫苗佐剂','化妆品原料','食品添加剂','包装材料',
           '纺织机械','服装智能制造','家具设计','文旅数字化','智慧社区','应急管理','安全生产监测','交通信号控制',
           '新能源汽车电机','汽车轻量化','船舶配件','航空零部件'])[1 + g % 60]
      || (ARRAY['研发','技术开发','工艺优化','成果转让','专利许可','技术咨询','技术服务','中试验证'])[1 + (g / 60) % 8] || '项目' || g,
    1 + g % 5, NULL, false, lpad((1 + g % 11)::text, 2, '0'), '03', '08', '10',
    d, d, d + 365, a, a * 0.9, 2, ts, ts, CASE WHEN g % 1000 IN (1, 2) THEN d + 5 END, CASE WHEN g % 1000 IN (1, 2) THEN d + 26 END, false,
    CASE WHEN g % 1000 >= 20 THEN ts + interval '10 days' END,
    CASE WHEN g % 1000 >= 20 THEN 'B' || lpad(g::text, 15, '0') END,
    CASE WHEN g % 1000 >= 20 THEN 'BENCHCOD' END, false, '[]',
    '142', '', '买方单位' || (g % 7000), '170', '340822', '142', '', '卖方单位' || (g % 5000), '150', '340822'
FROM generate_series(1::bigint, $rows) g
CROSS JOIN LATERAL (SELECT (date '2021-01-01' + ((g * 7919) % 2150)::int)::date AS d,
    round((((g * 104729) % 100000) / 100.0 + 1)::numeric, 2) AS a) v
CROSS JOIN LATERAL (SELECT (v.d + time '09:00')::timestamp AT TIME ZONE 'Asia/Shanghai' AS ts) t
JOIN pts p ON p.n = (g % 5 = 0)::int
JOIN orgs o ON o.n = g % (SELECT count(*) FROM orgs)
JOIN regs r ON r.n = (g * 31) % (SELECT count(*) FROM regs);
SQL
echo "[bench] generating 50,000 enterprises' qualifications"
psql_ <<SQL
CREATE TEMP TABLE regs AS SELECT code, row_number() OVER (ORDER BY sort_order) - 1 AS n FROM regions WHERE kind <> 1;
-- 50,000 enterprises over the 12 counties and parks; about 60 % hold a certificate, a third of those re-recognised;
-- each is a registered tech SME in one to three years. One statement each: the summary trigger runs once.
INSERT INTO high_tech_records (id, credit_code, enterprise_name, region_code, organization_id, source, confirmation, warning, created_at,
    number, issued_on, valid_until, mode, field_code)
SELECT gen_random_uuid(), 'B' || lpad(e::text, 17, '0'), '基准企业' || e, r.code, NULL, 2, CASE WHEN e % 50 = 0 THEN 1 ELSE 2 END, NULL, now(),
    'GR' || (2018 + (e + k * 3) % 6 + k * 3) || '34' || lpad((e * 2 + k)::text, 6, '0'),
    make_date(2018 + (e % 6) + k * 3, 1 + e % 12, 1 + e % 28), make_date(2018 + (e % 6) + k * 3, 1 + e % 12, 1 + e % 28) + interval '3 years' - interval '1 day', 1, '04'
FROM generate_series(1, 50000) e
CROSS JOIN generate_series(0, 1) k
JOIN regs r ON r.n = e % 12
WHERE e % 5 < 3 AND (k = 0 OR e % 3 = 0);
INSERT INTO tech_sme_records (id, credit_code, enterprise_name, region_code, organization_id, source, confirmation, warning, created_at, year, number)
SELECT gen_random_uuid(), 'B' || lpad(e::text, 17, '0'), '基准企业' || e, r.code, NULL, 2, 2, NULL, now(), y, y || '3408' || lpad(e::text, 10, '0')
FROM generate_series(1, 50000) e
CROSS JOIN generate_series(2021, 2026) y
JOIN regs r ON r.n = e % 12
WHERE (e + y) % 3 = 0;
SQL
bench_vacuum tech_contracts
echo "[bench] all-visible pages: $(psql_ -Atc "SELECT relallvisible || ' of ' || relpages FROM pg_class WHERE relname = 'tech_contracts'")"
echo "[bench] generated in $(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }') s"

bench_start
for u in registrar.city county.huaining leader.city leader.huaining bureau; do login "$u" "$work/$u.jar"; done

echo
printf '%-44s %10s %10s %10s  %s\n' "scenario ($rows contracts)" "p50 ms" "p95 ms" "budget" "result"
measure "registrar: queue, first page" "$work/registrar.city.jar" "/contracts?queue=true&sort=due" 50
measure "registrar: registered, field, year" "$work/registrar.city.jar" "/contracts?status=Registered&field=06&from=2024-01-01&to=2024-12-31" 50
measure "county: 吸纳 of the year, first page" "$work/county.huaining.jar" "/contracts?region=340822&side=absorbed&year=2025" 50
measure "county: text search" "$work/county.huaining.jar" "/contracts?q=%E7%BB%BF%E8%89%B2%E5%82%AC%E5%8C%96" 50
measure "stats, city, uncached" "$work/leader.city.jar" "/contracts/stats?year=2025" 300
measure "stats, county, uncached" "$work/county.huaining.jar" "/contracts/stats?year=2025" 300
measure "cockpit, city, uncached" "$work/leader.city.jar" "/cockpit?year=2025" 100
measure "cockpit, county, uncached" "$work/leader.huaining.jar" "/cockpit?year=2025" 100
slowest_sql

echo
echo "[bench] import of 100,000 rows"
python3 - "$work/import.csv" <<'PY'
import sys
with open(sys.argv[1], "w", encoding="utf-8") as f:
    f.write("登记编号,项目名称,合同类别,卖方名称,卖方统一社会信用代码,卖方所在地区代码,买方名称,买方统一社会信用代码,买方所在地区代码,买方所在园区,技术领域,成交额（万元）,技术交易额（万元）,签订日期,登记日期\n")
    counties = ["340802","340803","340811","340822","340825","340826","340827","340828","340881","340882"]
    for i in range(100000):
        f.write(f"I{i:015d},外地登记导入合同{i},技术开发,合肥某大学,,340100,安庆某企业{i % 900},,{counties[i % 10]},,{1 + i % 11:02d},{10 + i % 500}.50,{10 + i % 500}.00,2025-{1 + i % 12:02d}-{1 + i % 28:02d},2025-{1 + i % 12:02d}-{1 + i % 28:02d}\n")
PY
token=$(curl -s -b "$work/bureau.jar" -c "$work/bureau.jar" "$base/contracts/import" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//')
seconds=$(curl -s -o "$work/import.html" -w '%{time_total}' -b "$work/bureau.jar" -F "__RequestVerificationToken=$token" -F "file=@$work/import.csv;filename=import.csv" "$base/contracts/import")
imported=$(grep -o 'id="imported-count">[0-9]*' "$work/import.html" | grep -o '[0-9]*$' || echo 0)
verdict=$(awk -v v="$seconds" 'BEGIN { print (v <= 30) ? "PASS" : "FAIL" }')
[ "$imported" = 100000 ] || verdict=FAIL
printf '%-44s %10s %10s %10s  %s\n' "import 100,000 rows (s, imported=$imported)" "$seconds" "-" "30" "$verdict"
