import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import type { SimClock } from '../clock.js';
import type { FaultBook, FaultPlan } from '../faults.js';
import { fingerprintSync } from '../fingerprint.js';
import type { RequestRecord, VendorName } from '../types.js';
import { createContext } from './context.js';
import { faultReply } from './fault-reply.js';
import { json, type Reply, ReplyError } from './reply.js';
import type { Route } from './route.js';

/**
 * How long an idle keep-alive connection stays open. Node's fetch (undici) keeps a connection for
 * the server's `Keep-Alive: timeout` minus one second, so at 1 s it closed every connection after
 * one request; 10 s lets a test's sequential calls share a connection. `close()` does not wait for it.
 */
export const KEEP_ALIVE_TIMEOUT_MS = 10_000;

export interface HostOptions {
  /** Vendor that unmatched requests are logged under. */
  vendor: VendorName;
  routes: readonly Route[];
  clock: SimClock;
  faults: FaultBook;
  log: RequestRecord[];
  nextSeq: () => number;
  host: string;
  port: number;
}

export interface RunningHost {
  /** `http://127.0.0.1:PORT`, no trailing slash. */
  url: string;
  port: number;
  /** The listening server (tests count its connections). */
  server: Server;
  /** Stops listening and closes every connection at once, idle keep-alive ones included. */
  close(): Promise<void>;
}

/** One loopback HTTP server answering a vendor host's routes, with faults applied. */
export async function startHost(options: HostOptions): Promise<RunningHost> {
  const server = createServer((req, res) => {
    const exchange = beginExchange(options, req, res);
    handle(options, exchange, req, res).catch((error: unknown) => {
      // A bug in a route (or a body the client stopped sending) must not hang the client: answer
      // 500 if nothing was sent yet.
      if (res.headersSent) res.destroy();
      else respond(exchange, res, json(500, { message: String(error) }), Date.now());
    });
  });
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  // Above the keep-alive timeout, so a connection waiting for its next request is never cut short.
  server.headersTimeout = KEEP_ALIVE_TIMEOUT_MS + 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host}:${port}`,
    port,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // close() alone waits for requests in flight; a stopped simulator answers nothing more.
        server.closeAllConnections();
      }),
  };
}

interface Exchange {
  url: URL;
  route: Route | undefined;
  params: Record<string, string> | undefined;
  /** The route has the path but not the method (405). */
  wrongMethod: boolean;
  record: RequestRecord;
  /** Logs the request once, with this status, or 0 when the client is already gone. */
  log(status: number): void;
}

/**
 * Starts the request's log record. Every request is logged exactly once: when its reply is sent, or,
 * with status 0, when the connection closes first (a reset fault, the client hanging up during
 * latency or the body, or `stop()`).
 */
function beginExchange(options: HostOptions, req: IncomingMessage, res: ServerResponse): Exchange {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const method = req.method ?? 'GET';
  const found = findRoute(options.routes, method, url.pathname);
  const route = found?.route;
  const record: RequestRecord = {
    seq: options.nextSeq(),
    vendor: route?.vendor ?? options.vendor,
    endpoint: route?.endpoint ?? 'unknown',
    method,
    path: url.pathname,
    query: url.search,
    status: 0,
    authorization: authorizationOf(req.headers.authorization),
    faults: [],
    at: options.clock.now(),
  };
  let logged = false;
  const commit = (status: number) => {
    if (logged) return;
    logged = true;
    record.status = status;
    options.log.push(record);
  };
  // After a sent reply this is a no-op; before it, nothing reached the client.
  res.once('close', () => commit(0));
  return {
    url,
    route,
    params: found?.params,
    wrongMethod: found === null,
    record,
    log: (status) => commit(res.destroyed || req.socket.destroyed ? 0 : status),
  };
}

async function handle(
  options: HostOptions,
  exchange: Exchange,
  req: IncomingMessage,
  res: ServerResponse,
) {
  const { url, route, record } = exchange;
  const plan: FaultPlan = route
    ? options.faults.plan({
        vendor: route.vendor,
        endpoint: route.endpoint,
        isToken: route.isToken === true,
      })
    : { latencyMs: 0, skewSeconds: 0, kinds: [] };
  record.faults = plan.kinds;
  if (plan.latencyMs > 0) await delay(plan.latencyMs);

  if (plan.replace?.kind === 'reset') {
    exchange.log(0);
    req.socket.destroy();
    return;
  }
  let reply: Reply;
  if (!route || !exchange.params) {
    const status = exchange.wrongMethod ? 405 : 404;
    reply = json(status, { message: `No route for ${record.method} ${url.pathname}` });
  } else if (plan.replace) {
    reply = faultReply(plan.replace, route);
  } else {
    const ctx = createContext(req, url, exchange.params, {
      now: record.at,
      skewSeconds: plan.skewSeconds,
    });
    try {
      reply = await route.handle(ctx);
    } catch (error) {
      if (!(error instanceof ReplyError)) throw error;
      reply = error.reply;
    }
  }
  respond(exchange, res, reply, options.clock.now() + plan.skewSeconds * 1000);
}

function respond(exchange: Exchange, res: ServerResponse, reply: Reply, dateMs: number) {
  exchange.log(reply.status);
  send(res, reply, dateMs);
}

/** undefined: no route has this path; null: a route has the path but not the method. */
function findRoute(routes: readonly Route[], method: string, path: string) {
  let pathKnown = false;
  for (const route of routes) {
    const params = route.match(path);
    if (!params) continue;
    if (route.method === method) return { route, params };
    pathKnown = true;
  }
  return pathKnown ? null : undefined;
}

function authorizationOf(header: string | undefined): RequestRecord['authorization'] {
  if (!header) return undefined;
  const [scheme = '', ...rest] = header.trim().split(/\s+/);
  return { scheme, fingerprint: fingerprintSync(rest.join(' ')) };
}

function send(res: ServerResponse, reply: Reply, dateMs: number) {
  const payload = reply.text ?? (reply.body === undefined ? '' : `${JSON.stringify(reply.body)}\n`);
  const type =
    reply.contentType ??
    (reply.text === undefined && reply.body !== undefined ? 'application/json' : undefined);
  res.statusCode = reply.status;
  res.setHeader('Date', new Date(dateMs).toUTCString());
  res.setHeader('Cache-Control', 'no-store');
  if (type) res.setHeader('Content-Type', type);
  for (const [name, value] of Object.entries(reply.headers ?? {})) res.setHeader(name, value);
  res.setHeader('Content-Length', Buffer.byteLength(payload));
  res.end(payload);
}
