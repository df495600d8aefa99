import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { delimiter, join } from 'node:path';
import { Redis, type RedisOptions } from 'ioredis';

const INSTALL = 'apt-get install -y redis-server';

/** Where `redis-server` is on PATH, or undefined. */
export function findRedisServer(): string | undefined {
  return (process.env.PATH ?? '')
    .split(delimiter)
    .map((dir) => join(dir, 'redis-server'))
    .find((file) => existsSync(file));
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A throwaway redis-server on loopback: no persistence, stopped (and restartable) by its PID. */
export interface TestRedis {
  url: string;
  port: number;
  /** A new client; pass options such as `maxRetriesPerRequest`. Closed by `stop()`. */
  client(options?: RedisOptions): Redis;
  /** Kills the server (SIGKILL), as a crash would. */
  kill(): Promise<void>;
  /** Starts it again on the same port, empty. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts `redis-server --port <free> --save '' --appendonly no` on 127.0.0.1. These tests never
 * skip: without the binary they fail and name the install command.
 */
export async function startRedis(extraArgs: string[] = []): Promise<TestRedis> {
  const binary = findRedisServer();
  const clients: Redis[] = [];
  const external = process.env.REDIS_URL;
  if (!binary && external) return useExternal(external, clients);
  if (!binary) {
    throw new Error(
      `redis-server is not on PATH and REDIS_URL is not set; these tests need one: ${INSTALL} (as root)`,
    );
  }
  const port = await freePort();
  let child: ChildProcess | undefined;

  async function start() {
    const server = spawn(
      binary as string,
      [
        '--port',
        String(port),
        '--bind',
        '127.0.0.1',
        '--save',
        '',
        '--appendonly',
        'no',
        ...extraArgs,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    child = server;
    let output = '';
    await new Promise<void>((resolve, reject) => {
      server.stdout?.on('data', (chunk: Buffer) => {
        output += chunk;
        if (output.includes('Ready to accept connections')) resolve();
      });
      server.once('exit', (code) => reject(new Error(`redis-server exited (${code}): ${output}`)));
    });
  }

  async function kill() {
    const server = child;
    child = undefined;
    if (!server || server.exitCode !== null) return;
    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.kill('SIGKILL');
    await exited;
  }

  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    client(options = {}) {
      const client = new Redis({ host: '127.0.0.1', port, ...options });
      client.on('error', () => {});
      clients.push(client);
      return client;
    },
    kill,
    restart: async () => {
      await kill();
      await start();
    },
    async stop() {
      for (const client of clients) client.disconnect();
      await kill();
    },
  };
}

/** REDIS_URL without a local binary: every test but the crash and restart ones can run. */
function useExternal(url: string, clients: Redis[]): TestRedis {
  const cannot = async () => {
    throw new Error(`killing and restarting Redis needs a local redis-server: ${INSTALL}`);
  };
  return {
    url,
    port: Number(new URL(url).port || 6379),
    client(options = {}) {
      const client = new Redis(url, options);
      client.on('error', () => {});
      clients.push(client);
      return client;
    },
    kill: cannot,
    restart: cannot,
    async stop() {
      for (const client of clients) client.disconnect();
    },
  };
}
