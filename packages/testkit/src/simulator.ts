import { randomBytes } from 'node:crypto';
import { SearchAuthError } from '@searchauth/core';
import { createClock } from './clock.js';
import { generateCorpus } from './corpus/generate.js';
import { mergeCredentials } from './credentials.js';
import { type Fault, FaultBook } from './faults.js';
import { HOSTS } from './hosts.js';
import { type RunningHost, startHost } from './http/host.js';
import { checkOptions, lifetimeResolver } from './options.js';
import type { SimState } from './state.js';
import { TokenRegistry } from './tokens.js';
import type {
  MintRecord,
  RequestRecord,
  SimulatorCredentials,
  SimulatorOptions,
  SimulatorUrls,
  VendorName,
} from './types.js';
import { buildUrls } from './urls.js';

/** A running simulator. Everything is live: the logs grow as requests arrive. */
export interface Simulator extends AsyncDisposable {
  /** Base and token URLs of every started vendor; other vendors throw on access. */
  readonly urls: SimulatorUrls;
  /** Test credentials (rotations update this object). */
  readonly credentials: SimulatorCredentials;
  readonly vendors: readonly VendorName[];
  /** Every request answered (or reset), in order. */
  readonly requests: readonly RequestRecord[];
  /** Every access token minted, in order. */
  readonly mints: readonly MintRecord[];
  /** Counts mints, optionally of one vendor and/or one scope (a token with several scopes counts for each). */
  mintCount(filter?: { vendor?: VendorName; scope?: string }): number;
  /** Counts logged requests matching every given field. */
  requestCount(
    filter?: Partial<Pick<RequestRecord, 'vendor' | 'endpoint' | 'status' | 'method'>>,
  ): number;
  /** Replaces the active faults (their counters start over). */
  setFaults(faults: readonly Fault[]): void;
  addFault(fault: Fault): void;
  clearFaults(): void;
  /** The active faults. */
  faults(): Fault[];
  /** Revokes live access tokens; API calls with them get 401. Returns how many were revoked. */
  revokeTokens(filter?: { vendor?: VendorName; scope?: string; token?: string }): number;
  /** Gives a client-credentials vendor a new secret (returned); the old one gets 401 at the token endpoint. */
  rotateClientSecret(vendor: Exclude<VendorName, 'squirro'>): string;
  /** Squirro: a new valid refresh token. */
  issueRefreshToken(): string;
  /** Squirro: revokes a refresh token (default: `credentials.squirro.refreshToken`); its use gets 410. */
  revokeRefreshToken(token?: string): void;
  /** Moves the simulator's clock forward, e.g. past a token's expiry. */
  advanceClock(ms: number): void;
  /** The simulator's clock, epoch ms. */
  now(): number;
  /** Empties `requests` and `mints`. */
  resetLog(): void;
  stop(): Promise<void>;
}

/** Starts the vendor simulators on 127.0.0.1 and resolves once every host is listening. */
export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const { vendors, host, port } = checkOptions(options);
  const clock = createClock(options.now);
  const faults = new FaultBook();
  faults.set(options.faults ?? []);
  const credentials = mergeCredentials(options.credentials);
  const tokens = new TokenRegistry(clock);
  let serial = 0;
  const state: SimState = {
    clock,
    tokens,
    faults,
    credentials,
    corpus: generateCorpus(options.seed ?? 42, options.corpusSize),
    lifetime: lifetimeResolver(options.tokenLifetimeSeconds),
    origins: new Map(),
    asyncPollsUntilReady: options.asyncPollsUntilReady ?? 1,
    sparque: { apiUsage: (options.sparqueAccountRole ?? 'API Usage') === 'API Usage' },
    squirro: {
      refreshTokens: new Map([
        [credentials.squirro.refreshToken, 'valid'],
        [credentials.squirro.revokedRefreshToken, 'revoked'],
      ]),
      rotate: options.rotateRefreshTokens === true,
      reuseAccessTokens: options.squirroReusesAccessTokens === true,
      nextRefreshToken: () => {
        const token = `sim-squirro-user-token-${++serial}-${randomBytes(6).toString('hex')}`;
        state.squirro.refreshTokens.set(token, 'valid');
        return token;
      },
    },
  };
  const requests: RequestRecord[] = [];
  let seq = 0;
  const running: RunningHost[] = [];
  try {
    for (const [index, definition] of HOSTS.entries()) {
      if (!vendors.includes(definition.vendor)) continue;
      const started = await startHost({
        vendor: definition.vendor,
        routes: definition.routes(state),
        clock,
        faults,
        log: requests,
        nextSeq: () => ++seq,
        host,
        port: port === 0 ? 0 : port + index,
      });
      running.push(started);
      state.origins.set(definition.id, started.url);
    }
  } catch (error) {
    await Promise.all(running.map((h) => h.close()));
    throw error;
  }

  let stopped: Promise<void> | undefined;
  const stop = () => {
    stopped ??= Promise.all(running.map((h) => h.close())).then(() => undefined);
    return stopped;
  };
  return {
    urls: buildUrls(state.origins, credentials, vendors),
    credentials,
    vendors,
    requests,
    mints: tokens.mints,
    mintCount: (filter = {}) =>
      tokens.mints.filter(
        (m) =>
          (!filter.vendor || m.vendor === filter.vendor) &&
          (!filter.scope || (m.scope ?? '').split(' ').includes(filter.scope)),
      ).length,
    requestCount: (filter = {}) =>
      requests.filter((r) =>
        Object.entries(filter).every(
          ([k, v]) => v === undefined || r[k as keyof RequestRecord] === v,
        ),
      ).length,
    setFaults: (list) => faults.set(list),
    addFault: (fault) => faults.add(fault),
    clearFaults: () => faults.set([]),
    faults: () => faults.list(),
    revokeTokens: (filter = {}) => tokens.revoke(filter),
    rotateClientSecret: (vendor) => {
      const next = `${credentials[vendor].clientSecret.replace(/-r\d+$/, '')}-r${++serial}`;
      credentials[vendor].clientSecret = next;
      return next;
    },
    issueRefreshToken: () => state.squirro.nextRefreshToken(),
    revokeRefreshToken: (token = credentials.squirro.refreshToken) => {
      state.squirro.refreshTokens.set(token, 'revoked');
    },
    advanceClock: (ms) => {
      if (!(Number.isFinite(ms) && ms >= 0)) {
        throw new SearchAuthError('ERR_INVALID_OPTIONS', 'advanceClock needs a finite ms >= 0');
      }
      clock.advance(ms);
    },
    now: () => clock.now(),
    resetLog: () => {
      requests.length = 0;
      tokens.mints.length = 0;
    },
    stop,
    [Symbol.asyncDispose]: stop,
  };
}
