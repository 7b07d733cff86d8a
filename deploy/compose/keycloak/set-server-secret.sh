#!/bin/sh
# The realm file (deploy/keycloak/platepay-realm.json) holds no secret. Once Keycloak is up, this gives the
# platepay-server client the secret from the env file, so the servers can introspect tokens and manage attendants.
set -eu
KCADM=/opt/keycloak/bin/kcadm.sh
until $KCADM config credentials --server http://keycloak:8080 --realm master --user admin --password "$KEYCLOAK_ADMIN_PASSWORD" >/dev/null 2>&1; do
  echo "waiting for Keycloak ..."; sleep 3
done
until id=$($KCADM get clients -r platepay -q clientId=platepay-server --fields id --format csv --noquotes) && [ -n "$id" ]; do
  echo "waiting for the platepay realm ..."; sleep 3
done
$KCADM update "clients/$id" -r platepay -s "secret=$OIDC_CLIENT_SECRET"
echo "platepay-server client secret set"
