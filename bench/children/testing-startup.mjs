// One cold start in a fresh Node process: the testing entry's `createEmulator` until its
// first answer, or the HTTP emulator binary (as tests/support/emulator.mjs starts it) until
// its announcement line. Prints `{ ms, importMs, createdMs }`, each from the start.
const start = performance.now();
const { contender, entryUrl, seed, accounts } = JSON.parse(process.argv[2]);
let importMs = 0;
let createdMs = 0;
let ms;

if (contender === "in-process") {
  const { createEmulator } = await import(entryUrl);
  importMs = performance.now() - start;
  const emulator = createEmulator(accounts ? { seed, accounts } : { seed });
  createdMs = performance.now() - start;
  await emulator.health();
  ms = performance.now() - start;
  emulator.close();
} else {
  const { startEmulator } = await import("../../tests/support/emulator.mjs");
  const emulator = await startEmulator({ args: ["--seed", String(seed), ...(accounts ? ["--accounts", String(accounts)] : [])] });
  ms = performance.now() - start;
  // Stopped before the next run starts, so that no two emulators share the cores.
  await emulator.stop();
}
console.log(JSON.stringify({ ms, importMs, createdMs }));
