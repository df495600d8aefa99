/**
 * Keeps at most `max` requests on the wire, like an application's connection pool: without it 10,000
 * concurrent fetches open 10,000 sockets. Installed as globalThis.fetch before any contender is
 * created, so every fetch-based library uses it the way its docs wire it (they call global fetch).
 */
export function pooledFetch(send: typeof fetch, max: number): typeof fetch {
  let active = 0;
  const queue: Array<() => void> = [];
  return async (input, init) => {
    if (active >= max) await new Promise<void>((resolve) => queue.push(resolve));
    active += 1;
    try {
      return await send(input, init);
    } finally {
      active -= 1;
      queue.shift()?.();
    }
  };
}
