// A TypeScript user's test against the installed package's `./testing` export; compiled with tsc --strict --noEmit.
import { SignicatClient } from "signicat-account-management";
import type { Account, Page } from "signicat-account-management";
import { createEmulator } from "signicat-account-management/testing";
import type { Emulator, EmulatorHealth, EmulatorOptions, EmulatorStats } from "signicat-account-management/testing";

export async function listsTheSeededAccounts(): Promise<number> {
  const options: EmulatorOptions = { seed: 7, accounts: 100, tokenTtl: 600, nextStyle: "url", faults: "503=0.1", faultSeed: 1 };
  const emulator: Emulator = createEmulator(options);
  await emulator.ready;
  const client = new SignicatClient(emulator.clientOptions({ maxRetries: 0, timeoutMs: 5_000 }));
  const page: Page<Account> = await client.accounts.list({ limit: 2 });
  const response: Response = await emulator.fetch(new URL(`${emulator.baseUrl}/accounts`), { headers: { "x-emulator-fault": "503" } });
  const health: EmulatorHealth = await emulator.health();
  const stats: EmulatorStats = await emulator.stats();
  const statuses: number[] = stats.requests.map((request) => request.status);
  await emulator.armFault("503", { method: "POST", path: "/account-management/accounts", times: 2 });
  await emulator.armFault({ fault: "slow=200ms", path: "/account-management/*" });
  await emulator.clearFaults();
  await emulator.setRandomFaults("", 7);
  const { revoked }: { revoked: number } = await emulator.revokeTokens();
  await emulator.clearStats();
  await emulator.reset();
  const later: Date = await emulator.advanceClock("90s");
  const evenLater: Date = await emulator.advanceClock(60_000);
  const now: Date = await emulator.now();
  const origin: string = emulator.origin;
  const secret: string = emulator.clientSecret;
  emulator.close();
  emulator[Symbol.dispose]();
  createEmulator();
  return page.data.length + response.status + health.counts.accounts + statuses.length + revoked + later.getTime() + evenLater.getTime() + now.getTime() + origin.length + secret.length;
}

// @ts-expect-error nextStyle is "token" or "url"
createEmulator({ nextStyle: "cursor" });
// @ts-expect-error the seed is a number
createEmulator({ seed: "7" });
// @ts-expect-error there is no such option
createEmulator({ port: 8787 });
// @ts-expect-error advanceClock takes milliseconds or a duration text
createEmulator().advanceClock(new Date());
// @ts-expect-error the emulator's properties are read-only
createEmulator().baseUrl = "https://elsewhere.test";
