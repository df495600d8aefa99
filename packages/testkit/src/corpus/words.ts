// Vocabulary for the generated corpus: a made-up outdoor and electronics shop, so that queries such
// as "waterproof jacket" or "wireless headphones" find a plausible handful of documents.

export const CATEGORIES = {
  electronics: [
    'laptop',
    'headphones',
    'speaker',
    'monitor',
    'keyboard',
    'camera',
    'router',
    'tablet',
  ],
  outdoor: [
    'jacket',
    'tent',
    'backpack',
    'boots',
    'sleeping bag',
    'headlamp',
    'stove',
    'trekking poles',
  ],
  home: ['kettle', 'lamp', 'desk', 'chair', 'blender', 'coffee grinder', 'rug', 'shelf'],
  sports: [
    'running shoes',
    'bicycle',
    'helmet',
    'yoga mat',
    'dumbbells',
    'swimsuit',
    'racket',
    'ball',
  ],
} as const;

export type Category = keyof typeof CATEGORIES;

export const BRANDS = [
  'Nordwind',
  'Alpenglow',
  'Kestrel',
  'Lumina',
  'Brightfield',
  'Tidewater',
  'Ironbark',
  'Solace',
] as const;

export const COLORS = [
  'black',
  'white',
  'red',
  'blue',
  'green',
  'grey',
  'orange',
  'yellow',
] as const;

export const ADJECTIVES = [
  'compact',
  'lightweight',
  'waterproof',
  'wireless',
  'ergonomic',
  'durable',
  'foldable',
  'premium',
  'quiet',
  'insulated',
  'portable',
  'smart',
] as const;

export const FEATURES = [
  'a long battery life',
  'recycled materials',
  'a two-year warranty',
  'reinforced seams',
  'fast charging',
  'a low-noise motor',
  'breathable fabric',
  'an adjustable fit',
  'a scratch-resistant finish',
  'USB-C power',
  'a carrying case',
  'energy-saving standby',
] as const;

export const AUDIENCES = [
  'commuters',
  'families',
  'beginners',
  'professionals',
  'students',
  'weekend hikers',
  'small offices',
  'travellers',
] as const;

export const ARTICLE_TITLES = [
  'How to choose a {noun}',
  'Caring for your {noun}',
  'The {adjective} {noun} buying guide',
  '{noun} setup in five steps',
  'Why a {adjective} {noun} is worth it',
] as const;

export const DOCUMENT_TYPES = ['product', 'article', 'faq', 'manual'] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

export const LANGUAGES = ['en', 'en', 'en', 'de', 'nl'] as const;
