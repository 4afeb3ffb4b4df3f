#!/usr/bin/env bash
# Fills a migrated portal database with a city-scale data set, deterministic (every value is a function of the row number),
# skewed by county and park as the city's economy is, seasonal by month, growing year on year:
#   1,000,000 technology contracts over 2021-2026, 50,000 enterprises with high-tech certificates and tech-SME
#   registrations, 100,000 needs and results, 5,000 experts, 20,000 project applications with review scores, and a year
#   of audit rows. Set-based INSERT ... SELECT generate_series on the server (COPY speed, no client round trips).
# Safe: it refuses a database with any user that is not one of the demo accounts, or one it has already filled.
#   scripts/seed-scale.sh --dsn "host=127.0.0.1 port=5432 dbname=anqing user=postgres" [--contracts N] [--contracts-only]
# The database must be migrated with the demo data first (dotnet AnqingTechTransfer.Web.dll --migrate-only with Demo__Seed=true).
# Audit rows are generated for volume: their hash chain is not sealed (verification on such a database reports them).
set -euo pipefail
cd "$(dirname "$0")/.."
dsn="" contracts=1000000 contracts_only=false
while [ $# -gt 0 ]; do
  case "$1" in
    --dsn) dsn="$2"; shift 2 ;;
    --contracts) contracts="$2"; shift 2 ;;
    # Only the contracts (the data check in ContractAttributionDataTests runs it so, in seconds).
    --contracts-only) contracts_only=true; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
PG_BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
psql_() { "$PG_BIN/psql" "$dsn" -v ON_ERROR_STOP=1 -q "$@"; }

# The demo accounts, read from the seed itself so the list never drifts from it (DemoSeed.Users).
demo_users=$(grep -oE '^\s+new\("[a-z][a-z0-9.]*", "' "$(dirname "$0")/../src/AnqingTechTransfer.Web/Data/Seed/DemoSeed.cs" | grep -oE '"[a-z][a-z0-9.]*"' | tr '"' "'" | paste -sd, -)
[ -n "$demo_users" ] || { echo "[seed-scale] the demo accounts could not be read from DemoSeed.cs" >&2; exit 1; }
others=$(psql_ -Atc "SELECT count(*) FROM asp_net_users WHERE user_name NOT IN ($demo_users)")
if [ "$others" != 0 ]; then
  echo "[seed-scale] refused: the database has $others user(s) besides the demo accounts; it is not a generated one" >&2
  exit 3
fi
if [ "$(psql_ -Atc "SELECT to_regclass('scale_seed_runs') IS NOT NULL")" = t ]; then
  echo "[seed-scale] refused: this database was already filled (table scale_seed_runs)" >&2
  exit 3
fi

t0=$(date +%s.%N)
step() { echo "[seed-scale] $1 ($(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }') s)"; }
psql_ <<SQL
CREATE TABLE scale_seed_runs (ran_at timestamptz NOT NULL DEFAULT now(), contracts bigint NOT NULL);
INSERT INTO scale_seed_runs (contracts) VALUES ($contracts);
-- Where activity happens: the two parks and the main districts carry most of it (weights out of 100).
CREATE TABLE scale_regions AS
  SELECT code, n FROM (VALUES ('3408GX',0),('340871',1),('340802',2),('340811',3),('340822',4),('340882',5),('340881',6),('340803',7),
                              ('340827',8),('340828',9),('340825',10),('340826',11)) v(code, n);
CREATE TABLE scale_region_pick AS
  SELECT row_number() OVER () - 1 AS k, code FROM scale_regions r
  CROSS JOIN LATERAL generate_series(1, (ARRAY[18,15,12,10,9,8,7,6,5,4,3,3])[r.n + 1]);
-- Seasons: slow after the Spring Festival, busy before the year closes (weights out of 100).
CREATE TABLE scale_month_pick AS
  SELECT row_number() OVER () - 1 AS k, m FROM generate_series(1, 12) m
  CROSS JOIN LATERAL generate_series(1, (ARRAY[5,4,7,8,8,9,8,7,9,8,11,16])[m]);
-- Growth: the plan's doubling, 2026 to date (weights out of 100).
CREATE TABLE scale_year_pick AS
  SELECT row_number() OVER () - 1 AS k, y FROM generate_series(2021, 2026) y
  CROSS JOIN LATERAL generate_series(1, (ARRAY[11,13,15,18,23,20])[y - 2020]);
