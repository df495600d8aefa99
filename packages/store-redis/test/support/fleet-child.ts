// One process of a fleet, started by test/crash.test.ts: a Lucidworks AI client on a shared Redis
// store. Reads its settings as JSON from argv, prints each token event and its result as JSON lines.
import { Redis } from 'ioredis';
import { redisTokenStore } from '../../src/index.js';
import { aiClient, embed, type LucidworksTarget } from './lucidworks.js';

const { target, redisUrl, prefix, calls } = JSON.parse(process.argv[2] as string) as {
  target: LucidworksTarget;
  redisUrl: string;
  prefix: string;
  calls: number;
};
const print = (line: object) => process.stdout.write(`${JSON.stringify(line)}\n`);
const client = new Redis(redisUrl, { maxRetriesPerRequest: 1, commandTimeout: 1000 });
const store = redisTokenStore({ client, prefix });
const ai = aiClient(target, store, {
  // A loaded CI machine can read a Redis reply after core's 1 s default; this test is about the lease.
  storeTimeoutMs: 5_000,
  onEvent: (event) => print({ event: event.type, at: Date.now() }),
});
let failures = 0;
for (let i = 0; i < calls; i++) {
  await embed(ai, `call ${i}`).catch((error: Error) => {
    failures += 1;
    print({ error: error.message });
  });
}
print({ done: true, failures, mints: ai.tokens.predict.stats().mints });
ai.dispose();
store.dispose();
client.disconnect();
