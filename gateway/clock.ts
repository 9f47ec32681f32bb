/** Time, injected so tests can move it (token expiry, deadlines, covenant start dates). */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
