// Types of the package's public exports. The models, request bodies, parameters and issues
// are generated from the Rust types (one source of truth) and re-exported here by name;
// every type the generated declarations hold must be listed (tests/types checks it).
import type * as Wasm from "./wasm/signicat_account_management.cjs";

export type {
  Account,
  AccountOrganization,
  AccountSummary,
  Address,
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
 * The API's rules for each request body, checked locally without sending anything: the
 * same rules the client applies before a call. Each returns every issue at once, in field
 * order, and `[]` when the body is valid; none of them throws, whatever the input, once
 * `ready` has resolved (in Node it always has; in browsers they throw until then).
 *
 * @example
 * const issues = validate.createAccount({ name: "", organizationId, isSandbox: true, region: "EU", cloud: "GCP" });
 * // [{ field: "name", rule: "required", message: "name must not be blank" }]
 */
/**
 * Resolves once the WebAssembly is compiled and instantiated, rejects if it cannot load.
 * Node loads it synchronously, so there it has resolved on import; browsers and workers
 * start loading on import. Client calls wait for it by themselves; `validate.*` needs it.
 */
export declare const ready: Promise<void>;

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
  byPage(): AsyncGenerator<Wasm.Page<T>, void, undefined>;
}

/**
 * The Account Management API. Every method returns a promise that rejects with a
 * `SignicatError`; every method's last argument takes `{ signal, timeoutMs }`.
 *
 * @example
 * const client = new SignicatClient({ clientId, clientSecret });
 * for await (const account of client.accounts.listAll()) console.log(account.name);
 */
export declare class SignicatClient {
  /** Throws a `SignicatError` of kind `config` when the options cannot work. */
  constructor(options: Wasm.ClientOptions);
  readonly accounts: Readonly<{
    list(options?: Wasm.ListAccountsParams & Wasm.RequestOptions): Promise<Wasm.Page<Wasm.Account>>;
    listAll(options?: Wasm.ListAccountsParams & Wasm.RequestOptions): Paginated<Wasm.Account>;
    /** `deleted: true` also finds a soft-deleted account. */
    get(accountId: string, options?: Wasm.GetAccountParams & Wasm.RequestOptions): Promise<Wasm.Account>;
    create(body: Wasm.CreateAccountRequest, options?: Wasm.RequestOptions): Promise<Wasm.Account>;
    update(accountId: string, body: Wasm.UpdateAccountRequest, options?: Wasm.RequestOptions): Promise<Wasm.Account>;
    /** A soft delete: `undelete` restores the account. */
    delete(accountId: string, options?: Wasm.RequestOptions): Promise<Wasm.Account>;
    undelete(accountId: string, options?: Wasm.RequestOptions): Promise<Wasm.Account>;
  }>;
  readonly contacts: Readonly<{
    list(options?: Wasm.ListParams & Wasm.RequestOptions): Promise<Wasm.Page<Wasm.Contact>>;
    listAll(options?: Wasm.ListParams & Wasm.RequestOptions): Paginated<Wasm.Contact>;
    get(contactId: string, options?: Wasm.RequestOptions): Promise<Wasm.Contact>;
    create(body: Wasm.ContactRequest, options?: Wasm.RequestOptions): Promise<Wasm.Contact>;
    /** Replaces the contact: fields left out are cleared. */
    update(contactId: string, body: Wasm.ContactRequest, options?: Wasm.RequestOptions): Promise<Wasm.Contact>;
    /** Changes only the fields given. */
    patch(contactId: string, body: Wasm.ContactPatchRequest, options?: Wasm.RequestOptions): Promise<Wasm.Contact>;
  }>;
  readonly organizations: Readonly<{
    list(options?: Wasm.ListParams & Wasm.RequestOptions): Promise<Wasm.Page<Wasm.OrganizationSummary>>;
    listAll(options?: Wasm.ListParams & Wasm.RequestOptions): Paginated<Wasm.OrganizationSummary>;
    /** `deletedAccounts: true` includes soft-deleted accounts in `accounts`. */
    get(organizationId: string, options?: Wasm.GetOrganizationParams & Wasm.RequestOptions): Promise<Wasm.Organization>;
    /** Creates a child of `parentOrganizationId`. */
    create(body: Wasm.CreateOrganizationRequest, options?: Wasm.RequestOptions): Promise<Wasm.Organization>;
    /** Changes the fields given; resolves to the fields as saved (the API's answer has no `id`). */
    update(organizationId: string, body: Wasm.UpdateOrganizationRequest, options?: Wasm.RequestOptions): Promise<Wasm.UpdatedOrganization>;
  }>;
  readonly invoices: Readonly<{
    /** Invoices dated in `[after, before]`; `before` defaults to now. Not paged. */
    list(options?: Wasm.ListInvoicesParams & Wasm.RequestOptions): Promise<Wasm.InvoiceSummary[]>;
    get(invoiceNumber: string, options?: Wasm.RequestOptions): Promise<Wasm.Invoice>;
    /** The invoice document (PDF) as bytes. */
    download(invoiceNumber: string, options?: Wasm.RequestOptions): Promise<Uint8Array>;
  }>;
}

/** What every failed call rejects with; `kind` says what to do about it. */
export declare class SignicatError extends Error implements Wasm.Error {
  readonly name: "SignicatError";
  kind: Wasm.ErrorKind;
  /** Whether trying again later may succeed. */
  retryable: boolean;
  status?: number;
  code?: string;
  title?: string;
  detail?: string;
  traceId?: string;
  type?: string;
  invalidParams?: Wasm.InvalidParam[];
  /** Client-side validation issues (kind `validation`): nothing was sent. */
  issues?: Wasm.ValidationIssue[];
  /** How long the API asked callers to wait before trying again (its `Retry-After`). */
  retryAfterMs?: number;
  /** The operation, e.g. `accounts.create`. */
  operation?: string;
}
