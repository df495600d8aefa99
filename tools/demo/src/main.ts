import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

// Until every vendor package and the simulators exist, the demo lists what the workspace holds.
const packagesDir = join(import.meta.dirname, '..', '..', '..', 'packages');
console.log('searchauth packages in this workspace:\n');
for (const name of (await readdir(packagesDir)).sort()) {
  const manifest = JSON.parse(await readFile(join(packagesDir, name, 'package.json'), 'utf8'));
  console.log(`  ${manifest.name.padEnd(36)} ${manifest.description ?? ''}`);
}
