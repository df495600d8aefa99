import { search } from '../corpus/search.js';
import { requireBearer } from '../http/auth.js';
import type { RouteContext } from '../http/context.js';
import { fail, json, type Reply } from '../http/reply.js';
import { at, type Route } from '../http/route.js';
import type { SimState } from '../state.js';

const VENDOR = 'oauth2';
const oauthError = (error: string, description: string) => ({
  error,
  error_description: description,
});
const errorBody = (status: number, message: string) =>
  oauthError(status === 403 ? 'insufficient_scope' : 'invalid_token', message);

/**
 * A plain OAuth2 client-credentials server and one small protected search API, GET /v1/search,
 * described by packages/oauth2/examples/search-api.yaml (the tests hold it to that spec).
 */
export function oauth2Routes(state: SimState): Route[] {
  return [
    {
      vendor: VENDOR,
      endpoint: 'token',
      method: 'POST',
      isToken: true,
      missingFieldsBody: { token_type: 'Bearer', expires_in: 3600 },
      ...at('/oauth/v2/token'),
      handle: (ctx) => requestToken(ctx, state),
    },
    {
      vendor: VENDOR,
      endpoint: 'search',
      method: 'GET',
      ...at('/v1/search'),
      handle: (ctx) => searchRoute(ctx, state),
    },
  ];
}

async function requestToken(ctx: RouteContext, state: SimState): Promise<Reply> {
  const type = (ctx.headers['content-type'] ?? '').split(';')[0]?.trim();
  if (type !== 'application/x-www-form-urlencoded') {
    return json(400, oauthError('invalid_request', 'Use application/x-www-form-urlencoded.'));
  }
  const form = await ctx.form();
  const creds = state.credentials.oauth2;
  // Basic is what the vendor documents; RFC 6749 also allows the credentials in the body.
  const basic = ctx.basic();
  const clientId = basic?.user ?? form.get('client_id');
  const secret = basic?.password ?? form.get('client_secret');
  if (clientId !== creds.clientId || secret !== creds.clientSecret) {
    return json(401, oauthError('invalid_client', 'Client authentication failed.'), {
      'WWW-Authenticate': 'Basic realm="searchauth-sim"',
    });
  }
  if (form.get('grant_type') !== 'client_credentials') {
    return json(400, oauthError('unsupported_grant_type', 'Only client_credentials is supported.'));
  }
  const scope = form.get('scope') ?? undefined;
  const scopes = scope ? scope.split(' ').filter(Boolean) : [];
  const lifetime = state.lifetime(VENDOR);
  const issued = await state.tokens.issue({
    vendor: VENDOR,
    subject: creds.clientId,
    scopes,
    lifetimeSeconds: lifetime,
    format: 'jwt',
    issuer: state.origins.get('oauth2:api'),
    skewSeconds: ctx.skewSeconds,
  });
  const body: Record<string, unknown> = {
    token_type: 'Bearer',
    expires_in: lifetime,
    access_token: issued.token,
  };
  if (scope) body.scope = scopes.join(' ');
  return json(200, body);
}

function searchRoute(ctx: RouteContext, state: SimState): Reply {
  requireBearer(ctx, state, { vendor: VENDOR, errorBody });
  const q = ctx.url.searchParams;
  const text = q.get('q');
  if (!text) fail(400, oauthError('invalid_request', 'q is required.'));
  const limit = intParam(q.get('limit'), 10, 1, 100, 'limit');
  const offset = intParam(q.get('offset'), 0, 0, Number.MAX_SAFE_INTEGER, 'offset');
  const hits = search(state.corpus, { text });
  return json(200, {
    total: hits.length,
    offset,
    limit,
    items: hits.slice(offset, offset + limit).map((h) => ({
      id: h.doc.id,
      title: h.doc.title,
      type: h.doc.type,
      url: h.doc.url,
      score: h.score,
    })),
  });
}

function intParam(raw: string | null, fallback: number, min: number, max: number, name: string) {
  if (raw === null) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    fail(400, oauthError('invalid_request', `${name} must be ${min}..${max}.`));
  }
  return n;
}
