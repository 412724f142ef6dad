#!/usr/bin/env bash
# Refuge's robustness check (not part of CI or the timed suite): malformed requests, and
# kill -9 of the server while it writes. Runs the server on 127.0.0.1 only, against SQLite
# and PostgreSQL, and prints what it saw; the figures go into docs/robustness.md by hand.
#
#   bench/faults.sh                                       # both backends, about 15 minutes
#   BACKENDS=sqlite REQUESTS=2000 CYCLES=10 bench/faults.sh
#
# Settings (environment), every loop bounded in count and in time:
#   BACKENDS ("sqlite postgres"), PG_ADMIN_URL (postgres://postgres@127.0.0.1:5432/postgres),
#   PG_DATABASE (refuge_faults, dropped and created), PORT (8090), PROFILE (debug | release),
#   REQUESTS (malformed requests per backend, 15000), MALFORMED_SECONDS (at most, 600),
#   CYCLES (kill -9 cycles per backend, 100), CRASH_SECONDS (at most, 900),
#   WRITERS (concurrent API writers during a cycle, 4), WORK (target/faults).
#
# What it checks: no malformed request answers 5xx; no malformed request is logged at
# ERROR; the log file (not a terminal) holds no colour codes; after each kill -9 every case
# whose creation was acknowledged (201) is there, with its client and its audit entry, and
# nothing is half-written (a case without its audit entry, a client without its case).
#
# Needs: cargo, curl, sqlite3, and psql for the PostgreSQL part.
set -euo pipefail
cd "$(dirname "$0")/.."

