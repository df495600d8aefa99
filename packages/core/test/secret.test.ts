import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { fingerprint, Secret } from '../src/index.js';

const VALUE = 's3cr3t-client-secret-value';

describe('Secret', () => {
  it.each([
    ['String()', (s: Secret) => String(s)],
    ['template literal', (s: Secret) => `${s}`],
    ['JSON.stringify', (s: Secret) => JSON.stringify({ s })],
    ['util.inspect', (s: Secret) => inspect({ s }, { showHidden: true, depth: 5 })],
    ['object spread', (s: Secret) => JSON.stringify({ ...s })],
    ['Object.entries', (s: Secret) => JSON.stringify(Object.entries(s))],
  ])('never shows its value through %s', (_name, show) => {
    const output = show(new Secret(VALUE));
    expect(output).not.toContain(VALUE);
  });

  it('reveals its value on request and accepts an existing Secret', () => {
    const secret = new Secret(VALUE);
    expect(secret.reveal()).toBe(VALUE);
    expect(Secret.from(secret)).toBe(secret);
    expect(Secret.from(VALUE).reveal()).toBe(VALUE);
  });

  it('refuses an empty value', () => {
    expect(() => new Secret('')).toThrow(TypeError);
  });
});

describe('fingerprint', () => {
  it('is stable, short and not the value', async () => {
    const a = await fingerprint(VALUE);
    expect(a).toMatch(/^[0-9a-f]{12}$/);
    expect(await fingerprint(new Secret(VALUE))).toBe(a);
    expect(await fingerprint(`${VALUE}x`)).not.toBe(a);
  });
});
