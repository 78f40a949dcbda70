// The emulator helper itself: it starts the release binary, drives the test endpoints, stops.

import assert from "node:assert/strict";
import { test } from "node:test";

import { startEmulator } from "./emulator.mjs";

test("starts the emulator, answers health, arms faults, counts requests and stops", async () => {
  const emu = await startEmulator({ args: ["--seed", "3"] });
  try {
    assert.match(emu.origin, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.equal(emu.baseUrl, `${emu.origin}/account-management`);
    assert.equal(emu.tokenUrl, `${emu.origin}/auth/open/connect/token`);
    assert.deepEqual([emu.clientId, emu.clientSecret], ["demo-client", "demo-secret"]);

    const health = await (await fetch(`${emu.origin}/emulator/health`)).json();
    assert.equal(health.status, "ok");
    assert.equal(health.seed, 3);
    assert.equal((await emu.health()).rootOrganizationId, health.rootOrganizationId);

    const token = await fetch(emu.tokenUrl, {
      method: "POST",
      headers: {
        authorization: `Basic ${btoa(`${emu.clientId}:${emu.clientSecret}`)}`,
        "content-type": "application/x-www-form-urlencoded",
      },
      body: "grant_type=client_credentials&scope=signicat-api",
    }).then((r) => r.json());
    const get = () => fetch(`${emu.baseUrl}/accounts`, { headers: { authorization: `Bearer ${token.access_token}` } });

    await emu.armFault("503", { method: "GET", path: "/account-management/accounts" });
    const refused = await get();
    assert.equal(refused.status, 503);
    assert.equal(refused.headers.get("retry-after"), "1");
    assert.equal((await get()).status, 200);
    await emu.armFault({ fault: "429;retry-after=2", path: "/account-management/*", times: 1 });
    assert.equal((await get()).headers.get("retry-after"), "2");

    const stats = await emu.stats();
    assert.equal(stats.tokenRequests, 1);
    assert.deepEqual(
      stats.requests.filter((r) => r.path === "/account-management/accounts").map((r) => r.status),
      [503, 200, 429],
    );

    await emu.revokeTokens();
    assert.equal((await get()).status, 401);
    await emu.reset();
    assert.equal((await emu.stats()).totalRequests, 0);
    await assert.rejects(emu.armFault("teapot"), /400/);
  } finally {
    await emu.stop();
  }
  assert.ok(emu.process.exitCode !== null || emu.process.signalCode !== null, "the process has exited");
  await assert.rejects(fetch(`${emu.origin}/emulator/health`));
  await emu.stop();
});

test("a bad option fails loudly with the emulator's own message", async () => {
  await assert.rejects(startEmulator({ args: ["--next-style", "sideways"] }), /did not start[\s\S]*--next-style/);
});
