// axe-core (WCAG 2.1 A and AA, and Deque's best practices) run in a playwright page, its
// violations printed by rule with the nodes that break it, so a failing test says what to fix.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

// Evaluated rather than added as a <script>: the page's Content-Security-Policy refuses inline scripts.
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core"), "utf8");

export const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"];

/** axe's violations for the page as it is now (dialogs included); injects axe once per document. */
export async function axeViolations(page) {
  if (!(await page.evaluate(() => typeof window.axe?.run === "function"))) await page.evaluate(axeSource);
  const { violations } = await page.evaluate((tags) => window.axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] }), AXE_TAGS);
  return violations;
}

// Nodes listed per violation: a colour shared by a table's every row would otherwise fill the log.
const NODES_SHOWN = 3;

/** `id (impact, n nodes): help`, then the first nodes' selectors and why they fail. */
export function formatViolations(violations) {
  return violations
    .map((v) => {
      const nodes = v.nodes.slice(0, NODES_SHOWN).map((node) => `    ${node.target.join(" ")}\n      ${(node.failureSummary ?? "").replace(/\n\s*/g, " ")}`);
      if (v.nodes.length > NODES_SHOWN) nodes.push(`    and ${v.nodes.length - NODES_SHOWN} more`);
      return `  ${v.id} (${v.impact}, ${v.nodes.length} node${v.nodes.length === 1 ? "" : "s"}): ${v.help}\n    ${v.helpUrl}\n${nodes.join("\n")}`;
    })
    .join("\n");
}

const report = (where, violations) => `${where}: ${violations.length} axe violation${violations.length === 1 ? "" : "s"}\n${formatViolations(violations)}`;

/** Checks many states and fails once at the end, so one run lists every state's violations. */
export function axeAudit() {
  const failures = [];
  const checked = [];
  return {
    checked,
    async check(page, where) {
      const violations = await axeViolations(page);
      checked.push(where);
      if (violations.length) failures.push(report(where, violations));
    },
    assertClean() {
      assert.ok(failures.length === 0, `${failures.length} of ${checked.length} states have axe violations\n${failures.join("\n")}`);
    },
  };
}
