// What only a browser can show.

import { equal, ok } from "./check.mjs";

export const browserOnly = [
  {
    name: "a client secret in a browser is refused without dangerouslyAllowBrowser",
    async run({ SignicatClient, SignicatError, env }) {
      let thrown;
      try {
        new SignicatClient({ baseUrl: env.baseUrl, tokenUrl: env.tokenUrl, clientId: env.clientId, clientSecret: env.clientSecret });
      } catch (error) {
        thrown = error;
      }
      ok(thrown instanceof SignicatError, "the constructor throws a SignicatError");
      equal(thrown.kind, "config", "kind");
      ok(thrown.message.includes("getToken"), "the message names the safe alternative");
      ok(!thrown.message.includes(env.clientSecret), "the message does not repeat the secret");
    },
  },
  {
    name: "elements named Deno, process, Bun or EdgeRuntime do not make a page a server",
    async run({ SignicatClient, SignicatError, env }) {
      // DOM clobbering: an element with an id becomes a global of that name.
      const planted = ["Deno", "process", "Bun", "EdgeRuntime"].map((id) => {
        const element = document.createElement("div");
        element.id = id;
        document.body.append(element);
        return element;
      });
      let thrown;
      try {
        new SignicatClient({ baseUrl: env.baseUrl, tokenUrl: env.tokenUrl, clientId: env.clientId, clientSecret: env.clientSecret });
      } catch (error) {
        thrown = error;
      } finally {
        for (const element of planted) element.remove();
      }
      ok(thrown instanceof SignicatError, "the constructor still refuses the secret");
      equal(thrown.kind, "config", "kind");
    },
  },
];
