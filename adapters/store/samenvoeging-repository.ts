import type { DbClient } from './db-client.js';
import type { NewCasus } from './casus-repository.js';

export interface SamenvoegingRecord {
  id: string;
  soort: 'samenvoeging' | 'splitsing';
  vanCasusId: string;
  naarCasusId: string;
  /** JSON array of betrokkene ids. */
  betrokkenen: string;
  door: string;
  reden: string;
  op: Date;
}

/** Merging two casussen into one and splitting betrokkenen off into a new casus. Run inside a transaction. */
export function samenvoegingRepository(db: DbClient) {
  /** Moves the links of these betrokkenen (all when null) and their items from one casus to another. */
  async function moveBetrokkenen(van: string, naar: string, ids: string[] | null): Promise<string[]> {
    const links = await db.casusBetrokkene.findMany({
      where: { casusId: van, ...(ids ? { betrokkeneId: { in: ids } } : {}) },
    });
    for (const l of links) {
      await db.casusBetrokkene.upsert({
        where: { casusId_betrokkeneId: { casusId: naar, betrokkeneId: l.betrokkeneId } },
        create: { casusId: naar, betrokkeneId: l.betrokkeneId, rol: l.rol },
        update: {},
      });
      await db.casusBetrokkene.delete({
        where: { casusId_betrokkeneId: { casusId: van, betrokkeneId: l.betrokkeneId } },
      });
    }
    await db.informatieItem.updateMany({
      where: { casusId: van, ...(ids ? { betrokkeneId: { in: ids } } : {}) },
      data: { casusId: naar },
    });
    return links.map((l) => l.betrokkeneId);
  }
  /** Gives `naar` every participant of `van` it lacks (same role); with `move`, `van` loses them. */
  async function shareDeelnemers(van: string, naar: string, move: boolean, sinds: Date): Promise<void> {
    for (const d of await db.casusDeelnemer.findMany({ where: { casusId: van } })) {
      await db.casusDeelnemer.upsert({
        where: { casusId_partnerId: { casusId: naar, partnerId: d.partnerId } },
        create: { casusId: naar, partnerId: d.partnerId, rol: d.rol, sinds },
        update: {},
      });
      if (move)
        await db.casusDeelnemer.delete({ where: { casusId_partnerId: { casusId: van, partnerId: d.partnerId } } });
    }
  }
  return {
    /** Merges `van` into `naar`: betrokkenen, items and participants move; `van` points to `naar`. */
    async merge(r: Omit<SamenvoegingRecord, 'betrokkenen' | 'soort'>): Promise<string[]> {
      const moved = await moveBetrokkenen(r.vanCasusId, r.naarCasusId, null);
      await shareDeelnemers(r.vanCasusId, r.naarCasusId, true, r.op);
      await db.casus.update({ where: { id: r.vanCasusId }, data: { samengevoegdIn: r.naarCasusId } });
      await db.casusSamenvoeging.create({ data: { ...r, soort: 'samenvoeging', betrokkenen: JSON.stringify(moved) } });
      return moved;
    },
    /** Creates `nieuw` from the given betrokkenen of `van` (with their items); the participants are shared. */
    async split(
      r: Omit<SamenvoegingRecord, 'soort' | 'naarCasusId'>,
      nieuw: NewCasus & { status: string; fase: string },
    ): Promise<void> {
      await db.casus.create({ data: nieuw });
      await moveBetrokkenen(r.vanCasusId, nieuw.id, JSON.parse(r.betrokkenen) as string[]);
      await shareDeelnemers(r.vanCasusId, nieuw.id, false, r.op);
      await db.casusSamenvoeging.create({ data: { ...r, naarCasusId: nieuw.id, soort: 'splitsing' } });
    },
    /** Every merge and split this casus took part in, oldest first. */
    of: async (casusId: string): Promise<SamenvoegingRecord[]> =>
      (
        await db.casusSamenvoeging.findMany({
          where: { OR: [{ vanCasusId: casusId }, { naarCasusId: casusId }] },
          orderBy: [{ op: 'asc' }, { id: 'asc' }],
        })
      ).map((s) => ({ ...s, soort: s.soort as SamenvoegingRecord['soort'] })),
  };
}

export type SamenvoegingRepository = ReturnType<typeof samenvoegingRepository>;
