#!/usr/bin/env bash
# Times the operator's commands at office scale (issue 14), on the databases bench/run.sh
# loaded (run it first; the server must not be running): `refuge backup` of SQLite and of
# PostgreSQL, `refuge restore` of each backup into an empty database of the same kind, and
# `refuge keys rotate` on a copy of the SQLite database and of its key file (the bench's own
# database and key stay as they were). Each command runs under `/usr/bin/time -v`; a table of
# wall time, peak memory (maximum RSS; for SQLite it counts the database pages the process
# mapped, which are the operating system's file cache) and file sizes is printed and written
# to $WORK/ops-<time>.md.
#
#   bench/ops.sh                                  # every step
#   STEPS=backup_sqlite,restore_sqlite bench/ops.sh
#
# Settings (environment): WORK (target/bench, as for run.sh), BIN (the refuge to time;
# $WORK/bin-after, else $WORK/bin-this), PG_ADMIN_URL, PG_DATABASE (refuge_bench),
# PG_RESTORE_DATABASE (refuge_restore, dropped and created empty), STEPS (backup_sqlite,
# backup_postgres,restore_sqlite,restore_postgres,rotate_sqlite). Backups are encrypted to an
# age key made with age-keygen on the first run ($WORK/backup-identity, 0600) rather than to a
# passphrase, whose scrypt work factor age sizes to the machine's speed at the time (hundreds
# of MiB on one run, tens on the next) and would blur the peak memory. Needs age-keygen.
set -euo pipefail
cd "$(dirname "$0")/.."

WORK=${WORK:-target/bench}
WORK=$(cd "$WORK" && pwd)
if [[ -z "${BIN:-}" ]]; then
  if [[ -x "$WORK/bin-after/refuge" ]]; then BIN=$WORK/bin-after; else BIN=$WORK/bin-this; fi
