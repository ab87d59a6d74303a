#!/usr/bin/env bash
# Regenerates docs/screenshots/*.png: the portal on a temporary catalogue, seeded from
# content/, on a free loopback port; Debian's Chromium photographs the home, issue, entry,
# organisation, catalogue and sign-in pages at 1280 px and 390 px. The pages are listed in
# tools/NbsRoundup.Screenshots/Program.cs, one line each.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

chromium="${NBS_CHROMIUM:-/usr/bin/chromium}"
if [ ! -x "$chromium" ]; then
    echo "needs Debian's chromium at $chromium: apt-get install -y chromium" >&2
    exit 1
fi
# Without a Chinese font every character is a box.
if ! fc-list :lang=zh | grep -q .; then
    if command -v apt-get >/dev/null && [ "$(id -u)" -eq 0 ]; then
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q fonts-noto-cjk >/dev/null
    else
        echo "needs a Chinese font: apt-get install -y fonts-noto-cjk" >&2
        exit 1
    fi
fi

dotnet build src/NbsRoundup.Web -c Release -v q -nologo
dotnet build tools/NbsRoundup.Screenshots -c Release -v q -nologo

scratch=$(mktemp -d)
portal_pid=""
cleanup() {
    if [ -n "$portal_pid" ]; then
        kill "$portal_pid" 2>/dev/null || true
        wait "$portal_pid" 2>/dev/null || true
    fi
    rm -rf "$scratch"
}
trap cleanup EXIT

# Port 0: the system picks a free port, and the portal says which in its log.
dotnet src/NbsRoundup.Web/bin/Release/net10.0/NbsRoundup.Web.dll \
    --contentRoot "$PWD/src/NbsRoundup.Web" --environment Production \
    --urls http://127.0.0.1:0 \
    --ConnectionStrings:Catalogue="Data Source=$scratch/catalogue.db" \
    >"$scratch/portal.log" 2>&1 &
portal_pid=$!
address=""
for _ in $(seq 1 120); do
    address=$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$scratch/portal.log" | head -n 1 || true)
    [ -n "$address" ] && break
    if ! kill -0 "$portal_pid" 2>/dev/null; then
        cat "$scratch/portal.log" >&2
        exit 1
    fi
    sleep 0.5
done
if [ -z "$address" ]; then
    echo "the portal did not start within a minute:" >&2
    cat "$scratch/portal.log" >&2
    exit 1
fi
echo "portal at $address"

rm -f docs/screenshots/*.png
dotnet tools/NbsRoundup.Screenshots/bin/Release/net10.0/NbsRoundup.Screenshots.dll "$address" docs/screenshots
