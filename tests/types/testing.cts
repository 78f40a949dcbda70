// The testing export from CommonJS TypeScript (`require`), which resolves testing.d.cts.
import { SignicatClient } from "signicat-account-management";
import { createEmulator } from "signicat-account-management/testing";
import type { Emulator } from "signicat-account-management/testing";

const emulator: Emulator = createEmulator({ seed: 7 });
const client = new SignicatClient(emulator.clientOptions());

// @ts-expect-error tokenTtl is a number of seconds
createEmulator({ tokenTtl: "1h" });

export = { client };
