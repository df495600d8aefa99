import { format } from 'node:util';
import { afterEach, beforeEach, vi } from 'vitest';

/**
 * Everything the code under test prints through any console method while a test runs, as a terminal
 * would show it (console itself stays silent). Call at the top of a test file.
 */
export function captureConsole(): () => string {
  let printed: string[] = [];
  beforeEach(() => {
    printed = [];
    for (const method of ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const) {
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
        printed.push(format(...args));
      });
    }
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });
  return () => printed.join('\n');
}
