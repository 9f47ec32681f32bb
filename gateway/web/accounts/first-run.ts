import { randomUUID } from 'node:crypto';
import type { UseCaseDeps } from '../../use-case-deps.js';
import { newToken, tokenHash } from '../secret-token.js';
import { INVITATION_TTL_MS, inviteMedewerker } from './invite-medewerker.js';

/** The first employees `npm start` offers (demo mode): one to review the log, one to run casussen. */
const FIRST = [
  { rol: 'privacy-officer', pseudoniem: 'Eerste privacy officer' },
  { rol: 'procesregisseur', pseudoniem: 'Eerste procesregisseur' },
] as const;

/**
 * Enrolment links for the first employees of the ZVH partner, as long as they have no passkey yet: a
 * fresh link on every start (the old ones stay single-use and expire), none once a passkey exists.
 */
export async function firstRunInvitations(
  deps: Pick<UseCaseDeps, 'store' | 'clock'>,
  partnerId: string,
): Promise<{ rol: string; token: string }[]> {
  const { store, clock } = deps;
  if (!(await store.partners.findById(partnerId))) return [];
  const existing = await store.medewerkers.byPartner(partnerId);
  const out: { rol: string; token: string }[] = [];
  for (const first of FIRST) {
    const known = existing.find((m) => m.pseudoniem === first.pseudoniem);
    if (!known) {
      out.push({ rol: first.rol, token: (await inviteMedewerker(deps, { partnerId, ...first })).token });
      continue;
    }
    if ((await store.medewerkers.passkeysOf(known.id)).length > 0) continue;
    const token = newToken();
    const now = clock.now();
    await store.medewerkers.addInvitation(
      {
        id: randomUUID(),
        tokenHash: tokenHash(token),
        medewerkerId: known.id,
        verlooptOp: new Date(now.getTime() + INVITATION_TTL_MS),
      },
      now,
    );
    out.push({ rol: first.rol, token });
  }
  return out;
}
