import type { DataProtection } from '../../adapters/crypto/data-protection.js';
import type { Db } from '../../adapters/store/open-store.js';
import type { Clock } from '../clock.js';
import type { PolicyEngine } from '../covenant/policy-engine.js';
import type { DisclosureLog } from '../disclosure/disclosure-log.js';

export interface IntakeDeps {
  db: Db;
  dp: DataProtection;
  policy: PolicyEngine;
  clock: Clock;
  disclosures: DisclosureLog;
}

/** Who is acting: the partner and the employee inside it. */
export interface Caller {
  partner: { id: string; soort: string };
  actor: { id: string; rol: string };
}

/** A Prisma transaction client: the same API as the client, inside one transaction. */
export type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];
