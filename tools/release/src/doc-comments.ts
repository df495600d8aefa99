import ts from 'typescript';

/** An exported symbol whose declaration has no `/** ... *\/` comment. */
export interface Undocumented {
  name: string;
  kind: string;
  /** `file:line` of the declaration that needs the comment. */
  where: string;
}

/**
 * Every symbol exported from `entry` (following re-exports to the declaration) that has neither a
 * documentation comment nor a JSDoc tag. What TypeDoc renders for a symbol is exactly this comment,
 * so an undocumented export is a blank page in the API reference.
 */
export function findUndocumentedExports(entry: string): Undocumented[] {
  const program = ts.createProgram([entry], {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    noEmit: true,
    types: [],
    skipLibCheck: true,
  });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(entry);
  if (!source) throw new Error(`cannot read ${entry}`);
  const moduleSymbol = checker.getSymbolAtLocation(source);
  if (!moduleSymbol) return [];

  return checker.getExportsOfModule(moduleSymbol).flatMap((exported) => {
    const symbol =
      exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    const declarations = symbol.getDeclarations() ?? [];
    const documented =
      symbol.getDocumentationComment(checker).length > 0 ||
      declarations.some((d) => ts.getJSDocCommentsAndTags(d).length > 0);
    if (documented) return [];
    const first = declarations[0];
    const file = first?.getSourceFile();
    const line = first && file ? file.getLineAndCharacterOfPosition(first.getStart()).line + 1 : 0;
    return [
      {
        name: exported.getName(),
        kind: first ? ts.SyntaxKind[first.kind] : 'unknown',
        where: file ? `${file.fileName}:${line}` : '(no declaration)',
      },
    ];
  });
}
