import { describe, expect, it } from 'vitest';
import {
  createTokenManager,
  memoryStore,
  type TokenRequestContext,
  type TokenSource,
  tokenKey,
} from '../src/index.js';
import { countingSource, deferred, fakeClock, flush, key } from './support.js';

describe('recoverFromUnauthorized', () => {
  it('mints once for the current token and tells the source why', async () => {
    const { source, calls } = countingSource();
    const manager = createTokenManager({ source, key, clock: fakeClock() });
    await manager.getToken();
    expect(await manager.recoverFromUnauthorized('tok-1')).toBe('tok-2');
    expect(calls[1]).toMatchObject({ reason: 'unauthorized', rejectedToken: 'tok-1' });
    expect(manager.stats()).toMatchObject({ invalidations: 1, mints: 2 });
    expect(await manager.getToken()).toBe('tok-2');
  });

  it('does not mint for a token that was already replaced (compare-and-invalidate)', async () => {
    const { source, calls } = countingSource();
    const manager = createTokenManager({ source, key, clock: fakeClock() });
    await manager.getToken();
    await manager.recoverFromUnauthorized('tok-1');
    expect(await manager.recoverFromUnauthorized('tok-1')).toBe('tok-2');
    expect(calls.length).toBe(2);
    expect(manager.stats().invalidations).toBe(1);
  });

  it('50 concurrent 401s for one token cause one new token', async () => {
    const { source, calls } = countingSource();
    const manager = createTokenManager({ source, key, clock: fakeClock() });
    await manager.getToken();
    const tokens = await Promise.all(
      Array.from({ length: 50 }, () => manager.recoverFromUnauthorized('tok-1')),
    );
    expect(new Set(tokens)).toEqual(new Set(['tok-2']));
    expect(calls.length).toBe(2);
  });

  it('adopts a newer token a peer wrote to the store instead of minting', async () => {
    const clock = fakeClock();
    const store = memoryStore({ clock });
    const { source, calls } = countingSource();
    const manager = createTokenManager({ source, key, clock, store });
    await manager.getToken();
    await store.set(await tokenKey(key), { accessToken: 'peer', obtainedAt: clock.now() });
    expect(await manager.recoverFromUnauthorized('tok-1')).toBe('peer');
    expect(calls.length).toBe(1);
  });

  it('removes the rejected token from the store so peers do not adopt it', async () => {
    const clock = fakeClock();
    const store = memoryStore({ clock });
    const gate = deferred<void>();
    let n = 0;
    const source: TokenSource = async () => {
      n += 1;
      if (n > 1) await gate.promise;
      return { accessToken: `tok-${n}`, expiresIn: 3600 };
    };
    const manager = createTokenManager({ source, key, clock, store });
    await manager.getToken();
    const recovering = manager.recoverFromUnauthorized('tok-1');
    await flush();
    expect(await store.get(await tokenKey(key))).toBeUndefined();
    gate.resolve();
    expect(await recovering).toBe('tok-2');
  });

  it('asks again when a refresh that began before the 401 returns the rejected token', async () => {
    const clock = fakeClock();
    const gate = deferred<void>();
    const calls: TokenRequestContext[] = [];
    // Like SPARQUE's token storage: it hands back the same token unless forced.
    const source: TokenSource = async (context) => {
      calls.push(context);
      if (calls.length === 2) await gate.promise;
      return {
        accessToken: context.reason === 'unauthorized' ? 'forced' : 'stored',
        expiresIn: 3600,
      };
    };
    const manager = createTokenManager({ source, key, clock });
    expect(await manager.getToken()).toBe('stored');
    clock.advance(3_300_000);
    await manager.getToken(); // starts a background refresh, held at the gate
    await flush();
    const recovering = manager.recoverFromUnauthorized('stored');
    gate.resolve();
    expect(await recovering).toBe('forced');
    expect(calls.map((c) => c.reason)).toEqual(['initial', 'refresh', 'unauthorized']);
  });
});

describe('mintRevokesPrevious', () => {
  it('makes callers wait for a mint in flight rather than hand out the doomed token', async () => {
    const clock = fakeClock();
    const gate = deferred<void>();
    let n = 0;
    const source: TokenSource = async () => {
      n += 1;
      if (n === 2) await gate.promise;
      return { accessToken: `tok-${n}`, expiresIn: 3600 };
    };
    const manager = createTokenManager({ source, key, clock, mintRevokesPrevious: true });
    await manager.getToken();
    clock.advance(3_300_000);
    let settled = false;
    const waiting = manager.getToken().then((token) => {
      settled = true;
      return token;
    });
    await flush();
    expect(settled).toBe(false);
    gate.resolve();
    expect(await waiting).toBe('tok-2');
    expect(n).toBe(2);
  });

  it('never has two mints in flight, whatever the mix of callers and 401s', async () => {
    const clock = fakeClock();
    let inFlight = 0;
    let most = 0;
    let n = 0;
    const source: TokenSource = async () => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      await flush(2);
      inFlight -= 1;
      n += 1;
      return { accessToken: `tok-${n}`, expiresIn: 60 };
    };
    const manager = createTokenManager({ source, key, clock, mintRevokesPrevious: true });
    for (let round = 0; round < 20; round++) {
      const current = await manager.getToken();
      await Promise.all([
        manager.getToken(),
        manager.recoverFromUnauthorized(current),
        manager.recoverFromUnauthorized(current),
        manager.getToken(),
      ]);
      // Into refresh-due, and past the one forced re-authentication per 30 s.
      clock.advance(47_000);
    }
    expect(most).toBe(1);
  });
});
