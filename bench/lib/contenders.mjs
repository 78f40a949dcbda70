// What the SDK is compared with: the same calls written by hand with the runtime's `fetch`
// and `.json()`, as a user without the SDK would write them.

/** A client-credentials token, fetched the way the SDK fetches it. */
export async function fetchToken(env) {
  const response = await fetch(env.tokenUrl, {
    method: "POST",
    headers: {
      authorization: `Basic ${btoa(`${env.clientId}:${env.clientSecret}`)}`,
      "content-type": "application/x-www-form-urlencoded",
    },
    body: "grant_type=client_credentials&scope=signicat-api",
  });
  if (!response.ok) throw new Error(`token endpoint answered ${response.status}`);
  return (await response.json()).access_token;
}

/**
 * `accounts.get` and `accounts.list` over plain fetch, with a token fetched beforehand. With
 * `timeoutMs`, each call aborts its request at that deadline, as any client that honours a
 * timeout must: an `AbortController` and a timer per call.
 */
export function plainClient(env, token, { timeoutMs } = {}) {
  const headers = { authorization: `Bearer ${token}`, accept: "application/json" };
  const json = async (url) => {
    const controller = timeoutMs === undefined ? undefined : new AbortController();
    const timer = controller && setTimeout(() => controller.abort(), timeoutMs);
    try {
      const response = await fetch(url, { headers, signal: controller?.signal });
      if (!response.ok) throw new Error(`GET ${url} answered ${response.status}`);
      return await response.json();
    } finally {
      clearTimeout(timer);
    }
  };
  return {
    getAccount: (id) => json(`${env.baseUrl}/accounts/${encodeURIComponent(id)}`),
    listAccounts: ({ limit, page }) =>
      json(`${env.baseUrl}/accounts?limit=${limit}${page ? `&page=${encodeURIComponent(page)}` : ""}`),
  };
}

/** A SignicatClient on the emulator with its client credentials. */
export function sdkClient(SignicatClient, env) {
  return new SignicatClient({ baseUrl: env.baseUrl, tokenUrl: env.tokenUrl, clientId: env.clientId, clientSecret: env.clientSecret });
}

/** A SignicatClient's `accounts.get` and `accounts.list` as bench/per-call.mjs calls them. */
export function sdkCalls(client) {
  return { getAccount: (id) => client.accounts.get(id), listAccounts: (query) => client.accounts.list(query) };
}

/** The emulator's addresses and credentials, as children and pages receive them. */
export function emulatorEnv(emulator) {
  const { origin, baseUrl, tokenUrl, clientId, clientSecret } = emulator;
  return { origin, baseUrl, tokenUrl, clientId, clientSecret };
}
