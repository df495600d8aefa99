import type { SimClock } from './clock.js';
import type { Corpus } from './corpus/generate.js';
import type { FaultBook } from './faults.js';
import type { TokenRegistry } from './tokens.js';
import type { SimulatorCredentials, VendorName } from './types.js';

/** Everything the vendor routes share inside one simulator. */
export interface SimState {
  clock: SimClock;
  tokens: TokenRegistry;
  corpus: Corpus;
  faults: FaultBook;
  credentials: SimulatorCredentials;
  /** Access-token lifetime in seconds for a vendor. */
  lifetime(vendor: VendorName): number;
  /** Base URLs of started hosts by role (e.g. `lucidworks-ai:identity`), filled in after listen. */
  origins: Map<string, string>;
  asyncPollsUntilReady: number;
  sparque: {
    /** False for a `Data Provider` account: every Query API call answers 401. */
    apiUsage: boolean;
  };
  squirro: {
    /** Refresh token -> state; unknown ones are absent (the token endpoint answers 404). */
    refreshTokens: Map<string, 'valid' | 'revoked'>;
    rotate: boolean;
    /** A login hands back the user's still-valid access token (multi-node clusters). */
    reuseAccessTokens: boolean;
    /** Mints the next refresh token (for rotation and `issueRefreshToken`). */
    nextRefreshToken(): string;
  };
}
