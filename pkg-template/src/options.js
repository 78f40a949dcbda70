// Names a caller passed that the client does not take, each with the name most likely meant,
// so a misspelt option fails loudly instead of being dropped while the call runs on defaults.

/** Every option the constructor takes (`ClientOptions`; tests/js/operations.test.mjs holds the two together). */
export const CLIENT_OPTIONS = [
  "baseUrl", "tokenUrl", "clientId", "clientSecret", "accessToken", "getToken", "timeoutMs", "maxRetries", "fetch",
  "dangerouslyAllowBrowser", "onRequest", "onResponse", "headers", "appInfo", "middleware", "logLevel", "logger",
];

/** The OAuth and snake_case spellings a caller may bring from elsewhere. */
export const CLIENT_ALIASES = [["client_id", "clientId"], ["client_secret", "clientSecret"], ["access_token", "accessToken"], ["base_url", "baseUrl"], ["token_url", "tokenUrl"]];

/**
 * A sentence for each own key of `given` that is not in `known`, naming the one meant: an
 * alias's name, or the known name within a third of the longer name's length in edits
 * (case aside). Never a value.
 */
export function unknownOptions(given, known, aliases, what) {
  const messages = [];
  for (const key of Object.keys(given)) {
    if (known.includes(key)) continue;
    const meant = aliases.find(([alias]) => alias === key)?.[1] ?? closest(key, known);
    messages.push({ name: key, message: `${key} is not ${what}${meant ? `; did you mean ${meant}?` : ""}` });
  }
  return messages;
}

function closest(key, known) {
  let best;
  let bestDistance = Infinity;
  for (const name of known) {
    const distance = edits(key.toLowerCase(), name.toLowerCase());
    if (distance <= Math.max(1, Math.floor(Math.max(key.length, name.length) / 3)) && distance < bestDistance) {
      best = name;
      bestDistance = distance;
    }
  }
  return best;
}

/** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
function edits(a, b) {
  let before = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) current[j] = Math.min(current[j], before[j - 2] + 1);
    }
    before = previous;
    previous = current;
  }
  return previous[b.length];
}
