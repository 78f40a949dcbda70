// The browser entry's first import, so that its bundle asks for the .wasm before it evaluates
// anything else. A failure (no `import.meta.url` where a tool rewrote it) rejects `ready`
// instead of throwing from the import.
export const wasmResponse = (async () => fetch(new URL("./signicat_account_management_bg.wasm", import.meta.url)))();
