import type { DbClient } from './db-client.js';

export interface OverlegRecord {
  id: string;
  datum: Date;
  locatie: string | null;
  online: boolean;
  door: string;
  aangemaaktOp: Date;
}

export interface AgendapuntRecord {
  id: string;
  overlegId: string;
  casusId: string;
  volgorde: number;
  /** JSON array of partner ids. */
  genodigden: string;
  /** Encrypted under the casus' data key. */
  notulen: string | null;
}

export interface AfspraakRecord {
  id: string;
  agendapuntId: string;
  casusId: string;
  eigenaarPartnerId: string | null;
  /** Encrypted under the casus' data key. */
  tekst: string;
  deadline: Date | null;
  op: Date;
}

/** Casusoverleggen, their agenda items and the agreements made. */
export function overlegRepository(db: DbClient) {
  return {
    create: async (o: OverlegRecord): Promise<void> => {
      await db.casusoverleg.create({ data: o });
    },
    findById: (id: string): Promise<OverlegRecord | null> => db.casusoverleg.findUnique({ where: { id } }),
    /** Adds the casus as the next item of the agenda. */
    async addAgendapunt(a: Omit<AgendapuntRecord, 'volgorde' | 'notulen'>): Promise<AgendapuntRecord> {
      const volgorde = (await db.agendapunt.count({ where: { overlegId: a.overlegId } })) + 1;
      return db.agendapunt.create({ data: { ...a, volgorde } });
    },
    agenda: (overlegId: string): Promise<AgendapuntRecord[]> =>
      db.agendapunt.findMany({ where: { overlegId }, orderBy: { volgorde: 'asc' } }),
    findAgendapunt: (id: string): Promise<AgendapuntRecord | null> => db.agendapunt.findUnique({ where: { id } }),
    agendapuntenOf: (casusId: string): Promise<AgendapuntRecord[]> =>
      db.agendapunt.findMany({ where: { casusId }, orderBy: { id: 'asc' } }),
    setNotulen: async (id: string, notulen: string): Promise<void> => {
      await db.agendapunt.update({ where: { id }, data: { notulen } });
    },
    addAfspraak: async (a: AfspraakRecord): Promise<void> => {
      await db.afspraak.create({ data: a });
    },
    afsprakenOf: (agendapuntIds: string[]): Promise<AfspraakRecord[]> =>
      db.afspraak.findMany({ where: { agendapuntId: { in: agendapuntIds } }, orderBy: [{ op: 'asc' }, { id: 'asc' }] }),
  };
}

export type OverlegRepository = ReturnType<typeof overlegRepository>;
