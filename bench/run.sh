#!/usr/bin/env bash
# Refuge's benchmark (not part of CI): loads 100,000 demo clients into SQLite and into
# PostgreSQL, starts the release server on 127.0.0.1, and measures the case list, name search
# in Cyrillic and in Latin, the case page and intake saves with 16 concurrent signed-in
# sessions. Results are printed and written to target/bench/results-<time>.md; the figures
# go into docs/performance.md by hand.
#
#   bench/run.sh                          # everything, about 40 minutes on 2 cores
#   CLIENTS=10000 DURATION=10 bench/run.sh
#   BACKENDS=postgres REUSE=1 bench/run.sh   # measure again without reloading
#
# Settings (environment): CLIENTS (100000), SEED (1), BACKENDS ("sqlite postgres"),
# PG_ADMIN_URL (postgres://postgres@127.0.0.1:5432/postgres), PG_DATABASE (refuge_bench),
# PORT (8089), CONCURRENCY (16), DURATION seconds per scenario (20), WARMUP (3),
# DEMO_BATCH_SIZE (500 clients per transaction while loading; on a loaded machine SQLite's
# load needs 50, see "Public inquiries" in docs/performance.md),
# SCENARIOS (list,search_cyrillic,search_latin,case_page,intake_save,report,report_csv,
# report_csv_open,mixed,inquiry,case_list_with_inquiries; the report scenarios sign in as the
# demo admin, REPORT_EMAIL, and ask for the last twelve ISO weeks in turn, REPORT_WEEKS; mixed
# runs case pages, searches and intake saves at once; inquiry sends valid inquiries through
# the public form, closed loop, and case_list_with_inquiries measures the case list in
# slices of SLICE seconds (5) without and with inquiries arriving at SIDE_RATE a second (50)),
# INQUIRY_CAP (1000000: the server's cap on unreviewed inquiries while inquiries are measured,
# instead of 2,000, which a run would reach in seconds; see "Public inquiries" below), POOL_SIZE (server default), REUSE (0; 1 keeps the loaded databases), AS_LOADED (1: every
# server start measures the database as it was loaded, restored from a copy kept beside it;
# 0 lets each run's writes stay for the next), SINGLE (1: also measure with one session,
# for the service time without queueing), WORK (target/bench), BIN_DIR (take refuge and
# refuge-demo from there instead of building; DRIVER_BIN the driver, default
# bench/target/release/refuge-bench), SEARCH_BY (post or get; by default the driver asks the
# server: POST /search since issue 13, GET /search?q= before).
#
# Comparing builds in one run: BINS="before=/dir/of/old/binaries after=/dir/of/new" (each dir
# holds refuge and refuge-demo, and that commit's config/ if it differs from this checkout's;
# a label, then = and the dir), ROUNDS (1). Each round measures
# every build in turn on the same loaded database (before, after, before, after, ...), so
# that the machine's drift falls on all of them alike; each starts on the database as loaded
# (AS_LOADED).
# The last build loads the data (the newest schema; an older build runs on it as long as the
# migrations between them only add tables and nullable columns; check before trusting it).
#
#   # issue 13: 16 sessions of case pages alone, and mixed with searches and intake saves
#   BACKENDS=sqlite SCENARIOS=case_page,mixed SINGLE=0 bench/run.sh
#   BINS="before=$HOME/before after=target/release" ROUNDS=2 BACKENDS=sqlite \
#     SCENARIOS=case_page,mixed SINGLE=0 bench/run.sh
#   # issue 15: inquiries accepted per second, and the case list beside 50 inquiries a second
#   CLIENTS=20000 SCENARIOS=inquiry,case_list_with_inquiries SINGLE=0 bench/run.sh
#
# Public inquiries: the form is switched on in the office settings for the run, and the
# server trusts 127.0.0.1 as a proxy (REFUGE_TRUSTED_PROXIES) so that the driver can send
# every inquiry from an address of its own in X-Forwarded-For, as a flood from many
# machines arrives: the per-address limits (the anonymous limiter, the cap on unreviewed
# inquiries per address) stay as configured and are not what is measured. The overall cap
# is raised to INQUIRY_CAP. The driver waits INQUIRY_MIN_AGE seconds (3.5; the form's
# min_seconds_to_fill is 3) between showing a form and sending it.
#
# Needs: cargo, curl, sqlite3, and psql for the PostgreSQL part. The demo staff get a random
# password generated on the first run and kept in $WORK/password (mode 0600); nothing is
# hard-coded.
set -euo pipefail
cd "$(dirname "$0")/.."

