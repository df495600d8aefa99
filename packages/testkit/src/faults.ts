import { SearchAuthError } from '@searchauth/core';
import { VENDORS, type VendorName } from './types.js';

/** Which requests a fault applies to. Every field narrows; an empty target matches everything. */
export interface FaultTarget {
  vendor?: VendorName;
  /**
   * A route name (`search`, `items-query`, `prediction`...), `token` for the vendor's token
   * endpoint, or `api` for every route except the token endpoint. Default: every route.
   */
  endpoint?: string;
  /** Affect this many matching requests, then stop (a burst). Default: all of them. */
  times?: number;
  /** Let this many matching requests through untouched first. Default 0. */
  after?: number;
}

/** How a `malformed-token` fault spoils a token response body. */
export type MalformedTokenBody = 'html' | 'truncated-json' | 'missing-fields' | 'empty';

/**
 * One injected fault: what goes wrong (`kind` and its fields) and for which requests (`FaultTarget`).
 * See the README table for each kind.
 */
export type Fault = FaultTarget &
  (
    | { kind: 'latency'; ms: number }
    | { kind: 'server-error'; status?: number }
    | { kind: 'rate-limit'; retryAfterSeconds?: number }
    | { kind: 'reset' }
    | { kind: 'malformed-token'; body: MalformedTokenBody }
    | { kind: 'clock-skew'; seconds: number }
  );

/** The kinds of fault: latency, server-error, rate-limit, reset, malformed-token, clock-skew. */
export type FaultKind = Fault['kind'];

/** Faults that answer instead of the route; at most one applies to a request. */
export type ReplacingFault = Extract<
  Fault,
  { kind: 'server-error' | 'rate-limit' | 'reset' | 'malformed-token' }
>;

export interface FaultPlan {
  latencyMs: number;
  skewSeconds: number;
  replace?: ReplacingFault;
  kinds: FaultKind[];
}

interface Entry {
  fault: Fault;
  seen: number;
  applied: number;
}

const MALFORMED: readonly MalformedTokenBody[] = [
  'html',
  'truncated-json',
  'missing-fields',
  'empty',
];

export function validateFault(fault: Fault): void {
  const bad = (why: string) =>
    new SearchAuthError('ERR_INVALID_OPTIONS', `invalid fault ${JSON.stringify(fault)}: ${why}`);
  if (fault.vendor !== undefined && !VENDORS.includes(fault.vendor)) throw bad('unknown vendor');
  for (const key of ['times', 'after'] as const) {
    const n = fault[key];
    if (n !== undefined && !(Number.isInteger(n) && n >= 0))
      throw bad(`${key} must be an integer >= 0`);
  }
  switch (fault.kind) {
    case 'latency':
      if (!(fault.ms >= 0)) throw bad('ms must be >= 0');
      return;
    case 'server-error':
      if (fault.status !== undefined && !(fault.status >= 500 && fault.status <= 599)) {
        throw bad('status must be 5xx');
      }
      return;
    case 'rate-limit':
      if (fault.retryAfterSeconds !== undefined && !(fault.retryAfterSeconds >= 0)) {
        throw bad('retryAfterSeconds must be >= 0');
      }
      return;
    case 'malformed-token':
      if (!MALFORMED.includes(fault.body)) throw bad(`body must be one of ${MALFORMED.join(', ')}`);
      return;
    case 'clock-skew':
      if (!Number.isFinite(fault.seconds)) throw bad('seconds must be a finite number');
      return;
    case 'reset':
      return;
    default:
      throw bad('unknown kind');
  }
}

/** The active faults and how many requests each has seen and shaped. */
export class FaultBook {
  #entries: Entry[] = [];

  set(faults: readonly Fault[]): void {
    for (const fault of faults) validateFault(fault);
    this.#entries = faults.map((fault) => ({ fault: { ...fault }, seen: 0, applied: 0 }));
  }

  add(fault: Fault): void {
    validateFault(fault);
    this.#entries.push({ fault: { ...fault }, seen: 0, applied: 0 });
  }

  list(): Fault[] {
    return this.#entries.map((e) => ({ ...e.fault }));
  }

  /** Decides what happens to one request, and counts it against each matching fault. */
  plan(request: { vendor: VendorName; endpoint: string; isToken: boolean }): FaultPlan {
    const plan: FaultPlan = { latencyMs: 0, skewSeconds: 0, kinds: [] };
    for (const entry of this.#entries) {
      const { fault } = entry;
      if (!targets(fault, request)) continue;
      if (fault.kind === 'malformed-token' && !request.isToken) continue;
      entry.seen++;
      if (entry.seen <= (fault.after ?? 0)) continue;
      if (entry.applied >= (fault.times ?? Number.POSITIVE_INFINITY)) continue;
      if (fault.kind === 'latency') plan.latencyMs += fault.ms;
      else if (fault.kind === 'clock-skew') plan.skewSeconds += fault.seconds;
      else if (plan.replace) continue;
      else plan.replace = fault;
      entry.applied++;
      plan.kinds.push(fault.kind);
    }
    return plan;
  }
}

function targets(
  fault: Fault,
  request: { vendor: VendorName; endpoint: string; isToken: boolean },
): boolean {
  if (fault.vendor && fault.vendor !== request.vendor) return false;
  const endpoint = fault.endpoint;
  if (endpoint === undefined || endpoint === '*') return true;
  if (endpoint === 'api') return !request.isToken;
  if (endpoint === 'token') return request.isToken;
  return endpoint === request.endpoint;
}
