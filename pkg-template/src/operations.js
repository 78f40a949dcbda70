// The route table as the facade uses it: one entry per operation, from the wasm's
// `operations()`, with the names the namespaces and validators get.

/**
 * @param {{ name: string, params: string[], body: boolean, paged: boolean, options: string[], aliases: [string, string][] }[]} table
 * @returns {{ index: number, namespace: string, method: string, params: string[], body: boolean, paged: boolean, options: string[], aliases: [string, string][], validator?: string }[]}
 */
export function methodsOf(table) {
  return table.map(({ name, params, body, paged, options, aliases }, index) => {
    const [namespace, method] = name.split(".");
    // accounts.create → createAccount: the body's rules, named for forms.
    const validator = body ? `${method}${namespace[0].toUpperCase()}${namespace.slice(1, -1)}` : undefined;
    return { index, namespace, method, params, body, paged, options, aliases, validator };
  });
}
