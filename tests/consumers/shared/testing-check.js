// What every testing-entry row checks, given the package and its `./testing` export as
// imported there: a test as a user writes it, with no emulator process. A client on the
// in-process emulator lists every account the emulator holds, with one token request.
export async function checkTesting(sdk, testing) {
  const emulator = testing.createEmulator({ seed: 7, accounts: 120 });
  const client = new sdk.SignicatClient(emulator.clientOptions());
  const { counts } = await emulator.health();
  let accounts = 0;
  let firstAccountId;
  for await (const account of client.accounts.listAll({ limit: 50 })) {
    firstAccountId ??= typeof account.id;
    accounts += 1;
  }
  const { tokenRequests } = await emulator.stats();
  emulator.close();
  if (accounts !== counts.accounts) throw new Error(`listed ${accounts} accounts, the emulator holds ${counts.accounts}`);
  if (tokenRequests !== 1) throw new Error(`${tokenRequests} token requests, not 1`);
  await sdk.ready;
  const issues = sdk.validate.createAccount({ name: "", organizationId: "o-1", isSandbox: true, region: "MARS", cloud: "GCP" });
  return { issues: issues.map(({ field, rule }) => `${field}:${rule}`), accounts, firstAccountId };
}
