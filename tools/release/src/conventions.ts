import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Manifest } from './workspace.js';

/** One broken rule: which package, which package.json field (or file), and what is expected. */
export interface Problem {
  pkg: string;
  field: string;
  message: string;
}

export interface ConventionInput {
  manifest: Manifest;
  /** Folder relative to the repository root, e.g. `packages/core`. */
  relDir: string;
  /** Reads a file of the package; undefined when it does not exist. */
  readFile: (name: string) => string | undefined;
}

export const REQUIRED_NODE_RANGE = '>=20.19';
export const REPOSITORY_URL = 'git+https://github.com/searchauth/searchauth.git';

type Rule = (input: ConventionInput) => Array<[field: string, message: string]>;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const rules: Rule[] = [
  ({ manifest, relDir }) => {
    const want = `@searchauth/${basename(relDir)}`;
    return manifest.name === want ? [] : [['name', `must be "${want}" (the folder name)`]];
  },
  ({ manifest }) =>
    typeof manifest.description === 'string' && manifest.description.length > 0
      ? []
      : [['description', 'must be a non-empty string (npm shows it in search results)']],
  ({ manifest }) => (manifest.type === 'module' ? [] : [['type', 'must be "module"']]),
  ({ manifest }) => checkExports(manifest.exports),
  ({ manifest }) => {
    const files = manifest.files;
    return Array.isArray(files) && files.length > 0 && files.every((f) => typeof f === 'string')
      ? []
      : [['files', 'must be a non-empty allowlist array, e.g. ["dist", "src"]']];
  },
  ({ manifest }) => (manifest.sideEffects === false ? [] : [['sideEffects', 'must be false']]),
  ({ manifest }) => {
    const engines = manifest.engines;
    return isObject(engines) && engines.node === REQUIRED_NODE_RANGE
      ? []
      : [['engines.node', `must be "${REQUIRED_NODE_RANGE}" (require(esm) works from there)`]];
  },
  ({ manifest, relDir }) => {
    const repo = manifest.repository;
    const want = `{ "type": "git", "url": "${REPOSITORY_URL}", "directory": "${relDir}" }`;
    return isObject(repo) &&
      repo.type === 'git' &&
      repo.url === REPOSITORY_URL &&
      repo.directory === relDir
      ? []
      : [['repository', `must be ${want}`]];
  },
  ({ manifest }) => {
    const config = manifest.publishConfig;
    return isObject(config) && config.access === 'public' && config.provenance === true
      ? []
      : [['publishConfig', 'must be { "access": "public", "provenance": true }']];
  },
  ({ manifest }) => (manifest.license === 'MIT' ? [] : [['license', 'must be "MIT"']]),
  ({ manifest }) => {
    const keywords = manifest.keywords;
    return Array.isArray(keywords) && keywords.length > 0
      ? []
      : [['keywords', 'must be a non-empty array of strings']];
  },
  ({ readFile }) =>
    (readFile('README.md') ?? '').trim().length > 0
      ? []
      : [['README.md', 'must exist and not be empty']],
  ({ readFile }) => {
    const readme = readFile('README.md') ?? '';
    return readme.trim() === '' || (/\bESM\b/.test(readme) && readme.includes('require()'))
      ? []
      : [['README.md', 'must say the package is ESM and that require() works from Node.js 20.19']];
  },
  ({ manifest }) => {
    const scripts = manifest.scripts;
    // The build may clean dist first (a deleted source's old output must not be published).
    return isObject(scripts) &&
      typeof scripts.build === 'string' &&
      /(^|&& )tsc -p tsconfig\.build\.json$/.test(scripts.build)
      ? []
      : [['scripts.build', 'must build with tsc (tsc -p tsconfig.build.json)']];
  },
  ({ manifest, readFile }) => {
    // pnpm links bins at install, before a checkout is built: a bin in dist/ makes every fresh
    // install warn "Failed to create bin". A committed shim that imports dist lazily does not.
    const bin = manifest.bin;
    if (bin === undefined) return [];
    const entries =
      typeof bin === 'string' ? [['bin', bin]] : isObject(bin) ? Object.entries(bin) : [];
    return entries.flatMap(([name, target]): Array<[string, string]> => {
      const field = typeof bin === 'string' ? 'bin' : `bin.${name}`;
      if (typeof target !== 'string') return [[field, 'must be a path']];
      const file = target.replace(/^\.\//, '');
      if (file.startsWith('dist/'))
        return [
          [
            field,
            'must be a committed file (e.g. bin/x.js importing dist lazily), not build output',
          ],
        ];
      return readFile(file) === undefined
        ? [[field, `points at ${target}, which does not exist`]]
        : [];
    });
  },
  ({ manifest }) =>
    (['dependencies', 'peerDependencies', 'optionalDependencies'] as const).flatMap((kind) => {
      const deps = manifest[kind];
      if (!isObject(deps)) return [];
      return Object.entries(deps)
        .filter(([dep, range]) => dep.startsWith('@searchauth/') && range !== 'workspace:^')
        .map(([dep]): [string, string] => [
          `${kind}.${dep}`,
          'internal dependency must be "workspace:^" (pnpm pack rewrites it to a real range)',
        ]);
    }),
];

/** The exports map: every condition object lists "types" first and "default" last, plus "./package.json". */
function checkExports(exports: unknown): Array<[string, string]> {
  if (!isObject(exports) || !isObject(exports['.'])) {
    return [['exports', 'must be an object with a "." entry of conditions']];
  }
  const problems: Array<[string, string]> = [];
  for (const [subpath, target] of Object.entries(exports)) {
    if (!isObject(target)) continue;
    const conditions = Object.keys(target);
    if (conditions[0] !== 'types') {
      problems.push([`exports["${subpath}"]`, 'must list the "types" condition first']);
    }
    if (conditions.at(-1) !== 'default') {
      problems.push([`exports["${subpath}"]`, 'must end with a "default" condition']);
    }
  }
  if (exports['./package.json'] !== './package.json') {
    problems.push(['exports["./package.json"]', 'must be "./package.json"']);
  }
  return problems;
}

/** Every broken convention of one package; empty when the package is fit to publish. */
export function checkConventions(input: ConventionInput): Problem[] {
  const pkg = input.manifest.name ?? input.relDir;
  return rules.flatMap((rule) => rule(input).map(([field, message]) => ({ pkg, field, message })));
}

/** checkConventions() for a package folder on disk. */
export function checkPackageDir(dir: string, relDir: string, manifest: Manifest): Problem[] {
  return checkConventions({
    manifest,
    relDir,
    readFile: (name) =>
      existsSync(join(dir, name)) ? readFileSync(join(dir, name), 'utf8') : undefined,
  });
}

export function formatProblems(problems: Problem[]): string {
  return problems.map((p) => `  ${p.pkg}: ${p.field} ${p.message}`).join('\n');
}
