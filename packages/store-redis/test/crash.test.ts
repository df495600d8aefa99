import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { startSimulator } from '@searchauth/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lucidworksTarget } from './support/lucidworks.js';
import { startRedis, type TestRedis } from './support/redis-server.js';

let redis: TestRedis;
let sim: Awaited<ReturnType<typeof startSimulator>>;
beforeAll(async () => {
  [redis, sim] = await Promise.all([
    startRedis(),
    startSimulator({ vendors: ['lucidworks-ai'], tokenLifetimeSeconds: 3600 }),
  ]);
});
afterAll(async () => {
  await sim.stop();
  await redis.stop();
});

const CHILD = fileURLToPath(new URL('./support/fleet-child.ts', import.meta.url));
type Line = { event?: string; at?: number; done?: boolean; failures?: number; mints?: number };

/** A fleet process: a child running fleet-child.ts, with the JSON lines it printed so far. */
function startChild(settings: object) {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', CHILD, JSON.stringify(settings)],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const lines: Line[] = [];
  const listeners: Array<() => void> = [];
  createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (text) => {
    lines.push(JSON.parse(text));
    for (const listener of listeners) listener();
  });
  const until = (test: (line: Line) => boolean) =>
    new Promise<Line>((resolve, reject) => {
      const check = () => {
        const found = lines.find(test);
        if (found) resolve(found);
      };
      listeners.push(check);
      child.once('exit', () => {
        check();
        reject(new Error('the child exited first'));
      });
      check();
    });
  return { child, lines, until };
}

describe('a fleet process that dies holding the mint lease', () => {
  it('blocks the others only until the lease lapses; then one of them mints', async () => {
    const prefix = 'crash:';
    const settings = { target: lucidworksTarget(sim), redisUrl: redis.url, prefix, calls: 1 };
    // The first token request hangs: the first process is killed mid-mint, lease in hand.
    sim.setFaults([
      { vendor: 'lucidworks-ai', endpoint: 'token', kind: 'latency', ms: 60_000, times: 1 },
    ]);
    const doomed = startChild(settings);
    await doomed.until((line) => line.event === 'refresh-start');
    const raw = redis.client();
    const keys = await raw.keys(`${prefix}*`);
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatch(/:lease$/);
    const leaseLeft = await raw.pttl(keys[0] as string);
    const killedAt = Date.now();
    doomed.child.kill('SIGKILL');

    const survivor = startChild(settings);
    const result = await survivor.until((line) => line.done === true);
    const minted = survivor.lines.find((line) => line.event === 'refresh-start');
    expect(result, JSON.stringify(survivor.lines)).toMatchObject({ failures: 0, mints: 1 });
    expect(survivor.lines.some((line) => line.event === 'lease-wait')).toBe(true);
    // It minted once the dead holder's lease ran out, not later (1.5 s for polling and start-up).
    expect((minted?.at as number) - killedAt).toBeLessThan(leaseLeft + 1500);
    sim.clearFaults();
  }, 90_000);
});
