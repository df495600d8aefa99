import type { CorpusDocument } from '../corpus/generate.js';
import { requireBearer } from '../http/auth.js';
import type { RouteContext } from '../http/context.js';
import { fail, json, type Reply } from '../http/reply.js';
import { at, type Route } from '../http/route.js';
import type { SimState } from '../state.js';
import { facetOptions, type RankedDoc, runEndpoints } from './sparque-engine.js';
import { parseSparquePath, type SparqueQueryPath } from './sparque-path.js';

const VENDOR = 'sparque';
const CONFIGS = new Set(['default', 'production']);
const CUTOFFS = ['0.25', '0.5', '0.75'];
const errorBody = (_status: number, message: string) => ({ message });

/** `POST /api/auth` on the token storage ("wrapper") host. */
export function sparqueAuthRoutes(state: SimState): Route[] {
  return [
    {
      vendor: VENDOR,
      endpoint: 'token',
      method: 'POST',
      isToken: true,
      missingFieldsBody: { expiresIn: 3600 },
      ...at('/api/auth'),
      handle: (ctx) => requestToken(ctx, state),
    },
  ];
}

/** The Query API host: `/{version}/{workspace}/api/{api}/.../{responseType}`. */
export function sparqueQueryRoutes(state: SimState): Route[] {
  return [
    {
      vendor: VENDOR,
      endpoint: 'query',
      method: 'GET',
      path: '/:version/:workspace/api/:api/e/:endpoint/:responseType',
      match: (path) => (parseSparquePath(path) ? {} : undefined),
      handle: (ctx) => {
        const result = parseSparquePath(ctx.url.pathname);
        if (!result) return json(404, { message: 'Not found' });
        if (!result.ok) return json(result.status, { message: result.message });
        return query(ctx, state, result.path);
      },
    },
  ];
}

async function requestToken(ctx: RouteContext, state: SimState): Promise<Reply> {
  const type = (ctx.headers['content-type'] ?? '').split(';')[0]?.trim();
  if (type !== 'application/json' && type !== 'application/json-patch+json') {
    return json(415, { message: 'Use Content-Type application/json.' });
  }
  const body = (await ctx.json()) as Record<string, unknown> | null;
  const field = (name: string) => (typeof body?.[name] === 'string' ? (body[name] as string) : '');
  const missing = ['WorkspaceName', 'ClientId', 'ClientSecret'].filter((n) => field(n) === '');
  if (missing.length > 0) return json(400, { message: `Missing ${missing.join(', ')}.` });
  if (body?.ForceReauth !== undefined && typeof body.ForceReauth !== 'boolean') {
    return json(400, { message: 'ForceReauth must be a boolean.' });
  }
  const creds = state.credentials.sparque;
  if (
    field('WorkspaceName') !== creds.workspace ||
    field('ClientId') !== creds.clientId ||
    field('ClientSecret') !== creds.clientSecret
  ) {
    return json(401, { message: 'Invalid client credentials for this workspace.' });
  }
  const subject = `${creds.workspace}/${creds.clientId}`;
  const stored = state.tokens.live({ vendor: VENDOR, subject }).at(-1);
  // A token with under a second left is not worth handing out: it would say `expiresIn: 0`.
  if (stored && stored.expiresAt - ctx.now >= 1000 && body?.ForceReauth !== true) {
    return json(200, {
      accessToken: stored.token,
      expiresIn: Math.floor((stored.expiresAt - ctx.now) / 1000),
    });
  }
  // A fresh login replaces the stored token; the old one stops working.
  state.tokens.revoke({ vendor: VENDOR, subject });
  const issued = await state.tokens.issue({
    vendor: VENDOR,
    subject,
    audience: creds.workspace,
    lifetimeSeconds: state.lifetime(VENDOR),
    format: 'jwt',
    issuer: state.origins.get('sparque:auth'),
    skewSeconds: ctx.skewSeconds,
  });
  return json(200, { accessToken: issued.token, expiresIn: state.lifetime(VENDOR) });
}

