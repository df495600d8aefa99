import { describe, expect, it } from 'vitest';
import { createSpringboardClient, type SpringboardClientOptions } from '../src/index.js';

const valid: SpringboardClientOptions = {
  applicationId: 'app-1',
  clientId: 'id',
  clientSecret: 's',
};

describe('createSpringboardClient: unknown options', () => {
  it('refuses a misspelt option, also inside push', () => {
    expect(() => createSpringboardClient({ ...valid, combineScopes: true } as never)).toThrow(
      'unknown option combineScopes; did you mean combinedScopes?',
    );
    expect(() => createSpringboardClient({ ...valid, push: { savepath: '/p' } } as never)).toThrow(
      'createSpringboardClient push: unknown option savepath; did you mean savePath?',
    );
  });
});
