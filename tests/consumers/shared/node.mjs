// Node, Bun and Deno, `import`: the check with the emulator's addresses from SIGNICAT_EMULATOR.
import * as sdk from "signicat-account-management";
import { check } from "./check.js";

console.log(JSON.stringify(await check(sdk, JSON.parse(process.env.SIGNICAT_EMULATOR))));
