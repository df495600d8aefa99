import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOSTS } from '../src/hosts.js';
import { defaultCredentials, type Simulator, startSimulator, VENDORS } from '../src/index.js';
import type { SimState } from '../src/state.js';
import { USE_CASES } from '../src/vendors/ai-catalog.js';
import { originOf, SAMPLE, samplePath } from './support/sample-paths.js';
import {
  findOperation,
  loadSpec,
  loadSpecsOf,
  SPEC_NAMES,
  SPECS,
  specsOf,
} from './support/spec-validator.js';

describe('specs and simulator agree on the endpoints', () => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await startSimulator();
  });
  afterAll(() => sim.stop());

  it.each(VENDORS)('%s has a spec', (vendor) => {
    expect(specsOf(vendor)).not.toEqual([]);
  });

  it.each(SPEC_NAMES)('the %s spec exists', (name) => {
    expect(existsSync(SPECS[name].file), SPECS[name].file).toBe(true);
  });

  it.each(SPEC_NAMES)('the simulator serves every operation of the %s spec', async (name) => {
    const spec = await loadSpec(name);
    if (!spec) return;
    const vendor = SPECS[name].vendor;
    const origins = HOSTS.filter((h) => h.vendor === vendor).map((h) => originOf(sim, h.id));
    const missing: string[] = [];
    for (const op of spec.operations) {
      const path = samplePath(op.template);
      let served = false;
      for (const origin of origins) {
        await fetch(`${origin}${path}`, { method: op.method }).then((r) => r.arrayBuffer());
        if (sim.requests.at(-1)?.endpoint !== 'unknown') served = true;
      }
      if (!served) missing.push(`${op.method} ${op.template}`);
    }
    expect(missing).toEqual([]);
  });

  it.each(VENDORS)('every %s route is in one of its specs', async (vendor) => {
    const specs = await loadSpecsOf(vendor);
    if (specs.length === 0) return;
    const state = { credentials: defaultCredentials() } as SimState;
    const routes = HOSTS.filter((h) => h.vendor === vendor).flatMap((h) => h.routes(state));
    const extra = routes
      .filter((r) => {
        const path = r.path.replace(/:(\w+)/g, (_m, name: string) => SAMPLE[name] ?? 'x');
        return !specs.some((spec) => findOperation(spec, r.method, path));
      })
      .map((r) => `${r.method} ${r.path}`);
    expect(extra).toEqual([]);
  });
});

describe('catalogue names come from the spec', () => {
  it("the Lucidworks AI simulator serves exactly the spec's KnownUseCase slugs", async () => {
    const spec = await loadSpec('lucidworks-ai');
    if (!spec) throw new Error('specs/lucidworks-ai.yaml is missing');
    const { schemas } = spec.doc.components as { schemas: Record<string, { enum?: string[] }> };
    expect(Object.keys(USE_CASES).sort()).toEqual([...(schemas.KnownUseCase?.enum ?? [])].sort());
  });
});
