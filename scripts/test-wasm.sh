#!/usr/bin/env bash
# The wasm-bindgen tests (tests/wasm), in Node and in headless Chromium. Both runners can
# exit 0 having run nothing (the browser one skips every test unless told to use the
# browser), so each run must report a positive count of passed tests.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh

log=$(mktemp)
trap 'rm -f "$log"' EXIT

# Runs "$@", showing its output, and fails unless it passed at least one test.
run_counted() {
  local label=$1
  shift
  "$@" 2>&1 | tee "$log"
  local passed
  passed=$(grep -oE 'test result: ok\. [0-9]+ passed' "$log" | awk '{ n += $4 } END { print n + 0 }')
  [ "$passed" -gt 0 ] || die "$label: no wasm test ran (0 passed); check the runner's output above"
  printf -- '--- %s: %s wasm tests passed\n' "$label" "$passed"
}

section "wasm tests in Node (wasm-pack test --node)"
run_counted node env -u WASM_BINDGEN_USE_BROWSER wasm-pack test --node

section "wasm tests in headless Chromium (wasm-pack test --headless --chrome, $(chromedriver --version | cut -d' ' -f1-2))"
run_counted chromium env WASM_BINDGEN_USE_BROWSER=1 wasm-pack test --headless --chrome
