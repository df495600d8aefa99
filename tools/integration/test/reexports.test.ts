import * as core from '@searchauth/core';
import * as ai from '@searchauth/lucidworks-ai';
import * as springboard from '@searchauth/lucidworks-springboard';
import * as oauth2 from '@searchauth/oauth2';
import * as sparque from '@searchauth/sparque';
import * as squirro from '@searchauth/squirro';
import { describe, expect, it } from 'vitest';

// What the READMEs tell users to import from the vendor package they installed, so that a pnpm
// user (strict node_modules) never needs @searchauth/core as a direct dependency.
const VALUES = {
  memoryStore: core.memoryStore,
  SearchAuthError: core.SearchAuthError,
  isSearchAuthError: core.isSearchAuthError,
  Secret: core.Secret,
};
const PACKAGES = { ai, springboard, oauth2, sparque, squirro };

describe('vendor packages re-export what their READMEs use from core', () => {
  it.each(Object.entries(PACKAGES))("%s exports core's values, the same objects", (_name, pkg) => {
    for (const [name, value] of Object.entries(VALUES))
      expect((pkg as Record<string, unknown>)[name], name).toBe(value);
  });

  it('export the store, event, manager and error types (a compile-time check)', () => {
    const store: ai.TokenStore &
      springboard.TokenStore &
      oauth2.TokenStore &
      sparque.TokenStore &
      squirro.TokenStore = core.memoryStore();
    const code: ai.SearchAuthErrorCode &
      springboard.SearchAuthErrorCode &
      oauth2.SearchAuthErrorCode &
      sparque.SearchAuthErrorCode &
      squirro.SearchAuthErrorCode = 'ERR_UNAUTHORIZED';
    const events: ((event: squirro.TokenEvent) => void)[] = [
      (_e: ai.TokenEvent) => {},
      (_e: springboard.TokenEvent) => {},
      (_e: oauth2.TokenEvent) => {},
      (_e: sparque.TokenEvent) => {},
    ];
    const managers: (
      | ai.TokenManager
      | springboard.TokenManager
      | oauth2.TokenManager
      | sparque.TokenManager
      | squirro.TokenManager
    )[] = [];
    expect([store.get, code, events.length, managers.length]).toHaveLength(4);
  });
});
