import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'sparque', include: ['test/**/*.test.ts'] },
});
