#!/usr/bin/env bash
# Release build of one crate's wasm for one wasm-pack target: `web` (browsers, workers,
# bundlers) or `nodejs`. The SDK (the default crate, `.`) goes to build/<web|node>, the
# in-process emulator (`emulator/wasm`, the package's `./testing` export) to
# build/testing-<web|node>. Every build shares target/, so the second target of a crate only
# re-runs wasm-bindgen and wasm-opt.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh

target=${1:?usage: build-wasm.sh web|nodejs [crate directory, default .]}
crate=${2:-.}
case "$target" in
  web) suffix=web ;;
  nodejs) suffix=node ;;
  *) die "unknown wasm-pack target '$target' (web or nodejs)" ;;
esac
case "$crate" in
  .) out=build/$suffix ;;
  emulator/wasm) out=build/testing-$suffix ;;
  *) die "unknown crate '$crate' (. or emulator/wasm)" ;;
esac
[ -f "$crate/Cargo.toml" ] || die "$crate/Cargo.toml does not exist"

# The optimizer must be binaryen from npm (see setup.sh); fail before wasm-pack picks another.
wasm_opt=$(command -v wasm-opt || true)
[ "$wasm_opt" = "$PWD/node_modules/.bin/wasm-opt" ] ||
  die "wasm-opt on PATH is '${wasm_opt:-none}', not node_modules/.bin/wasm-opt: run make setup"

section "wasm-pack build $crate --release --target $target -> $out ($(wasm-opt --version))"
rm -rf "$out"
# wasm-pack takes --out-dir relative to the crate.
wasm-pack build "$crate" --release --target "$target" --out-dir "$PWD/$out" --no-pack
rm -f "$out/.gitignore"
