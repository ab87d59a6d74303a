#!/usr/bin/env bash
# Fuzzes NewsletterParser.Parse(bytes), or the rendering of a summary, with afl++ through
# SharpFuzz. Not part of test.sh or CI.
#
#   fuzz/run.sh [MINUTES] [TARGET]   default 10 minutes, target parse; findings go to
#                                    fuzz/findings/ (parse) or fuzz/findings-render/ (not committed)
#   TARGET render                    MarkdownRenderer.Render as the save pipeline calls it; an input
#                                    slower than FUZZ_RENDER_BUDGET_MS (default 500) is a crash
#   FUZZ_TIMEOUT_MS=5000             afl's time-out for one input (a longer run is a hang)
#
# Installs Debian's afl++ when missing (as root), the SharpFuzz.CommandLine tool (pinned in
# .config/dotnet-tools.json), publishes the harness, instruments Markdig, YamlDotNet and
# NbsRoundup, seeds from content/ and the malformed corpus, and runs afl-fuzz for MINUTES.
set -euo pipefail
cd "$(dirname "$0")/.."
minutes="${1:-10}"
target="${2:-parse}"
case "$target" in
    parse) findings=fuzz/findings seeds=fuzz/seeds dict=fuzz/newsletter.dict ;;
    render) findings=fuzz/findings-render seeds=fuzz/seeds-render dict=fuzz/markdown.dict ;;
    *) echo "unknown target '$target': parse or render"; exit 2 ;;
esac
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

if ! command -v afl-fuzz >/dev/null; then
    [ "$(id -u)" -eq 0 ] || { echo "afl-fuzz is missing: apt-get install afl++ (as root)"; exit 1; }
    apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q afl++
fi
dotnet tool restore >/dev/null

out=fuzz/bin
rm -rf "$out"
dotnet publish fuzz/NbsRoundup.Fuzz -c Release -o "$out" --nologo -v quiet
for assembly in Markdig YamlDotNet NbsRoundup; do
    dotnet sharpfuzz "$out/$assembly.dll"
done

# Seeds: small and varied. The 46 KB newsletter, cut into a few pieces as well, and every
# malformed file under 64 KB (afl++ mutates small inputs far better than large ones).
rm -rf "$seeds" && mkdir -p "$seeds"
cp content/2021-11-nbs-roundup-vol3.md "$seeds/vol3.md"
head -c 4096 content/2021-11-nbs-roundup-vol3.md >"$seeds/vol3-head.md"
head -n 120 content/2021-11-nbs-roundup-vol3.md >"$seeds/vol3-first-sections.md"
find tests/NbsRoundup.Tests/Fixtures/Malformed -name '*.md' -size -64k -exec cp {} "$seeds/" \;
cp tests/NbsRoundup.Web.Tests/Fixtures/payloads.md "$seeds/"
if [ "$target" = render ]; then
    # A summary's worth of each shape that once made Markdig slow or deep (MarkdownLimits): afl
    # grows them past the bounds and back. The whole newsletter is longer than a summary may be.
    rm "$seeds/vol3.md"
    # awk reads to the end (no early exit): with pipefail, a writer killed by head's SIGPIPE stops the script.
    awk '/^## /{n++} n==2 && c < 4000 {print; c += length($0) + 1}' content/2021-11-nbs-roundup-vol3.md >"$seeds/summaries.md"
    for i in $(seq 90); do printf '[a]('; done >"$seeds/unclosed-links.md"
    for i in $(seq 250); do printf '*a_'; done >"$seeds/marks.md"
    for i in $(seq 30); do printf '> '; done >"$seeds/quotes.md"; echo deep >>"$seeds/quotes.md"
    printf '![x](https://example.org/x.png) [y](javascript:alert(1)) <https://example.org> `c` ~~s~~\n\n| a | b |\n|---|---|\n| 1 | 2 |\n' >"$seeds/inline.md"
fi

mkdir -p "$findings"
# dotnet is not an afl-instrumented binary (SharpFuzz reports coverage itself): skip that check.
# No CPU binding on a shared machine; the parser's own limits keep inputs under 1 MB.
export AFL_SKIP_BIN_CHECK=1 AFL_NO_AFFINITY=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_UI=1
resume=()
if [ -d "$findings/default/queue" ]; then
    resume=(-i -)   # carry on from an earlier run
else
    resume=(-i "$seeds")
fi
# FUZZ_TIMEOUT_MS: how long one input may take before afl calls it a hang (the parser's limits keep
# a 1 MB input far below a second; the default leaves room for a busy shared machine).
afl-fuzz "${resume[@]}" -o "$findings" -x "$dict" -t "${FUZZ_TIMEOUT_MS:-5000}" -m none -V $((minutes * 60)) \
    -- dotnet "$out/NbsRoundup.Fuzz.dll" "$target" || true

stats="$findings/default/fuzzer_stats"
if [ -f "$stats" ]; then
    grep -E '^(run_time|execs_done|execs_per_sec|corpus_count|saved_crashes|saved_hangs|stability|bitmap_cvg)' "$stats"
fi
echo "crashes: $(find "$findings/default/crashes" -type f -name 'id:*' 2>/dev/null | wc -l)  hangs: $(find "$findings/default/hangs" -type f -name 'id:*' 2>/dev/null | wc -l)"
echo "replay one: dotnet $out/NbsRoundup.Fuzz.dll $target < FILE  (an escaped exception prints its stack)"
