import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findUndocumentedExports } from '../src/doc-comments.js';
import { repoRoot } from '../src/workspace.js';

describe('findUndocumentedExports', () => {
  it('names exactly the exports without a doc comment, through re-exports', () => {
    const found = findUndocumentedExports(join(import.meta.dirname, 'fixtures/docs/index.ts'));
    expect(found.map((u) => [u.name, u.kind]).sort()).toEqual([
      ['Undocumented', 'InterfaceDeclaration'],
      ['undocumentedConst', 'VariableDeclaration'],
      ['undocumentedFn', 'FunctionDeclaration'],
    ]);
    expect(found.find((u) => u.name === 'undocumentedFn')?.where).toMatch(/impl\.ts:4$/);
  });
});

// Packages whose every export must carry a doc comment (the API reference has no blank pages).
describe.each(['core', 'lucidworks-identity'])('@searchauth/%s', (folder) => {
  it('documents every exported symbol (the API reference has no blank pages)', () => {
    const entry = join(repoRoot(), `packages/${folder}/src/index.ts`);
    const missing = findUndocumentedExports(entry).map(
      (u) => `${u.name} (${u.kind}) at ${u.where.replace(`${repoRoot()}/`, '')}`,
    );
    expect(missing, `add a /** doc comment */ to:\n${missing.join('\n')}`).toEqual([]);
  });
});
