import {
  type Application,
  Comment,
  type Context,
  Converter,
  type DeclarationReflection,
  ReflectionKind,
} from 'typedoc';
import ts from 'typescript';

/**
 * A type alias of an indexed access (`components['schemas']['SearchPage']`, how vendor packages name
 * the generated response types) would render as that opaque expression. TypeDoc's
 * `@useDeclaredType` makes it convert the resolved type instead, so the page lists the fields.
 */
export function expandSchemaAliases(app: Application): void {
  app.converter.on(
    Converter.EVENT_CREATE_DECLARATION,
    (context: Context, reflection: DeclarationReflection) => {
      if (!reflection.kindOf(ReflectionKind.TypeAlias)) return;
      const symbol = context.getSymbolFromReflection(reflection);
      const declaration = symbol?.getDeclarations()?.find(ts.isTypeAliasDeclaration);
      if (!declaration || !ts.isIndexedAccessTypeNode(declaration.type)) return;
      reflection.comment ??= new Comment();
      reflection.comment.modifierTags.add('@useDeclaredType');
    },
  );
}