BACKENDS=${BACKENDS:-"sqlite postgres"}
PG_ADMIN_URL=${PG_ADMIN_URL:-postgres://postgres@127.0.0.1:5432/postgres}
PG_DATABASE=${PG_DATABASE:-refuge_faults}
PORT=${PORT:-8090}
PROFILE=${PROFILE:-debug}
REQUESTS=${REQUESTS:-15000}
MALFORMED_SECONDS=${MALFORMED_SECONDS:-600}
CYCLES=${CYCLES:-100}
CRASH_SECONDS=${CRASH_SECONDS:-900}
WRITERS=${WRITERS:-4}
WORK=${WORK:-target/faults}
BASE="http://127.0.0.1:$PORT"

say() { printf '\n=== %s ===\n' "$*" >&2; }

say "Building Refuge ($PROFILE)"
if [[ $PROFILE == release ]]; then cargo build --release --quiet; else cargo build --quiet; fi
BIN=$PWD/target/$PROFILE/refuge

mkdir -p "$WORK"
WORK=$(cd "$WORK" && pwd)
PASSWORD_FILE="$WORK/password"
if [[ ! -s $PASSWORD_FILE ]]; then
  (umask 077; head -c 24 /dev/urandom | base64 | tr -d '/+=' > "$PASSWORD_FILE")
fi
PASSWORD=$(cat "$PASSWORD_FILE")
SERVER_PID=""
WRITER_PIDS=()

cleanup() {
  for pid in "${WRITER_PIDS[@]}"; do kill "$pid" 2> /dev/null || true; done
  if [[ -n $SERVER_PID ]]; then kill "$SERVER_PID" 2> /dev/null || true; fi
}
trap cleanup EXIT

# --- the server ---------------------------------------------------------------------------

start_server() {
  REFUGE_LISTEN="127.0.0.1:$PORT" REFUGE_MAIL__DIRECTORY="$WORK/mail" REFUGE_LOG=info \
    "$BIN" serve >> "$DIR/stdout.log" 2>> "$DIR/server.log" &
  SERVER_PID=$!
  for _ in $(seq 1 300); do
    if curl -s -o /dev/null "$BASE/healthz"; then return 0; fi
    sleep 0.1
  done
  echo "the server did not start; see $DIR/server.log" >&2
  exit 1
}

stop_server() { # $1: signal
  kill "-$1" "$SERVER_PID" 2> /dev/null || true
  wait "$SERVER_PID" 2> /dev/null || true
  SERVER_PID=""
}

sql() { # one statement, one value
  if [[ $BACKEND == sqlite ]]; then
    sqlite3 "$DATABASE_URL" "$1"
  else
    psql -qAt "$DATABASE_URL" -c "$1"
  fi
}

sql_file() {
  if [[ $BACKEND == sqlite ]]; then
    sqlite3 "$DATABASE_URL" < "$1"
  else
    psql -qAt "$DATABASE_URL" -f "$1"
  fi
}

# --- accounts -----------------------------------------------------------------------------

add_user() { # email role
  printf '%s\n' "$PASSWORD" | "$BIN" user add --email "$1" --name "Faults $2" --role "$2" \
    --password-stdin > /dev/null
}

csrf_of() { sed -n 's/.*name="csrf_token" value="\([^"]*\)".*/\1/p' | head -1; }

sign_in() { # email -> cookie jar in $JAR, token in $CSRF
  JAR="$DIR/cookies"
  rm -f "$JAR"
  local csrf
  csrf=$(curl -s -c "$JAR" -b "$JAR" "$BASE/login" | csrf_of)
  curl -s -o /dev/null -c "$JAR" -b "$JAR" --data-urlencode "csrf_token=$csrf" \
    --data-urlencode "email=$1" --data-urlencode "password=$PASSWORD" "$BASE/login"
  CSRF=$(curl -s -c "$JAR" -b "$JAR" "$BASE/account" | csrf_of)
}

api_token() { # email
  curl -s -H 'content-type: application/json' \
    -d "{\"email\":\"$1\",\"password\":\"$PASSWORD\"}" "$BASE/api/v1/tokens" |
    sed -n 's/.*"token":"\([^"]*\)".*/\1/p'
}

create_case() { # family name -> case id, or nothing
  curl -s -m 10 -H "authorization: Bearer $TOKEN" -H 'content-type: application/json' \
    -d "{\"intake\":{\"client\":{\"family_name\":\"$1\",\"given_name\":\"Test\"},\"claim\":{\"kind\":\"affirmative\",\"lawyer_id\":\"$LAWYER_ID\"}},\"complete\":false}" \
    -w '\n%{http_code}' "$BASE/api/v1/cases" 2> /dev/null |
    awk 'NR==1 { body = $0 } NR==2 && $0 == "201" { print body }' |
    sed -n 's/.*"id":"\([^"]*\)".*/\1/p'
}

# --- malformed requests -------------------------------------------------------------------

# One request per line: METHOD|PATH|CONTENT-TYPE|BODY|AUTH (cookie, bearer or none).
malformed_catalogue() {
  local case_id=$1
  local pages="/ /cases /search /admin/audit /admin/mail /admin/staff /reports/weekly /intake /account /cases/$case_id /cases/$case_id/conflicts"
  local apis="/api/v1/cases /api/v1/clients /api/v1/me /api/v1/staff /api/v1/cases/$case_id"
  local queries=(
    "port=%00" "q=%00" "action=%00" "q=Iva%00nov" "%00=1" "stage=%0A" "q=%1B%5B31m"
    "page=9223372036854775807" "page=-9223372036854775808" "page=99999999999999999999999"
    "page=abc" "page=1e9" "page=" "limit=9223372036854775807"
    "from=2026-13-45" "until=0000-00-00" "week=9999-W99" "week=%00" "staff=not-a-uuid"
    "lawyer=%00" "sort=%00" "dir=sideways" "x=%ff%fe" "q=$(head -c 6000 /dev/zero | tr '\0' 'a')"
  )
  local path query method
  for path in $pages; do
    for query in "${queries[@]}"; do echo "GET|$path?$query|||cookie"; done
    for method in PUT DELETE PATCH; do echo "$method|$path|||cookie"; done
  done
  for path in $apis; do
    for query in "${queries[@]}"; do echo "GET|$path?$query|||bearer"; done
    for method in PUT DELETE PATCH OPTIONS; do echo "$method|$path|||bearer"; done
  done
  for path in /cases/not-a-uuid /cases/%00 /api/v1/cases/%00 /api/v1/cases/00000000-0000-0000-0000-000000000000 \
    /static/%2e%2e/Cargo.toml /admin/staff/%ff /setup/%00 /invitation/%00 "/cases/$case_id/events/x/outcome"; do
    echo "GET|$path|||cookie"
    echo "POST|$path|application/x-www-form-urlencoded|csrf_token=CSRF|cookie"
  done
  local bodies=(
    'application/json|{'
    'application/json|{"intake":{"client":{"family_name":"A\u0000B"}}}'
    'application/json|{"body":"note\u0000"}'
    'application/json|{"to":"\u0000"}'
    'application/json|{"email":"a\u0000@b.org","password":"x"}'
    'application/json|[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]'
    'application/json|{"page":9223372036854775807}'
    'application/json|"just a string"'
    'application/json|{"unknown_field":1}'
    'text/plain|hello'
    'application/xml|<a/>'
    '|'
  )
  local forms=(
    "csrf_token=CSRF&note=a%00b&to=conflict_check"
    "csrf_token=CSRF&body=%00"
    "csrf_token=CSRF&reason=%00&outcome=conflict"
    "csrf_token=CSRF&client.family_name=%00&client.date_of_birth=%00"
    "csrf_token=CSRF&confirm=%00"
    "csrf_token=CSRF&email=%00&name=%00&role=%00"
    "csrf_token=CSRF&%ff=%fe"
    "csrf_token=wrong"
  )
  for path in /api/v1/cases "/api/v1/cases/$case_id/notes" "/api/v1/cases/$case_id/transitions" \
    "/api/v1/cases/$case_id/events" /api/v1/tokens /api/v1/staff; do
    for body in "${bodies[@]}"; do echo "POST|$path|$body|bearer"; done
  done
  for path in "/cases/$case_id/stage" "/cases/$case_id/notes" "/cases/$case_id/conflict-check" \
    /intake "/cases/$case_id/intake" "/cases/$case_id/purge" /admin/staff /login /account/language \
    "/cases/$case_id/dates" "/cases/$case_id/events" "/cases/$case_id/checklist"; do
    for form in "${forms[@]}"; do echo "POST|$path|application/x-www-form-urlencoded|$form|cookie"; done
    echo "POST|$path|application/json|{\"csrf_token\":\"CSRF\"}|cookie"
  done
}

send_one() { # a catalogue line -> status code
  local method path type body auth
  IFS='|' read -r method path type body auth <<< "$1"
  local args=(-s -o /dev/null -w '%{http_code}' -m 20 -X "$method")
  case $auth in
    cookie) args+=(-b "$JAR") ;;
    bearer) args+=(-H "authorization: Bearer $TOKEN") ;;
  esac
  if [[ -n $type ]]; then args+=(-H "content-type: $type"); fi
  if [[ -n $body || $method == POST ]]; then args+=(--data-binary "${body//CSRF/$CSRF}"); fi
  curl "${args[@]}" "$BASE$path" 2> /dev/null || echo 000
}

