// Node, `import`: the testing entry's check, with no emulator process.
import * as sdk from "signicat-account-management";
import * as testing from "signicat-account-management/testing";
import { checkTesting } from "./testing-check.js";

console.log(JSON.stringify(await checkTesting(sdk, testing)));
