// `pnpm docs`: one TypeDoc site (docs-site/) for every published package. The entry points are the
// published packages found at run time, so a new package is documented without editing the config.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Application, OptionDefaults } from 'typedoc';
import { checkDocsLinks } from '../docs/check-links.js';
import { expandSchemaAliases } from '../docs/expand-schema-aliases.js';
import { linkSourcesToRepository } from '../docs/source-links.js';
import { step } from '../log.js';
import { type PublishedPackage, repoRoot, selectPackages } from '../workspace.js';

const OPENAPI_TYPESCRIPT_TAGS = [
  '@description',
  '@enum',
  '@constant',
  '@format',
  '@default',
] as const;

const configFile = fileURLToPath(new URL('../../typedoc.json', import.meta.url));
const config = JSON.parse(readFileSync(configFile, 'utf8')) as { packageOptions: object };

export async function buildDocs(packages: PublishedPackage[]): Promise<string> {
  return step(`docs: TypeDoc for ${packages.length} packages`, async () => {
    const app = await Application.bootstrapWithPlugins({
      options: configFile,
      entryPoints: packages.map((p) => p.dir),
      packageOptions: {
        ...config.packageOptions,
        // openapi-typescript writes JSDoc-style tags into the generated types.
        blockTags: [...new Set([...OptionDefaults.blockTags, ...OPENAPI_TYPESCRIPT_TAGS])],
      },
      // Bare words like CONTRIBUTING.md, ASP.NET or api.lucidworks.com are not links; full URLs are.
      markdownItLoader: (parser: { linkify: { set(options: { fuzzyLink: boolean }): void } }) => {
        parser.linkify.set({ fuzzyLink: false });
      },
    });
    linkSourcesToRepository(app, repoRoot());
    expandSchemaAliases(app);
    const project = await app.convert();
    if (!project || app.logger.hasErrors())
      throw new Error('TypeDoc could not convert the packages');
    const out = app.options.getValue('out');
    await app.generateDocs(project, out);
    if (app.logger.hasErrors()) throw new Error('TypeDoc failed to write the site');
    const links = checkDocsLinks(out, repoRoot());
    if (links.problems.length > 0)
      throw new Error(`docs: broken or unwanted links:\n  ${links.problems.join('\n  ')}`);
    console.log(`[release] docs: ${links.checked} links into the repository resolve`);
    console.log(`[release] docs written to ${out.replace(`${repoRoot()}/`, '')}/index.html`);
    return out;
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  buildDocs(selectPackages(process.argv.slice(2))).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
