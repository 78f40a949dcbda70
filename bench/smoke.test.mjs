// `make test-bench`: every benchmark with tiny counts, so that none of them rots. Only the
// shape of the results is checked, and what is not a timing: no errors, one token request.
import assert from "node:assert/strict";
import { test } from "node:test";

import { CLI_COLUMNS, TESTING_COLUMNS, cliRows, rows, table, testingRows } from "./report.mjs";
import { SMOKE, runBenchmarks } from "./suite.mjs";

test("every benchmark runs and yields a figure for each row", { timeout: 300_000 }, async () => {
  const { results } = await runBenchmarks(SMOKE);
  const list = rows(results);
  const testing = testingRows(results);
  const cli = cliRows(results);
  console.log(`${table(list)}\n\n${table(testing, TESTING_COLUMNS)}\n\n${table(cli, CLI_COLUMNS)}`);
  for (const row of [...list, ...testing, ...cli]) {
    for (const cell of Object.values(row).filter((value) => typeof value === "string")) {
      assert.doesNotMatch(cell, /NaN|undefined|Infinity/, `${row.figure}: ${cell}`);
    }
  }
  assert.equal(results.burst.sdk.errors, 0, "concurrent gets through the SDK failed");
  assert.equal(results.burst.sdk.tokenRequests, 1, "concurrent gets through the SDK shared one token request");
  for (const contender of ["sdk", "fetch", "fetchAbortable", "openapi"]) assert.equal(results.inFlight[contender].errors, 0, `gets in flight through ${contender} failed`);
  // bench/listing.mjs already fails when listAll and the paging loop disagree on the count.
  assert.ok(results.listing.items > 0, "listAll walked no account");
  // bench/cli-export.mjs fails when a file's rows and listAll's accounts differ in number.
  assert.ok(results.cliExport.items > 0, "signicat-am export wrote no account");
});
