import { defineConfig } from 'vitest/config';

// `pnpm vitest` at the root runs every package's tests as one project each; `pnpm test` runs them
// through turbo, one package at a time, so unchanged packages are cache hits.
export default defineConfig({
  test: { projects: ['packages/*', 'tools/*'] },
});
