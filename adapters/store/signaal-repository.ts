import type { DbClient } from './db-client.js';

/** What the signaalfunctie counts about one casus: codes and dates, no content and no person. */
export interface CasusKenmerken {
  gemeente: string;
  aangemaaktOp: Date;
  afgeslotenOp: Date | null;
  /** The current triage decision (JSON text) or null. */
  triage: string | null;
  /** JSON array of leefgebied keys. */
  leefgebieden: string;
  /** Soorten of the partners taking part. */
  deelnemerSoorten: string[];
  /** Whether a betrokkene of this casus was already in an earlier casus. */
  heraanmelding: boolean;
}

/** Read-only: the features of casussen per period for case-transcending figures. */
export function signaalRepository(db: DbClient) {
  return {
    async casussenAangemeld(van: Date, tot: Date): Promise<CasusKenmerken[]> {
      const rows = await db.casus.findMany({
        where: { aangemaaktOp: { gte: van, lt: tot } },
        select: {
          gemeente: true,
          aangemaaktOp: true,
          afgeslotenOp: true,
          triage: true,
          leefgebieden: true,
          deelnemers: { select: { partner: { select: { soort: true } } } },
          betrokkenen: { select: { betrokkeneId: true } },
        },
      });
      const ids = [...new Set(rows.flatMap((r) => r.betrokkenen.map((b) => b.betrokkeneId)))];
      const links = await db.casusBetrokkene.findMany({
        where: { betrokkeneId: { in: ids } },
        select: { betrokkeneId: true, casus: { select: { aangemaaktOp: true } } },
      });
      const first = new Map<string, number>();
      for (const l of links) {
        const t = l.casus.aangemaaktOp.getTime();
        first.set(l.betrokkeneId, Math.min(t, first.get(l.betrokkeneId) ?? t));
      }
      return rows.map((r) => ({
        gemeente: r.gemeente,
        aangemaaktOp: r.aangemaaktOp,
        afgeslotenOp: r.afgeslotenOp,
        triage: r.triage,
        leefgebieden: r.leefgebieden,
        deelnemerSoorten: [...new Set(r.deelnemers.map((d) => d.partner.soort))],
        heraanmelding: r.betrokkenen.some((b) => (first.get(b.betrokkeneId) ?? Infinity) < r.aangemaaktOp.getTime()),
      }));
    },
  };
}

export type SignaalRepository = ReturnType<typeof signaalRepository>;
