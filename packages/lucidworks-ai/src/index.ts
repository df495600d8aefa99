export type {
  Clock,
  RetryOptions,
  SearchAuthErrorCode,
  StoredToken,
  TokenEvent,
  TokenLease,
  TokenManager,
  TokenStore,
} from '@searchauth/core';
export { createLucidworksAIClient, type LucidworksAIClient } from './client.js';
export {
  DEFAULT_REFRESH_MARGIN_SECONDS,
  isSearchAuthError,
  LUCIDWORKS_IDENTITY,
  lucidworksTokenUrl,
  memoryStore,
  SearchAuthError,
  Secret,
} from './deps.js';
export type { components, operations, paths } from './generated/api.js';
export {
  DEFAULT_USE_CASES_PATH,
  LUCIDWORKS_AI_SCOPES,
  LUCIDWORKS_PLATFORM_URL,
  type LucidworksAIClientOptions,
  MAX_PREDICTION_BATCH,
  type ResolvedLucidworksAIOptions,
} from './options.js';
export type {
  AsyncPredictionResult,
  AsyncPredictionSubmitted,
  AsyncStatus,
  Chunker,
  ChunkingRequest,
  ChunkingResult,
  ChunkingSubmitted,
  EmbeddingModelConfig,
  EmbeddingUseCaseConfig,
  GenerativeModelConfig,
  KnownUseCase,
  Model,
  ModelConfig,
  ModelsPaths,
  Prediction,
  PredictionInput,
  PredictionRequest,
  PredictionResponse,
  PredictPaths,
  UseCase,
  UseCaseConfig,
  UseCaseName,
} from './paths.js';
export type { PredictOptions } from './predict.js';
export { WAIT_DEFAULTS, type WaitOptions } from './wait.js';
