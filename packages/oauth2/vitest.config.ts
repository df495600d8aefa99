import { fileURLToPath } from 'node:url';
import { defineProject } from 'vitest/config';

export default defineProject({
  // The examples import the package by name, as a user would; point that name at the source.
  resolve: {
    alias: { '@searchauth/oauth2': fileURLToPath(new URL('./src/index.ts', import.meta.url)) },
  },
  test: {
    name: 'oauth2',
    include: ['test/**/*.test.ts'],
    // Hashes settle like other promises, so tests that step a manual clock stay deterministic.
    setupFiles: ['../core/test/deterministic-digest.ts'],
  },
});