SQL
step "tables of distributions"

psql_ <<SQL
CREATE TEMP TABLE orgs AS SELECT id, name, credit_code, region_code, row_number() OVER (ORDER BY id) - 1 AS n FROM organizations WHERE kind IN (5, 6, 7, 8);
CREATE TEMP TABLE pts AS SELECT id, row_number() OVER (ORDER BY code) - 1 AS n FROM registration_points WHERE code IN ('01', '02');
INSERT INTO tech_contracts (id, status, registration_point_id, filer_organization_id, seller_organization_id, seller_region_code, buyer_region_code,
    project_name, type, sub_type, is_technology_import, technical_field_code, ip_type_code, plan_source_code, socio_economic_goal_code,
    signed_on, valid_from, valid_to, contract_amount, tech_amount, payment_mode, created_at, submitted_at, accepted_on, due_on, is_disputed,
    registered_at, registration_number, verification_code, is_imported, deductions, declared_tech_amount, assessed_deductions, figures_from,
    responsible_person, filled_by, filled_on,
    buyer_country_code, buyer_credit_code, buyer_name, buyer_nature_code, buyer_division_code,
    seller_country_code, seller_credit_code, seller_name, seller_nature_code, seller_division_code)
SELECT md5('contract' || g)::uuid,
    CASE WHEN g % 1000 = 0 THEN 2 WHEN g % 1000 = 1 THEN 4 WHEN g % 1000 = 2 THEN 5 WHEN g % 1000 < 20 THEN 8 ELSE 7 END,
    p.id, o.id, o.id, o.region_code, CASE WHEN g % 9 = 0 THEN NULL ELSE br.code END, -- a ninth of the buyers are outside Anqing (合肥)
    (ARRAY['绿色催化材料','动力电池热管理','工业互联网平台','中药材质量追溯','高分子复合材料','智能网联汽车','精细化工废水','农产品冷链',
           '光伏组件回收','医用高分子','茶叶智能加工','纺织功能整理','石化智能巡检','钨铼合金靶盘','功能性光刻胶','工业扫码设备',
           '己二腈合成','锂电池隔膜','氢燃料电池','特种钢材热处理','数控机床','工业机器人','智能仓储物流','污水生物处理',
           '土壤修复','固废资源化','绿色建材','装配式建筑','电力电子器件','传感器芯片','机器视觉检测','云计算平台',
           '大数据分析','区块链溯源','智慧农业','水稻育种','生猪养殖','水产养殖','林下经济','中药饮片',
           '生物医药中间体','医疗器械','康复辅具','体外诊断','疫苗佐剂','化妆品原料','食品添加剂','包装材料',
           '纺织机械','服装智能制造','家具设计','文旅数字化','智慧社区','应急管理','安全生产监测','交通信号控制',
           '新能源汽车电机','汽车轻量化','船舶配件','航空零部件'])[1 + g % 60]
      || (ARRAY['研发','技术开发','工艺优化','成果转让','专利许可','技术咨询','技术服务','中试验证'])[1 + (g / 60) % 8] || '项目' || g,
    -- Development and service contracts dominate, as in every registry.
    (ARRAY[1,1,1,1,5,5,5,4,2,3])[1 + g % 10], NULL, false, lpad((1 + g % 11)::text, 2, '0'), '03', '08', '10',
    -- 技术交易额 = 成交额 less one itemised deduction (10 % for equipment), the same as the portal computes it.
    d, d, d + 365, a, a - round(a * 0.1, 2), 2, ts, ts, CASE WHEN g % 1000 IN (1, 2) THEN d + 5 END, CASE WHEN g % 1000 IN (1, 2) THEN d + 26 END, false,
    CASE WHEN g % 1000 >= 20 THEN ts + interval '10 days' END,
    CASE WHEN g % 1000 >= 20 THEN 'S' || lpad(g::text, 15, '0') END,
    CASE WHEN g % 1000 >= 20 THEN 'SCALESED' END, false, jsonb_build_array(jsonb_build_object('item', '购置设备', 'amount', round(a * 0.1, 2))),
    a - round(a * 0.1, 2),
    -- Registered ones were assessed as declared (认定), and count from their registration.
    CASE WHEN g % 1000 >= 20 THEN jsonb_build_array(jsonb_build_object('item', '购置设备', 'declared', round(a * 0.1, 2), 'amount', round(a * 0.1, 2), 'reason', NULL)) END,
    CASE WHEN g % 1000 >= 20 THEN ts + interval '10 days' END,
    '负责人' || (g % 5000), '填报人' || (g % 5000), d,
    -- The seller is the organization that files (its name and credit code, as the portal links them); the buyer is off the portal.
    '142', '', '买方单位' || (g % 7000), '170', CASE WHEN g % 9 = 0 THEN '340100' WHEN br.code ~ '^[0-9]{6}$' THEN br.code ELSE '340811' END,
    '142', o.credit_code, o.name, '150', CASE WHEN o.region_code ~ '^[0-9]{6}$' THEN o.region_code ELSE substr(o.credit_code, 3, 6) END
