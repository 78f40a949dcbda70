// Assertions that run unchanged in Node and in a browser page.

export function ok(condition, message) {
  if (!condition) throw new Error(`check failed: ${message}`);
}

export function equal(actual, expected, message) {
  if (!Object.is(actual, expected)) {
    throw new Error(`check failed: ${message}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  }
}

/** The SignicatError a promise rejects with; fails if it resolves or rejects with anything else. */
export async function rejects(promise, SignicatError, message) {
  try {
    await promise;
  } catch (error) {
    ok(error instanceof SignicatError, `${message}: rejects with a SignicatError (got ${error})`);
    ok(error instanceof Error, `${message}: a SignicatError is an Error`);
    return error;
  }
  throw new Error(`check failed: ${message}: expected a rejection`);
}

/** The SignicatError `run` throws; fails if it returns or throws anything else. */
export function throws(run, SignicatError, message) {
  try {
    run();
  } catch (error) {
    ok(error instanceof SignicatError, `${message}: throws a SignicatError (got ${error})`);
    return error;
  }
  throw new Error(`check failed: ${message}: expected a throw`);
}
