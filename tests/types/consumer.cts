// The same package from CommonJS TypeScript (`require`), which resolves index.d.cts.
import { validate } from "signicat-account-management";
import type { CreateAccountRequest, ValidationIssue } from "signicat-account-management";

const body: CreateAccountRequest = { name: "Team A", organizationId: "o-1", isSandbox: false, region: "EU", cloud: "OTC" };
const issues: ValidationIssue[] = validate.createAccount(body);

// @ts-expect-error the API accepts only region "EU"
const us: CreateAccountRequest = { ...body, region: "US" };

export = { issues, us };
