const REDACTED = '[redacted]';
const INSPECT = Symbol.for('nodejs.util.inspect.custom');
// Kept off the instance so that spreading, Object.entries and structured logging see nothing.
const values = new WeakMap<Secret, string>();

/**
 * Wraps a credential so that printing, logging or serialising it shows `[redacted]`.
 * Only `reveal()` returns the value; call it at the one place that puts it on the wire.
 */
export class Secret {
  constructor(value: string) {
    if (typeof value !== 'string' || value.length === 0) {
      throw new TypeError('Secret needs a non-empty string');
    }
    values.set(this, value);
  }

  /** Accepts a string or an existing Secret, so options can take either. */
  static from(value: string | Secret): Secret {
    return value instanceof Secret ? value : new Secret(value);
  }

  reveal(): string {
    return values.get(this) as string;
  }

  toString(): string {
    return REDACTED;
  }

  toJSON(): string {
    return REDACTED;
  }

  [INSPECT](): string {
    return `Secret(${REDACTED})`;
  }
}

/** A short, stable, non-reversible label for a credential or token: the first 12 hex of SHA-256. */
export async function fingerprint(value: string | Secret): Promise<string> {
  const text = typeof value === 'string' ? value : value.reveal();
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest).slice(0, 6), (b) =>
    b.toString(16).padStart(2, '0'),
  ).join('');
}

/** Replaces every occurrence of the given secrets in a text; for messages built from server replies. */
export function redact(text: string, secrets: ReadonlyArray<string | Secret | undefined>): string {
  let out = text;
  for (const secret of secrets) {
    const value = secret instanceof Secret ? secret.reveal() : secret;
    if (value && value.length >= 4) out = out.split(value).join(REDACTED);
  }
  return out;
}
