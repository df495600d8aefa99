import { defineProject } from 'vitest/config';

// Real HTTP servers on 127.0.0.1: files run in parallel (one simulator each), tests in a file
// run one after another because they share that simulator's request log.
export default defineProject({
  test: {
    name: 'integration',
    include: ['test/**/*.test.ts'],
    // Two files at a time even on two cores: much of each file's time is waiting on sockets.
    maxWorkers: 2,
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
