import type { Middleware } from 'openapi-fetch';
import { httpError } from './core.js';

/**
 * For the clients behind the helper methods: a non-2xx final response becomes core's typed HTTP
 * error (429 ERR_RATE_LIMITED, 504 ERR_UPSTREAM_TIMEOUT, ...) before openapi-fetch reads its body.
 * The generated clients handed to callers do not get it: they keep openapi-fetch's `{ error }`.
 */
export const throwHttpErrors = (vendor: string): Middleware => ({
  async onResponse({ request, response }) {
    if (!response.ok) throw await httpError(response, { vendor, method: request.method });
  },
});
