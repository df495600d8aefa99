import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'lucidworks-ai', include: ['test/**/*.test.ts'] },
});
