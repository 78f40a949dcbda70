#!/usr/bin/env bash
# Installs the contract fuzzer (schemathesis, from PyPI) into build/venv; seconds when it is there.
set -euo pipefail
cd "$(dirname "$0")/.."

venv=build/venv
version=4.32.5
if "$venv/bin/schemathesis" --version 2>/dev/null | grep -q "$version"; then
  exit 0
fi
python3.11 -m venv "$venv"
"$venv/bin/pip" install --quiet --disable-pip-version-check "schemathesis==$version"
