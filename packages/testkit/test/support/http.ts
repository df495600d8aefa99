import { expect } from 'vitest';
import type { VendorName } from '../../src/index.js';
import { validateResponse } from './spec-validator.js';

// biome-ignore lint/suspicious/noExplicitAny: bodies are checked by the spec validator, not by types
export interface CallResult<T = any> {
  status: number;
  headers: Headers;
  /** Parsed JSON when the response is JSON, else the text; undefined when empty. */
  body: T;
  text: string;
}

export interface CallOptions extends RequestInit {
  /** Validate the response against the vendor's spec (default true). */
  validate?: boolean;
  /** Validate against this operation (SPARQUE's variable-length query paths). */
  operationId?: string;
  /** Validate a 2xx body against this component schema (see ResponseUnderTest.component). */
  component?: string;
  /** A JSON body: serialised, with Content-Type application/json. */
  json?: unknown;
}

/**
 * fetch + read + spec validation: every response a test looks at is checked against the vendor's
 * spec, so the simulator cannot drift from it. Faults that break the contract on purpose pass
 * `validate: false`.
 */
// biome-ignore lint/suspicious/noExplicitAny: as above
export async function call<T = any>(
  vendor: VendorName,
  url: string,
  options: CallOptions = {},
): Promise<CallResult<T>> {
  const { validate = true, operationId, component, json, ...init } = options;
  const headers = new Headers(init.headers);
  if (json !== undefined) headers.set('content-type', 'application/json');
  const response = await fetch(url, {
    ...init,
    headers,
    body: json === undefined ? init.body : JSON.stringify(json),
  });
  const text = await response.text();
  const type = response.headers.get('content-type');
  let body: unknown = text === '' ? undefined : text;
  if (text !== '' && type?.includes('json')) body = JSON.parse(text);
  if (validate) {
    const problems = await validateResponse(vendor, {
      method: (init.method ?? 'GET').toUpperCase(),
      path: new URL(url).pathname,
      status: response.status,
      contentType: type,
      body,
      operationId,
      component,
    });
    expect(problems ?? [], `spec conformance of ${init.method ?? 'GET'} ${url}`).toEqual([]);
  }
  return { status: response.status, headers: response.headers, body: body as T, text };
}

export const basic = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
