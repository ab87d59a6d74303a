#!/usr/bin/env bash
# The growth curve (issue 15): synthetic catalogues of 10,000 and 100,000 entries (and 1,000,000 with
# --million), on SQLite and on PostgreSQL, each measured by bench/GrowthCurve in-process (with the
# floor: the bare SQL replayed) and over HTTP against the published portal started on it; then the
# table of every row at every size with its factor per ten-fold growth (growth-report.py).
#
#   bench/growth.sh [--million] [--out FILE.md]
#   BENCH_POSTGRES='Host=127.0.0.1;Port=5432;Username=postgres'   a server where databases may be
#       created and dropped; without it only SQLite is measured, and the table says so.
#   GROWTH_SIZES="10000 100000"   the sizes (--million adds 1000000)
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=${GROWTH_SIZES:-10000 100000}
out=""
while [ $# -gt 0 ]; do
    case "$1" in
        --million) sizes="$sizes 1000000" ;;
        --out) out=$2; shift ;;
        *) echo "usage: bench/growth.sh [--million] [--out FILE.md]"; exit 2 ;;
    esac
    shift
done

work=$(mktemp -d /tmp/nbs-growth.XXXXXX)
databases=()
cleanup() {
    kill $(jobs -p) 2>/dev/null || true
    for name in "${databases[@]}"; do
        psql "$(pg_url postgres)" -qc "DROP DATABASE IF EXISTS $name WITH (FORCE)" >/dev/null 2>&1 || true
    done
    rm -rf "$work"
}
trap cleanup EXIT
# A libpq address of BENCH_POSTGRES's server with another database, for psql.
pg_url() { python3 - "$BENCH_POSTGRES" "$1" <<'EOF'
import sys
parts = dict(p.split("=", 1) for p in sys.argv[1].split(";") if p.strip())
keys = {"host": "host", "port": "port", "username": "user", "password": "password"}
print(" ".join(f"{keys[k.lower()]}={v}" for k, v in parts.items() if k.lower() in keys) + f" dbname={sys.argv[2]}")
EOF
}

engines="Sqlite"
if [ -n "${BENCH_POSTGRES:-}" ]; then
    engines="Sqlite Postgres"
else
    echo "PostgreSQL skipped: set BENCH_POSTGRES to a server's connection string to measure it too"
fi

echo "publishing the portal (dotnet publish -c Release, as docs/deploy.md) and building bench/GrowthCurve into $work"
dotnet publish -c Release src/NbsRoundup.Web -o "$work/portal" -v q -nologo >/dev/null
dotnet build -c Release bench/GrowthCurve -o "$work/growth" -v q -nologo >/dev/null

export ASPNETCORE_ENVIRONMENT=Production
# Production requires the address readers reach the portal at (feeds, sitemap, canonical links).
export Site__PublicUrl=https://nbs.example.org
export Catalogue__SeedWhenEmpty=false
export RateLimits__Search__PermitLimit=100000000
export RateLimits__Api__PermitLimit=100000000
export Serilog__MinimumLevel__Default=Warning

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_for() { for _ in $(seq 1 3000); do curl -fs -o /dev/null "$1" && return 0; sleep 0.02; done; echo "no answer from $1"; exit 1; }

results="$work/growth.jsonl"
for engine in $engines; do
    for size in $sizes; do
        if [ "$engine" = Postgres ]; then
            name="nbs_growth_${size}_$$"
            databases+=("$name")
            connection="$BENCH_POSTGRES;Database=$name"
            export Database__Provider=Postgres ConnectionStrings__Catalogue="$BENCH_POSTGRES"
            target=$name
        else
            connection="Data Source=$work/growth-$size.db"
            export Database__Provider=Sqlite ConnectionStrings__Catalogue="Data Source=$work/portal-own.db"
            target="$work/growth-$size.db"
        fi
        echo
        echo "== $engine, $size entries: seeding"
        (cd "$work/portal" && dotnet NbsRoundup.Web.dll seed-synthetic --entries "$size" --database "$target" | tr '\r' '\n' | tail -n 2)
        export ConnectionStrings__Catalogue="$connection"
        port=$(free_port)
        (cd "$work/portal" && exec dotnet NbsRoundup.Web.dll --urls "http://127.0.0.1:$port" >"$work/portal-$engine-$size.log" 2>&1) &
        portal=$!
        wait_for "http://127.0.0.1:$port/entries?pageSize=1"
        # The portal's peak RSS while it answers (goal under 250 MB), sampled twice a second; and the
        # peak of its anonymous part (heaps), since on SQLite RSS also counts the catalogue file's
        # memory-mapped pages, which are the OS's file cache and reclaimable.
        (peak=0; anon=0; while kill -0 "$portal" 2>/dev/null; do
            read -r rss ranon < <(awk '/^VmRSS/ {r=$2} /^RssAnon/ {a=$2} END {print r+0, a+0}' /proc/"$portal"/status 2>/dev/null || echo "0 0")
            [ "${rss:-0}" -gt "$peak" ] && peak=$rss && echo "$peak" >"$work/peak-$engine-$size"
            [ "${ranon:-0}" -gt "$anon" ] && anon=$ranon && echo "$anon" >"$work/anon-$engine-$size"
            sleep 0.5; done) &
        sampler=$!
        dotnet "$work/growth/GrowthCurve.dll" --provider "$engine" --catalogue "$connection" \
            --portal "http://127.0.0.1:$port" --out "$results"
        kill "$sampler" 2>/dev/null || true
        echo "  $engine, $size entries: peak RSS of the portal during the HTTP rows: $(( $(cat "$work/peak-$engine-$size" 2>/dev/null || echo 0) / 1024 )) MB (goal under 250 MB), of which anonymous (heaps) at most $(( $(cat "$work/anon-$engine-$size" 2>/dev/null || echo 0) / 1024 )) MB" | tee -a "$work/rss.txt"
        kill "$portal"
        wait "$portal" 2>/dev/null || true
        if [ "$engine" = Sqlite ]; then
            rm -f "$target" "$target-wal" "$target-shm"
        else
            psql "$(pg_url postgres)" -qc "DROP DATABASE IF EXISTS $name WITH (FORCE)" >/dev/null
        fi
    done
done

echo
table=$(python3 bench/growth-report.py "$results" "$(nproc) cores, load average at the end $(cut -d' ' -f1-3 /proc/loadavg); $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')")
echo "$table"
cat "$work/rss.txt"
if [ -n "$out" ]; then
    { echo; echo "### Growth curve, $(date -u '+%Y-%m-%d %H:%M UTC') (bench/growth.sh ${sizes// /,})"; echo; echo "$table"; echo; sed 's/^  /- /' "$work/rss.txt"; } >>"$out"
    echo "appended to $out"
fi
