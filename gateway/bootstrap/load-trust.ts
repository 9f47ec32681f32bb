import { existsSync, readFileSync } from 'node:fs';
import { ConfigError } from '../config/load-config.js';
import { revocationListFromFile } from '../auth/revocation-list.js';
import { type CertificateTrust, parseCertificateBundle } from '../auth/verify-client-certificate.js';

/** The CA bundle client certificates must chain to, and the CRL file of those CAs when configured. */
export function loadTrust(caFile: string, crlFile: string | undefined): CertificateTrust {
  let caBundle;
  try {
    caBundle = parseCertificateBundle(readFileSync(caFile, 'utf8'));
  } catch (err) {
    throw new ConfigError(`KNOOPPUNT_TLS_CA ${caFile}: ${problemOf(err)}`);
  }
  if (caBundle.length === 0) throw new ConfigError(`KNOOPPUNT_TLS_CA ${caFile}: no certificates in the CA bundle`);
  if (crlFile && !existsSync(crlFile)) throw new ConfigError(`KNOOPPUNT_CRL_FILE ${crlFile}: file not found`);
  return { caBundle, revocations: crlFile ? revocationListFromFile(crlFile, caBundle) : undefined };
}

/** A short reason without a stack: what `start` prints before exiting 78. */
export function problemOf(err: unknown): string {
  const e = err as { code?: unknown; message?: unknown };
  if (e?.code === 'ENOENT') return 'file not found';
  if (e?.code === 'EACCES') return 'not readable (permissions)';
  return typeof e?.message === 'string' ? e.message.split('\n')[0]!.replace(/^error:[0-9A-F]+:/, '') : 'unreadable';
}

/** Reads and verifies the CRL file once at start-up, so a broken one stops start-up with its name. */
export async function checkRevocationList(trust: CertificateTrust, crlFile: string | undefined): Promise<void> {
  if (!trust.revocations || !crlFile) return;
  try {
    await trust.revocations.check();
  } catch (err) {
    throw new ConfigError(`KNOOPPUNT_CRL_FILE ${crlFile}: ${problemOf(err).replace(`CRL ${crlFile} `, '')}`);
  }
}
