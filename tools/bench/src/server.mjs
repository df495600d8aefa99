// The bench's stand-in vendor: an OAuth2 token endpoint and a small API on 127.0.0.1, in its own
// process so it shares neither the client's event loop nor its sockets. Everything it counts is kept
// per client id, so contenders running side by side (each with its own id) are told apart.
import { createServer } from 'node:http';

/** client id -> { lifetimeSeconds, revokeOnMint } set by the bench before a scenario. */
const config = new Map();
/** client id -> counters. */
const stats = new Map();
/** access token -> { clientId, expiresAt, revoked }. */
const tokens = new Map();
/** While set, every token request gets this status (a token endpoint outage). */
let outage;
let minted = 0;
const body = JSON.stringify({ total: 1, items: [{ id: 'a', title: 'tent' }] });

const statsOf = (clientId) => {
  let s = stats.get(clientId);
  if (!s) {
    s = { tokenRequests: 0, tokenTimes: [], apiRequests: 0, unauthorized: 0 };
    stats.set(clientId, s);
  }
  return s;
};

function clientOf(req, form) {
  const basic = /^Basic (.+)$/i.exec(req.headers.authorization ?? '');
  if (basic) return decodeURIComponent(Buffer.from(basic[1], 'base64').toString().split(':')[0]);
  return form.get('client_id') ?? 'unknown';
}

function json(res, status, value, headers = {}) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(value));
}

function token(req, res, text) {
  const clientId = clientOf(req, new URLSearchParams(text));
  const s = statsOf(clientId);
  s.tokenRequests += 1;
  s.tokenTimes.push(Date.now());
  if (outage) return json(res, outage.status, { error: 'temporarily_unavailable' }, outage.headers);
  const { lifetimeSeconds = 3600, revokeOnMint = false } = config.get(clientId) ?? {};
  if (revokeOnMint) {
    for (const t of tokens.values()) if (t.clientId === clientId) t.revoked = true;
  }
  const accessToken = `bench.${clientId}.${++minted}.${Math.random().toString(36).slice(2)}`;
  tokens.set(accessToken, { clientId, expiresAt: Date.now() + lifetimeSeconds * 1000 });
  json(res, 200, { access_token: accessToken, token_type: 'Bearer', expires_in: lifetimeSeconds });
}

function api(req, res) {
  const bearer = /^Bearer (.+)$/i.exec(req.headers.authorization ?? '')?.[1];
  if (bearer === 'static') return json(res, 200, JSON.parse(body));
  const t = bearer && tokens.get(bearer);
  const s = statsOf(t?.clientId ?? bearer?.split('.')[1] ?? 'unknown');
  s.apiRequests += 1;
  if (!t || t.revoked || Date.now() >= t.expiresAt) {
    s.unauthorized += 1;
    return json(res, 401, { error: 'invalid_token' });
  }
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(body);
}

function control(req, res, text) {
  const input = text ? JSON.parse(text) : {};
  if (req.url === '/__config') {
    for (const [id, value] of Object.entries(input)) config.set(id, value);
  } else if (req.url === '/__outage') {
    outage = input.status ? input : undefined;
  } else if (req.url === '/__reset') {
    config.clear();
    stats.clear();
    tokens.clear();
    outage = undefined;
  } else if (req.url === '/__stats') {
    return json(res, 200, Object.fromEntries(stats));
  }
  json(res, 200, {});
}

const server = createServer((req, res) => {
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => {
    const text = Buffer.concat(chunks).toString();
    if (req.url?.startsWith('/__')) return control(req, res, text);
    if (req.method === 'POST' && req.url?.endsWith('/token')) return token(req, res, text);
    api(req, res);
  });
});
server.keepAliveTimeout = 60_000;
server.maxRequestsPerSocket = 0;
server.listen(0, '127.0.0.1', () => process.send?.({ port: server.address().port }));
process.on('disconnect', () => process.exit(0));
