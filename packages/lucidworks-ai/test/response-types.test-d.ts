// Type-level test, compiled by `pnpm typecheck` (tsc includes test/): response types are closed and
// precise, so a renamed or removed field fails a consumer's typecheck. If a schema is opened again,
// the @ts-expect-error lines below become unused and the typecheck fails.
import type { LucidworksAIClient } from '../src/index.js';

declare const ai: LucidworksAIClient;

export async function consumer() {
  const useCases = await ai.listUseCases();
  const slug: string | undefined = useCases[0]?.useCase;
  const models: string[] | undefined = useCases[0]?.models;
  // @ts-expect-error use cases are typed, not open objects
  useCases[0]?.slug;

  const models2 = await ai.listModels();
  const state: string | undefined = models2[0]?.state;
  // @ts-expect-error a field the spec does not declare is not there
  models2[0]?.status;

  const job = await ai.getAsyncPrediction('id');
  // @ts-expect-error async results are closed
  job.result;

  await ai.predict('rag', 'llama-3-8b-instruct', {
    batch: [{ text: 'hi' }],
    // The documented example sends topK -1.
    modelConfig: { topK: -1 },
  });
  await ai.predict('rag', 'llama-3-8b-instruct', {
    batch: [{ text: 'hi' }],
    // @ts-expect-error topK is a number, not `unknown`
    modelConfig: { topK: 'all' },
  });
  return { slug, models, state };
}
