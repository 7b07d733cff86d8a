#!/usr/bin/env bash
# The MQTT broker's certificate for deploy/compose: a CA (ca.pem, ca.key) and the EMQX nodes' certificate
# (broker.pem, broker.key) for the names devices and servers use. Usage: make-certs.sh DEVICE-HOSTNAME...
# With your own CA, put its ca.pem here and a broker.pem/broker.key it issued instead. Keys are created 0600 from the
# start (umask); nothing here goes into git (.gitignore). Devices are given ca.pem (their device file's caFile).
set -euo pipefail
umask 077
cd "$(dirname "${BASH_SOURCE[0]}")"
command -v openssl >/dev/null || { echo "make-certs.sh: openssl is required" >&2; exit 3; }
SAN="DNS:platepay-lb,DNS:localhost,IP:127.0.0.1"
for name in "$@"; do SAN="$SAN,DNS:$name"; done
if [ ! -s ca.key ]; then
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout ca.key -out ca.pem -days 3650 \
    -subj "/CN=PlatePay MQTT CA" -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign"
fi
openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout broker.key -out broker.csr -subj "/CN=${1:-platepay-lb}"
printf 'subjectAltName=%s\nextendedKeyUsage=serverAuth\n' "$SAN" > broker.ext
openssl x509 -req -in broker.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out broker.pem -days 825 -extfile broker.ext
rm -f broker.csr broker.ext
# The certificates are public; the key stays 0600, owned by the user EMQX runs as in its image (uid 1000), who must
# read it through the read-only mount. Without root, chown it yourself (or run the containers with your uid).
chmod 644 broker.pem ca.pem
if [ "$(id -u)" = 0 ]; then chown 1000:1000 broker.key; fi
echo "made $(pwd)/broker.pem for $SAN; give devices $(pwd)/ca.pem"
