import { SearchAuthError } from './errors.js';
import { isSecret } from './secret.js';

/**
 * What an option must be, by its rule's first letter; `!` at the end makes it required, `|a|b`
 * lists the allowed strings and `-` leaves the check to the caller (a vendor's own resolver).
 */
const text = (v: unknown) => typeof v === 'string' && !!v.trim();
const object = (v: unknown) => typeof v === 'object' && v !== null;
const KINDS: Record<string, [string, (value: unknown) => boolean]> = {
  s: ['a non-empty string', text],
  c: ['a non-empty string or a Secret', (v) => isSecret(v) || text(v)],
  a: ['a non-empty string or an array of them', (v) => [v].flat().every(text) && `${v}` !== ''],
  n: ['a finite number >= 0', (v) => typeof v === 'number' && v >= 0 && v < Infinity],
  p: ['a finite number > 0', (v) => typeof v === 'number' && v > 0 && v < Infinity],
  b: ['true or false', (v) => typeof v === 'boolean'],
  f: ['a function', (v) => typeof v === 'function'],
  o: ['an object', object],
  x: ['an object or false', (v) => v === false || object(v)],
  '|': ['', (v) => typeof v === 'string'],
  '-': ['', () => true],
};

/** Edit distance, ignoring case: `apiBaseURL` is 0 away from `apiBaseUrl`. */
function distance(a: string, b: string): number {
  let row = [...Array(b.length + 1).keys()];
  for (const char of a.toLowerCase()) {
    const next = [(row[0] as number) + 1];
    for (let j = 0; j < b.length; j++) {
      const cost = (row[j] as number) + +(char !== b[j]?.toLowerCase());
      next.push(Math.min(cost, (row[j + 1] as number) + 1, (next[j] as number) + 1));
    }
    row = next;
  }
  return row[b.length] as number;
}

/**
 * Checks an options object against `rules` (option name -> rule, see KINDS) at runtime: JavaScript
 * callers and options built in variables get no compile-time check. An unknown name, a missing
 * required option or a value of the wrong kind is ERR_INVALID_OPTIONS naming the option (and, for an
 * unknown name, the closest known one); the value is never quoted.
 */
export function checkOptions(
  options: unknown,
  rules: Record<string, string>,
  where: string,
  vendor?: string,
): void {
  const fail = (message: string) =>
    new SearchAuthError('ERR_INVALID_OPTIONS', `${where}: ${message}`, { vendor });
  if (!object(options)) throw fail('options must be an object');
  const names = Object.keys(rules);
  for (const name of Object.keys(options as object)) {
    if (!names.includes(name)) {
      const near = names.sort((a, b) => distance(name, a) - distance(name, b))[0] as string;
      const hint =
        distance(name, near) <= Math.max(2, name.length / 3) ? `; did you mean ${near}?` : '';
      throw fail(`unknown option ${name}${hint}`);
    }
  }
  for (const name of names) {
    const rule = rules[name] as string;
    const value = (options as Record<string, unknown>)[name];
    const [what, test] = KINDS[rule[0] as string] as [string, (value: unknown) => boolean];
    const allowed = rule.split('|').slice(1);
    if (
      value === undefined
        ? rule.endsWith('!')
        : !test(value) || (allowed.length > 0 && !allowed.includes(value as string))
    ) {
      throw fail(`${name} must be ${what || `one of ${allowed.join(', ')}`}`);
    }
  }
}

/** The options every vendor client passes through to core (`ClientOptions`), checked there. */
export const CLIENT_OPTIONS: Record<string, string> = {
  refreshMarginSeconds: '-',
  store: '-',
  fetch: '-',
  clock: '-',
  random: '-',
  onEvent: '-',
  retry: '-',
  timeoutMs: '-',
  allowInsecureHttp: '-',
};

/** Checks every option of `createTokenManager`, its key included. */
export function checkManagerOptions(options: unknown): void {
  const where = 'createTokenManager';
  checkOptions(
    options,
    {
      source: 'f!',
      key: 'o!',
      defaultLifetimeSeconds: 'p',
      refreshMarginSeconds: 'n',
      mintRevokesPrevious: 'b',
      expectJwt: 'b',
      store: 'o',
      clock: 'o',
      random: 'f',
      onEvent: 'f',
      storeTimeoutMs: 'p',
      tokenRequestTimeoutMs: 'p',
    },
    where,
  );
  const { key } = options as { key: { vendor?: string } };
  checkOptions(
    key,
    {
      vendor: 's!',
      tokenUrl: 's!',
      clientId: 'c!',
      scope: 's',
      tenant: 's',
      audience: 's',
      resource: 'a',
      extraParams: 'o',
    },
    `${where} key`,
    key.vendor,
  );
}
