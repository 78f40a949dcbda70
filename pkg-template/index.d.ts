// Types of the package's public exports. The models, request bodies, parameters and issues
// are generated from the Rust types (one source of truth) and re-exported here by name;
// every type the generated declarations hold must be listed (tests/types checks it).
/**
 * The Signicat Account Management API from browsers, workers and Node: `SignicatClient` for
 * the calls, `validate` for the API's rules without a call, and the API's types.
 *
 * @example
 * import { SignicatClient } from "signicat-account-management";
 * const client = new SignicatClient({ clientId, clientSecret });
 * const { data: accounts } = await client.accounts.list({ limit: 10 });
 *
 * @module signicat-account-management
 */
import type * as Wasm from "./wasm/signicat_account_management.cjs";

export type {
  Account,
  AccountOrganization,
  AccountSummary,
  Address,
  AppInfo,
  ClientOptions,
  Cloud,
  Contact,
  ContactPatchRequest,
  ContactRequest,
  ContactRole,
  ContactSummary,
  CreateAccountRequest,
  CreateOrganizationRequest,
  ErrorKind,
  GetAccountParams,
  GetOrganizationParams,
  InvalidParam,
  Invoice,
  InvoiceLine,
  InvoiceSummary,
  ListAccountsParams,
  ListInvoicesParams,
  ListParams,
  LogLevel,
  Logger,
  Middleware,
  Organization,
  OrganizationSummary,
  Page,
  ProblemDetails,
  Reference,
  Region,
  RequestEvent,
  RequestOptions,
  ResponseEvent,
  Rule,
  TokenInfo,
  UpdateAccountRequest,
  UpdateOrganizationRequest,
  UpdatedOrganization,
  ValidationIssue,
} from "./wasm/signicat_account_management.cjs";

/**
 * Resolves once the WebAssembly is compiled and instantiated, rejects if it cannot load.
 * Node loads it synchronously, so there it has resolved on import; browsers and workers
 * start loading on import. Client calls wait for it by themselves; `validate.*` needs it.
 */
export declare const ready: Promise<void>;

/**
 * The API's rules for each request body, checked locally without sending anything: the
 * same rules the client applies before a call. Each returns every issue at once, in field
 * order, and `[]` when the body is valid; none of them throws, whatever the input, once
 * `ready` has resolved (in Node it always has; in browsers they throw until then).
 *
 * @example
 * const issues = validate.createAccount({ name: "", organizationId, isSandbox: true, region: "EU", cloud: "GCP" });
 * // [{ field: "name", rule: "required", message: "name must not be blank" }]
 */
export declare const validate: Readonly<{
  /** Body of `accounts.create` (`CreateAccountRequest`). */
  createAccount(input: unknown): Wasm.ValidationIssue[];
  /** Body of `accounts.update` (`UpdateAccountRequest`). */
  updateAccount(input: unknown): Wasm.ValidationIssue[];
  /** Body of `contacts.create` (`ContactRequest`). */
  createContact(input: unknown): Wasm.ValidationIssue[];
  /** Body of `contacts.update`, a full replacement (`ContactRequest`). */
  updateContact(input: unknown): Wasm.ValidationIssue[];
  /** Body of `contacts.patch`: only the fields present (`ContactPatchRequest`). */
  patchContact(input: unknown): Wasm.ValidationIssue[];
  /** Body of `organizations.create` (`CreateOrganizationRequest`). */
  createOrganization(input: unknown): Wasm.ValidationIssue[];
  /** Body of `organizations.update` (`UpdateOrganizationRequest`). */
  updateOrganization(input: unknown): Wasm.ValidationIssue[];
}>;

/** Every item of a listing (`for await`), fetching one page at a time; `byPage()` yields the pages. */
export interface Paginated<T> extends AsyncIterable<T> {
  /**
   * The pages themselves, one request each, for a caller that wants `next` or a page at a time.
   *
   * @example
   * for await (const page of client.accounts.listAll({ limit: 200 }).byPage()) console.log(page.data.length, page.next);
   */
  byPage(): AsyncGenerator<Wasm.Page<T>, void, undefined>;
}

/**
 * What every client method returns: a promise of the data, which also offers the answer it
 * came in. One request either way.
 */
export interface APIPromise<T> extends Promise<T> {
  /**
   * The data with the answer's `Response` (status, headers such as rate limits, URL; its body
   * already read) and the API's request id, for a support ticket.
   *
   * @example
   * const { data, response, requestId } = await client.accounts.list({ limit: 10 }).withResponse();
   * console.log(response.status, response.headers.get("x-request-id"), requestId);
   */
  withResponse(): Promise<WithResponse<T>>;
}

/** A call's data, the answer it came in, and the API's id for that answer. */
export interface WithResponse<T> {
  /** What the call resolves to without `.withResponse()`. */
  data: T;
  /** The API's answer, for its status, headers and URL. */
  response: Response;
  /** The answer's `x-request-id`, when the API sent one. */
  requestId?: string;
}

