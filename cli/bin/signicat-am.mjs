#!/usr/bin/env node
import { main } from "../src/main.mjs";

// A reader that stops early (`| head`) closes the pipe: the write fails, and main ends quietly.
process.stdout.on("error", () => {});
process.exitCode = await main(process.argv);
