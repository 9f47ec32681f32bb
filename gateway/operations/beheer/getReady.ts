import { DomainError } from '../../errors/domain-error.js';
import type { Operation } from '../operation.js';

/** Readiness: the database answers, every migration is applied, and the disclosure log is intact. */
export const getReady: Operation<'getReady'> = {
  async handle(_request, { store, integrity }) {
    try {
      await store.ping();
    } catch {
      throw new DomainError('unavailable', 'database unreachable');
    }
    const { applied, pending } = await store.migrations();
    if (pending.length > 0) throw new DomainError('unavailable', `${pending.length} migration(s) not applied`);
    // A log that no longer extends its last signed checkpoint is not ready: nothing may be disclosed.
    if (await integrity.check()) throw new DomainError('unavailable', 'disclosure log is not intact');
    return { status: 200, body: { status: 'ok', database: store.provider, migraties: applied } };
  },
};
