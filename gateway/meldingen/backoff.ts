const BASE_MS = 30_000;
const MAX_MS = 6 * 60 * 60 * 1000;

/**
 * The wait before attempt `n + 1` after `n` failed ones: exponential (30 s, 1 min, 2 min … at most 6 h)
 * with "equal jitter" (half fixed, half random) so partners that come back at once are not all hit
 * in the same second.
 */
export function backoffMs(failed: number, random: () => number = Math.random): number {
  const exp = Math.min(MAX_MS, BASE_MS * 2 ** Math.max(0, failed - 1));
  return Math.round(exp / 2 + (exp / 2) * random());
}
