import { defineProject } from 'vitest/config';

export default defineProject({
  // Files share nothing but the spec validator's caches, so one module graph per worker is safe and
  // saves loading @redocly/openapi-core and Ajv once per file.
  test: { name: 'testkit', include: ['test/**/*.test.ts'], isolate: false },
});
