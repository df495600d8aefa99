/** The simulator's notion of now: a base clock plus an offset that tests can advance. */
export interface SimClock {
  now(): number;
  advance(ms: number): void;
}

export function createClock(base: () => number = Date.now): SimClock {
  let offset = 0;
  return {
    now: () => base() + offset,
    advance: (ms) => {
      offset += ms;
    },
  };
}