CLIENTS=${CLIENTS:-100000}
SEED=${SEED:-1}
BACKENDS=${BACKENDS:-"sqlite postgres"}
PG_ADMIN_URL=${PG_ADMIN_URL:-postgres://postgres@127.0.0.1:5432/postgres}
PG_DATABASE=${PG_DATABASE:-refuge_bench}
PORT=${PORT:-8089}
CONCURRENCY=${CONCURRENCY:-16}
DURATION=${DURATION:-20}
WARMUP=${WARMUP:-3}
SCENARIOS=${SCENARIOS:-list,search_cyrillic,search_latin,case_page,intake_save,mixed,report,report_csv,report_csv_open,inquiry,case_list_with_inquiries}
INQUIRY_CAP=${INQUIRY_CAP:-1000000}
DEMO_BATCH_SIZE=${DEMO_BATCH_SIZE:-500}
INQUIRY_MIN_AGE=${INQUIRY_MIN_AGE:-3.5}
SIDE_RATE=${SIDE_RATE:-50}
SLICE=${SLICE:-5}
# The inquiry scenarios need the public form on and the driver's addresses believed.
INQUIRIES=0
if tr ',' '\n' <<< "$SCENARIOS" | grep -q '^inquiry$\|^case_list_with_inquiries$'; then INQUIRIES=1; fi
REPORT_EMAIL=${REPORT_EMAIL:-office.manager@demo-office.example}
if [[ -z "${REPORT_WEEKS:-}" ]]; then
  REPORT_WEEKS=$(for k in $(seq 1 12); do date -u -d "-$((7 * k)) days" +%G-W%V; done | paste -sd, -)
fi
# The report scenarios need an admin (the office-wide report); the others run as a lawyer.
STAFF_SCENARIOS=$(tr ',' '\n' <<< "$SCENARIOS" | grep -v '^report' | paste -sd, - || true)
ADMIN_SCENARIOS=$(tr ',' '\n' <<< "$SCENARIOS" | grep '^report' | paste -sd, - || true)
REUSE=${REUSE:-0}
AS_LOADED=${AS_LOADED:-1}
SINGLE=${SINGLE:-1}
WORK=${WORK:-target/bench}
EMAIL=rachel.okafor@demo-office.example

mkdir -p "$WORK"
# Refuge refuses to start on data other accounts can read (the database, its password).
chmod 700 "$WORK"
WORK=$(cd "$WORK" && pwd)
RESULTS="$WORK/results-$(date -u +%Y%m%dT%H%M%SZ).md"
say() { printf '\n=== %s ===\n' "$*" >&2; }
# The same virtual machine is not always as fast (other tenants): a fixed one-core workload,
# timed next to every measurement, says how fast it was then.
cpu_reference() {
  local started
  started=$(date +%s%N)
  sqlite3 :memory: "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000000) SELECT SUM(i) FROM n" > /dev/null
  echo "$(( ($(date +%s%N) - started) / 1000000 )) ms"
}

# Snapshots of the binaries: a later `cargo build` in the same tree must not swap them
# mid-run. `refuge demo-data` hands over to refuge-demo, found beside refuge.
# Each build keeps its own settings files (an older build refuses keys added since): those
# in a config/ beside the binaries if there is one, otherwise this checkout's.
snapshot() { # label dir
  rm -rf "$WORK/bin-$1"
  mkdir -p "$WORK/bin-$1"
  cp "$2/refuge" "$2/refuge-demo" "$WORK/bin-$1/"
  if [[ -d "$2/config" ]]; then cp -R "$2/config" "$WORK/bin-$1/config"; else cp -R config "$WORK/bin-$1/config"; fi
}
LABELS=()
if [[ -n "${BINS:-}" ]]; then
  # Builds made earlier (other commits), measured in turn in one sitting.
  for entry in $BINS; do
    label=${entry%%=*} dir=${entry#*=}
    [[ "$label" != "$entry" && -x "$dir/refuge" ]] || { echo "BINS: '$entry' is not label=dir-with-refuge" >&2; exit 2; }
    say "Using the binaries in $dir as '$label'"
    snapshot "$label" "$dir"
    LABELS+=("$label")
  done
  cp "${DRIVER_BIN:-bench/target/release/refuge-bench}" "$WORK/refuge-bench"
elif [[ -n "${BIN_DIR:-}" ]]; then
  # Binaries built earlier (another commit).
  say "Using the binaries in $BIN_DIR"
  snapshot this "$BIN_DIR"
  LABELS=(this)
  cp "${DRIVER_BIN:-bench/target/release/refuge-bench}" "$WORK/refuge-bench"
else
  say "Building Refuge and the load driver (release)"
  cargo build --release --quiet --package refuge --package refuge-demo
  cargo build --release --quiet --manifest-path bench/Cargo.toml
  snapshot this target/release
  LABELS=(this)
  cp bench/target/release/refuge-bench "$WORK/refuge-bench"
fi
# Field encryption (issue 14): one data key file for both backends, kept with the data, so
# that a later run (REUSE=1) opens what an earlier one sealed (by default PostgreSQL's would
# be data/keys/ under the current directory). Builds from before field encryption refuse the
# setting as an unknown key: only builds that have `refuge keys` are given it.
KEY_FILE="$WORK/keys/refuge.keys"
key_setting() { # build label → the setting for env, or nothing
  if "$WORK/bin-$1/refuge" keys --help > /dev/null 2>&1; then echo "REFUGE_DATA_KEY_FILE=$KEY_FILE"; fi
}
ROUNDS=${ROUNDS:-1}
STARTUP_SECONDS=${STARTUP_SECONDS:-1800}
# The newest build (the last) loads the data.
REFUGE="$WORK/bin-${LABELS[-1]}/refuge"
DRIVER="$WORK/refuge-bench"

if [[ ! -s "$WORK/password" ]]; then
  (umask 077; head -c 32 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 24 > "$WORK/password")
fi
PASSWORD=$(cat "$WORK/password")

{
  echo "# Refuge benchmark, $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo
  if [[ -n "${BINS:-}" ]]; then
    echo "- builds: $BINS; $ROUNDS round(s), each build in turn per round"
  else
    echo "- commit: ${BIN_COMMIT:-$(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet 2>/dev/null || echo ' (with uncommitted changes)')}"
  fi
  echo "- machine: $(nproc) cores, $(free -h | awk '/^Mem:/ {print $2}') memory, $(uname -sr)"
  echo "- load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "- CPU reference (bench/run.sh cpu_reference; lower is faster): $(cpu_reference)"
  echo "- data: $CLIENTS demo clients, seed $SEED; $CONCURRENCY sessions; ${DURATION}s per scenario after ${WARMUP}s warm-up"
} | tee "$RESULTS"

server_pid=""
stop_server() {
  if [[ -n "$server_pid" ]]; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
    server_pid=""
  fi
}
trap stop_server EXIT

for backend in $BACKENDS; do
  case "$backend" in
    sqlite)
      url="$WORK/refuge-bench.db"
      if [[ "$REUSE" != 1 ]]; then rm -f "$url" "$url-wal" "$url-shm"; fi
      # A database loaded by an older build may have the umask's mode.
      for f in "$url" "$url-wal" "$url-shm"; do [[ ! -e "$f" ]] || chmod 600 "$f"; done
      ;;
    postgres)
      url="${PG_ADMIN_URL%/*}/$PG_DATABASE"
      if [[ "$REUSE" != 1 ]]; then
        psql "$PG_ADMIN_URL" -q -v ON_ERROR_STOP=1 \
          -c "DROP DATABASE IF EXISTS $PG_DATABASE WITH (FORCE)" \
          -c "CREATE DATABASE $PG_DATABASE"
      fi
      ;;
    *) echo "unknown backend $backend" >&2; exit 2 ;;
  esac
  # Mail (none is sent while measuring) goes under $WORK too, kept private like the data.
  export DATABASE_URL="$url" REFUGE_CONFIG_DIR="$WORK/bin-${LABELS[-1]}/config" \
    REFUGE_MAIL__DIRECTORY="$WORK/mail"

  if [[ "$REUSE" != 1 ]]; then
    say "$backend: loading $CLIENTS demo clients"
    started=$(date +%s%N)
    printf '%s\n' "$PASSWORD" | env $(key_setting "${LABELS[-1]}") "$REFUGE" demo-data --clients "$CLIENTS" --seed "$SEED" --batch-size "$DEMO_BATCH_SIZE" --password-stdin \
      > "$WORK/demo-data-$backend.log"
    elapsed_ms=$(( ($(date +%s%N) - started) / 1000000 ))
    load_seconds=$(printf '%d.%d' $((elapsed_ms / 1000)) $((elapsed_ms % 1000 / 100)))
    cat "$WORK/demo-data-$backend.log" >&2
  else
    load_seconds="(reused)"
  fi
  # demo-data leaves the office's second-factor policy unset, and an office without one
  # requires a second factor of everyone (issue 13); the driver signs in with a password, as
  # the demo office of `refuge demo` allows. Builds from before issue 13 ignore the row.
  optional_second_factor="INSERT INTO office_settings (key, value) VALUES ('second_factor_policy', 'optional') ON CONFLICT (key) DO UPDATE SET value = excluded.value"
  case "$backend" in
    sqlite) sqlite3 -cmd '.timeout 10000' "$url" "$optional_second_factor" ;;
    postgres) psql "$url" -q -v ON_ERROR_STOP=1 -c "$optional_second_factor" ;;
  esac
  inquiry_env=()
  if [[ "$INQUIRIES" == 1 ]]; then
    # As an administrator switches it on in the office settings (issue 15).
    form_on="INSERT INTO office_settings (key, value) VALUES ('inquiry_form', 'true') ON CONFLICT (key) DO UPDATE SET value = excluded.value"
    case "$backend" in
      sqlite) sqlite3 -cmd '.timeout 10000' "$url" "$form_on" ;;
      postgres) psql "$url" -q -v ON_ERROR_STOP=1 -c "$form_on" ;;
    esac
    inquiry_env=(REFUGE_TRUSTED_PROXIES='["127.0.0.1"]' REFUGE_INQUIRY__MAX_UNREVIEWED="$INQUIRY_CAP")
  fi
  count_inquiries="SELECT COUNT(*) FROM inquiries"
  inquiries_held() {
    case "$backend" in
      sqlite) sqlite3 -cmd '.timeout 10000' "$url" "$count_inquiries" 2>/dev/null || echo "?" ;;
      postgres) psql "$url" -tAc "$count_inquiries" 2>/dev/null || echo "?" ;;
    esac
  }
  # The driver's intake saves add thousands of clients a run, with the very names its
  # searches look for, and inquiries add cases: without a reset each run measured a larger
  # database than the one before, and builds measured later in a round were at a
  # disadvantage. Keep the database as loaded, and start every server on a fresh copy of it.
  # Whether the database is the copy as it stands (right after a load or a restore), so
  # that nothing is restored twice before a server has run on it.
  as_loaded_now=0
  [[ "$REUSE" == 1 ]] || as_loaded_now=1
  if [[ "$AS_LOADED" == 1 ]]; then
    case "$backend" in
      sqlite)
        if [[ "$REUSE" != 1 || ! -e "$url.as-loaded" ]]; then
          sqlite3 -cmd '.timeout 10000' "$url" "PRAGMA wal_checkpoint(TRUNCATE)" > /dev/null
          cp "$url" "$url.as-loaded"
          chmod 600 "$url.as-loaded"
        fi
        ;;
      postgres)
        if [[ "$REUSE" != 1 ]] || ! psql "$PG_ADMIN_URL" -tAc "SELECT 1 FROM pg_database WHERE datname = '${PG_DATABASE}_as_loaded'" | grep -q 1; then
          psql "$PG_ADMIN_URL" -q -v ON_ERROR_STOP=1 \
            -c "DROP DATABASE IF EXISTS ${PG_DATABASE}_as_loaded" \
            -c "CREATE DATABASE ${PG_DATABASE}_as_loaded TEMPLATE $PG_DATABASE"
        fi
        ;;
    esac
  fi
  restore_as_loaded() {
    [[ "$AS_LOADED" == 1 && "$as_loaded_now" == 0 ]] || return 0
    case "$backend" in
      sqlite)
        rm -f "$url-wal" "$url-shm"
        cp "$url.as-loaded" "$url"
        ;;
      postgres)
        psql "$PG_ADMIN_URL" -q -v ON_ERROR_STOP=1 \
          -c "DROP DATABASE IF EXISTS $PG_DATABASE WITH (FORCE)" \
          -c "CREATE DATABASE $PG_DATABASE TEMPLATE ${PG_DATABASE}_as_loaded"
        ;;
    esac
    as_loaded_now=1
  }
  # What is measured, below, is the data as loaded, even when an earlier run left more.
  restore_as_loaded
  case "$backend" in
    sqlite)
      size=$(du -sh "$url" | cut -f1)
      rows=$(sqlite3 "$url" "SELECT (SELECT COUNT(*) FROM clients) || ' clients, ' || (SELECT COUNT(*) FROM case_stage_history) || ' stage-history rows, ' || (SELECT COUNT(*) FROM name_keys) || ' name keys'" 2>/dev/null || echo "?")
      ;;
    postgres)
      size=$(psql "$url" -tAc "SELECT pg_size_pretty(pg_database_size(current_database()))")
      rows=$(psql "$url" -tAc "SELECT (SELECT COUNT(*) FROM clients) || ' clients, ' || (SELECT COUNT(*) FROM case_stage_history) || ' stage-history rows, ' || (SELECT COUNT(*) FROM name_keys) || ' name keys'")
      ;;
  esac

  {
    echo
    echo "## $backend"
    echo
    echo "- load: ${load_seconds}s for $CLIENTS clients; database size $size; $rows"
  } | tee -a "$RESULTS"
  drive() { # label email scenarios extra-arguments…
    local label=$1 email=$2 scenarios=$3
    shift 3
    [[ -n "$scenarios" ]] || return 0
    local search_by=()
    [[ -z "${SEARCH_BY:-}" ]] || search_by=(--search-by "$SEARCH_BY")
    printf '%s\n' "$PASSWORD" | "$DRIVER" --url "http://127.0.0.1:$PORT" --email "$email" --password-stdin \
      --server-pid "$server_pid" --scenarios "$scenarios" --report-weeks "$REPORT_WEEKS" "${search_by[@]}" \
      --inquiry-min-age "$INQUIRY_MIN_AGE" --side-rate "$SIDE_RATE" --slice "$SLICE" "$@" \
      | sed "s/^### /### $label: /" | tee -a "$RESULTS"
  }
  for round in $(seq 1 "$ROUNDS"); do
    for build in "${LABELS[@]}"; do
      label=$backend
      [[ "$build" == this ]] || label="$backend, $build (round $round)"
      restore_as_loaded
      say "$label: starting the server on 127.0.0.1:$PORT"
      env $(key_setting "$build") "${inquiry_env[@]}" REFUGE_LISTEN="127.0.0.1:$PORT" ${POOL_SIZE:+REFUGE_DATABASE__POOL_SIZE=$POOL_SIZE} \
        REFUGE_CONFIG_DIR="$WORK/bin-$build/config" "$WORK/bin-$build/refuge" serve > "$WORK/server-$backend-$build.log" 2>&1 &
      server_pid=$!
      as_loaded_now=0
      # The first start after a load may recompute every case's deadlines (when the stored
      # rules version differs): minutes at 100,000 cases. Wait while the server lives.
      for _ in $(seq 1 "$((STARTUP_SECONDS * 5))"); do
        if curl -sf "http://127.0.0.1:$PORT/healthz" > /dev/null; then break; fi
        kill -0 "$server_pid" 2>/dev/null || break
        sleep 0.2
      done
      curl -sf "http://127.0.0.1:$PORT/healthz" > /dev/null || { echo "the server did not start" >&2; cat "$WORK/server-$backend-$build.log" >&2; exit 1; }
      {
        echo
        echo "- $label: CPU reference before measuring: $(cpu_reference); load average $(cut -d' ' -f1-3 /proc/loadavg)"
      } | tee -a "$RESULTS"
      for who in staff admin; do
        if [[ "$who" == staff ]]; then email=$EMAIL scen=$STAFF_SCENARIOS; else email=$REPORT_EMAIL scen=$ADMIN_SCENARIOS; fi
        drive "$label" "$email" "$scen" --concurrency "$CONCURRENCY" --duration "$DURATION" --warmup "$WARMUP" \
          --label "$CONCURRENCY concurrent sessions, no think time (saturation)"
        if [[ "$SINGLE" == 1 ]]; then
          # One session: the time a request takes without queueing behind fifteen others.
          drive "$label" "$email" "$scen" --concurrency 1 --duration "$((DURATION / 2 + 1))" --warmup 1 \
            --breakdown --label "one session (service time)"
        fi
      done
      if [[ "$INQUIRIES" == 1 ]]; then
        echo "- $label: inquiries held after measuring: $(inquiries_held)" | tee -a "$RESULTS"
      fi
      stop_server
    done
  done
done

echo >&2
echo "Results: $RESULTS" >&2
