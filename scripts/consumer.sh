#!/usr/bin/env bash
# Packs pkg/ with npm and installs the tarball into a fresh project, build/consumer, the
# way a user gets the package. tests/package and tests/types run against that install.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh

section "npm pack pkg/ and install it into a fresh project (build/consumer)"
rm -rf build/consumer
mkdir -p build/consumer
tarball=$(cd pkg && npm pack --silent --pack-destination ../build/consumer)
cd build/consumer
cat >package.json <<'JSON'
{ "name": "consumer", "private": true, "type": "module" }
JSON
# No runtime dependencies, so this needs no registry.
npm install --no-audit --no-fund --offline "./$tarball"
echo "installed $tarball ($(wc -c <"$tarball") bytes packed)"
