// Start-up: from the import of the package to the first completed call (token included),
// against plain fetch doing the same two requests. Every Node run is a fresh process. In
// headless Chromium each run opens a fresh browser context (empty HTTP and code caches) and
// loads the page cold, then loads it again in the same context, warm.
import { cpSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";

import { alternate } from "./lib/alternate.mjs";
import { emulatorEnv, fetchToken, plainClient } from "./lib/contenders.mjs";
import { runChild } from "./lib/child.mjs";
import { median } from "./lib/stats.mjs";
import { startEmulator } from "../tests/support/emulator.mjs";

const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];
const PAGE_TIMEOUT_MS = 30_000;

export async function measureNodeStartup({ packageDir, nodeEntry, env, accountId, runs }) {
  const entryUrl = pathToFileURL(join(packageDir, nodeEntry)).href;
  const samples = await alternate(["sdk", "fetch"], runs, (contender) => runChild("node-startup", { contender, entryUrl, env, accountId }));
  return {
    importMs: median(samples.sdk.map((s) => s.importMs)),
    sdk: median(samples.sdk.map((s) => s.ms)),
    fetch: median(samples.fetch.map((s) => s.ms)),
    runs,
  };
}

// The page a user's module script would be: import, construct, first call. The emulator
// serves it on the API's origin, so no CORS preflight muddies the comparison.
const PAGES = {
  sdk: (browserEntry) => `<!doctype html>
<script type="module">
  const start = performance.now();
  try {
    const env = JSON.parse(new URLSearchParams(location.search).get("env"));
    const { SignicatClient, ready } = await import("./pkg/${browserEntry}");
    // The entry evaluates at once and loads the wasm in the background: ready is when it can run.
    await ready;
    const imported = performance.now();
    const client = new SignicatClient({ baseUrl: env.baseUrl, tokenUrl: env.tokenUrl, clientId: env.clientId, clientSecret: env.clientSecret, dangerouslyAllowBrowser: true });
    await client.accounts.get(env.accountId);
    const done = performance.now();
    // Resource Timing shares performance.now()'s clock: when the .wasm had fully arrived.
    const wasm = performance.getEntriesByType("resource").find((entry) => entry.name.endsWith(".wasm"));
    // performance.now() counts from the navigation: readyAtMs compares pages that load differently.
    window.result = { importMs: imported - start, readyAtMs: imported, wasmArrivedMs: wasm ? wasm.responseEnd - start : NaN, totalMs: done - start };
  } catch (error) {
    window.result = { error: String(error?.stack ?? error) };
  }
</script>`,
  fetch: () => `<!doctype html>
<script type="module">
  const start = performance.now();
  try {
    const env = JSON.parse(new URLSearchParams(location.search).get("env"));
    const tokenResponse = await fetch(env.tokenUrl, {
      method: "POST",
      headers: { authorization: "Basic " + btoa(env.clientId + ":" + env.clientSecret), "content-type": "application/x-www-form-urlencoded" },
      body: "grant_type=client_credentials&scope=signicat-api",
    });
    const { access_token } = await tokenResponse.json();
    const response = await fetch(env.baseUrl + "/accounts/" + encodeURIComponent(env.accountId), { headers: { authorization: "Bearer " + access_token } });
    if (!response.ok) throw new Error("GET answered " + response.status);
    await response.json();
    window.result = { totalMs: performance.now() - start };
  } catch (error) {
    window.result = { error: String(error?.stack ?? error) };
  }
</script>`,
};

/** The package README's `<head>` lines that start both of the entry's requests as the page loads. */
const preloads = (browserEntry) => {
  const wasm = join(dirname(browserEntry), "signicat_account_management_bg.wasm");
  return `<link rel="modulepreload" href="./pkg/${browserEntry}">\n<link rel="preload" href="./pkg/${wasm}" as="fetch" crossorigin>\n`;
};

export async function measureBrowserStartup({ packageDir, browserEntry, runs, siteDir }) {
  rmSync(siteDir, { recursive: true, force: true });
  mkdirSync(siteDir, { recursive: true });
  cpSync(packageDir, join(siteDir, "pkg"), { recursive: true, dereference: true });
  // The emulator's --serve policy runs no inline script: each page's module is a file beside it.
  for (const [name, page] of Object.entries(PAGES)) {
    const [, script] = /<script type="module">([\s\S]*)<\/script>/.exec(page(browserEntry));
    writeFileSync(join(siteDir, `${name}.js`), script);
    writeFileSync(join(siteDir, `${name}.html`), `<!doctype html>\n<script type="module" src="./${name}.js"></script>\n`);
  }
  // The SDK's page again, as the package README says to write it.
  writeFileSync(join(siteDir, "sdkPreload.html"), `<!doctype html>\n${preloads(browserEntry)}<script type="module" src="./sdk.js"></script>\n`);

  const emulator = await startEmulator({ args: ["--seed", "7", "--serve", siteDir] });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium", args: CHROMIUM_ARGS });
  try {
    const env = emulatorEnv(emulator);
    const [account] = (await plainClient(env, await fetchToken(env)).listAccounts({ limit: 1 })).data;
    const query = `env=${encodeURIComponent(JSON.stringify({ ...env, accountId: account.id }))}`;
    const load = async (page, contender) => {
      await page.goto(`${emulator.origin}/${contender}.html?${query}`);
      const result = await (await page.waitForFunction(() => window.result, null, { timeout: PAGE_TIMEOUT_MS })).jsonValue();
      if (result.error) throw new Error(`Chromium, ${contender}: ${result.error}`);
      return result;
    };
    const samples = await alternate(["sdk", "sdkPreload", "fetch"], runs, async (contender) => {
      const context = await browser.newContext();
      try {
        const page = await context.newPage();
        const cold = await load(page, contender);
        return { cold, warm: await load(page, contender) };
      } finally {
        await context.close();
      }
    });
    const figures = (cache) => {
      const sdk = (pick, contender = "sdk") => median(samples[contender].map((s) => pick(s[cache])));
      return {
        importMs: sdk((s) => s.importMs),
        readyAtMs: sdk((s) => s.readyAtMs),
        wasmArrivedMs: sdk((s) => s.wasmArrivedMs),
        sdk: sdk((s) => s.totalMs),
        fetch: median(samples.fetch.map((s) => s[cache].totalMs)),
        preloaded: { importMs: sdk((s) => s.importMs, "sdkPreload"), readyAtMs: sdk((s) => s.readyAtMs, "sdkPreload") },
      };
    };
    return { cold: figures("cold"), warm: figures("warm"), runs, version: browser.version() };
  } finally {
    await browser.close();
    await emulator.stop();
  }
}
