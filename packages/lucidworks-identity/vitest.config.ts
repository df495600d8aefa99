import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'lucidworks-identity', include: ['test/**/*.test.ts'] },
});
