// Types of the package's public exports. The models, request bodies, parameters and issues
// are generated from the Rust types (one source of truth) and re-exported here by name;
// every type the generated declarations hold must be listed (tests/types checks it).
import type { ValidationIssue } from "./wasm/node/signicat_account_management.js";

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
} from "./wasm/node/signicat_account_management.js";

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