send_raw() { # one raw request -> first status code, or 000
  local reply
  reply=$(timeout 5 bash -c "exec 3<>/dev/tcp/127.0.0.1/$PORT; printf '%s' \"\$0\" >&3; head -c 12 <&3" "$1" 2> /dev/null || true)
  local code=${reply:9:3}
  echo "${code:-000}"
}

malformed() {
  say "$BACKEND: malformed requests (at most $REQUESTS, $MALFORMED_SECONDS s)"
  local case_id
  case_id=$(create_case "Malformed")
  malformed_catalogue "$case_id" > "$DIR/catalogue"
  local lines total=0 started=$SECONDS
  mapfile -t lines < "$DIR/catalogue"
  : > "$DIR/statuses"
  local errors_before
  errors_before=$(grep -c ' ERROR ' "$DIR/server.log" || true)
  while ((total < REQUESTS && SECONDS - started < MALFORMED_SECONDS)); do
    for line in "${lines[@]}"; do
      ((total < REQUESTS)) || break
      printf '%s %s\n' "$(send_one "$line")" "$line" >> "$DIR/statuses"
      total=$((total + 1))
    done
    while IFS= read -r -d '' raw; do
      printf '%s RAW %q\n' "$(send_raw "$raw")" "$raw" >> "$DIR/statuses"
      total=$((total + 1))
    done < <(raw_requests)
  done
  local seconds=$((SECONDS - started))
  local errors_after
  errors_after=$(grep -c ' ERROR ' "$DIR/server.log" || true)
  {
    echo "$BACKEND: $total malformed requests in ${seconds}s ($(wc -l < "$DIR/catalogue") kinds + $(raw_requests | tr -cd '\0' | wc -c) raw)"
    echo "  by status: $(cut -d' ' -f1 "$DIR/statuses" | sort | uniq -c | awk '{printf "%s×%s ", $2, $1}')"
    echo "  5xx answers: $(grep -c '^5' "$DIR/statuses" || true)"
    { grep '^5' "$DIR/statuses" || true; } | sort | uniq -c | sed 's/^/    /' | head -20
    echo "  no answer (000): $(grep -c '^000' "$DIR/statuses" || true)"
    echo "  log lines at ERROR during the run: $((errors_after - errors_before))"
    echo "  colour codes in the log file: $(grep -c $'\e\[' "$DIR/server.log" || true)"
  } | tee -a "$RESULTS"
}

# Requests a client library would refuse to send, NUL-separated.
raw_requests() {
  printf 'GARBAGE\r\n\r\n\0'
  printf 'GET / HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n\0'
  printf 'GET /%%zz HTTP/1.1\r\nHost: x\r\n\r\n\0'
  printf 'POST /api/v1/tokens HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999999999999999\r\n\r\n\0'
  printf 'POST /api/v1/tokens HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Type: application/json\r\n\r\nzz\r\n\r\n\0'
  printf 'GET / HTTP/9.9\r\n\r\n\0'
}

# --- kill -9 during writes ----------------------------------------------------------------

