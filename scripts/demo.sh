#!/usr/bin/env bash
# Serves the demo page and the reference with the emulator, which prints the URL; `make build`
# and `make docs` have run. Arguments go to the emulator (e.g. `--exit-with-stdin` for a test).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh

emulator=target/release/signicat-emulator
[ -x "$emulator" ] || die "$emulator is missing: run make build"

[ -f build/docs/index.html ] || die "build/docs is missing: run make docs"

# The page, the package it imports and the reference (/docs/), in one folder the emulator
# serves (same origin as the API); DEMO_SITE lets a test build its own.
site=${DEMO_SITE:-build/demo}
rm -rf "$site"
mkdir -p "$site"
cp -r www-demo/. "$site/"
cp -r pkg "$site/pkg"
cp -r build/docs "$site/docs"

port=${PORT:-8787}
section "The command line against it, from another terminal"
printf '  export SIGNICAT_CLIENT_ID=demo-client SIGNICAT_CLIENT_SECRET=demo-secret\n'
printf '  cli/bin/signicat-am.mjs --base-url http://127.0.0.1:%s/account-management --token-url http://127.0.0.1:%s/auth/open/connect/token accounts list\n' "$port" "$port"

section "Emulator serving the demo (Ctrl-C stops it)"
# A few thousand extra accounts, so that paging shows as it would for a large customer.
exec "$emulator" --port "$port" --accounts "${DEMO_ACCOUNTS:-2500}" --serve "$site" "$@"
