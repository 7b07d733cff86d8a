#!/usr/bin/env bash
# ./platepay demo: the whole stack on embedded defaults, with seed data. Ctrl-C stops everything.
set -euo pipefail
ROOT="${PLATEPAY_HOME:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}"
DATA="$ROOT/.platepay/demo"
HTTP_PORT=8080 MQTT_PORT=8883 PLAIN_MQTT_PORT="" BANK_PORT=8089 PG_PORT=55432 KC_PORT=8180 FRESH=0 BUILD=0 ACQUIRER=http ISO_PORT=8583

usage() {
  cat <<'USAGE'
Usage: ./platepay demo [--fresh] [--build] [--acquirer http|iso8583] [--http-port N] [--mqtt-port N] [--plain-mqtt-port N]
                      [--bank-port N] [--iso-port N] [--pg-port N] [--keycloak-port N]

Starts PostgreSQL (the installed server binaries, run as the postgres user when you are root; the embedded
PostgreSQL the tests use when none is installed), Keycloak with the platepay realm and demo users, the
simulated bank, and the PlatePay server with its embedded MQTT broker, then seeds an operator, a GAS station
with a handheld and an attendant, a PARKING lot and a driver whose plate 黑E12345 is bound to a demo debit card.
Data lives in .platepay/demo/ and survives restarts. Devices reach the broker over TLS (mqtts://): the first start
makes a local CA and the broker's certificate in .platepay/demo/tls/, and the device files name the CA to check.
PostgreSQL takes the app's generated password (scram-sha-256). Every secret file is created 0600.

  --fresh        start from empty data (deletes .platepay/demo)
  --build        rebuild the jars first (otherwise built only when missing)
  --http-port N  server HTTP port (default 8080)
  --mqtt-port N  embedded broker's TLS port, mqtts:// (default 8883)
  --plain-mqtt-port N  also serve plain MQTT on this port, for devices without TLS (default: none)
  --bank-port N  simulated bank port (default 8089); with iso8583, the acquirer host's back office
  --acquirer A   http (the simulated HTTP bank, default) or iso8583 (the jPOS acquirer host, ISO 8583)
  --iso-port N   the acquirer host's ISO 8583 port with --acquirer iso8583 (default 8583)
  --pg-port N    PostgreSQL port (default 55432)
  --keycloak-port N  Keycloak port (default 8180)
USAGE
}

while [ $# -gt 0 ]; do
  case "$1" in
    --fresh) FRESH=1 ;;
    --build) BUILD=1 ;;
    --http-port) HTTP_PORT="$2"; shift ;;
    --mqtt-port) MQTT_PORT="$2"; shift ;;
    --plain-mqtt-port) PLAIN_MQTT_PORT="$2"; shift ;;
    --bank-port) BANK_PORT="$2"; shift ;;
    --pg-port) PG_PORT="$2"; shift ;;
    --keycloak-port) KC_PORT="$2"; shift ;;
    --acquirer) ACQUIRER="$2"; shift ;;
    --iso-port) ISO_PORT="$2"; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "demo: unknown option $1" >&2; usage >&2; exit 2 ;;
  esac
  shift
done

case "$ACQUIRER" in http|iso8583) ;; *) echo "demo: --acquirer is http or iso8583" >&2; exit 2 ;; esac
[ "$ACQUIRER" = iso8583 ] || ISO_PORT=""
for cmd in java curl keytool; do
  command -v "$cmd" >/dev/null || { echo "demo: '$cmd' is required" >&2; exit 3; }
done
for port in "$HTTP_PORT" "$MQTT_PORT" $PLAIN_MQTT_PORT "$BANK_PORT" "$KC_PORT" $ISO_PORT; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "demo: port $port is already in use (is another demo running?). Choose others with --http-port/--mqtt-port/--bank-port/--keycloak-port." >&2
    exit 3
  fi
done

