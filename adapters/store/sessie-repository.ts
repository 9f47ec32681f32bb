import type { DbClient } from './db-client.js';

export interface SessieRecord {
  id: string;
  medewerkerId: string;
  csrfToken: string;
  aangemaaktOp: Date;
  laatstGebruiktOp: Date;
  beeindigdOp: Date | null;
}

const fields = {
  id: true,
  medewerkerId: true,
  csrfToken: true,
  aangemaaktOp: true,
  laatstGebruiktOp: true,
  beeindigdOp: true,
} as const;

/** Browser sessions of employees: found by the SHA-256 of the cookie value, never by the value itself. */
export function sessieRepository(db: DbClient) {
  return {
    create: (s: { id: string; tokenHash: string; medewerkerId: string; csrfToken: string }, at: Date) =>
      db.sessie.create({ data: { ...s, aangemaaktOp: at, laatstGebruiktOp: at }, select: fields }),
    byTokenHash: (tokenHash: string): Promise<SessieRecord | null> =>
      db.sessie.findUnique({ where: { tokenHash }, select: fields }),
    touch: (id: string, at: Date) => db.sessie.update({ where: { id }, data: { laatstGebruiktOp: at } }),
    end: (id: string, at: Date) =>
      db.sessie.updateMany({ where: { id, beeindigdOp: null }, data: { beeindigdOp: at } }),
    endAllOf: (medewerkerId: string, at: Date) =>
      db.sessie.updateMany({ where: { medewerkerId, beeindigdOp: null }, data: { beeindigdOp: at } }),
  };
}

export type SessieRepository = ReturnType<typeof sessieRepository>;
