import { fork } from 'node:child_process';

export interface Vendor {
  origin: string;
  tokenRequests(): Promise<number>;
  reset(): Promise<void>;
  close(): void;
}

/** Starts the stand-in vendor (server.mjs) in a child process on a loopback port. */
export function startVendor(): Promise<Vendor> {
  const child = fork(new URL('./server.mjs', import.meta.url), { stdio: 'inherit' });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('message', (message) => {
      const origin = `http://127.0.0.1:${(message as { port: number }).port}`;
      resolve({
        origin,
        async tokenRequests() {
          const stats = (await (await fetch(`${origin}/stats`)).json()) as {
            tokenRequests: number;
          };
          return stats.tokenRequests;
        },
        async reset() {
          await (await fetch(`${origin}/reset`)).text();
        },
        close: () => child.kill(),
      });
    });
  });
}
