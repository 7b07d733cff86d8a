#!/usr/bin/env bash
# ./platepay token USER: an access token for a demo user from the demo's Keycloak, for curl.
set -euo pipefail
ROOT="${PLATEPAY_HOME:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}"
DATA="$ROOT/.platepay/demo"
KC_TARGET="$ROOT/deploy/keycloak/target"

usage() {
  cat <<'USAGE'
Usage: ./platepay token USER

Prints an access token (valid 5 minutes) for a demo user of the running demo: driver, operator, attendant or
admin. Use it as a bearer token:

  TOKEN=$(./platepay token driver)
  curl -s -H "Authorization: Bearer $TOKEN" http://localhost:8080/api/v1/me/charges

It signs in with the demo-only password-grant client platepay-demo-cli; real apps use the browser sign-in
(authorisation code with PKCE) instead.
USAGE
}

case "${1:-}" in
  -h|--help) usage; exit 0 ;;
  "") usage >&2; exit 2 ;;
esac
if [ ! -f "$DATA/keycloak/keycloak.env" ] || [ ! -f "$KC_TARGET/platepay-keycloak.jar" ]; then
  echo "token: no demo Keycloak here; start it with ./platepay demo" >&2
  exit 3
fi
exec java -cp "$KC_TARGET/platepay-keycloak.jar:$KC_TARGET/lib/*" com.platepay.keycloak.KeycloakMain token \
  --dir "$DATA/keycloak" --user "$1"
