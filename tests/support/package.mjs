// The package under test, loaded through its own package.json `exports` (node → import):
// the packed tarball's install when SIGNICAT_PKG is set, else the assembled pkg/.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export const packageDir = process.env.SIGNICAT_PKG ?? fileURLToPath(new URL("../../pkg/", import.meta.url));
const manifest = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8"));
const entry = manifest.exports["."].node.import;

export const { SignicatClient, SignicatError, validate } = await import(pathToFileURL(join(packageDir, entry)).href);
