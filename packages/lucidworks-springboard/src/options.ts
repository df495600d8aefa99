import type { RetryOptions } from '@searchauth/core';
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

export const VENDOR = 'lucidworks-springboard';

/** Springboard token scopes. */
export const SPRINGBOARD_SCOPES = {
  query: 'connectedsearch.query',
  push: 'datasource.push',
} as const;

/** Documented Push API limits per request: 200 documents and "1 MB", read as 1,000,000 bytes. */
export const PUSH_LIMITS = { maxDocuments: 200, maxBytes: 1_000_000 } as const;

/**
 * Where the Push API lives. The public docs do not show its URL, so these are assumptions: override
 * them once you know your tenant's paths. `{datasourceId}` is replaced (URL-encoded) per call.
 */
export const DEFAULT_PUSH_PATHS = {
  savePath: '/push/datasources/{datasourceId}/documents',
  deletePath: '/push/datasources/{datasourceId}/documents',
  deleteMethod: 'DELETE',
} as const;

export interface SpringboardPushOptions {
  /** Path of the Save (create-or-update) request. Default `/push/datasources/{datasourceId}/documents`. */
  savePath?: string;
  /** Path of the Delete request. Default `/push/datasources/{datasourceId}/documents`. */
  deletePath?: string;
  /** HTTP method of the Delete request. Default `DELETE`. */
  deleteMethod?: 'DELETE' | 'POST';
  /** Documents per request, 1..200. Default 200. */
  maxDocumentsPerRequest?: number;
  /** Bytes of JSON body per request, 64..1,000,000 (the documented 1 MB). Default 1,000,000. */
  maxBytesPerRequest?: number;
}

/** Options of `createSpringboardClient`; the credential and token ones are Lucidworks-wide. */
export interface SpringboardClientOptions extends LucidworksClientOptions {
  /** Application ID (Integrations → APIs); names the API host. */
  applicationId: string;
  /** Query and Push API host. Default `https://{applicationId}.applications.lucidworks.com`. */
  apiBaseUrl?: string;
  /**
   * Request one token for both scopes (`connectedsearch.query datasource.push`) instead of one token
   * per scope. Default false.
   */
  combinedScopes?: boolean;
  push?: SpringboardPushOptions;
  /**
   * Retry policy for API requests (core's createAuthFetch). Default: core's policy plus retries of
   * POST, because Query API reads are POSTs and a Push save is create-or-update. `false` disables.
   */
  retry?: RetryOptions | false;
}

export interface ResolvedSpringboardOptions extends ResolvedLucidworksClient {
  push: Required<SpringboardPushOptions>;
}

export function resolveOptions(options: SpringboardClientOptions): ResolvedSpringboardOptions {
  const resolved = resolveClientOptions(options, VENDOR);
  checkOptions(
    options,
    `${CLIENT_OPTIONS} ${IDENTITY_OPTIONS} combinedScopes push`,
    'createSpringboardClient',
    VENDOR,
  );
  if (options.push !== undefined) {
    checkOptions(
      options.push,
      'savePath deletePath deleteMethod maxDocumentsPerRequest maxBytesPerRequest',
      'createSpringboardClient push',
      VENDOR,
    );
  }
  const check = optionChecks(VENDOR);
  const push = { ...DEFAULT_PUSH_PATHS, ...options.push };
  return {
    ...resolved,
    push: {
      savePath: check.path(push.savePath, 'push.savePath'),
      deletePath: check.path(push.deletePath, 'push.deletePath'),
      deleteMethod: check.oneOf(push.deleteMethod, 'push.deleteMethod', ['DELETE', 'POST']),
      maxDocumentsPerRequest: check.integer(
        push.maxDocumentsPerRequest ?? PUSH_LIMITS.maxDocuments,
        'push.maxDocumentsPerRequest',
        1,
        PUSH_LIMITS.maxDocuments,
      ),
      maxBytesPerRequest: check.integer(
        push.maxBytesPerRequest ?? PUSH_LIMITS.maxBytes,
        'push.maxBytesPerRequest',
        64,
        PUSH_LIMITS.maxBytes,
      ),
    },
  };
}
