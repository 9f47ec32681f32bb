import { DomainError } from '../../errors/domain-error.js';
import type { Operation } from '../operation.js';

/** Readiness: the database answers and every migration is applied. */
export const getReady: Operation<'getReady'> = {
  async handle(_request, { store }) {
    try {
      await store.ping();
    } catch {
      throw new DomainError('unavailable', 'database unreachable');
    }
    const { applied, pending } = await store.migrations();
    if (pending.length > 0) throw new DomainError('unavailable', `${pending.length} migration(s) not applied`);
    return { status: 200, body: { status: 'ok', database: store.provider, migraties: applied } };
  },
};