SERVER_JAR="$ROOT/server/target/quarkus-app/quarkus-run.jar"
BANK_JAR="$ROOT/bank-simulator/target/bank-simulator.jar"
HOST_JAR="$ROOT/acquirer-host/target/acquirer-host.jar"
PG_LAUNCHER="$ROOT/deploy/embedded-postgres/target"
KC_TARGET="$ROOT/deploy/keycloak/target"
KC_DIST="$KC_TARGET/keycloak-dist/keycloak-quarkus-dist.zip"
if [ "$BUILD" = 1 ] || [ ! -f "$SERVER_JAR" ] || [ ! -f "$BANK_JAR" ] || [ ! -f "$HOST_JAR" ] || [ ! -d "$ROOT/handheld-protocol/target/lib" ] \
   || [ ! -d "$PG_LAUNCHER/lib" ] || [ ! -f "$KC_DIST" ] || [ ! -d "$KC_TARGET/lib" ]; then
  echo "Building PlatePay (first run only; a few minutes)..."
  (cd "$ROOT" && ./mvnw -q -DskipTests package -pl server,bank-simulator,acquirer-host,handheld-protocol,deploy/embedded-postgres,deploy/keycloak -am)
fi
# From here on every file the demo (and what it starts) creates is private to this user from the start: keys,
# passwords, the bank's card numbers, logs. The two folders PostgreSQL must enter are opened on purpose below.
umask 077
# The installed PostgreSQL when there is one, else the embedded PostgreSQL the tests use.
if ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then PG_MODE=installed; else PG_MODE=embedded; fi

if [ "$FRESH" = 1 ]; then
  [ -d "$DATA/pgdata" ] && PGDATA="$DATA/pgdata" "$ROOT/deploy/local/pg.sh" destroy >/dev/null 2>&1 || true
  rm -rf "$DATA"
fi
mkdir -p "$DATA/logs"
chmod 755 "$ROOT/.platepay" "$DATA" 2>/dev/null || true   # postgres must be able to reach its data folder
# The installed server runs as the postgres user, who cannot enter a project under a private folder (/root, a
# mktemp folder): then, and whenever the data already lives there, the embedded PostgreSQL serves instead.
if [ "$PG_MODE" = installed ] && [ ! -d "$DATA/pgdata" ]; then
  if [ -d "$DATA/embedded-pgdata" ]; then
    PG_MODE=embedded
  elif [ "$(id -u)" = 0 ] && ! runuser -u postgres -- test -x "$DATA" 2>/dev/null; then
    echo "demo: the postgres user cannot reach $DATA (a parent folder is private); using the embedded PostgreSQL"
    PG_MODE=embedded
  fi
fi

# Secrets made on this machine, never in git (0600 through the umask above).
random_secret() { head -c 24 /dev/urandom | base64 | tr -d '/+=\n'; }
[ -s "$DATA/vault.key" ] || head -c 32 /dev/urandom | base64 > "$DATA/vault.key"
[ -s "$DATA/db-password" ] || random_secret > "$DATA/db-password"

# MQTT over TLS: a local CA and the broker's certificate (localhost, 127.0.0.1 and this host's name), made once with
# the JDK's keytool. ca.pem is what devices trust; ca.p12 (the CA's key) and broker.p12 stay here.
TLS="$DATA/tls"
if [ ! -s "$TLS/broker.p12" ] || [ ! -s "$TLS/ca.pem" ]; then
  echo "Making a local CA and the MQTT broker's certificate in $TLS ..."
  rm -rf "$TLS"; mkdir -p "$TLS"
  random_secret > "$TLS/keystore-password"
  kt() { keytool "$@" -storetype PKCS12 -storepass:file "$TLS/keystore-password" >/dev/null 2>>"$TLS/keytool.log"; }
  SAN="dns:localhost,ip:127.0.0.1"
  HOSTNAME_SAN="$(hostname 2>/dev/null || true)"
  case "$HOSTNAME_SAN" in ""|localhost|*[!A-Za-z0-9.-]*) ;; *) SAN="$SAN,dns:$HOSTNAME_SAN" ;; esac
  (cd "$TLS" &&
    kt -genkeypair -alias ca -keyalg EC -groupname secp256r1 -dname "CN=PlatePay demo CA" -ext bc:c -validity 3650 -keystore ca.p12 &&
    kt -exportcert -rfc -alias ca -keystore ca.p12 -file ca.pem &&
    kt -genkeypair -alias broker -keyalg EC -groupname secp256r1 -dname "CN=localhost" -validity 825 -keystore broker.p12 &&
    kt -certreq -alias broker -keystore broker.p12 -file broker.csr &&
    kt -gencert -alias ca -keystore ca.p12 -infile broker.csr -outfile broker.pem -rfc -ext "SAN=$SAN" -ext EKU=serverAuth -validity 825 &&
    kt -importcert -noprompt -alias ca -keystore broker.p12 -file ca.pem &&
    kt -importcert -alias broker -keystore broker.p12 -file broker.pem &&
    rm -f broker.csr) || { echo "demo: keytool could not make the certificates:" >&2; cat "$TLS/keytool.log" >&2; exit 1; }
