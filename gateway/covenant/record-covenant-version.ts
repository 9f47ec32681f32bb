import { fileURLToPath } from 'node:url';
import type { Store } from '../../adapters/store/open-store.js';
import type { CompiledCovenant } from '../../policies/covenant/compile-covenant.js';

/** The example covenant shipped with Knooppunt, used when KNOOPPUNT_COVENANT_DIR is not set. */
export const defaultCovenantDir = fileURLToPath(new URL('../../policies/covenants', import.meta.url));

/**
 * Keeps the text of every covenant version that was ever in use, by hash, so a decision naming
 * `id@versie` can always be traced to the exact rules that made it.
 */
export async function recordCovenantVersion(store: Store, c: CompiledCovenant): Promise<void> {
  const existing = await store.db.convenantVersie.findUnique({ where: { sha256: c.sha256 } });
  if (existing) return;
  const sameLabel = await store.db.convenantVersie.findUnique({
    where: { convenantId_versie: { convenantId: c.id, versie: c.versie } },
  });
  // A changed text under an unchanged version number is kept too, under a suffixed version, so no text is lost.
  const versie = sameLabel ? `${c.versie}+${c.sha256.slice(0, 12)}` : c.versie;
  await store.db.convenantVersie.create({
    data: {
      id: `${c.id}@${versie}`,
      convenantId: c.id,
      versie,
      geldigVanaf: c.geldigVanaf,
      geldigTot: c.geldigTot ?? null,
      sha256: c.sha256,
      bron: c.sourceText,
    },
  });
}
