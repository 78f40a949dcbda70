// The demo page (www-demo/) in headless Chromium, served by the emulator as `make demo` does.

import assert from "node:assert/strict";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { after, before, test } from "node:test";
import { chromium } from "playwright-core";

import { startEmulator } from "../support/emulator.mjs";
import { packageDir } from "../support/package.mjs";

const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

let site;
let emulator;
let browser;

before(async () => {
  site = mkdtempSync(join(tmpdir(), "signicat-demo-"));
  cpSync(fileURLToPath(new URL("../../www-demo/", import.meta.url)), site, { recursive: true });
  cpSync(packageDir, join(site, "pkg"), { recursive: true, dereference: true });
  emulator = await startEmulator({ args: ["--seed", "7", "--serve", site] });
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium", args: CHROMIUM_ARGS });
});

after(async () => {
  await browser?.close();
  await emulator?.stop();
  if (site) rmSync(site, { recursive: true, force: true });
});

test("the demo lists accounts, shows rule violations as you type, and creates an account", async () => {
  const page = await browser.newPage();
  const problems = [];
  page.on("pageerror", (error) => problems.push(error.message));
  await page.goto(`${emulator.origin}/`);
  await page.waitForSelector("#accounts tr");
  const before = await page.locator("#accounts tr").count();
  assert.ok(before > 0, "accounts are listed");

  await page.fill("input[name=name]", "x".repeat(81));
  await page.waitForSelector("#issues li");
  assert.match(await page.locator("#issues").innerText(), /at most 80 characters/);

  await page.fill("input[name=name]", "Demo Team Ø");
  await page.waitForFunction(() => document.querySelectorAll("#issues li").length === 0);
  await page.click("#create button");
  await page.waitForFunction((n) => document.querySelectorAll("#accounts tr").length === n + 1, before);
  assert.match(await page.locator("#accounts tr").first().innerText(), /Demo Team Ø/);
  assert.match(await page.locator("#status").innerText(), /Created a-spge-/);
  assert.deepEqual(problems, []);
});
