import type { RouteContext } from '../http/context.js';
import { json, type Reply } from '../http/reply.js';
import { at, type Route } from '../http/route.js';
import type { SimState } from '../state.js';

type LucidworksVendor = 'lucidworks-springboard' | 'lucidworks-ai';

/** Minting one of these revokes the client's previous token with the same scope (LW AI quirk). */
const REVOKES_PREVIOUS = new Set(['machinelearning.predict']);

/**
 * The headers the documented curl sends and the official spec marks required, with their values.
 * The simulator refuses a token request without them, so a client that stops sending one fails
 * here, not only in a wire test.
 */
export const LUCIDWORKS_TOKEN_HEADERS = {
  accept: 'application/json',
  'cache-control': 'no-cache',
  'content-type': 'application/x-www-form-urlencoded',
} as const;

/** The first documented header that is missing or has another value, with what it must be. */
function wrongHeader(headers: RouteContext['headers']): string | undefined {
  const values = (name: string) =>
    String(headers[name] ?? '')
      .split(',')
      .map((v) => v.split(';')[0]?.trim().toLowerCase());
  for (const [name, want] of Object.entries(LUCIDWORKS_TOKEN_HEADERS)) {
    if (!values(name).includes(want)) return `${name}: ${want}`;
  }
  return undefined;
}

const oauthError = (error: string, description: string) => ({
  error,
  error_description: description,
});

/** The Okta-style identity endpoint: params in the query string, Basic auth, empty body. */
export function lucidworksIdentityRoutes(state: SimState, vendor: LucidworksVendor): Route[] {
  return [
    {
      vendor,
      endpoint: 'token',
      method: 'POST',
      isToken: true,
      missingFieldsBody: { token_type: 'Bearer', scope: 'connectedsearch.query' },
      ...at('/oauth2/:authServerId/v1/token'),
      handle: (ctx) => requestToken(ctx, state, vendor),
    },
  ];
}

async function requestToken(
  ctx: RouteContext,
  state: SimState,
  vendor: LucidworksVendor,
): Promise<Reply> {
  const creds = state.credentials[vendor];
  if (ctx.params.authServerId !== creds.authServerId) {
    return json(404, oauthError('not_found', 'No such authorization server.'));
  }
  const missing = wrongHeader(ctx.headers);
  if (missing) {
    return json(400, oauthError('invalid_request', `The request must send the header ${missing}.`));
  }
  const basic = ctx.basic();
  if (!basic || basic.user !== creds.clientId || basic.password !== creds.clientSecret) {
    return json(401, oauthError('invalid_client', 'Client authentication failed.'), {
      'WWW-Authenticate': 'Basic realm="searchauth-sim"',
    });
  }
  const body = await ctx.text();
  const query = ctx.url.searchParams;
  if (body.trim() !== '') {
    // Lucidworks documents the parameters in the query string with an empty body.
    return json(
      400,
      oauthError(
        'invalid_request',
        'Send grant_type and scope in the query string with an empty body.',
      ),
    );
  }
  if (query.get('grant_type') !== 'client_credentials') {
    return json(
      400,
      oauthError('unsupported_grant_type', 'grant_type must be client_credentials.'),
    );
  }
  const scopes = (query.get('scope') ?? '').split(' ').filter(Boolean);
  if (scopes.length === 0) return json(400, oauthError('invalid_scope', 'scope is required.'));
  const refused = scopes.filter((s) => !creds.scopes.includes(s));
  if (refused.length > 0) {
    return json(
      400,
      oauthError('invalid_scope', `The client may not request ${refused.join(' ')}.`),
    );
  }
  for (const scope of scopes) {
    if (REVOKES_PREVIOUS.has(scope))
      state.tokens.revoke({ vendor, subject: creds.clientId, scope });
  }
  const lifetime = state.lifetime(vendor);
  const identity = state.origins.get(`${vendor}:identity`) ?? 'https://identity.lucidworks.com';
  const issued = await state.tokens.issue({
    vendor,
    subject: creds.clientId,
    scopes,
    lifetimeSeconds: lifetime,
    format: 'jwt',
    issuer: `${identity}/oauth2/${creds.authServerId}`,
    skewSeconds: ctx.skewSeconds,
  });
  return json(200, {
    token_type: 'Bearer',
    expires_in: lifetime,
    access_token: issued.token,
    scope: scopes.join(' '),
  });
}

/** The API error body Lucidworks is assumed to send: `{ status, error, message }`. */
export const lucidworksErrorBody = (status: number, message: string) => ({
  status,
  error: status === 401 ? 'Unauthorized' : status === 403 ? 'Forbidden' : 'Error',
  message,
});
