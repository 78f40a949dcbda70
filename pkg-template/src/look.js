// What a member of a parsed JSON object is, as one code, so that the wasm's schema check of
// an answer costs one call per member (codes: `look_code` in src/wasm/json.rs).

export const looker = Object.freeze({
  look(object, key) {
    const value = object[key];
    switch (typeof value) {
      case "undefined":
        return 0;
      case "string":
        return value === "" ? 2 : 3;
      case "boolean":
        return 4;
      case "number":
        return 5;
      case "object":
        return value === null ? 1 : Array.isArray(value) ? 6 : 7;
      default:
        return 8;
    }
  },
});
