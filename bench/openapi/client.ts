// The alternative the SDK is measured against: an openapi-fetch client typed by the types
// openapi-typescript generates from spec/account-management.yaml (./schema.d.ts, written
// beside this file by bench/openapi/build.mjs). The calls below are type-checked against it.
import createClient from "openapi-fetch";
import type { paths } from "./schema";

export function createAccountManagementClient(baseUrl: string, token: string) {
  const client = createClient<paths>({ baseUrl, headers: { authorization: `Bearer ${token}` } });
  return {
    async getAccount(accountId: string) {
      const { data, error, response } = await client.GET("/accounts/{accountId}", { params: { path: { accountId } } });
      if (error !== undefined) throw new Error(`GET /accounts/${accountId} answered ${response.status}`);
      return data;
    },
    async listAccounts({ limit, page }: { limit: number; page?: string }) {
      const { data, error, response } = await client.GET("/accounts", { params: { query: { limit, page } } });
      if (error !== undefined) throw new Error(`GET /accounts answered ${response.status}`);
      return data;
    },
  };
}