/**
 * The Account Management API. Every method returns a promise that rejects with a
 * `SignicatError`; every method's last argument takes `{ signal, timeoutMs, headers, maxRetries }`.
 *
 * @example
 * const client = new SignicatClient({ clientId, clientSecret });
 * for await (const account of client.accounts.listAll()) console.log(account.name);
 */
export declare class SignicatClient {
  /** Throws a `SignicatError` of kind `config` when the options cannot work. */
  constructor(options: Wasm.ClientOptions);
  /** Accounts: units that group resources and billing inside an organization. */
  readonly accounts: Readonly<{
    /**
     * One page of accounts; pass its `next` back as `page` for the following one.
     *
     * @example
     * const { data, next } = await client.accounts.list({ limit: 50 });
     * const more = next ? await client.accounts.list({ limit: 50, page: next }) : undefined;
     */
    list(options?: Wasm.ListAccountsParams & Wasm.RequestOptions): APIPromise<Wasm.Page<Wasm.Account>>;
    /**
     * Every account, fetching one page at a time as the loop asks for more.
     *
     * @example
     * for await (const account of client.accounts.listAll({ deleted: false })) {
     *   console.log(account.id, account.name);
     * }
     */
    listAll(options?: Wasm.ListAccountsParams & Wasm.RequestOptions): Paginated<Wasm.Account>;
    /**
     * One account with its products; `deleted: true` also finds a soft-deleted account.
     *
     * @example
     * const account = await client.accounts.get(accountId);
     * const deleted = await client.accounts.get(accountId, { deleted: true });
     */
    get(accountId: string, options?: Wasm.GetAccountParams & Wasm.RequestOptions): APIPromise<Wasm.Account>;
    /**
     * Creates an account in an organization; the body is checked before anything is sent (`validate.createAccount`).
     *
     * @example
     * const account = await client.accounts.create({
     *   name: "Team A", organizationId, isSandbox: true, region: "EU", cloud: "GCP",
     * });
     */
    create(body: Wasm.CreateAccountRequest, options?: Wasm.RequestOptions): APIPromise<Wasm.Account>;
    /**
     * Renames an account, and enables or disables it.
     *
     * @example
     * await client.accounts.update(account.id, { name: "Team A (EU)", enabled: false });
     */
    update(accountId: string, body: Wasm.UpdateAccountRequest, options?: Wasm.RequestOptions): APIPromise<Wasm.Account>;
    /**
     * A soft delete: `undelete` restores the account.
     *
     * @example
     * await client.accounts.delete(account.id);
     * await client.accounts.get(account.id, { deleted: true }); // isSoftDeleted: true
     */
    delete(accountId: string, options?: Wasm.RequestOptions): APIPromise<Wasm.Account>;
    /**
     * Restores a soft-deleted account.
     *
     * @example
     * const restored = await client.accounts.undelete(account.id); // isSoftDeleted: false
     */
    undelete(accountId: string, options?: Wasm.RequestOptions): APIPromise<Wasm.Account>;
  }>;
  /** Contacts: the people an organization names for its roles (billing, technical, owner). */
  readonly contacts: Readonly<{
    /**
     * One page of contacts; pass its `next` back as `page` for the following one.
     *
     * @example
     * const { data: contacts, next } = await client.contacts.list({ limit: 100 });
     */
    list(options?: Wasm.ListParams & Wasm.RequestOptions): APIPromise<Wasm.Page<Wasm.Contact>>;
    /**
     * Every contact, fetching one page at a time as the loop asks for more.
     *
     * @example
     * for await (const contact of client.contacts.listAll()) console.log(contact.name, contact.roles);
     */
    listAll(options?: Wasm.ListParams & Wasm.RequestOptions): Paginated<Wasm.Contact>;
    /**
     * One contact with the organization it belongs to.
     *
     * @example
     * const contact = await client.contacts.get(contactId);
     */
    get(contactId: string, options?: Wasm.RequestOptions): APIPromise<Wasm.Contact>;
    /**
     * Creates a contact; the body is checked before anything is sent (`validate.createContact`).
     *
     * @example
     * const contact = await client.contacts.create({
     *   organizationId, firstName: "Harald", lastName: "Hårfagre", email: "harald@hårfagre.no", roles: ["FinancialContact"],
     * });
     */
    create(body: Wasm.ContactRequest, options?: Wasm.RequestOptions): APIPromise<Wasm.Contact>;
    /**
     * Replaces the contact: fields left out are cleared.
     *
     * @example
     * await client.contacts.update(contact.id, { firstName: "Harald", lastName: "Hårfagre", email: "harald@example.com" });
     */
    update(contactId: string, body: Wasm.ContactRequest, options?: Wasm.RequestOptions): APIPromise<Wasm.Contact>;
    /**
     * Changes only the fields given; `organizationId` moves the contact to another organization.
     *
     * @example
     * await client.contacts.patch(contact.id, { mobile: "+4791234567" });
     */
    patch(contactId: string, body: Wasm.ContactPatchRequest, options?: Wasm.RequestOptions): APIPromise<Wasm.Contact>;
  }>;
  /** Organizations: the tree of your organization and its children, with their billing details. */
  readonly organizations: Readonly<{
    /**
     * One page of organizations; pass its `next` back as `page` for the following one.
     *
     * @example
     * const { data: organizations } = await client.organizations.list({ limit: 20 });
     */
    list(options?: Wasm.ListParams & Wasm.RequestOptions): APIPromise<Wasm.Page<Wasm.OrganizationSummary>>;
    /**
     * Every organization, fetching one page at a time as the loop asks for more.
     *
     * @example
     * for await (const organization of client.organizations.listAll()) console.log(organization.name, organization.parentOrganization?.id);
     */
    listAll(options?: Wasm.ListParams & Wasm.RequestOptions): Paginated<Wasm.OrganizationSummary>;
    /**
     * One organization with its children, billing details, accounts and contacts; `deletedAccounts: true` includes soft-deleted accounts in `accounts`.
     *
     * @example
     * const organization = await client.organizations.get(organizationId, { deletedAccounts: true });
     */
    get(organizationId: string, options?: Wasm.GetOrganizationParams & Wasm.RequestOptions): APIPromise<Wasm.Organization>;
    /**
     * Creates a child of `parentOrganizationId`.
     *
     * @example
     * const child = await client.organizations.create({ name: "Nordic branch", parentOrganizationId: organizationId, country: "NO" });
     */
    create(body: Wasm.CreateOrganizationRequest, options?: Wasm.RequestOptions): APIPromise<Wasm.Organization>;
    /**
     * Changes the fields given; resolves to the fields as saved (the API's answer has no `id`).
     *
     * @example
     * const saved = await client.organizations.update(organizationId, { billingEmail: "billing@example.com" });
     */
    update(organizationId: string, body: Wasm.UpdateOrganizationRequest, options?: Wasm.RequestOptions): APIPromise<Wasm.UpdatedOrganization>;
  }>;
  /** Invoices: their headers by date, one with its lines, and its PDF. */
  readonly invoices: Readonly<{
    /**
     * Invoices dated in `[after, before]`; `before` defaults to now. Not paged.
     *
     * @example
     * const invoices = await client.invoices.list({ after: new Date("2025-01-01"), before: "2025-06-30" });
     */
    list(options?: Wasm.ListInvoicesParams & Wasm.RequestOptions): APIPromise<Wasm.InvoiceSummary[]>;
    /**
     * One invoice with its lines.
     *
     * @example
     * const { lines = [] } = await client.invoices.get(invoices[0].invoiceNumber);
     */
    get(invoiceNumber: string, options?: Wasm.RequestOptions): APIPromise<Wasm.Invoice>;
    /**
     * The invoice document (PDF) as bytes.
     *
     * @example
     * const pdf = await client.invoices.download(invoiceNumber);
     * await writeFile(`${invoiceNumber}.pdf`, pdf); // node:fs/promises
     */
    download(invoiceNumber: string, options?: Wasm.RequestOptions): APIPromise<Uint8Array>;
  }>;
}

