// Injected by scripts/assemble.mjs into the Node entries' bundles in place of the globals of the
// same names, which a test environment such as Jest's jsdom lacks (see node-globals.cjs).
import web from "./node-globals.cjs";

export const { Request, Headers, Response, ReadableStream } = web;
const { fetch } = web;
export { fetch as "globalThis.fetch" };
