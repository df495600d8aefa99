import { planBatches } from './batching.js';
import { httpError, isSearchAuthError, SearchAuthError } from './core.js';
import {
  describe,
  externalIdOf,
  type PushDeleteDocument,
  type PushDocument,
  toDeleteItems,
  validateDocuments,
} from './documents.js';
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
  /** The response body of a successful request (undocumented; passed through). */
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
    items: unknown[],
    options: PushCallOptions = {},
  ): Promise<PushResult> => {
    const batches = planBatches(items, limits, describe);
    if (typeof datasourceId !== 'string' || !datasourceId) {
      throw new SearchAuthError('ERR_BAD_REQUEST', 'datasourceId must be a non-empty string', {
        vendor: VENDOR,
      });
    }
    const url = apiBaseUrl + path.split('{datasourceId}').join(encodeURIComponent(datasourceId));
    const results: PushBatchResult[] = [];
    let stop = false;
    for (const [index, batch] of batches.entries()) {
      const result: PushBatchResult = {
        index,
        start: batch.start,
        externalIds: batch.items.map(externalIdOf),
        bytes: batch.bytes,
        status: 'skipped',
      };
      results.push(result);
      if (stop) continue;
      try {
        const response = await fetch(url, {
          method,
          headers: { 'content-type': 'application/json', accept: 'application/json' },
          body: JSON.stringify(batch.items),
          signal: options.signal,
        });
        const { ok, status } = response;
        Object.assign(
          result,
          ok
            ? { status: 'ok', httpStatus: status, response: await readJson(response) }
            : {
                status: 'failed',
                httpStatus: status,
                error: await httpError(response, { vendor: VENDOR, method }),
              },
        );
      } catch (error) {
        // An abort ends the whole call; any other typed failure (token, network) is this batch's result.
        if (!isSearchAuthError(error) || error.code === 'ERR_ABORTED') throw error;
        Object.assign(result, { status: 'failed', error });
      }
      stop = result.status === 'failed' && options.continueOnError !== true;
    }
    return {
      ok: results.every((r) => r.status === 'ok'),
      documents: items.length,
      batches: results,
    };
  };
  return {
    /** Save (create or update) documents, in as many requests as the limits need. */
    saveDocuments: async (
      datasourceId: string,
      documents: readonly PushDocument[],
      options?: PushCallOptions,
    ): Promise<PushResult> =>
      send('POST', push.savePath, datasourceId, validateDocuments(documents), options),
    /** Delete documents by external id, in as many requests as the limits need. */
    deleteDocuments: async (
      datasourceId: string,
      externalIds: readonly (string | PushDeleteDocument)[],
      options?: PushCallOptions,
    ): Promise<PushResult> =>
      send(push.deleteMethod, push.deletePath, datasourceId, toDeleteItems(externalIds), options),
  };
}

/** The response body of a successful request: JSON when it parses, else the text; none when empty. */
async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return text;
  }
}
