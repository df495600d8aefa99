import { axiosAuthRefresh } from './axios.js';
import { badgateway } from './badgateway.js';
import { handWritten } from './hand-written.js';
import { openapiMiddleware } from './openapi-middleware.js';
import { searchauthAuthFetch, searchauthTyped } from './searchauth.js';
import { staticToken } from './static-token.js';
import type { Contender } from './types.js';

/** Every contender, in table order. The static baseline is last: ratios are taken against it. */
export const CONTENDERS: readonly Contender[] = [
  searchauthTyped,
  searchauthAuthFetch,
  badgateway,
  openapiMiddleware,
  axiosAuthRefresh,
  handWritten,
  staticToken,
];

export { openapiMiddleware, searchauthAuthFetch, searchauthTyped, staticToken };
