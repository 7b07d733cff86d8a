#!/usr/bin/env bash
# ./platepay faults: make the demo's simulated bank misbehave, to watch PlatePay stay exactly-once.
set -euo pipefail
ROOT="${PLATEPAY_HOME:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}"
BANK="${PLATEPAY_BANK_URL:-http://127.0.0.1:8089}"

# Suites with their own stack; everything else below acts on the running demo's bank.
case "${1:-}" in
  run)  shift; exec "$ROOT/faults/bin/faults" run "$@" ;;
  fuzz) shift; exec "$ROOT/fuzz/bin/fuzz" "$@" ;;
esac

usage() {
  cat <<'USAGE'
Usage: ./platepay faults run [--charges N] [--handhelds N] ...   (./platepay faults run --help)
       ./platepay faults fuzz [--count N] [--seed S] ...            (./platepay faults fuzz --help)
       ./platepay faults <fault> [--count N] [--delay-ms MS] [--bank URL]

  run            the fault suite: its own stack, many handhelds, faults in turn, exactly-once invariants checked
                 (README "Fault suite"); exits 1 when an invariant breaks
  fuzz           send 100,000 hostile device messages and REST bodies to the running demo and check money moved
                 only for valid charges, at most once (README "Fuzzing"); exits 1 when a pass condition fails

Faults for the next N debits (default 1) at the demo's simulated bank:
  bank-timeout   the bank takes the money but answers too late (after --delay-ms, default 5000):
                 the handheld hears DECLINED/BANK_TIMEOUT and the janitor reverses the debit
  late-debit     the debit reaches the bank only after --delay-ms: the janitor's reversal gets there first
                 and the bank refuses the late debit
  bank-error     the bank answers HTTP 500 without doing anything
  drop           the bank closes the connection without an answer
  slow MS        every debit takes MS milliseconds longer (latency, not a failure)
  show           print the faults in force
  clear          remove all faults
USAGE
}

[ $# -gt 0 ] || { usage; exit 2; }
fault="$1"; shift
COUNT=1 DELAY=5000 LATENCY=0
[ "$fault" = slow ] && { LATENCY="${1:?slow needs milliseconds}"; shift; }
while [ $# -gt 0 ]; do
  case "$1" in
    --count) COUNT="$2"; shift ;;
    --delay-ms) DELAY="$2"; shift ;;
    --bank) BANK="$2"; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "faults: unknown option $1" >&2; usage >&2; exit 2 ;;
  esac
  shift
done

post() { curl -fsS -X POST -H 'Content-Type: application/json' -d "$1" "$BANK/v1/faults" && echo; }
rule() { post "{\"latencyMs\":0,\"rules\":[{\"on\":\"DEBIT\",\"mode\":\"$1\",\"count\":$COUNT,\"delayMs\":$DELAY}]}"; }
case "$fault" in
  -h|--help|help) usage ;;
  bank-timeout) rule TIMEOUT_AFTER_PROCESSING ;;
  late-debit)   rule TIMEOUT_BEFORE_PROCESSING ;;
  bank-error)   rule ERROR_500 ;;
  drop)         rule DROP_CONNECTION ;;
  slow)         post "{\"latencyMs\":$LATENCY,\"rules\":[]}" ;;
  show)         curl -fsS "$BANK/v1/faults" && echo ;;
  clear)        curl -fsS -X DELETE "$BANK/v1/faults" && echo ;;
  *) echo "faults: unknown fault '$fault'" >&2; usage >&2; exit 2 ;;
esac
