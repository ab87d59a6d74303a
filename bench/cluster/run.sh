#!/usr/bin/env bash
# Cluster benchmark (issue 8): two portal instances behind nginx on one PostgreSQL 15 catalogue,
# with the output cache in each instance's memory and then shared in Redis. Everything runs on
# loopback in a temp folder and is removed at exit. Not part of test.sh or CI.
#
#   bench/cluster/run.sh                  the catalogue imported from content/
#   bench/cluster/run.sh 100000           a synthetic catalogue of 100,000 entries, plus content/
#   DURATION=20                           seconds per wrk run (default 20)
#   NBS_PORTAL=/path/to/published         use that published portal instead of publishing this checkout
#
# Measures through nginx with wrk -t2 -c32 --latency: upstream = instance A only, then A and B,
# for an issue page, the catalogue search and the API search; once with the in-memory output
# cache and once with ConnectionStrings:Redis set. Prints requests/s, p99 and the ratio two/one
# per path. Then a coherence check: an `import` from the command line changes an issue's title,
# and both instances must serve the new title on their next request; and again with the import
# made while the instances are stopped (a deploy), after which they start.
#
# On a machine with few cores wrk, nginx, both instances and PostgreSQL share the same CPUs, so a
# second instance adds no CPU: a ratio near 1 is the honest answer there, not a failure.
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
duration="${DURATION:-20}"
synthetic_entries="${1:-0}"
[[ "$synthetic_entries" =~ ^[0-9]+$ ]] || { echo "usage: $0 [SYNTHETIC_ENTRIES]"; exit 2; }
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

paths=("/issues/2021-11" "/entries?q=%E6%B9%BF%E5%9C%B0" "/api/entries?q=wetland")
issue_file="$repo/content/2021-11-nbs-roundup-vol3.md"
pg_bin=/usr/lib/postgresql/15/bin

# --- Packages ------------------------------------------------------------------------------
# Debian's own packages. In a container with a policy-rc.d that forbids starting services, apt
# starts nothing; on a full Debian host it also starts the packages' system services (nginx on
# :80, redis on :6379, a PostgreSQL cluster on :5432). This script never uses or stops those: it
# runs its own throwaway servers on free loopback ports.
missing=()
[ -x /usr/sbin/nginx ] || missing+=(nginx)
command -v redis-server >/dev/null && command -v redis-cli >/dev/null || missing+=(redis-server)
[ -x "$pg_bin/initdb" ] && [ -x "$pg_bin/pg_ctl" ] || missing+=(postgresql-15)
command -v wrk >/dev/null || missing+=(wrk)
if [ "${#missing[@]}" -gt 0 ]; then
    if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null; then
        echo "missing: ${missing[*]}; install them with apt-get (as root), or run this script as root"
        exit 1
    fi
    echo "==> installing ${missing[*]}"
    apt-get update -q >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
fi
for tool in curl python3; do
    command -v "$tool" >/dev/null || { echo "$tool is needed"; exit 1; }
done

# --- Clean-up ------------------------------------------------------------------------------
# Every process this script starts is recorded here and stopped at exit, however it exits.
work="$(mktemp -d /tmp/nbs-cluster.XXXXXX)"
# The postgres user must be able to pass through to its data and socket folders.
chmod 755 "$work"
declare -A pid_of=()
pg_started=0

pg_as() {
    # From / : the postgres user may not be allowed into the folder the script was started in.
    if [ "$(id -u)" -eq 0 ]; then
        (cd / && runuser -u postgres -- "$@")
    else
        (cd / && "$@")
    fi
}

