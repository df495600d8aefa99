import {
  openapiMiddleware,
  searchauthAuthFetch,
  searchauthTyped,
  staticToken,
} from '../contenders/index.js';

/** Contenders the targets compare. */
export const CONTENDER_NAMES = {
  typed: searchauthTyped.name,
  authFetch: searchauthAuthFetch.name,
  middleware: openapiMiddleware.name,
  static: staticToken.name,
};
