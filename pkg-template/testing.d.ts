// Types of `signicat-account-management/testing`: the API emulator in-process, for tests.
/**
 * The Account Management API emulated in your test process, in Node and in browsers: hand
 * `createEmulator().clientOptions()` to the `SignicatClient` under test; nothing reaches the network.
 *
 * @example
 * import { createEmulator } from "signicat-account-management/testing";
 * const emulator = createEmulator({ seed: 7 });
 * const client = new SignicatClient(emulator.clientOptions());
 *
 * @module signicat-account-management/testing
 */
import type { ClientOptions } from "signicat-account-management";

/** What `createEmulator` takes; every option is optional. */
export interface EmulatorOptions {
  /** The scheme and host the emulator answers (its URLs start with it). Defaults to `"https://signicat-emulator.test"`. */
  origin?: string;
  /** Makes the dataset (ids, names, amounts) the same on every run. Random by default. */
  seed?: number;
  /** Extra generated accounts, to exercise pagination. Defaults to 0. */
  accounts?: number;
  /** The one client id the token endpoint accepts. Defaults to `"demo-client"`, as the HTTP emulator. */
  clientId?: string;
  /** The one client secret the token endpoint accepts. Defaults to `"demo-secret"`, as the HTTP emulator. */
  clientSecret?: string;
  /** Lifetime of issued tokens, in seconds. Defaults to 600, as the HTTP emulator. */
  tokenTtl?: number;
  /** `next` in list pages as a bare page token (the default) or as the full URL of the next page. */
  nextStyle?: "token" | "url";
  /** Random faults on every API request, e.g. `"429=0.1,503=0.05,reset=0.02,slow=1500ms@0.05"`. */
  faults?: string;
  /** Makes the random faults repeatable. */
  faultSeed?: number;
}

/** Where `armFault` applies and how often. */
export interface FaultOptions {
  /** How many matching requests meet the fault. Defaults to 1. */
  times?: number;
  /** Only requests with this method, e.g. `"POST"`. */
  method?: string;
  /** Only this path (e.g. `"/account-management/accounts"`), or a prefix when it ends with `*`. */
  path?: string;
}

/** What `stats()` resolves to: every API and token request since the last reset or `clearStats()`. */
export interface EmulatorStats {
  /** Requests to the token endpoint. */
  tokenRequests: number;
  /** Every API and token request. */
  totalRequests: number;
  /** Requests per `"METHOD /path"`. */
  counts: Record<string, number>;
  /** Each request in arrival order, with the fault it met; a reset connection has status 0. */
  requests: {
    /** The request's method, e.g. `"GET"`. */
    method: string;
    /** The request's path, without the query. */
    path: string;
    /** The status answered. */
    status: number;
    /** The fault the request met, e.g. `"503"`. */
    fault?: string;
  }[];
}

/** What `health()` resolves to. */
export interface EmulatorHealth {
  /** `"ok"`. */
  status: string;
  /** The origin it answers. */
  origin: string;
  /** The dataset's seed: pass it as `seed` to get the same data again. */
  seed: number;
  /** How list pages give `next`. */
  nextStyle: "token" | "url";
  /** The random fault spec in force, `""` when none. */
  randomFaults: string;
  /** The top of the organization tree. */
  rootOrganizationId: string;
  /** What the emulator holds now; `accounts` counts the live ones. */
  counts: {
    /** Live accounts. */
    accounts: number;
    /** Soft-deleted accounts. */
    deletedAccounts: number;
    /** Contacts. */
    contacts: number;
    /** Organizations, the root included. */
    organizations: number;
    /** Invoices. */
    invoices: number;
  };
  /** The service name, its version and more. */
  [key: string]: unknown;
}

/** What the fault controls resolve to: the armed queue and the random spec. */
export interface EmulatorFaults {
  /** The armed faults in the order they apply, with the matching requests left for each. */
  armed: {
    /** The fault, e.g. `"503"` or `"slow=200ms"`. */
    fault: string;
    /** How many more matching requests meet it. */
    times: number;
    /** Only requests with this method; `null` for any. */
    method?: string | null;
    /** Only this path, or a prefix ending in `*`; `null` for any. */
    path?: string | null;
  }[];
  /** The random fault spec in force, `""` when none. */
  random: string;
}

/**
 * The Account Management API emulator running in this process: the same router as the
 * emulator server, reached through `fetch`, with no server and no port. Its data lives until
 * `close()`; two emulators share nothing.
 */
