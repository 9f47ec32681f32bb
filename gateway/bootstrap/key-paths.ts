import { join } from 'node:path';

/**
 * Where the server's own secrets live under the data directory: the gateway's token-signing keys, the
 * master key everything about persons is derived from, and the disclosure log's signing key.
 */
export function keyPaths(dataDir: string): { gatewaySigning: string; master: string; ledgerSigning: string } {
  const dir = join(dataDir, 'keys');
  return {
    gatewaySigning: join(dir, 'gateway-signing.json'),
    master: join(dir, 'master.key'),
    ledgerSigning: join(dir, 'ledger-signing.pem'),
  };
}

/** Where the gateway keeps the last checkpoint it signed, outside the database it guards. */
export function keptCheckpointPath(dataDir: string, logId: string): string {
  return join(dataDir, 'ledger', `${logId}.checkpoint`);
}

/** Witness verifier keys (`name+keyid+base64(0x04 ‖ key)`, one per line) whose cosignatures the gateway accepts. */
export function witnessKeysPath(dataDir: string): string {
  return join(dataDir, 'ledger', 'witnesses');
}
