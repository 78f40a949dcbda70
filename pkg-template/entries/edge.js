// Cloudflare Workers (`workerd`) and Vercel / Next.js edge (`edge-light`). These runtimes
// refuse to compile WebAssembly from bytes at run time and have no `import.meta.url`, so the
// .wasm is imported as a module (`?module`, which wrangler and Next.js both compile ahead of
// time) and instantiated synchronously on import: `validate.*` works at once, as in Node.
import wasmModule from "./signicat_account_management_bg.wasm?module";
import * as glue from "../wasm/signicat_account_management.js";
import { createApi } from "../src/facade.js";

// Next.js's edge sandbox (`next start`) compiles the module in its own realm, so it fails the
// glue's `instanceof WebAssembly.Module`, and the glue would then try to compile it from bytes.
if (!(wasmModule instanceof WebAssembly.Module) && Object.prototype.toString.call(wasmModule) === "[object WebAssembly.Module]") {
  Object.setPrototypeOf(wasmModule, WebAssembly.Module.prototype);
}
glue.initSync({ module: wasmModule });

const api = { ...createApi(glue), ready: Promise.resolve() };

// scripts/assemble.mjs rewrites this list from the keys of the Node entry's exports.
export const { validate } = api;
