import { measureCacheHit } from './cache-hit.js';
import { printFleet } from './fleet-print.js';
import { measureOverhead } from './overhead.js';
import { measureSize } from './size.js';
import { measureStampede } from './stampede.js';
import { startVendor } from './vendor.js';

const vendor = await startVendor();
const failures: string[] = [];
try {
  const started = performance.now();
  const overhead = await measureOverhead(vendor);
  const stampede = await measureStampede(vendor);
  const hit = await measureCacheHit();
  const size = await measureSize();
  const round = (n: number) => Math.round(n).toLocaleString('en');

  console.log('@searchauth/core bench (one run, loopback node:http server in a child process)\n');
  console.log(
    `request overhead   plain fetch ${round(overhead.plainRps)} req/s, authenticated fetch ` +
      `${round(overhead.authRps)} req/s -> ratio ${overhead.ratio.toFixed(3)} (target <= 1.05)`,
  );
  console.log(
    `  client CPU       plain ${overhead.plainCpuUs.toFixed(0)} µs/request, authenticated ` +
      `${overhead.authCpuUs.toFixed(0)} µs/request -> ratio ${overhead.cpuRatio.toFixed(3)}`,
  );
  console.log(
    `cold stampede      ${stampede.requests.toLocaleString('en')} concurrent requests -> ` +
      `${stampede.tokenRequests} token request(s), ${stampede.ok} x 200 in ${round(stampede.ms)} ms (target: exactly 1)`,
  );
  console.log(
    `cache hit          getToken() ${hit.getToken.toFixed(0)} ns/op (an awaited async no-op: ${hit.baseline.toFixed(0)} ns/op)`,
  );
  console.log(
    `bundle size        ${size.minBytes.toLocaleString('en')} B min, ${size.gzipBytes.toLocaleString('en')} B min+gzip, jose excluded (target <= 5,000${size.gzipBytes > 5000 ? ': over' : ''})`,
  );
  failures.push(...(await printFleet()));
  console.log(`\ntook ${((performance.now() - started) / 1000).toFixed(1)} s`);
  if (overhead.ratio > 1.05) failures.push('request overhead above 1.05');
  if (stampede.tokenRequests !== 1) failures.push('stampede made more than one token request');
  if (stampede.ok !== stampede.requests) failures.push('stampede lost requests');
} finally {
  vendor.close();
}
if (failures.length > 0) {
  console.log(`\nmissed: ${failures.join('; ')}`);
  process.exitCode = 1;
}
