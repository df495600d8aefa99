export {
  CLIENT_USAGE,
  type SimulatorClientOptions,
  simulatorClientOptions,
} from './client-options.js';
export type { Corpus, CorpusDocument } from './corpus/generate.js';
export { DEFAULT_CORPUS_SIZE, generateCorpus } from './corpus/generate.js';
export { type Hit, search } from './corpus/search.js';
export { defaultCredentials, LUCIDWORKS_AUTH_SERVER_ID } from './credentials.js';
export { describeSimulator } from './describe.js';
export type { Fault, FaultKind, FaultTarget, MalformedTokenBody } from './faults.js';
export { type Simulator, startSimulator } from './simulator.js';
export {
  type MintRecord,
  type RequestRecord,
  type SimulatorCredentials,
  type SimulatorOptions,
  type SimulatorUrls,
  VENDORS,
  type VendorName,
} from './types.js';
