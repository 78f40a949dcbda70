#!/usr/bin/env bash
# Installs the contract fuzzer (schemathesis, from PyPI) into build/venv from
# tests/contract/requirements.txt: every package pinned with its hashes. Seconds when it is there.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh

venv=build/venv
requirements=tests/contract/requirements.txt
# The lock is resolved for Python 3.11 (its header); another Python may need other packages.
python=python3.11

# Reinstalled only when the lock changed since the last install.
lock_hash=$(sha256sum "$requirements" | cut -d' ' -f1)
if [ "$(cat "$venv/.requirements-hash" 2>/dev/null || true)" = "$lock_hash" ] && [ -x "$venv/bin/schemathesis" ]; then
  exit 0
fi
section "pip install --require-hashes -r $requirements (into $venv)"
# A fresh venv, so nothing the lock no longer names stays behind.
"$python" -m venv --clear "$venv"
# Wheels only: no package's build code runs, and nothing unhashed (a build backend) is fetched.
"$venv/bin/pip" install --quiet --disable-pip-version-check --require-hashes --only-binary :all: -r "$requirements"
echo "$lock_hash" >"$venv/.requirements-hash"
