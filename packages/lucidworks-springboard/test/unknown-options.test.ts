import { describe, expect, it, vi } from 'vitest';
import { hangingFetch, timerClock } from '../../core/test/fake-fetch.js';
import { createSpringboardClient, type SpringboardClientOptions } from '../src/index.js';

const valid: SpringboardClientOptions = {
  applicationId: 'app-1',
  clientId: 'id',
  clientSecret: 's',
};

describe('createSpringboardClient: unknown options', () => {
  it('refuses a misspelt option, also inside push', () => {
    expect(() => createSpringboardClient({ ...valid, combineScopes: true } as never)).toThrow(
      'unknown option combineScopes; did you mean combinedScopes?',
    );
    expect(() => createSpringboardClient({ ...valid, push: { savepath: '/p' } } as never)).toThrow(
      'createSpringboardClient push: unknown option savepath; did you mean savePath?',
    );
  });

  it('takes tokenTimeoutMs as the limit of each token request, query and push alike', async () => {
    const clock = timerClock(Date.UTC(2026, 0, 1));
    const client = createSpringboardClient({
      ...valid,
      fetch: hangingFetch,
      clock,
      tokenTimeoutMs: 4321,
    });
    try {
      const pending = [client.tokens.query.getToken(), client.tokens.push.getToken()];
      await vi.waitFor(() => expect(clock.timers.filter(([ms]) => ms === 4321)).toHaveLength(2));
      clock.fire(4321);
      for (const token of pending)
        await expect(token).rejects.toMatchObject({ code: 'ERR_TIMEOUT' });
    } finally {
      client.dispose();
    }
  });
});