FROM generate_series(1::bigint, $contracts) g
JOIN scale_year_pick yp ON yp.k = (g * 7) % 100
JOIN scale_month_pick mp ON mp.k = (g * 13) % 100
JOIN scale_region_pick br ON br.k = (g * 31) % 100
CROSS JOIN LATERAL (SELECT LEAST(make_date(yp.y, mp.m, 1 + (g % 28)::int), date '2026-11-20') AS d,
    -- Amounts: most contracts are small, a long tail reaches millions (万元).
    round((CASE WHEN g % 100 = 0 THEN 500 + (g * 104729) % 5000 WHEN g % 10 = 0 THEN 50 + (g * 7919) % 450 ELSE 1 + (g * 104729) % 4900 / 100.0 END)::numeric, 2) AS a) v
CROSS JOIN LATERAL (SELECT (v.d + time '09:00')::timestamp AT TIME ZONE 'Asia/Shanghai' AS ts) t
JOIN pts p ON p.n = (g % 5 = 0)::int
JOIN orgs o ON o.n = g % (SELECT count(*) FROM orgs);
SQL
step "$contracts contracts"
if $contracts_only; then
  psql_ -c "ANALYZE tech_contracts"
  step "done (contracts only)"
  exit 0
fi

psql_ <<SQL
INSERT INTO high_tech_records (id, credit_code, enterprise_name, region_code, organization_id, source, confirmation, warning, created_at,
    number, issued_on, valid_until, mode, field_code)
SELECT md5('hte' || e || '-' || kk)::uuid, 'S' || lpad(e::text, 17, '0'), '规模测试企业' || e, r.code, NULL, 2, CASE WHEN e % 50 = 0 THEN 1 ELSE 2 END, NULL, now(),
    'GR' || (2018 + (e % 6) + kk * 3) || '34' || lpad((e * 2 + kk)::text, 6, '0'),
    make_date(2018 + (e % 6) + kk * 3, 1 + e % 12, 1 + e % 28), make_date(2018 + (e % 6) + kk * 3, 1 + e % 12, 1 + e % 28) + interval '3 years' - interval '1 day', 1, '04'
FROM generate_series(1, 50000) e
CROSS JOIN generate_series(0, 1) kk
JOIN scale_region_pick r ON r.k = (e * 17) % 100
WHERE e % 5 < 3 AND (kk = 0 OR e % 3 = 0);
INSERT INTO tech_sme_records (id, credit_code, enterprise_name, region_code, organization_id, source, confirmation, warning, created_at, year, number)
SELECT md5('sme' || e || '-' || y)::uuid, 'S' || lpad(e::text, 17, '0'), '规模测试企业' || e, r.code, NULL, 2, 2, NULL, now(), y, y || '3408' || lpad(e::text, 10, '0')
FROM generate_series(1, 50000) e
CROSS JOIN generate_series(2021, 2026) y
JOIN scale_region_pick r ON r.k = (e * 17) % 100
WHERE (e + y) % 3 = 0;
SQL
step "50,000 enterprises' qualifications"

