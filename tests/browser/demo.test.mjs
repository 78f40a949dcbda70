// The demo admin page (www-demo/) in headless Chromium, served by the emulator as `make demo`
// does: accounts (create, inline validation, soft delete, paging over thousands) and errors.

import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";

import { PHONE, assertNoSecretLeft, demoSource, screenshot, startDemo, waitForText } from "../support/demo.mjs";

const EXTRA_ACCOUNTS = 3000;
let demo;

before(async () => {
  demo = await startDemo({ args: ["--seed", "7", "--accounts", String(EXTRA_ACCOUNTS)] });
});

after(() => demo?.stop());

const accountRows = (page) => page.locator("#accounts-table tbody tr[data-id]");
const posts = async (path) => (await demo.emulator.stats()).requests.filter((r) => r.method === "POST" && r.path === path);

test("creating an account: inline errors as you type, nothing sent while invalid, then listed", async () => {
  const { page, problems, close } = await demo.open("/#/accounts");
  await accountRows(page).first().waitFor();
  await page.getByRole("button", { name: "New account" }).click();
  const dialog = page.locator("dialog[open]");
  const name = dialog.getByLabel("Name");
  await name.fill("x".repeat(81));
  await waitForText(dialog.locator('[data-field="name"] .field-error'), /name must be at most 80 characters/);
  assert.equal(await name.getAttribute("aria-invalid"), "true");

  await demo.emulator.clearStats();
  await dialog.getByRole("button", { name: "Create account" }).click();
  await name.fill("   ");
  await waitForText(dialog.locator('[data-field="name"] .field-error'), /name must not be blank/);
  await dialog.getByRole("button", { name: "Create account" }).click();
  assert.ok(await dialog.isVisible(), "the form stays open");
  assert.deepEqual(await posts("/account-management/accounts"), [], "an invalid form sends nothing");
  await screenshot(page, "account-form");

  await name.fill("Demo Team Ø");
  await dialog.locator('[data-field="name"] .field-error:empty').waitFor({ state: "attached" });
  await dialog.getByLabel("Type").selectOption("true");
  // Enter in a field submits the form, as a keyboard user would.
  await name.press("Enter");
  await dialog.waitFor({ state: "detached" });
  const first = accountRows(page).first();
  await waitForText(first, /Demo Team Ø[\s\S]*Sandbox[\s\S]*New/);
  await waitForText(page.locator("#toasts"), /Created Demo Team Ø/);
  const id = await first.getAttribute("data-id");
  assert.match(id, /^a-spge-/);
  assert.equal((await demo.api("GET", `/accounts/${id}`)).body.name, "Demo Team Ø");
  assert.equal((await posts("/account-management/accounts")).length, 1);
  assert.deepEqual(problems, []);
  await close();
});

test("soft delete and undelete, and a delete-protected account says why it stays", async () => {
  const { page, problems, close } = await demo.open("/#/accounts");
  const deletable = accountRows(page).filter({ has: page.getByRole("button", { name: "Delete", exact: true }) }).first();
  await deletable.waitFor();
  const id = await deletable.getAttribute("data-id");
  const row = page.locator(`#accounts-table tr[data-id="${id}"]`);
  await deletable.getByRole("button", { name: "Delete", exact: true }).click();
  await waitForText(row, /Soft-deleted/);
  await row.getByRole("button", { name: "Undelete" }).waitFor();
  assert.equal((await demo.api("GET", `/accounts/${id}`)).status, 404, "a soft-deleted account is gone from the API");
  await screenshot(page, "accounts-soft-deleted");

  await page.getByLabel("Show").selectOption("deleted");
  await waitForText(page.locator(".pager-info"), /Page 1 · rows 1–/);
  await row.getByRole("button", { name: "Undelete" }).click();
  await row.getByRole("button", { name: "Delete", exact: true }).waitFor();
  assert.doesNotMatch(await row.innerText(), /Soft-deleted/);
  const restored = await demo.api("GET", `/accounts/${id}`);
  // Live accounts say `"isSoftDeleted": null` on the wire, as the real service does.
  assert.deepEqual([restored.status, Boolean(restored.body.isSoftDeleted)], [200, false]);

  await page.getByLabel("Show").selectOption("live");
  const guarded = accountRows(page).filter({ hasText: "Can’t delete" }).first();
  await guarded.waitFor();
  assert.equal(await guarded.getByRole("button", { name: "Delete", exact: true }).count(), 0);
  await guarded.getByRole("button", { name: "Products" }).click();
  const detail = page.locator(".detail-row");
  await waitForText(detail, /Delete-protected: the API refuses to delete this account/);
  assert.ok((await detail.locator(".chip").count()) > 0, "the account's products are listed");
  assert.deepEqual(problems, []);
  await close();
});

