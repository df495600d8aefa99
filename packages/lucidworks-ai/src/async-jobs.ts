import type { Clock } from '@searchauth/core';
import type { Client } from 'openapi-fetch';
import type {
  AsyncPredictionResult,
  AsyncPredictionSubmitted,
  Chunker,
  ChunkingRequest,
  ChunkingResult,
  ChunkingSubmitted,
  PredictionRequest,
  PredictPaths,
  UseCaseName,
} from './paths.js';
import { checkBatch, checkIds } from './predict.js';
import { type WaitOptions, waitForJob } from './wait.js';

export interface SignalOption {
  signal?: AbortSignal;
}

/** Async Prediction and Async Chunking: submit, poll once, or wait for the result. */
export interface AsyncJobHelpers {
  /** POST /ai/async-prediction/{useCase}/{modelId} → `{ predictionId, status }`. */
  submitAsyncPrediction(
    useCase: UseCaseName,
    modelId: string,
    request: PredictionRequest,
    options?: SignalOption,
  ): Promise<AsyncPredictionSubmitted>;
  /** GET /ai/async-prediction/{predictionId}: the task's state, once. */
  getAsyncPrediction(predictionId: string, options?: SignalOption): Promise<AsyncPredictionResult>;
  /** Polls until READY/RETRIEVED; ERROR → ERR_JOB_FAILED; past timeoutMs → ERR_TIMEOUT. */
  waitForPrediction(predictionId: string, options?: WaitOptions): Promise<AsyncPredictionResult>;
  /** Submit, then wait: the async counterpart of `predict()`. */
  predictAsync(
    useCase: UseCaseName,
    modelId: string,
    request: PredictionRequest,
    options?: WaitOptions,
  ): Promise<AsyncPredictionResult>;
  /** POST /ai/async-chunking/{chunker}/{modelId} → `{ chunkingId, status }`. */
  submitChunking(
    chunker: Chunker,
    modelId: string,
    request: ChunkingRequest,
    options?: SignalOption,
  ): Promise<ChunkingSubmitted>;
  /** GET /ai/async-chunking/{chunkingId}: the task's state, once. */
  getChunking(chunkingId: string, options?: SignalOption): Promise<ChunkingResult>;
  /** Polls until READY/RETRIEVED; ERROR → ERR_JOB_FAILED; past timeoutMs → ERR_TIMEOUT. */
  waitForChunking(chunkingId: string, options?: WaitOptions): Promise<ChunkingResult>;
  /** Submit, then wait for the chunks and vectors. */
  chunk(
    chunker: Chunker,
    modelId: string,
    request: ChunkingRequest,
    options?: WaitOptions,
  ): Promise<ChunkingResult>;
}

// The two APIs differ only in names: /ai/async-{kind}/{first}/{modelId} submits and answers
// `{ {kind}Id, status }`; /ai/async-{kind}/{{kind}Id} reports the state.
type AnyJob = { status: string } & Record<string, unknown>;
type AnyClient = Record<'GET' | 'POST', (path: string, init: object) => Promise<{ data?: AnyJob }>>;

function asyncJob(api: AnyClient, clock: Clock, kind: string, first: string) {
  const idName = `${kind}Id`;
  const get = async (id: string, options: SignalOption = {}) => {
    checkIds({ [idName]: id });
    const { data } = await api.GET(`/ai/async-${kind}/{${idName}}`, {
      params: { path: { [idName]: id } },
      signal: options.signal,
    });
    return data as AnyJob;
  };
  const submit = async (
    firstValue: string,
    modelId: string,
    request: { batch?: unknown[] },
    options: SignalOption = {},
  ) => {
    checkIds({ [first]: firstValue, modelId });
    checkBatch(request);
    return (
      await api.POST(`/ai/async-${kind}/{${first}}/{modelId}`, {
        params: { path: { [first]: firstValue, modelId } },
        body: request,
        signal: options.signal,
      })
    ).data as AnyJob;
  };
  const wait = (id: string, options?: WaitOptions, justSubmitted?: boolean) =>
    waitForJob((signal) => get(id, { signal }), clock, options, justSubmitted);
  return [
    submit,
    get,
    (id: string, options?: WaitOptions) => wait(id, options),
    async (
      firstValue: string,
      modelId: string,
      request: { batch?: unknown[] },
      options: WaitOptions = {},
    ) =>
      wait((await submit(firstValue, modelId, request, options))[idName] as string, options, true),
  ];
}

/** `api` throws typed errors for non-2xx answers. */
export function asyncJobHelpers(api: Client<PredictPaths>, clock: Clock): AsyncJobHelpers {
  const [submitAsyncPrediction, getAsyncPrediction, waitForPrediction, predictAsync] = asyncJob(
    api as unknown as AnyClient,
    clock,
    'prediction',
    'useCase',
  );
  const [submitChunking, getChunking, waitForChunking, chunk] = asyncJob(
    api as unknown as AnyClient,
    clock,
    'chunking',
    'chunker',
  );
  return {
    submitAsyncPrediction,
    getAsyncPrediction,
    waitForPrediction,
    predictAsync,
    submitChunking,
    getChunking,
    waitForChunking,
    chunk,
  } as unknown as AsyncJobHelpers;
}
