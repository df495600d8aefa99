import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'squirro', include: ['test/**/*.test.ts'] },
});
