// What every consumer row checks, given the package as imported there and the emulator's
// addresses: a client made at once (before any `await ready`) lists accounts, and
// `validate` answers once `ready` has resolved.
export async function check(sdk, emulator) {
  const client = new sdk.SignicatClient({
    baseUrl: emulator.baseUrl,
    tokenUrl: emulator.tokenUrl,
    clientId: emulator.clientId,
    clientSecret: emulator.clientSecret,
    dangerouslyAllowBrowser: true,
  });
  const listing = client.accounts.list({ limit: 2 });
  await sdk.ready;
  const issues = sdk.validate.createAccount({ name: "", organizationId: "o-1", isSandbox: true, region: "MARS", cloud: "GCP" });
  const page = await listing;
  return {
    issues: issues.map(({ field, rule }) => `${field}:${rule}`),
    accounts: page.data.length,
    firstAccountId: typeof page.data[0]?.id,
  };
}
