import { randomUUID } from 'node:crypto';
import { DomainError } from '../../errors/domain-error.js';
import { roleAllowedFor } from '../../auth/actor.js';
import type { UseCaseDeps } from '../../use-case-deps.js';
import { newToken, tokenHash } from '../secret-token.js';
import { actorRolOf, isWebRol } from '../web-roles.js';

/** How long an enrolment link works. */
export const INVITATION_TTL_MS = 72 * 3_600_000;

/**
 * Creates an employee of a partner and a one-time enrolment link for it (`knooppunt medewerkers
 * uitnodigen`, and the first-run link `npm start` prints). Only the token's hash is stored: the link is
 * shown once. `pseudoniem` is how the employee is shown; no BSN, e-mail or other personal identifier.
 */
export async function inviteMedewerker(
  deps: Pick<UseCaseDeps, 'store' | 'clock'>,
  input: { partnerId: string; rol: string; pseudoniem: string },
): Promise<{ medewerkerId: string; token: string; verlooptOp: Date }> {
  const { store, clock } = deps;
  if (!isWebRol(input.rol)) throw new DomainError('invalid-request', `Onbekende rol: ${input.rol}.`);
  if (!/^[\p{L}\p{N} .'-]{1,64}$/u.test(input.pseudoniem))
    throw new DomainError(
      'invalid-request',
      'De naam mag letters, cijfers, spaties, punten en streepjes bevatten (tot 64).',
    );
  const partner = await store.partners.findById(input.partnerId);
  if (!partner) throw new DomainError('not-found', `Partner ${input.partnerId} bestaat niet.`);
  if (!roleAllowedFor(partner.soort, actorRolOf(input.rol)))
    throw new DomainError(
      'invalid-request',
      `De rol ${input.rol} is alleen voor medewerkers van het Zorg- en Veiligheidshuis.`,
    );
  if ((await store.medewerkers.byPartner(partner.id)).some((m) => m.pseudoniem === input.pseudoniem))
    throw new DomainError('conflict', `Bij ${partner.id} is er al een medewerker met deze naam.`);
  const now = clock.now();
  const token = newToken();
  const verlooptOp = new Date(now.getTime() + INVITATION_TTL_MS);
  const medewerkerId = randomUUID();
  await store.transaction(async (tx) => {
    await tx.medewerkers.create(
      { id: medewerkerId, partnerId: partner.id, rol: input.rol, pseudoniem: input.pseudoniem, oidcSubject: null },
      now,
    );
    await tx.medewerkers.addInvitation(
      { id: randomUUID(), tokenHash: tokenHash(token), medewerkerId, verlooptOp },
      now,
    );
  });
  return { medewerkerId, token, verlooptOp };
}