fi

PIDS=()
cleanup() {
  trap - INT TERM EXIT
  echo
  echo "Stopping PlatePay demo..."
  # Newest first: the server stops before the bank and the database it uses.
  for ((i = ${#PIDS[@]} - 1; i >= 0; i--)); do
    kill "${PIDS[i]}" 2>/dev/null || true
    wait "${PIDS[i]}" 2>/dev/null || true
  done
  [ "$PG_MODE" = installed ] && { PGDATA="$DATA/pgdata" PGPORT="$PG_PORT" "$ROOT/deploy/local/pg.sh" stop || true; }
  echo "Stopped. Data kept in $DATA (./platepay demo --fresh to start empty)."
}
trap cleanup INT TERM EXIT

echo "Starting PostgreSQL ($PG_MODE) on 127.0.0.1:$PG_PORT ..."
if [ "$PG_MODE" = installed ]; then
  PGDATA="$DATA/pgdata" PGPORT="$PG_PORT" PG_APP_PASSWORD="$(cat "$DATA/db-password")" "$ROOT/deploy/local/pg.sh" start
else
  java -cp "$PG_LAUNCHER/classes:$PG_LAUNCHER/lib/*" com.platepay.deploy.EmbeddedPostgresLauncher \
    "$DATA/embedded-pgdata" "$PG_PORT" "$DATA/db-password" > "$DATA/logs/postgres.log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 60); do grep -q "ready on" "$DATA/logs/postgres.log" 2>/dev/null && break; sleep 1; done
  grep -q "ready on" "$DATA/logs/postgres.log" || { echo "demo: embedded PostgreSQL did not start:" >&2; tail -n 20 "$DATA/logs/postgres.log" >&2; exit 1; }
fi

echo "Starting Keycloak on http://127.0.0.1:$KC_PORT (the first start takes about a minute) ..."
java -cp "$KC_TARGET/platepay-keycloak.jar:$KC_TARGET/lib/*" com.platepay.keycloak.KeycloakMain start \
  --dist "$KC_DIST" --dir "$DATA/keycloak" --port "$KC_PORT" --app-origin "http://localhost:$HTTP_PORT" --demo-users > "$DATA/logs/keycloak-launcher.log" 2>&1 &
KC_PID=$!
PIDS+=($KC_PID)

if [ "$ACQUIRER" = iso8583 ]; then
  echo "Starting the ISO 8583 acquirer host (jPOS) on 127.0.0.1:$ISO_PORT, its back office on :$BANK_PORT ..."
  java -jar "$HOST_JAR" --host 127.0.0.1 --iso-port "$ISO_PORT" --admin-port "$BANK_PORT" \
    --state "$DATA/acquirer-host-state.json" > "$DATA/logs/acquirer-host.log" 2>&1 &
else
  echo "Starting the simulated bank on 127.0.0.1:$BANK_PORT ..."
  java -jar "$BANK_JAR" --host 127.0.0.1 --port "$BANK_PORT" --state "$DATA/bank-state.json" > "$DATA/logs/bank.log" 2>&1 &
fi
PIDS+=($!)

for i in $(seq 1 300); do
  grep -q "^keycloak ready" "$DATA/logs/keycloak-launcher.log" 2>/dev/null && break
  kill -0 "$KC_PID" 2>/dev/null || break
  [ $((i % 10)) = 0 ] && echo "  still waiting for Keycloak (${i} s) ..."
  sleep 1
done
if ! grep -q "^keycloak ready" "$DATA/logs/keycloak-launcher.log" 2>/dev/null; then
  echo "demo: Keycloak did not start. Last lines of $DATA/logs/keycloak-launcher.log and $DATA/keycloak/keycloak.log:" >&2
  tail -n 15 "$DATA/logs/keycloak-launcher.log" >&2
  tail -n 15 "$DATA/keycloak/keycloak.log" >&2 2>/dev/null || true
  exit 1
fi
# OIDC_URL, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET (the server's service account); written 0600 by the launcher.
set -a; . "$DATA/keycloak/keycloak.env"; set +a

echo "Starting the PlatePay server on :$HTTP_PORT with its MQTT broker on mqtts://127.0.0.1:$MQTT_PORT ..."
DB_HOST=127.0.0.1 DB_PORT="$PG_PORT" DB_NAME=platepay DB_USER=platepay DB_PASSWORD="$(cat "$DATA/db-password")" \
PLATEPAY_VAULT_KEY="$(cat "$DATA/vault.key")" PLATEPAY_BANK_URL="http://127.0.0.1:$BANK_PORT" \
MQTT_PORT="$MQTT_PORT" MQTT_TLS=true MQTT_KEYSTORE="$TLS/broker.p12" MQTT_KEYSTORE_PASSWORD="$(cat "$TLS/keystore-password")" \
MQTT_TLS_CA_FILE="$TLS/ca.pem" MQTT_CLIENT_CA_FILE="$TLS/ca.pem" MQTT_PLAIN_PORT="$PLAIN_MQTT_PORT" \
HTTP_PORT="$HTTP_PORT" PLATEPAY_DEMO_DIR="$DATA" \
PLATEPAY_MQTT_SIGNING_KEY_FILE="$DATA/server-signing.key" \
PLATEPAY_BANK_ACQUIRER="$ACQUIRER" PLATEPAY_ISO8583_PORT="${ISO_PORT:-8583}" \
  java -Dquarkus.profile=demo -Dplatepay.mqtt.embedded.data-dir="$DATA/hivemq" \
    -Dplatepay.bank.iso8583.state-dir="$DATA/iso8583" -jar "$SERVER_JAR" > "$DATA/logs/server.log" 2>&1 &
SERVER_PID=$!
PIDS+=($SERVER_PID)

for _ in $(seq 1 120); do
  if curl -fs "http://127.0.0.1:$HTTP_PORT/q/health/ready" >/dev/null 2>&1 && [ -s "$DATA/handheld.json" ] && [ -s "$DATA/lane-exit.json" ]; then
    READY=1; break
  fi
  kill -0 "$SERVER_PID" 2>/dev/null || break
  sleep 1
done
if [ "${READY:-0}" != 1 ]; then
  echo "demo: the server did not become ready. Last lines of $DATA/logs/server.log:" >&2
  tail -n 30 "$DATA/logs/server.log" >&2
  exit 1
fi

# Per-device TLS client certificates (optional on the broker, MQTT_CLIENT_CA_FILE): each demo device gets its own
# from the demo CA, named after it (CN = the device id), and its device file names it. Its password is still needed.
issue_client_certificate() {
  local file="$1" id pw
  grep -q '"clientCertificate"' "$file" && return 0
  id="$(sed -n 's/^ *"deviceId" : "\([0-9a-f-]*\)".*/\1/p' "$file")"
  [ -n "$id" ] || return 0
  mkdir -p "$TLS/devices"
  random_secret > "$TLS/devices/$id.password"
  pw="$(cat "$TLS/devices/$id.password")"
  ktd() { keytool "$@" -storetype PKCS12 -storepass:file "$id.password"; }
  if (cd "$TLS/devices" && rm -f "$id.p12" &&
      ktd -genkeypair -alias device -keyalg EC -groupname secp256r1 -dname "CN=$id" -validity 825 -keystore "$id.p12" &&
      ktd -certreq -alias device -keystore "$id.p12" -file "$id.csr" &&
      keytool -gencert -alias ca -keystore ../ca.p12 -storetype PKCS12 -storepass:file ../keystore-password \
        -infile "$id.csr" -outfile "$id.pem" -rfc -ext EKU=clientAuth -validity 825 &&
      ktd -importcert -noprompt -alias ca -keystore "$id.p12" -file ../ca.pem &&
      ktd -importcert -alias device -keystore "$id.p12" -file "$id.pem" &&
      rm -f "$id.csr" "$id.pem") >/dev/null 2>>"$TLS/keytool.log"; then
    sed -i "1s|^{\$|{\n  \"clientCertificate\" : \"$TLS/devices/$id.p12\",\n  \"clientCertificatePassword\" : \"$pw\",|" "$file"
  else
    echo "demo: could not issue a client certificate for $file (see $TLS/keytool.log); it connects with its password only" >&2
  fi
}
for device_file in "$DATA/handheld.json" "$DATA/lane-entry.json" "$DATA/lane-exit.json"; do
  [ -s "$device_file" ] && issue_client_certificate "$device_file"
done

# Camera frames of the demo plate's car for the lane boxes (the edge agent's synthetic plate renderer).
CAR_IMAGES="$DATA/lane-images/heiE12345"
if [ ! -d "$CAR_IMAGES" ]; then
  echo "Rendering camera frames of the demo car (builds the edge agent on its first run)..."
  "$ROOT/edge-agent/bin/edge-agent" lane-images --plate 黑E12345 --out "$CAR_IMAGES" > "$DATA/logs/lane-images.log" 2>&1 \
    || echo "demo: could not render the car frames (see $DATA/logs/lane-images.log); the lanes need fonts-noto-cjk" >&2
fi
CAR_REL="${CAR_IMAGES#"$ROOT"/}"

# The demo accounts and their generated passwords (kept 0600 in $DATA/keycloak/demo-users.properties).
demo_users() {
  local user password what
  printf '  %-10s %-34s %s\n' user password "what it has"
  for user in driver operator attendant admin; do
    password="$(sed -n "s/^$user=//p" "$DATA/keycloak/demo-users.properties")"
    case "$user" in
      driver) what="plate 黑E12345 bound to a demo debit card with CNY 2,000.00 at the bank" ;;
      operator) what='owns "Daqing CNG Station 1" (with a handheld) and "Daqing Central Parking"' ;;
      attendant) what='works at "Daqing CNG Station 1"' ;;
      admin) what="the audit log and every charge" ;;
    esac
    printf '  %-10s %-34s %s\n' "$user" "$password" "$what"
  done
}

