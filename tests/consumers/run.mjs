// The consumer matrix (rows.mjs): installs the tools from package-lock.json and the packed
// package into build/consumers, builds every row (two at a time), runs each against one
// emulator (or, for the testing entry, a test runner's tests), and prints one table. Exits
// non-zero if any row fails.
//
//   node tests/consumers/run.mjs <package.tgz> [row name filter]
import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { basename, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { chromium } from "playwright-core";

import { serve } from "../package/server.mjs";
import { startEmulator } from "../support/emulator.mjs";
import { ROWS } from "./rows.mjs";

const here = fileURLToPath(new URL(".", import.meta.url));
const root = resolve(here, "../..");
const work = join(root, "build", "consumers");
const [tarball, filter] = process.argv.slice(2);
if (!tarball) throw new Error("usage: run.mjs <package.tgz> [row name filter]");

// A CI run sends nothing to Next.js's or wrangler's telemetry.
process.env.NEXT_TELEMETRY_DISABLED ??= "1";
process.env.WRANGLER_SEND_METRICS ??= "false";

const BUILD_TIMEOUT_MS = 600_000;
const CHECK_TIMEOUT_MS = 60_000;
const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];
// What shared/check.js must answer, whatever the tool.
const EXPECTED_ISSUES = ["name:required", "region:enum"];

/** Runs a shell command in `cwd`; resolves to { ok, output, ms }, never rejects. */
function sh(command, cwd, { timeoutMs = BUILD_TIMEOUT_MS, env } = {}) {
  const started = Date.now();
  return new Promise((done) => {
    const child = spawn("bash", ["-c", command], { cwd, env: { ...process.env, ...env }, detached: true, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    const keep = (chunk) => (output = (output + chunk).slice(-20_000));
    child.stdout.on("data", keep);
    child.stderr.on("data", keep);
    const timer = setTimeout(() => {
      keep(`\n[timed out after ${timeoutMs} ms]`);
      process.kill(-child.pid, "SIGKILL");
    }, timeoutMs);
    child.on("close", (code) => {
      clearTimeout(timer);
      done({ ok: code === 0, output, ms: Date.now() - started });
    });
  });
}

/** A long-running server (dev server, next start); resolves once `ready` matches its output. */
function startServer(argv, cwd, ready, env) {
  // Tools colour their output under CI=true (picocolors), which would split "Local:" with escapes.
  const child = spawn(argv[0], argv.slice(1), { cwd, env: { ...process.env, NO_COLOR: "1", ...env }, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const stop = () => {
    if (child.exitCode === null) process.kill(-child.pid, "SIGKILL");
  };
  const started = new Promise((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`no sign of readiness within ${CHECK_TIMEOUT_MS} ms:\n${output}`)), CHECK_TIMEOUT_MS);
    const keep = (chunk) => {
      output = (output + chunk).slice(-20_000);
      if (ready.test(output.replace(/\x1b\[[0-9;]*m/g, ""))) {
        clearTimeout(timer);
        done();
      }
    };
    child.stdout.on("data", keep);
    child.stderr.on("data", keep);
    child.on("exit", (code) => fail(new Error(`exited with ${code}:\n${output}`)));
  });
  return { started, stop, output: () => output };
}

function freePort() {
  return new Promise((done) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
  });
}

function filesUnder(dir, test) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true })
    .map((file) => join(dir, file))
    .filter((file) => test(file) && statSync(file).isFile());
}

/** Bytes of the JavaScript and .wasm a browser row's output holds (raw and gzip). */
function sizes(dir) {
  const sum = (files) => files.reduce((total, file) => {
    const bytes = readFileSync(file);
    return { raw: total.raw + bytes.length, gzip: total.gzip + gzipSync(bytes).length };
  }, { raw: 0, gzip: 0 });
  const inOutput = (file) => !file.includes("node_modules") && !file.includes("/cache/") && !file.includes("/server/");
  return {
    js: sum(filesUnder(dir, (file) => /\.m?js$/.test(file) && inOutput(file))),
    wasm: sum(filesUnder(dir, (file) => file.endsWith(".wasm") && inOutput(file))),
  };
}

const kb = ({ raw, gzip }) => (raw ? `${(raw / 1024).toFixed(1)} KB (${(gzip / 1024).toFixed(1)} gz)` : "none");

/** Fails with a message naming what differs from what shared/check.js must answer. */
function judge(results) {
  if (!results || results.error) throw new Error(results?.error ?? "no results");
  const issues = JSON.stringify(results.issues);
  if (issues !== JSON.stringify(EXPECTED_ISSUES)) throw new Error(`validate answered ${issues}, not ${JSON.stringify(EXPECTED_ISSUES)}`);
  if (!(results.accounts > 0) || results.firstAccountId !== "string") throw new Error(`the client's listing looked wrong: ${JSON.stringify(results)}`);
}

