// createEmulator's options, checked here so that a wrong type is a TypeError naming the
// option before anything reaches the wasm (which checks the values: a fault spec, a seed).

export const DEFAULT_ORIGIN = "https://signicat-emulator.test";

const whole = (value) => Number.isSafeInteger(value) && value >= 0;

const RULES = {
  origin: [(value) => typeof value === "string", "a string such as \"https://signicat-emulator.test\""],
  seed: [whole, "a whole number from 0 to 2^53 - 1"],
  accounts: [whole, "a whole number of accounts, 0 or more"],
  clientId: [(value) => typeof value === "string" && value.length > 0, "a non-empty string"],
  clientSecret: [(value) => typeof value === "string" && value.length > 0, "a non-empty string"],
  tokenTtl: [(value) => whole(value) && value > 0, "a whole number of seconds, 1 or more"],
  nextStyle: [(value) => value === "token" || value === "url", "\"token\" or \"url\""],
  faults: [(value) => typeof value === "string", "a fault spec such as \"503=0.2,reset=0.05\""],
  faultSeed: [whole, "a whole number from 0 to 2^53 - 1"],
};

/**
 * The options the wasm's `Emulator` takes: the ones given (absent or `undefined` ones left
 * out) and `origin` reduced to scheme, host and port. Throws a TypeError for anything else.
 */
export function emulatorOptions(options) {
  if (options === undefined) options = {};
  if (options === null || typeof options !== "object" || Array.isArray(options)) {
    throw new TypeError(`createEmulator: the options must be an object, not ${describe(options)}`);
  }
  const unknown = Object.keys(options).filter((key) => !Object.hasOwn(RULES, key));
  if (unknown.length > 0) {
    throw new TypeError(`createEmulator: unknown option${unknown.length > 1 ? "s" : ""} ${unknown.join(", ")}; the options are ${Object.keys(RULES).join(", ")}`);
  }
  const checked = {};
  for (const [key, [valid, what]] of Object.entries(RULES)) {
    const value = options[key];
    if (value === undefined) continue;
    if (!valid(value)) throw new TypeError(`createEmulator: ${key} must be ${what}, not ${describe(value)}`);
    checked[key] = value;
  }
  checked.origin = originOf(checked.origin ?? DEFAULT_ORIGIN);
  return checked;
}

function originOf(text) {
  let url;
  try {
    url = new URL(text);
  } catch {
    throw new TypeError(`createEmulator: origin must be an absolute URL such as "${DEFAULT_ORIGIN}", not ${describe(text)}`);
  }
  const bare = (url.pathname === "/" || url.pathname === "") && !url.search && !url.hash && !url.username && !url.password;
  if ((url.protocol !== "https:" && url.protocol !== "http:") || !bare) {
    throw new TypeError(`createEmulator: origin must be a scheme and a host only (e.g. "${DEFAULT_ORIGIN}"), not ${describe(text)}`);
  }
  return url.origin;
}

function describe(value) {
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "bigint") return `${value}n`;
  if (typeof value === "function" || typeof value === "symbol") return typeof value;
  if (Array.isArray(value)) return "an array";
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