/** What every failed call rejects with; `kind` says what to do about it. */
export declare class SignicatError extends Error implements Wasm.Error {
  /** Always `"SignicatError"`. */
  readonly name: "SignicatError";
  /** What went wrong, in the terms a caller acts on. */
  kind: Wasm.ErrorKind;
  /** Whether trying again later may succeed. */
  retryable: boolean;
  /** The HTTP status of the API's answer, when there was one. */
  status?: number;
  /** The API's error code. */
  code?: string;
  /** The API's short summary of the problem. */
  title?: string;
  /** The API's explanation of this occurrence. */
  detail?: string;
  /** The API's trace id, to quote to Signicat's support. */
  traceId?: string;
  /** A URI naming the problem type, from the API's problem details. */
  type?: string;
  /** The parameters the API rejected, with why. */
  invalidParams?: Wasm.InvalidParam[];
  /** Client-side validation issues (kind `validation`): nothing was sent. */
  issues?: Wasm.ValidationIssue[];
  /** How long the API asked callers to wait before trying again (its `Retry-After`). */
  retryAfterMs?: number;
  /** The operation, e.g. `accounts.create`. */
  operation?: string;
  /** The headers of the API's answer, when there was one (credentials redacted). */
  headers?: Record<string, string>;
  /** The answer's `x-request-id` (else the problem's `traceId`), to quote to Signicat's support. */
  requestId?: string;
}