fi
PG_ADMIN_URL=${PG_ADMIN_URL:-postgres://postgres@127.0.0.1:5432/postgres}
PG_DATABASE=${PG_DATABASE:-refuge_bench}
PG_RESTORE_DATABASE=${PG_RESTORE_DATABASE:-refuge_restore}
STEPS=${STEPS:-backup_sqlite,backup_postgres,restore_sqlite,restore_postgres,rotate_sqlite}
OPS="$WORK/ops"
mkdir -p "$OPS"
chmod 700 "$OPS"
RESULTS="$WORK/ops-$(date -u +%Y%m%dT%H%M%SZ).md"
if [[ ! -s "$WORK/backup-identity" ]]; then
  (umask 077; age-keygen -o "$WORK/backup-identity" 2> /dev/null)
fi
RECIPIENT=$(age-keygen -y "$WORK/backup-identity")

sqlite_url="$WORK/refuge-bench.db"
pg_url="${PG_ADMIN_URL%/*}/$PG_DATABASE"
pg_restore_url="${PG_ADMIN_URL%/*}/$PG_RESTORE_DATABASE"

size() { du -h --apparent-size "$1" | cut -f1; }
pg_size() { psql "$1" -tAc "SELECT pg_size_pretty(pg_database_size(current_database()))"; }

{
  echo "# Refuge operator commands, $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo
  echo "- refuge: $BIN/refuge ($(cat "$BIN/COMMIT" 2>/dev/null || echo 'commit not recorded'))"
  echo "- machine: $(nproc) cores, $(free -h | awk '/^Mem:/ {print $2}') memory, $(uname -sr)"
  echo "- SQLite database $(size "$sqlite_url"); PostgreSQL database $(pg_size "$pg_url" 2>/dev/null || echo '?')"
  echo
  echo "| step | wall s | user s | sys s | peak RSS MiB | load average before | output |"
  echo "|---|---:|---:|---:|---:|---|---|"
} | tee "$RESULTS"

# step url command…: runs the command with DATABASE_URL=url under time -v, and keeps its
# figures in WALL USER SYS RSS LOAD for the row.
timed() {
  local step=$1 url=$2
  shift 2
  LOAD=$(cut -d' ' -f1-3 /proc/loadavg)
  echo "=== $step ===" >&2
  env DATABASE_URL="$url" REFUGE_CONFIG_DIR="$BIN/config" REFUGE_MAIL__DIRECTORY="$WORK/mail" \
    REFUGE_DATA_KEY_FILE="${KEY_FILE:-$WORK/keys/refuge.keys}" \
    /usr/bin/time -v -o "$OPS/$step.time" "$@" < /dev/null > "$OPS/$step.log" 2>&1 \
    || { cat "$OPS/$step.log" "$OPS/$step.time" >&2; exit 1; }
  tail -n 3 "$OPS/$step.log" >&2
  read -r WALL USER SYS RSS < <(awk -F': ' '
    /Elapsed \(wall clock\)/ { n = split($2, t, ":"); wall = (n == 3) ? t[1] * 3600 + t[2] * 60 + t[3] : t[1] * 60 + t[2] }
    /User time/ { user = $2 } /System time/ { sys = $2 } /Maximum resident/ { rss = $2 / 1024 }
    END { printf "%.1f %.1f %.1f %.0f\n", wall, user, sys, rss }' "$OPS/$step.time")
}
row() { # step output-description
  echo "| $1 | $WALL | $USER | $SYS | $RSS | $LOAD | $2 |" | tee -a "$RESULTS"
}

for step in ${STEPS//,/ }; do
  case "$step" in
    backup_sqlite)
      rm -f "$OPS/backup-sqlite.age"
      timed "$step" "$sqlite_url" "$BIN/refuge" backup --to "$OPS/backup-sqlite.age" --recipient "$RECIPIENT"
      row "$step" "backup $(size "$OPS/backup-sqlite.age")"
      ;;
    backup_postgres)
      rm -f "$OPS/backup-postgres.age"
      timed "$step" "$pg_url" "$BIN/refuge" backup --to "$OPS/backup-postgres.age" --recipient "$RECIPIENT"
      row "$step" "backup $(size "$OPS/backup-postgres.age")"
      ;;
    restore_sqlite)
      rm -f "$OPS/restored.db" "$OPS/restored.db-wal" "$OPS/restored.db-shm"
      timed "$step" "$OPS/restored.db" "$BIN/refuge" restore --from "$OPS/backup-sqlite.age" --identity "$WORK/backup-identity"
      row "$step" "database $(size "$OPS/restored.db")"
      ;;
    restore_postgres)
      psql "$PG_ADMIN_URL" -q -v ON_ERROR_STOP=1 \
        -c "DROP DATABASE IF EXISTS $PG_RESTORE_DATABASE WITH (FORCE)" \
        -c "CREATE DATABASE $PG_RESTORE_DATABASE"
      timed "$step" "$pg_restore_url" "$BIN/refuge" restore --from "$OPS/backup-postgres.age" --identity "$WORK/backup-identity"
      row "$step" "database $(pg_size "$pg_restore_url")"
      ;;
    rotate_sqlite)
      # On copies: rotating appends a key to the key file and re-seals the database.
      rm -f "$OPS/rotate.db" "$OPS/rotate.db-wal" "$OPS/rotate.db-shm"
      (umask 077; sqlite3 "$sqlite_url" ".backup '$OPS/rotate.db'")
      mkdir -p "$OPS/keys"
      chmod 700 "$OPS/keys"
      install -m 600 "$WORK/keys/refuge.keys" "$OPS/keys/rotate.keys"
      KEY_FILE="$OPS/keys/rotate.keys" timed "$step" "$OPS/rotate.db" "$BIN/refuge" keys rotate
      row "$step" "$(grep -o 'Done: [0-9]* values re-sealed' "$OPS/$step.log" || echo 'see the log'); database $(size "$OPS/rotate.db")"
      ;;
    *) echo "unknown step $step" >&2; exit 2 ;;
  esac
done
echo "Results: $RESULTS" >&2
