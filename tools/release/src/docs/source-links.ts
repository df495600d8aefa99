import { relative, sep } from 'node:path';
import { type Application, type Context, Converter, type SourceReference } from 'typedoc';
import { originalPosition } from './declaration-map.js';

export const REPOSITORY_BLOB = 'https://github.com/searchauth/searchauth/blob/main';

/**
 * "Defined in" links that open the file in the repository: the path from the repository root (not
 * from the package), a `.d.ts` under a package's dist (a type from another @searchauth package) mapped
 * to its source through the declaration map, and no link at all into node_modules (TypeScript's lib).
 */
export function linkSourcesToRepository(app: Application, root: string): void {
  app.converter.on(Converter.EVENT_RESOLVE_END, (context: Context) => {
    for (const reflection of Object.values(context.project.reflections)) {
      const sources =
        'sources' in reflection ? (reflection.sources as SourceReference[] | undefined) : undefined;
      for (const source of sources ?? []) {
        let file = source.fullFileName;
        let line = source.line;
        if (/\.d\.ts$/.test(file) && file.includes(`${sep}dist${sep}`)) {
          const original = originalPosition(file, line);
          if (original) {
            file = original.file as typeof file;
            line = original.line;
          }
        }
        const path = relative(root, file).split(sep).join('/');
        if (path.startsWith('..') || path.includes('node_modules/') || file.endsWith('.d.ts')) {
          source.url = undefined;
          continue;
        }
        source.fileName = path as typeof source.fileName;
        source.line = line;
        source.url = `${REPOSITORY_BLOB}/${path}#L${line}`;
      }
    }
  });
}