async function install() {
  const started = Date.now();
  mkdirSync(work, { recursive: true });
  for (const file of ["package.json", "package-lock.json"]) cpSync(join(here, file), join(work, file));
  const lockSum = readFileSync(join(here, "package-lock.json"));
  const installed = join(work, "node_modules", ".package-lock.json");
  const stamp = join(work, ".installed-lock");
  if (!existsSync(installed) || !existsSync(stamp) || !readFileSync(stamp).equals(lockSum)) {
    const result = await sh("npm ci --no-audit --no-fund", work);
    if (!result.ok) throw new Error(`npm ci failed:\n${result.output}`);
    writeFileSync(stamp, lockSum);
  }
  const tgz = join(work, basename(tarball));
  cpSync(resolve(tarball), tgz);
  const result = await sh(`npm install --no-audit --no-fund --no-save --offline ./${basename(tarball)}`, work);
  if (!result.ok) throw new Error(`installing ${basename(tarball)} failed:\n${result.output}`);
  return Date.now() - started;
}

/** A fresh project: shared/, then the fixture it is `based` on, then its own fixture over them. */
function prepare(dir, based) {
  const project = join(work, dir);
  rmSync(project, { recursive: true, force: true });
  cpSync(join(here, "shared"), project, { recursive: true });
  for (const fixture of [based, dir]) {
    if (fixture && existsSync(join(here, "fixtures", fixture))) cpSync(join(here, "fixtures", fixture), project, { recursive: true });
  }
  return project;
}

function version(tool) {
  if (tool === "node") return process.versions.node;
  return JSON.parse(readFileSync(join(work, "node_modules", tool, "package.json"), "utf8")).version;
}

/** Builds every project that a selected row needs, two at a time; a project is built once. */
async function buildAll(rows) {
  const builds = new Map();
  for (const row of rows) if (row.build && !builds.has(row.dir)) builds.set(row.dir, row.build);
  const projects = new Map(rows.map((row) => [row.dir, join(work, row.dir)]));
  const based = new Map(rows.map((row) => [row.dir, row.based]));
  for (const dir of projects.keys()) prepare(dir, based.get(dir));
  const results = new Map();
  const queue = [...builds];
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const [dir, command] = next;
      const result = await sh(command, projects.get(dir));
      console.log(`built ${dir} in ${(result.ms / 1000).toFixed(1)} s: ${result.ok ? "ok" : "FAILED"}`);
      results.set(dir, result);
    }
  };
  await Promise.all([worker(), worker()]);
  return results;
}