test("renaming and disabling an account validate and save in place", async () => {
  const { page, problems, close } = await demo.open("/#/accounts");
  const row = accountRows(page).filter({ hasText: "Disable" }).first();
  await row.waitFor();
  const id = await row.getAttribute("data-id");
  const same = page.locator(`#accounts-table tr[data-id="${id}"]`);
  await same.getByRole("button", { name: "Rename" }).click();
  const dialog = page.locator("dialog[open]");
  await dialog.getByLabel("Name").fill("");
  await waitForText(dialog.locator(".field-error"), /name must not be blank/);
  await dialog.getByLabel("Name").fill("Renamed Team");
  await dialog.getByRole("button", { name: "Rename" }).click();
  await waitForText(same, /Renamed Team/);
  await same.getByRole("button", { name: "Disable" }).click();
  await waitForText(same, /Disabled/);
  const saved = (await demo.api("GET", `/accounts/${id}`)).body;
  assert.deepEqual([saved.name, saved.enabled], ["Renamed Team", false]);
  assert.deepEqual(problems, []);
  await close();
});

test("paging through thousands of accounts, forwards and back, with local filters", async () => {
  const { page, problems, close } = await demo.open("/#/accounts");
  await accountRows(page).first().waitFor();
  await page.getByLabel("Rows").selectOption("100");
  await waitForText(page.locator(".pager-info"), /^Page 1 · rows 1–100$/);
  const seen = new Set();
  const pages = [];
  for (let n = 1; n <= 4; n++) {
    if (n > 1) {
      await page.getByRole("button", { name: "Next →" }).click();
      await waitForText(page.locator(".pager-info"), new RegExp(`^Page ${n} · rows ${(n - 1) * 100 + 1}–${n * 100}$`));
    }
    const ids = await accountRows(page).evaluateAll((rows) => rows.map((row) => row.dataset.id));
    assert.equal(ids.length, 100);
    for (const id of ids) seen.add(id);
    pages.push(ids);
  }
  assert.equal(seen.size, 400, "no account shows twice across pages");
  await page.getByRole("button", { name: "← Previous" }).click();
  await waitForText(page.locator(".pager-info"), /^Page 3 · rows 201–300$/);
  assert.deepEqual(await accountRows(page).evaluateAll((rows) => rows.map((row) => row.dataset.id)), pages[2]);

  await page.getByLabel("Type").selectOption("sandbox");
  await page.getByLabel("Status").selectOption("disabled");
  await waitForText(page.locator(".pager-info"), /^Page 1 · rows 1–/);
  const types = await accountRows(page).evaluateAll((rows) => rows.map((row) => row.innerText));
  assert.ok(types.length > 0, "some disabled sandbox accounts exist");
  for (const text of types) assert.match(text, /Sandbox[\s\S]*Disabled/);
  assert.match(await page.locator(".filter-note").innerText(), /filtered in this page/);
  assert.deepEqual(problems, []);
  await close();
});

test("an injected 500 and 503 show the problem with its trace id, and the page keeps working", async () => {
  await demo.emulator.armFault("500", { method: "GET", path: "/account-management/accounts" });
  const { page, problems, close } = await demo.open("/#/accounts");
  const box = page.locator("#accounts-table .problem");
  await waitForText(box, /Internal server error/);
  const trace = await box.locator(".trace-id").innerText();
  assert.match(trace, /\S{8,}/);
  assert.match(await box.innerText(), /Status 500/);
  await screenshot(page, "accounts-error");
  await box.getByRole("button", { name: "Try again" }).click();
  await accountRows(page).first().waitFor();

  await demo.emulator.armFault("503", { method: "POST", path: "/account-management/accounts" });
  await page.getByRole("button", { name: "New account" }).click();
  const dialog = page.locator("dialog[open]");
  await dialog.getByLabel("Name").fill("After the outage");
  await dialog.getByRole("button", { name: "Create account" }).click();
  await waitForText(dialog.locator(".problem"), /Status 503[\s\S]*Trace id/);
  await dialog.getByRole("button", { name: "Create account" }).click();
  await dialog.waitFor({ state: "detached" });
  await waitForText(accountRows(page).first(), /After the outage/);
  assert.deepEqual(problems, []);
  await close();
});

