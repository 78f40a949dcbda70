#!/usr/bin/env bash
# Release build of the wasm for one wasm-pack target: `web` (browsers, workers, bundlers)
# or `nodejs`, into build/<web|node>. Both share target/, so the second one only re-runs
# wasm-bindgen and wasm-opt.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh

target=${1:?usage: build-wasm.sh web|nodejs}
case "$target" in
  web) out=build/web ;;
  nodejs) out=build/node ;;
  *) die "unknown wasm-pack target '$target' (web or nodejs)" ;;
esac

# The optimizer must be binaryen from npm (see setup.sh); fail before wasm-pack picks another.
wasm_opt=$(command -v wasm-opt || true)
[ "$wasm_opt" = "$PWD/node_modules/.bin/wasm-opt" ] ||
  die "wasm-opt on PATH is '${wasm_opt:-none}', not node_modules/.bin/wasm-opt: run make setup"

section "wasm-pack build --release --target $target -> $out ($(wasm-opt --version))"
rm -rf "$out"
wasm-pack build --release --target "$target" --out-dir "$out" --no-pack
rm -f "$out/.gitignore"
