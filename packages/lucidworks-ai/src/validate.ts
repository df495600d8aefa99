import { isLoopback, SearchAuthError, Secret } from './core.js';

/** Option checks shared by the client factory; every failure is ERR_INVALID_OPTIONS naming the option. */
export function optionChecks(vendor: string) {
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
    secret: (value: unknown, name: string) =>
      Secret.from(value instanceof Secret ? value : text(value, name)),
    path: (value: unknown, name: string) => text(value, name, /^\//, 'must start with "/"'),
    /** Parses and normalises a base URL (no trailing slash); plain http only to loopback hosts. */
    baseUrl(value: unknown, name: string, allowInsecureHttp?: boolean): string {
      const href = text(value, name);
      const url = URL.canParse(href) ? new URL(href) : undefined;
      if (
        !url ||
        !/^https?:$/.test(url.protocol) ||
        url.username ||
        url.password ||
        url.search ||
        url.hash
      ) {
        throw invalid(
          `${name} must be an absolute http(s) URL without credentials, query or fragment`,
        );
      }
      if (url.protocol === 'http:' && !allowInsecureHttp && !isLoopback(url.hostname)) {
        throw new SearchAuthError(
          'ERR_INSECURE_URL',
          `${name} uses http:// to a non-loopback host; use https or set allowInsecureHttp`,
          { vendor },
        );
      }
      return url.href.replace(/\/+$/, '');
    },
  };
}
