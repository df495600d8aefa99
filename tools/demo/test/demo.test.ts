import { describe, expect, it } from 'vitest';
import { runDemo } from '../src/main.js';
import { createPrinter } from '../src/print.js';
import { squirro } from '../src/vendors/squirro.js';
import { readEnv } from '../src/vendors/types.js';

describe('pnpm demo', () => {
  it('searches every vendor on the simulator and shows each token-engine step working', async () => {
    let output = '';
    const ok = await runDemo({ print: createPrinter((text) => (output += text), false), env: {} });

    expect(output).not.toContain('FAIL');
    expect(ok).toBe(true);
    for (const vendor of [
      'SPARQUE',
      'Lucidworks Springboard',
      'Lucidworks AI',
      'Squirro',
      'OAuth2',
    ]) {
      expect(output).toMatch(
        new RegExp(`ok   ${vendor}[^\\n]*\\(local simulator\\): \\d+ matches`),
      );
    }
    expect(output).toContain('1000 searches succeeded, 0 failed');
    expect(output).toMatch(/token requests: 1\n/);
    expect(output).toContain('minted 1 new token and was replayed once');
    // CI installs redis-server, so the fleet step runs there; elsewhere it says why it did not.
    expect(output).toMatch(
      /ok {3}4 processes share one predict token through Redis\n[^\n]*, 0 failed|skipped: redis-server is not on PATH/,
    );
  }, 60_000);
});

describe('real-vendor switch', () => {
  it.each([
    ['no variables', { given: {}, want: undefined }],
    [
      'a required variable missing',
      { given: { SEARCHAUTH_SQUIRRO_CLUSTER: 'https://c.example' }, want: undefined },
    ],
    [
      'every required variable',
      {
        given: {
          SEARCHAUTH_SQUIRRO_CLUSTER: 'https://c.example',
          SEARCHAUTH_SQUIRRO_REFRESH_TOKEN: 'rt',
          SEARCHAUTH_SQUIRRO_TENANT: 't',
          SEARCHAUTH_SQUIRRO_PROJECT_ID: 'p',
          UNRELATED: 'x',
        },
        want: {
          SEARCHAUTH_SQUIRRO_CLUSTER: 'https://c.example',
          SEARCHAUTH_SQUIRRO_REFRESH_TOKEN: 'rt',
          SEARCHAUTH_SQUIRRO_TENANT: 't',
          SEARCHAUTH_SQUIRRO_PROJECT_ID: 'p',
        },
      },
    ],
  ])('with %s picks %s', (_name, { given, want }) => {
    expect(readEnv(squirro, given)).toEqual(want);
  });
});