function query(ctx: RouteContext, state: SimState, path: SparqueQueryPath): Reply {
  const creds = state.credentials.sparque;
  requireBearer(ctx, state, { vendor: VENDOR, audience: path.workspace, errorBody });
  // An account without the "API Usage" role gets tokens but no API access.
  if (!state.sparque.apiUsage) {
    fail(
      401,
      { message: 'The account lacks the API Usage role.' },
      {
        'WWW-Authenticate': 'Bearer error="invalid_token"',
      },
    );
  }
  if (path.api !== creds.api) return json(404, { message: `No such api: ${path.api}` });
  const q = ctx.url.searchParams;
  if (!CONFIGS.has(q.get('config') ?? 'default')) {
    return json(404, { message: 'No such workspace configuration' });
  }
  const count = intParam(q.get('count'), 10, 0, 'count');
  const offset = intParam(q.get('offset'), 0, 0, 'offset');
  const format = q.get('format') ?? 'json';
  if (format !== 'json' && format !== 'csv') {
    return json(400, { message: `The simulator does not render format ${format}.` });
  }
  if (path.responseType === 'options') return json(200, facetOptions(state.corpus, path.endpoints));
  let ranked = runEndpoints(state.corpus, path.endpoints);
  const cutoff = q.get('cutoff');
  if (cutoff !== null) ranked = ranked.filter((r) => r.probability >= Number(cutoff));
  const page = ranked.slice(offset, offset + count);
  const results = {
    count,
    offset,
    type: ['OBJ'],
    items: page.map((r, i) => ({
      rank: offset + i + 1,
      probability: r.probability,
      tuple: [toObject(r.doc)],
    })),
  };
  const statistics = {
    total: ranked.length,
    stats: CUTOFFS.map((c) => ({
      cutoff: c,
      numResults: ranked.filter((r) => r.probability >= Number(c)).length,
    })),
  };
  switch (path.responseType) {
    case 'results':
      return format === 'csv' ? csv(offset, page) : json(200, results);
    case 'results,count':
      return json(200, [results, statistics]);
    case 'count':
      return json(200, { total: ranked.length });
    case 'statistics':
      return json(200, statistics);
    case 'resultpage':
      return json(200, { ...results, total: ranked.length });
    case 'resultitem': {
      const rank = intParam(q.get('rank'), 1, 1, 'rank');
      const column = intParam(q.get('column'), 1, 1, 'column');
      const item = ranked[rank - 1];
      if (!item || column !== 1)
        return json(404, { message: `No result at rank ${rank}, column ${column}.` });
      return json(200, toObject(item.doc));
    }
    default:
      return json(400, { message: `Unknown response type "${path.responseType}".` });
  }
}

function intParam(raw: string | null, fallback: number, min: number, name: string): number {
  if (raw === null) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min)
    fail(400, { message: `${name} must be an integer >= ${min}.` });
  return n;
}

function toObject(doc: CorpusDocument) {
  return {
    id: `https://data.sim.sparque.local/${doc.type}/${doc.id}`,
    class: [
      `https://schema.sim.sparque.local/${doc.type.charAt(0).toUpperCase()}${doc.type.slice(1)}`,
    ],
    attributes: {
      title: doc.title,
      description: doc.abstract,
      type: doc.type,
      category: doc.category,
      brand: doc.brand,
      color: doc.color,
      language: doc.language,
      price: doc.price,
      url: doc.url,
    },
  };
}

function csv(offset: number, page: RankedDoc[]): Reply {
  const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
  const lines = page.map((r, i) =>
    [offset + i + 1, r.probability, r.doc.id, quote(r.doc.title)].join(','),
  );
  return {
    status: 200,
    contentType: 'text/csv; charset=utf-8',
    text: ['rank,probability,id,title', ...lines].join('\n'),
  };
}
