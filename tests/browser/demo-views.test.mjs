// The demo admin page (www-demo/) in headless Chromium, served by the emulator as `make demo`
// does: organizations, contacts, invoices, the connection settings, and every main view at
// desktop and phone widths.

import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { after, before, test } from "node:test";

import { DESKTOP, PHONE, screenshot, startDemo, unlabelledControls, waitForText } from "../support/demo.mjs";

let demo;

before(async () => {
  demo = await startDemo({ args: ["--seed", "11"] });
});

after(() => demo?.stop());

const lastRequest = (method, pattern) => demo.requests.filter((r) => r.method === method && pattern.test(new URL(r.url).pathname)).at(-1);

test("organizations: the tree, the selected one's billing, accounts and contacts, and a new child", async () => {
  const { page, problems, close } = await demo.open("/#/organizations");
  const tree = page.getByRole("navigation", { name: "Organizations" });
  await waitForText(tree, /Nordlys Group[\s\S]*Nordlys Norge[\s\S]*Nordlys Labs/);
  assert.equal(await tree.locator("ul ul ul a").filter({ hasText: "Nordlys Labs" }).count(), 1, "Labs sits under Norge under the group");
  const detail = page.locator(".org-detail");
  await waitForText(detail, /Billing[\s\S]*billing@nordlys\.example[\s\S]*Accounts \(\d+\)[\s\S]*Contacts \(\d+\)/);

  await tree.getByRole("link", { name: /Nordlys Norge/ }).focus();
  await page.keyboard.press("Enter");
  await waitForText(detail.locator("h2"), /^Nordlys Norge$/);
  await page.waitForFunction(() => /Nordlys Norge/.test(document.activeElement?.textContent ?? ""));
  await page.keyboard.press("Tab");
  assert.match(await page.evaluate(() => document.activeElement.textContent), /Nordlys Labs/, "the keyboard stays in the tree");

  await tree.getByRole("link", { name: /Nordlys Sverige/ }).click();
  await waitForText(detail.locator("h2"), /^Nordlys Sverige$/);
  await waitForText(detail, /Sverige Production/);
  await detail.getByRole("button", { name: "New child organization" }).click();
  const dialog = page.locator("dialog[open]");
  await dialog.getByLabel("Country").fill("se");
  await waitForText(dialog.locator('[data-field="country"] .field-error'), /upper case: SE/);
  await dialog.getByRole("button", { name: "Create organization" }).click();
  await waitForText(dialog.locator('[data-field="name"] .field-error'), /name/);
  assert.equal(lastRequest("POST", /\/organizations$/), undefined, "nothing was sent");
  await dialog.getByLabel("Name", { exact: true }).fill("Nordlys Sverige Labs");
  await dialog.getByLabel("Country").fill("SE");
  await dialog.getByRole("button", { name: "Create organization" }).click();
  await dialog.waitFor({ state: "detached" });
  await waitForText(detail.locator("h2"), /^Nordlys Sverige Labs$/);
  await waitForText(detail, /Parent\s+Nordlys Sverige/);
  await waitForText(tree.locator('a[aria-current="page"]'), /Nordlys Sverige Labs/);
  assert.equal(await tree.locator("li", { hasText: "Nordlys Sverige" }).locator("ul a", { hasText: "Nordlys Sverige Labs" }).count(), 1);

  await detail.getByRole("button", { name: "Edit" }).click();
  const edit = page.locator("dialog[open]");
  assert.deepEqual(await unlabelledControls(page), [], "every field of the organization form has a label");
  await edit.getByLabel("Billing email").fill("faktura@sverige.example");
  await edit.getByLabel("City").fill("Göteborg");
  await edit.getByRole("button", { name: "Save" }).click();
  await edit.waitFor({ state: "detached" });
  await waitForText(detail, /faktura@sverige\.example[\s\S]*Göteborg/);
  assert.deepEqual(problems, []);
  await close();
});

