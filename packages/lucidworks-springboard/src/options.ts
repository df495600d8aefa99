import type { RetryOptions } from '@searchauth/core';
import {
  type LucidworksIdentityOptions,
  optionChecks,
  type ResolvedLucidworksIdentity,
  resolveIdentityOptions,
} from '@searchauth/lucidworks-identity';

export const VENDOR = 'lucidworks-springboard';

/** Springboard token scopes. */
export const SPRINGBOARD_SCOPES = {
  query: 'connectedsearch.query',
  push: 'datasource.push',
} as const;

/** Documented Push API limits per request. */
export const PUSH_LIMITS = { maxDocuments: 200, maxBytes: 1024 * 1024 } as const;

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
  /** Bytes of JSON body per request, up to 1 MiB. Default 1 MiB (1,048,576). */
  maxBytesPerRequest?: number;
}

/** Options of `createSpringboardClient`; the credential and token ones are Lucidworks-wide. */
export interface SpringboardClientOptions extends LucidworksIdentityOptions {
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

export interface ResolvedSpringboardOptions extends ResolvedLucidworksIdentity {
  applicationId: string;
  apiBaseUrl: string;
  push: Required<SpringboardPushOptions>;
}

const check = optionChecks(VENDOR);

export function resolveOptions(options: SpringboardClientOptions): ResolvedSpringboardOptions {
  if (!options || typeof options !== 'object') throw check.invalid('options are required');
  const { allowInsecureHttp: http } = options;
  const push = options.push ?? {};
  const applicationId = check.hostLabel(options.applicationId, 'applicationId');
  const identity = resolveIdentityOptions(options, VENDOR);
  const apiBaseUrl = check.baseUrl(
    options.apiBaseUrl ?? `https://${applicationId}.applications.lucidworks.com`,
    'apiBaseUrl',
    http,
  );
  const deleteMethod = push.deleteMethod ?? DEFAULT_PUSH_PATHS.deleteMethod;
  if (deleteMethod !== 'DELETE' && deleteMethod !== 'POST') {
    throw check.invalid('push.deleteMethod must be DELETE or POST');
  }
  return {
    applicationId,
    ...identity,
    apiBaseUrl,
    push: {
      savePath: check.path(push.savePath ?? DEFAULT_PUSH_PATHS.savePath, 'push.savePath'),
      deletePath: check.path(push.deletePath ?? DEFAULT_PUSH_PATHS.deletePath, 'push.deletePath'),
      deleteMethod,
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
