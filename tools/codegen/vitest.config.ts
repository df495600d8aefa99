import { defineProject } from 'vitest/config';

// Several tests start real processes (git in throwaway repositories, one node + tsx): on a loaded
// 2-core CI machine a git commit took over 10 s, so hooks and tests get two minutes.
export default defineProject({
  test: {
    name: 'codegen',
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
