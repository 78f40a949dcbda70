// The route table as the facade uses it: one entry per operation, from the wasm's
// `operations()`, with the names the namespaces and validators get.

/** What every method's last argument takes beside its query (`RequestOptions`; tests/js/operations.test.mjs holds the two together). */
export const REQUEST_OPTIONS = ["signal", "timeoutMs", "headers", "maxRetries"];

/**
 * @param {{ name: string, params: string[], body: boolean, paged: boolean, options: string, aliases: string }[]} table
 * @returns {{ index: number, namespace: string, method: string, params: string[], body: boolean, paged: boolean, options: string[], aliases: [string, string][], validator?: string }[]}
 */
export function methodsOf(table) {
  const list = (text) => text.split(",").filter(Boolean);
  return table.map(({ name, params, body, paged, options, aliases }, index) => {
    const [namespace, method] = name.split(".");
    // accounts.create → createAccount: the body's rules, named for forms.
    const validator = body ? `${method}${namespace[0].toUpperCase()}${namespace.slice(1, -1)}` : undefined;
    const names = [...list(options), ...REQUEST_OPTIONS];
    return { index, namespace, method, params, body, paged, options: names, aliases: list(aliases).map((pair) => pair.split("=")), validator };
  });
}
