#!/usr/bin/env bash
# Serves the demo page with the emulator, which prints the URL; `make build` has run.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh

emulator=target/release/signicat-emulator
[ -x "$emulator" ] || die "$emulator is missing: run make build"

# The page and the package it imports, in one folder the emulator serves (same origin as the API).
site=build/demo
rm -rf "$site"
mkdir -p "$site"
cp -r www-demo/. "$site/"
cp -r pkg "$site/pkg"

section "Emulator serving the demo (Ctrl-C stops it)"
# A few thousand extra accounts, so that paging shows as it would for a large customer.
exec "$emulator" --port "${PORT:-8787}" --accounts "${DEMO_ACCOUNTS:-2500}" --serve "$site"
