import type { DbClient } from './db-client.js';

/** One step of a casus through its lifecycle. */
export interface OvergangRecord {
  id: string;
  casusId: string;
  volgnummer: number;
  van: string;
  naar: string;
  door: string;
  reden: string;
  op: Date;
}

/** One event of participation: an invitation or an ending, each with its reason. */
export interface DeelnameRecord {
  id: string;
  casusId: string;
  partnerId: string;
  soort: 'uitgenodigd' | 'beeindigd';
  rol: string;
  reden: string;
  door: string;
  op: Date;
}

/** The casus' lifecycle (status, phase, closure) and the history of its steps and of its participants. */
export function levensloopRepository(db: DbClient) {
  return {
    /**
     * Records the step and moves the casus, only if it still has status `van` (compare-and-set: two
     * steps taken at once cannot both apply). False when the casus had moved on meanwhile.
     */
    async recordOvergang(
      o: Omit<OvergangRecord, 'volgnummer'>,
      next: { status: string; fase: string; afgeslotenOp?: Date | null },
    ): Promise<boolean> {
      const moved = await db.casus.updateMany({ where: { id: o.casusId, status: o.van }, data: next });
      if (moved.count === 0) return false;
      const last = await db.casusOvergang.findFirst({ where: { casusId: o.casusId }, orderBy: { volgnummer: 'desc' } });
      await db.casusOvergang.create({ data: { ...o, volgnummer: (last?.volgnummer ?? 0) + 1 } });
      return true;
    },
    /** Every step of the casus, in the order taken. */
    overgangen: (casusId: string): Promise<OvergangRecord[]> =>
      db.casusOvergang.findMany({ where: { casusId }, orderBy: { volgnummer: 'asc' } }),

    recordDeelname: async (d: DeelnameRecord): Promise<void> => {
      await db.casusDeelname.create({ data: d });
    },
    /** The participation history of the casus, oldest first. */
    deelnames: async (casusId: string): Promise<DeelnameRecord[]> =>
      (await db.casusDeelname.findMany({ where: { casusId }, orderBy: { op: 'asc' } })).map((d) => ({
        ...d,
        soort: d.soort as DeelnameRecord['soort'],
      })),
    /** Ends the partner's participation: the row goes, so every participation check refuses at once. */
    removeDeelnemer: async (casusId: string, partnerId: string): Promise<boolean> =>
      (await db.casusDeelnemer.deleteMany({ where: { casusId, partnerId } })).count > 0,
    /** The role the partner takes part in the casus with, or null. */
    rolOf: async (casusId: string, partnerId: string): Promise<string | null> =>
      (await db.casusDeelnemer.findUnique({ where: { casusId_partnerId: { casusId, partnerId } } }))?.rol ?? null,
    /** Ids of the other casussen the partner takes part in as an occasional (incidentele) partner. */
    incidenteelElders: async (partnerId: string, casusId: string): Promise<string[]> =>
      (
        await db.casusDeelnemer.findMany({
          where: { partnerId, rol: 'incidenteel', casusId: { not: casusId } },
          select: { casusId: true },
        })
      ).map((d) => d.casusId),
    /** The casus' wrapped data key, creating it with `make` on first use. */
    async sleutelOf(casusId: string, make: () => string): Promise<string | null> {
      const c = await db.casus.findUnique({ where: { id: casusId }, select: { sleutel: true } });
      if (!c) return null;
      if (c.sleutel) return c.sleutel;
      const wrapped = make();
      await db.casus.updateMany({ where: { id: casusId, sleutel: null }, data: { sleutel: wrapped } });
      return (await db.casus.findUnique({ where: { id: casusId }, select: { sleutel: true } }))!.sleutel;
    },
  };
}

export type LevensloopRepository = ReturnType<typeof levensloopRepository>;
