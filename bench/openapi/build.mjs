// Builds the openapi-fetch contender into build/bench/openapi/: types generated from the
// contract with openapi-typescript, the client type-checked with tsc, then bundled and
// minified with esbuild as a user's bundler would ship it.
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import openapiTS, { astToString } from "openapi-typescript";

const root = fileURLToPath(new URL("../../", import.meta.url));
export const openapiDir = join(root, "build", "bench", "openapi");
export const openapiBundle = join(openapiDir, "client.min.mjs");

export async function buildOpenapiClient() {
  rmSync(openapiDir, { recursive: true, force: true });
  mkdirSync(openapiDir, { recursive: true });
  const spec = new URL(`file://${join(root, "spec", "account-management.yaml")}`);
  writeFileSync(join(openapiDir, "schema.d.ts"), astToString(await openapiTS(spec)));
  copyFileSync(fileURLToPath(new URL("./client.ts", import.meta.url)), join(openapiDir, "client.ts"));
  // The generated types only count if the calls type-check against them.
  execFileSync(
    join(root, "node_modules", ".bin", "tsc"),
    ["--strict", "--noEmit", "--skipLibCheck", "--target", "es2022", "--module", "esnext", "--moduleResolution", "bundler", join(openapiDir, "client.ts")],
    { stdio: "inherit" },
  );
  await build({
    entryPoints: [join(openapiDir, "client.ts")],
    outfile: openapiBundle,
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    logLevel: "warning",
  });
  return { bundle: openapiBundle, bytes: readFileSync(openapiBundle) };
}
