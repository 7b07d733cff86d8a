#!/usr/bin/env bash
# A throwaway PostgreSQL cluster under the project, from the installed server binaries.
# Usage: pg.sh start|stop|status|destroy   (env: PGDATA, PGPORT, PGBIN, PG_APP_USER, PG_APP_PASSWORD, PG_APP_DB)
# PostgreSQL refuses to run as root, so as root every command runs as the `postgres` OS user.
# Authentication: TCP (127.0.0.1, ::1) only with a password, scram-sha-256; the Unix socket, kept inside PGDATA
# (mode 0700), only for the OS user that owns the cluster (peer). No trust anywhere. The app role's password comes
# from PG_APP_PASSWORD (the demo generates it into a 0600 file) and reaches psql on stdin, never on a command line.
set -euo pipefail
umask 077

PGBIN=${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}
PGDATA=${PGDATA:?set PGDATA}
PGPORT=${PGPORT:-55432}
APP_USER=${PG_APP_USER:-platepay}
APP_DB=${PG_APP_DB:-platepay}

if [ -z "$PGBIN" ] || [ ! -x "$PGBIN/initdb" ]; then
  echo "pg.sh: no PostgreSQL server binaries under /usr/lib/postgresql (apt-get install postgresql)" >&2
  exit 3
fi
if [ "$(id -u)" = 0 ]; then
  id postgres >/dev/null 2>&1 || { echo "pg.sh: running as root needs the postgres OS user (apt-get install postgresql)" >&2; exit 3; }
  RUNAS=(runuser -u postgres --)
  SUPERUSER=postgres
else
  RUNAS=()
  SUPERUSER=$(id -un)
fi
as_pg() { (cd / && "${RUNAS[@]}" "$@"); }
# The cluster owner's own session over the socket in PGDATA (peer), for creating roles and setting passwords.
admin_sql() { as_pg "$PGBIN/psql" -q -v ON_ERROR_STOP=1 -h "$PGDATA" -p "$PGPORT" -U "${1:-$SUPERUSER}" -d postgres -f -; }
sql_text() { printf "'%s'" "${1//\'/\'\'}"; }

running() { as_pg "$PGBIN/pg_ctl" -D "$PGDATA" status >/dev/null 2>&1; }

HBA="local all $SUPERUSER peer
host all all 127.0.0.1/32 scram-sha-256
host all all ::1/128 scram-sha-256"

case "${1:-}" in
  start)
    APP_PASSWORD=${PG_APP_PASSWORD:?set PG_APP_PASSWORD (the demo keeps it in .platepay/demo/db-password)}
    if [ ! -s "$PGDATA/PG_VERSION" ]; then
      mkdir -p "$PGDATA"
      [ "$(id -u)" = 0 ] && chown postgres:postgres "$PGDATA"
      chmod 700 "$PGDATA"
      as_pg "$PGBIN/initdb" -D "$PGDATA" -U "$SUPERUSER" --auth-local=peer --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >/dev/null
      fresh=1
    fi
    if ! running; then
      as_pg "$PGBIN/pg_ctl" -D "$PGDATA" -l "$PGDATA/server.log" -w -t 30 \
        -o "-p $PGPORT -k $PGDATA -c listen_addresses=127.0.0.1 -c password_encryption=scram-sha-256" start >/dev/null
    fi
    if [ "${fresh:-0}" = 1 ]; then
      admin_sql <<SQL
SET password_encryption = 'scram-sha-256';
CREATE ROLE $APP_USER LOGIN PASSWORD $(sql_text "$APP_PASSWORD");
CREATE DATABASE $APP_DB OWNER $APP_USER;
SQL
    elif as_pg grep -qE '^[[:space:]]*(local|host)[^#]*[[:space:]]trust([[:space:]]|$)' "$PGDATA/pg_hba.conf"; then
      # A cluster made before passwords (trust): give the app role its password, then require it.
      echo "pg.sh: switching $PGDATA from trust to scram-sha-256"
      admin_sql postgres <<SQL
SET password_encryption = 'scram-sha-256';
ALTER ROLE $APP_USER PASSWORD $(sql_text "$APP_PASSWORD");
SQL
      printf '%s\n' "$HBA" | as_pg tee "$PGDATA/pg_hba.conf" >/dev/null
      as_pg "$PGBIN/pg_ctl" -D "$PGDATA" reload >/dev/null
    fi
    ;;
  stop)    running && as_pg "$PGBIN/pg_ctl" -D "$PGDATA" -m fast -w stop >/dev/null || true ;;
  status)  running && echo "running on 127.0.0.1:$PGPORT" || { echo "stopped"; exit 1; } ;;
  destroy) "$0" stop; rm -rf "$PGDATA" ;;
  *) echo "usage: pg.sh start|stop|status|destroy" >&2; exit 2 ;;
esac
