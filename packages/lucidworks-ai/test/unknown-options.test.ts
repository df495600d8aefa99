import { describe, expect, it } from 'vitest';
import { createLucidworksAIClient, type LucidworksAIClientOptions } from '../src/index.js';

const valid: LucidworksAIClientOptions = {
  applicationId: 'app-1',
  customerId: 'cust-1',
  clientId: 'id',
  clientSecret: 'secret',
};

describe('createLucidworksAIClient: unknown options', () => {
  it('refuses a misspelt option with the closest known name', () => {
    expect(() => createLucidworksAIClient({ ...valid, customerID: 'c' } as never)).toThrow(
      'createLucidworksAIClient: unknown option customerID; did you mean customerId? (lucidworks-ai)',
    );
  });

  it('accepts the identity options, basicEncoding included', () => {
    createLucidworksAIClient({ ...valid, basicEncoding: 'plain', authServerId: 'aus1' }).dispose();
  });
});