psql_ <<SQL
CREATE TEMP TABLE orgs AS SELECT id, name, region_code, row_number() OVER (ORDER BY id) - 1 AS n FROM organizations WHERE kind IN (5, 6, 7, 8);
CREATE TEMP TABLE subjects AS SELECT s, row_number() OVER () - 1 AS n FROM unnest(ARRAY['绿色催化材料','动力电池热管理','工业互联网平台','中药材质量追溯','高分子复合材料',
  '智能网联汽车','精细化工废水','农产品冷链','光伏组件回收','医用高分子','茶叶智能加工','纺织功能整理','石化智能巡检','钨铼合金靶盘','功能性光刻胶','工业扫码设备',
  '己二腈合成','锂电池隔膜','氢燃料电池','特种钢材热处理','数控机床','工业机器人','智能仓储物流','污水生物处理','土壤修复','固废资源化','绿色建材','装配式建筑',
  '电力电子器件','传感器芯片','机器视觉检测','云计算平台','大数据分析','区块链溯源','智慧农业','水稻育种','生猪养殖','水产养殖','林下经济','中药饮片']) s;
CREATE TEMP TABLE works AS SELECT w, row_number() OVER () - 1 AS n FROM unnest(ARRAY['关键技术研发','工艺优化','中试放大','产业化应用','性能提升','成本降低',
  '智能化改造','检测方法','装备开发','标准制定']) w;
INSERT INTO tech_needs (id, organization_id, organization_name, region_code, title, summary, field_code, keywords, modes, contact_name, contact_phone,
    status, review_remark, created_at, published_at, targets, budget_min, budget_max, deadline)
SELECT md5('need' || g)::uuid, o.id, o.name, o.region_code, s.s || w.w || '需求' || g,
    '企业在' || s.s || '方面遇到瓶颈，现有工艺' || w.w || '不足，希望与高校院所合作，开展' || s.s || w.w || '，形成可在生产线应用的成套技术方案。编号' || g,
    lpad((1 + g % 11)::text, 2, '0'), ARRAY[s.s, w.w], 1 + g % 31, '联系人', '0556-55' || lpad((g % 100000)::text, 5, '0'),
    CASE WHEN (g * 13 + g / 40) % 20 = 0 THEN 1 ELSE 2 END, NULL, timestamptz '2026-11-01' - (g || ' minutes')::interval, timestamptz '2026-11-01' - (g || ' minutes')::interval,
    '指标' || g, (g % 50) * 2, 50 + (g % 50) * 10, date '2027-06-30'
FROM generate_series(1, 50000) g
JOIN orgs o ON o.n = g % (SELECT count(*) FROM orgs)
JOIN subjects s ON s.n = (g * 7) % 40
JOIN works w ON w.n = (g / 40) % 10;
INSERT INTO tech_results (id, organization_id, organization_name, region_code, title, summary, field_code, keywords, modes, contact_name, contact_phone,
    status, review_remark, created_at, published_at, maturity, ip_kind, ip_number, ip_owner, price, team)
SELECT md5('result' || g)::uuid, o.id, o.name, o.region_code, s.s || w.w || '成果' || g,
    '本成果面向' || s.s || '领域，突破了' || w.w || '中的关键难题，已在合作企业完成验证，可通过转让、许可或合作开发方式实施转化。编号' || g,
    lpad((1 + g % 11)::text, 2, '0'), ARRAY[s.s, w.w], 1 + g % 31, '联系人', '0556-56' || lpad((g % 100000)::text, 5, '0'),
    CASE WHEN (g * 13 + g / 40) % 20 = 0 THEN 1 ELSE 2 END, NULL, timestamptz '2026-11-01' - (g || ' minutes')::interval, timestamptz '2026-11-01' - (g || ' minutes')::interval,
    1 + g % 9, 1 + g % 4, 'ZL' || g, o.name, CASE WHEN g % 4 = 0 THEN NULL ELSE 20 + g % 300 END, '课题组'
FROM generate_series(1, 50000) g
JOIN orgs o ON o.n = g % (SELECT count(*) FROM orgs)
JOIN subjects s ON s.n = (g * 11) % 40
JOIN works w ON w.n = (g / 40) % 10;
SQL
step "100,000 needs and results"

psql_ <<SQL
-- Experts are the demo pool's records repeated under other names and keys (their identities stay those of the demo's
-- synthetic experts, encrypted as the app encrypts them).
INSERT INTO experts (id, user_id, name, id_number_cipher, id_number_key, id_number_masked, mobile_cipher, mobile_key, mobile_masked, profile, relations, blackouts,
    status, status_reason, suspended_until, recommended_by_organization_id, created_at, next_evaluation_due)
