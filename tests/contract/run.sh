#!/usr/bin/env bash
# Contract test: schemathesis (from PyPI, in a venv under target/) drives the API of a real
# Refuge server — the built binary on a fresh SQLite database in a temporary directory — as an
# admin and as a paralegal, a bounded number of examples per operation. It fails on any 5xx,
# any response that does not match its schema in /api/v1/openapi.json, and any status code
# the document does not list.
#
#   tests/contract/run.sh                 # builds the debug binary first
#   CONTRACT_BIN=target/release/refuge tests/contract/run.sh
#   CONTRACT_EXAMPLES=50 CONTRACT_SEED=7 tests/contract/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."

SCHEMATHESIS_VERSION=4.32.5
EXAMPLES="${CONTRACT_EXAMPLES:-20}"
SEED="${CONTRACT_SEED:-20261204}"
VENV=$(realpath -m "${CONTRACT_VENV:-target/contract-venv}")
BIN="${CONTRACT_BIN:-target/debug/refuge}"

step() { printf '\n=== %s ===\n' "$*"; }

step "schemathesis $SCHEMATHESIS_VERSION"
if ! "$VENV/bin/schemathesis" --version 2>/dev/null | grep -q "$SCHEMATHESIS_VERSION"; then
  if ! python3 -m venv --help >/dev/null 2>&1 || ! python3 -c 'import ensurepip' 2>/dev/null; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null
  fi
  rm -rf "$VENV"
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q --disable-pip-version-check "schemathesis==$SCHEMATHESIS_VERSION"
fi

if [ -z "${CONTRACT_BIN:-}" ]; then
  step "cargo build"
  cargo build --bin refuge
fi

work=$(mktemp -d)
server=""
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"
export REFUGE_ENVIRONMENT=development
export DATABASE_URL="$work/refuge.db"
export REFUGE_LISTEN="127.0.0.1:$port"
export REFUGE_PUBLIC_URL="$base"
export REFUGE_MAIL__TRANSPORT=file
export REFUGE_MAIL__DIRECTORY="$work/mail"
export REFUGE_LOG=warn
# Every request of the run comes from this one address: no login delays for it.
export REFUGE_LOGIN__FREE_FAILURES=1000000

step "Server on $base (database $DATABASE_URL)"
"$BIN" migrate >/dev/null
# The run authenticates with passwords alone: this office makes the second factor optional,
# as an office may on its settings page (tests/app/second_factor.rs covers the "otp" field).
python3 - "$DATABASE_URL" <<'PY'
import sqlite3, sys
with sqlite3.connect(sys.argv[1]) as db:
    db.execute("INSERT INTO office_settings (key, value) VALUES ('second_factor_policy', 'optional')")
PY
password="contract-test-$(date +%s)-passphrase"
# The paralegal first: the admin's run may reassign or close the case.
for who in paralegal admin; do
  printf '%s\n' "$password" |
    "$BIN" user add --email "$who@contract.example.org" --name "Contract $who" \
      --role "$who" --password-stdin >/dev/null
done
"$BIN" serve >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 50); do
  curl -fsS "$base/healthz" >/dev/null 2>&1 && break
  sleep 0.2
done
curl -fsS "$base/healthz" >/dev/null

token() {
  curl -fsS -X POST "$base/api/v1/tokens" -H 'Content-Type: application/json' \
    -d "{\"email\":\"$1@contract.example.org\",\"password\":\"$password\"}" |
    python3 -c 'import json, sys; print(json.load(sys.stdin)["token"])'
}
admin_token=$(token admin)
paralegal_token=$(token paralegal)

# One real case assigned to the paralegal, with a hearing, a checklist item and a running
# EAD clock, so that the operations on a case reach its logic, not only its 404.
ids=$(BASE="$base" TOKEN="$admin_token" python3 - <<'PY'
import json, os, urllib.request

base, token = os.environ["BASE"], os.environ["TOKEN"]

def call(method, path, body=None):
    request = urllib.request.Request(
        base + path,
        method=method,
        data=None if body is None else json.dumps(body).encode(),
        headers={"Authorization": "Bearer " + token, "Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request) as response:
        text = response.read()
        return json.loads(text) if text else None

staff = {s["role"]: s["id"] for s in call("GET", "/api/v1/staff")}
intake = {
    "client": {"family_name": "Contract", "given_name": "Case", "date_of_birth": "1990-05-01",
               "sex": "x", "nationalities": ["RU"], "languages": ["ru"]},
    "entry": {"last_arrival_on": "2025-03-01", "port_of_entry": "San Ysidro",
              "manner_of_entry": "port_parole"},
    "journey": [{"from_country": "MX", "to_country": "US", "mode": "on_foot"}],
    "claim": {"kind": "affirmative", "lawyer_id": staff["admin"],
              "paralegal_id": staff["paralegal"]},
}
case = call("POST", "/api/v1/cases", {"intake": intake, "complete": False})["id"]
call("POST", f"/api/v1/cases/{case}/transitions", {"to": "conflict_check"})
call("PUT", f"/api/v1/cases/{case}/key-dates",
     {"i589_filed_on": "2025-06-02", "i589_received_on": "2025-06-09"})
event = call("POST", f"/api/v1/cases/{case}/events",
             {"kind": "interview", "date": "2025-09-01", "time": "09:30"})["id"]
item = call("POST", f"/api/v1/cases/{case}/checklist", {"item": "Passport translation"})["id"]
print(case, event, item)
PY
)
read -r case_id event_id item_id <<<"$ids"
cat >"$work/schemathesis.toml" <<TOML
[parameters]
"path.id" = "$case_id"
"path.event_id" = "$event_id"
"path.item_id" = "$item_id"
TOML

status=0
# The paralegal first: the admin's run may reassign or close the case.
for who in paralegal admin; do
  step "schemathesis as $who ($EXAMPLES examples per operation)"
  bearer=$([ "$who" = admin ] && echo "$admin_token" || echo "$paralegal_token")
  # Revoking the token would end the run's own authentication: tests/app covers it.
  # From the temporary directory, where schemathesis keeps its example database.
  (cd "$work" && "$VENV/bin/schemathesis" --config-file "$work/schemathesis.toml" \
    run "$base/api/v1/openapi.json" \
    --header "Authorization: Bearer $bearer" \
    --checks not_a_server_error,status_code_conformance,response_schema_conformance,content_type_conformance \
    --exclude-path /api/v1/tokens/current \
    --phases examples,coverage,fuzzing \
    --max-examples "$EXAMPLES" \
    --seed "$SEED" \
    --workers 2 \
    --request-timeout 30 \
    --suppress-health-check all \
    --no-color) || status=1
done

if [ "$status" -ne 0 ]; then
  step "The server's errors, for the failures above"
  sed 's/\x1b\[[0-9;]*m//g' "$work/server.log" | grep -E '\bERROR\b' | tail -n 20 || true
fi
exit "$status"
