import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'store-redis',
    include: ['test/**/*.test.ts'],
    // Every file starts its own redis-server; real processes and sockets need more than 5 s under load.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
