// A progress bar on stderr, only for a person at a terminal: never in a pipe or a log file,
// and never with NO_COLOR or --quiet.
export function progressEnabled(options, stream = process.stderr) {
  return Boolean(stream.isTTY) && !options.quiet && !("NO_COLOR" in process.env && process.env.NO_COLOR !== "");
}

/** `{ update(value), increment(), stop() }`; a bar when enabled, else nothing at all. */
export async function createProgress({ enabled, label, total, stream = process.stderr }) {
  if (!enabled) return { update() {}, increment() {}, stop() {} };
  // Loaded only for a bar: a command in a pipe does not pay for it.
  const { default: cliProgress } = await import("cli-progress");
  const format = total
    ? `${label} [{bar}] {value}/{total} {percentage}% | {eta_formatted} left`
    : `${label} {value} | {rate}/s`;
  const bar = new cliProgress.SingleBar({ format, stream, hideCursor: true, clearOnComplete: true, etaBuffer: 50, noTTYOutput: false }, cliProgress.Presets.shades_classic);
  const started = performance.now();
  let value = 0;
  bar.start(total ?? 0, 0, { rate: 0 });
  let stopped = false;
  const rate = () => Math.round(value / Math.max((performance.now() - started) / 1000, 0.001));
  return {
    update(next) {
      value = next;
      if (!stopped) bar.update(value, { rate: rate() });
    },
    increment() {
      value += 1;
      if (!stopped) bar.update(value, { rate: rate() });
    },
    stop() {
      if (stopped) return;
      stopped = true;
      bar.stop();
    },
  };
}
