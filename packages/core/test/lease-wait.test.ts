import { describe, expect, it } from 'vitest';
import {
  createTokenManager,
  memoryStore,
  type TokenSource,
  type TokenStore,
  tokenKey,
} from '../src/index.js';
import { countingSource, fakeClock, flush, key } from './support.js';

describe('mint lease and its waiters', () => {
  it('asks for a lease lasting the token-request timeout plus 10 s', async () => {
    const clock = fakeClock();
    const base = memoryStore({ clock });
    const ttls: number[] = [];
    const store: TokenStore = {
      ...base,
      lease: async (k, ttl) => {
        ttls.push(ttl);
        return base.lease?.(k, ttl);
      },
    };
    const a = createTokenManager({ source: countingSource().source, key, clock, store });
    await a.getToken();
    const b = createTokenManager({
      source: countingSource().source,
      key: { ...key, scope: 's' },
      clock,
      store,
      tokenRequestTimeoutMs: 60_000,
    });
    await b.getToken();
    expect(ttls).toEqual([40_000, 70_000]);
  });

  it('managers sharing a memory store wake each other instead of polling', async () => {
    const clock = fakeClock();
    const store = memoryStore({ clock });
    let release: (() => void) | undefined;
    let mints = 0;
    const source: TokenSource = async () => {
      mints += 1;
      await new Promise<void>((resolve) => (release = resolve));
      return { accessToken: 'shared', expiresIn: 3600 };
    };
    const a = createTokenManager({ source, key, clock, store });
    const b = createTokenManager({ source, key, clock, store });
    const first = a.getToken();
    await flush();
    const second = b.getToken(); // waits for a's lease
    await flush();
    release?.();
    // No time passes: b is woken by a's store write, not by a poll timer.
    expect(await first).toBe('shared');
    expect(await second).toBe('shared');
    expect(mints).toBe(1);
  });

  it('memoryStore.waitForChange resolves on a change, on timeout and on abort', async () => {
    const clock = fakeClock();
    const store = memoryStore({ clock });
    const k = await tokenKey(key);
    let woke = 0;
    void store.waitForChange?.(k, 5000, new AbortController().signal).then(() => (woke += 1));
    await store.get(k); // a read is no change
    await flush();
    expect(woke).toBe(0);
    await store.set(k, { accessToken: 't', obtainedAt: clock.now() });
    await flush();
    expect(woke).toBe(1);
    void store.waitForChange?.(k, 5000, new AbortController().signal).then(() => (woke += 1));
    clock.advance(5000);
    await flush();
    expect(woke).toBe(2);
    void store.waitForChange?.(k, 5000, AbortSignal.abort()).then(() => (woke += 1));
    await flush();
    expect(woke).toBe(3);
    expect(clock.pending()).toBe(0);
  });

  it('stops waiting, and never mints, once every waiting caller has aborted', async () => {
    const clock = fakeClock();
    const store = memoryStore({ clock });
    const { source, calls } = countingSource();
    const manager = createTokenManager({ source, key, clock, store });
    await store.lease?.(await tokenKey(key), 40_000); // a peer holds the lease, then dies
    const callers = [new AbortController(), new AbortController()];
    const waiting = callers.map((c) =>
      manager.getToken({ signal: c.signal }).catch((e: unknown) => e),
    );
    await flush();
    for (const c of callers) c.abort();
    expect(await Promise.all(waiting)).toMatchObject([
      { code: 'ERR_ABORTED' },
      { code: 'ERR_ABORTED' },
    ]);
    clock.advance(60_000); // the dead peer's lease has lapsed
    await flush();
    expect(calls.length).toBe(0);
    expect(await manager.getToken()).toBe('tok-1'); // a new caller starts afresh
  });

  it('never has two mints in flight, even when one outlives the token-request timeout', async () => {
    const clock = fakeClock();
    const store = memoryStore({ clock });
    let inFlight = 0;
    let most = 0;
    let n = 0;
    // A source that ignores its signal and answers after 31.7 s.
    const source: TokenSource = () => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      n += 1;
      const token = `tok-${n}`;
      return new Promise((resolve) =>
        clock.setTimeout(() => {
          inFlight -= 1;
          resolve({ accessToken: token, expiresIn: 3600 });
        }, 31_700),
      );
    };
    const options = { source, key, clock, store, mintRevokesPrevious: true, random: () => 0 };
    const a = createTokenManager(options);
    const b = createTokenManager(options);
    const results = [a.getToken().catch((e: unknown) => e), b.getToken().catch((e: unknown) => e)];
    for (let i = 0; i < 200; i++) {
      clock.advance(500);
      await flush(5);
    }
    await Promise.all(results);
    expect(n).toBeGreaterThan(0);
    expect(most).toBe(1);
  });

  it('after dispose a lease waiter that wakes never calls the source', async () => {
    const clock = fakeClock();
    const store = memoryStore({ clock });
    const { source, calls } = countingSource();
    const manager = createTokenManager({ source, key, clock, store });
    await store.lease?.(await tokenKey(key), 5000);
    const waiting = manager.getToken().catch((e: unknown) => e);
    await flush();
    manager.dispose();
    expect(await waiting).toMatchObject({
      code: 'ERR_ABORTED',
      message: expect.stringContaining('disposed'),
    });
    clock.advance(10_000);
    await flush();
    await expect(manager.getToken()).rejects.toMatchObject({
      code: 'ERR_ABORTED',
      message: 'the token manager was disposed (test)',
    });
    expect(calls.length).toBe(0);
  });

  it('a background refresh that is due after dispose never calls the source', async () => {
    const clock = fakeClock();
    const store = memoryStore({ clock });
    const { source, calls } = countingSource();
    const manager = createTokenManager({ source, key, clock, store });
    await manager.getToken();
    clock.advance(3_300_000);
    await store.lease?.(await tokenKey(key), 5000); // the refresh will wait for this lease
    await manager.getToken(); // serves tok-1, starts the refresh in the background
    await flush();
    manager.dispose();
    clock.advance(10_000);
    await flush();
    expect(calls.length).toBe(1);
  });
});

describe('a lease the store can renew', () => {
  it('is kept short and renewed while the holder mints, then released', async () => {
    const clock = fakeClock();
    const base = memoryStore({ clock });
    const log: string[] = [];
    const store: TokenStore = {
      ...base,
      lease: async (k, ttl) => {
        log.push(`lease ${ttl}`);
        const held = await base.lease?.(k, ttl);
        return (
          held && {
            release: async () => {
              log.push('release');
              await held.release();
            },
            renew: async (ms: number) => {
              log.push(`renew ${ms}`);
              return true;
            },
          }
        );
      },
    };
    let finish: (() => void) | undefined;
    const source: TokenSource = async () => {
      await new Promise<void>((resolve) => (finish = resolve));
      return { accessToken: 'slow', expiresIn: 3600 };
    };
    const manager = createTokenManager({ source, key, clock, store });
    const token = manager.getToken();
    await flush();
    // A crashed holder would block the fleet for 5 s, not the 40 s of a lease that cannot renew.
    expect(log).toEqual(['lease 40000', 'renew 5000']);
    for (let i = 0; i < 4; i++) {
      clock.advance(2_500);
      await flush();
    }
    expect(log.filter((line) => line === 'renew 5000').length).toBe(5);
    finish?.();
    expect(await token).toBe('slow');
    expect(log.at(-1)).toBe('release');
    clock.advance(10_000);
    await flush();
    expect(log.filter((line) => line === 'renew 5000').length).toBe(5);
    manager.dispose();
  });
});
