import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, onTestFinished } from 'vitest';

const CLI = fileURLToPath(new URL('../src/cli.ts', import.meta.url));
// Each test spawns node + tsx: generous, since the machine may be busy with other test runs.
const SPAWN_TIMEOUT_MS = 60_000;

function runCli(args: string[]) {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], {
    cwd: fileURLToPath(new URL('..', import.meta.url)),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr.on('data', (chunk) => {
    output += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  // A failed assertion must not leave the simulator running after the test.
  onTestFinished(() => void (child.exitCode === null && child.kill()));
  // Polls until the text appears or the process exits; the per-test timeout bounds the wait, so a
  // slow start under load (tsx compiling the CLI) is not mistaken for a failure.
  const waitFor = async (text: string) => {
    while (!output.includes(text) && child.exitCode === null) {
      await new Promise((r) => setTimeout(r, 25));
    }
    return output;
  };
  return { child, exited, waitFor, output: () => output };
}

describe('searchauth-sim CLI', { timeout: SPAWN_TIMEOUT_MS }, () => {
  it('prints every vendor URL and credential, serves curl-able requests, and stops on SIGINT', async () => {
    const cli = runCli(['--port', '0', '--vendors', 'oauth2,squirro']);
    await cli.waitFor('Ctrl-C stops it');
    // Output arrives in chunks: wait for the last vendor's block before reading the whole of it.
    await cli.waitFor('refreshToken');
    await cli.waitFor('sim-oauth2-secret');
    await cli.waitFor('oauth/v2/token\n');
    const tokenUrl = /for curl\): (http:\/\/127\.0\.0\.1:\d+\/oauth\/v2\/token)/.exec(
      cli.output(),
    )?.[1];
    // Each vendor's client, created with options in its own names.
    expect(cli.output()).toMatch(
      /const client = createOAuth2Client\(\{\n {2}baseUrl: 'http:\/\/127/,
    );
    expect(cli.output()).toMatch(/const client = createSquirroClient\(\{\n {2}clusterUrl: 'http:/);
    expect(cli.output()).toContain("refreshToken: 'sim-squirro-user-token',");
    expect(cli.output()).toContain("clientSecret: 'sim-oauth2-secret',");
    expect(tokenUrl).toBeDefined();
    const res = await fetch(tokenUrl as string, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from('sim-oauth2-client:sim-oauth2-secret').toString('base64')}`,
      },
      body: new URLSearchParams({ grant_type: 'client_credentials' }),
    });
    expect(res.status).toBe(200);
    cli.child.kill('SIGINT');
    expect(await cli.exited).toBe(0);
    expect(cli.output()).toContain('simulator stopped');
  });

  it('starts the Squirro and SPARQUE modes from flags', async () => {
    const cli = runCli([
      '--port',
      '0',
      '--vendors',
      'sparque,squirro',
      '--squirro-reuses-access-tokens',
      '--sparque-account-role',
      'Data Provider',
    ]);
    await cli.waitFor('sim-squirro-revoked-token');
    const clusterUrl = /clusterUrl: '(http:[^']+)'/.exec(cli.output())?.[1] as string;
    const login = () =>
      fetch(`${clusterUrl}/api/user/oauth2/token`, {
        method: 'POST',
        body: new URLSearchParams({
          grant_type: 'refresh_token',
          refresh_token: 'sim-squirro-user-token',
        }),
      }).then((r) => r.json() as Promise<{ access_token: string }>);
    expect((await login()).access_token).toBe((await login()).access_token);
    cli.child.kill('SIGINT');
    expect(await cli.exited).toBe(0);
  });

  it('exits 1 with usage on a bad option', async () => {
    const cli = runCli(['--vendors', 'acme']);
    expect(await cli.exited).toBe(1);
    expect(cli.output()).toMatch(/unknown vendor/);
    expect(cli.output()).toMatch(/Usage: npx -p @searchauth\/testkit searchauth-sim/);
  });
});
