import { SearchAuthError } from './errors.js';
import { isSecret } from './secret.js';

const text = (v: unknown) => typeof v === 'string' && !!v.trim();
const object = (v: unknown) => typeof v === 'object' && v !== null;
const number = (v: unknown) => typeof v === 'number' && v >= 0 && v < Infinity;

/** What an option must be, by the letter after its name in a rule (see `checkOptions`). */
const KINDS: Record<string, [string, (value: unknown) => unknown]> = {
  s: ['a non-empty string', text],
  c: ['a non-empty string or a Secret', (v) => isSecret(v) || text(v)],
  a: ['a string or strings', (v) => [v].flat().every(text) && `${v}`],
  u: ['a URL or URLs', (v) => [v].flat().every((url) => URL.canParse(url as string)) && `${v}`],
  n: ['a number >= 0', number],
  p: ['a number > 0', (v) => number(v) && v],
  b: ['a boolean', (v) => typeof v === 'boolean'],
  f: ['a function', (v) => typeof v === 'function'],
  o: ['an object', object],
  x: ['an object or false', (v) => v === false || object(v)],
};

/** Edit distance, ignoring case: `apiBaseURL` is 0 away from `apiBaseUrl`. */
function distance(a: string, b: string): number {
  let row = [...Array(b.length + 1).keys()];
  for (const char of a.toLowerCase()) {
    const next = [(row[0] as number) + 1];
    [...b.toLowerCase()].map((other, j) =>
      next.push(
        Math.min(
          (row[j] as number) + +(char !== other),
          (row[j + 1] as number) + 1,
          (next[j] as number) + 1,
        ),
      ),
    );
    row = next;
  }
  return row[b.length] as number;
}

/**
 * Checks an options object at runtime: JavaScript callers and options built in variables get no
 * compile-time check. `rules` lists the known names separated by spaces, each followed by what it
 * must be: `name:s` (see KINDS), `name:s!` required, `name:a|b` one of the strings, a bare name
 * checked by the caller. An unknown name (with the closest known one), a missing required option
 * or a value of the wrong kind is ERR_INVALID_OPTIONS naming the option, never quoting the value.
 */
export function checkOptions(
  options: unknown,
  rules: string,
  where: string,
  vendor?: string,
): void {
  const fail = (message: string) =>
    new SearchAuthError('ERR_INVALID_OPTIONS', `${where}: ${message}`, { vendor });
  if (!object(options)) throw fail('options must be an object');
  const parsed = rules.split(' ').map((rule) => rule.split(':') as [string, string?]);
  const names = parsed.map(([name]) => name);
  for (const name in options as object) {
    if (!names.includes(name)) {
      const near = names.sort((a, b) => distance(name, a) - distance(name, b))[0] as string;
      throw fail(
        `unknown option ${name}${distance(name, near) < 3 + name.length / 4 ? `; did you mean ${near}?` : ''}`,
      );
    }
  }
  for (const [name, rule = ''] of parsed) {
    const value = (options as Record<string, unknown>)[name];
    const [what, test] = KINDS[rule.replace('!', '')] ?? [
      `one of ${rule.replace(/\|/g, ', ')}`,
      (v: unknown) => !rule || rule.split('|').includes(v as string),
    ];
    if (value === undefined ? rule.endsWith('!') : !test(value))
      throw fail(`${name} must be ${what}`);
  }
}

/** The options every vendor client passes through to core (`ClientOptions`), checked there. */
export const CLIENT_OPTIONS =
  'refreshMarginSeconds store storeTimeoutMs fetch clock random onEvent retry timeoutMs allowInsecureHttp';

/** Checks every option of `createTokenManager`, its key included. */
export function checkManagerOptions(options: unknown): void {
  const where = 'createTokenManager';
  checkOptions(
    options,
    'source:f! key:o! defaultLifetimeSeconds:p refreshMarginSeconds:n mintRevokesPrevious:b expectJwt:b store:o clock:o random:f onEvent:f storeTimeoutMs:p tokenRequestTimeoutMs:p',
    where,
  );
  const { key } = options as { key: { vendor?: string } };
  checkOptions(
    key,
    'vendor:s! tokenUrl:s! clientId:c! scope:s tenant:s audience:s resource:a extraParams:o',
    `${where} key`,
    key.vendor,
  );
}
