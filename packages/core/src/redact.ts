/**
 * Every token, refresh token and secret this copy of core has seen, so that error text built from
 * server replies or from causes can be scrubbed of them. Bounded: the oldest are forgotten first.
 * Shorter values are not kept: replacing them would mangle ordinary words of a message.
 */
const known = new Set<string>();

/** Remembers `value` as a secret to scrub from error text. */
export function remember(value: string | undefined): void {
  if (value && value.length > 7 && !known.has(value)) {
    known.add(value);
    if (known.size > 512) known.delete(known.values().next().value as string);
  }
}

/** `text` with every known secret replaced by `[redacted]`. */
export function scrub(text: string): string {
  for (const value of known) text = text.split(value).join('[redacted]');
  return text;
}

/**
 * The cause, or, when its message, stack or own cause quotes a known secret, a scrubbed copy (same
 * name and message, cleaned cause); a string cause is scrubbed.
 */
export function cleanCause(cause: unknown): unknown {
  if (!(cause instanceof Error)) return typeof cause === 'string' ? scrub(cause) : cause;
  const inner = cleanCause(cause.cause);
  const text = cause.message + cause.stack;
  return scrub(text) === text && inner === cause.cause
    ? cause
    : Object.assign(new Error(scrub(cause.message), { cause: inner }), { name: cause.name });
}

/**
 * The low-level code (ECONNREFUSED, ENOTFOUND, CERT_HAS_EXPIRED, ...) a network failure carries,
 * often two causes deep inside fetch's own error.
 */
export function lowLevelCode(cause: unknown): string | undefined {
  for (let depth = 0; cause && depth < 5; depth++) {
    const { code } = cause as { code?: unknown };
    if (/^[A-Z][A-Z\d_]+$/.test(code as string)) return code as string;
    cause = (cause as { cause?: unknown }).cause;
  }
}
