import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createTokenManager, type TokenSource } from '../src/index.js';
import { fakeClock, flush, jwt, key } from './support.js';

/**
 * A server whose clock is `skew` ms off ours issues tokens of `lifetime` seconds, described by
 * expires_in or only by a JWT exp with a Date header. We step time randomly, call getToken and
 * check every token served against its true expiry on our clock.
 */
describe('properties', () => {
  it('never serves a token past its expiry and refreshes at most once per half lifetime', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 10, max: 86_400 }),
        fc.integer({ min: -600_000, max: 599_000 }),
        fc.boolean(),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.array(fc.double({ min: 0, max: 0.4, noNaN: true }), { minLength: 5, maxLength: 60 }),
        async (lifetime, skew, asJwt, jitter, steps) => {
          const clock = fakeClock();
          const trueExpiry = new Map<string, number>();
          const mintedAt: number[] = [];
          const source: TokenSource = async () => {
            const local = clock.now();
            const server = local + skew;
            const iat = Math.floor(server / 1000);
            const token = asJwt
              ? jwt({ iat, exp: iat + lifetime, n: mintedAt.length })
              : `opaque-${mintedAt.length}`;
            // The server stops accepting the token at exp on its clock.
            trueExpiry.set(token, asJwt ? (iat + lifetime) * 1000 - skew : local + lifetime * 1000);
            mintedAt.push(local);
            return asJwt
              ? { accessToken: token, serverDate: iat * 1000 }
              : { accessToken: token, expiresIn: lifetime };
          };
          const manager = createTokenManager({ source, key, clock, random: () => jitter });
          for (const step of steps) {
            clock.advance(Math.round(step * lifetime * 1000));
            const token = await manager.getToken();
            expect(clock.now()).toBeLessThan(trueExpiry.get(token) as number);
            await flush(3);
          }
          for (let i = 1; i < mintedAt.length; i++) {
            const gap = (mintedAt[i] as number) - (mintedAt[i - 1] as number);
            expect(gap).toBeGreaterThanOrEqual(lifetime * 500 - 1000);
          }
        },
      ),
      { numRuns: 300 },
    );
    // Hundreds of runs on a fake clock: CPU-bound, so a loaded machine needs more than 5 s.
  }, 60_000);

  it('in steady state refreshes each token once, no earlier than 70% into its lifetime', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 4, max: 7200 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 1, max: 5000 }),
        async (lifetime, jitter, stepMs) => {
          const clock = fakeClock();
          const mintedAt: number[] = [];
          const source: TokenSource = async () => {
            mintedAt.push(clock.now());
            return { accessToken: `t${mintedAt.length}`, expiresIn: lifetime };
          };
          const manager = createTokenManager({ source, key, clock, random: () => jitter });
          const start = clock.now();
          const step = Math.max(stepMs, (lifetime * 1000) / 100);
          while (clock.now() - start < 5 * lifetime * 1000) {
            await manager.getToken();
            await flush(1);
            clock.advance(step);
          }
          const gaps = mintedAt.slice(1).map((at, i) => at - (mintedAt[i] as number));
          for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(0.7 * lifetime * 1000);
          expect(mintedAt.length).toBeLessThanOrEqual(1 + Math.floor(5 / 0.7));
        },
      ),
      { numRuns: 200 },
    );
  }, 60_000);
});