test("an organization's website is a link only when it is an http or https URL", async () => {
  const { page, problems, close } = await demo.open("/#/organizations");
  const detail = page.locator(".org-detail");
  await page.getByRole("navigation", { name: "Organizations" }).getByRole("link", { name: /Nordlys Labs/ }).click();
  await waitForText(detail.locator("h2"), /^Nordlys Labs$/);
  const website = detail.locator("dt", { hasText: "Website" }).locator("xpath=following-sibling::dd[1]");
  assert.match(await website.locator("a").getAttribute("href"), /^https:\/\/www\.labs\.nordlys\.example\/?$/);

  // The API may hold any text (the SDK checks only what this page sends), so the answer is rewritten.
  await page.route(/\/account-management\/organizations\/[^/?]+(\?|$)/, async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, json: { ...(await response.json()), website: "javascript:alert(1)" } });
  });
  await page.reload();
  await waitForText(website, /^javascript:alert\(1\)$/);
  assert.equal(await page.locator('a[href^="javascript:" i]').count(), 0, "no javascript: link anywhere on the page");
  assert.equal(await website.locator("a").count(), 0, "the website shows as plain text");
  assert.deepEqual(problems, []);
  await close();
});

test("contacts: create with roles, then a partial update (PATCH) and a full one (PUT)", async () => {
  const { page, problems, close } = await demo.open("/#/contacts");
  const rows = page.locator("#contacts-table tbody tr[data-id]");
  await rows.first().waitFor();
  await page.getByRole("button", { name: "New contact" }).click();
  const dialog = page.locator("dialog[open]");
  assert.deepEqual(await unlabelledControls(page), [], "every field of the contact form has a label");
  await dialog.getByLabel("First name").fill("Kari");
  await dialog.getByLabel("Last name").fill("Nordmann");
  await dialog.getByLabel("Email").fill("kari@");
  await waitForText(dialog.locator('[data-field="email"] .field-error'), /email/);
  await dialog.getByRole("button", { name: "Create contact" }).click();
  assert.equal(lastRequest("POST", /\/contacts$/), undefined, "nothing was sent");
  await dialog.getByLabel("Email").fill("kari.nordmann@nordlys.example");
  await dialog.getByLabel("Main technical contact").check();
  await dialog.getByRole("button", { name: "Create contact" }).click();
  await dialog.waitFor({ state: "detached" });
  const row = rows.first();
  await waitForText(row, /Kari Nordmann[\s\S]*kari\.nordmann@nordlys\.example[\s\S]*Main technical contact/);
  const id = await row.getAttribute("data-id");

  await row.getByRole("button", { name: "Edit" }).click();
  const patch = page.locator("dialog[open]");
  await patch.getByLabel("Mobile").fill("+47 912 34 567");
  await patch.getByRole("button", { name: "Save changes" }).click();
  await patch.waitFor({ state: "detached" });
  await waitForText(page.locator(`#contacts-table tr[data-id="${id}"]`), /\+47 912 34 567/);
  assert.deepEqual(JSON.parse(lastRequest("PATCH", /\/contacts\//).body), { mobile: "+47 912 34 567" }, "a PATCH sends only the change");

  await page.locator(`#contacts-table tr[data-id="${id}"]`).getByRole("button", { name: "Edit" }).click();
  const put = page.locator("dialog[open]");
  await put.getByLabel("Financial contact").check();
  await put.getByLabel("Mobile").fill("");
  await put.getByRole("button", { name: "Replace contact" }).click();
  await put.waitFor({ state: "detached" });
  const sent = JSON.parse(lastRequest("PUT", /\/contacts\//).body);
  assert.equal(sent.firstName, "Kari");
  assert.equal(sent.mobile, undefined, "a PUT leaves out the cleared field");
  const saved = (await demo.api("GET", `/contacts/${id}`)).body;
  assert.deepEqual([saved.mobile ?? null, [...saved.roles].sort()], [null, ["FinancialContact", "MainTechnicalContact"]]);
  assert.deepEqual(problems, []);
  await close();
});

test("invoices: a date range, totals per currency, the monthly chart, one invoice's lines and its PDF", async () => {
  const { page, problems, close } = await demo.open("/#/invoices");
  const rows = page.locator("#invoices-table tbody tr[data-id]");
  await rows.first().waitFor();
  assert.ok((await rows.count()) >= 36, "a year of invoices in three currencies");
  await waitForText(page.locator(".totals"), /NOK · \d+ invoices[\s\S]*SEK[\s\S]*EUR|EUR[\s\S]*NOK[\s\S]*SEK/);
  assert.ok((await page.locator(".chart rect.bar").count()) >= 12, "one bar per month");
  await page.locator(".segmented").getByText("SEK").click();
  const label = await page.locator(".chart").getAttribute("aria-label");
  assert.match(label, /in SEK/);
  const amount = (text) => Number(text.replace(/[^\d.]/g, ""));
  const months = label.split(": ")[1].split(", ").map((part) => amount(part.replace(/^\S+ \d+ /, "")));
  assert.ok(months.length >= 12 && months.every((value) => value >= 0) && months.some((value) => value > 0), label);
  const total = amount(await page.locator(".total", { hasText: "SEK" }).locator(".total-amount").innerText());
  assert.ok(Math.abs(months.reduce((a, b) => a + b, 0) - total) < 0.05 * months.length, `the bars add up to the SEK total ${total}`);

  await page.getByLabel("From").fill("2020-02-01");
  await page.getByLabel("To").fill("2020-01-01");
  const before = demo.requests.length;
  await page.getByRole("button", { name: "Show invoices" }).click();
  await waitForText(page.locator("#range-error"), /start date must be on or before the end date/);
  assert.equal(demo.requests.slice(before).filter((r) => r.url.includes("/invoices")).length, 0, "nothing was sent");
  await page.getByLabel("To").fill("2020-12-31");
  await page.getByRole("button", { name: "Show invoices" }).click();
  await waitForText(page.locator("#invoices-table"), /No invoices between these dates/);

  await page.reload();
  await rows.first().waitFor();
  const number = await rows.first().getAttribute("data-id");
  await rows.first().getByRole("button", { name: "View" }).click();
  const dialog = page.locator("dialog[open]");
  await waitForText(dialog, new RegExp(`Invoice ${number}[\\s\\S]*Product[\\s\\S]*Total`, "i"));
  assert.ok((await dialog.locator("tbody tr").count()) > 0, "the invoice has lines");
  await screenshot(page, "invoice");
  const [download] = await Promise.all([page.waitForEvent("download"), dialog.getByRole("button", { name: "Download PDF" }).click()]);
  assert.equal(download.suggestedFilename(), `invoice-${number}.pdf`);
  const bytes = await readFile(await download.path());
  assert.equal(bytes.subarray(0, 4).toString("latin1"), "%PDF");
  assert.deepEqual(problems, []);
  await close();
});

test("settings point the page at another API; a broken one shows why, and defaults bring it back", async () => {
  const { page, problems, close } = await demo.open("/#/accounts");
  await page.locator("#accounts-table tbody tr[data-id]").first().waitFor();
  await page.getByRole("button", { name: "Settings" }).click();
  const dialog = page.locator("dialog[open]");
  await dialog.getByLabel("API base URL").fill("not a url");
  await waitForText(dialog.locator('[data-field="baseUrl"] .field-error'), /full URL/);
  await dialog.getByLabel("API base URL").fill(`${demo.emulator.origin}/nowhere`);
  assert.equal(await dialog.getByRole("checkbox").count(), 0, "the page's own origin asks for no confirmation");
  await dialog.getByRole("button", { name: "Save and reconnect" }).click();
  await dialog.waitFor({ state: "detached" });
  await waitForText(page.locator("#accounts-table .problem"), /not found[\s\S]*Status 404[\s\S]*Trace id/i);
  await waitForText(page.locator("#connected-to"), /\/nowhere$/);

  await page.reload();
  await waitForText(page.locator("#connected-to"), /\/nowhere$/);
  await page.getByRole("button", { name: "Settings" }).click();
  await page.locator("dialog[open]").getByRole("button", { name: "Use defaults" }).click();
  await page.locator("#accounts-table tbody tr[data-id]").first().waitFor();
  await waitForText(page.locator("#connected-to"), /\/account-management$/);
  assert.deepEqual(problems, []);
  await close();
});

test("settings save a foreign origin for the backend's token only once the user confirms it", async () => {
  const { page, problems, close } = await demo.open("/#/accounts");
  await page.locator("#accounts-table tbody tr[data-id]").first().waitFor();
  // The test never leaves the machine: a foreign origin's requests fail here.
  await page.route(/^https:\/\/[a-z.]+\.example\.invalid\//, (route) => route.abort());
  const saved = () => page.evaluate(() => localStorage.getItem("signicat-demo.settings"));
  await page.getByRole("button", { name: "Settings" }).click();
  const dialog = page.locator("dialog[open]");
  const warning = dialog.locator('[data-field="confirmOrigins"]');
  await dialog.getByLabel("API base URL").fill("https://api.signicat.com/account-management");
  assert.equal(await dialog.getByRole("checkbox").count(), 0, "Signicat's API asks for no confirmation");

  await dialog.getByLabel("API base URL").fill("https://api.example.invalid/account-management");
  await dialog.getByRole("button", { name: "Save and reconnect" }).click();
  await waitForText(warning.locator(".field-error"), /Confirm that you trust https:\/\/api\.example\.invalid/);
  await waitForText(warning, /The access token from this page's backend will be sent to https:\/\/api\.example\.invalid with every API call/);
  assert.ok(await dialog.isVisible(), "the dialog stays open");
  assert.equal(await saved(), null, "nothing was saved");
  assert.equal(await page.locator("#connected-to").innerText(), `${demo.emulator.origin}/account-management`);
  assert.equal(demo.requests.filter((r) => r.url.includes("example.invalid")).length, 0, "nothing went there");

  // A confirmation is for the origins it named: another one asks again.
  const confirm = dialog.getByRole("checkbox", { name: /I trust https:\/\/api\.example\.invalid/ });
  await confirm.check();
  await dialog.getByLabel("Token endpoint (your backend)").fill("https://tokens.example.invalid/token");
  await waitForText(warning, /Access tokens will be requested from https:\/\/tokens\.example\.invalid, not from this page's backend/);
  const both = dialog.getByRole("checkbox", { name: /I trust https:\/\/api\.example\.invalid and https:\/\/tokens\.example\.invalid/ });
  assert.equal(await both.isChecked(), false);
  await screenshot(page, "settings-foreign-origins");
  await dialog.getByLabel("Token endpoint (your backend)").fill(`${demo.emulator.origin}/api/signicat-token`);
  await confirm.check();
  await dialog.getByRole("button", { name: "Save and reconnect" }).click();
  await dialog.waitFor({ state: "detached" });
  await waitForText(page.locator("#connected-to"), /^https:\/\/api\.example\.invalid\/account-management$/);
  assert.deepEqual(JSON.parse(await saved()), { baseUrl: "https://api.example.invalid/account-management", tokenEndpoint: `${demo.emulator.origin}/api/signicat-token` });
  await waitForText(page.locator("#accounts-table .problem"), /Cannot reach the API/);
  assert.deepEqual(problems, []);
  await close();
});

test("screenshots of every main view at desktop and phone widths, none wider than the screen", async () => {
  const views = [
    ["organizations", ".org-detail .card"],
    ["accounts", "#accounts-table tbody tr[data-id]"],
    ["contacts", "#contacts-table tbody tr[data-id]"],
    ["invoices", ".chart"],
  ];
  for (const viewport of [DESKTOP, PHONE]) {
    const { page, problems, close } = await demo.open("/", { viewport });
    for (const [view, ready] of views) {
      await page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: view, exact: false }).click();
      await page.locator(ready).first().waitFor();
      assert.equal(await page.locator(`.tabs a[aria-current="page"]`).getAttribute("data-view"), view);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${view} is ${overflow}px wider than a ${viewport.width}px screen`);
      assert.deepEqual(await unlabelledControls(page), [], `every control of ${view} has a label`);
      await screenshot(page, view);
    }
    assert.deepEqual(problems, []);
    await close();
  }
});
