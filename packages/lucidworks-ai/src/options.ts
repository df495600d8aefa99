import type { Clock, RetryOptions } from '@searchauth/core';
import type {
  LucidworksClientOptions,
  ResolvedLucidworksClient,
} from '@searchauth/lucidworks-identity';
import {
  CLIENT_OPTIONS,
  checkOptions,
  IDENTITY_OPTIONS,
  optionChecks,
  resolveClientOptions,
} from './deps.js';

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

/** Options of `createLucidworksAIClient`; the credential and token ones are Lucidworks-wide. */
export interface LucidworksAIClientOptions extends LucidworksClientOptions {
  /** Application ID (Lucidworks AI → Integrations → API); names the prediction host. */
  applicationId: string;
  /** Customer ID; part of every Models API path. */
  customerId: string;
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
  /** Retry policy for API requests (core's createAuthFetch; POST is not retried by default). */
  retry?: RetryOptions | false;
  /** Time for tokens, retries and the async wait helpers. */
  clock?: Clock;
}

export interface ResolvedLucidworksAIOptions extends ResolvedLucidworksClient {
  customerId: string;
  platformBaseUrl: string;
  useCasesPath: string;
  oversizedBatch: 'error' | 'split';
}

export function resolveOptions(options: LucidworksAIClientOptions): ResolvedLucidworksAIOptions {
  const resolved = resolveClientOptions(options, VENDOR);
  checkOptions(
    options,
    `${CLIENT_OPTIONS} ${IDENTITY_OPTIONS} customerId platformBaseUrl useCasesPath oversizedBatch`,
    'createLucidworksAIClient',
    VENDOR,
  );
  const check = optionChecks(VENDOR);
  return {
    ...resolved,
    customerId: check.text(options.customerId, 'customerId'),
    platformBaseUrl: check.baseUrl(
      options.platformBaseUrl ?? LUCIDWORKS_PLATFORM_URL,
      'platformBaseUrl',
      options.allowInsecureHttp,
    ),
    useCasesPath: check.path(options.useCasesPath ?? DEFAULT_USE_CASES_PATH, 'useCasesPath'),
    oversizedBatch: check.oneOf(options.oversizedBatch ?? 'error', 'oversizedBatch', [
      'error',
      'split',
    ]),
  };
}
