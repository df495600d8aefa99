import type { Fault, Simulator } from '@searchauth/testkit';
import { SecretLedger } from './secrets.js';
import type { ClientOverrides, VendorCase } from './vendors.js';

/** A fault on a case's API route. */
export const onApi = (c: VendorCase, fault: Fault): Fault => ({
  ...fault,
  vendor: c.vendor,
  endpoint: c.endpoint,
});

/** A fault on the token endpoint of a case's vendor. */
export const onToken = (c: VendorCase, fault: Fault): Fault => ({
  ...fault,
  vendor: c.vendor,
  endpoint: 'token',
});

/** A client of the case whose traffic goes through a fresh SecretLedger. */
export function ledgeredClient(sim: Simulator, c: VendorCase, options: ClientOverrides = {}) {
  const ledger = new SecretLedger(sim);
  const client = c.create(sim, { fetch: ledger.fetch, ...options });
  return { ledger, client };
}