cleanup() {
    set +e
    for name in "${!pid_of[@]}"; do
        kill "${pid_of[$name]}" 2>/dev/null
    done
    for name in "${!pid_of[@]}"; do
        wait "${pid_of[$name]}" 2>/dev/null
    done
    if [ "$pg_started" -eq 1 ]; then
        pg_as "$pg_bin/pg_ctl" -D "$work/pg/data" -m immediate -w stop >/dev/null 2>&1
    fi
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Six distinct free loopback ports, held open together while they are chosen so none repeats.
read -r pg_port redis_port port_a port_b nginx_one nginx_two < <(python3 -c '
import socket
socks = [socket.socket() for _ in range(6)]
for s in socks: s.bind(("127.0.0.1", 0))
print(" ".join(str(s.getsockname()[1]) for s in socks))')

# Starts a background process by name; its output is appended to $work/NAME.log.
start() {
    local name=$1
    shift
    "$@" >>"$work/$name.log" 2>&1 &
    pid_of[$name]=$!
}

# Stops a background process and waits for it (SIGTERM: the portal drains its requests first).
stop() {
    local name=$1
    [ -n "${pid_of[$name]:-}" ] || return 0
    kill "${pid_of[$name]}" 2>/dev/null || true
    wait "${pid_of[$name]}" 2>/dev/null || true
    unset "pid_of[$name]"
}

# Waits until URL answers 200, or fails showing the log of the process that should answer it.
wait_for() {
    local url=$1 name=$2
    for _ in $(seq 1 240); do
        curl -sf -o /dev/null "$url" && return 0
        if ! kill -0 "${pid_of[$name]}" 2>/dev/null; then
            break
        fi
        sleep 0.25
    done
    echo "$name did not answer $url; the end of its log:"
    tail -n 30 "$work/$name.log"
    exit 1
}

# --- PostgreSQL 15 ---------------------------------------------------------------------------
# A throwaway cluster as in test.sh: initdb refuses root, so the postgres user runs it. Local
# (socket) connections use peer authentication, TCP ones a password, as on a server.
if [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then
    useradd --system --user-group --home-dir /var/lib/postgresql --shell /bin/sh postgres
fi
mkdir "$work/pg"
[ "$(id -u)" -eq 0 ] && chown postgres "$work/pg"
echo "==> PostgreSQL 15 on 127.0.0.1:$pg_port"
pg_as "$pg_bin/initdb" -D "$work/pg/data" -U postgres --auth-local=peer --auth-host=scram-sha-256 \
    -E UTF8 --locale=C.UTF-8 --no-sync >"$work/initdb.log" 2>&1 || { cat "$work/initdb.log"; exit 1; }
# Two instances' connection pools and the command-line tools fit in 300 connections.
pg_as "$pg_bin/pg_ctl" -D "$work/pg/data" -l "$work/pg/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $pg_port -k $work/pg -c max_connections=300" start >/dev/null \
    || { cat "$work/pg/server.log"; exit 1; }
pg_started=1
# A throwaway password for a throwaway cluster on loopback. The role may create databases only
# when a synthetic catalogue is asked for: seed-synthetic makes a database of its own.
db_password="bench-$(date +%s%N)"
createdb_option=$([ "$synthetic_entries" -gt 0 ] && echo CREATEDB || echo NOCREATEDB)
pg_as "$pg_bin/psql" -q -h "$work/pg" -p "$pg_port" -U postgres -v ON_ERROR_STOP=1 \
    -c "CREATE ROLE nbs LOGIN $createdb_option PASSWORD '$db_password'" \
    -c "CREATE DATABASE nbs OWNER nbs ENCODING 'UTF8'"
database=nbs

# --- Redis -----------------------------------------------------------------------------------
# No persistence: the cache is a cache, and nothing is written to the shared disk.
mkdir "$work/redis"
start redis redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no --dir "$work/redis"
for _ in $(seq 1 40); do
    redis-cli -h 127.0.0.1 -p "$redis_port" ping >/dev/null 2>&1 && break
    sleep 0.25
done
redis-cli -h 127.0.0.1 -p "$redis_port" ping >/dev/null || { tail -n 20 "$work/redis.log"; exit 1; }
echo "==> Redis on 127.0.0.1:$redis_port"

# --- The portal --------------------------------------------------------------------------------
if [ -n "${NBS_PORTAL:-}" ]; then
    portal="$NBS_PORTAL"
    [ -f "$portal/NbsRoundup.Web.dll" ] || { echo "NBS_PORTAL=$portal holds no NbsRoundup.Web.dll"; exit 1; }
    echo "==> the portal published in $portal"
else
    portal="$work/portal"
    echo "==> publishing the portal (Release) into $portal"
    dotnet publish "$repo/src/NbsRoundup.Web" -c Release -o "$portal" --nologo -v quiet >"$work/publish.log" 2>&1 \
        || { tail -n 30 "$work/publish.log"; exit 1; }
fi

connection() { echo "Host=127.0.0.1;Port=$pg_port;Database=$1;Username=nbs;Password=$db_password"; }
# What every instance and command shares, as the environment files of docs/deploy.md give it.
# Production: __Host- cookies, HSTS, the error pages readers get. Per-request log lines at
# Information would measure the console, not the portal. wrk is one client address, so the
# per-client search limit (300 a minute) is lifted, as in the soak.
portal_env() {
    echo "Database__Provider=Postgres"
    echo "ConnectionStrings__Catalogue=$(connection "$database")"
    echo "ASPNETCORE_ENVIRONMENT=Production"
    echo "Site__PublicUrl=https://nbs.example.org"
    echo "Catalogue__SeedWhenEmpty=false"
    echo "Hosting__KnownProxies__0=127.0.0.1"
    echo "Serilog__MinimumLevel__Default=Warning"
    echo "RateLimits__Search__PermitLimit=100000000"
}
nbs() {
    local settings
    mapfile -t settings < <(portal_env)
    env -C "$portal" "${settings[@]}" dotnet NbsRoundup.Web.dll "$@"
}

echo "==> migrate"
# On a new PostgreSQL database the Npgsql provider logs three "Failed executing DbCommand" lines
# while it looks for its history table (npgsql/efcore.pg#3407); only the verdict is shown.
nbs migrate >"$work/migrate.log" 2>&1 || { cat "$work/migrate.log"; exit 1; }
tail -n 1 "$work/migrate.log"
if [ "$synthetic_entries" -gt 0 ]; then
    echo "==> seed-synthetic --entries $synthetic_entries into database nbs_synthetic"
    nbs seed-synthetic --entries "$synthetic_entries" --database nbs_synthetic | tr '\r' '\n' | tail -n 2
    # From here on the instances and commands use the synthetic catalogue; content/ goes into it too.
    database=nbs_synthetic
fi
echo "==> import content/ (once, before any instance starts)"
nbs import "$repo/content" >/dev/null

# Instance NAME on PORT; a third argument puts its output cache in Redis.
start_instance() {
    local name=$1 port=$2 redis=${3:-}
    local settings
    mapfile -t settings < <(portal_env)
    settings+=("ASPNETCORE_URLS=http://127.0.0.1:$port")
    [ -n "$redis" ] && settings+=("ConnectionStrings__Redis=$redis")
    start "$name" env -C "$portal" "${settings[@]}" dotnet NbsRoundup.Web.dll
}

# --- nginx -------------------------------------------------------------------------------------
# One nginx, two server blocks: :nginx_one proxies to A only, :nginx_two to A and B (round robin).
# Its own prefix, pid, logs and temp folders; the same proxy headers as docs/deploy.md, minus TLS.
mkdir -p "$work/nginx/logs" "$work/nginx/temp"
cat >"$work/nginx/nginx.conf" <<EOF
worker_processes auto;
pid $work/nginx/nginx.pid;
error_log $work/nginx/logs/error.log warn;
events { worker_connections 1024; }
http {
    # A log line for every request of a load test would measure the disk.
    access_log off;
    client_body_temp_path $work/nginx/temp/body;
    proxy_temp_path $work/nginx/temp/proxy;
    fastcgi_temp_path $work/nginx/temp/fastcgi;
    uwsgi_temp_path $work/nginx/temp/uwsgi;
    scgi_temp_path $work/nginx/temp/scgi;

    upstream one {
        server 127.0.0.1:$port_a;
        keepalive 32;
    }
    upstream two {
        server 127.0.0.1:$port_a;
        server 127.0.0.1:$port_b;
        keepalive 32;
    }
    # Keep-alive connections to the instances: HTTP/1.1 and no "Connection: close".
    proxy_http_version 1.1;
    proxy_set_header Connection "";
    proxy_set_header Host \$host;
    proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
    proxy_set_header X-Forwarded-Proto \$scheme;
    proxy_next_upstream error timeout http_502 http_503;

    server {
        listen 127.0.0.1:$nginx_one;
        location / { proxy_pass http://one; }
    }
    server {
        listen 127.0.0.1:$nginx_two;
        location / { proxy_pass http://two; }
    }
}
EOF
# -e: the error log before the configuration is read (Debian's default is /var/log/nginx).
nginx_cmd=(nginx -p "$work/nginx/" -c "$work/nginx/nginx.conf" -e "$work/nginx/logs/error.log")
"${nginx_cmd[@]}" -t -q

# --- Measuring -----------------------------------------------------------------------------------
results=()
coherence=()
failures=0

# One wrk run; prints "requests/s p99-in-ms errors" (errors: non-2xx/3xx answers and socket errors).
measure() {
    local url=$1 out=$2
    wrk -t2 -c32 -d"${duration}s" --latency "$url" >"$out" 2>&1 || true
    awk '
        /Requests\/sec/ { rps = $2 }
        /^ +99%/ {
            value = $2; unit = $2
            sub(/[a-z]+$/, "", value); sub(/^[0-9.]+/, "", unit)
            factor = unit == "us" ? 0.001 : unit == "ms" ? 1 : unit == "s" ? 1000 : unit == "m" ? 60000 : 1
            p99 = value * factor
        }
        /Non-2xx or 3xx responses/ { errors += $NF }
        /Socket errors/ { gsub(",", ""); errors += $4 + $6 + $8 + $10 }
        END { printf "%s %.1f %d\n", (rps == "" ? 0 : rps), p99, errors }' "$out"
}

# The page both instances serve at PATH contains TEXT (asked of each instance directly).
serves() {
    local port=$1 path=$2 text=$3
    local page
    # Into a variable, not piped to grep -q: grep would stop reading at the first match and the
    # rest of a large page would fail curl with SIGPIPE (and pipefail would call it a miss).
    page=$(curl -sf "http://127.0.0.1:$port$path") || return 1
    grep -qF -- "$text" <<<"$page"
}

# A copy of the issue file with a marker appended to its title: an edit made outside the portal.
changed_copy() {
    local marker=$1
    mkdir -p "$work/changed"
    sed "0,/^title: /s/^\(title: .*\)$/\1 $marker/" "$issue_file" >"$work/changed/2021-11-nbs-roundup-vol3.md"
    echo "$work/changed/2021-11-nbs-roundup-vol3.md"
}

report_check() {
    local label=$1 marker=$2 ok=yes
    local line="$label:"
    for instance in A:$port_a B:$port_b; do
        for path in "/issues/2021-11" "/"; do
            if serves "${instance#*:}" "$path" "$marker"; then
                line+=" ${instance%%:*} $path new;"
            else
                line+=" ${instance%%:*} $path OLD;"
                ok=no
            fi
        done
    done
    local verdict=ok
    if [ "$ok" != yes ]; then
        verdict=FAILED
        failures=$((failures + 1))
    fi
    coherence+=("$line $verdict")
}

run_mode() {
    local mode=$1 redis=${2:-}
    echo "==> mode $mode: starting instances A (:$port_a) and B (:$port_b)${redis:+ with ConnectionStrings__Redis=$redis}"
    [ -n "$redis" ] && redis-cli -h 127.0.0.1 -p "$redis_port" flushall >/dev/null
    start_instance A "$port_a" "$redis"
    start_instance B "$port_b" "$redis"
    wait_for "http://127.0.0.1:$port_a/readyz" A
    wait_for "http://127.0.0.1:$port_b/readyz" B
    # A fresh nginx per mode: no upstream marked failed, no keep-alive connection to a stopped instance.
    start nginx "${nginx_cmd[@]}" -g 'daemon off;'
    wait_for "http://127.0.0.1:$nginx_two/healthz" nginx

    # Warm-up through both instances: JIT tiers, connection pools and each instance's cache.
    for path in "${paths[@]}"; do
        wrk -t2 -c32 -d3s "http://127.0.0.1:$nginx_two$path" >/dev/null 2>&1 || true
    done
    local i=0
    for path in "${paths[@]}"; do
        i=$((i + 1))
        for instances in 1 2; do
            local port=$([ "$instances" -eq 1 ] && echo "$nginx_one" || echo "$nginx_two")
            local rps p99 errors
            read -r rps p99 errors < <(measure "http://127.0.0.1:$port$path" "$work/wrk-$mode-$i-$instances.txt")
            printf '    %-7s %d  %-32s %10s req/s  p99 %8s ms  errors %s\n' "$mode" "$instances" "$path" "$rps" "$p99" "$errors"
            results+=("$mode $instances $path $rps $p99 $errors")
        done
    done
    if [ -n "$redis" ]; then
        # The proof that the cached pages were in Redis, not only in each instance's memory.
        local keys
        keys=$(redis-cli -h 127.0.0.1 -p "$redis_port" dbsize)
        coherence+=("$mode: Redis holds $keys keys after the runs")
        if [ "$keys" -eq 0 ]; then
            coherence[-1]+=" - this build of the portal does not use ConnectionStrings:Redis; the $mode rows measured the in-memory cache"
        fi
    fi

    # Coherence 1: both instances have the issue page cached (the runs above); a command-line
    # import changes its title; each instance must serve the new title on its next request.
    local marker="coherence-$mode-running"
    # Both pages on both instances once more, so each is in the cache when the import lands.
    for port in "$port_a" "$port_b"; do
        curl -sf -o /dev/null "http://127.0.0.1:$port/issues/2021-11"
        curl -sf -o /dev/null "http://127.0.0.1:$port/"
    done
    nbs import "$(changed_copy "$marker")" >"$work/import-$mode-1.log"
    report_check "$mode: import while A and B serve, next request" "$marker"

    # Coherence 2: a deploy. Both instances stop, an import runs, both start again; with a shared
    # cache the pages cached before the stop are still there.
    stop nginx
    stop A
    stop B
    marker="coherence-$mode-deploy"
    nbs import "$(changed_copy "$marker")" >"$work/import-$mode-2.log"
    start_instance A "$port_a" "$redis"
    start_instance B "$port_b" "$redis"
    wait_for "http://127.0.0.1:$port_a/readyz" A
    wait_for "http://127.0.0.1:$port_b/readyz" B
    report_check "$mode: import while A and B are stopped, then start" "$marker"

    # Back to the file as shipped, so the next mode measures the same catalogue.
    nbs import "$issue_file" >"$work/import-$mode-3.log"
    stop A
    stop B
    if grep -qE 'ERR\]|FTL\]' "$work/A.log" "$work/B.log"; then
        echo "    errors logged by the instances:"
        grep -hE 'ERR\]|FTL\]' "$work/A.log" "$work/B.log" | head -n 5 | sed 's/^/      /'
    fi
}

run_mode memory
run_mode redis "127.0.0.1:$redis_port"

# --- Report --------------------------------------------------------------------------------------
echo
echo "$(date -u '+%Y-%m-%d %H:%M UTC'); $(nproc) cores; kernel $(uname -r); load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "wrk -t2 -c32 -d${duration}s --latency through nginx; PostgreSQL 15 on loopback; catalogue: content/$([ "$synthetic_entries" -gt 0 ] && echo " + $synthetic_entries synthetic entries")"
printf '%-7s %9s  %-32s %10s %10s %7s %9s\n' mode instances path "req/s" "p99 ms" errors "two/one"
declare -A one_rps=()
for row in "${results[@]}"; do
    read -r mode instances path rps p99 errors <<<"$row"
    ratio=""
    if [ "$instances" -eq 1 ]; then
        one_rps["$mode $path"]=$rps
    else
        ratio=$(awk -v two="$rps" -v one="${one_rps["$mode $path"]}" 'BEGIN { if (one > 0) printf "%.2f", two / one; else print "-" }')
    fi
    printf '%-7s %9s  %-32s %10s %10s %7s %9s\n' "$mode" "$instances" "$path" "$rps" "$p99" "$errors" "$ratio"
done
echo
echo "coherence:"
printf '  %s\n' "${coherence[@]}"
if [ "$failures" -gt 0 ]; then
    echo "$failures coherence checks FAILED: an instance served a page from before the import"
    exit 1
fi
