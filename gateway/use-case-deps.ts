import type { DataProtection } from '../adapters/crypto/data-protection.js';
import type { Ledger } from '../adapters/ledger/ledger.js';
import type { RepositoryStore } from '../adapters/store/repositories.js';
import type { Clock } from './clock.js';
import type { CovenantRegistry } from './covenant/covenant-registry.js';
import { policyEngine, type PolicyEngine } from './covenant/policy-engine.js';
import { disclosureLog, type DisclosureLog } from './disclosure/disclosure-log.js';
import { geenMeldingen, type Meldingen } from './meldingen/meldingen.js';
import { cachedPartnerSoorten, type SoortOf } from './partners/cached-partner-soorten.js';

export type { Caller } from './caller.js';

/** What the use cases (intake, triage, linking, disclosure) receive: repositories and services, no database client. */
export interface UseCaseDeps {
  /** Repositories per aggregate and the unit of work (`store.transaction`). */
  store: RepositoryStore;
  dp: DataProtection;
  policy: PolicyEngine;
  clock: Clock;
  disclosures: DisclosureLog;
  /** Partner soorten by id (cached: a soort never changes). */
  soortOf: SoortOf;
  /** Events for partners: signed webhooks through the outbox. */
  meldingen: Meldingen;
}

/** The use cases' dependencies, wired the same way for the HTTP app and the CLI. */
export function useCaseDeps(d: {
  store: RepositoryStore;
  dp: DataProtection;
  covenants: CovenantRegistry;
  clock: Clock;
  ledger: Ledger;
  meldingen?: Meldingen;
}): UseCaseDeps {
  return {
    store: d.store,
    dp: d.dp,
    policy: policyEngine(d.covenants),
    clock: d.clock,
    disclosures: disclosureLog(d.ledger, d.clock),
    soortOf: cachedPartnerSoorten(d.store.partners),
    meldingen: d.meldingen ?? geenMeldingen,
  };
}
