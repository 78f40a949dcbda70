#!/usr/bin/env bash
# Raw and gzipped (gzip -9) sizes of what a user downloads: the .wasm and the JS glue; then
# the same for the testing entry's emulator, which only tests load; then the five biggest
# contributors to the main .wasm, by twiggy.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh

kb() { awk -v b="$1" 'BEGIN { printf "%.1f KB", b / 1000 }'; }

# The .wasm and the glue of one crate's builds: sizes GLUE_NAME DIR...
sizes() {
  local glue=$1 dir file raw gz
  shift
  printf '%-48s %10s %10s\n' file raw gzip
  for dir in "$@"; do
    for file in "$dir/${glue}_bg.wasm" "$dir/$glue.js"; do
      [ -f "$file" ] || die "$file is missing: run make build"
      raw=$(wc -c <"$file")
      gz=$(gzip -9 -c "$file" | wc -c)
      printf '%-48s %10s %10s\n' "$file" "$(kb "$raw")" "$(kb "$gz")"
    done
  done
}

section "Size (release build, wasm-opt -Oz)"
sizes signicat_account_management build/web build/node

section "The testing entry's emulator (signicat-account-management/testing; never loaded by the main entry)"
sizes signicat_emulator_wasm build/testing-web build/testing-node

# The shipped .wasm has no names, so twiggy reads a copy built the same way that keeps them:
# cargo's output through wasm-bindgen (which keeps the name section), then wasm-opt with the
# crate's own flags plus -g. Its code is the shipped code; only the names section is extra.
shipped=build/web/signicat_account_management_bg.wasm
cargo_wasm=target/wasm32-unknown-unknown/release/signicat_account_management.wasm
named=build/size/named.wasm
[ -f "$cargo_wasm" ] || die "$cargo_wasm is missing: run make build"
if [ ! "$named" -nt "$cargo_wasm" ]; then
  rm -rf build/size
  wasm-bindgen --target web --out-dir build/size "$cargo_wasm"
  read -r -a opt_flags < <(sed -n 's/^wasm-opt *= *\[\(.*\)\]/\1/p' Cargo.toml | tr -d '",')
  if [ "${#opt_flags[@]}" -gt 0 ]; then
    wasm-opt "${opt_flags[@]}" -g build/size/signicat_account_management_bg.wasm -o "$named"
  else
    echo "no wasm-opt flags in Cargo.toml: the items below are measured before wasm-opt"
    cp build/size/signicat_account_management_bg.wasm "$named"
  fi
fi

# Only make size needs twiggy, so a fresh machine's make setup and make test skip its build.
TWIGGY_VERSION=0.8.0
if [ "$(twiggy --version 2>/dev/null | cut -d" " -f2)" != "$TWIGGY_VERSION" ]; then
  section "cargo install twiggy $TWIGGY_VERSION (about two minutes, once)"
  cargo install twiggy --version "$TWIGGY_VERSION" --locked
fi

total=$(wc -c <"$shipped")
section "The .wasm: $(kb "$total") in total; its five biggest items (twiggy top, $(twiggy --version | cut -d' ' -f2))"
printf '%10s %6s  %s\n' bytes share item
twiggy top --format csv "$named" | awk -F, -v total="$total" '
  NR == 1 || /function names|local names/ || shown == 5 { next }
  {
    size = $(NF - 3)
    name = $0
    sub(/,[^,]*,[^,]*,[^,]*,[^,]*$/, "", name)
    gsub(/^"|"$/, "", name)
    gsub(/""/, "\"", name)
    gsub(/::h[0-9a-f]+$/, "", name)
    gsub(/\[[0-9a-f]+\]/, "", name)
    printf "%10d %5.1f%%  %s\n", size, 100 * size / total, name
    shown++
  }'
