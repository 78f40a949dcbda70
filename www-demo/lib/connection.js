// Where the page connects: the API's base URL and the token endpoint of the page's own
// backend. The page never holds a client secret; the backend hands out short-lived tokens.
import { SignicatClient } from "../pkg/entries/browser.js";

// Forms validate synchronously with `validate.*`, which needs the WebAssembly loaded.
export { ready } from "../pkg/entries/browser.js";

const STORAGE_KEY = "signicat-demo.settings";

export const defaultSettings = () => ({
  baseUrl: `${location.origin}/account-management`,
  tokenEndpoint: `${location.origin}/api/signicat-token`,
});

export function loadSettings() {
  try {
    const saved = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? "{}");
    return { ...defaultSettings(), ...saved };
  } catch {
    return defaultSettings();
  }
}

export function saveSettings(settings) {
  localStorage.setItem(STORAGE_KEY, JSON.stringify(settings));
}

export function clearSettings() {
  localStorage.removeItem(STORAGE_KEY);
}

/** Problems with a URL typed into the settings, as a message, or "" when it is usable. */
export function urlProblem(text) {
  try {
    const url = new URL(text);
    return url.protocol === "http:" || url.protocol === "https:" ? "" : "Use an http:// or https:// URL.";
  } catch {
    return "Enter a full URL, e.g. https://api.signicat.com/account-management.";
  }
}

// Besides the page's own, the origins trusted with the backend's token without asking.
const SIGNICAT_ORIGINS = ["https://api.signicat.com"];

/**
 * The origins of the settings' http(s) URLs that are neither the page's own nor Signicat's,
 * each with the settings that name it: `[{ origin, names: ["baseUrl", "tokenEndpoint"] }]`.
 */
export function foreignOrigins(settings) {
  const found = new Map();
  for (const name of ["baseUrl", "tokenEndpoint"]) {
    let url;
    try {
      url = new URL(settings[name]);
    } catch {
      continue;
    }
    if ((url.protocol !== "http:" && url.protocol !== "https:") || url.origin === location.origin || SIGNICAT_ORIGINS.includes(url.origin)) continue;
    found.set(url.origin, [...(found.get(url.origin) ?? []), name]);
  }
  return [...found].map(([origin, names]) => ({ origin, names }));
}

/** A client that asks the backend for a token whenever it needs one (the SDK caches and renews it). */
export function connect({ baseUrl, tokenEndpoint }) {
  return new SignicatClient({
    baseUrl,
    getToken: async () => {
      // Same-origin credentials: a real backend knows the signed-in user by their session cookie.
      const response = await fetch(tokenEndpoint, { method: "POST", credentials: "same-origin", headers: { accept: "application/json" } });
      if (!response.ok) {
        const problem = await response.json().catch(() => ({}));
        const about = [problem.title, problem.traceId && `trace id ${problem.traceId}`].filter(Boolean).join(", ");
        throw new Error(`the token endpoint answered ${response.status}${about ? ` (${about})` : ""}`);
      }
      return response.json();
    },
  });
}
