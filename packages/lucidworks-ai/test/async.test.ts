import { afterEach, describe, expect, it, vi } from 'vitest';
import { json } from '../../lucidworks-identity/test/fake-lucidworks.js';
import { APP, lucidworksAI, manualClock } from './setup.js';

/** Async endpoints whose GET answers walk through `statuses`, then repeat the last one. */
async function asyncServer(statuses: string[], extra: Record<string, unknown> = {}) {
  const clock = manualClock();
  const setup = lucidworksAI({ clock });
  const polls: number[] = [];
  const start = clock.now();
  const state = (id: string, key: string) => {
    polls.push(clock.now() - start);
    const status = statuses[Math.min(polls.length - 1, statuses.length - 1)];
    return json({
      [key]: id,
      status,
      ...(status === 'READY' ? extra : {}),
      ...(status === 'ERROR' ? { message: 'model crashed' } : {}),
    });
  };
  setup.server
    .api('POST', APP, /^\/ai\/async-prediction\/[^/]+\/[^/]+$/, () =>
      json({ predictionId: 'p-1', status: 'SUBMITTED' }),
    )
    .api('GET', APP, /^\/ai\/async-prediction\/[^/]+$/, (r) =>
      state(r.url.pathname.split('/').at(-1) ?? '', 'predictionId'),
    )
    .api('POST', APP, /^\/ai\/async-chunking\/[^/]+\/[^/]+$/, () =>
      json({ chunkingId: 'c-1', status: 'SUBMITTED' }),
    )
    .api('GET', APP, /^\/ai\/async-chunking\/[^/]+$/, (r) =>
      state(r.url.pathname.split('/').at(-1) ?? '', 'chunkingId'),
    );
  // Minting hashes with WebCrypto, which the manual clock cannot drive: get the token first.
  await setup.client.tokens.predict.getToken();
  return { ...setup, clock, polls };
}

const request = { batch: [{ text: 'Summarise this.' }] };

describe('async prediction', () => {
  it('submits, then polls with exponential backoff until READY', async () => {
    const predictions = [{ response: 'summary' }];
    const { client, clock, polls, server } = await asyncServer(
      ['SUBMITTED', 'SUBMITTED', 'READY'],
      {
        predictions,
      },
    );
    const result = client.predictAsync('summarization', 'llama', request);
    await clock.advance(60_000);

    await expect(result).resolves.toMatchObject({
      predictionId: 'p-1',
      status: 'READY',
      predictions,
    });
    expect(polls).toEqual([1_000, 3_000, 7_000]);
    expect(
      JSON.parse(
        server.requests.find((r) => r.method === 'POST' && r.url.pathname.startsWith('/ai/async'))
          ?.body ?? '',
      ),
    ).toEqual(request);
    client.dispose();
  });

  it('waitForPrediction polls at once, caps the pause at maxDelayMs and accepts RETRIEVED', async () => {
    const statuses = ['SUBMITTED', 'SUBMITTED', 'SUBMITTED', 'SUBMITTED', 'RETRIEVED'];
    const { client, clock, polls } = await asyncServer(statuses);
    const result = client.waitForPrediction('p-1', {
      initialDelayMs: 500,
      maxDelayMs: 1_500,
      factor: 3,
    });
    await clock.advance(60_000);

    await expect(result).resolves.toMatchObject({ status: 'RETRIEVED' });
    expect(polls).toEqual([0, 500, 2_000, 3_500, 5_000]);
    client.dispose();
  });

  it('turns status ERROR into ERR_JOB_FAILED with the server reason', async () => {
    const { client, clock } = await asyncServer(['SUBMITTED', 'ERROR']);
    const result = client.predictAsync('summarization', 'llama', request).catch((e: unknown) => e);
    await clock.advance(60_000);
    await expect(result).resolves.toMatchObject({
      code: 'ERR_JOB_FAILED',
      message: expect.stringContaining('model crashed'),
    });
    client.dispose();
  });

  it('gives up with ERR_TIMEOUT after the overall timeout', async () => {
    const { client, clock, polls } = await asyncServer(['SUBMITTED']);
    const result = client.waitForPrediction('p-1', { timeoutMs: 10_000 }).catch((e: unknown) => e);
    await clock.advance(60_000);
    await expect(result).resolves.toMatchObject({ code: 'ERR_TIMEOUT' });
    expect(polls).toEqual([0, 1_000, 3_000, 7_000]);
    client.dispose();
  });

  it('stops with ERR_ABORTED when the signal aborts, without polling again', async () => {
    const { client, clock, polls } = await asyncServer(['SUBMITTED']);
    const controller = new AbortController();
    const result = client
      .waitForPrediction('p-1', { signal: controller.signal })
      .catch((e: unknown) => e);
    await clock.advance(1_500);
    controller.abort();
    await clock.advance(60_000);
    await expect(result).resolves.toMatchObject({ code: 'ERR_ABORTED' });
    expect(polls).toEqual([0, 1_000]);
    client.dispose();
  });

  it('takes undefined wait options as the defaults', async () => {
    const { client, clock, polls } = await asyncServer(['SUBMITTED', 'SUBMITTED', 'READY']);
    const result = client.waitForPrediction('p-1', {
      timeoutMs: undefined,
      initialDelayMs: undefined,
      factor: undefined,
    });
    await clock.advance(60_000);
    await expect(result).resolves.toMatchObject({ status: 'READY' });
    expect(polls).toEqual([0, 1_000, 3_000]);
    client.dispose();
  });

  it('aborts at once when the signal is already aborted', async () => {
    const { client, polls } = await asyncServer(['SUBMITTED']);
    const result = client.predictAsync('summarization', 'llama', request, {
      signal: AbortSignal.abort(),
    });
    await expect(result).rejects.toMatchObject({ code: 'ERR_ABORTED' });
    expect(polls).toEqual([]);
    client.dispose();
  });

  it('says ERROR without a reason when the server gives none', async () => {
    const { client, server } = lucidworksAI();
    server.api('GET', APP, '/ai/async-prediction/p-2', () =>
      json({ predictionId: 'p-2', status: 'ERROR' }),
    );
    await expect(client.waitForPrediction('p-2')).rejects.toMatchObject({
      code: 'ERR_JOB_FAILED',
      message: expect.stringMatching(/status ERROR(?!:)/),
    });
    client.dispose();
  });
});

