#!/usr/bin/env bash
# Every speed and memory benchmark of the portal, one after the other, each printing its figures
# and its ratio to a baseline measured in the same run (see bench/README.md). Not run by CI.
#
#   bench/run.sh [--million] [seconds per wrk run, default 20]     BENCH_ENTRIES=100000 by default
#   --million: the growth curve also at 1,000,000 entries (seeding takes about 10 minutes per engine)
#   BENCH_POSTGRES='Host=...;Username=...': the growth curve on PostgreSQL too (see growth.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
growth=()
if [ "${1:-}" = --million ]; then
    growth=(--million)
    shift
fi
seconds=${1:-20}
entries=${BENCH_ENTRIES:-100000}
work=$(mktemp -d /tmp/nbs-bench-all.XXXXXX)
trap 'rm -rf "$work"' EXIT

echo "== $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git rev-parse --short HEAD 2>/dev/null || echo '?'), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "== reader pages against the same bytes as a static file, peak memory, start-up"
bench/load/pages.sh "$seconds"
echo
echo "== import of 1,000 newsletter files (45 entries each) against parsing alone and raw inserts"
dotnet run -c Release --project bench/ImportFiles -- 1000 45
echo
echo "== catalogue queries on $entries synthetic entries against a naive LIKE scan"
dotnet run -c Release --project src/NbsRoundup.Web -- seed-synthetic --entries "$entries" --database "$work/synthetic.db"
dotnet run -c Release --project bench/CatalogueQueries -- "$work/synthetic.db" 200
echo
echo "== growth curve: new queries, issue pages and imports at 10,000 and 100,000 entries${growth:+ and 1,000,000}, table appended to bench/RESULTS.md"
bench/growth.sh "${growth[@]}" --out bench/RESULTS.md
