import { describe, expect, it } from 'vitest';
import { checkConventions, checkPackageDir, formatProblems } from '../src/conventions.js';
import type { Manifest } from '../src/workspace.js';
import { publishedPackages } from '../src/workspace.js';

const good: Manifest = {
  name: '@searchauth/widget',
  version: '1.0.0',
  description: 'A widget.',
  type: 'module',
  license: 'MIT',
  sideEffects: false,
  engines: { node: '>=20.19' },
  exports: {
    '.': { types: './dist/index.d.ts', default: './dist/index.js' },
    './package.json': './package.json',
  },
  files: ['dist', 'src'],
  scripts: { build: 'tsc -p tsconfig.build.json' },
  dependencies: { '@searchauth/core': 'workspace:^', jose: '6.2.18' },
  keywords: ['search'],
  repository: {
    type: 'git',
    url: 'git+https://github.com/searchauth/searchauth.git',
    directory: 'packages/widget',
  },
  publishConfig: { access: 'public', provenance: true },
};

const README = '# widget\n\nESM only; `require()` works on Node.js >= 20.19.';

/** `readme: null` stands for a package without README.md. */
const check = (manifest: Manifest, readme: string | null = README) =>
  checkConventions({ manifest, relDir: 'packages/widget', readFile: () => readme ?? undefined });

const without = (field: string): Manifest => {
  const copy = structuredClone(good);
  delete copy[field];
  return copy;
};

describe('checkConventions', () => {
  it('accepts a package that follows every convention', () => {
    expect(check(good)).toEqual([]);
  });

  it.each<[string, { given: Manifest; readme?: string | null; want: string[] }]>([
    ['wrong name', { given: { ...good, name: '@searchauth/other' }, want: ['name'] }],
    ['no description', { given: without('description'), want: ['description'] }],
    ['commonjs type', { given: { ...good, type: 'commonjs' }, want: ['type'] }],
    ['no type', { given: without('type'), want: ['type'] }],
    ['no exports', { given: without('exports'), want: ['exports'] }],
    [
      'types not first',
      {
        given: {
          ...good,
          exports: {
            '.': { default: './dist/index.js', types: './dist/index.d.ts' },
            './package.json': './package.json',
          },
        },
        want: ['exports["."]', 'exports["."]'],
      },
    ],
    [
      'no default condition',
      {
        given: {
          ...good,
          exports: {
            '.': { types: './a.d.ts', import: './a.js' },
            './package.json': './package.json',
          },
        },
        want: ['exports["."]'],
      },
    ],
    [
      'no ./package.json export',
      {
        given: { ...good, exports: { '.': { types: './a.d.ts', default: './a.js' } } },
        want: ['exports["./package.json"]'],
      },
    ],
    ['no files', { given: without('files'), want: ['files'] }],
    ['empty files', { given: { ...good, files: [] }, want: ['files'] }],
    ['sideEffects missing', { given: without('sideEffects'), want: ['sideEffects'] }],
    ['sideEffects true', { given: { ...good, sideEffects: true }, want: ['sideEffects'] }],
    ['old node', { given: { ...good, engines: { node: '>=18' } }, want: ['engines.node'] }],
    ['no engines', { given: without('engines'), want: ['engines.node'] }],
    [
      'repository without directory',
      {
        given: {
          ...good,
          repository: { type: 'git', url: 'git+https://github.com/searchauth/searchauth.git' },
        },
        want: ['repository'],
      },
    ],
    [
      'repository as a string',
      { given: { ...good, repository: 'searchauth/searchauth' }, want: ['repository'] },
    ],
    [
      'no provenance',
      { given: { ...good, publishConfig: { access: 'public' } }, want: ['publishConfig'] },
    ],
    ['no publishConfig', { given: without('publishConfig'), want: ['publishConfig'] }],
    ['no license', { given: without('license'), want: ['license'] }],
    ['no keywords', { given: without('keywords'), want: ['keywords'] }],
    ['empty keywords', { given: { ...good, keywords: [] }, want: ['keywords'] }],
    ['no README', { given: good, readme: null, want: ['README.md'] }],
    ['empty README', { given: good, readme: '  \n', want: ['README.md'] }],
    ['no build script', { given: { ...good, scripts: {} }, want: ['scripts.build'] }],
    [
      'a build that cleans dist before tsc',
      {
        given: { ...good, scripts: { build: 'node clean.js && tsc -p tsconfig.build.json' } },
        want: [],
      },
    ],
    [
      'a build that is not tsc with the build config',
      {
        given: { ...good, scripts: { build: 'tsc -p tsconfig.json && cp x dist' } },
        want: ['scripts.build'],
      },
    ],
    [
      'pinned internal dependency',
      {
        given: { ...good, dependencies: { '@searchauth/core': '^1.0.0' } },
        want: ['dependencies.@searchauth/core'],
      },
    ],
    [
      'bin in build output',
      { given: { ...good, bin: { widget: './dist/cli.js' } }, want: ['bin.widget'] },
    ],
    [
      'bin as a committed shim',
      { given: { ...good, bin: { widget: './bin/widget.js' } }, want: [] },
    ],
    [
      'missing bin file',
      { given: { ...good, bin: './bin/widget.js' }, readme: null, want: ['README.md', 'bin'] },
    ],
    ['README without the ESM note', { given: good, readme: '# widget', want: ['README.md'] }],
  ])('%s', (_name, { given, readme = README, want }) => {
    const problems = check(given, readme);
    expect(problems.map((p) => p.field)).toEqual(want);
    expect(problems.every((p) => p.pkg === (given.name ?? 'packages/widget'))).toBe(true);
  });

  it('formats one line per problem naming package and field', () => {
    expect(formatProblems(check(without('sideEffects')))).toBe(
      '  @searchauth/widget: sideEffects must be false',
    );
  });
});

describe('every published package under packages/', () => {
  const packages = publishedPackages();

  it('includes @searchauth/core', () => {
    expect(packages.map((p) => p.name)).toContain('@searchauth/core');
  });

  it.each(packages.map((p) => [p.name, p] as const))(
    '%s follows the package conventions',
    (_n, p) => {
      const problems = checkPackageDir(p.dir, p.relDir, p.manifest);
      expect(problems, `\n${formatProblems(problems)}`).toEqual([]);
    },
  );
});
