#!/usr/bin/env bash
# A throwaway PostgreSQL cluster under the project, from the installed server binaries.
# Usage: pg.sh start|stop|status|destroy   (env: PGDATA, PGPORT, PGBIN, PG_APP_USER, PG_APP_PASSWORD, PG_APP_DB)
# PostgreSQL refuses to run as root, so as root every command runs as the `postgres` OS user.
set -euo pipefail

PGBIN=${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}
PGDATA=${PGDATA:?set PGDATA}
PGPORT=${PGPORT:-55432}
APP_USER=${PG_APP_USER:-platepay}
APP_PASSWORD=${PG_APP_PASSWORD:-platepay}
APP_DB=${PG_APP_DB:-platepay}

if [ -z "$PGBIN" ] || [ ! -x "$PGBIN/initdb" ]; then
  echo "pg.sh: no PostgreSQL server binaries under /usr/lib/postgresql (apt-get install postgresql)" >&2
  exit 3
fi
if [ "$(id -u)" = 0 ]; then
  id postgres >/dev/null 2>&1 || { echo "pg.sh: running as root needs the postgres OS user (apt-get install postgresql)" >&2; exit 3; }
  RUNAS=(runuser -u postgres --)
else
  RUNAS=()
fi
as_pg() { (cd / && "${RUNAS[@]}" "$@"); }

running() { as_pg "$PGBIN/pg_ctl" -D "$PGDATA" status >/dev/null 2>&1; }

case "${1:-}" in
  start)
    if [ ! -s "$PGDATA/PG_VERSION" ]; then
      mkdir -p "$PGDATA"
      [ "$(id -u)" = 0 ] && chown postgres:postgres "$PGDATA"
      chmod 700 "$PGDATA"
      as_pg "$PGBIN/initdb" -D "$PGDATA" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
      fresh=1
    fi
    if ! running; then
      as_pg "$PGBIN/pg_ctl" -D "$PGDATA" -l "$PGDATA/server.log" -w -t 30 \
        -o "-p $PGPORT -k $PGDATA -c listen_addresses=127.0.0.1" start >/dev/null
    fi
    if [ "${fresh:-0}" = 1 ]; then
      as_pg "$PGBIN/psql" -q -h 127.0.0.1 -p "$PGPORT" -U postgres -c "CREATE ROLE $APP_USER LOGIN PASSWORD '$APP_PASSWORD'" >/dev/null
      as_pg "$PGBIN/createdb" -h 127.0.0.1 -p "$PGPORT" -U postgres -O "$APP_USER" "$APP_DB"
    fi
    ;;
  stop)    running && as_pg "$PGBIN/pg_ctl" -D "$PGDATA" -m fast -w stop >/dev/null || true ;;
  status)  running && echo "running on 127.0.0.1:$PGPORT" || { echo "stopped"; exit 1; } ;;
  destroy) "$0" stop; rm -rf "$PGDATA" ;;
  *) echo "usage: pg.sh start|stop|status|destroy" >&2; exit 2 ;;
esac
