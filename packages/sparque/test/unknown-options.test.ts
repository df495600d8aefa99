import { describe, expect, it } from 'vitest';
import { createSparqueClient, type SparqueClientOptions } from '../src/index.js';

const valid: SparqueClientOptions = { workspace: 'shop', clientId: 'id', clientSecret: 'secret' };

describe('createSparqueClient: unknown options', () => {
  it('refuses a misspelt option instead of falling back to the production host', () => {
    expect(() =>
      createSparqueClient({ ...valid, apiBaseURL: 'https://x.example' } as never),
    ).toThrow('createSparqueClient: unknown option apiBaseURL; did you mean apiBaseUrl? (sparque)');
  });

  it('accepts every documented option', () => {
    const client = createSparqueClient({
      ...valid,
      api: 'search',
      authBaseUrl: 'https://uat.api.search.sparque.ai',
      apiBaseUrl: 'https://rest.sparque.ai',
      version: 2,
      authContentType: 'application/json',
      defaultLifetimeSeconds: 600,
      tokenTimeoutMs: 1000,
      refreshMarginSeconds: 60,
      retry: false,
      timeoutMs: 5000,
    });
    client.dispose();
  });
});
