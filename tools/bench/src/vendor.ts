import { fork } from 'node:child_process';

/** What the stand-in vendor counted for one client id. */
export interface ClientStats {
  tokenRequests: number;
  /** Epoch ms of every token request, to find the busiest second. */
  tokenTimes: number[];
  apiRequests: number;
  /** 401s the API sent to this client (expired, revoked or unknown token). */
  unauthorized: number;
}

/** The stand-in vendor (server.mjs) in a child process, and its control endpoints. */
export interface Vendor {
  origin: string;
  /** Token lifetime and revoke-on-mint behaviour per client id. */
  configure(
    clients: Record<string, { lifetimeSeconds?: number; revokeOnMint?: boolean }>,
  ): Promise<void>;
  /** Every token request answers `status` (with `headers`) until called with undefined. */
  outage(status?: number, headers?: Record<string, string>): Promise<void>;
  stats(clientId: string): Promise<ClientStats>;
  /**
   * 401s sent for a bearer token the server never issued ("Bearer undefined" before a library has
   * a token); only sequential scenarios can attribute them, as a difference across one run.
   */
  unknownUnauthorized(): Promise<number>;
  reset(): Promise<void>;
  close(): void;
}

const EMPTY: ClientStats = { tokenRequests: 0, tokenTimes: [], apiRequests: 0, unauthorized: 0 };

/** Starts server.mjs on a free loopback port; control calls bypass the bench's pooled fetch. */
export function startVendor(send: typeof fetch): Promise<Vendor> {
  const child = fork(new URL('./server.mjs', import.meta.url), { stdio: 'inherit' });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('message', (message) => {
      const origin = `http://127.0.0.1:${(message as { port: number }).port}`;
      const post = async (path: string, value: unknown = {}) =>
        (
          await send(`${origin}${path}`, { method: 'POST', body: JSON.stringify(value) })
        ).json() as Promise<Record<string, ClientStats>>;
      resolve({
        origin,
        configure: async (clients) => void (await post('/__config', clients)),
        outage: async (status, headers) => void (await post('/__outage', { status, headers })),
        stats: async (clientId) => (await post('/__stats'))[clientId] ?? EMPTY,
        unknownUnauthorized: async () => (await post('/__stats')).unknown?.unauthorized ?? 0,
        reset: async () => void (await post('/__reset')),
        close: () => child.kill(),
      });
    });
  });
}
