/**
 * Roles an employee (actor) can act in. The partner is the organisation; the actor is the person inside
 * it, known to Knooppunt only by a pseudonymous id chosen by the partner. Roles decide which functions
 * a caller may use; the covenant decides which data flows.
 */
export const actorRoles = [
  'medewerker',
  'procesregisseur',
  'privacy-officer',
  'beheerder',
  'beleidsmedewerker',
  'ketenmanager',
  'systeem',
] as const;
export type ActorRole = (typeof actorRoles)[number];

export interface Actor {
  id: string;
  rol: ActorRole;
}

/** A machine call without a named employee. */
export const systemActor: Actor = Object.freeze({ id: 'systeem', rol: 'systeem' });

/** Pseudonymous ids only: no e-mail addresses or names, which would put personal data in the log. */
const PSEUDONYM = /^[A-Za-z0-9._-]{1,64}$/;

/** Roles only the ZVH itself (partner kind `zvh`) may hand to its staff. */
const ZVH_ONLY: ReadonlySet<ActorRole> = new Set(['procesregisseur', 'beheerder', 'ketenmanager']);

export function isActorRole(value: unknown): value is ActorRole {
  return typeof value === 'string' && (actorRoles as readonly string[]).includes(value);
}

/** Reads an `act` claim ({sub, rol}); undefined when it is absent, throws on a malformed one. */
export function parseActorClaim(act: unknown): Actor | undefined {
  if (act === undefined) return undefined;
  if (typeof act !== 'object' || act === null) throw new Error('act must be an object');
  const { sub, rol } = act as { sub?: unknown; rol?: unknown };
  if (typeof sub !== 'string' || !PSEUDONYM.test(sub)) throw new Error('act.sub must be a pseudonymous id');
  if (!isActorRole(rol) || rol === 'systeem') throw new Error('act.rol is not a known role');
  return { id: sub, rol };
}

/** Whether a partner of this kind may have actors in this role. */
export function roleAllowedFor(partnerSoort: string, rol: ActorRole): boolean {
  return !ZVH_ONLY.has(rol) || partnerSoort === 'zvh';
}
