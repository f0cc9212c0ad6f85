#!/usr/bin/env bash
# Once per deployment: generates the keys and passwords docker/compose.yaml reads.
#   docker/init-env.sh [DIR]   (default: docker/) -> DIR/.env and DIR/keys/admin.key, admin.pub
# DIR/.env holds the log's signing seed, the protection key and the database password: keep it (and
# DIR/keys/admin.key, the administrator's private key) out of version control and backed up.
# Losing the log key means a new log; losing the protection key loses sealed licence references.
set -euo pipefail
dir="${1:-$(cd "$(dirname "$0")" && pwd)}"
country="${LEDGER_ADMIN_COUNTRY:-BE}"
if [ -e "$dir/.env" ]; then
  echo "$dir/.env exists: keys of a running ledger are never regenerated" >&2
  exit 1
fi
command -v openssl >/dev/null || { echo "needs openssl" >&2; exit 1; }
umask 077
mkdir -p "$dir/keys"

# an Ed25519 key pair as the ledger CLI writes it: base64 of the 32-byte seed, base64 of the raw public key
keypair() {
  local der
  der="$(mktemp)"
  openssl genpkey -algorithm ed25519 -outform DER -out "$der"
  tail -c 32 "$der" | base64 > "$1.key"
  openssl pkey -inform DER -in "$der" -pubout -outform DER | tail -c 32 | base64 > "$1.pub"
  rm -f "$der"
}
keypair "$dir/keys/admin"
keypair "$dir/keys/log"
chmod 644 "$dir/keys/admin.pub"

cat > "$dir/.env" <<ENV
POSTGRES_PASSWORD=$(openssl rand -hex 24)
LEDGER_ADMIN_PUBLIC_KEY=$(cat "$dir/keys/admin.pub")
LEDGER_ADMIN_COUNTRY=$country
LEDGER_LOG_PRIVATE_KEY=$(cat "$dir/keys/log.key")
LEDGER_PROTECTION_KEY=$(openssl rand -base64 32)
ENV
rm -f "$dir/keys/log.key" "$dir/keys/log.pub"
echo "wrote $dir/.env and $dir/keys/admin.key (the administrator's private key; sign RegisterActor with it)"
