import { memoryStore } from '@searchauth/core';
import { describe, expect, it } from 'vitest';
import { bearerOf, fakeLucidworks } from '../../lucidworks-identity/test/fake-lucidworks.js';
import { createLucidworksAIClient } from '../src/index.js';
import {
  APP,
  echoPredictions,
  leasingStore,
  lucidworksAI,
  manualClock,
  options,
  PREDICT,
  settle,
} from './setup.js';

const PATH = '/ai/prediction/embedding/gte-small';
const input = (text: string) => ({ batch: [{ text }] });

describe('machinelearning.predict: a new token revokes the previous one', () => {
  it('concurrent first calls share one token request', async () => {
    const { server, client } = lucidworksAI();
    const release = server.holdMints();
    const calls = Array.from({ length: 8 }, (_, i) =>
      client.predict('embedding', 'gte-small', input(`${i}`)),
    );
    await settle();
    release();
    const results = await Promise.all(calls);

    expect(results.map((r) => r.predictions[0]?.response)).toEqual(
      Array.from({ length: 8 }, (_, i) => `echo:${i}`),
    );
    expect(server.tokenRequests(PREDICT)).toHaveLength(1);
    expect(server.maxInFlightMints).toBe(1);
    client.dispose();
  });

  it('many requests rejected at once recover with exactly one new token', async () => {
    const { server, client } = lucidworksAI();
    await client.predict('embedding', 'gte-small', input('warm-up'));
    server.valid.delete(`tok-${PREDICT}-1`); // revoked elsewhere, e.g. by a token minted in the console

    const release = server.holdMints();
    const calls = Array.from({ length: 6 }, (_, i) =>
      client.predict('embedding', 'gte-small', input(`${i}`)),
    );
    await settle();
    release();
    await Promise.all(calls);

    expect(server.tokenRequests(PREDICT)).toHaveLength(2);
    expect(server.maxInFlightMints).toBe(1);
    const bearers = server.calls(PATH).slice(1).map(bearerOf);
    expect(bearers.filter((t) => t === `tok-${PREDICT}-1`)).toHaveLength(6);
    expect(bearers.filter((t) => t === `tok-${PREDICT}-2`)).toHaveLength(6);
    client.dispose();
  });

  it('clients sharing a store with a mint lease never mint two predict tokens at once', async () => {
    const server = fakeLucidworks().identity({ revokesPrevious: [PREDICT] });
    server.api('POST', APP, PATH, echoPredictions);
    const clock = manualClock();
    const store = leasingStore(clock);
    const a = createLucidworksAIClient(options(server.fetch, { store, clock }));
    const b = createLucidworksAIClient(options(server.fetch, { store, clock }));
    const release = server.holdMints();
    const calls = [
      a.predict('embedding', 'gte-small', input('a')),
      b.predict('embedding', 'gte-small', input('b')),
    ];
    await settle();
    release();
    await clock.advance(5_000); // the waiting client polls the store for the holder's token
    await Promise.all(calls);

    expect(server.tokenRequests(PREDICT)).toHaveLength(1);
    expect(server.calls(PATH).map(bearerOf)).toEqual([`tok-${PREDICT}-1`, `tok-${PREDICT}-1`]);
    a.dispose();
    b.dispose();
  });

  it('a 401 after a peer rotated the token adopts the peer token without minting', async () => {
    const server = fakeLucidworks().identity({ revokesPrevious: [PREDICT] });
    server.api('POST', APP, PATH, echoPredictions);
    const store = memoryStore();
    const a = createLucidworksAIClient(options(server.fetch, { store }));
    const peer = createLucidworksAIClient(options(server.fetch, { store }));

    await a.predict('embedding', 'gte-small', input('first'));
    // The peer saw token 1 rejected and minted token 2, which revoked token 1 for everyone.
    await peer.tokens.predict.recoverFromUnauthorized(`tok-${PREDICT}-1`);
    expect(server.valid.has(`tok-${PREDICT}-1`)).toBe(false);
    const before = server.calls(PATH).length;

    await expect(a.predict('embedding', 'gte-small', input('second'))).resolves.toMatchObject({
      predictions: [{ response: 'echo:second' }],
    });

    expect(server.tokenRequests(PREDICT)).toHaveLength(2);
    const after = server.calls(PATH).slice(before).map(bearerOf);
    // One rejected request with the revoked token, one replay with the peer's token; no mint by `a`.
    expect(after).toEqual([`tok-${PREDICT}-1`, `tok-${PREDICT}-2`]);
    expect(a.tokens.predict.stats().mints).toBe(1);
    a.dispose();
    peer.dispose();
  });
});
