// The journal of an import, beside its file: one JSON line per step of each row. A row's
// "sending" line is on disk before its create is sent, so whatever stops the run (Ctrl-C,
// a crash, kill -9, a power cut), the next run knows which creates may have been made.
// It holds row keys, lines, names, ids and errors: never a credential.
import { closeSync, existsSync, fdatasyncSync, openSync, readFileSync, writeSync } from "node:fs";
import { createHash } from "node:crypto";

export const journalPath = (file) => `${file}.journal`;

/** A row's key: its body's hash and which of the identical bodies it is, not its line. */
export function rowKeys(bodies) {
  const seen = new Map();
  return bodies.map((body) => {
    const hash = createHash("sha256").update(JSON.stringify(body)).digest("hex").slice(0, 32);
    const n = (seen.get(hash) ?? 0) + 1;
    seen.set(hash, n);
    return `${hash}#${n}`;
  });
}

/** Each key's last recorded state (`{ state, id?, why? }`); a torn last line is ignored. */
export function readJournal(path) {
  const states = new Map();
  if (!existsSync(path)) return states;
  for (const line of readFileSync(path, "utf8").split("\n")) {
    if (!line.trim()) continue;
    let entry;
    try {
      entry = JSON.parse(line);
    } catch {
      continue;
    }
    if (entry.key) states.set(entry.key, entry);
  }
  return states;
}

export function openJournal(path, header) {
  const fresh = !existsSync(path);
  const fd = openSync(path, "a", 0o600);
  const append = (entry, durable) => {
    writeSync(fd, `${JSON.stringify({ at: new Date().toISOString(), ...entry })}\n`);
    if (durable) fdatasyncSync(fd);
  };
  if (fresh) append({ journal: 1, ...header }, true);
  return {
    /** Before a create is sent: on disk when this returns. */
    sending: (row, attempt) => append({ key: row.key, line: row.line, state: "sending", attempt, lookFor: row.lookFor }, true),
    created: (row, id) => append({ key: row.key, line: row.line, state: "created", id }, false),
    failed: (row, why) => append({ key: row.key, line: row.line, state: "failed", why }, false),
    unknown: (row, why) => append({ key: row.key, line: row.line, state: "unknown", why, lookFor: row.lookFor }, false),
    close: () => closeSync(fd),
  };
}
