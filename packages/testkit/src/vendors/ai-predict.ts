import { randomUUID } from 'node:crypto';
import { search } from '../corpus/search.js';
import { fail } from '../http/reply.js';
import type { SimState } from '../state.js';
import { countTokens, embed, findModel, type SimModel, USE_CASES } from './ai-catalog.js';
import { lucidworksErrorBody as errorBody } from './lucidworks-identity.js';

const MAX_BATCH = 32;
type Body = Record<string, unknown>;
export type Prediction = Record<string, unknown>;

/** Checks a use case, model and prediction body; answers 404/400 the way the API would. */
export function checkPredictionRequest(
  useCase: string,
  modelId: string,
  body: unknown,
): { model: SimModel; texts: string[]; body: Body } {
  const type = USE_CASES[useCase];
  if (!type) fail(404, errorBody(404, `Unknown use case ${useCase}.`));
  const model = findModel(modelId);
  if (!model) fail(404, errorBody(404, `Unknown model ${modelId}.`));
  if (model.modelType !== type)
    fail(400, errorBody(400, `Model ${modelId} does not serve the ${useCase} use case.`));
  const texts = batchTexts(body, MAX_BATCH);
  return { model, texts, body: body as Body };
}

export function batchTexts(body: unknown, max: number): string[] {
  const batch = (body as Body | undefined)?.batch;
  if (!Array.isArray(batch) || batch.length === 0)
    fail(400, errorBody(400, 'batch must be a non-empty array.'));
  if (batch.length > max) fail(400, errorBody(400, `batch holds at most ${max} items.`));
  return batch.map((item: Body, i) => {
    if (typeof item?.text !== 'string')
      fail(400, errorBody(400, `batch[${i}].text must be a string.`));
    return item.text;
  });
}

/** Deterministic, plausible predictions for each input. */
export function predict(
  state: SimState,
  useCase: string,
  model: SimModel,
  texts: string[],
  body: Body,
): Prediction[] {
  const useCaseConfig = (body.useCaseConfig ?? {}) as Body;
  const modelConfig = (body.modelConfig ?? {}) as Body;
  return texts.map((text) => {
    const inputTokens = countTokens(text);
    if (useCase === 'embedding') {
      const dims =
        typeof modelConfig.dimReductionSize === 'number'
          ? modelConfig.dimReductionSize
          : (model.vectorSize ?? 384);
      if (dims > (model.vectorSize ?? 384))
        fail(400, errorBody(400, 'dimReductionSize exceeds the model vector size.'));
      return {
        vector: embed(`${useCaseConfig.dataType ?? 'query'}:${text}`, dims),
        tokensUsed: { inputTokens },
      };
    }
    if (useCase === 'classification' || useCase === 'ner') {
      const labels = Array.isArray(useCaseConfig.labels)
        ? useCaseConfig.labels.map(String)
        : ['product', 'support', 'other'];
      const raw = labels.map((l) => (embed(`${l}|${text}`, 1)[0] ?? 0) + 1.5);
      const sum = raw.reduce((a, b) => a + b, 0);
      const scores = Object.fromEntries(
        labels.map((l, i) => [l, Math.round(((raw[i] ?? 0) / sum) * 1e4) / 1e4]),
      );
      return { labels: scores, tokensUsed: { inputTokens, labelsTokens: labels.length } };
    }
    const response = generate(state, useCase, text);
    const completionTokens = countTokens(response);
    const prediction: Prediction = {
      response,
      tokensUsed: {
        promptTokens: inputTokens,
        completionTokens,
        totalTokens: inputTokens + completionTokens,
      },
    };
    if (useCase === 'rag' || useCase === 'standalone-query-rewriter') {
      prediction.memoryUuid =
        typeof useCaseConfig.memoryUuid === 'string' ? useCaseConfig.memoryUuid : randomUUID();
    }
    return prediction;
  });
}

function generate(state: SimState, useCase: string, text: string): string {
  const hits = search(state.corpus, { text }).slice(0, 3);
  const words = [...new Set(text.toLowerCase().match(/[a-z0-9]+/g) ?? [])];
  switch (useCase) {
    case 'rag':
      return hits.length === 0
        ? 'I could not find documents about that.'
        : `${hits.map((h) => h.doc.abstract).join(' ')}\nSOURCES: ${hits.map((h) => h.doc.url).join(', ')}`;
    case 'summarization':
      return text.split(/(?<=[.!?])\s+/)[0] ?? text;
    case 'keyword-extraction':
      return words
        .filter((w) => w.length > 3)
        .slice(0, 5)
        .join(', ');
    case 'standalone-query-rewriter':
      return words.join(' ');
    default:
      return `Echo: ${text}`;
  }
}
