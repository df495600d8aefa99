import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function decodeVlq(segment: string): number[] {
  const values: number[] = [];
  let value = 0;
  let shift = 0;
  for (const char of segment) {
    const digit = BASE64.indexOf(char);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
      continue;
    }
    values.push(value & 1 ? -(value >>> 1) : value >>> 1);
    value = 0;
    shift = 0;
  }
  return values;
}

/**
 * Where line `line` (1-based) of a built `.d.ts` came from, read from its declaration map
 * (`.d.ts.map`, which every package builds): the source file and 1-based line, or undefined.
 */
export function originalPosition(
  dts: string,
  line: number,
): { file: string; line: number } | undefined {
  const mapFile = `${dts}.map`;
  if (!existsSync(mapFile)) return undefined;
  const map = JSON.parse(readFileSync(mapFile, 'utf8')) as {
    sources: string[];
    mappings: string;
    sourceRoot?: string;
  };
  let source = 0;
  let sourceLine = 0;
  const lines = map.mappings.split(';');
  for (let i = 0; i < lines.length && i < line; i++) {
    for (const segment of (lines[i] ?? '').split(',')) {
      if (!segment) continue;
      const [, sourceDelta = 0, lineDelta = 0] = decodeVlq(segment);
      source += sourceDelta;
      sourceLine += lineDelta;
      if (i === line - 1) {
        const name = map.sources[source];
        return name === undefined
          ? undefined
          : { file: resolve(dirname(dts), map.sourceRoot ?? '', name), line: sourceLine + 1 };
      }
    }
  }
  return undefined;
}
