import type { Operation } from '../operation.js';

/** Liveness: the process answers. */
export const getHealth: Operation<'getHealth'> = {
  async handle() {
    return { status: 200, body: { status: 'ok' } };
  },
};
