// Node, `require`: the testing entry's check, with no emulator process.
const sdk = require("signicat-account-management");
const testing = require("signicat-account-management/testing");

import("./testing-check.js")
  .then(({ checkTesting }) => checkTesting(sdk, testing))
  .then((results) => console.log(JSON.stringify(results)));