test("a slow listing shows placeholder rows until the accounts arrive", async () => {
  const { page, problems, close } = await demo.open("/#/accounts");
  await accountRows(page).first().waitFor();
  await demo.emulator.armFault("slow=1500ms", { method: "GET", path: "/account-management/accounts" });
  await page.getByRole("button", { name: "Next →" }).click();
  await page.locator("#accounts-table tbody[aria-busy=true] tr.skeleton-row").first().waitFor();
  assert.equal(await accountRows(page).count(), 0, "no stale rows while loading");
  assert.equal(await page.locator(".pager-info").innerText(), "Loading…");
  await waitForText(page.locator(".pager-info"), /^Page 2 · rows 26–50$/);
  assert.equal(await page.locator("#accounts-table tbody[aria-busy]").count(), 0);
  assert.deepEqual(problems, []);
  await close();
});

test("a failing token endpoint shows why, and the next try signs in again", async () => {
  const { page, problems, close } = await demo.open("/#/accounts");
  await accountRows(page).first().waitFor();
  await demo.emulator.revokeTokens();
  await demo.emulator.armFault("503", { path: "/api/signicat-token" });
  await page.getByRole("button", { name: "Next →" }).click();
  const box = page.locator("#accounts-table .problem");
  await waitForText(box, /Could not sign in to the API[\s\S]*token endpoint answered 503[\s\S]*trace id \S+/);
  await box.getByRole("button", { name: "Try again" }).click();
  await waitForText(page.locator(".pager-info"), /^Page 2 · rows 26–50$/);
  assert.deepEqual(problems, []);
  await close();
});

test("an organization with thousands of accounts lists the first ones and links to the rest", async () => {
  const { page, problems, close } = await demo.open("/#/organizations");
  await page.getByRole("navigation", { name: "Organizations" }).getByRole("link", { name: /Nordlys Load Test/ }).click();
  const detail = page.locator(".org-detail");
  await waitForText(detail.locator("h2"), /^Nordlys Load Test$/);
  const text = await waitForText(detail, /Accounts \(\d+\)[\s\S]*and \d+ more: see every account/);
  const live = Number(text.match(/Accounts \((\d+)\)/)[1]);
  assert.ok(live > EXTRA_ACCOUNTS * 0.9, `${live} live accounts`);
  assert.match(text, new RegExp(`and ${live - 50} more`));
  assert.equal(await detail.locator(".data tbody tr").count(), 50);
  assert.deepEqual(problems, []);
  await close();
});

test("the accounts page fits a phone", async () => {
  const { page, problems, close } = await demo.open("/#/accounts", { viewport: PHONE });
  await accountRows(page).first().waitFor();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the page is ${overflow}px wider than the phone`);
  await screenshot(page, "accounts");
  assert.deepEqual(problems, []);
  await close();
});

test("no request the page made carries the client secret, and no file it loaded contains it", async () => {
  const files = readdirSync(demoSource, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const path = join(entry.parentPath, entry.name);
      return [path.slice(demoSource.length), readFileSync(path, "utf8")];
    });
  const checked = await assertNoSecretLeft(demo, files);
  assert.ok(checked.requests > 50 && checked.responses > 50 && checked.files > 5, JSON.stringify(checked));
  const tokenCalls = demo.requests.filter((r) => new URL(r.url).pathname === "/api/signicat-token");
  assert.ok(tokenCalls.length > 0, "the page got its tokens from the backend");
  assert.ok(demo.responses.some((r) => r.url.endsWith(".wasm")), "the SDK's wasm was among the files checked");
});
