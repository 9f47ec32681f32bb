import { relative } from 'node:path';
import type { Config } from '../config/config-schema.js';
import type { RunningGateway } from './start-gateway.js';

/** What `npm start` prints once it listens: where it is, and calls to paste. */
export function printWelcome(gateway: RunningGateway, config: Config): void {
  const rel = (p: string) => relative(process.cwd(), p) || '.';
  const ca = rel(gateway.pki.caCert);
  const partner = 'politie-demo';
  const lines = [
    '',
    `Knooppunt luistert op ${gateway.url}  (database: ${gateway.store.provider}, data: ${rel(config.dataDir)})`,
    '',
    'Probeer:',
    `  curl --cacert ${ca} ${gateway.url}/health`,
    `  curl --cacert ${ca} ${gateway.url}/ready`,
    `  curl --cacert ${ca} --cert ${rel(gateway.pki.partnerCert(partner))} --key ${rel(gateway.pki.partnerKey(partner))} ${gateway.url}/partners/ik`,
    '',
    `Contract: ${gateway.url}/openapi.json   Demo-partners: ${rel(gateway.pki.dir)}/partners/*.pem`,
    'Stoppen: Ctrl+C',
    '',
  ];
  process.stdout.write(lines.join('\n'));
}
