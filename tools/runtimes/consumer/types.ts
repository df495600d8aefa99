// Typechecked under moduleResolution nodenext and bundler: the published types as a user sees them.
import { createTokenManager, isSearchAuthError, type SearchAuthErrorCode } from '@searchauth/core';
import { createLucidworksAIClient } from '@searchauth/lucidworks-ai';
import { createSpringboardClient } from '@searchauth/lucidworks-springboard';
import { createOAuth2Client } from '@searchauth/oauth2';
import { createSparqueClient } from '@searchauth/sparque';
import { createSquirroClient } from '@searchauth/squirro';

interface Paths {
  '/v1/search': {
    get: { responses: { 200: { content: { 'application/json': { items: string[] } } } } };
  };
}

export async function typed(): Promise<number> {
  const api = createOAuth2Client<Paths>({
    baseUrl: 'https://api.example.test',
    clientId: 'id',
    clientSecret: 's',
  });
  const { data } = await api.client.GET('/v1/search');
  const code: SearchAuthErrorCode = 'ERR_UNAUTHORIZED';
  void [
    createTokenManager,
    isSearchAuthError,
    createLucidworksAIClient,
    createSpringboardClient,
    createSparqueClient,
    createSquirroClient,
    code,
  ];
  return data?.items.length ?? 0;
}
