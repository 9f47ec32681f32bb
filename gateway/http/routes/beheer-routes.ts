import { Router } from 'express';
import type { Store } from '../../../adapters/store/open-store.js';
import type { Contract } from '../../../openapi/load-contract.js';
import { DomainError } from '../../errors/domain-error.js';

/** Liveness, readiness and the contract: the operations every deployment probe calls. */
export function beheerRoutes(deps: { store: Store; contract: Contract }): Router {
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
    const pending = await deps.store.pendingMigrations();
    if (pending.length > 0) throw new DomainError('unavailable', `${pending.length} migration(s) not applied`);
    res.json({ status: 'ok', database: deps.store.provider, migraties: await appliedMigrations(deps.store) });
  });

  router.get('/openapi.json', (_req, res) => {
    res.json(deps.contract.document);
  });

  return router;
}

async function appliedMigrations(store: Store): Promise<number> {
  const rows = await store.db.$queryRawUnsafe<{ n: bigint | number }[]>(
    'SELECT COUNT(*) AS n FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
  );
  return Number(rows[0]?.n ?? 0);
}
