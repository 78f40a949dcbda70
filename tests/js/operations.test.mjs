// Every operation of the Rust route table is callable from SignicatClient, typed in
// index.d.ts (and in `validate` when it sends a body), and routed by the emulator: an
// operation missed in any of these places fails here.

import { deepEqual, equal, ok } from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { fileURLToPath } from "node:url";

import { clientOptions, startEmulator } from "../support/emulator.mjs";
import { packageDir, shippedOperations, SignicatClient, SignicatError, validate } from "../support/package.mjs";

// The table itself, from the wasm module the package ships.
const table = (await shippedOperations()).map(({ name, params, body, paged }) => {
  const [namespace, method] = name.split(".");
  return { name, namespace, method, params, body, paged };
});
const typings = readFileSync(join(packageDir, "index.d.ts"), "utf8");
const fixtures = fileURLToPath(new URL("../fixtures/", import.meta.url));

/** The method names index.d.ts declares in `readonly <namespace>: Readonly<{ … }>`. */
function declaredMethods(namespace) {
  const block = typings.match(new RegExp(`readonly ${namespace}: Readonly<\\{([\\s\\S]*?)\\n  \\}>;`));
  ok(block, `index.d.ts declares no namespace ${namespace}`);
  return [...block[1].matchAll(/^\s{4}(\w+)\(/gm)].map((m) => m[1]).sort();
}

/** `accounts.create` checks its body with `validate.createAccount`. */
const validatorOf = ({ namespace, method }) => `${method}${namespace[0].toUpperCase()}${namespace.slice(1, -1)}`;

describe("the route table", () => {
  let emulator;
  let client;
  before(async () => {
    emulator = await startEmulator({ args: ["--seed", "7"] });
    client = new SignicatClient(clientOptions(emulator));
  });
  after(() => emulator?.stop());

  test("has the 18 operations of the contract, each once", () => {
    equal(table.length, 18);
    equal(new Set(table.map((op) => op.name)).size, table.length);
  });

  test("every operation is a method of its namespace, and listings also have listAll", () => {
    const namespaces = [...new Set(table.map((op) => op.namespace))];
    for (const namespace of namespaces) {
      const expected = table.filter((op) => op.namespace === namespace).flatMap((op) => (op.paged ? [op.method, "listAll"] : [op.method]));
      deepEqual(Object.keys(client[namespace]).sort(), expected.sort(), namespace);
      for (const name of expected) equal(typeof client[namespace][name], "function", `${namespace}.${name}`);
    }
  });

  test("every namespace method is typed in index.d.ts, and nothing else is", () => {
    for (const namespace of new Set(table.map((op) => op.namespace))) {
      deepEqual(declaredMethods(namespace), Object.keys(client[namespace]).sort(), `index.d.ts, ${namespace}`);
    }
  });

  test("every operation that sends a body has its validator, exported and typed", () => {
    const expected = table.filter((op) => op.body).map(validatorOf).sort();
    deepEqual(Object.keys(validate).sort(), expected);
    for (const name of expected) ok(typings.includes(`  ${name}(input: unknown): Wasm.ValidationIssue[];`), `index.d.ts types validate.${name}`);
  });

  test("every operation reaches its handler in the emulator", async () => {
    for (const op of table) {
      const ids = op.params.map(() => "unknown-id");
      const body = op.body ? [JSON.parse(readFileSync(join(fixtures, `${op.method}_${op.namespace.slice(0, -1)}.request.json`), "utf8"))] : [];
      try {
        await client[op.namespace][op.method](...ids, ...body);
      } catch (error) {
        ok(error instanceof SignicatError, `${op.name}: ${error}`);
        equal(error.kind, "api", `${op.name} was sent: ${error.message}`);
        // The router's own answers: no such path, or no such method on it.
        ok(!(error.detail ?? "").startsWith("No operation matches"), `${op.name}: ${error.detail}`);
        ok(error.status !== 405, `${op.name}: ${error.detail}`);
      }
    }
  });

  test("every option the types declare is one the constructor takes, and nothing else", () => {
    const generated = readFileSync(join(packageDir, "wasm", "signicat_account_management.d.ts"), "utf8");
    const block = generated.match(/export interface ClientOptions \{([\s\S]*?)\n\}/);
    ok(block, "the generated declarations have ClientOptions");
    const declared = [...block[1].matchAll(/^\s+(\w+)\?:/gm)].map((m) => m[1]);
    ok(declared.length >= 12, `ClientOptions declares ${declared.join(", ")}`);
    for (const name of declared) {
      try {
        new SignicatClient({ ...clientOptions(emulator), [name]: undefined });
      } catch (error) {
        ok(!error.message.includes("is not a client option"), `${name}: ${error.message}`);
      }
    }
    let thrown;
    try {
      new SignicatClient({ ...clientOptions(emulator), undeclared: true });
    } catch (error) {
      thrown = error;
    }
    equal(thrown?.kind, "config", "an undeclared option is refused");
  });

  test("every per-call option the types declare is one every method takes", async () => {
    const generated = readFileSync(join(packageDir, "wasm", "signicat_account_management.d.ts"), "utf8");
    const block = generated.match(/export interface RequestOptions \{([\s\S]*?)\n\}/);
    ok(block, "the generated declarations have RequestOptions");
    const declared = [...block[1].matchAll(/^\s+(\w+)\?:/gm)].map((m) => m[1]);
    deepEqual(declared.sort(), ["headers", "maxRetries", "signal", "timeoutMs"]);
    for (const name of declared) {
      const error = await client.contacts.get("c-p-doesnotexist", { [name]: undefined }).catch((e) => e);
      ok(!error.message.includes("is not an option"), `${name}: ${error.message}`);
    }
  });
});
