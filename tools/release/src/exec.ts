import { spawn } from 'node:child_process';

export interface RunOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** Print the command's output as it runs instead of only on failure. */
  stream?: boolean;
  timeoutMs?: number;
}

export interface RunResult {
  code: number;
  output: string;
}

/** Runs a command without a shell; returns its exit code and interleaved stdout+stderr. */
export function run(command: string, args: string[], options: RunOptions): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      if (options.stream) process.stdout.write(chunk);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    const timer = setTimeout(() => child.kill('SIGTERM'), options.timeoutMs ?? 300_000);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code: code ?? (signal ? 128 : 1), output });
    });
  });
}

/** Like run(), but a non-zero exit throws an error carrying the command line and its output. */
export async function runOrThrow(
  command: string,
  args: string[],
  options: RunOptions,
): Promise<string> {
  const { code, output } = await run(command, args, options);
  if (code !== 0) {
    throw new Error(
      `\`${[command, ...args].join(' ')}\` exited with ${code} in ${options.cwd}\n${output}`,
    );
  }
  return output;
}

/**
 * The environment of a fresh shell: without the npm_config_* / npm_package_* variables that pnpm sets
 * for scripts (catalog, overrides, registry...), which npm would otherwise read as its own config.
 */
export function userEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !/^(npm|pnpm)_/i.test(key)),
  );
  return { ...env, ...extra };
}
