import type { components, paths } from './generated/api.js';

/** Paths on the application host (`machinelearning.predict` token). */
export type PredictPaths = Pick<
  paths,
  | '/ai/prediction/{useCase}/{modelId}'
  | '/ai/async-prediction/{useCase}/{modelId}'
  | '/ai/async-prediction/{predictionId}'
  | '/ai/async-chunking/{chunker}/{modelId}'
  | '/ai/async-chunking/{chunkingId}'
  | '/ai/usecase'
>;

/** Paths on the platform host api.lucidworks.com (`machinelearning.model` token). */
export type ModelsPaths = Pick<
  paths,
  '/customers/{customerId}/ai/models' | '/customers/{customerId}/ai/models/{modelId}'
>;

type Schemas = components['schemas'];
export type PredictionRequest = Schemas['PredictionRequest'];
export type PredictionInput = Schemas['PredictionInput'];
export type PredictionResponse = Schemas['PredictionResponse'];
export type Prediction = Schemas['Prediction'];
export type UseCaseConfig = Schemas['UseCaseConfig'];
export type ModelConfig = Schemas['ModelConfig'];
export type EmbeddingUseCaseConfig = Schemas['EmbeddingUseCaseConfig'];
export type EmbeddingModelConfig = Schemas['EmbeddingModelConfig'];
export type GenerativeModelConfig = Schemas['GenerativeModelConfig'];
export type AsyncStatus = Schemas['AsyncStatus'];
export type AsyncPredictionSubmitted = Schemas['AsyncPredictionSubmitted'];
export type AsyncPredictionResult = Schemas['AsyncPredictionResult'];
export type Chunker = Schemas['Chunker'];
export type ChunkingRequest = Schemas['ChunkingRequest'];
export type ChunkingSubmitted = Schemas['ChunkingSubmitted'];
export type ChunkingResult = Schemas['ChunkingResult'];
export type Model = Schemas['Model'];
export type UseCase = Schemas['UseCase'];
/** The use case slugs the Prediction API reference documents (`keyword-extraction`, ...). */
export type KnownUseCase = Schemas['KnownUseCase'];
/** A documented slug (autocompleted) or any other the Use Case API lists for your application. */
export type UseCaseName = KnownUseCase | (string & {});
