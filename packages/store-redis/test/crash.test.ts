import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lucidworksTarget } from './support/lucidworks.js';
import { useRedisAndSimulator } from './support/redis-and-simulator.js';

const env = useRedisAndSimulator(3600);

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
    const settings = {
      target: lucidworksTarget(env.sim),
      redisUrl: env.redis.url,
      prefix,
      calls: 1,
    };
    // The first token request hangs: the first process is killed mid-mint, lease in hand.
    env.sim.setFaults([
      { vendor: 'lucidworks-ai', endpoint: 'token', kind: 'latency', ms: 60_000, times: 1 },
    ]);
    const doomed = startChild(settings);
    await doomed.until((line) => line.event === 'refresh-start');
    const raw = env.redis.client();
    const keys = await raw.keys(`${prefix}*`);
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatch(/:lease$/);
    // The survivor is waiting on the holder's lease before the holder dies: how long a process
    // takes to start on a loaded machine is then no part of what is measured.
    const survivor = startChild(settings);
    await survivor.until((line) => line.event === 'lease-wait');
    const leaseLeft = await raw.pttl(keys[0] as string);
    const killedAt = Date.now();
    doomed.child.kill('SIGKILL');

    const result = await survivor.until((line) => line.done === true);
    const minted = survivor.lines.find((line) => line.event === 'refresh-start');
    expect(result, JSON.stringify(survivor.lines)).toMatchObject({ failures: 0, mints: 1 });
    // It minted once the dead holder's lease ran out (renewed every 2.5 s while the holder lived, so
    // at most 5 s), not after a 30 s lease; 1.5 s for the wake-up and a loaded machine.
    expect((minted?.at as number) - killedAt).toBeLessThan(leaseLeft + 1500);
    env.sim.clearFaults();
  }, 90_000);
});
