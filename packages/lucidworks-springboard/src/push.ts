import { planBatches } from './batching.js';
import { httpError, isSearchAuthError, type SearchAuthError } from './deps.js';
import { checkDocuments, type PushDeleteDocument, type PushDocument } from './documents.js';
import { type ResolvedSpringboardOptions, VENDOR } from './options.js';

export interface PushCallOptions {
  signal?: AbortSignal;
  /** Keep sending later batches after one fails. Default false: the rest are reported `skipped`. */
  continueOnError?: boolean;
}

export interface PushBatchResult {
  /** 0-based batch number. */
  index: number;
  /** Position of the batch's first document in the input. */
  start: number;
  externalIds: string[];
  /** Bytes of the request body. */
  bytes: number;
  status: 'ok' | 'failed' | 'skipped';
  /** HTTP status of the final response, when there was one. */
  httpStatus?: number;
  /** The JSON response body of a successful request (undocumented; passed through). */
  response?: unknown;
  /** Why the batch failed: core's typed error (ERR_RATE_LIMITED, ERR_UPSTREAM_TIMEOUT, ...). */
  error?: SearchAuthError;
}

export interface PushResult {
  /** True when every batch succeeded. */
  ok: boolean;
  /** Documents in the input. */
  documents: number;
  batches: PushBatchResult[];
}

interface PushTarget {
  apiBaseUrl: string;
  push: ResolvedSpringboardOptions['push'];
  fetch: typeof fetch;
}

export function pushHelpers({ apiBaseUrl, push, fetch }: PushTarget) {
  const limits = { maxItems: push.maxDocumentsPerRequest, maxBytes: push.maxBytesPerRequest };
  const send = async (
    method: string,
    path: string,
    datasourceId: string,
    items: PushDeleteDocument[],
    options: PushCallOptions = {},
  ): Promise<PushResult> => {
    const url = apiBaseUrl + path.replaceAll('{datasourceId}', encodeURIComponent(datasourceId));
    const batches: PushBatchResult[] = [];
    let stop = false;
    for (const [index, { start, items: docs, bytes }] of planBatches(items, limits).entries()) {
      const result: PushBatchResult = {
        index,
        start,
        externalIds: docs.map((doc) => doc.object.externalId),
        bytes,
        status: 'skipped',
      };
      batches.push(result);
      if (stop) continue;
      try {
        const response = await fetch(url, {
          method,
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(docs),
          signal: options.signal,
        });
        result.httpStatus = response.status;
        if (response.ok) {
          result.status = 'ok';
          // An empty or non-JSON body leaves `response` undefined.
          result.response = await response.json().catch(() => undefined);
        } else {
          result.status = 'failed';
          result.error = await httpError(response, { vendor: VENDOR, method });
        }
      } catch (error) {
        // An abort ends the whole call; any other typed failure (token, network) is this batch's result.
        if (!isSearchAuthError(error) || error.code === 'ERR_ABORTED') throw error;
        result.status = 'failed';
        result.error = error;
      }
      stop = result.status === 'failed' && !options.continueOnError;
    }
    return { ok: batches.every((b) => b.status === 'ok'), documents: items.length, batches };
  };
  return {
    /** Save (create or update) documents, in as many requests as the limits need. */
    saveDocuments: async (
      datasourceId: string,
      documents: readonly PushDocument[],
      options?: PushCallOptions,
    ): Promise<PushResult> =>
      send('POST', push.savePath, datasourceId, checkDocuments(documents, true), options),
    /** Delete documents by external id, in as many requests as the limits need. */
    deleteDocuments: async (
      datasourceId: string,
      externalIds: readonly (string | PushDeleteDocument)[],
      options?: PushCallOptions,
    ): Promise<PushResult> =>
      send(push.deleteMethod, push.deletePath, datasourceId, checkDocuments(externalIds), options),
  };
}
