import { type Simulator, type SimulatorOptions, startSimulator } from '@searchauth/testkit';
import { afterAll, beforeAll, beforeEach } from 'vitest';

/**
 * One simulator per test file, started before its tests and stopped after them. Before each test
 * the faults and logs are cleared and every live token is revoked, so a test starts without
 * server-side state (SPARQUE would otherwise hand a new client the token a previous test left).
 */
export function useSimulator(options: SimulatorOptions = {}): () => Simulator {
  let sim: Simulator | undefined;
  beforeAll(async () => {
    sim = await startSimulator(options);
  });
  afterAll(async () => {
    await sim?.stop();
  });
  beforeEach(() => {
    sim?.clearFaults();
    sim?.revokeTokens();
    sim?.resetLog();
  });
  return () => {
    if (!sim) throw new Error('the simulator has not started');
    return sim;
  };
}

/**
 * Waits out an injected latency. A request its client gave up on (a timeout) is still being
 * answered by the server that long, and its log entry must not land in the next test's log.
 */
export function waitOutLatency(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms + 50));
}
