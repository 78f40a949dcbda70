// Per-call cost of SignicatClient against plain fetch, on the same emulator and the same
// operations, interleaved so both see the same machine load. Prints medians and their ratio.
//
//   make bench            (or: node bench/client-overhead.mjs [rounds])

import { startEmulator } from "../tests/support/emulator.mjs";
import { SignicatClient } from "../tests/support/package.mjs";

const rounds = Number(process.argv[2] ?? 500);
const emulator = await startEmulator({ args: ["--seed", "7"] });

try {
  const client = new SignicatClient({ baseUrl: emulator.baseUrl, tokenUrl: emulator.tokenUrl, clientId: emulator.clientId, clientSecret: emulator.clientSecret });
  const token = await (
    await fetch(emulator.tokenUrl, {
      method: "POST",
      headers: { authorization: `Basic ${btoa(`${emulator.clientId}:${emulator.clientSecret}`)}`, "content-type": "application/x-www-form-urlencoded" },
      body: "grant_type=client_credentials&scope=signicat-api",
    })
  ).json();
  const headers = { authorization: `Bearer ${token.access_token}`, accept: "application/json" };
  const plain = {
    "accounts.list (limit 50)": async () => (await fetch(`${emulator.baseUrl}/accounts?limit=50`, { headers })).json(),
    "organizations.get": async (id) => (await fetch(`${emulator.baseUrl}/organizations/${id}`, { headers })).json(),
  };
  const sdk = {
    "accounts.list (limit 50)": () => client.accounts.list({ limit: 50 }),
    "organizations.get": (id) => client.organizations.get(id),
  };
  const { rootOrganizationId } = await (await fetch(`${emulator.origin}/emulator/health`)).json();

  const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const time = async (fn) => {
    const start = performance.now();
    await fn(rootOrganizationId);
    return performance.now() - start;
  };
  console.log(`${rounds} interleaved calls each, after 50 warm-up calls; medians in ms`);
  console.log("operation                     fetch      SDK   SDK/fetch");
  for (const name of Object.keys(plain)) {
    for (let i = 0; i < 50; i++) await Promise.all([plain[name](rootOrganizationId), sdk[name](rootOrganizationId)]);
    const a = [];
    const b = [];
    for (let i = 0; i < rounds; i++) {
      a.push(await time(plain[name]));
      b.push(await time(sdk[name]));
    }
    const [fa, fb] = [median(a), median(b)];
    console.log(`${name.padEnd(28)} ${fa.toFixed(3).padStart(6)}   ${fb.toFixed(3).padStart(6)}   ${(fb / fa).toFixed(2).padStart(6)}`);
  }
} finally {
  await emulator.stop();
}
