import { Router } from 'express';
import type { Store } from '../../../adapters/store/open-store.js';
import type { Contract } from '../../../openapi/load-contract.js';
import { DomainError } from '../../errors/domain-error.js';

/** Liveness, readiness and the contract: the operations every deployment probe calls. */
export function beheerRoutes(deps: {
  store: Store;
  contract: Contract;
  /** Further readiness conditions: a problem (no personal data) makes the gateway not ready. */
  readiness?: () => Promise<string | undefined>;
}): Router {
  const router = Router();

  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  router.get('/ready', async (_req, res) => {
    try {
      await deps.store.ping();
    } catch {
      throw new DomainError('unavailable', 'database unreachable');
    }
    const { applied, pending } = await deps.store.migrations();
    if (pending.length > 0) throw new DomainError('unavailable', `${pending.length} migration(s) not applied`);
    if (await deps.readiness?.()) throw new DomainError('unavailable', 'disclosure log is not intact');
    res.json({ status: 'ok', database: deps.store.provider, migraties: applied });
  });

  router.get('/openapi.json', (_req, res) => {
    res.json(deps.contract.document);
  });

  return router;
}
