// Order statistics over timing samples. Percentiles use the nearest-rank rule, so a p99 is
// always a value that was actually measured.

export function percentile(samples, p) {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export const median = (samples) => percentile(samples, 50);

/** `{ median, p99, n }` of a list of samples. */
export function summary(samples) {
  return { median: median(samples), p99: percentile(samples, 99), n: samples.length };
}