SELECT md5('expert' || g)::uuid, NULL, '规模专家' || g, e.id_number_cipher, md5('idkey' || g), e.id_number_masked, e.mobile_cipher, md5('mobilekey' || g), e.mobile_masked,
    e.profile, e.relations, e.blackouts, 2, NULL, NULL, NULL, now(), date '2027-06-30'
FROM generate_series(1, 5000) g
JOIN LATERAL (SELECT * FROM experts WHERE user_id IS NULL ORDER BY id OFFSET (g % 30) LIMIT 1) e ON true;

-- Four programmes of a call per year 2021-2026, and 20,000 applications with their review scores.
INSERT INTO project_calls (id, year, title, status, published_at)
SELECT md5('call' || y)::uuid, y, y || '年度市科技计划项目申报指南（规模测试）', 2, make_date(y, 2, 1)::timestamptz FROM generate_series(2021, 2026) y;
INSERT INTO project_programmes (id, call_id, terms)
SELECT md5('programme' || y || '-' || m)::uuid, md5('call' || y)::uuid,
    jsonb_build_object('name', y || '年' || (ARRAY['揭榜挂帅','定向委托','研发众包','竞争后补助'])[m] || '专项', 'mode', m, 'budget', 5000, 'opensAt', make_date(y, 2, 1)::timestamptz,
        'closesAt', make_date(y, 4, 30)::timestamptz, 'capPerOrganization', 2, 'capForEnterprises', 3, 'isTackling', true, 'requiredAttachments', '[]'::jsonb,
        'directedCreditCode', NULL, 'maxAward', 200)
FROM generate_series(2021, 2026) y CROSS JOIN generate_series(1, 4) m;
CREATE TEMP TABLE orgs AS SELECT id, name, credit_code, region_code, kind, row_number() OVER (ORDER BY id) - 1 AS n FROM organizations WHERE kind IN (5, 6, 7);
INSERT INTO project_applications (id, programme_id, problem_id, poster_organization_id, poster_supports, poster_opinion, organization_id, applicant_name,
    applicant_credit_code, region_code, enterprise_led, title, summary, budget, milestones, attached_kinds, team, status, submitted_at, remark, check_failures,
    panel_id, score, approved_amount)
SELECT md5('application' || g)::uuid, md5('programme' || (2021 + g % 6) || '-' || (1 + g % 4))::uuid, NULL, NULL, NULL, NULL, o.id, o.name, o.credit_code, o.region_code,
    o.kind = 7, '规模测试项目' || g, '项目内容' || g, '[]', '[]', '[]', '[]',
    CASE WHEN g % 10 < 3 THEN 10 WHEN g % 10 < 8 THEN 9 ELSE 7 END, make_date(2021 + (g % 6)::int, 3, 1 + (g % 28)::int)::timestamptz, NULL, '[]',
    NULL, 50 + (g * 37) % 50, CASE WHEN g % 10 < 3 THEN 50 + (g % 150) END
FROM generate_series(1, 20000) g
JOIN orgs o ON o.n = g % (SELECT count(*) FROM orgs);
SQL
step "5,000 experts and 20,000 project applications"

psql_ <<SQL
CREATE TEMP TABLE us AS SELECT id, user_name, organization_id, row_number() OVER (ORDER BY user_name) - 1 AS n FROM asp_net_users;
-- A year of audit rows: sign-ins and changes by the demo users, about 1,600 a working day.
INSERT INTO audit_entries (id, occurred_at, action, outcome, user_id, user_name, organization_id, entity_type, entity_id, client_address, details, previous_hash, hash)
SELECT base.m + g, timestamptz '2025-11-20 00:30:00+08' + (g * interval '53 seconds'), (ARRAY['登录','修改','新增','登录','导出','修改'])[1 + g % 6], '成功',
    u.id, u.user_name, u.organization_id, CASE WHEN g % 6 IN (1, 2) THEN 'TechContract' END, NULL, '10.8.' || (g % 200) || '.' || (g % 250), NULL,
    repeat('0', 64), md5('audit' || g) || md5('chain' || g)
FROM generate_series(1, 590000) g
CROSS JOIN (SELECT coalesce(max(id), 0) AS m FROM audit_entries) base
JOIN us u ON u.n = g % (SELECT count(*) FROM us);
SQL
step "590,000 audit rows"

psql_ -c "VACUUM ANALYZE"
step "done: vacuumed and analysed"
