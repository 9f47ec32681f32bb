import { existsSync, readFileSync } from 'node:fs';
import { revocationListFromFile } from '../auth/revocation-list.js';
import { type CertificateTrust, parseCertificateBundle } from '../auth/verify-client-certificate.js';

/** The CA bundle client certificates must chain to, and the CRL file of those CAs when configured. */
export function loadTrust(caFile: string, crlFile: string | undefined): CertificateTrust {
  const caBundle = parseCertificateBundle(readFileSync(caFile, 'utf8'));
  if (caBundle.length === 0) throw new Error(`no certificates in CA bundle ${caFile}`);
  if (crlFile && !existsSync(crlFile)) throw new Error(`KNOOPPUNT_CRL_FILE not found: ${crlFile}`);
  return { caBundle, revocations: crlFile ? revocationListFromFile(crlFile, caBundle) : undefined };
}
