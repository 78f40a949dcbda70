// `make test-bench`: every benchmark with tiny counts, so that none of them rots. Only the
// shape of the results is checked, and what is not a timing: no errors, one token request.
import assert from "node:assert/strict";
import { test } from "node:test";

import { TESTING_COLUMNS, rows, table, testingRows } from "./report.mjs";
import { SMOKE, runBenchmarks } from "./suite.mjs";

test("every benchmark runs and yields a figure for each row", { timeout: 300_000 }, async () => {
  const { results } = await runBenchmarks(SMOKE);
  const list = rows(results);
  const testing = testingRows(results);
  console.log(`${table(list)}\n\n${table(testing, TESTING_COLUMNS)}`);
  for (const row of [...list, ...testing]) {
    for (const cell of Object.values(row).filter((value) => typeof value === "string")) {
      assert.doesNotMatch(cell, /NaN|undefined|Infinity/, `${row.figure}: ${cell}`);
    }
  }
  assert.equal(results.burst.sdk.errors, 0, "concurrent gets through the SDK failed");
  assert.equal(results.burst.sdk.tokenRequests, 1, "concurrent gets through the SDK shared one token request");
  assert.equal(results.inFlight.sdk.errors, 0, "gets in flight through the SDK failed");
  // bench/listing.mjs already fails when listAll and the paging loop disagree on the count.
  assert.ok(results.listing.items > 0, "listAll walked no account");
});
