import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'lucidworks-springboard', include: ['test/**/*.test.ts'] },
});
