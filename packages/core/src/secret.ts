import { remember } from './redact.js';
import { sha256Hex } from './sha256.js';

const REDACTED = '[redacted]';
const INSPECT = Symbol.for('nodejs.util.inspect.custom');
// A registered symbol: a Secret made by another copy of this package (two versions side by side)
// is still recognised, and revealed through its own method.
const BRAND = Symbol.for('searchauth.secret');
// Kept off the instance so that spreading, Object.entries and structured logging see nothing.
const values = new WeakMap<Secret, string>();

/**
 * Wraps a credential so that printing, logging or serialising it shows `[redacted]`.
 * Only `reveal()` returns the value; call it at the one place that puts it on the wire.
 */
export class Secret {
  constructor(value: string) {
    if (typeof value !== 'string' || !value) throw new TypeError('Secret needs a non-empty string');
    values.set(this, value);
    remember(value);
  }

  /** Accepts a string or an existing Secret (of any copy of this package), so options can take either. */
  static from(value: string | Secret): Secret {
    return isSecret(value) ? value : new Secret(value);
  }

  /** The brand `isSecret` looks for. */
  get [BRAND](): true {
    return true;
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

/** True for a Secret from any copy of this package. */
export const isSecret = (value: unknown): value is Secret =>
  typeof value === 'object' && (value as Record<symbol, unknown> | null)?.[BRAND] === true;

/** The value of a Secret, or the string itself. */
export const reveal = (value: string | Secret | undefined) =>
  isSecret(value) ? value.reveal() : value;

/** A short, stable, non-reversible label for a credential or token: the first 12 hex of SHA-256. */
export const fingerprint = async (value: string | Secret): Promise<string> =>
  (await sha256Hex(reveal(value) as string)).slice(0, 12);
