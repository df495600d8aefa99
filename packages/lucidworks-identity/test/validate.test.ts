import { isSearchAuthError, Secret } from '@searchauth/core';
import { describe, expect, it } from 'vitest';
import { optionChecks } from '../src/index.js';

const check = optionChecks('lucidworks-test');

/** The error a check throws, or undefined when it passes. */
function failure(run: () => unknown) {
  try {
    run();
  } catch (error) {
    if (isSearchAuthError(error))
      return { code: error.code, message: error.message, vendor: error.vendor };
    throw error;
  }
  return undefined;
}

describe('optionChecks', () => {
  it.each([
    [
      'text: undefined',
      {
        given: () => check.text(undefined, 'customerId'),
        want: 'customerId is required and must be a non-empty string',
      },
    ],
    [
      'text: blank',
      { given: () => check.text('  ', 'customerId'), want: 'customerId is required' },
    ],
    [
      'text: not a string',
      { given: () => check.text(42, 'customerId'), want: 'customerId is required' },
    ],
    [
      'text: pattern mismatch',
      { given: () => check.text('b', 'x', /^a/, 'must start with a'), want: 'x must start with a' },
    ],
    [
      'hostLabel: a dot',
      {
        given: () => check.hostLabel('evil.com', 'applicationId'),
        want: 'applicationId must be letters, digits and hyphens',
      },
    ],
    [
      'hostLabel: a slash',
      { given: () => check.hostLabel('a/b', 'applicationId'), want: 'applicationId must be' },
    ],
    [
      'hostLabel: leading hyphen',
      { given: () => check.hostLabel('-app', 'applicationId'), want: 'applicationId must be' },
    ],
    [
      'hostLabel: 64 characters',
      {
        given: () => check.hostLabel('a'.repeat(64), 'applicationId'),
        want: 'applicationId must be',
      },
    ],
    [
      'secret: empty string',
      { given: () => check.secret('', 'clientSecret'), want: 'clientSecret is required' },
    ],
    [
      'secret: a number',
      { given: () => check.secret(7, 'clientSecret'), want: 'clientSecret is required' },
    ],
    [
      'path: relative',
      {
        given: () => check.path('push', 'push.savePath'),
        want: 'push.savePath must start with "/"',
      },
    ],
    [
      'integer: fraction',
      { given: () => check.integer(1.5, 'n', 1, 200), want: 'n must be an integer from 1 to 200' },
    ],
    ['integer: below', { given: () => check.integer(0, 'n', 1, 200), want: 'from 1 to 200' }],
    ['integer: above', { given: () => check.integer(201, 'n', 1, 200), want: 'from 1 to 200' }],
    ['integer: string', { given: () => check.integer('5', 'n', 1, 200), want: 'from 1 to 200' }],
    [
      'oneOf: unknown value',
      {
        given: () => check.oneOf('PUT', 'push.deleteMethod', ['DELETE', 'POST']),
        want: 'push.deleteMethod must be one of DELETE, POST',
      },
    ],
    [
      'oneOf: undefined',
      { given: () => check.oneOf(undefined, 'mode', ['a']), want: 'mode must be one of a' },
    ],
    [
      'baseUrl: relative',
      {
        given: () => check.baseUrl('/api', 'apiBaseUrl'),
        want: 'apiBaseUrl must be an http(s) URL without credentials, query or fragment',
      },
    ],
    [
      'baseUrl: no scheme',
      {
        given: () => check.baseUrl('api.lucidworks.com', 'apiBaseUrl'),
        want: 'apiBaseUrl must be an http(s) URL',
      },
    ],
    [
      'baseUrl: ftp',
      {
        given: () => check.baseUrl('ftp://example.com', 'apiBaseUrl'),
        want: 'must be an http(s) URL',
      },
    ],
    [
      'baseUrl: credentials',
      {
        given: () => check.baseUrl('https://u:p@example.com', 'apiBaseUrl'),
        want: 'without credentials',
      },
    ],
    [
      'baseUrl: query',
      {
        given: () => check.baseUrl('https://example.com/t?x=1', 'tokenUrl'),
        want: 'tokenUrl must be',
      },
    ],
    [
      'baseUrl: not a string',
      { given: () => check.baseUrl(42, 'apiBaseUrl'), want: 'apiBaseUrl must be an http(s) URL' },
    ],
    [
      'baseUrl: fragment',
      {
        given: () => check.baseUrl('https://example.com/#x', 'tokenUrl'),
        want: 'tokenUrl must be',
      },
    ],
  ])('%s → ERR_INVALID_OPTIONS', (_name, { given, want }) => {
    expect(failure(given)).toEqual({
      code: 'ERR_INVALID_OPTIONS',
      message: expect.stringContaining(want),
      vendor: 'lucidworks-test',
    });
  });

  it.each([
    ['text', { given: () => check.text('cust-1', 'customerId'), want: 'cust-1' }],
    ['hostLabel', { given: () => check.hostLabel('App-1', 'applicationId'), want: 'App-1' }],
    ['path', { given: () => check.path('/ai/usecase', 'useCasesPath'), want: '/ai/usecase' }],
    ['oneOf', { given: () => check.oneOf('POST', 'm', ['DELETE', 'POST']), want: 'POST' }],
    [
      'integer at the bounds',
      {
        given: () => [check.integer(1, 'n', 1, 200), check.integer(200, 'n', 1, 200)],
        want: [1, 200],
      },
    ],
    [
      'baseUrl without a trailing slash',
      {
        given: () => check.baseUrl('https://Example.com/api//', 'u'),
        want: 'https://example.com/api',
      },
    ],
    [
      'baseUrl: http to loopback',
      { given: () => check.baseUrl('http://127.0.0.1:4010/', 'u'), want: 'http://127.0.0.1:4010' },
    ],
    [
      'baseUrl: http to localhost',
      { given: () => check.baseUrl('http://localhost:5002', 'u'), want: 'http://localhost:5002' },
    ],
    [
      'baseUrl: http when allowed',
      {
        given: () => check.baseUrl('http://search.example.com', 'u', true),
        want: 'http://search.example.com',
      },
    ],
  ])('%s passes', (_name, { given, want }) => {
    expect(given()).toEqual(want);
  });

  it('refuses plain http to a non-loopback host with ERR_INSECURE_URL', () => {
    expect(failure(() => check.baseUrl('http://identity.example.com', 'identityBaseUrl'))).toEqual({
      code: 'ERR_INSECURE_URL',
      message: 'identityBaseUrl must use https (or set allowInsecureHttp) (lucidworks-test)',
      vendor: 'lucidworks-test',
    });
  });

  it('wraps a string credential and keeps a Secret as it is', () => {
    const given = Secret.from('s3cret-value');
    expect(check.secret(given, 'clientSecret')).toBe(given);
    const wrapped = check.secret('s3cret-value', 'clientSecret');
    expect(wrapped).toBeInstanceOf(Secret);
    expect(wrapped.reveal()).toBe('s3cret-value');
  });

  it('never puts the rejected value in the message', () => {
    const error = failure(() => check.hostLabel('secret.value/x', 'applicationId'));
    expect(error?.message).not.toContain('secret.value');
  });
});
