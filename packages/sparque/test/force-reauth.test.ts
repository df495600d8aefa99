import { type Clock, systemClock } from '@searchauth/core';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeFetch } from '../../core/test/fake-fetch.js';
import { createSparqueClient, type SparqueClient } from '../src/index.js';
import { sparqueSim } from './sparque-sim.js';

const clients: SparqueClient[] = [];
afterEach(() => {
  for (const client of clients.splice(0)) client.dispose();
});

function setup(clock?: Clock) {
  const sim = sparqueSim();
  const client = createSparqueClient({
    workspace: 'shop',
    clientId: 'id',
    clientSecret: 'secret',
    api: 'products',
    fetch: fakeFetch(sim.handler),
    retry: false,
    clock,
  });
  clients.push(client);
  const search = () =>
    client.query({ endpoints: [{ name: 'search', parameters: { q: 'drill' } }] });
  return { sim, client, search };
}

describe('ForceReauth', () => {
  it('is false while the stored token works', async () => {
    const { sim, search } = setup();
    await search();
    await search();
    await search();
    expect(sim.state.forceReauth).toEqual([false]);
    expect(sim.state.apiTokens).toEqual(['tok-1', 'tok-1', 'tok-1']);
  });

  it('is true once when the server hands back the token just rejected, then the request replays', async () => {
    const { sim, search } = setup();
    sim.state.revoked.add('tok-1');
    await expect(search()).resolves.toMatchObject({ items: [{ rank: 1 }] });
    expect(sim.state.forceReauth).toEqual([false, false, true]);
    expect(sim.state.apiTokens).toEqual(['tok-1', 'tok-2']);

    await search();
    expect(sim.state.forceReauth).toEqual([false, false, true]);
  });

  it('stays false after a 401 when a peer already logged in again: adopts its token, revokes nothing', async () => {
    const { sim, search } = setup();
    await search();
    // A peer process on the same account forced a fresh login: tok-1 is dead, tok-2 is stored.
    sim.state.revoked.add('tok-1');
    sim.state.stored = 'tok-2';
    sim.state.minted = 2;
    await expect(search()).resolves.toMatchObject({ items: [{ rank: 1 }] });
    expect(sim.state.forceReauth).toEqual([false, false]);
    expect(sim.state.apiTokens).toEqual(['tok-1', 'tok-1', 'tok-2']);
  });

  it('is true exactly once per rejection, not once per waiting request', async () => {
    // Core forces re-authentication at most once per 30 s per key: the second rejection comes later.
    let offset = 0;
    const { sim, client, search } = setup({ ...systemClock, now: () => Date.now() + offset });
    await client.tokens.getToken();
    sim.state.revoked.add('tok-1');
    await Promise.all(Array.from({ length: 8 }, search));
    expect(sim.state.forceReauth).toEqual([false, false, true]);

    offset = 31_000;
    sim.state.revoked.add('tok-2');
    await Promise.all(Array.from({ length: 8 }, search));
    expect(sim.state.forceReauth).toEqual([false, false, true, false, true]);
    expect(sim.state.apiTokens.filter((t) => t === 'tok-3')).toHaveLength(8);
  });

  it('gives up with ERR_UNAUTHORIZED when even a fresh login is rejected, after one ForceReauth', async () => {
    const { sim, search } = setup();
    sim.state.revoked.add('tok-1');
    sim.state.revoked.add('tok-2');
    await expect(search()).rejects.toMatchObject({ code: 'ERR_UNAUTHORIZED', status: 401 });
    expect(sim.state.forceReauth).toEqual([false, false, true]);
    expect(sim.state.apiTokens).toEqual(['tok-1', 'tok-2']);
  });
});
