import { userInfo } from 'node:os';
import { openStore, type Store } from '../../adapters/store/open-store.js';
import { notifyOnce } from '../../adapters/store/change-notices.js';
import { devPkiPaths } from '../../adapters/crypto/dev-pki.js';
import { loadTrust } from '../bootstrap/load-trust.js';
import { systemClock } from '../clock.js';
import type { Config } from '../config/config-schema.js';
import { partnerAdmin, type PartnerAdmin } from '../partners/partner-admin.js';

/** What a command needs: the same store and use cases the server uses, and an actor naming the operator. */
export interface CliContext {
  config: Config;
  store: Store;
  admin: PartnerAdmin;
  actor: string;
  out: (line: string) => void;
}

export async function openCliContext(config: Config, out: (line: string) => void): Promise<CliContext> {
  const store = await openStore(config.databaseUrl);
  const caFile = config.tls.caFile ?? devPkiPaths(config.dataDir).caCert;
  const admin = partnerAdmin({
    partners: store.partners,
    audit: store.audit,
    trust: loadTrust(caFile, config.tls.crlFile),
    clock: systemClock,
    // Gateways on the same PostgreSQL drop their cached partners and certificates at once.
    onChange: () => notifyOnce(config.databaseUrl, 'identiteit'),
  });
  return { config, store, admin, actor: `cli:${userInfo().username}`, out };
}
