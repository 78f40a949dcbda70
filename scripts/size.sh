#!/usr/bin/env bash
# Raw and gzipped (gzip -9) sizes of what a user downloads: the .wasm and the JS glue.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh

kb() { awk -v b="$1" 'BEGIN { printf "%.1f KB", b / 1000 }'; }

section "Size (release build, wasm-opt -Oz)"
printf '%-48s %10s %10s\n' file raw gzip
for dir in build/web build/node; do
  for file in "$dir"/signicat_account_management_bg.wasm "$dir"/signicat_account_management.js; do
    [ -f "$file" ] || die "$file is missing: run make build"
    raw=$(wc -c <"$file")
    gz=$(gzip -9 -c "$file" | wc -c)
    printf '%-48s %10s %10s\n' "$file" "$(kb "$raw")" "$(kb "$gz")"
  done
done
