import { SearchAuthError } from '@searchauth/core';
import type { SimulatorCredentials, SimulatorUrls, VendorName } from './types.js';

/** Builds the URL table from the started hosts' origins; vendors not started throw on access. */
export function buildUrls(
  origins: ReadonlyMap<string, string>,
  credentials: SimulatorCredentials,
  started: readonly VendorName[],
): SimulatorUrls {
  const o = (id: string) => origins.get(id) as string;
  const lwToken = (vendor: 'lucidworks-springboard' | 'lucidworks-ai') =>
    `${o(`${vendor}:identity`)}/oauth2/${credentials[vendor].authServerId}/v1/token`;
  const table: { [V in VendorName]: () => SimulatorUrls[V] } = {
    sparque: () => ({
      tokenUrl: `${o('sparque:auth')}/api/auth`,
      authBaseUrl: o('sparque:auth'),
      baseUrl: o('sparque:api'),
    }),
    'lucidworks-springboard': () => ({
      tokenUrl: lwToken('lucidworks-springboard'),
      identityBaseUrl: o('lucidworks-springboard:identity'),
      baseUrl: o('lucidworks-springboard:api'),
    }),
    'lucidworks-ai': () => ({
      tokenUrl: lwToken('lucidworks-ai'),
      identityBaseUrl: o('lucidworks-ai:identity'),
      baseUrl: o('lucidworks-ai:api'),
      platformBaseUrl: o('lucidworks-ai:platform'),
    }),
    squirro: () => ({
      tokenUrl: `${o('squirro:api')}/api/user/oauth2/token`,
      baseUrl: o('squirro:api'),
    }),
    oauth2: () => ({ tokenUrl: `${o('oauth2:api')}/oauth/v2/token`, baseUrl: o('oauth2:api') }),
  };
  const urls = {} as SimulatorUrls;
  for (const vendor of Object.keys(table) as VendorName[]) {
    if (started.includes(vendor)) {
      Object.defineProperty(urls, vendor, {
        enumerable: true,
        value: Object.freeze(table[vendor]()),
      });
      continue;
    }
    Object.defineProperty(urls, vendor, {
      enumerable: false,
      get: () => {
        throw new SearchAuthError(
          'ERR_INVALID_OPTIONS',
          `the ${vendor} simulator was not started (see the vendors option)`,
        );
      },
    });
  }
  return Object.freeze(urls);
}
