/** One ```ts block of a README, where it starts, and how it is compiled. */
export interface ReadmeBlock {
  /** README path relative to the repository root. */
  readme: string;
  /** 1-based line of the block's first code line. */
  line: number;
  code: string;
  /** ```ts fragment: continues the nearest full ```ts block above it in the same README. */
  fragment: boolean;
  /**
   * Files the block expects next to it, from `<!-- compile: ./x.ts from <package>/<file> -->` right
   * above the fence: e.g. the types a user generates from the package's example spec.
   */
  companions: Array<{ path: string; from: string }>;
}

const FENCE = /^```ts(?:\s+(.*))?$/;
const COMPANION = /^<!--\s*compile:\s*(\S+)\s+from\s+(\S+)\s*-->$/;

/** Every ```ts block of a Markdown file. Other languages (sh, plain) are not compiled. */
export function extractBlocks(markdown: string, readme: string): ReadmeBlock[] {
  const lines = markdown.split('\n');
  const blocks: ReadmeBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const fence = FENCE.exec(lines[i] ?? '');
    if (!fence) {
      if ((lines[i] ?? '').startsWith('```')) i = closingFence(lines, i);
      continue;
    }
    const end = closingFence(lines, i);
    const companions: ReadmeBlock['companions'] = [];
    for (let j = i - 1; j >= 0 && /^\s*$|^<!--/.test(lines[j] ?? ''); j--) {
      const companion = COMPANION.exec((lines[j] ?? '').trim());
      if (companion?.[1] && companion[2])
        companions.push({ path: companion[1], from: companion[2] });
    }
    blocks.push({
      readme,
      line: i + 2,
      code: lines.slice(i + 1, end).join('\n'),
      fragment: (fence[1] ?? '').split(/\s+/).includes('fragment'),
      companions,
    });
    i = end;
  }
  return blocks;
}

function closingFence(lines: string[], open: number): number {
  for (let j = open + 1; j < lines.length; j++) if (lines[j]?.startsWith('```')) return j;
  return lines.length;
}
