import { randomUUID } from 'node:crypto';
import { requireBearer } from '../http/auth.js';
import type { RouteContext } from '../http/context.js';
import { fail, json, type Reply } from '../http/reply.js';
import { at, type Route } from '../http/route.js';
import type { SimState } from '../state.js';
import { CHUNKERS, embed, findModel, MODELS, USE_CASES } from './ai-catalog.js';
import { batchTexts, checkPredictionRequest, type Prediction, predict } from './ai-predict.js';
import { lucidworksErrorBody as errorBody } from './lucidworks-identity.js';

const VENDOR = 'lucidworks-ai';
const PREDICT_SCOPE = 'machinelearning.predict';

/** An async task; answers SUBMITTED for a few polls, then READY once, then RETRIEVED. */
interface Job {
  kind: 'predictionId' | 'chunkingId';
  owner: string;
  polls: number;
  retrieved: boolean;
  result: Record<string, unknown>;
}

/** The application host: prediction, async prediction, async chunking and the use case list. */
export function lucidworksAiRoutes(state: SimState): Route[] {
  const jobs = new Map<string, Job>();
  const route = (
    method: 'GET' | 'POST',
    endpoint: string,
    path: string,
    handle: (ctx: RouteContext, owner: string) => Reply | Promise<Reply>,
  ): Route => ({
    vendor: VENDOR,
    endpoint,
    method,
    ...at(path),
    handle: (ctx) =>
      handle(
        ctx,
        requireBearer(ctx, state, { vendor: VENDOR, scope: PREDICT_SCOPE, errorBody }).subject,
      ),
  });
  const submit = (
    kind: 'predictionId' | 'chunkingId',
    owner: string,
    result: Record<string, unknown>,
  ) => {
    const id = randomUUID();
    jobs.set(id, { kind, owner, polls: 0, retrieved: false, result });
    return json(200, { [kind]: id, status: 'SUBMITTED' });
  };
  const poll = (kind: 'predictionId' | 'chunkingId', id: string, owner: string): Reply => {
    const job = jobs.get(id);
    if (!job || job.owner !== owner || job.kind !== kind) {
      return json(404, errorBody(404, `No task ${id}.`));
    }
    const head = { [kind]: id };
    if (job.polls++ < state.asyncPollsUntilReady)
      return json(200, { ...head, status: 'SUBMITTED' });
    if (job.retrieved) return json(200, { ...head, status: 'RETRIEVED' });
    job.retrieved = true;
    return json(200, { ...job.result, ...head, status: 'READY' });
  };
  return [
    route('POST', 'prediction', '/ai/prediction/:useCase/:modelId', async (ctx) => {
      const { model, texts, body } = checkPredictionRequest(
        ctx.params.useCase ?? '',
        ctx.params.modelId ?? '',
        await ctx.json(),
      );
      return json(200, {
        predictions: predict(state, ctx.params.useCase ?? '', model, texts, body),
      });
    }),
    route(
      'POST',
      'async-prediction',
      '/ai/async-prediction/:useCase/:modelId',
      async (ctx, owner) => {
        const { model, texts, body } = checkPredictionRequest(
          ctx.params.useCase ?? '',
          ctx.params.modelId ?? '',
          await ctx.json(),
        );
        const predictions: Prediction[] = predict(
          state,
          ctx.params.useCase ?? '',
          model,
          texts,
          body,
        );
        return submit('predictionId', owner, { predictions });
      },
    ),
    route('GET', 'async-prediction-result', '/ai/async-prediction/:predictionId', (ctx, owner) =>
      poll('predictionId', ctx.params.predictionId ?? '', owner),
    ),
    route('POST', 'async-chunking', '/ai/async-chunking/:chunker/:modelId', async (ctx, owner) => {
      const chunker = ctx.params.chunker ?? '';
      if (!CHUNKERS.includes(chunker)) fail(400, errorBody(400, `Unknown chunker ${chunker}.`));
      const model = findModel(ctx.params.modelId ?? '');
      if (!model) return json(404, errorBody(404, `Unknown model ${ctx.params.modelId}.`));
      if (model.modelType !== 'embedding')
        fail(400, errorBody(400, 'Chunking needs an embedding model.'));
      const body = ((await ctx.json()) ?? {}) as Record<string, unknown>;
      const texts = batchTexts(body, Number.POSITIVE_INFINITY);
      const chunked = texts.map((t) => chunk(chunker, t, body.chunkerConfig));
      const size = model.vectorSize ?? 384;
      return submit('chunkingId', owner, {
        chunkedData: chunked.map((chunks) => ({ chunks })),
        vector: chunked.flat().map((c) => ({ vector: embed(`passage:${c}`, size) })),
      });
    }),
    route('GET', 'async-chunking-result', '/ai/async-chunking/:chunkingId', (ctx, owner) =>
      poll('chunkingId', ctx.params.chunkingId ?? '', owner),
    ),
    route('GET', 'usecase', '/ai/usecase', () =>
      json(
        200,
        Object.entries(USE_CASES).map(([useCase, type]) => ({
          useCase,
          modelType: type,
          models: MODELS.filter((m) => m.modelType === type).map((m) => m.id),
        })),
      ),
    ),
  ];
}

