import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Cluster } from 'ioredis';
import { startRedis, type TestRedis } from './redis-server.js';

const SLOTS = 16384;

/**
 * A throwaway three-master Redis Cluster on loopback: each node owns a third of the slots, so keys
 * without a shared hash tag land on different nodes and a script touching them fails (CROSSSLOT).
 */
export async function startRedisCluster(size = 3) {
  const dir = mkdtempSync(join(tmpdir(), 'searchauth-cluster-'));
  const nodes: TestRedis[] = await Promise.all(
    Array.from({ length: size }, (_, i) =>
      startRedis([
        '--cluster-enabled',
        'yes',
        '--cluster-config-file',
        join(dir, `nodes-${i}.conf`),
        '--dir',
        dir,
      ]),
    ),
  );
  const admins = nodes.map((node) => node.client());
  await Promise.all(
    admins.map((admin, i) => {
      const first = Math.floor((SLOTS * i) / size);
      const last = Math.floor((SLOTS * (i + 1)) / size) - 1;
      return admin.call('CLUSTER', 'ADDSLOTSRANGE', first, last);
    }),
  );
  for (const node of nodes.slice(1)) {
    await admins[0]?.call('CLUSTER', 'MEET', '127.0.0.1', node.port);
  }
  for (;;) {
    const infos = await Promise.all(admins.map((admin) => admin.call('CLUSTER', 'INFO')));
    if (infos.every((info) => String(info).includes('cluster_state:ok'))) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const clusters: Cluster[] = [];
  return {
    nodes,
    client() {
      const cluster = new Cluster(nodes.map((node) => ({ host: '127.0.0.1', port: node.port })));
      cluster.on('error', () => {});
      clusters.push(cluster);
      return cluster;
    },
    async stop() {
      for (const cluster of clusters) cluster.disconnect();
      await Promise.all(nodes.map((node) => node.stop()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