async function checkInBrowser(browser, url) {
  const page = await browser.newPage();
  const problems = [];
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("console", (message) => {
    // A project without an icon (Next.js's default) gets a 404 for it, whatever the package does.
    if (message.type() === "error" && !message.location().url?.endsWith("/favicon.ico")) problems.push(`console: ${message.text()}`);
  });
  page.on("response", (response) => {
    if (response.status() >= 400 && !response.url().endsWith("/favicon.ico")) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  try {
    await page.goto(url);
    const results = await page
      .waitForFunction(() => window.results, null, { timeout: CHECK_TIMEOUT_MS })
      .then((handle) => handle.jsonValue())
      .catch((error) => ({ error: `${error.message}\n${problems.join("\n")}` }));
    judge(results);
    if (problems.length) throw new Error(problems.join("\n"));
  } finally {
    await page.close();
  }
}

async function checkRow(row, context) {
  const project = join(work, row.dir);
  const { check } = row;
  const query = `?emulator=${encodeURIComponent(JSON.stringify(context.emulator))}`;
  if (check.run) {
    const command = check.run.map((part) => `'${part}'`).join(" ");
    const result = await sh(command, project, { timeoutMs: CHECK_TIMEOUT_MS, env: { SIGNICAT_EMULATOR: JSON.stringify(context.emulator) } });
    if (!result.ok) throw new Error(result.output);
    judge(JSON.parse(result.output.trim().split("\n").pop()));
    return {};
  }
  if (check.test) {
    // A test runner's own verdict, read from its JSON report (Vitest's and Jest's share the counts).
    const report = join(project, "report.json");
    rmSync(report, { force: true });
    const reportArgs = check.jest ? ["--json", `--outputFile=${report}`] : ["--reporter=json", `--outputFile=${report}`];
    const command = [...check.test, ...reportArgs].map((part) => `'${part}'`).join(" ");
    const result = await sh(command, project, { timeoutMs: CHECK_TIMEOUT_MS, env: { SIGNICAT_EMULATOR: JSON.stringify(context.emulator) } });
    if (!existsSync(report)) throw new Error(result.output);
    const { numPassedTests, numFailedTests } = JSON.parse(readFileSync(report, "utf8"));
    if (!result.ok || numFailedTests !== 0 || !(numPassedTests > 0)) throw new Error(`${numPassedTests} passed, ${numFailedTests} failed:\n${result.output}`);
    return {};
  }
  if (check.serve) {
    const dir = join(project, check.serve);
    const server = await serve(dir);
    try {
      await checkInBrowser(context.browser, `${server.url}${query}`);
    } finally {
      await server.close();
    }
    return sizes(join(project, check.serve === "." ? "dist" : check.serve));
  }
  if (check.dev) {
    const port = await freePort();
    const server = startServer([...check.dev, String(port)], project, /Local:/);
    try {
      await server.started;
      await checkInBrowser(context.browser, `http://localhost:${port}/${query}`);
    } catch (error) {
      throw new Error(`${error.message}\n${server.output()}`);
    } finally {
      server.stop();
    }
    return {};
  }
  if (check.worker) {
    // A local server of the runtime (wrangler dev): its answer to GET / is the check's results.
    const port = await freePort();
    const argv = check.worker.map((part) => part.replace("{port}", String(port)).replace("{emulator}", JSON.stringify(context.emulator)));
    const server = startServer(argv, project, check.ready);
    try {
      await server.started;
      const response = await fetch(`http://127.0.0.1:${port}/`);
      const text = await response.text();
      if (!response.ok) throw new Error(`HTTP ${response.status}: ${text.slice(0, 2000)}`);
      judge(JSON.parse(text));
    } catch (error) {
      throw new Error(`${error.message}\n${server.output()}`);
    } finally {
      server.stop();
    }
    return {};
  }
  if (check.next) {
    const next = (context.next ??= await startNext(project, context.emulator));
    if (check.next === "/") {
      await checkInBrowser(context.browser, `${next.url}/${query}`);
      return sizes(join(project, ".next", "static"));
    }
    const response = await fetch(`${next.url}${check.next}`);
    const text = await response.text();
    if (!response.ok) throw new Error(`HTTP ${response.status}: ${text.slice(0, 2000)}\n${next.server.output()}`);
    judge(JSON.parse(text));
    return {};
  }
  throw new Error(`row ${row.name} has no check`);
}

async function startNext(project, emulator) {
  const port = await freePort();
  const server = startServer(["../node_modules/.bin/next", "start", "-H", "127.0.0.1", "-p", String(port)], project, /Ready in/, {
    SIGNICAT_EMULATOR: JSON.stringify(emulator),
  });
  await server.started;
  return { url: `http://127.0.0.1:${port}`, server };
}

const rows = ROWS.filter((row) => !filter || row.name.toLowerCase().includes(filter.toLowerCase()));
const matrixStarted = Date.now();
const installMs = await install();
console.log(`installed the tools and ${basename(tarball)} in ${(installMs / 1000).toFixed(1)} s`);
const builds = await buildAll(rows);

// The rows serve their pages from their own ports, on 127.0.0.1 or (dev servers) localhost.
const emu = await startEmulator({ args: ["--allow-origin", "http://127.0.0.1:*", "--allow-origin", "http://localhost:*"] });
const context = {
  emulator: { baseUrl: emu.baseUrl, tokenUrl: emu.tokenUrl, clientId: emu.clientId, clientSecret: emu.clientSecret },
  browser: await chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium", args: CHROMIUM_ARGS }),
};
const table = [];
const failures = [];
try {
  for (const row of rows) {
    let toolVersion;
    try {
      toolVersion = version(row.tool);
    } catch {
      toolVersion = "not installed";
    }
    const build = builds.get(row.dir);
    const line = { name: row.name, version: toolVersion, builds: row.build ? (build.ok ? `yes (${(build.ms / 1000).toFixed(0)} s)` : "NO") : "—", runs: "—", js: "—", wasm: "—" };
    if (row.build && !build.ok) {
      failures.push(`${row.name}: the build failed:\n${build.output}`);
    } else {
      try {
        const measured = await checkRow(row, context);
        line.runs = "yes";
        if (measured.js) [line.js, line.wasm] = [kb(measured.js), kb(measured.wasm)];
      } catch (error) {
        line.runs = "NO";
        failures.push(`${row.name}: ${error.message}`);
      }
    }
    table.push(line);
  }
} finally {
  context.next?.server.stop();
  await context.browser.close();
  await emu.stop();
}

for (const failure of failures) console.log(`\n--- ${failure}`);
const header = "| tool | version | builds | runs | JS bundle | .wasm |\n|---|---|---|---|---|---|";
const markdown = [header, ...table.map((l) => `| ${l.name} | ${l.version} | ${l.builds} | ${l.runs} | ${l.js} | ${l.wasm} |`)].join("\n");
writeFileSync(join(work, "matrix.md"), `${markdown}\n`);
console.log(`\n${markdown}\n`);
console.log(`matrix: ${((Date.now() - matrixStarted) / 1000).toFixed(0)} s (install ${(installMs / 1000).toFixed(0)} s)`);
const passed = table.filter((l) => l.runs === "yes").length;
console.log(`${passed} passed, ${table.length - passed} failed`);
process.exitCode = failures.length ? 1 : 0;
