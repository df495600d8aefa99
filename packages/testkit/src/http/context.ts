import type { IncomingMessage } from 'node:http';
import { fail } from './reply.js';

const MAX_BODY_BYTES = 1024 * 1024;

/** What a route sees of one request. */
export interface RouteContext {
  method: string;
  url: URL;
  params: Record<string, string>;
  headers: IncomingMessage['headers'];
  /** Simulator clock (epoch ms) at arrival. */
  now: number;
  /** Seconds the server reports its clock off by (a clock-skew fault). */
  skewSeconds: number;
  text(): Promise<string>;
  /** The body parsed as JSON (undefined when empty); 400 when it is not JSON. */
  json(): Promise<unknown>;
  /** The body parsed as application/x-www-form-urlencoded. */
  form(): Promise<URLSearchParams>;
  bearer(): string | undefined;
  basic(): { user: string; password: string } | undefined;
}

export function createContext(
  req: IncomingMessage,
  url: URL,
  params: Record<string, string>,
  timing: { now: number; skewSeconds: number },
): RouteContext {
  let body: Promise<string> | undefined;
  const text = () => {
    body ??= readBody(req);
    return body;
  };
  const authorization = req.headers.authorization ?? '';
  return {
    method: req.method ?? 'GET',
    url,
    params,
    headers: req.headers,
    ...timing,
    text,
    json: async () => {
      const raw = await text();
      if (raw.trim() === '') return undefined;
      try {
        return JSON.parse(raw) as unknown;
      } catch {
        return fail(400, { message: 'The request body is not valid JSON.' });
      }
    },
    form: async () => new URLSearchParams(await text()),
    bearer: () => /^Bearer\s+(\S+)\s*$/i.exec(authorization)?.[1],
    basic: () => parseBasic(authorization),
  };
}

function parseBasic(header: string): { user: string; password: string } | undefined {
  const encoded = /^Basic\s+(\S+)\s*$/i.exec(header)?.[1];
  if (!encoded) return undefined;
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  // RFC 6749 2.3.1: both halves are form-urlencoded before base64; plain ids decode to themselves.
  const formDecode = (s: string) => {
    try {
      return decodeURIComponent(s.replace(/\+/g, ' '));
    } catch {
      return s;
    }
  };
  return {
    user: formDecode(decoded.slice(0, colon)),
    password: formDecode(decoded.slice(colon + 1)),
  };
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) fail(413, { message: 'Request body larger than 1 MiB.' });
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
