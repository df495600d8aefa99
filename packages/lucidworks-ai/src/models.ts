import type { Client } from 'openapi-fetch';
import type { Model, ModelsPaths, PredictPaths, UseCase } from './paths.js';
import { checkIds } from './predict.js';

export interface SignalOption {
  signal?: AbortSignal;
}

/** Models API (platform host, model-scope token); `api` throws typed errors for non-2xx answers. */
export function modelHelpers(api: Client<ModelsPaths>, customerId: string) {
  return {
    /** GET /customers/{customerId}/ai/models. */
    listModels: async (options: SignalOption = {}): Promise<Model[]> =>
      (
        await api.GET('/customers/{customerId}/ai/models', {
          params: { path: { customerId } },
          signal: options.signal,
        })
      ).data as Model[],
    /** GET /customers/{customerId}/ai/models/{modelId}; `metrics: true` asks for metrics too. */
    getModel: async (
      modelId: string,
      { metrics, signal }: SignalOption & { metrics?: boolean } = {},
    ): Promise<Model> => {
      checkIds({ modelId });
      const { data } = await api.GET('/customers/{customerId}/ai/models/{modelId}', {
        // openapi-fetch leaves an undefined query parameter out.
        params: { path: { customerId, modelId }, query: { metrics } },
        signal,
      });
      return data as Model;
    },
  };
}

/** Use Case API (application host, predict-scope token) on a configurable path. */
export function useCaseHelpers(api: Client<PredictPaths>, useCasesPath: string) {
  return {
    /** GET {useCasesPath} (default /ai/usecase, an assumption): use cases and their models. */
    listUseCases: async (options: SignalOption = {}): Promise<UseCase[]> =>
      // The path is configurable because the public docs do not show it; the default is in the spec.
      (await api.GET(useCasesPath as '/ai/usecase', { signal: options.signal })).data as UseCase[],
  };
}
