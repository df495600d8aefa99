import type { Route } from './http/route.js';
import type { SimState } from './state.js';
import type { VendorName } from './types.js';
import { lucidworksAiRoutes, lucidworksPlatformRoutes } from './vendors/lucidworks-ai.js';
import { lucidworksIdentityRoutes } from './vendors/lucidworks-identity.js';
import { oauth2Routes } from './vendors/oauth2.js';
import { sparqueAuthRoutes, sparqueQueryRoutes } from './vendors/sparque.js';
import { springboardRoutes } from './vendors/springboard.js';
import { squirroRoutes } from './vendors/squirro.js';

/** One simulated vendor host. The order is fixed: with `port: P`, host i listens on P + i. */
export interface HostDefinition {
  /** `vendor:role`, e.g. `lucidworks-ai:platform`. */
  id: string;
  vendor: VendorName;
  routes(state: SimState): Route[];
}

export const HOSTS: readonly HostDefinition[] = [
  { id: 'sparque:auth', vendor: 'sparque', routes: sparqueAuthRoutes },
  { id: 'sparque:api', vendor: 'sparque', routes: sparqueQueryRoutes },
  {
    id: 'lucidworks-springboard:identity',
    vendor: 'lucidworks-springboard',
    routes: (s) => lucidworksIdentityRoutes(s, 'lucidworks-springboard'),
  },
  { id: 'lucidworks-springboard:api', vendor: 'lucidworks-springboard', routes: springboardRoutes },
  {
    id: 'lucidworks-ai:identity',
    vendor: 'lucidworks-ai',
    routes: (s) => lucidworksIdentityRoutes(s, 'lucidworks-ai'),
  },
  { id: 'lucidworks-ai:api', vendor: 'lucidworks-ai', routes: lucidworksAiRoutes },
  { id: 'lucidworks-ai:platform', vendor: 'lucidworks-ai', routes: lucidworksPlatformRoutes },
  { id: 'squirro:api', vendor: 'squirro', routes: squirroRoutes },
  { id: 'oauth2:api', vendor: 'oauth2', routes: oauth2Routes },
];
