// The package under test, loaded through its own package.json `exports` (node → import):
// the packed tarball as installed in a fresh project when PKG_CONSUMER is set (make test),
// else the assembled package (SIGNICAT_PKG, default pkg/).

import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const installed = process.env.PKG_CONSUMER && join(process.env.PKG_CONSUMER, "node_modules", "signicat-account-management");
export const packageDir =
  installed && existsSync(installed) ? installed : (process.env.SIGNICAT_PKG ?? fileURLToPath(new URL("../../pkg/", import.meta.url)));
export const manifest = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8"));

/** The file an `exports` condition path (e.g. ["node", "import"]) resolves to, relative to the package. */
export function entry(...conditions) {
  return subpathEntry(".", ...conditions);
}

/** The same for a subpath export, e.g. subpathEntry("./testing", "browser"). */
export function subpathEntry(subpath, ...conditions) {
  let target = manifest.exports[subpath];
  for (const condition of conditions) target = target[condition];
  return target;
}

export const { SignicatClient, SignicatError, validate } = await import(pathToFileURL(join(packageDir, entry("node", "import"))).href);

/** The wasm's operations() table, from the web glue and the .wasm the package in `dir` ships. */
export async function shippedOperations(dir = packageDir) {
  const glue = await import(pathToFileURL(join(dir, "wasm", "signicat_account_management.js")).href);
  glue.initSync({ module: readFileSync(join(dir, "entries", "signicat_account_management_bg.wasm")) });
  return glue.operations();
}
