import type { DbClient } from './db-client.js';

export interface InterventieRecord {
  id: string;
  casusId: string;
  eigenaarPartnerId: string;
  leefgebied: string;
  titel: string;
  deadline: Date;
  status: string;
  aangemaaktOp: Date;
  laatsteVoortgangOp: Date | null;
}

export interface VoortgangRecord {
  id: string;
  interventieId: string;
  casusId: string;
  partnerId: string;
  status: string;
  /** Encrypted under the casus' data key. */
  toelichting: string;
  op: Date;
}

export interface SignaalRecord {
  id: string;
  casusId: string;
  soort: string;
  onderwerp: string;
  opgeworpenOp: Date;
  geescaleerdOp: Date | null;
  opgelostOp: Date | null;
}

const OPEN_STATUSES = ['gepland', 'lopend'];

/** The plan van aanpak's interventions, the progress partners report on them, and the signals they raise. */
export function planRepository(db: DbClient) {
  return {
    addInterventie: async (i: InterventieRecord): Promise<void> => {
      await db.interventie.create({ data: i });
    },
    findInterventie: (id: string): Promise<InterventieRecord | null> => db.interventie.findUnique({ where: { id } }),
    interventiesOf: (casusId: string): Promise<InterventieRecord[]> =>
      db.interventie.findMany({ where: { casusId }, orderBy: [{ aangemaaktOp: 'asc' }, { id: 'asc' }] }),
    /** Adds the report and carries its status and moment onto the intervention. */
    async addVoortgang(v: VoortgangRecord): Promise<void> {
      await db.voortgang.create({ data: v });
      await db.interventie.update({
        where: { id: v.interventieId },
        data: { status: v.status, laatsteVoortgangOp: v.op },
      });
    },
    voortgangOf: (interventieId: string): Promise<VoortgangRecord[]> =>
      db.voortgang.findMany({ where: { interventieId }, orderBy: [{ op: 'asc' }, { id: 'asc' }] }),

    /** Open interventions whose due date has passed. */
    verlopen: (now: Date): Promise<InterventieRecord[]> =>
      db.interventie.findMany({ where: { status: { in: OPEN_STATUSES }, deadline: { lt: now } } }),
    /**
     * Casussen in an active phase with no step and no progress since `sinds`: the latest of their last
     * transition and their last progress report is older than that.
     */
    async stagnerend(statuses: string[], sinds: Date): Promise<string[]> {
      const casussen = await db.casus.findMany({ where: { status: { in: statuses } }, select: { id: true } });
      const ids = casussen.map((c) => c.id);
      if (ids.length === 0) return [];
      const [stappen, voortgang] = await Promise.all([
        db.casusOvergang.groupBy({ by: ['casusId'], where: { casusId: { in: ids } }, _max: { op: true } }),
        db.voortgang.groupBy({ by: ['casusId'], where: { casusId: { in: ids } }, _max: { op: true } }),
      ]);
      const latest = new Map<string, number>();
      for (const r of [...stappen, ...voortgang]) {
        const t = r._max.op?.getTime() ?? 0;
        latest.set(r.casusId, Math.max(latest.get(r.casusId) ?? 0, t));
      }
      return ids.filter((id) => (latest.get(id) ?? 0) < sinds.getTime());
    },
    /** Raises the signal unless one of this kind is already open for the subject; true when raised now. */
    async raise(s: Omit<SignaalRecord, 'geescaleerdOp' | 'opgelostOp'>): Promise<boolean> {
      const open = await db.casusSignaal.findUnique({
        where: { soort_onderwerp: { soort: s.soort, onderwerp: s.onderwerp } },
      });
      if (open) return false;
      await db.casusSignaal.create({ data: s });
      return true;
    },
    /** Open signals raised before `voor` and not yet escalated. */
    teEscaleren: (voor: Date): Promise<SignaalRecord[]> =>
      db.casusSignaal.findMany({ where: { opgelostOp: null, geescaleerdOp: null, opgeworpenOp: { lt: voor } } }),
    /** Marks the signal escalated; false when another run did so first. */
    escaleer: async (id: string, op: Date): Promise<boolean> =>
      (await db.casusSignaal.updateMany({ where: { id, geescaleerdOp: null }, data: { geescaleerdOp: op } })).count > 0,
    /** Closes open signals about this subject (progress was reported, the intervention was done). */
    losOp: async (onderwerp: string, op: Date): Promise<void> => {
      await db.casusSignaal.updateMany({ where: { onderwerp, opgelostOp: null }, data: { opgelostOp: op } });
    },
    openSignalen: (alleenGeescaleerd: boolean): Promise<SignaalRecord[]> =>
      db.casusSignaal.findMany({
        where: { opgelostOp: null, ...(alleenGeescaleerd ? { geescaleerdOp: { not: null } } : {}) },
        orderBy: [{ opgeworpenOp: 'asc' }, { id: 'asc' }],
      }),
  };
}

export type PlanRepository = ReturnType<typeof planRepository>;
