import { SearchAuthError } from '@searchauth/core';
import { type SimulatorOptions, VENDORS, type VendorName } from './types.js';

const LOOPBACK = '127.0.0.1';
const DEFAULT_LIFETIME: Record<VendorName, number> = {
  sparque: 3600,
  'lucidworks-springboard': 3600,
  'lucidworks-ai': 3600,
  squirro: 600,
  oauth2: 3600,
};

const invalid = (message: string) => new SearchAuthError('ERR_INVALID_OPTIONS', message);

export function checkOptions(options: SimulatorOptions) {
  const host = options.host ?? LOOPBACK;
  // A simulator hands out tokens for fixed, published credentials: never expose it off the machine.
  if (host !== LOOPBACK) throw invalid(`the simulator only listens on ${LOOPBACK}, not ${host}`);
  const port = options.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw invalid('port must be 0..65535');
  const vendors = [...(options.vendors ?? VENDORS)];
  const unknown = vendors.filter((v) => !VENDORS.includes(v));
  if (unknown.length > 0) throw invalid(`unknown vendor(s): ${unknown.join(', ')}`);
  if (options.asyncPollsUntilReady !== undefined && !(options.asyncPollsUntilReady >= 0)) {
    throw invalid('asyncPollsUntilReady must be >= 0');
  }
  if (
    options.corpusSize !== undefined &&
    !(Number.isInteger(options.corpusSize) && options.corpusSize > 0)
  ) {
    throw invalid('corpusSize must be a positive integer');
  }
  const role = options.sparqueAccountRole;
  if (role !== undefined && role !== 'API Usage' && role !== 'Data Provider') {
    throw invalid("sparqueAccountRole must be 'API Usage' or 'Data Provider'");
  }
  lifetimeResolver(options.tokenLifetimeSeconds);
  return { host, port, vendors };
}

/** Per-vendor token lifetime in seconds, from a number, a partial record, or the defaults. */
export function lifetimeResolver(option: SimulatorOptions['tokenLifetimeSeconds']) {
  const table = { ...DEFAULT_LIFETIME };
  if (typeof option === 'number') for (const v of VENDORS) table[v] = option;
  else if (option) Object.assign(table, option);
  for (const [vendor, seconds] of Object.entries(table)) {
    if (!(Number.isInteger(seconds) && seconds > 0)) {
      throw invalid(`tokenLifetimeSeconds for ${vendor} must be a positive integer`);
    }
  }
  return (vendor: VendorName) => table[vendor];
}
