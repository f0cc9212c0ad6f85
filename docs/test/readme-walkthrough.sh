#!/usr/bin/env bash
# Runs README.md's walkthrough as a new user would: every ```sh block that follows a
# "<!-- walkthrough -->" line, in order, unmodified, in one shell, in a scratch directory, against a
# fresh service on the embedded default (H2 file). Then checks what the walkthrough promised.
# Needs the jars built (mvn -q -DskipTests install, README's first command) and Java 17.
# Usage: docs/test/readme-walkthrough.sh    (exit 0 when every block ran and every check held)
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
service_jar="$repo/ledger-api/target/ledger-api-0.1.0-SNAPSHOT-exec.jar"
cli_jar="$repo/ledger-cli/target/ledger-cli-0.1.0-SNAPSHOT-exec.jar"
for jar in "$service_jar" "$cli_jar"; do
  [ -f "$jar" ] || { echo "readme-walkthrough: $jar is missing: build first (mvn -q -DskipTests install)" >&2; exit 2; }
done

work=$(mktemp -d)
service_pid=
cleanup() {
  local status=$?   # the script's own result: stopping the service (SIGTERM, 143) must not replace it
  if [ -n "$service_pid" ]; then kill "$service_pid" 2>/dev/null || true; wait "$service_pid" 2>/dev/null || true; fi
  if [ "${keep:-}" = yes ]; then echo "readme-walkthrough: kept $work" >&2; else rm -rf "$work"; fi
  exit "$status"
}
trap cleanup EXIT

# The user's clone, as far as the walkthrough reads it: the CLI jar and docs/examples.
mkdir -p "$work/ledger-cli/target" "$work/docs"
ln -s "$cli_jar" "$work/ledger-cli/target/"
cp -r "$repo/docs/examples" "$work/docs/"

# The service as README's first command starts it, from the same directory (its data dir is ./data),
# on a free port: the walkthrough reaches it through LEDGER_URL.
(cd "$work" && exec java -jar "$service_jar" --server.port=0 > service.log 2>&1) &
service_pid=$!
port=
for _ in $(seq 1 120); do
  port=$(sed -n 's/.*Tomcat started on port \([0-9]*\).*/\1/p' "$work/service.log" | head -1)
  [ -n "$port" ] && grep -q "Started LedgerApplication" "$work/service.log" && break
  kill -0 "$service_pid" 2>/dev/null || { cat "$work/service.log" >&2; echo "readme-walkthrough: the service did not start" >&2; exit 1; }
  sleep 1
done
[ -n "$port" ] || { keep=yes; echo "readme-walkthrough: the service did not start in 120 s" >&2; exit 1; }
export LEDGER_URL="http://localhost:$port"

awk '/^<!-- walkthrough -->$/ { armed = 1; next }
     armed && /^```sh$/ { inside = 1; armed = 0; next }
     inside && /^```$/ { inside = 0; print ""; next }
     inside { print }
     { armed = armed && /^$/ }' "$repo/README.md" > "$work/walkthrough.sh"
blocks=$(grep -c '^<!-- walkthrough -->$' "$repo/README.md")
[ "$blocks" -ge 4 ] || { echo "readme-walkthrough: only $blocks walkthrough blocks in README.md" >&2; exit 1; }

cat >> "$work/walkthrough.sh" <<'CHECKS'
# --- what the walkthrough promised (not in README) ---
fail() { echo "CHECK FAILED: $*" >&2; exit 1; }
ledger get --token $TOKEN "/api/v1/items?mark=fn%20herstal%20belgium%20gks-001-2345" | grep -q "\"itemId\":\"$ITEM\"" \
  || fail "the search by the whole marking does not find the pistol"
ledger get "/api/v1/items?mark=GKS00%3F2345&kind=WEAPON&calibre=9x19mm" | grep -q "\"itemId\":\"$ITEM\"" \
  || fail "the search by a partial serial does not find the pistol"
[ "$(ledger get --token $CD_TOKEN /api/v1/transfers/$TRANSFER --field state)" = RECEIVED ] || fail "the export is not RECEIVED"
[ "$(ledger get /api/v1/traces/$TRACE --field status)" = ANSWERED ] || fail "the trace is not ANSWERED"
[ "$(ledger get /api/v1/traces/$TRACE --field /report/candidates/0/itemId)" = "$ITEM" ] \
  || fail "the trace report's first candidate is not the pistol"
ledger verify-inclusion --record mark-record.json --url $URL --log-key log.vkey | grep -q '^OK record' \
  || fail "verify-inclusion did not verify the mark's record"
ledger verify-bundle evidence.json --log-key log.vkey | grep -q "^OK evidence for $ITEM" \
  || fail "verify-bundle did not verify the pistol's evidence bundle"
[ "$(ledger get --token $TOKEN /api/v1/items/$ITEM/epcis --field /epcisBody/eventList/0/bizStep)" = commissioning ] \
  || fail "the pistol's EPCIS export does not start with its commissioning"
echo "readme-walkthrough: every block ran, every check held"
CHECKS

cd "$work"
started=$(date +%s)
if ! bash -euo pipefail -O expand_aliases -x walkthrough.sh > walkthrough.log 2>&1; then
  keep=yes
  tail -40 walkthrough.log >&2
  echo "readme-walkthrough: FAILED ($work/walkthrough.log, service log $work/service.log)" >&2
  exit 1
fi
grep -v '^+' walkthrough.log | tail -1
echo "readme-walkthrough: $blocks blocks in $(( $(date +%s) - started )) s"
