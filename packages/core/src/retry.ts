/** `Retry-After` in ms, from delta-seconds or an HTTP-date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  const text = value?.trim() ?? '';
  // HTTP-dates start with a day name; Date.parse alone would read "1.5" or "-5" as dates.
  const at = /^\d+$/.test(text) ? now + +text * 1000 : /^[a-z]{3}/i.test(text) && Date.parse(text);
  if (at || at === 0) return Math.max(0, at - now);
}
