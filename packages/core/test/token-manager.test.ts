import { describe, expect, it } from 'vitest';
import {
  createTokenManager,
  memoryStore,
  type TokenEvent,
  type TokenManagerOptions,
} from '../src/index.js';
import {
  countingSource,
  fakeClock,
  flush,
  jwt,
  key,
  setupManager as setup,
  T0,
} from './support.js';

describe('createTokenManager', () => {
  it('builds a key from vendor, URL, client-id hash, scope and tenant, never the id', async () => {
    const events: TokenEvent[] = [];
    const manager = createTokenManager({
      source: countingSource().source,
      key: { ...key, tokenUrl: 'https://u:p@id.example.com/token?x=1', scope: 's', tenant: 't' },
      onEvent: (event) => events.push(event),
    });
    await manager.getToken();
    const pattern = /^test\|https:\/\/id\.example\.com\/token\|[0-9a-f]{16}\|s\|t$/;
    expect(new Set(events.map((event) => event.key))).toEqual(
      new Set([expect.stringMatching(pattern)]),
    );
    expect(JSON.stringify(events)).not.toContain('client-1');
    expect(manager.vendor).toBe('test');
  });

  it('rejects missing options with ERR_INVALID_OPTIONS', () => {
    expect(() => createTokenManager({ key } as unknown as TokenManagerOptions)).toThrow(
      expect.objectContaining({ code: 'ERR_INVALID_OPTIONS' }),
    );
  });

  it('caches a fresh token', async () => {
    const { calls, manager, clock } = setup();
    expect(await manager.getToken()).toBe('tok-1');
    clock.advance(3_000_000);
    expect(await manager.getToken()).toBe('tok-1');
    expect(calls.length).toBe(1);
    expect(manager.stats()).toMatchObject({ hits: 1, misses: 1, mints: 1, refreshes: 0 });
    expect(calls[0]?.reason).toBe('initial');
  });

  it('refresh-due: serves the current token and refreshes in the background', async () => {
    const { calls, manager, clock } = setup();
    await manager.getToken();
    clock.advance(3_300_000); // the 300 s margin
    expect(await manager.getToken()).toBe('tok-1');
    await flush();
    expect(calls.map((c) => c.reason)).toEqual(['initial', 'refresh']);
    expect(await manager.getToken()).toBe('tok-2');
    expect(manager.stats()).toMatchObject({ mints: 2, refreshes: 1 });
  });

  it('must-refresh: callers wait for the new token', async () => {
    const { manager, clock } = setup();
    await manager.getToken();
    clock.advance(3_580_000); // inside the last 30 s
    expect(await manager.getToken()).toBe('tok-2');
  });

  it('expired: callers wait for a new token', async () => {
    const { manager, clock } = setup();
    await manager.getToken();
    clock.advance(3_600_000);
    expect(await manager.getToken()).toBe('tok-2');
  });

  it('keeps a token of unknown expiry until the API rejects it', async () => {
    const clock = fakeClock();
    const { source, calls } = countingSource(null);
    const manager = createTokenManager({ source, key, clock });
    expect(await manager.getToken()).toBe('tok-1');
    clock.advance(365 * 24 * 3600_000);
    expect(await manager.getToken()).toBe('tok-1');
    expect(await manager.recoverFromUnauthorized('tok-1')).toBe('tok-2');
    expect(calls.length).toBe(2);
  });

  it('uses the default lifetime when nothing else says', async () => {
    const { manager, clock } = setup({ lifetime: null, defaultLifetimeSeconds: 600 });
    await manager.getToken();
    clock.advance(449_999); // fresh until 600 s minus the 150 s margin
    expect(await manager.getToken()).toBe('tok-1');
    clock.advance(150_001);
    expect(await manager.getToken()).toBe('tok-2');
  });

  it('reads the JWT exp when the response has no expires_in', async () => {
    const clock = fakeClock();
    const token = jwt({ exp: T0 / 1000 + 120 });
    let calls = 0;
    const manager = createTokenManager({
      source: async () => {
        calls += 1;
        return { accessToken: calls === 1 ? token : 'next' };
      },
      key,
      clock,
    });
    expect(await manager.getToken()).toBe(token);
    clock.advance(120_000);
    expect(await manager.getToken()).toBe('next');
  });

  it('turns an opaque token into ERR_TOKEN_RESPONSE_INVALID when a JWT was promised', async () => {
    const { manager } = setup({ expectJwt: true });
    await expect(manager.getToken()).rejects.toMatchObject({ code: 'ERR_TOKEN_RESPONSE_INVALID' });
  });

  it('adopts a token another instance stored instead of minting', async () => {
    const clock = fakeClock();
    const store = memoryStore({ clock });
    const a = createTokenManager({ source: countingSource().source, key, clock, store });
    const b = countingSource();
    const other = createTokenManager({ source: b.source, key, clock, store });
    const token = await a.getToken();
    expect(await other.getToken()).toBe(token);
    expect(b.calls.length).toBe(0);
  });
});
