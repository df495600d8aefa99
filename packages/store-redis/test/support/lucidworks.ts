import type { TokenStore } from '@searchauth/core';
import {
  createLucidworksAIClient,
  type LucidworksAIClient,
  type LucidworksAIClientOptions,
} from '@searchauth/lucidworks-ai';

/** Where the testkit's Lucidworks AI simulator listens, and its test credentials. */
export interface LucidworksTarget {
  identityBaseUrl: string;
  apiBaseUrl: string;
  platformBaseUrl: string;
  applicationId: string;
  customerId: string;
  clientId: string;
  clientSecret: string;
}

/** The simulator's Lucidworks AI part as a plain object a child process can receive as JSON. */
export function lucidworksTarget(sim: {
  urls: { 'lucidworks-ai': { identityBaseUrl: string; baseUrl: string; platformBaseUrl: string } };
  credentials: { 'lucidworks-ai': Omit<LucidworksTarget, `${string}Url`> };
}): LucidworksTarget {
  const urls = sim.urls['lucidworks-ai'];
  const { applicationId, customerId, clientId, clientSecret } = sim.credentials['lucidworks-ai'];
  return {
    identityBaseUrl: urls.identityBaseUrl,
    apiBaseUrl: urls.baseUrl,
    platformBaseUrl: urls.platformBaseUrl,
    applicationId,
    customerId,
    clientId,
    clientSecret,
  };
}

export function aiClient(
  target: LucidworksTarget,
  store: TokenStore,
  options: Partial<LucidworksAIClientOptions> = {},
): LucidworksAIClient {
  return createLucidworksAIClient({ ...target, store, ...options });
}

export const embed = (ai: LucidworksAIClient, text: string) =>
  ai.predict('embedding', 'gte-small', { batch: [{ text }] });
