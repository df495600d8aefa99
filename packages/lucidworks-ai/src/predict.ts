import type { Client } from 'openapi-fetch';
import { SearchAuthError } from './deps.js';
import { MAX_PREDICTION_BATCH, VENDOR } from './options.js';
import type { PredictionRequest, PredictionResponse, PredictPaths, UseCaseName } from './paths.js';

export interface PredictOptions {
  signal?: AbortSignal;
  /** Overrides the client's `oversizedBatch` for this call. */
  oversizedBatch?: 'error' | 'split';
}

/**
 * POST /ai/prediction/{useCase}/{modelId}, keeping every request within 32 inputs. `api` throws
 * typed errors for non-2xx answers.
 */
export async function predict(
  api: Client<PredictPaths>,
  defaultMode: 'error' | 'split',
  useCase: UseCaseName,
  modelId: string,
  request: PredictionRequest,
  options: PredictOptions = {},
): Promise<PredictionResponse> {
  checkIds({ useCase, modelId });
  const { length } = checkBatch(request);
  if (length > MAX_PREDICTION_BATCH && (options.oversizedBatch ?? defaultMode) !== 'split') {
    throw new SearchAuthError(
      'ERR_LIMIT_EXCEEDED',
      `a prediction request takes at most ${MAX_PREDICTION_BATCH} inputs, got ${length}; ` +
        "split the batch or pass oversizedBatch: 'split'",
      { vendor: VENDOR },
    );
  }
  let first: PredictionResponse | undefined;
  const predictions: PredictionResponse['predictions'] = [];
  // Sequential on purpose: parallel parts would multiply the rate-limit cost of one call.
  for (let start = 0; start < length; start += MAX_PREDICTION_BATCH) {
    const { data } = await api.POST('/ai/prediction/{useCase}/{modelId}', {
      params: { path: { useCase, modelId } },
      body: { ...request, batch: request.batch.slice(start, start + MAX_PREDICTION_BATCH) },
      signal: options.signal,
    });
    // A reply without a list of predictions would lose inputs silently (or spread a string).
    if (!Array.isArray(data?.predictions)) {
      throw new SearchAuthError('ERR_HTTP', 'prediction response has no list of predictions', {
        vendor: VENDOR,
        method: 'POST',
      });
    }
    first ??= data;
    predictions.push(...data.predictions);
  }
  // The first response with every prediction, in input order.
  return { ...first, predictions } as PredictionResponse;
}

/**
 * Ids go into the URL path: an empty one would address another resource (the server answers 404), so
 * it is refused before sending, naming the field.
 */
export function checkIds(ids: Record<string, unknown>): void {
  for (const [name, value] of Object.entries(ids)) {
    if (typeof value !== 'string' || !value.trim()) {
      throw new SearchAuthError('ERR_BAD_REQUEST', `${name} must be a non-empty string`, {
        vendor: VENDOR,
      });
    }
  }
}

/** A request needs 1 or more inputs; the shape of each is left to the types and the server. */
export function checkBatch(request: { batch?: unknown[] }): unknown[] {
  if (!request?.batch?.length) {
    throw new SearchAuthError('ERR_BAD_REQUEST', 'batch must be a non-empty array of { text }', {
      vendor: VENDOR,
    });
  }
  return request.batch;
}
