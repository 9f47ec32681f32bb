import type { DataProtection } from '../../../adapters/crypto/data-protection.js';
import type { Repositories } from '../../../adapters/store/repositories.js';
import { isRegime, type Regime } from '../termijnen/regimes.js';

export interface PersoonVanVerzoek {
  /** Every betrokkene record of the person (merged records included); empty when unknown. */
  betrokkenen: string[];
  bronPartners: string[];
  regimes: Regime[];
}

/** The person's records through the keyed BSN pseudonym, and who supplied data about them under which regime. */
export async function persoonVanVerzoek(
  store: Pick<Repositories, 'betrokkenen' | 'rechtenverzoeken'>,
  bsnPseudoniem: string,
): Promise<PersoonVanVerzoek> {
  const known = await store.betrokkenen.findIdByBsnPseudonym(bsnPseudoniem);
  const betrokkenen = known ? await store.betrokkenen.recordsOfPerson(known) : [];
  const bronnen = await store.rechtenverzoeken.bronnenOver(betrokkenen);
  const regimes = [...new Set(bronnen.map((b) => b.regime).filter(isRegime))];
  return { betrokkenen, bronPartners: bronnen.map((b) => b.partnerId), regimes };
}

/** The pseudonym of a BSN; exported so callers never hash a BSN their own way. */
export const pseudoniemVan = (dp: DataProtection, bsn: string): string => dp.bsnPseudonym(bsn);
