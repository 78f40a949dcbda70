#!/usr/bin/env bash
# Type-checks tests/types/*.ts and *.cts, as a user's TypeScript project would, against the
# package installed in build/consumer: `tsc --strict --noEmit`, once with Node's resolution
# (import and require) and once with a bundler's.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh

consumer=build/consumer
[ -d "$consumer/node_modules/signicat-account-management" ] || die "$consumer has no package installed: run make test-types"

rm -rf "$consumer/types"
cp -r tests/types "$consumer/types"

for config in tsconfig.node.json tsconfig.bundler.json; do
  section "TypeScript consumer (tsc $(tsc --version | cut -d' ' -f2), tests/types/$config)"
  tsc --strict --noEmit -p "$consumer/types/$config"
  echo "ok"
done

section "Every generated type is re-exported (tests/types/reexports.test.mjs)"
PKG_CONSUMER="$PWD/$consumer" node --test ${NODE_TEST_ARGS:-} tests/types/reexports.test.mjs
