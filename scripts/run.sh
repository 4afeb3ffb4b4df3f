#!/usr/bin/env bash
# Serves the portal on http://127.0.0.1:5000 with a private PostgreSQL under .data/ (kept between runs).
#   scripts/run.sh [--port N] [--no-demo] [--reset]
# ConnectionStrings__Portal set: that database is used and no cluster is started.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
port=5000 demo=true reset=false
while [ $# -gt 0 ]; do
  case "$1" in
    --port) port="$2"; shift 2 ;;
    --port=*) port="${1#*=}"; shift ;;
    --no-demo) demo=false; shift ;;
    --reset) reset=true; shift ;;
    -h|--help) sed -n '2,4p' "$0"; exit 0 ;;
    *) echo "unknown option: $1 (see --help)" >&2; exit 2 ;;
  esac
done
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
source scripts/lib/pg.sh

if $reset; then
  if [ -f .data/pg/cluster/postmaster.pid ]; then
    PG_DATA="$root/.data/pg"; PG_AS=(); [ "$(id -u)" = 0 ] && PG_AS=(runuser -u postgres --)
    pg_find_bin && pg_stop
  fi
  rm -rf .data
  echo "已清除 .data/（数据库与发布文件）。"
fi
mkdir -p .data

app_pid=""
cleanup() {
  trap - EXIT INT TERM
  if [ -n "$app_pid" ] && kill -0 "$app_pid" 2>/dev/null; then kill -TERM "$app_pid" 2>/dev/null; wait "$app_pid" 2>/dev/null || true; fi
  pg_stop
  echo "已停止。"
}
trap cleanup EXIT INT TERM

if [ -z "${ConnectionStrings__Portal:-}" ]; then
  pg_port="$(cat .data/pg.port 2>/dev/null || pg_free_port)"
  echo "$pg_port" > .data/pg.port
  pg_start "$root/.data/pg" "$pg_port"
  "$PG_BIN/createdb" -h 127.0.0.1 -p "$pg_port" -U postgres anqing 2>/dev/null || true
  echo "PostgreSQL 已启动：127.0.0.1:$pg_port，数据目录 .data/pg"
  export ConnectionStrings__Portal="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=anqing"
fi

if [ ! -f /usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "正在安装登记证明 PDF 所用的中文字体 fonts-arphic-gbsn00lp……"
    (apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends fonts-arphic-gbsn00lp >/dev/null) \
      || echo "未能安装 fonts-arphic-gbsn00lp：登记证明 PDF 下载将提示缺少字体（网页版证明与打印不受影响）。" >&2
  else
    echo "缺少字体 fonts-arphic-gbsn00lp（apt-get install fonts-arphic-gbsn00lp）：登记证明 PDF 下载将提示缺少字体。" >&2
  fi
fi
echo "正在编译（Release）……"
dotnet publish src/AnqingTechTransfer.Web/AnqingTechTransfer.Web.csproj -c Release -o .data/publish --nologo -v q

password="${ANQING_DEMO_PASSWORD:-Demo@Anqing2026}"
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Production}"
export ASPNETCORE_URLS="http://127.0.0.1:$port"
# Plain HTTP on loopback: no __Host-/Secure cookies and no HSTS. Behind a TLS proxy, leave this at its default (true).
export Security__RequireHttps=false
export Demo__Seed="$demo" Demo__Password="$password"
if [ -n "${ANQING_ADMIN_PASSWORD:-}" ]; then export Seed__AdminPassword="$ANQING_ADMIN_PASSWORD"; fi

cat <<INFO

安庆市科技成果转化应用服务平台： http://127.0.0.1:$port
INFO
if [ "$demo" = true ]; then
  cat <<INFO
演示账号（密码均为 $password ，可用环境变量 ANQING_DEMO_PASSWORD 修改）：
  bureau           市科技局业务人员          bureau.admin     系统管理员（须双因素认证，见下）
  dept.jxj         市经信局                  county.huaining  怀宁县
  county.qianshan  潜山市                    park.jkq         安庆经开区
  park.gxq         安庆高新区                univ.aqnu        安庆师范大学
  univ.buct        北京化工大学安庆研究院    ent.a            企业（怀宁县）
  ent.b            企业（潜山市）            ent.new          企业（注册待审核）
  expert.a         评审专家                  expert.b         评审专家
  registrar.city   市技术合同登记点          registrar.gxq    高新区登记点
  agency.a         技术转移机构              bank.a           银行
  leader.city      市领导                    leader.huaining  怀宁县领导
bureau.admin 的身份验证器密钥（TOTP，仅供演示）： ANQINGDEMOKEY234ANQINGDEMOKEY234
INFO
else
  echo "未加载演示数据。设置 ANQING_ADMIN_PASSWORD 可创建首个系统管理员 admin（首次登录须改密码并绑定身份验证器）。"
fi
echo "按 Ctrl-C 停止。"
echo

cd .data/publish
dotnet AnqingTechTransfer.Web.dll &
app_pid=$!
wait "$app_pid"
