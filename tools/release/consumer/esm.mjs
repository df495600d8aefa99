// ESM consumer: every package is loaded with import().
import { runParts } from './dist/run-parts.js';

await runParts((name) => import(name), 'esm');
