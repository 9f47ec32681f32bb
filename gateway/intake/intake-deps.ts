import type { DataProtection } from '../../adapters/crypto/data-protection.js';
import type { Db } from '../../adapters/store/open-store.js';
import type { Clock } from '../clock.js';
import type { Ledger } from '../../adapters/ledger/ledger.js';
import type { CovenantRegistry } from '../covenant/covenant-registry.js';
import { policyEngine, type PolicyEngine } from '../covenant/policy-engine.js';
import { disclosureLog, type DisclosureLog } from '../disclosure/disclosure-log.js';
import { partnerSoorten, type SoortOf } from '../partners/partner-soorten.js';

export interface IntakeDeps {
  db: Db;
  dp: DataProtection;
  policy: PolicyEngine;
  clock: Clock;
  disclosures: DisclosureLog;
  /** Partner soorten by id (cached: a soort never changes). */
  soortOf: SoortOf;
}

/** What intake and disclosure need, wired the same way for the HTTP app and the CLI import. */
export function intakeDeps(d: {
  db: Db;
  dp: DataProtection;
  covenants: CovenantRegistry;
  clock: Clock;
  ledger: Ledger;
}): IntakeDeps {
  return {
    db: d.db,
    dp: d.dp,
    policy: policyEngine(d.covenants),
    clock: d.clock,
    disclosures: disclosureLog(d.ledger, d.clock),
    soortOf: partnerSoorten(d.db),
  };
}

/** Who is acting: the partner and the employee inside it. */
export interface Caller {
  partner: { id: string; soort: string };
  actor: { id: string; rol: string };
}

/** A Prisma transaction client: the same API as the client, inside one transaction. */
export type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];
