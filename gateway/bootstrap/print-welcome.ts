import { join, relative } from 'node:path';
import { contractPath } from '../../openapi/contract-url.js';
import { loadContract } from '../../openapi/load-contract.js';
import type { Config } from '../config/config-schema.js';
import type { RunningGateway } from './start-gateway.js';

/** What `npm start` prints once it listens: where it is, and calls to paste. */
export function printWelcome(
  gateway: RunningGateway,
  config: Config,
  invitations: { rol: string; token: string }[] = [],
): void {
  const rel = (p: string) => relative(process.cwd(), p) || '.';
  const ca = rel(gateway.pki.caCert);
  const partner = 'politie-demo';
  const contract = loadContract();
  const at = (operationId: string) => `${gateway.url}${contractPath(contract, operationId)}`;
  const lines = [
    '',
    `Knooppunt luistert op ${gateway.url}  (database: ${gateway.store.provider}, data: ${rel(config.dataDir)})`,
    '',
    'Probeer:',
    `  curl --cacert ${ca} ${at('getHealth')}`,
    `  curl --cacert ${ca} ${at('getReady')}`,
    `  curl --cacert ${ca} --cert ${rel(gateway.pki.partnerCert(partner))} --key ${rel(gateway.pki.partnerKey(partner))} ${at('getEigenPartner')}`,
    '',
    `Contract: ${at('getOpenapiDocument')}   Demo-partners: ${join(rel(gateway.pki.dir), 'partners', '*.pem')}`,
    `Webapplicatie voor medewerkers: ${config.web.origin}/`,
    ...(invitations.length
      ? [
          'Maak een passkey aan met een eenmalige link (72 uur geldig):',
          ...invitations.map((i) => `  ${i.rol.padEnd(16)} ${config.web.origin}/uitnodiging/${i.token}`),
        ]
      : []),
    '',
    'Stoppen: Ctrl+C',
    '',
  ];
  process.stdout.write(lines.join('\n'));
}
