// The browser entry's first import, so that its bundle asks for the .wasm, and compiles it as it
// streams in, before it evaluates anything else. A failure (no `import.meta.url` where a tool
// rewrote it) rejects `ready` instead of throwing from the import.
export const wasmModule = (async () => {
  const response = await fetch(new URL("./signicat_account_management_bg.wasm", import.meta.url));
  if (!response.ok) throw new Error(`failed to fetch Wasm: ${response.status} ${response.statusText} fetching '${response.url}'`);
  if (typeof WebAssembly.compileStreaming === "function" && response.headers.get("content-type") === "application/wasm") {
    return WebAssembly.compileStreaming(response);
  }
  // A server that labels the .wasm otherwise gets it compiled from its bytes.
  return WebAssembly.compile(await response.arrayBuffer());
})();
