import type { SimState } from '../state.js';
import type { IssuedToken } from '../tokens.js';
import type { VendorName } from '../types.js';
import type { RouteContext } from './context.js';
import { fail } from './reply.js';

export interface BearerRequirement {
  vendor: VendorName;
  /** The token must carry this scope, else 403. */
  scope?: string;
  /** The token must be bound to this workspace/tenant, else 401. */
  audience?: string;
  /** Builds the vendor's error body. */
  errorBody: (status: 401 | 403, message: string) => unknown;
}

const REASONS = {
  missing: 'No bearer token.',
  unknown: 'The bearer token is not valid.',
  expired: 'The bearer token has expired.',
  revoked: 'The bearer token has been revoked.',
} as const;

/** Checks the request's bearer token like the vendor's API would: 401 unless valid, 403 on scope. */
export function requireBearer(
  ctx: RouteContext,
  state: SimState,
  need: BearerRequirement,
): IssuedToken {
  const check = state.tokens.check(ctx.bearer(), need.vendor);
  const challenge = (error: string) => ({ 'WWW-Authenticate': `Bearer error="${error}"` });
  if (!check.ok) {
    const error = check.reason === 'missing' ? 'invalid_request' : 'invalid_token';
    fail(401, need.errorBody(401, REASONS[check.reason]), challenge(error));
  }
  if (need.audience !== undefined && check.token.audience !== need.audience) {
    fail(
      401,
      need.errorBody(401, 'The bearer token is for another workspace.'),
      challenge('invalid_token'),
    );
  }
  if (need.scope && !check.token.scopes.includes(need.scope)) {
    fail(
      403,
      need.errorBody(403, `The bearer token lacks the scope ${need.scope}.`),
      challenge('insufficient_scope'),
    );
  }
  return check.token;
}
