// The resident set size of this process: a baseline, then the highest value seen while
// sampling, both in bytes. The sampler runs on a timer and on demand (e.g. once a page).
export function rssHighWater({ intervalMs = 10 } = {}) {
  const baseline = process.memoryUsage.rss();
  let peak = baseline;
  const sample = () => {
    peak = Math.max(peak, process.memoryUsage.rss());
  };
  const timer = setInterval(sample, intervalMs);
  return {
    sample,
    stop() {
      clearInterval(timer);
      sample();
      return { baseline, peak, growth: peak - baseline };
    },
  };
}
