#!/usr/bin/env bash
# Serves www-demo/ with the emulator (it prints the URL), once `make build` has run.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh

emulator=target/release/signicat-emulator
[ -x "$emulator" ] || die "$emulator is missing: run make build"

# The emulator gains `--serve DIR` in its own time; until then say so instead of failing.
if ! timeout 10 "$emulator" --help 2>&1 </dev/null | grep -q -- '--serve'; then
  echo "make demo: coming soon (the emulator does not serve www-demo yet: no --serve in $emulator --help)"
  exit 0
fi

section "Emulator serving www-demo/ (Ctrl-C stops it)"
exec cargo run --release --quiet -p signicat-emulator -- --serve www-demo
