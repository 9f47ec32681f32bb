import type { Repositories } from '../../adapters/store/repositories.js';
import type { DataProtection } from '../../adapters/crypto/data-protection.js';

/**
 * The casus' data key (made on first use). Minutes, agreements and progress notes are about the casus as
 * a whole, not one betrokkene, so they are encrypted under this key; destroying it shreds them.
 */
export async function casusSleutel(repos: Repositories, dp: DataProtection, casusId: string): Promise<Buffer> {
  const wrapped = await repos.levensloop.sleutelOf(casusId, () => dp.newDataKey().wrapped);
  if (!wrapped) throw new Error(`casus ${casusId} has no row`);
  return dp.unwrapDataKey(wrapped);
}
