// A browser page's script: runs the check with the emulator's addresses from `?emulator=`
// and leaves the outcome in `window.results` for the runner to read.
import * as sdk from "signicat-account-management";
import { check } from "./check.js";

const emulator = JSON.parse(new URLSearchParams(location.search).get("emulator"));
check(sdk, emulator).then(
  (results) => {
    window.results = results;
  },
  (error) => {
    window.results = { error: String(error?.stack ?? error) };
  },
);
