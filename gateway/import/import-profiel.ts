import { loadImportProfile, type ImportProfile } from '../../adapters/partner-formats/import-profile.js';
import { DomainError } from '../errors/domain-error.js';

const NAME = /^[a-z0-9][a-z0-9-]{0,63}$/;

/**
 * The mapping profile a partner names for an upload: a profile file of its own (named after the
 * partner id today). An unknown name, or another partner's profile, is the same 400.
 */
export function importProfielVoor(partnerId: string, naam: string): ImportProfile {
  const unknown = new DomainError('invalid-request', 'Onbekend importprofiel', {
    invalidParams: [{ name: 'profiel', reason: 'geen importprofiel van deze partner' }],
  });
  if (!NAME.test(naam) || naam !== partnerId) throw unknown;
  try {
    return loadImportProfile(naam);
  } catch {
    throw unknown;
  }
}
