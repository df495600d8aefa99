import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createSparqueClient } from '../src/index.js';
import { RESULTS } from './sparque-sim.js';

// Over real sockets on loopback: what the server sees is what a SPARQUE host would see.
const seen: Array<{ method?: string; url?: string; type?: string; auth?: string; body: string }> =
  [];
let stored = 'tok-1';
const revoked = new Set<string>();
let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer(async (req, res) => {
    const body = await read(req);
    seen.push({
      method: req.method,
      url: req.url,
      type: req.headers['content-type'],
      auth: req.headers.authorization,
      body,
    });
    if (req.url === '/api/auth') {
      if (JSON.parse(body).ForceReauth === true) stored = `tok-${Number(stored.slice(4)) + 1}`;
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end(stored);
      return;
    }
    const token = req.headers.authorization?.slice('Bearer '.length) ?? '';
    if (revoked.has(token)) {
      res.writeHead(401, { 'content-type': 'application/json' }).end('{"message":"Unauthorized"}');
      return;
    }
    res
      .writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify([RESULTS, { total: 1, stats: [] }]));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

it('runs a query against a loopback SPARQUE, recovering a revoked stored token with one ForceReauth', async () => {
  const sparque = createSparqueClient({
    workspace: 'shop',
    clientId: 'id',
    clientSecret: 'secret',
    api: 'products',
    authBaseUrl: base,
    apiBaseUrl: base,
  });
  try {
    const [results, stats] = await sparque.query({
      endpoints: [{ name: 'search', parameters: { q: 'drill/15 V' } }, { name: 'brand:FILTER' }],
      responseType: 'results,count',
    });
    expect([results.items.length, stats.total]).toEqual([1, 1]);

    revoked.add('tok-1');
    await sparque.query({ endpoints: [{ name: 'search' }] });
  } finally {
    sparque.dispose();
  }
  expect(seen.map((r) => `${r.method} ${r.url} ${r.auth ?? '-'}`)).toEqual([
    'POST /api/auth -',
    'GET /1/shop/api/products/e/search/p/q/drill%2F15%20V/e/brand:FILTER/results,count Bearer tok-1',
    'GET /1/shop/api/products/e/search/results Bearer tok-1',
    'POST /api/auth -',
    'POST /api/auth -',
    'GET /1/shop/api/products/e/search/results Bearer tok-2',
  ]);
  // After the 401 the server first hands back the rejected tok-1, so only then is a login forced.
  expect(
    seen.filter((r) => r.url === '/api/auth').map((r) => JSON.parse(r.body).ForceReauth),
  ).toEqual([false, false, true]);
  expect(seen[0]?.type).toBe('application/json');
});

function read(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      data += chunk;
    });
    req.on('end', () => resolve(data));
    req.on('error', reject);
  });
}
