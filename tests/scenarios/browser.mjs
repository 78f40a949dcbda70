// What only a browser can show.

import { equal, ok, throws } from "./check.mjs";

export const browserOnly = [
  {
    name: "a client secret in a browser is refused without dangerouslyAllowBrowser",
    async run({ SignicatClient, SignicatError, env }) {
      const secret = { baseUrl: env.baseUrl, tokenUrl: env.tokenUrl, clientId: env.clientId, clientSecret: env.clientSecret };
      const thrown = throws(() => new SignicatClient(secret), SignicatError, "the constructor");
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
      const secret = { baseUrl: env.baseUrl, tokenUrl: env.tokenUrl, clientId: env.clientId, clientSecret: env.clientSecret };
      let thrown;
      try {
        thrown = throws(() => new SignicatClient(secret), SignicatError, "the constructor still refuses the secret");
      } finally {
        for (const element of planted) element.remove();
      }
      equal(thrown.kind, "config", "kind");
    },
  },
];
