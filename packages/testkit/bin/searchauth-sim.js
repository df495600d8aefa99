#!/usr/bin/env node
// The bin is this committed file rather than dist/cli.js: pnpm links bins at install time, before a
// workspace checkout has built anything, and a bin pointing at a missing file makes every install warn.
import { existsSync } from 'node:fs';

const cli = new URL('../dist/cli.js', import.meta.url);
if (existsSync(cli)) {
  await import(cli.href);
} else {
  console.error(
    'searchauth-sim: the testkit is not built (dist/cli.js is missing). In the searchauth repository run `pnpm build` (or `pnpm --filter @searchauth/testkit build`), then try again.',
  );
  process.exitCode = 1;
}
