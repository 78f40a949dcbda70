// The reference `make docs` builds (build/docs/): both entries' pages, an example on every
// client method and emulator control, and `make demo`'s emulator serving it at /docs/ under the
// demo's Content-Security-Policy with no error in Chromium.

import { ok, equal, deepEqual } from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { after, before, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

import { shippedOperations } from "../support/package.mjs";

const root = fileURLToPath(new URL("../../", import.meta.url));
const docs = join(root, "build", "docs");
const pkg = process.env.SIGNICAT_PKG ?? join(root, "pkg");

const page = (path) => {
  const file = join(docs, path);
  ok(existsSync(file), `build/docs/${path} is missing: run make docs`);
  return readFileSync(file, "utf8");
};

/** The text of an HTML fragment, as a reader sees it. */
const text = (html) =>
  html
    .replace(/<[^>]+>/g, "")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

/** The code of every `@example` in an HTML fragment. */
const examples = (html) => [...html.matchAll(/<div class="tsd-tag-example">([\s\S]*?)<\/code>/g)].map((m) => text(m[1]));

// Every method the client has: the route table's operations, and listAll beside each paged list.
const methods = (await shippedOperations(pkg)).flatMap(({ name, paged }) => (paged ? [name, name.replace(/\.list$/, ".listAll")] : [name]));

describe("the reference's pages", () => {
  test("the index, both entries and the client have a page", () => {
    ok(page("index.html").includes("signicat-account-management"));
    ok(text(page("modules/signicat-account-management.html")).includes("SignicatClient"));
    ok(text(page("modules/signicat-account-management_testing.html")).includes("createEmulator"));
    for (const path of ["classes/signicat-account-management.SignicatClient.html", "classes/signicat-account-management.SignicatError.html", "variables/signicat-account-management.validate.html"]) {
      page(path);
    }
  });

  test("every client method has its comment and an example calling it", () => {
    const html = page("classes/signicat-account-management.SignicatClient.html");
    ok(methods.length >= 21, `only ${methods.length} methods in the route table`);
    const missing = [];
    for (const name of methods) {
      const [namespace, method] = name.split(".");
      const start = html.indexOf(`id="${namespace}"`);
      ok(start >= 0, `no section for client.${namespace}`);
      const next = html.indexOf('<section class="tsd-panel tsd-member', start);
      const section = html.slice(start, next < 0 ? undefined : next);
      const block = section.split(/<li class="tsd-parameter">\s*<h5>/).find((b) => b.startsWith(`<span class="tsd-kind-method">${method}</span>`));
      if (!block || !block.includes('<div class="tsd-comment tsd-typography"><p>') || !examples(block).some((code) => code.includes(`client.${namespace}.${method}(`))) {
        missing.push(name);
      }
    }
    deepEqual(missing, [], "methods with no comment or no example calling them");
  });

  test("createEmulator and every control of the emulator have an example", () => {
    ok(examples(page("functions/signicat-account-management_testing.createEmulator.html")).some((code) => code.includes("createEmulator(")));
    const html = page("interfaces/signicat-account-management_testing.Emulator.html");
    const sections = html.split('<section class="tsd-panel tsd-member').slice(1);
    const controls = sections.filter((s) => s.includes('class="tsd-signatures'));
    ok(controls.length >= 13, `only ${controls.length} methods on the Emulator page`);
    const missing = controls.filter((s) => examples(s).length === 0).map((s) => s.match(/id="([^"]+)"/)?.[1]);
    deepEqual(missing, [], "emulator methods with no example");
  });
});

describe("make demo serves the reference at /docs/", () => {
  let site;
  let child;
  let origin;
  let browser;

  before(async () => {
    site = mkdtempSync(join(tmpdir(), "signicat-demo-docs-"));
    child = spawn(join(root, "scripts", "demo.sh"), ["--exit-with-stdin"], {
      env: { ...process.env, PORT: "0", DEMO_ACCOUNTS: "0", DEMO_SITE: site },
      stdio: ["pipe", "pipe", "inherit"],
    });
    const lines = createInterface({ input: child.stdout });
    origin = await new Promise((resolve, reject) => {
      child.once("exit", (code) => reject(new Error(`scripts/demo.sh exited with ${code}`)));
      lines.on("line", (line) => {
        if (line.startsWith("{")) resolve(JSON.parse(line).origin);
      });
    });
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium", args: ["--headless", "--no-sandbox", "--disable-gpu"] });
  });

  after(async () => {
    await browser?.close();
    child?.kill("SIGTERM");
    if (site) rmSync(site, { recursive: true, force: true });
  });

  test("/docs/ is the reference's index and / is still the admin page", async () => {
    const index = await fetch(`${origin}/docs/`);
    equal(index.status, 200);
    ok(index.headers.get("content-type").startsWith("text/html"));
    equal(await index.text(), page("index.html"));
    const client = await fetch(`${origin}/docs/classes/signicat-account-management.SignicatClient.html`);
    equal(client.status, 200);
    const admin = await fetch(`${origin}/`);
    equal(admin.status, 200);
    equal(await admin.text(), readFileSync(join(root, "www-demo", "index.html"), "utf8"));
  });

  test("the pages run under the demo's Content-Security-Policy without an error", async () => {
    const context = await browser.newContext();
    const tab = await context.newPage();
    const problems = [];
    tab.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
    tab.on("console", (message) => {
      // main.js's member filters (Settings) add a <style>, which the policy refuses: they are all
      // the pages lose. Anything else is a problem.
      const filters = message.text().startsWith("Applying inline style") && message.location().url.endsWith("/docs/assets/main.js");
      if (message.type() === "error" && !filters) problems.push(message.text());
    });
    await tab.goto(`${origin}/docs/classes/signicat-account-management.SignicatClient.html`);
    // navigation.js fills the side menu, so scripts ran; the method's example is on the page.
    await tab.locator(".tsd-navigation a", { hasText: "createEmulator" }).first().waitFor({ state: "attached" });
    ok(await tab.getByText("client.accounts.undelete(").first().isVisible());
    await tab.goto(`${origin}/docs/`);
    await tab.locator(".tsd-navigation a", { hasText: "SignicatClient" }).first().waitFor({ state: "attached" });
    await context.close();
    deepEqual(problems, []);
  });
});
