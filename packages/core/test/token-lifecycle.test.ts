import { describe, expect, it } from 'vitest';
import { createTokenManager, tokenKey } from '../src/index.js';
import { deferred, fakeClock, flush, key, setupManager as setup, T0 } from './support.js';

describe('token manager events, abort and dispose', () => {
  it('emits events with fingerprints only', async () => {
    const { manager, events, clock } = setup();
    await manager.getToken();
    await manager.getToken();
    clock.advance(3_300_000);
    await manager.getToken();
    await flush();
    expect(events.map((e) => e.type)).toEqual([
      'miss',
      'refresh-start',
      'refresh-success',
      'hit',
      'hit',
      'refresh-start',
      'refresh-success',
    ]);
    const success = events[2];
    expect(success?.tokenFingerprint).toMatch(/^[0-9a-f]{12}$/);
    expect(success?.expiresAt).toBe(T0 + 3600_000);
    expect(success?.key).toBe(await tokenKey(key));
    expect(JSON.stringify(events)).not.toContain('tok-');
  });

  it('survives a throwing listener', async () => {
    const { manager } = setup({
      onEvent: () => {
        throw new Error('listener bug');
      },
    });
    expect(await manager.getToken()).toBe('tok-1');
  });

  it('rejects a waiting caller promptly on abort while others still get the token', async () => {
    const clock = fakeClock();
    const gate = deferred<{ accessToken: string; expiresIn: number }>();
    const manager = createTokenManager({ source: () => gate.promise, key, clock });
    const controller = new AbortController();
    const aborted = manager.getToken({ signal: controller.signal });
    const patient = manager.getToken();
    controller.abort();
    await expect(aborted).rejects.toMatchObject({ code: 'ERR_ABORTED', vendor: 'test' });
    gate.resolve({ accessToken: 'late', expiresIn: 60 });
    expect(await patient).toBe('late');
  });

  it('rejects at once with an already aborted signal', async () => {
    const { manager, calls } = setup();
    await expect(manager.getToken({ signal: AbortSignal.abort() })).rejects.toMatchObject({
      code: 'ERR_ABORTED',
    });
    expect(calls.length).toBe(0);
  });

  it('dispose aborts the token request in flight and refuses later calls', async () => {
    const clock = fakeClock();
    let seen: AbortSignal | undefined;
    const manager = createTokenManager({
      source: ({ signal }) => {
        seen = signal;
        return new Promise(() => {});
      },
      key,
      clock,
    });
    void manager.getToken().catch(() => {});
    await flush();
    manager.dispose();
    expect(seen?.aborted).toBe(true);
    await expect(manager.getToken()).rejects.toMatchObject({ code: 'ERR_ABORTED' });
    expect(clock.pending()).toBe(0);
  });
});
