// The emulator's test endpoints (/emulator/*), over fetch, for Node and browser alike.
// `fetchFn` reaches an in-process emulator (createEmulator().fetch); the global fetch by default.

export function admin(origin, fetchFn = globalThis.fetch) {
  const post = async (path, body) => {
    const response = await fetchFn(`${origin}${path}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${path} answered ${response.status}`);
    return response.json().catch(() => ({}));
  };
  return {
    reset: () => post("/emulator/reset"),
    revokeTokens: () => post("/emulator/revoke-tokens"),
    /** Makes the next `times` matching requests fail with `fault` (e.g. "503", "429;retry-after=1", "truncate"). */
    armFault: (fault, { method, path, times = 1 } = {}) => post("/emulator/faults", { fault, method, path, times }),
    /** Disarms every armed fault. */
    clearFaults: async () => {
      const response = await fetchFn(`${origin}/emulator/faults`, { method: "DELETE" });
      if (!response.ok) throw new Error(`/emulator/faults answered ${response.status}`);
    },
    stats: async () => (await fetchFn(`${origin}/emulator/stats`)).json(),
    /** Counts of what the emulator holds: { accounts, deletedAccounts, contacts, organizations, invoices }. */
    counts: async () => (await (await fetchFn(`${origin}/emulator/health`)).json()).counts,
  };
}

/** How many requests the emulator saw for `method` and `path` (API paths, below /account-management). */
export function countRequests(stats, method, path) {
  const full = `/account-management${path}`;
  return stats.requests.filter((r) => r.method === method && r.path === full).length;
}
