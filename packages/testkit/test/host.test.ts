import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createClock } from '../src/clock.js';
import { type Fault, FaultBook } from '../src/faults.js';
import { KEEP_ALIVE_TIMEOUT_MS, type RunningHost, startHost } from '../src/http/host.js';
import { json } from '../src/http/reply.js';
import { at, type Route } from '../src/http/route.js';
import type { RequestRecord } from '../src/types.js';

const route = (endpoint: string, method: Route['method'], handle: Route['handle']): Route => ({
  vendor: 'oauth2',
  endpoint,
  method,
  ...at(`/${endpoint}`),
  handle,
});

const ROUTES = [
  route('ping', 'GET', () => json(200, { ok: true })),
  route('echo', 'POST', async (ctx) => json(200, { text: await ctx.text() })),
  route('crash', 'GET', () => {
    throw new Error('a bug in a route');
  }),
];

const hosts: RunningHost[] = [];
afterEach(async () => {
  await Promise.all(hosts.splice(0).map((h) => h.close()));
});

/** One host on a free port, with its log, its faults and every connection it accepted. */
async function start(faults: Fault[] = []) {
  const book = new FaultBook();
  book.set(faults);
  const log: RequestRecord[] = [];
  let seq = 0;
  const host = await startHost({
    vendor: 'oauth2',
    routes: ROUTES,
    clock: createClock(),
    faults: book,
    log,
    nextSeq: () => ++seq,
    host: '127.0.0.1',
    port: 0,
  });
  hosts.push(host);
  const sockets: Socket[] = [];
  host.server.on('connection', (socket: Socket) => sockets.push(socket));
  const open = () => sockets.filter((s) => !s.destroyed).length;
  return { host, log, sockets, open };
}

/** Resolves when the server has started handling the next request (its route is waiting). */
const nextRequest = (host: RunningHost) =>
  new Promise<void>((resolve) => host.server.once('request', () => resolve()));

describe('keep-alive', () => {
  it('keeps idle connections longer than Node fetch needs to reuse them', async () => {
    const { host } = await start();
    // undici keeps a connection for the server's Keep-Alive timeout minus 1 s: at 1 s, not at all.
    expect(host.server.keepAliveTimeout).toBe(KEEP_ALIVE_TIMEOUT_MS);
    expect(KEEP_ALIVE_TIMEOUT_MS).toBeGreaterThanOrEqual(5_000);
    expect(host.server.headersTimeout).toBeGreaterThan(host.server.keepAliveTimeout);
    const res = await fetch(`${host.url}/ping`);
    await res.arrayBuffer();
    expect(res.headers.get('keep-alive')).toBe(`timeout=${KEEP_ALIVE_TIMEOUT_MS / 1000}`);
  });

  it('serves sequential fetch requests over a few reused connections', async () => {
    const { host, sockets, log } = await start();
    const n = 30;
    for (let i = 0; i < n; i++) await (await fetch(`${host.url}/ping`)).arrayBuffer();
    expect(log).toHaveLength(n);
    // One connection per request when keep-alive is too short for the client; measured: 2.
    expect(sockets.length).toBeLessThanOrEqual(3);
  });

  it('close() resolves at once with idle keep-alive connections open, and closes them', async () => {
    const { host, open } = await start();
    for (let i = 0; i < 5; i++) await (await fetch(`${host.url}/ping`)).arrayBuffer();
    expect(open()).toBeGreaterThan(0);
    const started = performance.now();
    await host.close();
    // Waiting for the idle connections to time out would take KEEP_ALIVE_TIMEOUT_MS.
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(open()).toBe(0);
  });

  it('close() does not wait for a request in flight; it is logged with status 0', async () => {
    const { host, log } = await start([{ kind: 'latency', ms: 5_000 }]);
    const arrived = nextRequest(host);
    const pending = fetch(`${host.url}/ping`).catch((error: unknown) => error);
    await arrived;
    const started = performance.now();
    await host.close();
    expect(performance.now() - started).toBeLessThan(1_000);
    await expect(pending).resolves.toBeInstanceOf(TypeError);
    expect(log).toMatchObject([{ endpoint: 'ping', status: 0, faults: ['latency'] }]);
  });
});

describe('request log', () => {
  it('logs a request whose client hangs up during latency at once, with status 0, and once', async () => {
    const latency = 600;
    const { host, log } = await start([{ kind: 'latency', ms: latency }]);
    const abandon = new AbortController();
    const arrived = nextRequest(host);
    const gone = fetch(`${host.url}/ping`, { signal: abandon.signal }).catch((e: unknown) => e);
    await arrived;
    abandon.abort();
    await gone;
    // Well before the latency ends: the record does not wait for the route's (unsent) reply.
    await vi.waitFor(() => expect(log).toHaveLength(1), { timeout: latency / 2 });
    expect(log[0]).toMatchObject({ seq: 1, endpoint: 'ping', status: 0, faults: ['latency'] });
    // The second request's latency outlasts the first one's: its late reply is not logged again.
    await (await fetch(`${host.url}/ping`)).arrayBuffer();
    expect(log.map((r) => [r.seq, r.status])).toEqual([
      [1, 0],
      [2, 200],
    ]);
  });

  it('logs a request whose body never arrives in full with status 0', async () => {
    const { host, log } = await start();
    const arrived = nextRequest(host);
    const socket = connect(host.port, '127.0.0.1');
    socket.on('error', () => {});
    socket.write('POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nonly part');
    await arrived;
    socket.destroy();
    await vi.waitFor(() => expect(log).toHaveLength(1));
    expect(log[0]).toMatchObject({ endpoint: 'echo', method: 'POST', status: 0 });
  });

  const cases: Array<[string, { faults: Fault[]; path: string; want: number }]> = [
    ['a reset fault, as 0', { faults: [{ kind: 'reset' }], path: '/ping', want: 0 }],
    ['a route that throws, as 500', { faults: [], path: '/crash', want: 500 }],
    ['an unknown path, as 404', { faults: [], path: '/nope', want: 404 }],
    ['a known path with another method, as 405', { faults: [], path: '/echo', want: 405 }],
  ];
  it.each(cases)('logs %s', async (_name, { faults, path, want }) => {
    const { host, log } = await start(faults);
    await fetch(`${host.url}${path}`).then(
      (r) => r.arrayBuffer(),
      () => undefined,
    );
    await vi.waitFor(() => expect(log).toHaveLength(1));
    expect(log[0]?.status).toBe(want);
  });
});
