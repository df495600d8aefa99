import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));

it('the committed example types match the example spec (fix: pnpm run examples:generate)', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'oauth2-examples-'));
  try {
    const out = join(dir, 'search-api.ts');
    const cli = join(root, 'node_modules/openapi-typescript/bin/cli.js');
    await promisify(execFile)(process.execPath, [cli, 'examples/search-api.yaml', '-o', out], {
      cwd: root,
    });
    const committed = await readFile(join(root, 'examples/src/generated/search-api.ts'), 'utf8');
    expect(await readFile(out, 'utf8')).toBe(committed);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}, 20_000);
