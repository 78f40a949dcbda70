#!/usr/bin/env bash
# The contract fuzzer: schemathesis generates requests from spec/account-management.yaml and
# checks the emulator's answers against it, both ways (valid requests accepted, invalid ones
# refused, every answer as documented). Bounded: a fixed seed and a few examples per operation.
# The fuzzing phase only: the examples, coverage and stateful phases send ids and page tokens
# that cannot name anything the emulator holds (the spec's sample ids, ids linked by name
# across resources), which tests/contract/hooks.py can only correct in the fuzzing phase.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/contract-setup.sh
emulator=target/release/signicat-emulator
examples=${CONTRACT_EXAMPLES:-50}

# A fresh emulator on a free port, gone when this script ends.
coproc EMU { exec "$emulator" --port 0 --seed 1 --exit-with-stdin; }
trap 'kill "$EMU_PID" 2>/dev/null || true' EXIT
read -r announced <&"${EMU[0]}"
field() { python3 -c 'import json,sys; print(json.loads(sys.argv[1])[sys.argv[2]])' "$announced" "$1"; }
base_url=$(field baseUrl)
token=$(curl -sf -u "$(field clientId):$(field clientSecret)" -d grant_type=client_credentials "$(field tokenUrl)" |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')

api() { curl -sf -H "authorization: Bearer $token" "$base_url$1"; }
json() { python3 -c 'import json,sys; v=json.load(sys.stdin); print(eval(sys.argv[1]))' "$1"; }
export CONTRACT_ORGANIZATION_ID=$(curl -sf "$(field origin)/emulator/health" | json 'v["rootOrganizationId"]')
export CONTRACT_CONTACT_ID=$(api "/contacts?limit=1" | json 'v["data"][0]["id"]')
for listing in accounts contacts organizations; do
  export "CONTRACT_${listing^^}_PAGE=$(api "/$listing?limit=1" | json 'v["next"]')"
done
export PYTHONPATH=$PWD/tests/contract SCHEMATHESIS_HOOKS=hooks

cd build
venv/bin/schemathesis run ../spec/account-management.yaml --url "$base_url" \
  -H "Authorization: Bearer $token" --max-examples "$examples" --seed 1 --no-color --phases fuzzing ${CONTRACT_ARGS:-} \
  --report junit --report-junit-path contract-junit.xml
