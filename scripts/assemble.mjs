// Assembles pkg/, the npm package, from the wasm-pack builds and pkg-template/:
//
//   pkg/package.json        pkg-template/package.json + the crate's version
//   pkg/index.d.ts|.d.cts   pkg-template/index.d.ts (the same declarations for import and require)
//   pkg/src/                pkg-template/src/ (the ESM facade: createApi(wasm); testing/: createEmulator)
//   pkg/entries/browser.js  ESM, one module with no imports (esbuild bundles the web glue and
//                           the facade in): it asks for the .wasm beside it first thing on
//                           import (no top-level await); the operation table is written in
//   pkg/entries/*_bg.wasm   the .wasm, beside the browser entry that fetches it
//   pkg/entries/node.cjs    CommonJS, the facade and the nodejs glue bundled in by esbuild: it
//                           reads the .wasm beside it, or where a server bundler moved the
//                           package or rewrote `__dirname`, the bytes embedded in
//                           wasm/_bg.wasm.cjs; the operation table is written in
//   pkg/entries/node.js     ESM for Node, re-exports node.cjs (one instance per process)
//   pkg/entries/edge.js     ESM for workerd and edge-light: imports the .wasm as a module
//   pkg/wasm/               the web glue (.js/.d.ts, without its own `new URL`, as both entries
//                           that use it hand it the .wasm), the nodejs glue's types (.d.cts)
//                           and the .wasm's bytes embedded in _bg.wasm.cjs
//
// and the `./testing` export, which nothing of the above imports:
//
//   pkg/testing.d.ts|.d.cts pkg-template/testing.d.ts
//   pkg/testing/            browser.js, node.cjs (the testing facade bundled in), node.js
//   pkg/testing/wasm/       the emulator's glue (web and nodejs, as above) and its .wasm
//
// The ESM entries export node.cjs's keys by name; this script writes that list from them, so
// adding an export to the facade needs no entry change.
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const template = join(root, "pkg-template");
const out = join(root, "pkg");
const glue = "signicat_account_management";
const testingGlue = "signicat_emulator_wasm";

function fail(message) {
  console.error(`assemble: ${message}`);
  process.exit(1);
}

rmSync(out, { recursive: true, force: true });

const built = (target, file) => {
  const path = join(root, "build", target, file);
  if (!existsSync(path)) fail(`${path} is missing: run make build`);
  return path;
};

/**
 * Puts the web and nodejs builds of one crate (`glue` is wasm-pack's name for them) into `dir`:
 * the web glue as .js/.d.ts and the nodejs glue's types as .d.cts; the nodejs glue takes its
 * `globals` from `src/node-globals.cjs` (at `globalsPath`). Without `embed`, the .wasm and the
 * nodejs glue (.cjs, reading the .wasm beside `__dirname`) go to `dir` too. With `embed`, the
 * .wasm goes to pkg/entries/ and its bytes into `dir`/_bg.wasm.cjs, the web glue loses its
 * `new URL` (the entries hand it the .wasm), and the nodejs glue is returned, for
 * entries/node.cjs: it reads the .wasm beside itself, or else takes those bytes.
 */
