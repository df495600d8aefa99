import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const REPO_LINK =
  /href="https:\/\/github\.com\/searchauth\/searchauth\/(?:blob|tree)\/main\/([^"#]+)(?:#L(\d+))?"/g;
// What markdown-it's fuzzy linkify made of bare words: <a href="http://ASP.NET">ASP.NET</a>.
const FUZZY_LINK = /<a href="http:\/\/([^"/]+)">\1<\/a>/g;

export interface DocsLinkCheck {
  checked: number;
  problems: string[];
}

/**
 * Every link of the generated site into the repository ("Defined in", README links) names a file or
 * folder that exists, at a line the file has; and no bare word was turned into a link.
 */
export function checkDocsLinks(site: string, root: string): DocsLinkCheck {
  const problems: string[] = [];
  let checked = 0;
  const lineCounts = new Map<string, number>();
  for (const page of htmlFiles(site)) {
    const html = readFileSync(page, 'utf8');
    const where = relative(site, page);
    for (const [, path = '', line] of html.matchAll(REPO_LINK)) {
      checked++;
      const file = join(root, decodeURIComponent(path));
      if (!existsSync(file)) {
        problems.push(`${where}: links to ${path}, which is not in the repository`);
        continue;
      }
      if (line === undefined || statSync(file).isDirectory()) continue;
      if (!lineCounts.has(file))
        lineCounts.set(file, readFileSync(file, 'utf8').split('\n').length);
      if (Number(line) > (lineCounts.get(file) ?? 0))
        problems.push(`${where}: links to ${path}#L${line}, past the end of the file`);
    }
    for (const [, word] of html.matchAll(FUZZY_LINK))
      problems.push(`${where}: the bare word ${word} became a link`);
  }
  return { checked, problems: [...new Set(problems)] };
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) return htmlFiles(full);
    return entry.name.endsWith('.html') ? [full] : [];
  });
}
