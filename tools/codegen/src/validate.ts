import { relative } from 'node:path';
import { createConfig, lint, type NormalizedProblem } from '@redocly/openapi-core';

/** A spec problem, located by file and JSON pointer so the author can go straight to it. */
export interface SpecProblem {
  file: string;
  pointer: string;
  message: string;
}

let configPromise: ReturnType<typeof createConfig> | undefined;

// `minimal` is structural validity plus unresolved $refs as errors; style rules are for reviewers.
function config() {
  configPromise ??= createConfig({
    extends: ['minimal'],
    rules: { struct: 'error', 'no-unresolved-refs': 'error' },
  });
  return configPromise;
}

export async function validateSpec(spec: string, root: string): Promise<SpecProblem[]> {
  const problems = await lint({ ref: spec, config: await config() });
  return problems.filter((p) => p.severity === 'error').map((p) => toSpecProblem(p, root));
}

function toSpecProblem(problem: NormalizedProblem, root: string): SpecProblem {
  const where = problem.location[0];
  return {
    file: where ? relative(root, where.source.absoluteRef) : '(unknown file)',
    pointer: where?.pointer ?? '#/',
    message: problem.message,
  };
}

export function formatProblem(p: SpecProblem): string {
  return `${p.file} ${p.pointer}: ${p.message}`;
}