function placeWasm({ glue, web, node, dir, embed, globals, globalsPath }) {
  const wasmDir = embed ? join(out, "entries") : dir;
  for (const folder of [dir, wasmDir]) mkdirSync(folder, { recursive: true });
  const [webWasm, nodeWasm] = [web, node].map((target) => readFileSync(built(target, `${glue}_bg.wasm`)));
  if (!webWasm.equals(nodeWasm)) fail(`build/${web} and build/${node} hold different .wasm files; they can no longer share one`);
  writeFileSync(join(wasmDir, `${glue}_bg.wasm`), webWasm);
  let webGlue = readFileSync(built(web, `${glue}.js`), "utf8");
  if (embed) {
    // A `new URL` left here would point bundlers at a .wasm that is not beside the glue.
    const wasmUrl = `new URL('${glue}_bg.wasm', import.meta.url)`;
    if (webGlue.split(wasmUrl).length !== 2) fail(`the web glue of ${glue} no longer locates the .wasm once with ${wasmUrl}`);
    webGlue = webGlue.replace(wasmUrl, "undefined /* the entries pass the .wasm to init */");
  }
  writeFileSync(join(dir, `${glue}.js`), webGlue);
  cpSync(built(web, `${glue}.d.ts`), join(dir, `${glue}.d.ts`));
  cpSync(built(node, `${glue}.d.ts`), join(dir, `${glue}.d.cts`));
  // The nodejs glue is CommonJS while the package is "type": "module": hence .cjs and .d.cts.
  const selfTypes = `/* @ts-self-types="./${glue}.d.ts" */\n`;
  let nodeGlue = readFileSync(built(node, `${glue}.js`), "utf8");
  if (!nodeGlue.startsWith(selfTypes)) fail(`the nodejs glue of ${glue} no longer starts with ${selfTypes}`);
  // Test environments (Jest's jsdom) run modules with a global object that lacks these.
  const fromNode = `const { ${globals.join(", ")} } = require("${globalsPath}");\n`;
  nodeGlue = `${fromNode}${nodeGlue.slice(selfTypes.length)}`;
  const readsWasmFile = `const wasmPath = \`\${__dirname}/${glue}_bg.wasm\`;\nconst wasmBytes = require('fs').readFileSync(wasmPath);\n`;
  if (!nodeGlue.includes(readsWasmFile)) fail(`the nodejs glue of ${glue} no longer reads the .wasm as expected:\n${readsWasmFile}`);
  if (!embed) {
    writeFileSync(join(dir, `${glue}.cjs`), `/* @ts-self-types="./${glue}.d.cts" */\n${nodeGlue}`);
    return undefined;
  }
  writeFileSync(
    join(dir, `${glue}_bg.wasm.cjs`),
    `// ${glue}_bg.wasm (${webWasm.length} bytes), embedded for Node by scripts/assemble.mjs.\nmodule.exports = require("node:buffer").Buffer.from("${webWasm.toString("base64")}", "base64");\n`,
  );
  // Reading the file costs a fraction of parsing 200 KB of base64; a server bundle without it has the bytes.
  const readsOrEmbedded = [
    "let wasmBytes;",
    `try { wasmBytes = require('fs').readFileSync(\`\${__dirname}/${glue}_bg.wasm\`); }`,
    `catch { wasmBytes = require('../wasm/${glue}_bg.wasm.cjs'); }`,
    "",
  ].join("\n");
  return nodeGlue.replace(readsWasmFile, readsOrEmbedded);
}

/**
 * Bundles a CommonJS entry with the ESM facade it requires (CommonJS cannot `require` ESM on
 * Node 18-20). `contents` replaces the template's source if given. With `nodeGlue` (its
 * source), the glue is bundled in too, so that a start loads fewer files; without, it stays a
 * file. src/node-globals.cjs and the embedded bytes always stay files.
 */
