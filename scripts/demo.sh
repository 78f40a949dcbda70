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

section "Emulator serving the demo (Ctrl-C stops it)"
# A few thousand extra accounts, so that paging shows as it would for a large customer.
exec "$emulator" --port "${PORT:-8787}" --accounts "${DEMO_ACCOUNTS:-2500}" --serve "$site" "$@"
