import { fileURLToPath } from 'node:url';
import type { CovenantVersionRepository } from '../../adapters/store/covenant-version-repository.js';
import type { CompiledCovenant } from '../../policies/covenant/compile-covenant.js';

/** The example covenant shipped with Knooppunt, used when KNOOPPUNT_COVENANT_DIR is not set. */
export const defaultCovenantDir = fileURLToPath(new URL('../../policies/covenants', import.meta.url));

/**
 * Keeps the text of every covenant version that was ever in use, by hash, so a decision naming
 * `id@versie` can always be traced to the exact rules that made it.
 */
export async function recordCovenantVersion(
  store: { covenantVersions: CovenantVersionRepository },
  c: CompiledCovenant,
): Promise<void> {
  const versions = store.covenantVersions;
  if (await versions.existsWithHash(c.sha256)) return;
  // A changed text under an unchanged version number is kept too, under a suffixed version, so no text is lost.
  const versie = (await versions.existsWithLabel(c.id, c.versie)) ? `${c.versie}+${c.sha256.slice(0, 12)}` : c.versie;
  await versions.create({
    id: `${c.id}@${versie}`,
    convenantId: c.id,
    versie,
    geldigVanaf: c.geldigVanaf,
    geldigTot: c.geldigTot ?? null,
    sha256: c.sha256,
    bron: c.sourceText,
  });
}
