// Runs of several contenders, taken in turn (a, b, a, b, ...) so that each sees the same
// machine load over the run; returns the samples of each contender.
export async function alternate(contenders, runs, measure) {
  const samples = Object.fromEntries(contenders.map((name) => [name, []]));
  for (let run = 0; run < runs; run++) {
    for (const name of contenders) samples[name].push(await measure(name));
  }
  return samples;
}
