import type { ActorRole } from '../auth/actor.js';

/** The roles an employee holds in the web application. */
export const webRollen = [
  'privacy-officer',
  'procesregisseur',
  'ketenmanager',
  'beheerder',
  'beleidsmedewerker',
] as const;
export type WebRol = (typeof webRollen)[number];

export function isWebRol(value: unknown): value is WebRol {
  return typeof value === 'string' && (webRollen as readonly string[]).includes(value);
}

/**
 * The API role a web role acts as: the pages call the same use cases with the same role checks as the
 * API. Ketenmanager and beleidsmedewerker have no API role of their own and act as a plain medewerker.
 */
export function actorRolOf(rol: WebRol): ActorRole {
  switch (rol) {
    case 'privacy-officer':
    case 'procesregisseur':
    case 'beheerder':
      return rol;
    default:
      return 'medewerker';
  }
}

export const rolNamen: Record<WebRol, string> = {
  'privacy-officer': 'Privacy officer',
  procesregisseur: 'Procesregisseur',
  ketenmanager: 'Ketenmanager',
  beheerder: 'Beheerder',
  beleidsmedewerker: 'Beleidsmedewerker',
};
