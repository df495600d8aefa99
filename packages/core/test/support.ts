import {
  type Clock,
  createTokenManager,
  type TokenEvent,
  type TokenManagerOptions,
  type TokenRequestContext,
  type TokenResponse,
  type TokenSource,
} from '../src/index.js';

export const T0 = Date.UTC(2025, 0, 1);

/** A clock whose time moves only when a test says so; due timers fire in order. */
export interface FakeClock extends Clock {
  advance(ms: number): void;
  set(time: number): void;
  pending(): number;
}

export function fakeClock(start = T0): FakeClock {
  let now = start;
  let nextId = 0;
  const timers = new Map<number, { at: number; callback: () => void }>();
  const clock: FakeClock = {
    now: () => now,
    setTimeout(callback, ms) {
      nextId += 1;
      timers.set(nextId, { at: now + Math.max(0, ms), callback });
      return nextId;
    },
    clearTimeout: (handle) => {
      timers.delete(handle as number);
    },
    set(time) {
      clock.advance(time - now);
    },
    advance(ms) {
      const end = now + ms;
      for (;;) {
        const due = [...timers].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        timers.delete(due[0]);
        now = Math.max(now, due[1].at);
        due[1].callback();
      }
      now = end;
    },
    pending: () => timers.size,
  };
  return clock;
}

/** Lets every queued promise callback run (no time passes). */
export async function flush(rounds = 20): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}

export interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(error: unknown): void;
}

export function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** A source that counts calls and answers `tok-1`, `tok-2`, ... with the given lifetime. */
export function countingSource(
  lifetimeSeconds: number | null = 3600,
  extra: Partial<TokenResponse> = {},
) {
  const calls: TokenRequestContext[] = [];
  const source: TokenSource = async (context) => {
    calls.push(context);
    const response: TokenResponse = { accessToken: `tok-${calls.length}`, ...extra };
    if (lifetimeSeconds !== null) response.expiresIn = lifetimeSeconds;
    return response;
  };
  return { source, calls };
}

const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** An unsigned JWT: enough for decodeJwt, which does not verify. */
export function jwt(claims: Record<string, unknown>): string {
  return `${b64url({ alg: 'none', typ: 'JWT' })}.${b64url(claims)}.c2ln`;
}

export const key = {
  vendor: 'test',
  tokenUrl: 'https://id.example.com/token',
  clientId: 'client-1',
};

/** A manager on a fake clock with a counting source (1 h tokens unless `lifetime` says). */
export function setupManager(
  options: Partial<TokenManagerOptions> & { lifetime?: number | null } = {},
) {
  const clock = fakeClock();
  const { lifetime, ...managerOptions } = options;
  const { source, calls } = countingSource(lifetime === undefined ? 3600 : lifetime);
  const events: TokenEvent[] = [];
  const manager = createTokenManager({
    source,
    key,
    clock,
    random: () => 0,
    onEvent: (event) => events.push(event),
    ...managerOptions,
  });
  return { clock, calls, events, manager };
}
