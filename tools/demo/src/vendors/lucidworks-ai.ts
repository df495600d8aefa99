import { createLucidworksAIClient } from '@searchauth/lucidworks-ai';
import type { VendorDemo } from './types.js';

const P = 'SEARCHAUTH_LWAI_';

// Lucidworks AI has no search endpoint: the demo ranks these passages by embedding similarity.
const PASSAGES = [
  'Lightweight two-person tent with reinforced seams',
  'Insulated sleeping bag for winter camping',
  'Waterproof hiking boots with a grippy sole',
  'Camping stove that folds into a pocket',
  'Family tent with blackout bedrooms',
];

export const lucidworksAI: VendorDemo = {
  name: 'Lucidworks AI',
  env: {
    required: [`${P}APPLICATION_ID`, `${P}CUSTOMER_ID`, `${P}CLIENT_ID`, `${P}CLIENT_SECRET`],
    optional: [`${P}TOKEN_URL`, `${P}MODEL_ID`],
  },
  async run(target, query) {
    const env = target.kind === 'real' ? target.env : {};
    const creds = target.kind === 'simulator' ? target.sim.credentials['lucidworks-ai'] : undefined;
    const urls = target.kind === 'simulator' ? target.sim.urls['lucidworks-ai'] : undefined;
    const ai = createLucidworksAIClient({
      applicationId: creds?.applicationId ?? (env[`${P}APPLICATION_ID`] as string),
      customerId: creds?.customerId ?? (env[`${P}CUSTOMER_ID`] as string),
      clientId: creds?.clientId ?? (env[`${P}CLIENT_ID`] as string),
      clientSecret: creds?.clientSecret ?? (env[`${P}CLIENT_SECRET`] as string),
      tokenUrl: urls?.tokenUrl ?? env[`${P}TOKEN_URL`],
      apiBaseUrl: urls?.baseUrl,
      platformBaseUrl: urls?.platformBaseUrl,
    });
    const model = env[`${P}MODEL_ID`] ?? 'gte-small';
    try {
      const embed = async (texts: string[], dataType: 'query' | 'passage') =>
        (
          await ai.predict('embedding', model, {
            batch: texts.map((text) => ({ text })),
            useCaseConfig: { dataType },
          })
        ).predictions.map((p) => p.vector ?? []);
      const [queryVector = []] = await embed([query], 'query');
      const passageVectors = await embed(PASSAGES, 'passage');
      const hits = PASSAGES.map((title, i) => ({
        title,
        score: cosine(queryVector, passageVectors[i] ?? []),
      })).sort((a, b) => b.score - a.score);
      return {
        total: PASSAGES.length,
        hits,
        note: `${model} embeddings, ${queryVector.length} dimensions, ranked by cosine similarity`,
      };
    } finally {
      ai.dispose();
    }
  },
};

function cosine(a: number[], b: number[]): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    dot += (a[i] ?? 0) * (b[i] ?? 0);
    na += (a[i] ?? 0) ** 2;
    nb += (b[i] ?? 0) ** 2;
  }
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}
