import { describe, expect, it } from 'vitest';
import { checkReadmeBlocks } from '../src/readme-blocks/check-readmes.js';
import { extractBlocks } from '../src/readme-blocks/extract.js';
import { readmeLocation } from '../src/readme-blocks/program.js';

describe('extractBlocks', () => {
  const markdown = [
    '# x', //                                              1
    '```sh', //                                            2
    'npm i x', //                                          3
    '```', //                                              4
    '<!-- compile: ./gen/api.ts from @x/y/gen/api.ts -->', // 5
    '```ts', //                                            6
    "import { a } from 'x';", //                           7
    '```', //                                              8
    'Then:', //                                            9
    '```ts fragment', //                                  10
    'a();', //                                            11
    '```', //                                             12
    '```json', //                                         13
    '{ "a": "```ts" }', //                                14
    '```', //                                             15
  ].join('\n');

  it('finds ts blocks with their first line, fragment flag and companion files', () => {
    expect(extractBlocks(markdown, 'README.md')).toEqual([
      {
        readme: 'README.md',
        line: 7,
        code: "import { a } from 'x';",
        fragment: false,
        companions: [{ path: './gen/api.ts', from: '@x/y/gen/api.ts' }],
      },
      { readme: 'README.md', line: 11, code: 'a();', fragment: true, companions: [] },
    ]);
  });

  it('maps a line of a fragment file back to the README line it came from', () => {
    const [full, fragment] = extractBlocks(markdown, 'README.md');
    if (!full || !fragment) throw new Error('blocks missing');
    const file = {
      path: 'blocks/x/index.ts',
      parts: [
        { firstLine: 1, block: full },
        { firstLine: 2, block: fragment },
      ],
    };
    expect(readmeLocation(file, 1)).toBe('README.md:7');
    expect(readmeLocation(file, 2)).toBe('README.md:11');
  });
});

// Packs every published package (they must be built: turbo runs the builds first) and compiles
// every README block in one program per resolution, plus one broken block that must be reported.
describe('every README ts block', () => {
  it('compiles as an npm consumer would paste it, under nodenext and bundler', async () => {
    const broken = {
      readme: 'test/broken.md',
      line: 3,
      code: "import { createOAuth2Client } from '@searchauth/oauth2';\nconst n: number = createOAuth2Client;",
      fragment: false,
      companions: [],
    };
    const started = performance.now();
    const { blocks, problems } = await checkReadmeBlocks(undefined, [broken]);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`README blocks: ${blocks - 1} checked under 2 resolutions in ${seconds} s`);

    expect(blocks).toBeGreaterThan(10);
    const own = problems.filter((p) => p.startsWith('test/broken.md'));
    expect(own.map((p) => p.replace(/: Type[\s\S]*/, ''))).toEqual([
      'test/broken.md:4 (nodenext) TS2322',
      'test/broken.md:4 (bundler) TS2322',
    ]);
    expect(
      problems.filter((p) => !own.includes(p)),
      'README blocks that do not compile',
    ).toEqual([]);
  }, 600_000);
});
