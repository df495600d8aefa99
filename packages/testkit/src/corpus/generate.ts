import { createRandom, type Random } from '../random.js';
import {
  ADJECTIVES,
  ARTICLE_TITLES,
  AUDIENCES,
  BRANDS,
  CATEGORIES,
  type Category,
  COLORS,
  type DocumentType,
  FEATURES,
  LANGUAGES,
} from './words.js';

/** One generated document; vendors render it in their own response shapes. */
export interface CorpusDocument {
  /** Stable id, e.g. `doc-0042`. */
  id: string;
  type: DocumentType;
  title: string;
  body: string;
  /** The first sentence of the body. */
  abstract: string;
  category: Category;
  /** The product noun the document is about, e.g. `tent`. */
  product: string;
  brand: string;
  color: string;
  language: string;
  /** Price in euros; products only (0 for other types). */
  price: number;
  tags: string[];
  url: string;
  createdAt: string;
  modifiedAt: string;
  /** 0..1; ranks documents when the query is empty and breaks ties. */
  popularity: number;
  /** Hidden from Squirro users: filtered out after paging, which makes short pages. */
  restricted: boolean;
}

/** The generated documents of one seed, with an id lookup. */
export interface Corpus {
  seed: number | string;
  documents: readonly CorpusDocument[];
  byId: ReadonlyMap<string, CorpusDocument>;
}

/** Documents generated when `corpusSize` is not given. */
export const DEFAULT_CORPUS_SIZE = 300;
const EPOCH = Date.UTC(2023, 0, 1);
const DAY = 86_400_000;

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Builds the corpus; the same seed always gives the same documents in the same order. */
export function generateCorpus(seed: number | string, size = DEFAULT_CORPUS_SIZE): Corpus {
  const random = createRandom(seed);
  const documents: CorpusDocument[] = [];
  for (let i = 1; i <= size; i++) documents.push(generateDocument(random, i));
  return { seed, documents, byId: new Map(documents.map((d) => [d.id, d])) };
}

function generateDocument(random: Random, index: number): CorpusDocument {
  const category = random.pick(Object.keys(CATEGORIES) as Category[]);
  const product = random.pick(CATEGORIES[category]);
  const adjective = random.pick(ADJECTIVES);
  const brand = random.pick(BRANDS);
  const type: DocumentType = random.chance(0.55)
    ? 'product'
    : random.pick(['article', 'faq', 'manual'] as const);
  const title = titleFor(random, type, { brand, adjective, product });
  const sentences = [
    `The ${brand} ${adjective} ${product} is made for ${random.pick(AUDIENCES)}.`,
    `It comes with ${random.pick(FEATURES)} and ${random.pick(FEATURES)}.`,
    `Available in ${random.pick(COLORS)}; pairs well with a ${random.pick(CATEGORIES[category])}.`,
  ];
  if (type !== 'product') sentences.unshift(`${title}: answers for ${random.pick(AUDIENCES)}.`);
  const created = EPOCH + random.int(0, 700) * DAY + random.int(0, DAY - 1);
  const id = `doc-${String(index).padStart(4, '0')}`;
  return {
    id,
    type,
    title,
    body: sentences.join(' '),
    abstract: sentences[0] as string,
    category,
    product,
    brand,
    color: random.pick(COLORS),
    language: random.pick(LANGUAGES),
    price: type === 'product' ? random.int(900, 59_900) / 100 : 0,
    tags: random.sample([adjective, product, category, ...random.sample(ADJECTIVES, 2)], 3),
    url: `https://shop.example.com/${type}/${id}`,
    createdAt: new Date(created).toISOString(),
    modifiedAt: new Date(created + random.int(0, 90) * DAY).toISOString(),
    popularity: Math.round(random.next() * 1000) / 1000,
    restricted: random.chance(0.15),
  };
}

function titleFor(
  random: Random,
  type: DocumentType,
  words: { brand: string; adjective: string; product: string },
): string {
  if (type === 'product') return `${words.brand} ${capitalise(words.adjective)} ${words.product}`;
  if (type === 'faq') return `${capitalise(words.product)} FAQ: ${words.brand} support`;
  if (type === 'manual') return `${words.brand} ${words.product} user manual`;
  return capitalise(
    random
      .pick(ARTICLE_TITLES)
      .replace('{noun}', words.product)
      .replace('{adjective}', words.adjective),
  );
}
