import type { Clock, RetryOptions, Secret, TokenEvent, TokenStore } from '@searchauth/core';
import { LUCIDWORKS_IDENTITY, lucidworksTokenUrl } from './identity.js';
import { optionChecks } from './validate.js';

export const VENDOR = 'lucidworks-ai';

/** Lucidworks AI token scopes. A new `predict` token revokes the previous one. */
export const LUCIDWORKS_AI_SCOPES = {
  predict: 'machinelearning.predict',
  model: 'machinelearning.model',
} as const;

/** Most inputs one prediction request may carry. */
export const MAX_PREDICTION_BATCH = 32;

/** The Models API host. */
export const LUCIDWORKS_PLATFORM_URL = 'https://api.lucidworks.com';

/** ASSUMED Use Case API path (not shown in the public docs); override with `useCasesPath`. */
export const DEFAULT_USE_CASES_PATH = '/ai/usecase';

export interface LucidworksAIClientOptions {
  /** Application ID (Lucidworks AI → Integrations → API); names the prediction host. */
  applicationId: string;
  /** Customer ID; part of every Models API path. */
  customerId: string;
  clientId: string | Secret;
  clientSecret: string | Secret;
  /** Full token URL; overrides identityBaseUrl and authServerId. */
  tokenUrl?: string;
  /** Default `https://identity.lucidworks.com`. */
  identityBaseUrl?: string;
  /** Authorization-server id in the token path. Default `ausao8uveaPmyhv0v357`. */
  authServerId?: string;
  /**
   * Host of the Prediction, Async Prediction, Async Chunking and Use Case APIs.
   * Default `https://{applicationId}.applications.lucidworks.com`.
   */
  apiBaseUrl?: string;
  /** Host of the Models API. Default `https://api.lucidworks.com`. */
  platformBaseUrl?: string;
  /** Path of the Use Case API on apiBaseUrl. Default `/ai/usecase` (an assumption). */
  useCasesPath?: string;
  /**
   * What `predict()` does with more than 32 inputs: `'error'` (default) throws ERR_LIMIT_EXCEEDED
   * before sending; `'split'` sends sequential requests of at most 32 and joins the predictions.
   */
  oversizedBatch?: 'error' | 'split';
  /** Refresh this long before expiry, seconds. Default 300 (the docs' advice). */
  refreshMarginSeconds?: number;
  /** Retry policy for API requests (core's createAuthFetch; POST is not retried by default). */
  retry?: RetryOptions | false;
  /** Per-attempt timeout for API requests, ms, including the wait for a token. */
  timeoutMs?: number;
  store?: TokenStore;
  fetch?: typeof fetch;
  /** Time for tokens, retries and the async wait helpers. */
  clock?: Clock;
  random?: () => number;
  onEvent?: (event: TokenEvent) => void;
  /** Allow http:// to hosts other than loopback. Tokens then travel in clear text. */
  allowInsecureHttp?: boolean;
}

export interface ResolvedLucidworksAIOptions {
  applicationId: string;
  customerId: string;
  clientId: Secret;
  clientSecret: Secret;
  tokenUrl: string;
  apiBaseUrl: string;
  platformBaseUrl: string;
  useCasesPath: string;
  oversizedBatch: 'error' | 'split';
}

const check = optionChecks(VENDOR);

export function resolveOptions(options: LucidworksAIClientOptions): ResolvedLucidworksAIOptions {
  if (!options || typeof options !== 'object') throw check.invalid('options are required');
  const { allowInsecureHttp: http } = options;
  const oversizedBatch = options.oversizedBatch ?? 'error';
  const applicationId = check.hostLabel(options.applicationId, 'applicationId');
  const customerId = check.text(options.customerId, 'customerId');
  const clientId = check.secret(options.clientId, 'clientId');
  const clientSecret = check.secret(options.clientSecret, 'clientSecret');
  const tokenUrl =
    options.tokenUrl === undefined
      ? lucidworksTokenUrl(
          check.baseUrl(
            options.identityBaseUrl ?? LUCIDWORKS_IDENTITY.baseUrl,
            'identityBaseUrl',
            http,
          ),
          check.text(options.authServerId ?? LUCIDWORKS_IDENTITY.authServerId, 'authServerId'),
        )
      : check.baseUrl(options.tokenUrl, 'tokenUrl', http);
  if (oversizedBatch !== 'error' && oversizedBatch !== 'split') {
    throw check.invalid("oversizedBatch must be 'error' or 'split'");
  }
  return {
    applicationId,
    customerId,
    clientId,
    clientSecret,
    tokenUrl,
    apiBaseUrl: check.baseUrl(
      options.apiBaseUrl ?? `https://${applicationId}.applications.lucidworks.com`,
      'apiBaseUrl',
      http,
    ),
    platformBaseUrl: check.baseUrl(
      options.platformBaseUrl ?? LUCIDWORKS_PLATFORM_URL,
      'platformBaseUrl',
      http,
    ),
    useCasesPath: check.path(options.useCasesPath ?? DEFAULT_USE_CASES_PATH, 'useCasesPath'),
    oversizedBatch,
  };
}
