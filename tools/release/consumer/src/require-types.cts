// The CommonJS view of the types: `import x = require()` of an ESM-only package typechecks under
// nodenext (TypeScript >= 5.8 models require(esm)) and under bundler.
import core = require('@searchauth/core');

export const code: core.SearchAuthErrorCode = 'ERR_HTTP';
export const isError: (value: unknown) => value is core.SearchAuthError = core.isSearchAuthError;
