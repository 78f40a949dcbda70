#!/usr/bin/env bash
# Runs `node --test` on the test files of a folder (tests/js, tests/browser, ...), found by
# node's own naming rules (*.test.mjs, test-*.js, ...); passes when the folder has none yet.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh

dir=${1:?usage: node-tests.sh DIR}
mapfile -t files < <(
  [ -d "$dir" ] && find "$dir" -type f -not -path '*/node_modules/*' \
    \( -name '*.test.js' -o -name '*.test.mjs' -o -name '*.test.cjs' \
    -o -name '*-test.js' -o -name '*-test.mjs' -o -name '*-test.cjs' \
    -o -name '*_test.js' -o -name '*_test.mjs' -o -name '*_test.cjs' \
    -o -name 'test-*.js' -o -name 'test-*.mjs' -o -name 'test-*.cjs' \
    -o -name 'test.js' -o -name 'test.mjs' -o -name 'test.cjs' \) | sort
)
if [ "${#files[@]}" -eq 0 ]; then
  echo "no test files in $dir yet"
  exit 0
fi
node --test ${NODE_TEST_ARGS:-} "${files[@]}"
