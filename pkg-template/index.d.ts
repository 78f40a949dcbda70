// Types of the package's public exports. The models, request bodies, parameters and issues
// are generated from the Rust types (one source of truth) and re-exported here by name;
// every type the generated declarations hold must be listed (tests/types checks it).
import type {
  Account,
  ClientOptions,
  Contact,
  ContactPatchRequest,
  ContactRequest,
  CreateAccountRequest,
  CreateOrganizationRequest,
  ErrorKind,
  GetAccountParams,
  GetOrganizationParams,
  InvalidParam,
  Invoice,
  InvoiceSummary,
  ListAccountsParams,
  ListInvoicesParams,
  ListParams,
  Organization,
  OrganizationSummary,
  Page,
  RequestOptions,
  Error as SignicatErrorFields,
  UpdateAccountRequest,
  UpdateOrganizationRequest,
  ValidationIssue,
} from "./wasm/signicat_account_management.cjs";

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
  ValidationIssue,
} from "./wasm/signicat_account_management.cjs";

/**
 * The API's rules for each request body, checked locally without sending anything: the
 * same rules the client applies before a call. Each returns every issue at once, in field
 * order, and `[]` when the body is valid; none of them throws, whatever the input.
 *
 * @example
 * const issues = validate.createAccount({ name: "", organizationId, isSandbox: true, region: "EU", cloud: "GCP" });
 * // [{ field: "name", rule: "required", message: "name must not be blank" }]
 */
export declare const validate: Readonly<{
  /** Body of `accounts.create` (`CreateAccountRequest`). */
  createAccount(input: unknown): ValidationIssue[];
  /** Body of `accounts.update` (`UpdateAccountRequest`). */
  updateAccount(input: unknown): ValidationIssue[];
  /** Body of `contacts.create` (`ContactRequest`). */
  createContact(input: unknown): ValidationIssue[];
  /** Body of `contacts.update`, a full replacement (`ContactRequest`). */
  updateContact(input: unknown): ValidationIssue[];
  /** Body of `contacts.patch`: only the fields present (`ContactPatchRequest`). */
  patchContact(input: unknown): ValidationIssue[];
  /** Body of `organizations.create` (`CreateOrganizationRequest`). */
  createOrganization(input: unknown): ValidationIssue[];
  /** Body of `organizations.update` (`UpdateOrganizationRequest`). */
  updateOrganization(input: unknown): ValidationIssue[];
}>;

/** Every item of a listing (`for await`), fetching one page at a time; `byPage()` yields the pages. */
export interface Paginated<T> extends AsyncIterable<T> {
  byPage(): AsyncGenerator<Page<T>, void, undefined>;
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
  constructor(options: ClientOptions);
  readonly accounts: Readonly<{
    list(options?: ListAccountsParams & RequestOptions): Promise<Page<Account>>;
    listAll(options?: ListAccountsParams & RequestOptions): Paginated<Account>;
    /** `deleted: true` also finds a soft-deleted account. */
    get(accountId: string, options?: GetAccountParams & RequestOptions): Promise<Account>;
    create(body: CreateAccountRequest, options?: RequestOptions): Promise<Account>;
    update(accountId: string, body: UpdateAccountRequest, options?: RequestOptions): Promise<Account>;
    /** A soft delete: `undelete` restores the account. */
    delete(accountId: string, options?: RequestOptions): Promise<Account>;
    undelete(accountId: string, options?: RequestOptions): Promise<Account>;
  }>;
  readonly contacts: Readonly<{
    list(options?: ListParams & RequestOptions): Promise<Page<Contact>>;
    listAll(options?: ListParams & RequestOptions): Paginated<Contact>;
    get(contactId: string, options?: RequestOptions): Promise<Contact>;
    create(body: ContactRequest, options?: RequestOptions): Promise<Contact>;
    /** Replaces the contact: fields left out are cleared. */
    update(contactId: string, body: ContactRequest, options?: RequestOptions): Promise<Contact>;
    /** Changes only the fields given. */
    patch(contactId: string, body: ContactPatchRequest, options?: RequestOptions): Promise<Contact>;
  }>;
  readonly organizations: Readonly<{
    list(options?: ListParams & RequestOptions): Promise<Page<OrganizationSummary>>;
    listAll(options?: ListParams & RequestOptions): Paginated<OrganizationSummary>;
    /** `deletedAccounts: true` includes soft-deleted accounts in `accounts`. */
    get(organizationId: string, options?: GetOrganizationParams & RequestOptions): Promise<Organization>;
    /** Creates a child of `parentOrganizationId`. */
    create(body: CreateOrganizationRequest, options?: RequestOptions): Promise<Organization>;
    update(organizationId: string, body: UpdateOrganizationRequest, options?: RequestOptions): Promise<Organization>;
  }>;
  readonly invoices: Readonly<{
    /** Invoices dated in `[after, before]`; `before` defaults to now. Not paged. */
    list(options?: ListInvoicesParams & RequestOptions): Promise<InvoiceSummary[]>;
    get(invoiceNumber: string, options?: RequestOptions): Promise<Invoice>;
    /** The invoice document (PDF) as bytes. */
    download(invoiceNumber: string, options?: RequestOptions): Promise<Uint8Array>;
  }>;
}

/** What every failed call rejects with; `kind` says what to do about it. */
export declare class SignicatError extends Error implements SignicatErrorFields {
  readonly name: "SignicatError";
  kind: ErrorKind;
  /** Whether trying again later may succeed. */
  retryable: boolean;
  status?: number;
  code?: string;
  title?: string;
  detail?: string;
  traceId?: string;
  type?: string;
  invalidParams?: InvalidParam[];
  /** Client-side validation issues (kind `validation`): nothing was sent. */
  issues?: ValidationIssue[];
  /** The operation, e.g. `accounts.create`. */
  operation?: string;
}
