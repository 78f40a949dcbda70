// Units as the tables print them. KB and MB are 1000 and 1 000 000 bytes, as in `make size`.

/** 34 400, the way the issue writes large counts. */
export const count = (n) => Math.round(n).toLocaleString("en-US").replaceAll(",", " ");

export const kb = (bytes) => `${(bytes / 1000).toFixed(1)} KB`;

export const mb = (bytes) => `${bytes < 0 ? "−" : "+"}${Math.abs(bytes / 1e6).toFixed(1)} MB`;

export const ms = (value) => `${Math.abs(value) < 100 ? value.toFixed(Math.abs(value) < 10 ? 2 : 1) : count(value)} ms`;

/** A difference in milliseconds, always signed. */
export const msDelta = (value) => `${value < 0 ? "−" : "+"}${ms(Math.abs(value))}`;

export const us = (millis) => `${count(millis * 1000)} µs`;

/** A difference in milliseconds, in microseconds, always signed. */
export const usDelta = (millis) => `${millis < 0 ? "−" : "+"}${us(Math.abs(millis))}`;

export const ratio = (value) => `×${value.toFixed(2)}`;

/** `median (p99 …)` of a `{ median, p99 }` summary in milliseconds. */
export const timing = ({ median, p99 }, unit = ms) => `${unit(median)} (p99 ${unit(p99)})`;

export const sizes = ({ raw, gzip }) => `${kb(raw)} / ${kb(gzip)} gz`;
