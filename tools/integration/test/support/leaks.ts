import { inspect } from 'node:util';

const base64 = (text: string) => Buffer.from(text).toString('base64');

/**
 * How a secret can show up in text: as is, its first or last 24 characters when it is long (a JWT
 * cut short), URL- or form-encoded (a leaked URL or request body), and
 * base64 / base64url (a leaked Basic header or a JWT segment). Base64 of a substring depends on its
 * offset, so the three alignments are covered by encoding the secret behind 0, 1 and 2 filler bytes
 * and keeping only the characters that do not depend on the filler.
 */
export function encodings(secret: string, { cutShort = true } = {}): string[] {
  const forms = new Set([
    secret,
    encodeURIComponent(secret),
    new URLSearchParams({ v: secret }).toString().slice(2),
  ]);
  // A long token cut short (a message capped at 200 characters) still shows its start or end.
  if (cutShort && secret.length > 40) forms.add(secret.slice(0, 24)).add(secret.slice(-24));
  for (let pad = 0; pad < 3; pad++) {
    const encoded = base64(`${'\0'.repeat(pad)}${secret}`);
    // Skip the characters that mix filler bits in and the last block, which mixes padding in.
    const start = Math.ceil((pad * 4) / 3);
    const core = encoded.slice(start, encoded.length - 4);
    if (core.length >= 8) {
      forms.add(core);
      forms.add(core.replaceAll('+', '-').replaceAll('/', '_'));
    }
  }
  return [...forms];
}

/** Every way an error is commonly printed: String, message, stack, JSON, inspect, down the cause chain. */
export function renderings(value: unknown): string[] {
  const texts: string[] = [];
  const seen = new Set<unknown>();
  for (let current = value; current != null && !seen.has(current); ) {
    seen.add(current);
    const error = current as { message?: unknown; stack?: unknown; cause?: unknown };
    texts.push(String(current), String(error.message ?? ''), String(error.stack ?? ''));
    try {
      texts.push(JSON.stringify(current) ?? '');
    } catch {
      // A cyclic value: inspect still shows it.
    }
    texts.push(inspect(current, { depth: 10, showHidden: false }));
    current = typeof current === 'object' ? error.cause : undefined;
  }
  return texts;
}

/** The first secret (in any of its encodings) found in any of `texts`, or undefined. */
export function findLeak(
  texts: readonly string[],
  secrets: Iterable<string>,
  options?: { cutShort?: boolean },
): string | undefined {
  for (const secret of secrets) {
    for (const form of encodings(secret, options)) {
      if (texts.some((text) => text.includes(form))) return secret;
    }
  }
  return undefined;
}
