// What a user downloads: the SDK's .wasm, its JS (the wasm-bindgen glue, and the browser
// entry as a bundler ships it), the packed tarball; against the openapi-fetch client bundle.
// Apart: the testing entry's own .wasm, which only tests load.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

const sized = (bytes) => ({ raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length });

/** The one file in `dir` whose name ends with `suffix`. */
function only(dir, suffix) {
  const found = readdirSync(dir).filter((name) => name.endsWith(suffix));
  if (found.length !== 1) throw new Error(`expected one *${suffix} in ${dir}, found ${found.length}`);
  return join(dir, found[0]);
}

/** The browser entry and everything it imports, minified; the .wasm stays a separate asset. */
async function bundledBrowserEntry(packageDir, browserEntry) {
  const result = await build({
    entryPoints: [join(packageDir, browserEntry)],
    bundle: true,
    minify: true,
    write: false,
    format: "esm",
    platform: "browser",
    target: "es2022",
    logLevel: "warning",
  });
  return Buffer.from(result.outputFiles[0].contents);
}

/** `npm pack` of the package: the tarball's size and its unpacked size. */
function packed(packDir) {
  const out = mkdtempSync(join(tmpdir(), "signicat-pack-"));
  try {
    const [info] = JSON.parse(execFileSync("npm", ["pack", "--json", "--pack-destination", out], { cwd: packDir, encoding: "utf8" }));
    return { raw: info.size, unpacked: info.unpackedSize, files: info.entryCount };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

export async function measureSizes({ packageDir, packDir, browserEntry, openapiBundle }) {
  const wasmDir = join(packageDir, "wasm");
  return {
    // Beside the browser entry, which fetches it.
    wasm: sized(readFileSync(only(join(packageDir, "entries"), ".wasm"))),
    glue: sized(readFileSync(only(wasmDir, ".js"))),
    browserBundle: sized(await bundledBrowserEntry(packageDir, browserEntry)),
    tarball: packed(packDir),
    openapiBundle: sized(readFileSync(openapiBundle)),
    testingWasm: sized(readFileSync(only(join(packageDir, "testing", "wasm"), ".wasm"))),
  };
}