describe('async chunking', () => {
  it('chunk() submits to /ai/async-chunking/{chunker}/{modelId} and waits for chunks and vectors', async () => {
    const ready = { chunkedData: [{ chunks: ['a', 'b'] }], vector: [{ vector: [0.1, 0.2] }] };
    const { client, clock, server } = await asyncServer(['SUBMITTED', 'READY'], ready);
    const result = client.chunk('sentence', 'gte-small', {
      batch: [{ text: 'a. b.' }],
      chunkerConfig: { maxChunkSize: 512 },
    });
    await clock.advance(60_000);
    await expect(result).resolves.toMatchObject({ chunkingId: 'c-1', status: 'READY', ...ready });
    expect(
      server.requests.some((r) => r.url.pathname === '/ai/async-chunking/sentence/gte-small'),
    ).toBe(true);
    client.dispose();
  });

  it('getChunking returns one state without waiting', async () => {
    const { client } = await asyncServer(['SUBMITTED']);
    await expect(client.getChunking('c-1')).resolves.toEqual({
      chunkingId: 'c-1',
      status: 'SUBMITTED',
    });
    client.dispose();
  });
});

describe('with vitest fake timers and the default clock', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('waits on the global timers', async () => {
    let polls = 0;
    const { client, server } = lucidworksAI();
    // Minting hashes with WebCrypto, which fake timers cannot drive: get the token first.
    await client.tokens.predict.getToken();
    vi.useFakeTimers();
    server.api('GET', APP, '/ai/async-prediction/p-9', () => {
      polls += 1;
      return json({
        predictionId: 'p-9',
        status: polls < 3 ? 'SUBMITTED' : 'READY',
        predictions: [],
      });
    });
    const result = client.waitForPrediction('p-9');
    await vi.advanceTimersByTimeAsync(2_999);
    expect(polls).toBe(2);
    await vi.advanceTimersByTimeAsync(1);
    await expect(result).resolves.toMatchObject({ status: 'READY' });
    expect(polls).toBe(3);
    client.dispose();
  });
});
