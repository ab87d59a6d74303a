#!/usr/bin/env bash
# Runs every test of NbS Round-up on a fresh machine: restores tools, builds, checks that
# the migrations and compiled models of both engines cover the model, runs the test projects on SQLite, runs the
# catalogue and web suites again on a throwaway PostgreSQL 15 cluster and Redis, and ends with
# "N passed, N failed".
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

# The catalogue and web suites run a second time on PostgreSQL 15 (with the output cache in Redis): a throwaway cluster on a free
# loopback port, in a temp folder, removed at exit. initdb refuses root, so as root (CI) it runs
# as the postgres user; Debian's server packages are installed when missing.
pg_bin=/usr/lib/postgresql/15/bin
pg_dir=""
# From / : the postgres user may not be allowed into the folder the tests run in.
pg_as() {
    if [ "$(id -u)" -eq 0 ] && command -v runuser >/dev/null; then
        (cd / && runuser -u postgres -- "$@")
    elif [ "$(id -u)" -eq 0 ]; then
        (cd / && su postgres -s /bin/sh -c "$(printf '%q ' "$@")")
    else
        "$@"
    fi
}

ensure_postgres() {
    if [ -x "$pg_bin/initdb" ] && [ -x "$pg_bin/pg_ctl" ]; then
        return 0
    fi
    if ! command -v apt-get >/dev/null || [ "$(id -u)" -ne 0 ]; then
        echo "PostgreSQL 15 ($pg_bin) is missing and cannot be installed here (that needs apt-get and root):"
        echo "install Debian's postgresql-15 (apt-get install postgresql-15)."
        return 1
    fi
    echo "installing Debian's postgresql-15 for the PostgreSQL pass"
    local log
    log=$(mktemp)
    if ! { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends postgresql-15; } >"$log" 2>&1 || [ ! -x "$pg_bin/initdb" ]; then
        tail -n 20 "$log"
        echo "apt-get could not install postgresql-15"
        rm -f "$log"
        return 1
    fi
    rm -f "$log"
}

free_port() {
    local port first=${1:-55432}
    for port in $(seq "$first" $((first + 100))); do
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            echo "$port"
            return 0
        fi
    done
    return 1
}

start_postgres() {
    if [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then
        useradd --system --user-group --home-dir /var/lib/postgresql --shell /bin/sh postgres || return 1
    fi
    local port
    port=$(free_port) || { echo "no free port for PostgreSQL"; return 1; }
    pg_dir=$(mktemp -d /tmp/nbs-pg.XXXXXX) || return 1
    chmod 755 "$pg_dir"
    [ "$(id -u)" -eq 0 ] && chown postgres "$pg_dir"
    # A test cluster: durability off (fsync, synchronous_commit), loopback only, room for every fixture's pool.
    pg_as "$pg_bin/initdb" -D "$pg_dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 --no-sync >"$pg_dir/initdb.log" 2>&1 \
        || { cat "$pg_dir/initdb.log"; return 1; }
    pg_as "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $pg_dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" start >/dev/null \
        || { cat "$pg_dir/server.log"; return 1; }
    export NBS_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres"
    echo "PostgreSQL 15 on 127.0.0.1:$port ($pg_dir)"
}

stop_postgres() {
    if [ -n "$pg_dir" ] && [ -d "$pg_dir" ]; then
        pg_as "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate -w stop >/dev/null 2>&1 || true
        rm -rf "$pg_dir"
    fi
}
# The PostgreSQL pass keeps the web suite's output cache in Redis, as a scaled-out deployment does:
# a throwaway redis-server on loopback, no persistence, stopped at exit.
redis_dir=""
ensure_redis() {
    if command -v redis-server >/dev/null; then
        return 0
    fi
    if ! command -v apt-get >/dev/null || [ "$(id -u)" -ne 0 ]; then
        echo "redis-server is missing and cannot be installed here (that needs apt-get and root):"
        echo "install Debian's redis-server (apt-get install redis-server)."
        return 1
    fi
    echo "installing Debian's redis-server for the PostgreSQL pass"
    local log
    log=$(mktemp)
    if ! { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends redis-server; } >"$log" 2>&1 || ! command -v redis-server >/dev/null; then
        tail -n 20 "$log"
        echo "apt-get could not install redis-server"
        rm -f "$log"
        return 1
    fi
    rm -f "$log"
    # The package starts a system-wide server on 6379; the tests use their own.
    if command -v systemctl >/dev/null; then systemctl stop redis-server >/dev/null 2>&1 || true; fi
    if command -v service >/dev/null; then service redis-server stop >/dev/null 2>&1 || true; fi
}

start_redis() {
    local port
    port=$(free_port 56379) || { echo "no free port for Redis"; return 1; }
    redis_dir=$(mktemp -d /tmp/nbs-redis.XXXXXX) || return 1
    redis-server --bind 127.0.0.1 --port "$port" --save '' --appendonly no --daemonize yes \
        --dir "$redis_dir" --pidfile "$redis_dir/redis.pid" --logfile "$redis_dir/redis.log" || { cat "$redis_dir/redis.log"; return 1; }
    local i
    for i in $(seq 1 50); do
        if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            export NBS_TEST_REDIS="127.0.0.1:$port"
            echo "Redis on 127.0.0.1:$port ($redis_dir)"
            return 0
        fi
        sleep 0.1
    done
    cat "$redis_dir/redis.log"
    return 1
}

stop_redis() {
    if [ -n "$redis_dir" ] && [ -f "$redis_dir/redis.pid" ]; then
        kill "$(cat "$redis_dir/redis.pid")" 2>/dev/null || true
    fi
    [ -n "$redis_dir" ] && rm -rf "$redis_dir"
    return 0
}
trap 'stop_postgres; stop_redis' EXIT

step ensure_chromium
postgres_ready=0
if step ensure_postgres && step start_postgres && step ensure_redis && step start_redis; then
    postgres_ready=1
fi
if step dotnet tool restore && step dotnet build NbsRoundup.sln -c Release; then
    step dotnet ef migrations has-pending-model-changes --project src/NbsRoundup --startup-project src/NbsRoundup --configuration Release --no-build
    step dotnet ef migrations has-pending-model-changes --project src/NbsRoundup.Migrations.Postgres --startup-project src/NbsRoundup.Migrations.Postgres --configuration Release --no-build
    # The EF Core compiled models must be the model's; the message names tools/compiled-models.sh.
    step tools/compiled-models.sh --check --configuration Release --no-build
    rm -f src/NbsRoundup/design-time.db
    env -u NBS_TEST_PROVIDER -u NBS_TEST_REDIS dotnet test NbsRoundup.sln -c Release --no-build --logger "trx" --results-directory "$results/sqlite" || true
    if [ "$postgres_ready" -eq 1 ]; then
        for project in tests/NbsRoundup.Tests tests/NbsRoundup.Web.Tests; do
            echo "==> $project on PostgreSQL"
            NBS_TEST_PROVIDER=Postgres dotnet test "$project" -c Release --no-build --logger "trx" --results-directory "$results/postgres" || true
        done
    fi
fi

passed=0
failed=0
while IFS= read -r trx; do
    counters=$(grep -o '<Counters [^>]*' "$trx" | head -n 1)
    p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
    f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
    passed=$((passed + ${p:-0}))
    failed=$((failed + ${f:-0}))
done < <(find "$results" -name '*.trx' 2>/dev/null)
failed=$((failed + setup_failures))
if [ "$passed" -eq 0 ] && [ "$failed" -eq 0 ]; then
    failed=1
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
