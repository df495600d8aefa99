import { startSimulator } from '@searchauth/testkit';
import { engineClient, serverCounts, VENDOR } from './engine-client.js';

/** What one step of the token-engine tour measured, and whether it showed what it set out to. */
export interface StepResult {
  title: string;
  ok: boolean;
  lines: string[];
}

type Sim = Awaited<ReturnType<typeof startSimulator>>;

// Short-lived tokens make expiry, refresh-ahead and outages visible within seconds; the margin is
// 25% of the lifetime, so a 6 s token is refreshed from about 4.5 s on.
const SHORT_LIFETIME_SECONDS = 6;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const failureNote = (failures: string) => (failures ? ` (${failures})` : '');

export async function tokenEngineTour(onStep: (step: StepResult) => void): Promise<StepResult[]> {
  const steps: StepResult[] = [];
  const record = (step: StepResult) => {
    steps.push(step);
    onStep(step);
  };
  const hourly = await startSimulator({ vendors: [VENDOR] });
  try {
    record(await stampede(hourly));
    record(await revokedToken(hourly));
  } finally {
    await hourly.stop();
  }
  const short = await startSimulator({
    vendors: [VENDOR],
    tokenLifetimeSeconds: { [VENDOR]: SHORT_LIFETIME_SECONDS },
  });
  try {
    record(await refreshAhead(short));
    record(await outage(short));
  } finally {
    await short.stop();
  }
  return steps;
}

async function stampede(sim: Sim): Promise<StepResult> {
  const client = engineClient(sim);
  const before = serverCounts(sim);
  const started = performance.now();
  await Promise.all(Array.from({ length: 1000 }, () => client.search()));
  const ms = performance.now() - started;
  const mints = serverCounts(sim).mints - before.mints;
  const { ok, failed, failures } = client.counts();
  client.dispose();
  return {
    title: '1,000 concurrent searches on a cold cache',
    ok: mints === 1 && failed === 0,
    lines: [
      `${ok} searches succeeded, ${failed} failed${failureNote(failures)}, in ${Math.round(ms)} ms`,
      `token requests: ${mints}`,
    ],
  };
}

async function revokedToken(sim: Sim): Promise<StepResult> {
  const client = engineClient(sim);
  await client.search();
  const before = serverCounts(sim);
  const revoked = sim.revokeTokens({ vendor: VENDOR });
  await client.search();
  const after = serverCounts(sim);
  const { failed, failures } = client.counts();
  client.dispose();
  const replays = after.unauthorized - before.unauthorized;
  const mints = after.mints - before.mints;
  return {
    title: 'the server revokes the token the client holds',
    ok: failed === 0 && replays === 1 && mints === 1,
    lines: [
      `revoked every live token (${revoked}); the next search got 401 ${replays} time(s), minted ${mints} new token and was replayed once`,
      `searches failed: ${failed}${failureNote(failures)}`,
    ],
  };
}

async function refreshAhead(sim: Sim): Promise<StepResult> {
  const client = engineClient(sim);
  const before = serverCounts(sim);
  const seconds = SHORT_LIFETIME_SECONDS + 1.5;
  const end = Date.now() + seconds * 1000;
  await client.searchUntil(() => Date.now() >= end);
  const after = serverCounts(sim);
  const { ok, failed, failures } = client.counts();
  client.dispose();
  return {
    title: `searching for ${seconds} s with ${SHORT_LIFETIME_SECONDS} s tokens (20 in flight)`,
    ok:
      failed === 0 && after.mints - before.mints >= 2 && after.unauthorized === before.unauthorized,
    lines: [
      `${ok} searches succeeded, ${failed} failed${failureNote(failures)}, ${after.unauthorized - before.unauthorized} answered 401`,
      `token requests: ${after.mints - before.mints} (the first token, then each next one fetched ahead of expiry while searches went on)`,
    ],
  };
}

async function outage(sim: Sim): Promise<StepResult> {
  const client = engineClient(sim);
  await client.search();
  const tokenUntil = Date.now() + SHORT_LIFETIME_SECONDS * 1000;
  sim.addFault({ vendor: VENDOR, endpoint: 'token', kind: 'server-error', status: 503 });
  const before = serverCounts(sim);
  // Search through the refresh window, stopping short of expiry so no request is still in flight then.
  // The client ends the token at the earlier of expires_in and its JWT exp, both on whole seconds and
  // rounded towards expiring early: up to 2 s before the 6 s are over.
  await client.searchUntil(() => Date.now() >= tokenUntil - 2200, 5);
  const during = serverCounts(sim);
  const { ok, failed, failures, event } = client.counts();
  sim.clearFaults();
  await sleep(Math.max(0, tokenUntil - Date.now()) + 100);
  await client.search();
  const recovered = client.counts().failed === failed;
  client.dispose();
  return {
    title: 'the token endpoint goes down (503) while the token is still valid',
    ok: failed === 0 && recovered && event('degraded') >= 1,
    lines: [
      `during the outage: ${ok - 1} searches succeeded, ${failed} failed${failureNote(failures)}; ${during.tokenErrors - before.tokenErrors} refresh attempt(s) got 503, ${event('degraded')} degraded event(s)`,
      `after the endpoint came back: a new token (${serverCounts(sim).mints - during.mints} request), search ${recovered ? 'succeeded' : 'failed'}`,
    ],
  };
}