export interface Emulator {
  /** The scheme and host the emulator answers, e.g. `"https://signicat-emulator.test"`. */
  readonly origin: string;
  /** `${origin}/account-management`: the client's `baseUrl`. */
  readonly baseUrl: string;
  /** The OAuth token endpoint: the client's `tokenUrl`. */
  readonly tokenUrl: string;
  /** The client id the token endpoint accepts. */
  readonly clientId: string;
  /** Not an own property, so it never shows in `util.inspect` or `JSON.stringify`. */
  readonly clientSecret: string;
  /**
   * Resolves once the emulator can answer (in browsers its wasm loads in the background;
   * in Node it has resolved at once); rejects if it cannot start. Every method waits for it.
   */
  readonly ready: Promise<void>;
  /**
   * A `fetch` that only the emulator answers: a URL outside `origin` rejects with a TypeError.
   * Faults that need a socket look as they do to fetch: `reset` rejects with
   * `TypeError("fetch failed")`, `truncate` gives a body that errors after its first half,
   * `slow` answers later (an aborted `signal` rejects at once).
   */
  readonly fetch: (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;
  /**
   * `SignicatClient` options that reach this emulator (`baseUrl`, `tokenUrl`, `clientId`,
   * `clientSecret`, `fetch`, and `dangerouslyAllowBrowser`, as these credentials guard
   * nothing), with `extra` on top.
   *
   * @example
   * const client = new SignicatClient(emulator.clientOptions({ maxRetries: 0 }));
   */
  clientOptions(extra?: ClientOptions): ClientOptions & {
    /** The emulator's `fetch`. */
    fetch: Emulator["fetch"];
  };
  /**
   * Back to the seeded data; armed faults and stats are cleared, tokens stay valid.
   *
   * @example
   * afterEach(() => emulator.reset());
   */
  reset(): Promise<unknown>;
  /**
   * Arms a fault for the next matching requests: `"503"`, `"429;retry-after=1"`, `"500"`,
   * `"reset"`, `"truncate"`, `"html"`, `"html;status=200"`, `"slow=200ms"`, or a whole
   * `{ fault, times, method, path }` object.
   *
   * @example
   * await emulator.armFault("503", { times: 2, method: "GET", path: "/account-management/accounts*" });
   * await emulator.armFault({ fault: "slow=200ms", path: "/account-management/invoices" });
   */
  armFault(spec: string | (FaultOptions & { fault: string }), options?: FaultOptions): Promise<EmulatorFaults>;
  /**
   * Disarms every armed fault.
   *
   * @example
   * const { armed } = await emulator.clearFaults(); // []
   */
  clearFaults(): Promise<EmulatorFaults>;
  /**
   * Replaces the random faults (`""` switches them off) until the next reset; `seed` makes them repeatable.
   *
   * @example
   * await emulator.setRandomFaults("429=0.1,reset=0.02", 42);
   * await emulator.setRandomFaults("");
   */
  setRandomFaults(spec: string, seed?: number): Promise<EmulatorFaults>;
  /**
   * Invalidates every issued token: the next API call answers 401.
   *
   * @example
   * await emulator.revokeTokens();
   * await client.accounts.list(); // the client renews its token and repeats the call
   */
  revokeTokens(): Promise<{
    /** How many tokens were revoked. */
    revoked: number;
  }>;
  /**
   * Every API and token request since the last reset or `clearStats()`.
   *
   * @example
   * const { tokenRequests, counts } = await emulator.stats();
   * counts["POST /account-management/accounts"]; // 1
   */
  stats(): Promise<EmulatorStats>;
  /**
   * Starts counting afresh.
   *
   * @example
   * await emulator.clearStats();
   */
  clearStats(): Promise<unknown>;
  /**
   * The seed, the origin, the counts of what the emulator holds, and more.
   *
   * @example
   * const { seed, counts } = await emulator.health();
   */
  health(): Promise<EmulatorHealth>;
  /**
   * Moves the emulator's clock forward by `by`, in milliseconds or as a duration (`"200ms"`,
   * `"1.5s"`, `"2m"`, `"1h"`): tokens expire and new records are dated by it. Resolves to the
   * emulator's new time.
   *
   * @example
   * await emulator.advanceClock("2h"); // every token issued so far has expired
   */
  advanceClock(by: number | string): Promise<Date>;
  /**
   * The emulator's time: the real time plus every `advanceClock` so far.
   *
   * @example
   * const time = await emulator.now();
   */
  now(): Promise<Date>;
  /**
   * Frees the emulator once its requests in flight have settled; later requests are refused.
   *
   * @example
   * t.after(() => emulator.close());
   */
  close(): void;
  /**
   * `close()`, for `using emulator = createEmulator()`.
   *
   * @example
   * using emulator = createEmulator({ seed: 7 }); // closed at the end of the block
   */
  [Symbol.dispose](): void;
}

/**
 * Starts an emulator in this process, at once: in browsers the wasm loads in the background
 * (await `ready`, or just call it). Throws a TypeError when an option has the wrong type.
 *
 * @example
 * const emulator = createEmulator({ seed: 7 });
 * const client = new SignicatClient(emulator.clientOptions());
 * await emulator.armFault("503", { method: "POST", path: "/account-management/accounts" });
 */
export declare function createEmulator(options?: EmulatorOptions): Emulator;
