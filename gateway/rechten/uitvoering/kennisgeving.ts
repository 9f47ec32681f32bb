import { randomUUID } from 'node:crypto';
import { CompactSign } from 'jose';
import type { GatewayKeys } from '../../../adapters/crypto/gateway-keys.js';
import type { Repositories } from '../../../adapters/store/repositories.js';
import type { Meldingen } from '../../meldingen/meldingen.js';

export type KennisgevingSoort = 'rectificatie' | 'wissing' | 'beperking' | 'rectificatieverzoek';

export interface KennisgevingDeps {
  keys: Pick<GatewayKeys, 'signing'>;
  meldingen: Meldingen;
}

/**
 * Writes one signed notice for a partner inside the caller's unit of work and queues its webhook there,
 * so both exist only if the change commits. The JWS (EdDSA, the gateway's key, `/jwks.json`) carries
 * ids and codes only: which request, which items, what happened — never content.
 */
export async function plaatsKennisgeving(
  deps: KennisgevingDeps,
  tx: Repositories,
  k: { verzoekId: string; partnerId: string; soort: KennisgevingSoort; itemIds: string[]; at: Date },
): Promise<string> {
  const id = randomUUID();
  const payload = {
    iss: 'knooppunt',
    typ: 'kennisgeving',
    id,
    verzoek: k.verzoekId,
    partner: k.partnerId,
    soort: k.soort,
    items: k.itemIds,
    iat: Math.floor(k.at.getTime() / 1000),
  };
  const { kid, key } = deps.keys.signing();
  const jws = await new CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
    .setProtectedHeader({ alg: 'EdDSA', kid, typ: 'kennisgeving+jws' })
    .sign(key);
  await tx.kennisgevingen.add({
    id,
    verzoekId: k.verzoekId,
    partnerId: k.partnerId,
    soort: k.soort,
    itemIds: JSON.stringify(k.itemIds),
    jws,
    aangemaaktOp: k.at,
  });
  await deps.meldingen.plaats(
    { partnerId: k.partnerId, soort: 'kennisgeving', data: { kennisgeving: id, soort: k.soort } },
    tx,
  );
  return id;
}
