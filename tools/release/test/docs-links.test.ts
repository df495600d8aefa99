import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDocsLinks } from '../src/docs/check-links.js';
import { originalPosition } from '../src/docs/declaration-map.js';
import { repoRoot } from '../src/workspace.js';

describe('checkDocsLinks', () => {
  it('reports links to missing files, past the end of a file, and linkified bare words', () => {
    const site = join(import.meta.dirname, 'fixtures', 'site');
    const { checked, problems } = checkDocsLinks(site, repoRoot());
    expect(checked).toBe(4);
    expect(problems.sort()).toEqual([
      'index.html: links to types.ts, which is not in the repository',
      'sub/page.html: links to packages/core/src/index.ts#L99999, past the end of the file',
      'sub/page.html: the bare word ASP.NET became a link',
    ]);
  });
});

describe('originalPosition', () => {
  // core's build output is there: turbo builds dependencies before this package's tests.
  it('maps a line of a built .d.ts to its source through the declaration map', () => {
    const dts = join(repoRoot(), 'packages/core/dist/index.d.ts');
    const position = originalPosition(dts, 1);
    expect(position?.file).toBe(join(repoRoot(), 'packages/core/src/index.ts'));
    expect(position?.line).toBeGreaterThan(0);
  });
});
