#!/usr/bin/env bash
# Page benchmark (issue 6): the issue page under wrk against Kestrel serving the same bytes as a
# static file, measured in the same run; peak RSS of the portal during the load; start-up time
# to the first served page on an existing database. Prints figures and ratios; not run by CI.
#
#   bench/load/pages.sh [seconds per run, default 20]
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-20}
command -v wrk >/dev/null || { echo "installing wrk"; apt-get install -y wrk >/dev/null; }

work=$(mktemp -d /tmp/nbs-bench-XXXXXX)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
echo "publishing Release builds into $work"
# The command docs/deploy.md publishes with; its Release publish is ReadyToRun (NbsRoundup.Web.csproj).
dotnet publish -c Release src/NbsRoundup.Web -o "$work/portal" -v q -nologo >/dev/null
dotnet publish bench/StaticServer -c Release -o "$work/static" -v q -nologo >/dev/null

export ASPNETCORE_ENVIRONMENT=Production
# Required outside Development (canonical and sitemap addresses never come from the Host header).
export Site__PublicUrl=https://nbs.example.org
export ConnectionStrings__Catalogue="Data Source=$work/catalogue.db"
export Catalogue__ContentPath="$PWD/content"
# wrk is one client: the per-client limits on search and the API would answer it 429.
export RateLimits__Search__PermitLimit=100000000
# Per-request log lines to a console are not what is being measured.
export Serilog__MinimumLevel__Default=Warning

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_for() { for _ in $(seq 1 600); do curl -fs -o /dev/null "$1" && return 0; sleep 0.01; done; echo "no answer from $1"; exit 1; }
run_wrk() { wrk -t2 -c32 -d"${seconds}s" --latency "$1" | awk '/Requests\/sec/ {rps=$2} / 99%/ {p99=$2} / 50%/ {p50=$2} /Non-2xx/ {bad=$4} END {printf "%s %s %s %s\n", rps, p50, p99, (bad==""?0:bad)}'; }

port=$(free_port)
(cd "$work/portal" && exec dotnet NbsRoundup.Web.dll --urls "http://127.0.0.1:$port" >"$work/portal.log" 2>&1) &
wait_for "http://127.0.0.1:$port/issues/2021-11"
portal_pid=$(pgrep -f "NbsRoundup.Web.dll --urls http://127.0.0.1:$port" | head -n 1)
mkdir -p "$work/www/issues"
curl -fs "http://127.0.0.1:$port/issues/2021-11" -o "$work/www/issues/2021-11.html"
static_port=$(free_port)
(cd "$work/static" && exec dotnet StaticServer.dll "$work/www" --urls "http://127.0.0.1:$static_port" >"$work/static.log" 2>&1) &
wait_for "http://127.0.0.1:$static_port/issues/2021-11.html"
bytes=$(stat -c %s "$work/www/issues/2021-11.html")

peak=0
sample_rss() { while kill -0 "$portal_pid" 2>/dev/null; do rss=$(awk '/VmRSS/ {print $2}' /proc/"$portal_pid"/status); [ "$rss" -gt "$peak" ] && peak=$rss && echo "$peak" >"$work/peak"; sleep 0.5; done; }
sample_rss & sampler=$!

read -r static_rps static_p50 static_p99 static_bad < <(run_wrk "http://127.0.0.1:$static_port/issues/2021-11.html")
read -r page_rps page_p50 page_p99 page_bad < <(run_wrk "http://127.0.0.1:$port/issues/2021-11")
read -r search_rps search_p50 search_p99 search_bad < <(run_wrk "http://127.0.0.1:$port/entries?q=%E6%B9%BF%E5%9C%B0")
read -r api_rps api_p50 api_p99 api_bad < <(run_wrk "http://127.0.0.1:$port/api/entries?q=%E6%B9%BF%E5%9C%B0")
kill "$sampler" 2>/dev/null || true
peak_mb=$(( $(cat "$work/peak" 2>/dev/null || echo 0) / 1024 ))

# Start-up on the existing database: process start to the first served issue page, three times.
kill "$portal_pid"
while kill -0 "$portal_pid" 2>/dev/null; do sleep 0.05; done
startups=()
for run in 1 2 3; do
    start=$(date +%s%N)
    (cd "$work/portal" && exec dotnet NbsRoundup.Web.dll --urls "http://127.0.0.1:$port" >"$work/portal-start$run.log" 2>&1) &
    started=$!
    wait_for "http://127.0.0.1:$port/issues/2021-11"
    startups+=($(( ($(date +%s%N) - start) / 1000000 )))
    kill "$started"
    wait "$started" 2>/dev/null || true
done
startup_ms=$(printf '%s\n' "${startups[@]}" | sort -n | sed -n 2p)

echo
echo "$(date -u '+%Y-%m-%d %H:%M UTC'); $(nproc) cores; load average $(cut -d' ' -f1 /proc/loadavg); wrk -t2 -c32 -d${seconds}s on loopback; issue page $bytes bytes"
printf "%-44s %10s %9s %9s %8s\n" "" "req/s" "p50" "p99" "non-2xx"
printf "%-44s %10s %9s %9s %8s\n" "static file, same bytes (baseline)" "$static_rps" "$static_p50" "$static_p99" "$static_bad"
printf "%-44s %10s %9s %9s %8s\n" "portal /issues/2021-11 (output cache)" "$page_rps" "$page_p50" "$page_p99" "$page_bad"
printf "%-44s %10s %9s %9s %8s\n" "portal /entries?q=湿地" "$search_rps" "$search_p50" "$search_p99" "$search_bad"
printf "%-44s %10s %9s %9s %8s\n" "portal /api/entries?q=湿地" "$api_rps" "$api_p50" "$api_p99" "$api_bad"
python3 -c "print(f'issue page / static file: {float(\"$page_rps\")/float(\"$static_rps\"):.2f} (goal at least 0.8)')"
echo "peak RSS of the portal during the runs: ${peak_mb} MB (goal under 250 MB)"
echo "start-up to first served page on an existing database: median ${startup_ms} ms of ${startups[*]} (goal under 1000 ms)"