cat <<INFO

PlatePay demo is running.
  Driver app      http://localhost:$HTTP_PORT/
  Operator console http://localhost:$HTTP_PORT/console/   (live charges, refunds, reviews, devices, staff, settlement, charts)
  Server API      http://localhost:$HTTP_PORT/api/v1     (OpenAPI: http://localhost:$HTTP_PORT/q/openapi)
  Health          http://localhost:$HTTP_PORT/q/health
  MQTT broker     mqtts://127.0.0.1:$MQTT_PORT (TLS; devices check it against $TLS/ca.pem; per-device credentials
                  and client certificates from that CA, $TLS/devices/)${PLAIN_MQTT_PORT:+
                  tcp://127.0.0.1:$PLAIN_MQTT_PORT (plain MQTT, as asked with --plain-mqtt-port)}
  Simulated bank  http://127.0.0.1:$BANK_PORT${ISO_PORT:+ (back office; ISO 8583 host on 127.0.0.1:$ISO_PORT)}
  Logs            $DATA/logs/

Sign in (Keycloak, realm platepay): open http://localhost:$HTTP_PORT/ and choose driver or staff.
  Your account    http://127.0.0.1:$KC_PORT/realms/platepay/account
  Keycloak admin  http://127.0.0.1:$KC_PORT/admin/  (user admin, password in $DATA/keycloak/keycloak-admin-password)
$(demo_users)

Charge the demo plate from the handheld (paste this in another terminal):
  ./platepay handheld charge --plate 黑E12345 --amount 128.50

Drive the demo car through the parking lot (entry, then exit; each exits 0 when the barrier opened):
  ./platepay lane --lane entry --images $CAR_REL
  ./platepay lane --lane exit --images $CAR_REL

See it as the driver, with a token from Keycloak:
  TOKEN=\$(./platepay token driver)
  curl -s -H "Authorization: Bearer \$TOKEN" http://localhost:$HTTP_PORT/api/v1/me/charges
Reconcile today at the demo station (the console's Settlement page does the same), or read the bank's own file:
  curl -s -H "Authorization: Bearer \$(./platepay token operator)" "http://localhost:$HTTP_PORT/api/v1/operator/sites"
  curl -s "http://127.0.0.1:$BANK_PORT/v1/settlement-files/<siteId>/\$(TZ=Asia/Shanghai date +%F)?zone=Asia/Shanghai"
Check the card's balance at the bank:
  curl -s -X POST -H 'Content-Type: application/json' -d '{"pan":"6222020000012345674"}' http://127.0.0.1:$BANK_PORT/v1/accounts/lookup

Press Ctrl-C to stop.
INFO

wait "$SERVER_PID"
