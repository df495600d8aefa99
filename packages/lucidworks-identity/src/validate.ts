import { checkBaseUrl, isSecret, SearchAuthError, Secret } from '@searchauth/core';

/** The option checks `optionChecks(vendor)` returns. */
export type OptionChecks = ReturnType<typeof optionChecks>;

/**
 * Checks for a client factory's options. Every failure is ERR_INVALID_OPTIONS naming the option
 * (ERR_INSECURE_URL for plain http), with `vendor` set so the error says whose client refused it.
 */
export function optionChecks(vendor: string) {
  /** ERR_INVALID_OPTIONS with `message`. */
  const invalid = (message: string) =>
    new SearchAuthError('ERR_INVALID_OPTIONS', message, { vendor });

  /** A non-blank string that also matches `pattern`; `rule` says what a mismatch breaks. */
  const text = (value: unknown, name: string, pattern = /./, rule = ''): string => {
    if (typeof value !== 'string' || !value.trim()) {
      throw invalid(`${name} is required and must be a non-empty string`);
    }
    if (!pattern.test(value)) throw invalid(`${name} ${rule}`);
    return value;
  };

  return {
    invalid,
    text,
    /** The value becomes part of a host name, so anything but a DNS label would change the host. */
    hostLabel: (value: unknown, name: string) =>
      text(
        value,
        name,
        /^[a-z\d](?:[a-z\d-]{0,61}[a-z\d])?$/i,
        'must be letters, digits and hyphens (it is part of the API host name)',
      ),
    /** A credential given as a non-blank string or a Secret, returned as a Secret. */
    secret: (value: unknown, name: string) =>
      Secret.from(isSecret(value) ? value : text(value, name)),
    /** A path on an API host: it must start with "/". */
    path: (value: unknown, name: string) => text(value, name, /^\//, 'must start with "/"'),
    /** One of `allowed`. */
    oneOf: <T extends string>(value: unknown, name: string, allowed: readonly T[]): T => {
      if (!allowed.includes(value as T))
        throw invalid(`${name} must be one of ${allowed.join(', ')}`);
      return value as T;
    },
    /** A whole number from `min` to `max`, both included. */
    integer(value: unknown, name: string, min: number, max: number): number {
      if (!Number.isInteger(value) || (value as number) < min || (value as number) > max) {
        throw invalid(`${name} must be an integer from ${min} to ${max}`);
      }
      return value as number;
    },
    /** An http(s) base URL, checked and normalised by core's `checkBaseUrl` like every vendor's. */
    baseUrl: (value: unknown, name: string, allowInsecureHttp?: boolean) =>
      checkBaseUrl(value, name, { vendor, allowInsecureHttp }),
  };
}
