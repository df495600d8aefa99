import type { TokenManager } from '@searchauth/core';
import type { Client } from 'openapi-fetch';
import { type AsyncJobHelpers, asyncJobHelpers } from './async-jobs.js';
import { scopeClients, systemClock } from './deps.js';
import { modelHelpers, useCaseHelpers } from './models.js';
import {
  LUCIDWORKS_AI_SCOPES,
  type LucidworksAIClientOptions,
  resolveOptions,
  VENDOR,
} from './options.js';
import type {
  ModelsPaths,
  PredictionRequest,
  PredictionResponse,
  PredictPaths,
  UseCaseName,
} from './paths.js';
import { type PredictOptions, predict } from './predict.js';

export interface LucidworksAIClient
  extends AsyncJobHelpers,
    ReturnType<typeof modelHelpers>,
    ReturnType<typeof useCaseHelpers> {
  /** Generated client for the application host, authenticated with the predict-scope token. */
  predictClient: Client<PredictPaths>;
  /** Generated client for api.lucidworks.com (Models API), authenticated with the model-scope token. */
  modelsClient: Client<ModelsPaths>;
  /** Synchronous prediction for 1..32 inputs (more: see the `oversizedBatch` option). */
  predict(
    useCase: UseCaseName,
    modelId: string,
    request: PredictionRequest,
    options?: PredictOptions,
  ): Promise<PredictionResponse>;
  /** Token managers per scope; `predict` never has two mints in flight. */
  tokens: { predict: TokenManager; model: TokenManager };
  /** Stops background refresh timers of both token managers. */
  dispose(): void;
}

export function createLucidworksAIClient(options: LucidworksAIClientOptions): LucidworksAIClient {
  const resolved = resolveOptions(options);
  const forScope = scopeClients({ ...options, ...resolved, vendor: VENDOR });
  // A new predict token deletes the previous one; a model token is independent of it.
  const [predictTokens, , predictClient, predictApi] = forScope<PredictPaths>(
    LUCIDWORKS_AI_SCOPES.predict,
    resolved.apiBaseUrl,
    true,
  );
  const [modelTokens, , modelsClient, modelsApi] = forScope<ModelsPaths>(
    LUCIDWORKS_AI_SCOPES.model,
    resolved.platformBaseUrl,
  );

  return {
    predictClient,
    modelsClient,
    predict: (useCase, modelId, request, callOptions) =>
      predict(predictApi, resolved.oversizedBatch, useCase, modelId, request, callOptions),
    ...asyncJobHelpers(predictApi, options.clock ?? systemClock),
    ...modelHelpers(modelsApi, resolved.customerId),
    ...useCaseHelpers(predictApi, resolved.useCasesPath),
    tokens: { predict: predictTokens, model: modelTokens },
    dispose() {
      predictTokens.dispose();
      modelTokens.dispose();
    },
  };
}
