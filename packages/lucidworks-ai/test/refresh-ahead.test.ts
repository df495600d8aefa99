import type { TokenEvent } from '@searchauth/core';
import { describe, expect, it, vi } from 'vitest';
import { bearerOf } from '../../lucidworks-identity/test/fake-lucidworks.js';
import { lucidworksAI, MODEL, manualClock, PREDICT } from './setup.js';

const PREDICT_PATH = '/ai/prediction/embedding/gte-small';
const MODELS_PATH = '/customers/cust-1/ai/models';
const input = { batch: [{ text: 'x' }] };
const SECOND = 1000;

// Tokens live 3600 s. With random() = 0 there is no jitter, so the default 300 s margin starts
// refreshing at 3300 s.
function setup(overrides = {}) {
  const clock = manualClock();
  return { clock, ...lucidworksAI({ clock, random: () => 0, ...overrides }) };
}

describe('refresh ahead of expiry', () => {
  it('predict: keeps the token until 300 s before expiry, then waits for the new one', async () => {
    const { clock, server, client } = setup();
    await client.predict('embedding', 'gte-small', input);
    await clock.advance(3299 * SECOND);
    await client.predict('embedding', 'gte-small', input);
    expect(server.tokenRequests(PREDICT)).toHaveLength(1);

    await clock.advance(2 * SECOND);
    await client.predict('embedding', 'gte-small', input);
    // The refresh revokes the old token, so the request waits and goes out with the new one.
    expect(server.tokenRequests(PREDICT)).toHaveLength(2);
    expect(server.calls(PREDICT_PATH).map(bearerOf)).toEqual([
      `tok-${PREDICT}-1`,
      `tok-${PREDICT}-1`,
      `tok-${PREDICT}-2`,
    ]);
    client.dispose();
  });

  it('model: keeps serving the old token while the refresh runs in the background', async () => {
    const refreshed: string[] = [];
    const { clock, server, client } = setup({
      onEvent: (event: TokenEvent) => {
        if (event.type === 'refresh-success') refreshed.push(event.type);
      },
    });
    await client.listModels();
    await clock.advance(3301 * SECOND);
    const release = server.holdMints();
    await client.listModels();
    expect(server.calls(MODELS_PATH).map(bearerOf)).toEqual([`tok-${MODEL}-1`, `tok-${MODEL}-1`]);
    release();
    // The new token is fingerprinted with WebCrypto, which runs outside the manual clock.
    await vi.waitFor(() => expect(refreshed).toHaveLength(2));
    await client.listModels();
    expect(server.calls(MODELS_PATH).map(bearerOf).at(-1)).toBe(`tok-${MODEL}-2`);
    expect(server.tokenRequests(MODEL)).toHaveLength(2);
    client.dispose();
  });

  it('refreshMarginSeconds moves the refresh point', async () => {
    const { clock, server, client } = setup({ refreshMarginSeconds: 600 });
    await client.predict('embedding', 'gte-small', input);
    await clock.advance(3001 * SECOND);
    await client.predict('embedding', 'gte-small', input);
    expect(server.tokenRequests(PREDICT)).toHaveLength(2);
    client.dispose();
  });
});
