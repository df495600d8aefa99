import { parseJson, readText } from './body.js';
import { SearchAuthError, type SearchAuthErrorCode } from './errors.js';
import { scrub } from './redact.js';

const CODES: Partial<Record<number, SearchAuthErrorCode>> = {
  400: 'ERR_BAD_REQUEST',
  401: 'ERR_UNAUTHORIZED',
  403: 'ERR_FORBIDDEN',
  404: 'ERR_NOT_FOUND',
  429: 'ERR_RATE_LIMITED',
  504: 'ERR_UPSTREAM_TIMEOUT',
};

/**
 * The error for a failed API (not token) response, with the server's short explanation when its
 * JSON body has one (`message`, `error_description`, `error` or `detail`). Reads the body.
 */
export async function httpError(
  response: Response,
  ctx: { vendor: string; method?: string },
): Promise<SearchAuthError> {
  const { status } = response;
  // No readable explanation: the status says enough.
  const json = Object(parseJson(await readText(response, 16_384).catch(() => undefined)));
  const detail = [json.message, json.error_description, json.error, json.detail].find(
    (value) => typeof value === 'string' && value.trim(),
  );
  // Scrubbed before it is cut: a cut would leave part of an echoed token that no longer matches.
  const explained = detail ? `: ${scrub(detail).replace(/\s+/g, ' ').trim().slice(0, 200)}` : '';
  return new SearchAuthError(CODES[status] ?? 'ERR_HTTP', `request failed${explained}`, {
    ...ctx,
    url: response.url || undefined,
    status,
  });
}
