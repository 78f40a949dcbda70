// A TypeScript user's client code against the installed package; compiled with tsc --strict --noEmit.
import { SignicatClient, SignicatError } from "signicat-account-management";
import type { Account, ErrorKind, Invoice, Organization, Page, ValidationIssue } from "signicat-account-management";

export async function panel(signal: AbortSignal): Promise<string[]> {
  const client = new SignicatClient({
    getToken: async () => ({ accessToken: "from-my-backend", expiresIn: 600 }),
    timeoutMs: 10_000,
    maxRetries: 1,
    onResponse: (event) => console.log(event.operation, event.status, event.durationMs),
  });
  const page: Page<Account> = await client.accounts.list({ limit: 50, deleted: false, signal });
  const next: string | undefined = page.next;
  const names: string[] = [];
  for await (const account of client.accounts.listAll({ limit: 100 })) names.push(account.name);
  for await (const accounts of client.accounts.listAll().byPage()) names.push(String(accounts.data.length));
  const created = await client.accounts.create(
    { name: "Team A", organizationId: "o-p-1", isSandbox: true, region: "EU", cloud: "GCP" },
    { timeoutMs: 5_000 },
  );
  await client.accounts.get(created.id, { deleted: true });
  await client.accounts.update(created.id, { name: "Team A (EU)", enabled: false });
  await client.accounts.delete(created.id);
  await client.accounts.undelete(created.id);
  const org: Organization = await client.organizations.get("o-p-1", { deletedAccounts: true });
  names.push(...org.accounts.map((a) => a.name), ...org.childOrganizations.map((c) => c.id));
  await client.contacts.patch("c-p-1", { mobile: "+4799999999" });
  const invoices = await client.invoices.list({ after: new Date("2024-01-01"), before: "2024-12-31T23:59:59Z" });
  const invoice: Invoice = await client.invoices.get(invoices[0]?.invoiceNumber ?? "");
  const pdf: Uint8Array = await client.invoices.download(invoice.invoiceNumber, { signal });
  names.push(String(pdf.byteLength), next ?? "");

  // @ts-expect-error region is "EU" only
  await client.accounts.create({ name: "x", organizationId: "o", isSandbox: true, region: "US", cloud: "GCP" });
  // @ts-expect-error an id is a string
  await client.accounts.get(42);
  // @ts-expect-error list items have no products field of type number
  const wrong: number = page.data[0]?.products;
  names.push(String(wrong));
  return names;
}

export function describe(error: unknown): string {
  if (!(error instanceof SignicatError)) return String(error);
  const kind: ErrorKind = error.kind;
  const issues: ValidationIssue[] = error.issues ?? [];
  const status: number | undefined = error.status;
  return `${kind} ${status ?? ""} ${error.retryable} ${error.traceId ?? ""} ${issues.length} ${error.message}`;
}

// @ts-expect-error credentials are options, not positional arguments
new SignicatClient("client-id", "secret");
