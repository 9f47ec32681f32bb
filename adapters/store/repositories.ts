import { auditRepository, type AuditRepository } from './audit-repository.js';
import { betrokkeneRepository, type BetrokkeneRepository } from './betrokkene-repository.js';
import { beperkingRepository, type BeperkingRepository } from './beperking-repository.js';
import { casusRepository, type CasusRepository } from './casus-repository.js';
import { covenantVersionRepository, type CovenantVersionRepository } from './covenant-version-repository.js';
import type { Db, DbClient } from './db-client.js';
import { idempotencyRepository, type IdempotencyRepository } from './idempotency-repository.js';
import { importRepository, type ImportRepository } from './import-repository.js';
import { informatieRepository, type InformatieRepository } from './informatie-repository.js';
import { inzageRepository, type InzageRepository } from './inzage-repository.js';
import { koppelvoorstelRepository, type KoppelvoorstelRepository } from './koppelvoorstel-repository.js';
import { levensloopRepository, type LevensloopRepository } from './levensloop-repository.js';
import { overlegRepository, type OverlegRepository } from './overleg-repository.js';
import { partnerRepository, type PartnerRepository } from './partner-repository.js';
import { rechtenverzoekRepository, type RechtenverzoekRepository } from './rechtenverzoek-repository.js';
import { kennisgevingRepository, type KennisgevingRepository } from './kennisgeving-repository.js';
import { rectificatieRepository, type RectificatieRepository } from './rectificatie-repository.js';
import { signaalRepository, type SignaalRepository } from './signaal-repository.js';
import { uitgaandRepository, type UitgaandRepository } from './uitgaand-repository.js';
import { webhookRepository, type WebhookRepository } from './webhook-repository.js';
import { planRepository, type PlanRepository } from './plan-repository.js';
import { samenvoegingRepository, type SamenvoegingRepository } from './samenvoeging-repository.js';
import { medewerkerRepository, type MedewerkerRepository } from './medewerker-repository.js';
import { sessieRepository, type SessieRepository } from './sessie-repository.js';

/** One repository per aggregate, all bound to the same connection (or the same transaction). */
export interface Repositories {
  partners: PartnerRepository;
  audit: AuditRepository;
  casussen: CasusRepository;
  betrokkenen: BetrokkeneRepository;
  informatie: InformatieRepository;
  inzage: InzageRepository;
  koppelvoorstellen: KoppelvoorstelRepository;
  idempotency: IdempotencyRepository;
  covenantVersions: CovenantVersionRepository;
  rechtenverzoeken: RechtenverzoekRepository;
  beperkingen: BeperkingRepository;
  rectificaties: RectificatieRepository;
  kennisgevingen: KennisgevingRepository;
  signaal: SignaalRepository;
  uitgaand: UitgaandRepository;
  webhooks: WebhookRepository;
  importen: ImportRepository;
  levensloop: LevensloopRepository;
  plan: PlanRepository;
  overleggen: OverlegRepository;
  samenvoegingen: SamenvoegingRepository;
  medewerkers: MedewerkerRepository;
  sessies: SessieRepository;
}

export interface TransactionOptions {
  /** How long the transaction may run before it is rolled back (default 5 s). */
  timeoutMs?: number;
}

/**
 * The store as use cases see it: repositories for single reads and writes, and `transaction` for
 * work that must commit as a whole. Inside `work`, use only the repositories it is given: they are
 * bound to the transaction; a throw rolls everything back.
 */
export interface RepositoryStore extends Repositories {
  transaction<T>(work: (tx: Repositories) => Promise<T>, options?: TransactionOptions): Promise<T>;
}

/** The repositories over one client: the connection pool, or one interactive transaction. */
export function repositoriesOn(db: DbClient): Repositories {
  return {
    partners: partnerRepository(db),
    audit: auditRepository(db),
    casussen: casusRepository(db),
    betrokkenen: betrokkeneRepository(db),
    informatie: informatieRepository(db),
    inzage: inzageRepository(db),
    koppelvoorstellen: koppelvoorstelRepository(db),
    idempotency: idempotencyRepository(db),
    covenantVersions: covenantVersionRepository(db),
    rechtenverzoeken: rechtenverzoekRepository(db),
    beperkingen: beperkingRepository(db),
    rectificaties: rectificatieRepository(db),
    kennisgevingen: kennisgevingRepository(db),
    signaal: signaalRepository(db),
    uitgaand: uitgaandRepository(db),
    webhooks: webhookRepository(db),
    importen: importRepository(db),
    levensloop: levensloopRepository(db),
    plan: planRepository(db),
    overleggen: overlegRepository(db),
    samenvoegingen: samenvoegingRepository(db),
    medewerkers: medewerkerRepository(db),
    sessies: sessieRepository(db),
  };
}

/** Repositories and a unit of work over a Prisma client. */
export function repositoryStore(db: Db): RepositoryStore {
  return {
    ...repositoriesOn(db),
    transaction: (work, options = {}) =>
      db.$transaction((tx) => work(repositoriesOn(tx)), options.timeoutMs ? { timeout: options.timeoutMs } : undefined),
  };
}
