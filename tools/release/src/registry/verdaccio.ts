import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { registryConfig } from './config.js';

export interface Registry {
  url: string;
  pid: number;
  /** An npm user config file holding this registry's auth token (pass as NPM_CONFIG_USERCONFIG). */
  npmrc: string;
  /** Stops the registry by PID: SIGTERM, then SIGKILL after a grace period. Safe to call twice. */
  stop(): Promise<void>;
}

const serverScript = fileURLToPath(new URL('./server.ts', import.meta.url));
const releaseDir = fileURLToPath(new URL('../..', import.meta.url));

/** Starts verdaccio in a child process with a throwaway config and storage under `workDir`. */
export async function startRegistry(workDir: string, uplink: string): Promise<Registry> {
  mkdirSync(workDir, { recursive: true });
  const configPath = join(workDir, 'verdaccio.yaml');
  writeFileSync(configPath, registryConfig({ storage: join(workDir, 'storage'), uplink }));
  const child = spawn(process.execPath, ['--import', 'tsx', serverScript, configPath], {
    cwd: releaseDir,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stop = stopper(child);
  // Whatever happens to this process, the registry goes with it.
  process.once('exit', () => child.exitCode === null && child.kill('SIGKILL'));
  try {
    const port = await waitForPort(child, 60_000);
    const url = `http://127.0.0.1:${port}/`;
    const token = await createUser(url);
    const npmrc = join(workDir, 'npmrc');
    writeFileSync(npmrc, `registry=${url}\n//127.0.0.1:${port}/:_authToken=${token}\n`);
    return { url, pid: child.pid ?? -1, npmrc, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

function waitForPort(child: ChildProcess, timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(
      () => fail(`verdaccio did not start within ${timeoutMs} ms`),
      timeoutMs,
    );
    const fail = (reason: string) => {
      clearTimeout(timer);
      reject(new Error(`${reason}\n${output}`));
    };
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening (\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        // Keep draining the pipes so a chatty registry never blocks on a full buffer.
        child.stdout?.removeListener('data', onData);
        child.stdout?.on('data', () => {});
        resolve(Number(match[1]));
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('exit', (code) => fail(`verdaccio exited with ${code} before listening`));
  });
}

/** Registers a throwaway user (verdaccio's adduser endpoint) and returns its token. */
async function createUser(url: string): Promise<string> {
  const name = 'searchauth-release';
  const response = await fetch(new URL(`-/user/org.couchdb.user:${name}`, url), {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      name,
      password: `pw-${process.pid}-${Date.now()}`,
      type: 'user',
      roles: [],
    }),
  });
  const body = (await response.json()) as { token?: string };
  if (!response.ok || !body.token) {
    throw new Error(`verdaccio refused to create a user: HTTP ${response.status}`);
  }
  return body.token;
}

function stopper(child: ChildProcess): () => Promise<void> {
  let stopping: Promise<void> | undefined;
  return () => {
    stopping ??= new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const kill = setTimeout(() => child.kill('SIGKILL'), 5000);
      child.once('exit', () => {
        clearTimeout(kill);
        resolve();
      });
      child.kill('SIGTERM');
    });
    return stopping;
  };
}
