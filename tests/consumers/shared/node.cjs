// Node, `require`: the check with the emulator's addresses from SIGNICAT_EMULATOR.
const sdk = require("signicat-account-management");

import("./check.js")
  .then(({ check }) => check(sdk, JSON.parse(process.env.SIGNICAT_EMULATOR)))
  .then((results) => console.log(JSON.stringify(results)));
