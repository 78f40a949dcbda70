// Serves www-demo/ with the package under test through the emulator (as `make demo` does),
// drives it in headless Chromium, and records every request and loaded file so a test can
// prove what the page sent and downloaded.

import { cpSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

import { startEmulator } from "./emulator.mjs";
import { packageDir } from "./package.mjs";

const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

export const DESKTOP = { width: 1280, height: 860 };
export const PHONE = { width: 390, height: 844 };
export const screenshotDir = fileURLToPath(new URL("../../build/test-output/screenshots/", import.meta.url));
export const demoSource = fileURLToPath(new URL("../../www-demo/", import.meta.url));

/** The emulator serving the page (with `args`), a browser, and everything the pages exchanged. */
export async function startDemo({ args = [] } = {}) {
  const site = mkdtempSync(join(tmpdir(), "signicat-demo-"));
  cpSync(demoSource, site, { recursive: true });
  cpSync(packageDir, join(site, "pkg"), { recursive: true, dereference: true });
  mkdirSync(screenshotDir, { recursive: true });
  const emulator = await startEmulator({ args: ["--serve", site, ...args] });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium", args: CHROMIUM_ARGS });
  /** `{ method, url, headers, body }` of every request any page made. */
  const requests = [];
  /** `{ url, status, body }` of every response any page received (bodies as Buffers). */
  const responses = [];
  const pending = new Set();
  let token;

  /** A fresh page at `path`; `problems` collects uncaught page errors and console errors. */
  async function open(path, { viewport = DESKTOP } = {}) {
    const context = await browser.newContext({ viewport, acceptDownloads: true });
    const page = await context.newPage();
    const problems = [];
    page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
    page.on("request", (request) => requests.push({ method: request.method(), url: request.url(), headers: request.headers(), body: request.postData() ?? "" }));
    page.on("response", (response) => {
      const read = response
        .body()
        .then((body) => responses.push({ url: response.url(), status: response.status(), body }))
        .catch(() => {})
        .finally(() => pending.delete(read));
      pending.add(read);
    });
    await page.goto(`${emulator.origin}${path}`);
    return { page, problems, close: () => context.close() };
  }

  /** Calls the API as the page's backend would (for checks the page cannot show). */
  async function api(method, path) {
    token ??= (await (await fetch(`${emulator.origin}/api/signicat-token`, { method: "POST" })).json()).accessToken;
    const response = await fetch(`${emulator.baseUrl}${path}`, { method, headers: { authorization: `Bearer ${token}` } });
    return { status: response.status, body: await response.json() };
  }

  return {
    emulator,
    site,
    requests,
    responses,
    open,
    api,
    /** Waits until every response body seen so far has been read. */
    settle: () => Promise.all([...pending]),
    async stop() {
      await browser.close();
      await emulator.stop();
      rmSync(site, { recursive: true, force: true });
    },
  };
}

/** Waits until the locator's text matches `pattern` (playwright-core has no `expect`). */
export async function waitForText(locator, pattern, timeout = 10_000) {
  const deadline = Date.now() + timeout;
  let last = "";
  while (Date.now() < deadline) {
    last = await locator.innerText({ timeout: 1_000 }).catch(() => "");
    if (pattern.test(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`text ${JSON.stringify(last)} never matched ${pattern}`);
}

/** Saves what the viewport shows as `name-desktop.png` / `name-phone.png` under build/test-output/screenshots. */
export async function screenshot(page, name) {
  const width = page.viewportSize()?.width ?? DESKTOP.width;
  await page.screenshot({ path: join(screenshotDir, `${name}-${width < 700 ? "phone" : "desktop"}.png`) });
}

/**
 * Fails when any request the pages made carries the client secret (or client credentials at
 * all), when any file or answer they loaded contains it, or when the page's own code opts
 * into `dangerouslyAllowBrowser`. Returns what it checked, so a test can see it was not empty.
 */
export async function assertNoSecretLeft(demo, files) {
  await demo.settle();
  const secret = demo.emulator.clientSecret;
  const basic = Buffer.from(`${demo.emulator.clientId}:${secret}`).toString("base64");
  for (const request of demo.requests) {
    const text = `${request.url}\n${JSON.stringify(request.headers)}\n${request.body}`;
    if (text.includes(secret) || text.includes(basic) || /client_secret|grant_type/.test(text)) {
      throw new Error(`${request.method} ${request.url} carries client credentials`);
    }
    if (new URL(request.url).pathname === "/auth/open/connect/token") throw new Error("the page called the OAuth token endpoint itself");
  }
  for (const response of demo.responses) {
    if (response.body.includes(secret)) throw new Error(`${response.url} contains the client secret`);
  }
  for (const [name, text] of files) {
    if (text.includes(secret) || text.includes("dangerouslyAllowBrowser") || text.includes("clientSecret")) throw new Error(`www-demo/${name} holds a secret or asks for one`);
  }
  return { requests: demo.requests.length, responses: demo.responses.length, files: files.length };
}

/** Form controls on the page (dialogs included) that no label names, as short descriptions. */
export function unlabelledControls(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll("input, select, textarea, button")]
      .filter((control) => control.offsetParent !== null || control.closest("dialog[open]"))
      .filter((control) => !(control.labels?.length || control.getAttribute("aria-label") || (control.tagName === "BUTTON" && control.textContent.trim())))
      .map((control) => `${control.tagName.toLowerCase()}[name=${control.name}]`),
  );
}
