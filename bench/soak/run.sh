#!/usr/bin/env bash
# Soak: the portal (Release) on a copy of a catalogue, saturated on loopback by wrk with mixed
# reader, researcher and API traffic (mix.lua) while an editor saves an entry every second
# (bench/SoakEditor); the portal's RSS is sampled every 10 s. Not part of test.sh or CI.
#
#   bench/soak/run.sh [MINUTES]                  default 10 rounds of one minute each
#   SOAK_CATALOGUE=/path/catalogue.db bench/soak/run.sh   soak a copy of that catalogue
#                                                (default: a fresh one imported from content/)
#   SOAK_CONNECTIONS=32 SOAK_THREADS=2           wrk's settings
#
# A request counts as a socket error (timeout) after 10 s, not wrk's default 2 s: on a shared
# 2-core machine at saturation a slow answer is not a failed one; the latency percentiles say how slow.
# Prints, per round: requests, requests/s, non-2xx/3xx answers, socket errors and RSS; then the
# editor's saves that worked and failed, and the portal's logged warnings and errors.
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
minutes="${1:-10}"
connections="${SOAK_CONNECTIONS:-32}"
threads="${SOAK_THREADS:-2}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

command -v wrk >/dev/null || {
    [ "$(id -u)" -eq 0 ] || { echo "wrk is missing: apt-get install wrk (as root)"; exit 1; }
    apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q wrk
}

work="$(mktemp -d /tmp/nbs-soak-XXXXXX)"
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
}
trap cleanup EXIT

echo "==> building (Release) into $work"
dotnet publish "$repo/src/NbsRoundup.Web" -c Release -o "$work/portal" --nologo -v quiet
dotnet build "$repo/bench/SoakEditor" -c Release -o "$work/editor" --nologo -v quiet
portal=(dotnet "$work/portal/NbsRoundup.Web.dll")
database="$work/catalogue.db"
connection="--ConnectionStrings:Catalogue=Data Source=$database"

if [ -n "${SOAK_CATALOGUE:-}" ]; then
    echo "==> copying $SOAK_CATALOGUE (backup: a consistent copy)"
    (cd "$work/portal" && "${portal[@]}" backup --to "$database" "--ConnectionStrings:Catalogue=Data Source=$SOAK_CATALOGUE")
else
    echo "==> a fresh catalogue from content/"
    (cd "$work/portal" && "${portal[@]}" import "$repo/content" "$connection" >/dev/null)
fi
password="soak editor passphrase $(date +%s%N)"
(cd "$work/portal" && printf '%s\n%s\n' "$password" "$password" | "${portal[@]}" user add --email soak-run@example.org --role Editor "$connection")

port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
url="http://127.0.0.1:$port"
# "Testing": plain http on loopback, as in the tests, so the editor's cookies are not https-only.
# One client address sends everything, so the per-client limits are lifted for the soak.
(cd "$work/portal" && ASPNETCORE_ENVIRONMENT=Testing exec "${portal[@]}" --urls "$url" "$connection" \
    --Catalogue:SeedWhenEmpty=false --RateLimits:Search:PermitLimit=1000000000 --RateLimits:SignIn:PermitLimit=1000 \
    --Serilog:MinimumLevel:Default=Warning) >"$work/portal.log" 2>&1 &
portal_pid=$!
pids+=("$portal_pid")
for _ in $(seq 1 120); do
    curl -sf -o /dev/null "$url/" && break
    sleep 0.5
done
curl -sf -o /dev/null "$url/" || { echo "the portal did not start:"; tail -n 30 "$work/portal.log"; exit 1; }
echo "==> portal pid $portal_pid on $url; RSS at start $(($(ps -o rss= -p "$portal_pid") / 1024)) MiB"

# RSS every 10 s, in MiB, with the second it was taken.
(start=$(date +%s); while kill -0 "$portal_pid" 2>/dev/null; do
    echo "$(( $(date +%s) - start )) $(( $(ps -o rss= -p "$portal_pid" 2>/dev/null || echo 0) / 1024 ))"
    sleep 10
done) >"$work/rss.txt" &
pids+=("$!")

printf '%s\n' "$password" | dotnet "$work/editor/SoakEditor.dll" "$url" soak-run@example.org $((minutes * 60)) >"$work/editor.txt" 2>&1 &
editor_pid=$!
pids+=("$editor_pid")

printf '%-6s %10s %10s %12s %22s %10s\n' round requests "req/s" non-2xx/3xx "socket errors c/r/w/t" "RSS MiB"
total=0; total_bad=0; total_socket=0
for round in $(seq 1 "$minutes"); do
    wrk -t "$threads" -c "$connections" -d 60s --timeout 10s --latency -s "$repo/bench/soak/mix.lua" "$url" >"$work/wrk-$round.txt" 2>&1 || true
    requests=$(sed -n 's/^ *\([0-9]*\) requests in.*/\1/p' "$work/wrk-$round.txt")
    rate=$(sed -n 's/^Requests\/sec: *\([0-9.]*\).*/\1/p' "$work/wrk-$round.txt")
    bad=$(sed -n 's/^ *Non-2xx or 3xx responses: *\([0-9]*\).*/\1/p' "$work/wrk-$round.txt")
    kinds=$(sed -n 's/^ *Socket errors: connect \([0-9]*\), read \([0-9]*\), write \([0-9]*\), timeout \([0-9]*\).*/\1 \2 \3 \4/p' "$work/wrk-$round.txt")
    kinds="${kinds:-0 0 0 0}"
    socket=$(awk '{print $1+$2+$3+$4}' <<<"$kinds")
    rss=$(tail -n 1 "$work/rss.txt" | cut -d' ' -f2)
    printf '%-6s %10s %10s %12s %22s %10s\n' "$round" "${requests:-?}" "${rate:-?}" "${bad:-0}" "$socket (${kinds// //})" "$rss"
    total=$((total + ${requests:-0})); total_bad=$((total_bad + ${bad:-0})); total_socket=$((total_socket + ${socket:-0}))
done
echo "total: $total requests, $total_bad non-2xx/3xx, $total_socket socket errors"
echo "latency of the last round:"; sed -n '/Latency Distribution/,/requests in/p' "$work/wrk-$minutes.txt" | sed '$d'
wait "$editor_pid" || true
cat "$work/editor.txt"
echo "RSS samples (s MiB): $(tr '\n' ' ' <"$work/rss.txt")"
echo "portal log: $(grep -c 'WRN\]' "$work/portal.log" || true) warnings, $(grep -cE 'ERR\]|FTL\]' "$work/portal.log" || true) errors"
grep -E 'ERR\]|FTL\]' "$work/portal.log" | head -n 5 || true
echo "files: $work"