writer() { # writer number, cycle: creates cases until killed, appends "id name" when acknowledged
  local i=0 name id
  while :; do
    i=$((i + 1))
    name="Crash-$2-$1-$i"
    id=$(create_case "$name")
    if [[ -n $id ]]; then echo "$id $name" >> "$DIR/acknowledged"; fi
  done
}

verify() { # -> "lost half_written present"
  local script="$DIR/verify.sql"
  {
    echo "CREATE TEMP TABLE acks (id TEXT, name TEXT);"
    awk '{ printf "INSERT INTO acks VALUES ('"'"'%s'"'"', '"'"'%s'"'"');\n", $1, $2 }' "$DIR/acknowledged"
    echo "SELECT COUNT(*) FROM acks a WHERE NOT EXISTS (SELECT 1 FROM cases c JOIN clients k ON k.id = c.client_id WHERE CAST(c.id AS TEXT) = a.id AND k.family_name = a.name);"
    echo "SELECT (SELECT COUNT(*) FROM cases c JOIN clients k ON k.id = c.client_id WHERE k.family_name LIKE 'Crash-%' AND NOT EXISTS (SELECT 1 FROM audit_log l WHERE l.action = 'case.created' AND l.target_id = CAST(c.id AS TEXT))) + (SELECT COUNT(*) FROM clients k WHERE k.family_name LIKE 'Crash-%' AND NOT EXISTS (SELECT 1 FROM cases c WHERE c.client_id = k.id));"
    echo "SELECT COUNT(*) FROM clients WHERE family_name LIKE 'Crash-%';"
  } > "$script"
  sql_file "$script" | tr '\n' ' '
}

crashes() {
  say "$BACKEND: kill -9 during writes (at most $CYCLES cycles, $CRASH_SECONDS s)"
  : > "$DIR/acknowledged"
  local cycle=0 started=$SECONDS lost=0 half=0
  while ((cycle < CYCLES && SECONDS - started < CRASH_SECONDS)); do
    cycle=$((cycle + 1))
    [[ -n $SERVER_PID ]] || start_server
    WRITER_PIDS=()
    for w in $(seq 1 "$WRITERS"); do
      writer "$w" "$cycle" &
      WRITER_PIDS+=($!)
    done
    sleep "$(awk -v r="$RANDOM" 'BEGIN { printf "%.2f", 0.5 + (r % 200) / 100 }')"
    stop_server KILL
    for pid in "${WRITER_PIDS[@]}"; do kill "$pid" 2> /dev/null || true; wait "$pid" 2> /dev/null || true; done
    WRITER_PIDS=()
    start_server # recovery happens here: migrations, WAL replay
    read -r lost half _ <<< "$(verify)"
    if ((lost > 0 || half > 0)); then
      echo "  cycle $cycle: $lost acknowledged cases missing, $half half-written" | tee -a "$RESULTS"
    fi
  done
  read -r lost half present <<< "$(verify)"
  {
    echo "$BACKEND: $cycle kill -9 cycles in $((SECONDS - started))s, $WRITERS writers"
    echo "  acknowledged creations: $(wc -l < "$DIR/acknowledged"); cases present: $present"
    echo "  acknowledged but missing: $lost; half-written: $half"
  } | tee -a "$RESULTS"
}

# --- each backend -------------------------------------------------------------------------

RESULTS="$WORK/results-$(date -u +%Y%m%dT%H%M%SZ).md"
{
  echo "# Refuge robustness run, $(date -u +%Y-%m-%d) ($PROFILE build)"
  echo "Machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo), $(uname -sr)"
} > "$RESULTS"

for BACKEND in $BACKENDS; do
  DIR="$WORK/$BACKEND"
  rm -rf "$DIR"
  mkdir -p "$DIR"
  if [[ $BACKEND == sqlite ]]; then
    DATABASE_URL="$DIR/refuge.db"
  else
    psql -q "$PG_ADMIN_URL" -c "DROP DATABASE IF EXISTS $PG_DATABASE WITH (FORCE)" -c "CREATE DATABASE $PG_DATABASE"
    DATABASE_URL="${PG_ADMIN_URL%/*}/$PG_DATABASE"
  fi
  export DATABASE_URL
  "$BIN" migrate > /dev/null
  add_user "admin@faults.example" admin
  add_user "lawyer@faults.example" lawyer
  start_server
  sign_in "admin@faults.example"
  TOKEN=$(api_token "lawyer@faults.example")
  LAWYER_ID=$(curl -s -H "authorization: Bearer $TOKEN" "$BASE/api/v1/me" | sed -n 's/.*"id":"\([^"]*\)".*/\1/p')
  malformed
  crashes
  stop_server TERM
done

say "Results in $RESULTS"
cat "$RESULTS"
