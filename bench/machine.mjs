// The machine and the tool versions a run was measured with, for BENCHMARKS.md.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { cpus, loadavg, release, totalmem } from "node:os";
import { join } from "node:path";

const run = (command, args, cwd) => {
  try {
    return execFileSync(command, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return "unknown";
  }
};

/** The version Cargo.lock resolved for a crate (what the wasm was built with). */
function lockedCrate(root, name) {
  const lock = readFileSync(join(root, "Cargo.lock"), "utf8");
  return lock.match(new RegExp(`name = "${name}"\\nversion = "([^"]+)"`))?.[1] ?? "unknown";
}

const npmVersion = (root, name) => JSON.parse(readFileSync(join(root, "node_modules", name, "package.json"), "utf8")).version;

export function machine(root, { chromium, packageManifest, loadAtStart }) {
  const [loadAtEnd] = loadavg();
  const cores = cpus();
  // BENCHMARKS.md itself is the run's output, not a change to what was measured.
  const dirty = run("git", ["status", "--porcelain", "--untracked-files=no", "--", ".", ":(exclude)BENCHMARKS.md"], root) !== "";
  return {
    cpu: `${cores[0]?.model ?? "unknown"}, ${cores.length} cores`,
    memory: `${(totalmem() / 2 ** 30).toFixed(1)} GiB`,
    "load average (1 min) at the start, at the end": `${loadAtStart.toFixed(2)}, ${loadAtEnd.toFixed(2)} on ${cores.length} cores`,
    os: `${process.platform} ${release()}`,
    node: process.version,
    chromium,
    rustc: run("rustc", ["--version"], root),
    "wasm-bindgen": lockedCrate(root, "wasm-bindgen"),
    "wasm-opt": run(join(root, "node_modules", ".bin", "wasm-opt"), ["--version"], root),
    harness: `tinybench ${npmVersion(root, "tinybench")}, playwright-core ${npmVersion(root, "playwright-core")}`,
    contenders: `openapi-fetch ${npmVersion(root, "openapi-fetch")} (types by openapi-typescript ${npmVersion(root, "openapi-typescript")})`,
    package: `${packageManifest.name}@${packageManifest.version}, the packed tarball installed in a fresh project`,
    commit: `${run("git", ["rev-parse", "--short", "HEAD"], root)}${dirty ? " (with uncommitted changes)" : ""}`,
  };
}
