import { randomUUID } from 'node:crypto';
import type { RouteContext } from '../http/context.js';
import { json, type Reply } from '../http/reply.js';
import { at, type Route } from '../http/route.js';
import type { SimState } from '../state.js';
import { squirroQuery } from './squirro-query.js';

const VENDOR = 'squirro';

/** The Squirro cluster: refresh-token grant and the items query. */
export function squirroRoutes(state: SimState): Route[] {
  return [
    {
      vendor: VENDOR,
      endpoint: 'token',
      method: 'POST',
      isToken: true,
      missingFieldsBody: { user_id: state.credentials.squirro.userId, role: 'user' },
      ...at('/api/user/oauth2/token'),
      handle: (ctx) => requestToken(ctx, state),
    },
    {
      vendor: VENDOR,
      endpoint: 'items-query',
      method: 'POST',
      ...at('/api/topic/v0/:tenant/projects/:projectId/items/query'),
      handle: (ctx) => squirroQuery(ctx, state),
    },
  ];
}

async function requestToken(ctx: RouteContext, state: SimState): Promise<Reply> {
  const type = (ctx.headers['content-type'] ?? '').split(';')[0]?.trim();
  if (type !== 'application/x-www-form-urlencoded') {
    return json(400, { error: 'Send the token request as application/x-www-form-urlencoded.' });
  }
  const form = await ctx.form();
  const grant = form.get('grant_type');
  if (grant !== 'refresh_token') {
    return json(400, {
      error: `Unsupported grant_type ${JSON.stringify(grant)}; use refresh_token.`,
    });
  }
  const refreshToken = form.get('refresh_token') ?? '';
  if (refreshToken === '') return json(400, { error: 'refresh_token is required.' });
  const known = state.squirro.refreshTokens.get(refreshToken);
  if (known === undefined) return json(404, { error: 'Invalid refresh token.' });
  if (known === 'revoked')
    return json(410, { error: 'The refresh token has expired or was revoked.' });
  const creds = state.credentials.squirro;
  const live = state.squirro.reuseAccessTokens
    ? state.tokens.live({ vendor: VENDOR, subject: creds.userId }).at(-1)
    : undefined;
  const issued =
    live ??
    (await state.tokens.issue({
      vendor: VENDOR,
      subject: creds.userId,
      audience: creds.tenant,
      lifetimeSeconds: state.lifetime(VENDOR),
      format: 'opaque',
    }));
  let nextRefreshToken = refreshToken;
  if (state.squirro.rotate) {
    nextRefreshToken = state.squirro.nextRefreshToken();
    state.squirro.refreshTokens.set(refreshToken, 'revoked');
    creds.refreshToken = nextRefreshToken;
  }
  // Squirro's response carries no expiry: clients assume 10 minutes or wait for a 401.
  return json(200, {
    access_token: issued.token,
    refresh_token: nextRefreshToken,
    session_id: randomUUID().replace(/-/g, ''),
    user_id: creds.userId,
    tenant: creds.tenant,
    role: 'user',
    role_permissions: ['items.read', 'projects.read'],
    project_permissions: ['items.read', 'projects.read'],
  });
}
