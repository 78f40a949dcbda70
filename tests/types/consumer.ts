// A TypeScript user's code against the installed package; compiled with tsc --strict --noEmit.
import { ready, validate } from "signicat-account-management";
import type {
  Account,
  Cloud,
  ContactPatchRequest,
  ContactRequest,
  ContactRole,
  CreateAccountRequest,
  CreateOrganizationRequest,
  Invoice,
  InvoiceSummary,
  ListParams,
  Organization,
  Page,
  ProblemDetails,
  Region,
  Rule,
  UpdateAccountRequest,
  ValidationIssue,
} from "signicat-account-management";

const body: CreateAccountRequest = {
  name: "Team A",
  organizationId: "o-1",
  isSandbox: true,
  region: "EU",
  cloud: "GCP",
};
const loaded: Promise<void> = ready;
const issues: ValidationIssue[] = validate.createAccount(body);
const rules: Rule[] = issues.map((issue) => issue.rule);
const messages: string[] = issues.map((issue) => `${issue.field}: ${issue.message}`);
validate.createAccount({ name: "half-typed form state" });
validate.updateAccount(JSON.parse("{}"));
const fromForm: ValidationIssue[][] = [
  validate.createContact({ firstName: "Ada", lastName: "Lovelace" } satisfies ContactRequest),
  validate.updateContact({ firstName: "Ada", lastName: "Lovelace", roles: ["CommercialOwner"] }),
  validate.patchContact({ email: "harald@hårfagre.no" } satisfies ContactPatchRequest),
  validate.createOrganization({ name: "Org", parentOrganizationId: "o-1" } satisfies CreateOrganizationRequest),
  validate.updateOrganization({ name: "Org" }),
];

const region: Region = "EU";
const clouds: Cloud[] = ["GCP", "OTC"];
const role: ContactRole = "FinancialContact";
const update: UpdateAccountRequest = { name: "Team A (EU)", enabled: false };
const renameOnly: UpdateAccountRequest = { name: "Team A" };
const listing: ListParams = { limit: 50 };

function names(page: Page<Account>): string[] {
  return (page.data ?? []).map((account) => account.name ?? account.id);
}
function nextPage(page: Page<Account>): string | undefined {
  return page.next;
}
function owner(account: Account): string | undefined {
  return account.organization?.name;
}
function accountsOf(organization: Organization): string[] {
  return (organization.accounts ?? []).map((account) => account.id);
}
function lineTotal(invoice: Invoice): number {
  return (invoice.lines ?? []).reduce((sum, line) => sum + (line.lineAmount ?? 0), 0);
}
function headline(summary: InvoiceSummary): string {
  return `${summary.invoiceNumber} ${summary.currencyCode ?? ""}`;
}
function explain(problem: ProblemDetails): string | undefined {
  return problem.detail ?? problem.title;
}

// Wrong values are rejected:
// @ts-expect-error the API accepts only region "EU"
const us: CreateAccountRequest = { ...body, region: "US" };
// @ts-expect-error cloud is "GCP" or "OTC"
const azure: CreateAccountRequest = { ...body, cloud: "Azure" };
// @ts-expect-error isSandbox is a boolean
const sandbox: CreateAccountRequest = { ...body, isSandbox: "yes" };
// @ts-expect-error name is required
const nameless: CreateAccountRequest = { organizationId: "o-1", isSandbox: true, region: "EU", cloud: "GCP" };
// @ts-expect-error absent optional fields are `undefined`, never `null`
const nulled: UpdateAccountRequest = { name: "Team A", enabled: null };
// @ts-expect-error an issue's rule is one of the Rule names
const madeUp: Rule = "tooLong";
// @ts-expect-error validate returns the issues, not a boolean
const valid: boolean = validate.createAccount(body);
// @ts-expect-error there is no validator for deletes
validate.deleteAccount("a-1");
// @ts-expect-error validate is read-only
validate.createAccount = () => [];
// @ts-expect-error a page's items have the page's type
const wrongItems: Page<Account> = { data: [{ invoiceNumber: "1" }] };

export const used = [
  rules, messages, fromForm, region, clouds, role, update, renameOnly, listing, names, nextPage, owner,
  accountsOf, lineTotal, headline, explain, us, azure, sandbox, nameless, nulled, madeUp, valid, wrongItems,
];
