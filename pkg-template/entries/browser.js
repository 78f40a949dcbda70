// Browsers, web workers and bundlers: fetches and compiles the .wasm next to the glue
// (located with `new URL(…, import.meta.url)`, which bundlers understand) once, on import.
import init, * as wasm from "../wasm/signicat_account_management.js";
import { createApi } from "../src/facade.js";

await init();
const api = createApi(wasm);

// scripts/assemble.mjs rewrites this list from Object.keys(createApi(wasm)).
export const { validate } = api;
