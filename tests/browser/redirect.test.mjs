// A redirect as a browser shows it under `redirect: "manual"`: an `opaqueredirect` answer with
// status 0 and no headers. The client refuses it, says so, and nothing reaches its target.

import assert from "node:assert/strict";
import { readFileSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { extname, join, normalize, sep } from "node:path";
import { after, before, test } from "node:test";
import { chromium } from "playwright-core";

import { entry, packageDir } from "../support/package.mjs";

const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];
const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".wasm": "application/wasm" };

const PAGE = `<!doctype html>
<script type="module">
  import { SignicatClient, ready } from "/pkg/${entry("browser")}";
  await ready;
  window.listThroughRedirect = async () => {
    const client = new SignicatClient({ baseUrl: location.origin + "/api/account-management", accessToken: "tok-4711" });
    try {
      await client.accounts.list();
      return { listed: true };
    } catch (error) {
      return { kind: error.kind, retryable: error.retryable, message: error.message };
    }
  };
  window.loaded = true;
</script>`;

let server;
let origin;
let browser;
const redirected = [];
const followed = [];

before(async () => {
  server = createServer((request, response) => {
    const { pathname } = new URL(request.url, "http://x");
    if (pathname === "/") return response.writeHead(200, { "content-type": TYPES[".html"] }).end(PAGE);
    if (pathname.startsWith("/api/")) {
      redirected.push(pathname);
      return response.writeHead(307, { location: `/elsewhere${pathname}` }).end();
    }
    if (pathname.startsWith("/elsewhere/")) {
      followed.push(request.headers.authorization ?? "");
      return response.writeHead(200, { "content-type": "application/json" }).end('{"data":[]}');
    }
    const file = normalize(join(packageDir, pathname.slice("/pkg/".length)));
    if (pathname.startsWith("/pkg/") && file.startsWith(packageDir.replace(/[\\/]?$/, sep)) && statSync(file, { throwIfNoEntry: false })?.isFile()) {
      return response.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" }).end(readFileSync(file));
    }
    response.writeHead(404).end();
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${server.address().port}`;
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium", args: CHROMIUM_ARGS });
});

after(async () => {
  await browser?.close();
  server?.close();
});

test("Chromium: an opaqueredirect answer is refused, not retried, and the token stays where it was sent", async () => {
  const page = await browser.newPage();
  try {
    await page.goto(`${origin}/`);
    await page.waitForFunction(() => window.loaded === true);
    const outcome = await page.evaluate(() => window.listThroughRedirect());
    assert.equal(outcome.kind, "network", JSON.stringify(outcome));
    assert.equal(outcome.retryable, false);
    const escaped = origin.replace(/[.]/g, "\\.");
    assert.match(outcome.message, new RegExp(`^GET ${escaped}/api/account-management/accounts was answered with a redirect, which this client refuses`));
    assert.deepEqual(redirected, ["/api/account-management/accounts"], "one request, not repeated");
    assert.deepEqual(followed, [], "nothing reached the redirect's target");
  } finally {
    await page.close();
  }
});
