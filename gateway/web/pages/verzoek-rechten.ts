import { DomainError } from '../../errors/domain-error.js';
import type { SignedIn } from '../session.js';

/** Handling a request is the ZVH's privacy officer's (zvhPrivacyOfficer in the API); partners' officers only read. */
export function requireZvhOfficer(user: SignedIn): void {
  if (user.partner.soort !== 'zvh')
    throw new DomainError(
      'forbidden',
      'Alleen de privacy officer van het Zorg- en Veiligheidshuis behandelt verzoeken.',
    );
}
