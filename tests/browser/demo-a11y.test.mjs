// The demo admin page (www-demo/) checked with axe-core (WCAG 2.1 A and AA, and best practices)
// in headless Chromium: every view, its dialogs, forms with errors, details panes, empty and
// error states, and the settings dialog, at desktop and phone widths.

import assert from "node:assert/strict";
import { after, before, test } from "node:test";

import { DESKTOP, PHONE, startDemo, waitForText } from "../support/demo.mjs";
import { axeAudit } from "./axe.mjs";

let demo;

before(async () => {
  demo = await startDemo({ args: ["--seed", "11"] });
});

after(() => demo?.stop());

async function goTo(page, view, ready) {
  await page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: view }).click();
  await page.locator(ready).first().waitFor();
}

/** Opens a dialog with `open`, lets `inside` act in it, checks it, then cancels it. */
async function inDialog(page, audit, where, open, inside) {
  await open();
  const dialog = page.locator("dialog[open]");
  await dialog.waitFor();
  await inside?.(dialog);
  await audit.check(page, where);
  await dialog.getByRole("button", { name: /^(Cancel|Close)$/ }).last().click();
  await dialog.waitFor({ state: "detached" });
}

for (const [width, viewport] of [["desktop", DESKTOP], ["phone", PHONE]]) {
  test(`every view, dialog and details pane has no axe violations at ${width} width`, async () => {
    await demo.emulator.clearFaults();
    const audit = axeAudit();
    const { page, problems, close } = await demo.open("/#/organizations", { viewport });
    const at = (state) => `${state} (${width})`;

    // Organizations: the tree and the selected one's details, and its three forms.
    await page.locator(".org-detail .card").first().waitFor();
    await waitForText(page.locator(".org-detail"), /Accounts \(\d+\)/);
    await audit.check(page, at("organizations"));
    const detail = page.locator(".org-detail");
    await inDialog(page, audit, at("organization edit form"), () => detail.getByRole("button", { name: "Edit" }).click());
    await inDialog(page, audit, at("new child organization form with errors"), () => detail.getByRole("button", { name: "New child organization" }).click(), async (dialog) => {
      await dialog.getByLabel("Country").fill("se");
      await dialog.getByRole("button", { name: "Create organization" }).click();
      await waitForText(dialog.locator('[data-field="name"] .field-error'), /name/);
    });
    await inDialog(page, audit, at("organization's new contact form"), () => detail.getByRole("button", { name: "Add contact" }).click());

    // Accounts: the table, a row's products, its forms, soft-deleted ones and an error.
    await goTo(page, "Accounts", "#accounts-table tbody tr[data-id]");
    await audit.check(page, at("accounts"));
    const row = page.locator("#accounts-table tbody tr[data-id]").first();
    await row.getByRole("button", { name: "Products" }).click();
    await page.locator(".detail-row .account-detail").waitFor();
    await audit.check(page, at("accounts with a row's products"));
    await inDialog(page, audit, at("new account form with errors"), () => page.getByRole("button", { name: "New account" }).click(), async (dialog) => {
      await dialog.getByLabel("Name").fill("   ");
      await dialog.getByRole("button", { name: "Create account" }).click();
      await waitForText(dialog.locator('[data-field="name"] .field-error'), /blank/);
    });
    await inDialog(page, audit, at("rename account form"), () => row.getByRole("button", { name: "Rename" }).click());
    await page.getByLabel("Show").selectOption("deleted");
    await waitForText(page.locator(".pager-info"), /^Page 1/);
    await audit.check(page, at("soft-deleted accounts"));
    await demo.emulator.armFault("500", { method: "GET", path: "/account-management/accounts" });
    await page.getByLabel("Show").selectOption("live");
    await waitForText(page.locator("#accounts-table .problem"), /Status 500/);
    await audit.check(page, at("accounts with an API error"));

    // Contacts: the table and the create and edit forms.
    await goTo(page, "Contacts", "#contacts-table tbody tr[data-id]");
    await audit.check(page, at("contacts"));
    await inDialog(page, audit, at("new contact form with errors"), () => page.getByRole("button", { name: "New contact" }).click(), async (dialog) => {
      await dialog.getByLabel("Email").fill("kari@");
      await dialog.getByRole("button", { name: "Create contact" }).click();
      await waitForText(dialog.locator('[data-field="email"] .field-error'), /email/);
    });
    await inDialog(page, audit, at("edit contact form"), () => page.locator("#contacts-table tbody tr[data-id]").first().getByRole("button", { name: "Edit" }).click());

    // Invoices: totals, chart and table, one invoice's lines, a wrong range and an empty one.
    await goTo(page, "Invoices", ".chart");
    await page.locator("#invoices-table tbody tr[data-id]").first().waitFor();
    await audit.check(page, at("invoices"));
    await inDialog(page, audit, at("invoice details"), () => page.locator("#invoices-table tbody tr[data-id]").first().getByRole("button", { name: "View" }).click(), async (dialog) => {
      await dialog.locator("tbody tr").first().waitFor();
    });
    await page.getByLabel("From").fill("2020-02-01");
    await page.getByLabel("To").fill("2020-01-01");
    await page.getByRole("button", { name: "Show invoices" }).click();
    await waitForText(page.locator("#range-error"), /start date/);
    await audit.check(page, at("invoices with a wrong date range"));
    await page.getByLabel("To").fill("2020-12-31");
    await page.getByRole("button", { name: "Show invoices" }).click();
    await waitForText(page.locator("#invoices-table"), /No invoices between these dates/);
    await audit.check(page, at("invoices, none in range"));

    // Settings: as opened, with a URL error, and with a foreign origin to confirm.
    const settings = () => page.getByRole("button", { name: "Settings" }).click();
    await inDialog(page, audit, at("settings"), settings);
    await inDialog(page, audit, at("settings with a URL error"), settings, async (dialog) => {
      await dialog.getByLabel("API base URL").fill("not a url");
      await waitForText(dialog.locator('[data-field="baseUrl"] .field-error'), /full URL/);
    });
    await inDialog(page, audit, at("settings with a foreign origin to confirm"), settings, async (dialog) => {
      await dialog.getByLabel("API base URL").fill("https://api.example.invalid/account-management");
      await dialog.getByRole("button", { name: "Save and reconnect" }).click();
      await dialog.locator('[data-field="confirmOrigins"] .field-error:not(:empty)').waitFor();
    });

    assert.equal(audit.checked.length, 20);
    audit.assertClean();
    assert.deepEqual(problems, []);
    await close();
  });
}
