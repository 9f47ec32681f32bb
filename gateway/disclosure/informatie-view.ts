import type { Casus, InformatieItem } from '../../adapters/store/open-store.js';
import type { IntakeDeps } from '../intake/intake-deps.js';
import type { Candidate, Gathered } from './pull-views.js';

export type CasusFacts = Pick<Casus, 'id' | 'fase' | 'codeRood' | 'aanmelderId'>;

type Row = { [K in keyof InformatieItem]: InformatieItem[K] | null } & {
  dataSleutel: string | null;
  casusFase: string;
  casusCodeRood: boolean;
  casusAanmelder: string;
};

/**
 * The informatie view, the most requested read, in one query: the casus (only when `partnerId` takes
 * part — otherwise no rows, exactly as for a missing casus), its items, and their owners' wrapped data
 * keys. Raw SQL because Prisma's query compiler cost more than the query on this path (`npm run bench`,
 * pull-https); the row types map the same on SQLite and PostgreSQL.
 */
export async function informatieView(
  deps: IntakeDeps,
  casusId: string,
  partnerId: string,
): Promise<{ casus: CasusFacts; gathered: Gathered } | null> {
  const rows = await deps.db.$queryRaw<Row[]>`
    SELECT c."fase" AS "casusFase", c."codeRood" AS "casusCodeRood", c."aanmelderId" AS "casusAanmelder", i.*, b."dataSleutel"
    FROM "Casus" c
    LEFT JOIN "InformatieItem" i ON i."casusId" = c."id"
    LEFT JOIN "Betrokkene" b ON b."id" = i."betrokkeneId"
    WHERE c."id" = ${casusId} AND EXISTS (SELECT 1 FROM "CasusDeelnemer" d WHERE d."casusId" = c."id" AND d."partnerId" = ${partnerId})
    ORDER BY i."ontvangenOp", i."id"`;
  const first = rows[0];
  if (!first) return null;
  const casus = {
    id: casusId,
    fase: first.casusFase,
    codeRood: first.casusCodeRood,
    aanmelderId: first.casusAanmelder,
  };
  // Each owner's data key is unwrapped once per pull.
  const keys = new Map<string, Buffer | undefined>();
  const keyOf = (row: Row) => {
    if (!keys.has(row.betrokkeneId!))
      keys.set(row.betrokkeneId!, row.dataSleutel ? deps.dp.unwrapDataKey(row.dataSleutel) : undefined);
    return keys.get(row.betrokkeneId!);
  };
  const candidates: Candidate[] = [];
  for (const item of rows) {
    if (item.id === null) continue; // the casus has no items: its one row carries only the casus
    const key = item.versleuteld ? keyOf(item) : undefined;
    // A special category whose data key was destroyed (erasure) has no content any more.
    const inhoud = !item.versleuteld
      ? item.inhoud!
      : key
        ? deps.dp.decrypt(key, item.inhoud!, `item:${item.id}`)
        : undefined;
    candidates.push({
      bron: item.bronPartnerId!,
      categorie: item.categorie!,
      subject: item.betrokkeneId ?? undefined,
      // Masking names fields inside free text that cannot be cut out reliably: any masking withholds the content.
      render: (masked) => ({
        id: item.id,
        categorie: item.categorie,
        leefgebied: item.leefgebied,
        betrokkene: item.betrokkeneId,
        bron: item.bronPartnerId,
        grondslag: item.grondslag,
        ontvangenOp: item.ontvangenOp!.toISOString(),
        ...(masked.length === 0 && inhoud !== undefined
          ? { inhoud }
          : { gemaskeerd: masked.length ? masked : ['gewist'] }),
      }),
    });
  }
  return { casus, gathered: { candidates, shape: (parts) => ({ items: parts.map((p) => p.value) }) } };
}
