import { createHash } from 'node:crypto';

/** A model the simulated Lucidworks AI application offers. */
export interface SimModel {
  id: string;
  name: string;
  modelType: 'embedding' | 'generative' | 'classification';
  vectorSize?: number;
  description: string;
}

export const MODELS: readonly SimModel[] = [
  {
    id: 'gte-small',
    name: 'GTE small',
    modelType: 'embedding',
    vectorSize: 384,
    description: 'General text embeddings.',
  },
  {
    id: 'e5-small-v2',
    name: 'E5 small v2',
    modelType: 'embedding',
    vectorSize: 384,
    description: 'Query and passage embeddings.',
  },
  {
    id: 'llama-3-8b-instruct',
    name: 'Llama 3 8B Instruct',
    modelType: 'generative',
    description: 'Generative model, 32000-token context.',
  },
  {
    id: 'mistral-7b-instruct',
    name: 'Mistral 7B Instruct',
    modelType: 'generative',
    description: 'Generative model, 8192-token context.',
  },
  {
    id: 'nu-zero-ner',
    name: 'Nu zero NER',
    modelType: 'classification',
    description: 'Zero-shot entities and labels.',
  },
];

/**
 * Use case slug -> the model type it runs on. The slugs are the spec's `KnownUseCase` enum
 * (specs/lucidworks-ai.yaml), the names of Lucidworks' documented paths; a test holds this table to
 * it, and the client's `KnownUseCase` type is generated from it. `classification` scores labels with
 * an embedding model, as documented.
 */
export const USE_CASES: Record<string, SimModel['modelType']> = {
  embedding: 'embedding',
  rag: 'generative',
  passthrough: 'generative',
  summarization: 'generative',
  'keyword-extraction': 'generative',
  'standalone-query-rewriter': 'generative',
  ner: 'classification',
  classification: 'embedding',
};

export const CHUNKERS = [
  'dynamic-newline',
  'dynamic-sentence',
  'regex-splitter',
  'semantic',
  'sentence',
];

export function findModel(id: string): SimModel | undefined {
  return MODELS.find((m) => m.id === id);
}

/** A deterministic unit vector for a text: the same text always embeds the same way. */
export function embed(text: string, size: number): number[] {
  const values: number[] = [];
  for (let block = 0; values.length < size; block++) {
    const digest = createHash('sha256').update(`${block}:${text}`).digest();
    for (let i = 0; i + 1 < digest.length && values.length < size; i += 2) {
      values.push((digest.readUInt16BE(i) / 65535) * 2 - 1);
    }
  }
  const norm = Math.sqrt(values.reduce((s, v) => s + v * v, 0)) || 1;
  return values.map((v) => Math.round((v / norm) * 1e6) / 1e6);
}

/** Rough token count: words, as the simulator has no tokenizer. */
export const countTokens = (text: string) => (text.match(/\S+/g) ?? []).length;
