#!/usr/bin/env bash
# The contract fuzzer: schemathesis generates requests from spec/account-management.yaml and
# checks the emulator's answers against it, both ways (valid requests accepted, invalid ones
# refused, every answer as documented). Bounded: a fixed seed and a few examples per operation.
# Every phase: tests/contract/hooks.py gives each request, as it is sent, ids and page tokens the
# emulator holds, keeps those its answers named (the stateful phase's links) and accepts a 404 only
# for a deleted account; tests/contract/schemathesis.toml allows a valid request 2xx or 409 besides.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/contract-setup.sh
emulator=${SIGNICAT_EMULATOR:-target/release/signicat-emulator}
examples=${CONTRACT_EXAMPLES:-50}
phases=${CONTRACT_PHASES:-examples,coverage,fuzzing,stateful}

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
export CONTRACT_CHILD_ORGANIZATION_ID=$(api "/organizations" | json '[o["id"] for o in v["data"] if o["parentOrganization"]][0]')
export CONTRACT_CONTACT_ID=$(api "/contacts?limit=1" | json 'v["data"][0]["id"]')
export CONTRACT_ACCOUNT_ID=$(api "/accounts?limit=1" | json 'v["data"][0]["id"]')
export CONTRACT_DELETED_ACCOUNT_IDS=$(api "/accounts?deleted=true&limit=1000" | json '" ".join(a["id"] for a in v["data"])')
export CONTRACT_INVOICE_NUMBER=$(api "/invoices?invoiceDateAfter=2000-01-01T00:00:00Z" | json 'v[0]["invoiceNumber"]')
for listing in accounts contacts organizations; do
  export "CONTRACT_${listing^^}_PAGE=$(api "/$listing?limit=1" | json 'v["next"]')"
done
export CONTRACT_DELETED_ACCOUNTS_PAGE=$(api "/accounts?deleted=true&limit=1" | json 'v["next"]')
export PYTHONPATH=$PWD/tests/contract SCHEMATHESIS_HOOKS=hooks

cd build
venv/bin/schemathesis --config-file ../tests/contract/schemathesis.toml run ../spec/account-management.yaml --url "$base_url" \
  -H "Authorization: Bearer $token" --max-examples "$examples" --seed 1 --no-color --phases "$phases" ${CONTRACT_ARGS:-} \
  --report junit --report-junit-path contract-junit.xml
