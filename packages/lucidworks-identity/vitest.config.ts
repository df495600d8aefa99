import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'lucidworks-identity',
    include: ['test/**/*.test.ts'],
    // Hashes settle like other promises, so tests that step a manual clock stay deterministic.
    setupFiles: ['../core/test/deterministic-digest.ts'],
  },
});
