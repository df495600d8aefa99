import type { Secret } from '@searchauth/core';
import { createSquirroClient, type Item, type SquirroClientOptions } from '@searchauth/squirro';
import { startSimulator } from '@searchauth/testkit';
import { describe, expect, it } from 'vitest';
import { simClock } from './support/clock.js';
import { useSimulator } from './support/sim.js';

const sim = useSimulator({ vendors: ['squirro'] });

function squirro(overrides: Partial<SquirroClientOptions> = {}) {
  const creds = sim().credentials.squirro;
  return createSquirroClient({
    clusterUrl: sim().urls.squirro.baseUrl,
    refreshToken: creds.refreshToken,
    tenant: creds.tenant,
    ...overrides,
  });
}

const projectId = () => sim().credentials.squirro.projectId;

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const value of iterable) all.push(value);
  return all;
}

describe('Squirro against the simulator', () => {
  it('returns ranked items with a total, facets and field filters', async () => {
    const client = squirro();
    const page = await client.searchItems({
      projectId: projectId(),
      query: 'waterproof tent',
      count: 10,
      aggregations: { brands: { fields: 'brand', size: 5 } },
    });
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.total).toBeGreaterThan(page.items.length);
    const scores = page.items.map((item) => item.score ?? 0);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(page.items[0]?.title).toMatch(/tent/i);
    const brands = page.aggregations?.brands?.brand?.values ?? [];
    expect(brands.length).toBeGreaterThan(0);

    const brand = String(brands[0]?.key);
    const filtered = await client.searchItems({
      projectId: projectId(),
      query: `brand:${brand} waterproof tent`,
      count: 100,
    });
    expect(filtered.total).toBe(brands[0]?.value);
    expect(filtered.items.every((item) => item.keywords?.brand?.includes(brand))).toBe(true);
    expect(sim().mintCount()).toBe(1);
    client.dispose();
  });

  it('pages through every item once, following next_params over short pages', async () => {
    const client = squirro();
    const query = { projectId: projectId(), query: 'waterproof tent', count: 7 };
    const pages = await collect(client.iteratePages(query));
    const total = pages[0]?.total ?? 0;
    // Squirro filters after paging: pages come back short while more follow.
    expect(pages.slice(0, -1).some((page) => page.items.length < 7)).toBe(true);
    expect(pages.at(-1)?.eof).toBe(true);

    const items: Item[] = await collect(client.iterateItems(query));
    const ids = items.map((item) => item.id);
    expect(ids).toHaveLength(total);
    expect(new Set(ids).size).toBe(total);
    // The same items as one big page, in the same order: nothing skipped, nothing repeated.
    const all = await client.searchItems({ ...query, count: 1000 });
    expect(ids).toEqual(all.items.map((item) => item.id));
    expect(sim().mintCount()).toBe(1);
    client.dispose();
  });

  it('walks a large result set of several hundred items across tens of pages', async () => {
    const client = squirro();
    const pages = await collect(client.iteratePages({ projectId: projectId(), count: 25 }));
    const ids = pages.flatMap((page) => page.items.map((item) => item.id));
    expect(pages.length).toBeGreaterThan(10);
    expect(ids).toHaveLength(pages[0]?.total ?? -1);
    expect(new Set(ids).size).toBe(ids.length);
    client.dispose();
  });

  it.each([
    ['unknown', 'not-a-squirro-user-token', 'ERR_REFRESH_TOKEN_INVALID', 404],
    ['revoked', 'sim-squirro-revoked-token', 'ERR_REFRESH_TOKEN_EXPIRED', 410],
  ])('a %s refresh token fails with %s', async (_name, refreshToken, code, status) => {
    const client = squirro({ refreshToken });
    await expect(
      client.searchItems({ projectId: projectId(), query: 'tent' }),
    ).rejects.toMatchObject({ code, status });
    expect(sim().requestCount({ endpoint: 'items-query' })).toBe(0);
    client.dispose();
  });

  it('logs in with the rotated refresh token once the access token has expired', async () => {
    // A separate simulator: rotation changes the server's credentials for the whole run.
    await using rotating = await startSimulator({
      vendors: ['squirro'],
      rotateRefreshTokens: true,
    });
    const creds = rotating.credentials.squirro;
    const initial = creds.refreshToken;
    const rotated: Secret[] = [];
    const client = createSquirroClient({
      clusterUrl: rotating.urls.squirro.baseUrl,
      refreshToken: initial,
      tenant: creds.tenant,
      clock: simClock(rotating),
      onRefreshTokenRotated: (token) => {
        rotated.push(token);
      },
    });
    await client.searchItems({ projectId: creds.projectId, query: 'tent' });
    expect(rotated.map((token) => token.reveal())).toEqual([creds.refreshToken]);
    rotating.advanceClock(601_000);
    // The first refresh token is revoked now: only the rotated one can log in.
    await client.searchItems({ projectId: creds.projectId, query: 'jacket' });
    expect(rotating.requestCount({ endpoint: 'token', status: 200 })).toBe(2);
    expect(rotating.requestCount({ endpoint: 'token', status: 410 })).toBe(0);
    expect(rotated).toHaveLength(2);
    expect(initial).not.toBe(creds.refreshToken);
    client.dispose();
  });
});
