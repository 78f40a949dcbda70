#!/usr/bin/env bash
# Installs the toolchain, skipping whatever is already there (a second run takes seconds).
# Versions and traps: see the "Toolchain" section of README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh

WASM_BINDGEN_VERSION=0.2.130 # must equal the `wasm-bindgen = "=…"` pin in Cargo.toml
WASM_PACK_VERSION=0.15.1

export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

# What downloads (Chromium, the npm tools, the contract fuzzer) installs in the background while
# the tools below compile; each job's output goes to its log, shown when it fails.
logs=build/setup
mkdir -p "$logs"
background=()
target_dir=
# A setup that stops early leaves no download running behind it, nor a build directory.
cleanup() {
  for job in "${background[@]}"; do kill "${job#*:}" 2>/dev/null || true; done
  [ -z "$target_dir" ] || rm -rf "$target_dir"
}
trap cleanup EXIT
in_background() {
  local name=$1
  shift
  "$@" >"$logs/$name.log" 2>&1 &
  background+=("$name:$!")
}

# ChromeDriver drives the browser run of the wasm tests; Playwright drives Chromium directly.
if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  install_chromium() {
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update &&
      as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium chromium-driver
  }
  section "apt-get install chromium chromium-driver (in the background: $logs/chromium.log)"
  in_background chromium install_chromium
fi

# npm ci only when package-lock.json changed since the last install.
lock_hash=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ "$(cat node_modules/.lock-hash 2>/dev/null || true)" != "$lock_hash" ]; then
  npm_install() {
    npm ci --no-audit --no-fund && echo "$lock_hash" >node_modules/.lock-hash
  }
  section "npm ci: binaryen, esbuild, playwright-core, typescript, the benchmarks' tools (in the background: $logs/npm-ci.log)"
  in_background npm-ci npm_install
fi

# The contract fuzzer's venv (silent, and at once, when it is in place).
in_background contract-venv scripts/contract-setup.sh

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  section "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# wasm-pack uses the wasm-bindgen on PATH when its version matches the crate's pin. The CLI's
# published lock names webpki-roots 1.0.11, which the registry no longer has, so the same programs
# are built from tools/wasm-bindgen-cli against a committed lock that differs in that one crate.
grep -qx "wasm-bindgen-cli = \"=$WASM_BINDGEN_VERSION\"" tools/wasm-bindgen-cli/Cargo.toml ||
  die "tools/wasm-bindgen-cli/Cargo.toml does not pin wasm-bindgen-cli $WASM_BINDGEN_VERSION"
if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  section "cargo install --path tools/wasm-bindgen-cli --locked (wasm-bindgen $WASM_BINDGEN_VERSION, about a minute)"
  # A path install builds in the package's own target/ unless told otherwise; keep the tree clean.
  target_dir=$(mktemp -d)
  cargo install --path tools/wasm-bindgen-cli --locked --force --target-dir "$target_dir"
fi

# The npm package of wasm-pack downloads from GitHub at install time, so build it. It only runs
# cargo and wasm-bindgen, so it is built unoptimised: 47 s instead of 89 s on 2 cores.
if [ "$(wasm-pack --version 2>/dev/null || true)" != "wasm-pack $WASM_PACK_VERSION" ]; then
  section "cargo install wasm-pack --version $WASM_PACK_VERSION (under a minute)"
  CARGO_PROFILE_RELEASE_OPT_LEVEL=0 CARGO_PROFILE_RELEASE_DEBUG=false CARGO_PROFILE_RELEASE_LTO=false \
    cargo install wasm-pack --version "$WASM_PACK_VERSION" --locked --force
fi

for job in "${background[@]}"; do
  if ! wait "${job#*:}"; then
    cat "$logs/${job%%:*}.log" >&2
    die "${job%%:*} failed (its output is above)"
  fi
done
# All ended: the exit trap has nothing of theirs to stop (their ids may be another's by then).
background=()

# wasm-pack runs whichever wasm-opt comes first on PATH. Debian's (binaryen 108) emits
# modules that fail to load ("WebAssembly.Table.set(): Argument 1 is invalid for table").
wasm_opt=$(command -v wasm-opt || true)
[ "$wasm_opt" = "$PWD/node_modules/.bin/wasm-opt" ] ||
  die "wasm-opt on PATH is '${wasm_opt:-none}', expected $PWD/node_modules/.bin/wasm-opt (npm binaryen); put node_modules/.bin first on PATH"
