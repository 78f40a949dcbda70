#!/usr/bin/env bash
# Runs examples/list-accounts.mjs against a fresh emulator, as a user would run it against Signicat.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh

emulator=target/release/signicat-emulator
[ -x "$emulator" ] || die "$emulator is missing: run make build"

# The example imports the package by name, as a user's script does: resolve it to pkg/.
mkdir -p examples/node_modules
ln -sfn ../../pkg examples/node_modules/signicat-account-management

coproc EMULATOR { exec "$emulator" --port 0 --seed 7 --exit-with-stdin; }
trap 'kill "$EMULATOR_PID" 2>/dev/null || true' EXIT
read -r announcement <&"${EMULATOR[0]}"
field() { node -e 'process.stdout.write(JSON.parse(process.argv[1])[process.argv[2]])' "$announcement" "$1"; }

section "node examples/list-accounts.mjs (emulator at $(field origin))"
SIGNICAT_BASE_URL=$(field baseUrl) SIGNICAT_TOKEN_URL=$(field tokenUrl) \
  SIGNICAT_CLIENT_ID=$(field clientId) SIGNICAT_CLIENT_SECRET=$(field clientSecret) \
  node examples/list-accounts.mjs
