// Child process: one throwaway verdaccio on 127.0.0.1 and a port the OS picks. The parent reads the
// "listening <port>" line from stdout and stops us by PID; if the parent dies first we exit too, so
// a killed test run never leaves a registry behind.
import type { AddressInfo } from 'node:net';
import { runServer } from 'verdaccio';

const configPath = process.argv[2];
if (!configPath) throw new Error('usage: server.ts <config.yaml>');

const server = await runServer(configPath);
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  process.stdout.write(`listening ${port}\n`);
});

const parent = process.ppid;
const orphanWatch = setInterval(() => {
  // Re-parented (our parent died) or the parent PID is gone: nobody will stop us, so stop now.
  if (process.ppid !== parent) process.exit(0);
  try {
    process.kill(parent, 0);
  } catch {
    process.exit(0);
  }
}, 500);

process.on('SIGTERM', () => {
  clearInterval(orphanWatch);
  server.close(() => process.exit(0));
  server.closeAllConnections?.();
  setTimeout(() => process.exit(0), 2000).unref();
});
