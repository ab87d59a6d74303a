#!/usr/bin/env bash
# Runs every test of NbS Round-up on a fresh machine: restores tools, builds, checks that
# the migrations cover the model, runs the test projects, and ends with "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

results="$PWD/TestResults"
rm -rf "$results"
setup_failures=0

step() {
    echo "==> $*"
    if ! "$@"; then
        echo "FAILED: $*"
        setup_failures=$((setup_failures + 1))
        return 1
    fi
}

# The browser tests drive Debian's Chromium: Playwright's own browser download cannot run
# here or in CI, where only package registries are reachable. CI runs as root.
ensure_chromium() {
    if [ -n "${NBS_CHROMIUM:-}" ]; then
        [ -x "$NBS_CHROMIUM" ] && return 0
        echo "NBS_CHROMIUM=$NBS_CHROMIUM is not an executable Chromium"
        return 1
    fi
    local chromium=/usr/bin/chromium
    if [ -x "$chromium" ]; then
        return 0
    fi
    if ! command -v apt-get >/dev/null || [ "$(id -u)" -ne 0 ]; then
        echo "$chromium is missing and cannot be installed here (that needs apt-get and root):"
        echo "install Debian's chromium (apt-get install chromium), or point NBS_CHROMIUM at a Chromium."
        return 1
    fi
    echo "installing Debian's chromium for the browser tests"
    local log
    log=$(mktemp)
    if ! { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium; } >"$log" 2>&1 || [ ! -x "$chromium" ]; then
        tail -n 20 "$log"
        echo "apt-get could not install chromium"
        rm -f "$log"
        return 1
    fi
    rm -f "$log"
}

step ensure_chromium
if step dotnet tool restore && step dotnet build NbsRoundup.sln -c Release; then
    step dotnet ef migrations has-pending-model-changes --project src/NbsRoundup --startup-project src/NbsRoundup --configuration Release --no-build
    rm -f src/NbsRoundup/design-time.db
    dotnet test NbsRoundup.sln -c Release --no-build --logger "trx" --results-directory "$results" || true
fi

passed=0
failed=0
for trx in "$results"/*.trx; do
    [ -f "$trx" ] || continue
    counters=$(grep -o '<Counters [^>]*' "$trx" | head -n 1)
    p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
    f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
    passed=$((passed + ${p:-0}))
    failed=$((failed + ${f:-0}))
done
failed=$((failed + setup_failures))
if [ "$passed" -eq 0 ] && [ "$failed" -eq 0 ]; then
    failed=1
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
