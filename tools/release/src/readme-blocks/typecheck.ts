import ts from 'typescript';
import { type BlockFile, readmeLocation } from './program.js';

/** How the blocks are compiled: as a Node ESM project and as a bundler project (Vite, Next...). */
export const RESOLUTIONS: Record<string, ts.CompilerOptions> = {
  nodenext: {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    lib: ['lib.es2023.d.ts'],
  },
  bundler: {
    module: ts.ModuleKind.Preserve,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.es2023.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
  },
};

/**
 * Typechecks every block file in one program per resolution (one tsc program is far faster than one
 * per block). Returns each diagnostic as `README.md:LINE (resolution) TSxxxx: message`.
 */
export function typecheckBlocks(dir: string, files: BlockFile[]): string[] {
  const problems: string[] = [];
  for (const [name, resolution] of Object.entries(RESOLUTIONS)) {
    const options: ts.CompilerOptions = {
      ...resolution,
      target: ts.ScriptTarget.ES2022,
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      types: ['node'],
      typeRoots: [`${dir}/node_modules/@types`],
      moduleDetection: ts.ModuleDetectionKind.Force,
    };
    const program = ts.createProgram(
      files.map((f) => f.path),
      options,
    );
    for (const d of ts.getPreEmitDiagnostics(program)) {
      const message = ts.flattenDiagnosticMessageText(d.messageText, '\n  ');
      const file = d.file && files.find((f) => f.path === d.file?.fileName);
      if (d.file && file && d.start !== undefined) {
        const { line } = d.file.getLineAndCharacterOfPosition(d.start);
        problems.push(`${readmeLocation(file, line + 1)} (${name}) TS${d.code}: ${message}`);
      } else {
        problems.push(`${d.file?.fileName ?? 'tsc'} (${name}) TS${d.code}: ${message}`);
      }
    }
  }
  return problems;
}
