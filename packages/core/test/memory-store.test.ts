import { describe, expect, it } from 'vitest';
import { createTokenManager, memoryStore } from '../src/index.js';
import { fakeClock, flush, T0 } from './support.js';

const token = (accessToken: string, expiresAt?: number) => ({
  accessToken,
  obtainedAt: T0,
  ...(expiresAt === undefined ? {} : { expiresAt }),
});

describe('memoryStore', () => {
  it('keeps tokens until they expire', async () => {
    const clock = fakeClock();
    const store = memoryStore({ clock });
    await store.set('k', token('a', T0 + 1000));
    expect((await store.get('k'))?.accessToken).toBe('a');
    clock.advance(1000);
    expect(await store.get('k')).toBeUndefined();
  });

  it('keeps a token of unknown expiry until evicted', async () => {
    const clock = fakeClock();
    const store = memoryStore({ clock, maxEntries: 1 });
    await store.set('k', token('a'));
    clock.advance(1e9);
    expect((await store.get('k'))?.accessToken).toBe('a');
    await store.set('other', token('b'));
    expect(await store.get('k')).toBeUndefined();
  });

  it('evicts the least recently used entry beyond maxEntries', async () => {
    const store = memoryStore({ maxEntries: 2, clock: fakeClock() });
    await store.set('a', token('1'));
    await store.set('b', token('2'));
    await store.get('a'); // a is now the most recently used
    await store.set('c', token('3'));
    expect(await store.get('b')).toBeUndefined();
    expect((await store.get('a'))?.accessToken).toBe('1');
    expect((await store.get('c'))?.accessToken).toBe('3');
  });

  it.each([
    ['deletes unconditionally', { given: undefined, want: undefined }],
    ['deletes when it still holds that token', { given: 'a', want: undefined }],
    ['keeps a newer token', { given: 'old', want: 'a' }],
  ])('%s', async (_name, { given, want }) => {
    const store = memoryStore({ clock: fakeClock() });
    await store.set('k', token('a'));
    await store.delete('k', given);
    expect((await store.get('k'))?.accessToken).toBe(want);
  });

  it('grants one lease per key at a time, until released or lapsed', async () => {
    const clock = fakeClock();
    const store = memoryStore({ clock });
    const first = await store.lease?.('k', 1000);
    expect(first).toBeDefined();
    expect(await store.lease?.('k', 1000)).toBeUndefined();
    expect(await store.lease?.('other', 1000)).toBeDefined();
    await first?.release();
    const second = await store.lease?.('k', 1000);
    expect(second).toBeDefined();
    clock.advance(1000);
    const third = await store.lease?.('k', 1000);
    expect(third).toBeDefined();
    // A lapsed holder releasing late must not free the lease its successor holds.
    await second?.release();
    expect(await store.lease?.('k', 1000)).toBeUndefined();
    await third?.release();
  });

  it('makes managers sharing it mint once when they all need a token at the same moment', async () => {
    const clock = fakeClock();
    const store = memoryStore({ clock });
    let mints = 0;
    const managers = Array.from({ length: 3 }, () =>
      createTokenManager({
        source: async () => ({ accessToken: `t${++mints}`, expiresIn: 3600 }),
        key: { vendor: 'v', tokenUrl: 'https://id.example/token', clientId: 'c' },
        store,
        clock,
      }),
    );
    const pending = Promise.all(managers.map((m) => m.getToken()));
    for (let i = 0; i < 20 && mints < 2; i++) {
      await flush();
      clock.advance(100);
    }
    expect(await pending).toEqual(['t1', 't1', 't1']);
    expect(mints).toBe(1);
  });
});