function chunk(chunker: string, text: string, config: unknown): string[] {
  let parts: string[];
  if (chunker === 'dynamic-newline') parts = text.split(/\n+/);
  else if (chunker === 'regex-splitter') {
    const source = (config as { regex?: unknown } | undefined)?.regex;
    parts = text.split(new RegExp(typeof source === 'string' ? source : '\\n\\n'));
  } else {
    parts = text.split(/(?<=[.!?])\s+/);
    if (chunker === 'semantic') {
      const pairs: string[] = [];
      for (let i = 0; i < parts.length; i += 2) pairs.push(parts.slice(i, i + 2).join(' '));
      parts = pairs;
    }
  }
  return parts.map((p) => p.trim()).filter(Boolean);
}

/** The platform host (api.lucidworks.com): the Models API. */
export function lucidworksPlatformRoutes(state: SimState): Route[] {
  const authorise = (ctx: RouteContext) => {
    requireBearer(ctx, state, { vendor: VENDOR, scope: 'machinelearning.model', errorBody });
    if (ctx.params.customerId !== state.credentials[VENDOR].customerId) {
      fail(404, errorBody(404, `No customer ${ctx.params.customerId}.`));
    }
  };
  return [
    {
      vendor: VENDOR,
      endpoint: 'models',
      method: 'GET',
      ...at('/customers/:customerId/ai/models'),
      handle: (ctx) => {
        authorise(ctx);
        return json(200, MODELS.map(toModel));
      },
    },
    {
      vendor: VENDOR,
      endpoint: 'model',
      method: 'GET',
      ...at('/customers/:customerId/ai/models/:modelId'),
      handle: (ctx) => {
        authorise(ctx);
        const model = findModel(ctx.params.modelId ?? '');
        if (!model) return json(404, errorBody(404, `No model ${ctx.params.modelId}.`));
        const out: Record<string, unknown> = toModel(model);
        if (ctx.url.searchParams.get('metrics') === 'true')
          out.metrics = { requests24h: 1200, p95LatencyMs: 180 };
        return json(200, out);
      },
    },
  ];
}

function toModel(model: (typeof MODELS)[number]) {
  return {
    id: model.id,
    name: model.name,
    category:
      model.modelType === 'embedding'
        ? 'EMBEDDING'
        : model.modelType === 'generative'
          ? 'GENERATIVE'
          : 'CLASSIFICATION',
    modelType: model.modelType,
    description: model.description,
    region: 'us-central1',
    ...(model.vectorSize ? { vectorSize: model.vectorSize } : {}),
    state: 'AVAILABLE',
    createdBy: 'lucidworks',
    deployments: [
      {
        id: `${model.id}-deployment`,
        region: 'us-central1',
        state: 'DEPLOYED',
        deployedAt: '2024-01-15T09:00:00Z',
      },
    ],
  };
}
