import type { GatewayKeys } from '../../adapters/crypto/gateway-keys.js';
import type { Checkpoints } from '../../adapters/ledger/checkpoints.js';
import type { Ledger } from '../../adapters/ledger/ledger.js';
import type { NoteSigner } from '../../adapters/ledger/signed-note.js';
import type { Store } from '../../adapters/store/open-store.js';
import type { PartnerRepository } from '../../adapters/store/partner-repository.js';
import type { Contract } from '../../openapi/load-contract.js';
import type { CertificateSourceConfig } from '../auth/client-certificate-source.js';
import type { IdentifyDeps } from '../auth/identify-caller.js';
import type { SecurityEvents } from '../auth/security-events.js';
import type { CovenantRegistry } from '../covenant/covenant-registry.js';
import type { LogIntegrity } from '../disclosure/log-integrity.js';
import type { PartnerAdmin } from '../partners/partner-admin.js';
import type { JobQueue } from '../jobs/job-queue.js';
import type { UseCaseDeps } from '../use-case-deps.js';

/** What the operation handlers call: use cases' dependencies, wired once by `createApp`. */
export interface OperationDeps {
  store: Store;
  contract: Contract;
  /** Intake, triage, disclosure and the verwijsindex. */
  useCases: UseCaseDeps;
  identity: IdentifyDeps & {
    keys: GatewayKeys;
    certificates: CertificateSourceConfig;
    tokenTtlSeconds: number;
    clockSkewSeconds: number;
  };
  events: SecurityEvents;
  admin: PartnerAdmin;
  covenants: CovenantRegistry;
  partners: PartnerRepository;
  ledger: Ledger;
  /**
   * The log as review queries read it (search, export, signals): on the read replica when one is
   * configured (it may lag a moment). Never for a read that decides a disclosure.
   */
  reviewLedger: Ledger;
  /** Aggregates (signaalfunctie) read here: the read replica when one is configured, else the store. */
  reviewStore: Pick<Store, 'signaal'>;
  checkpoints: Checkpoints;
  signer: NoteSigner;
  /** Whether the log still extends its last signed checkpoint; serves signed checkpoints only. */
  integrity: LogIntegrity;
  /** Where the witness keys whose cosignatures the gateway accepts are listed. */
  witnessKeysPath: string;
  /** Signaalfunctie: the smallest count that may be published. */
  signaalK: number;
  /** Where work that outlives the request is queued (imports). */
  jobs: Pick<JobQueue, 'enqueue'>;
}
