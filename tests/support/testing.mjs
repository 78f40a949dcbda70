// The package's `./testing` export, loaded like tests/support/package.mjs loads the main one
// (node → import, from the packed tarball when PKG_CONSUMER is set).

import { join } from "node:path";
import { pathToFileURL } from "node:url";

import { packageDir, subpathEntry } from "./package.mjs";

export const { createEmulator } = await import(pathToFileURL(join(packageDir, subpathEntry("./testing", "node", "import"))).href);
