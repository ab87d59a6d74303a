#!/usr/bin/env bash
# The portal's memory under load: a published portal (PUBDIR, e.g. from
# `dotnet publish -c Release src/NbsRoundup.Web -o PUBDIR`) on a copy of a catalogue file,
# saturated by wrk (1 thread, 8 connections) for SECONDS with a request script, VmRSS and RssAnon
# sampled every second; prints requests, and the mean and peak of both.
#
#   bench/load/rss.sh PUBDIR CATALOGUE.db SECONDS LABEL
#   WRK_SCRIPT=bench/load/new-questions.lua bench/load/rss.sh ...   (default: the soak's mix)
#
# Environment variables reach the portal, so runtime settings can be compared, e.g.
# DOTNET_GCgen0size=0x1000000 bench/load/rss.sh ... (bench/RESULTS.md, 2026-11-30).
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
pub=$1; db=$2; seconds=$3; label=$4
script="${WRK_SCRIPT:-$repo/bench/soak/mix.lua}"
work=$(mktemp -d /tmp/nbs-rss-XXXX)
trap 'rm -rf "$work"' EXIT
cp "$db" "$work/c.db"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
(cd "$pub" && ASPNETCORE_ENVIRONMENT=Testing exec dotnet NbsRoundup.Web.dll --urls "http://127.0.0.1:$port" "--ConnectionStrings:Catalogue=Data Source=$work/c.db" \
  --Catalogue:SeedWhenEmpty=false --RateLimits:Search:PermitLimit=1000000000 --Serilog:MinimumLevel:Default=Warning) > "$work/portal.log" 2>&1 &
pid=$!
for _ in $(seq 1 300); do curl -fs -o /dev/null "http://127.0.0.1:$port/healthz" && break; sleep 0.1; done
(for _ in $(seq 1 $((seconds + 5))); do awk '/^VmRSS/ {r=$2} /^RssAnon/ {a=$2} END {print r, a}' /proc/$pid/status; sleep 1; done) > "$work/rss.txt" 2>/dev/null &
sampler=$!
wrk -t1 -c8 -d"${seconds}s" --timeout 10s -s "$script" "http://127.0.0.1:$port" > "$work/wrk.txt"
kill $sampler 2>/dev/null || true
kill $pid; wait $pid 2>/dev/null || true
requests=$(awk '/requests in/ {print $1}' "$work/wrk.txt")
awk -v l="$label" -v req="$requests" '{ if ($1>p) p=$1; if ($2>pa) pa=$2; s+=$1; sa+=$2; n++ } END { printf "%s: %s requests; VmRSS peak %d MiB, mean %d; RssAnon peak %d MiB, mean %d\n", l, req, p/1024, s/n/1024, pa/1024, sa/n/1024 }' "$work/rss.txt"
