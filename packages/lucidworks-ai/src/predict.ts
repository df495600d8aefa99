import type { Client } from 'openapi-fetch';
import { SearchAuthError } from './core.js';
import { MAX_PREDICTION_BATCH, VENDOR } from './options.js';
import type { PredictionRequest, PredictionResponse, PredictPaths } from './paths.js';

export interface PredictOptions {
  signal?: AbortSignal;
  /** Overrides the client's `oversizedBatch` for this call. */
  oversizedBatch?: 'error' | 'split';
}

/**
 * POST /ai/prediction/{useCase}/{modelId}, keeping every request within 1..32 inputs. `api` throws
 * typed errors for non-2xx answers (see throwHttpErrors).
 */
export async function predict(
  api: Client<PredictPaths>,
  defaultMode: 'error' | 'split',
  useCase: string,
  modelId: string,
  request: PredictionRequest,
  options: PredictOptions = {},
): Promise<PredictionResponse> {
  const batch = checkBatch(request);
  const { length } = batch;
  if (length > MAX_PREDICTION_BATCH && (options.oversizedBatch ?? defaultMode) !== 'split') {
    throw new SearchAuthError(
      'ERR_LIMIT_EXCEEDED',
      `a prediction request takes at most ${MAX_PREDICTION_BATCH} inputs, got ${length}; ` +
        "split the batch or pass oversizedBatch: 'split'",
      { vendor: VENDOR },
    );
  }
  const path = { useCase: text(useCase, 'useCase'), modelId: text(modelId, 'modelId') };
  let first: PredictionResponse | undefined;
  const predictions: PredictionResponse['predictions'] = [];
  // Sequential on purpose: parallel parts would multiply the rate-limit cost of one call.
  for (let start = 0; start < length; start += MAX_PREDICTION_BATCH) {
    const { data } = await api.POST('/ai/prediction/{useCase}/{modelId}', {
      params: { path },
      body: { ...request, batch: batch.slice(start, start + MAX_PREDICTION_BATCH) },
      signal: options.signal,
    });
    first ??= data;
    predictions.push(...(data?.predictions ?? []));
  }
  // One request: its response as sent; several: the first response with every prediction.
  return (length > MAX_PREDICTION_BATCH ? { ...first, predictions } : first) as PredictionResponse;
}

export function checkBatch(request: { batch?: unknown }): PredictionRequest['batch'] {
  const batch = request?.batch;
  if (!Array.isArray(batch) || !batch.length) {
    throw badRequest('batch must be a non-empty array of { text }');
  }
  const index = batch.findIndex((item) => typeof item?.text !== 'string');
  if (index >= 0) throw badRequest(`batch[${index}].text must be a string`);
  return batch;
}

export function text(value: unknown, name: string): string {
  if (typeof value !== 'string' || !value) throw badRequest(`${name} must be a non-empty string`);
  return value;
}

const badRequest = (message: string) =>
  new SearchAuthError('ERR_BAD_REQUEST', message, { vendor: VENDOR });