async function bundleCommonJs(from, to, { inject = [], contents, nodeGlue } = {}) {
  await build({
    ...(contents === undefined ? { entryPoints: [join(template, from)] } : { stdin: { contents, resolveDir: dirname(join(template, from)), sourcefile: basename(from) } }),
    outfile: join(out, to),
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node18",
    logLevel: "warning",
    inject: inject.map((file) => join(template, file)),
    banner: { js: `// Generated by scripts/assemble.mjs from pkg-template/${from} and pkg-template/src/${nodeGlue ? ", with the wasm-bindgen nodejs glue" : ""}.` },
    plugins: [
      {
        name: "wasm-glue",
        setup(b) {
          // One copy, shared by the glues and the entries, out of reach of `inject`, which would
          // turn its own `globalThis.fetch` into itself; both entries sit one folder down.
          b.onResolve({ filter: /\/node-globals\.cjs$/ }, () => ({ path: "../src/node-globals.cjs", external: true }));
          b.onResolve({ filter: /_bg\.wasm\.cjs$/ }, (args) => ({ path: args.path, external: true }));
          if (nodeGlue) {
            b.onResolve({ filter: /\/wasm\/[^/]+\.cjs$/ }, (args) => ({ path: basename(args.path), namespace: "wasm-bindgen nodejs glue" }));
            b.onLoad({ filter: /.*/, namespace: "wasm-bindgen nodejs glue" }, () => ({ contents: nodeGlue, resolveDir: join(template, "entries"), loader: "js" }));
          } else {
            b.onResolve({ filter: /\/wasm\// }, (args) => ({ path: args.path, external: true }));
          }
        },
      },
    ],
  });
}

/** Bundles the browser entry, the web glue and the facade into one ESM file that imports nothing. */
async function bundleBrowser(contents) {
  await build({
    stdin: { contents, resolveDir: join(template, "entries"), sourcefile: "browser.js" },
    outfile: join(out, "entries", "browser.js"),
    bundle: true,
    platform: "browser",
    format: "esm",
    logLevel: "warning",
    banner: { js: "// Generated by scripts/assemble.mjs from pkg-template/entries/browser.js, the wasm-bindgen web glue and pkg-template/src/." },
    plugins: [
      {
        name: "assembled-web-glue",
        setup(b) {
          b.onResolve({ filter: /\/wasm\/[^/]+\.js$/ }, (args) => ({ path: join(wasmDir, basename(args.path)) }));
        },
      },
    ],
  });
}

cpSync(join(template, "src"), join(out, "src"), { recursive: true });
cpSync(join(template, "README.md"), join(out, "README.md"));
cpSync(join(template, "index.d.ts"), join(out, "index.d.ts"));
cpSync(join(template, "index.d.ts"), join(out, "index.d.cts"));

const wasmDir = join(out, "wasm");
const webGlobals = ["TextDecoder", "TextEncoder", "fetch", "Headers", "Request", "Response", "AbortController"];
const nodeGlue = placeWasm({ glue, web: "web", node: "node", dir: wasmDir, embed: true, globals: webGlobals, globalsPath: "../src/node-globals.cjs" });
// wasm-pack's own nodejs build, which reads the .wasm beside it.
const operations = createRequire(import.meta.url)(built("node", `${glue}.js`)).operations();

const operationTable = /^const OPERATIONS = \[\];$/m;
/** The template entry's source with the wasm's operations() table written in. */
function withOperations(entry) {
  const source = readFileSync(join(template, "entries", entry), "utf8");
  if (!operationTable.test(source)) fail(`pkg-template/entries/${entry} lacks the line 'const OPERATIONS = [];'`);
  return source.replace(operationTable, `const OPERATIONS = ${JSON.stringify(operations)};`);
}

await bundleCommonJs("entries/node.cjs", "entries/node.cjs", { inject: ["src/node-web.js"], contents: withOperations("node.cjs"), nodeGlue });

const api = createRequire(import.meta.url)(join(out, "entries", "node.cjs"));
const names = Object.keys(api);
const identifier = /^[A-Za-z_$][\w$]*$/;
const bad = names.filter((name) => !identifier.test(name) || name === "default");
if (names.length === 0 || bad.length > 0) {
  fail(`createApi(wasm) must return an object of named exports; got keys ${JSON.stringify(names)}`);
}
const missing = names.filter((name) => api[name] === undefined);
if (missing.length > 0) fail(`createApi(wasm) returned undefined for ${missing.join(", ")}`);

const exportList = /^export const \{[^}]*\} = api;$/m;
for (const entry of ["browser.js", "node.js", "edge.js"]) {
  let source = entry === "browser.js" ? withOperations(entry) : readFileSync(join(template, "entries", entry), "utf8");
  if (!exportList.test(source)) fail(`pkg-template/entries/${entry} lacks the line 'export const { … } = api;'`);
  source = source.replace(exportList, `export const { ${names.join(", ")} } = api;`);
  if (entry === "browser.js") await bundleBrowser(source);
  else writeFileSync(join(out, "entries", entry), source);
}

// The testing entry. Its nodejs glue keeps reading the .wasm beside `__dirname`: test runners
// load packages from node_modules as they are, and embedding would add a third to the file.
placeWasm({
  glue: testingGlue,
  web: "testing-web",
  node: "testing-node",
  dir: join(out, "testing", "wasm"),
  embed: false,
  globals: ["TextDecoder", "TextEncoder"],
  globalsPath: "../../src/node-globals.cjs",
});
cpSync(join(template, "testing.d.ts"), join(out, "testing.d.ts"));
cpSync(join(template, "testing.d.ts"), join(out, "testing.d.cts"));
for (const entry of ["browser.js", "node.js"]) cpSync(join(template, "testing", entry), join(out, "testing", entry));
await bundleCommonJs("testing/node.cjs", "testing/node.cjs", { inject: ["src/node-web.js"] });
const testingNames = Object.keys(createRequire(import.meta.url)(join(out, "testing", "node.cjs")));
const testingList = readFileSync(join(template, "testing", "node.js"), "utf8").match(exportList)?.[0];
if (testingList !== `export const { ${testingNames.join(", ")} } = api;`) {
  fail(`pkg-template/testing/node.js must export exactly node.cjs's keys: 'export const { ${testingNames.join(", ")} } = api;'`);
}
const testingBrowser = readFileSync(join(template, "testing", "browser.js"), "utf8");
const notInBrowser = testingNames.filter((name) => !new RegExp(`^export const ${name} =`, "m").test(testingBrowser));
if (notInBrowser.length > 0) fail(`pkg-template/testing/browser.js does not export ${notInBrowser.join(", ")}`);

const cargo = readFileSync(join(root, "Cargo.toml"), "utf8");
const version = cargo.split(/^\[/m).find((s) => s.startsWith("package]"))?.match(/^version\s*=\s*"([^"]+)"/m)?.[1];
if (!version) fail("no [package] version in Cargo.toml");
const { name, ...rest } = JSON.parse(readFileSync(join(template, "package.json"), "utf8"));
writeFileSync(join(out, "package.json"), `${JSON.stringify({ name, version, ...rest }, null, 2)}\n`);

console.log(`pkg/: ${name}@${version}, exports ${names.join(", ")}; ./testing exports ${testingNames.join(", ")}`);
