import type { DbClient } from './db-client.js';

export interface ImportTaakRecord {
  id: string;
  partnerId: string;
  profiel: string;
  status: string;
  sleutel: string;
  inhoud: string | null;
  rijen: number;
  verwerkt: number;
  aangemaakt: number;
  bijgewerkt: number;
  geweigerd: number;
  rapport: string | null;
  fout: string | null;
  aangemaaktOp: Date;
  gewijzigdOp: Date;
}

export type ImportVoortgang = Pick<ImportTaakRecord, 'verwerkt' | 'aangemaakt' | 'bijgewerkt' | 'geweigerd'>;

/** Import tasks: the uploaded file, progress and report. */
export function importRepository(db: DbClient) {
  return {
    create: async (
      t: Pick<ImportTaakRecord, 'id' | 'partnerId' | 'profiel' | 'sleutel' | 'inhoud' | 'rijen' | 'aangemaaktOp'>,
    ): Promise<void> => {
      await db.importTaak.create({ data: { ...t, gewijzigdOp: t.aangemaaktOp } });
    },
    /** The task, only for the partner that uploaded it (another partner's is as missing). */
    findOwn: (id: string, partnerId: string): Promise<ImportTaakRecord | null> =>
      db.importTaak.findFirst({ where: { id, partnerId } }),
    findById: (id: string): Promise<ImportTaakRecord | null> => db.importTaak.findUnique({ where: { id } }),
    /** Unfinished tasks nobody touched since `silentSince`: never started, or their run died. */
    unfinished: async (silentSince: Date): Promise<string[]> =>
      (
        await db.importTaak.findMany({
          where: { status: { in: ['wachtend', 'bezig'] }, gewijzigdOp: { lt: silentSince } },
          select: { id: true },
          orderBy: { aangemaaktOp: 'asc' },
        })
      ).map((t) => t.id),
    /**
     * Takes the task for one run: only when it is waiting, or running but silent since `silentSince`
     * (its process died). One conditional update, so of two processes at most one gets it.
     */
    claim: async (id: string, at: Date, silentSince: Date): Promise<boolean> =>
      (
        await db.importTaak.updateMany({
          where: {
            id,
            OR: [{ status: 'wachtend' }, { status: 'bezig', gewijzigdOp: { lt: silentSince } }],
          },
          data: { status: 'bezig', gewijzigdOp: at },
        })
      ).count === 1,
    progress: async (id: string, p: ImportVoortgang, at: Date): Promise<void> => {
      await db.importTaak.update({ where: { id }, data: { ...p, gewijzigdOp: at } });
    },
    /** Done: the file is removed, the (encrypted) report kept. */
    finish: async (id: string, p: ImportVoortgang, rapport: string, at: Date): Promise<void> => {
      await db.importTaak.update({
        where: { id },
        data: { ...p, rapport, inhoud: null, status: 'klaar', gewijzigdOp: at },
      });
    },
    fail: async (id: string, fout: string, at: Date): Promise<void> => {
      await db.importTaak.update({ where: { id }, data: { status: 'mislukt', fout, inhoud: null, gewijzigdOp: at } });
    },
  };
}

export type ImportRepository = ReturnType<typeof importRepository>;
