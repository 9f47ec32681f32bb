import type { DbClient } from './db-client.js';

export interface UitgaandRecord {
  id: string;
  partnerId: string;
  soort: string;
  casusId: string | null;
  data: string;
  aangemaaktOp: Date;
  status: string;
  pogingen: number;
  volgendePoging: Date;
  laatsteFout: string | null;
  afgeleverdOp: Date | null;
}

export type NieuwUitgaand = Pick<UitgaandRecord, 'id' | 'partnerId' | 'soort' | 'casusId' | 'data' | 'aangemaaktOp'>;

/** The webhook outbox and its dead letters. */
export function uitgaandRepository(db: DbClient) {
  return {
    add: async (u: NieuwUitgaand): Promise<void> => {
      await db.uitgaand.create({ data: { ...u, volgendePoging: u.aangemaaktOp } });
    },
    /** Events due for an attempt, oldest first. */
    due: (now: Date, take: number): Promise<UitgaandRecord[]> =>
      db.uitgaand.findMany({
        where: { status: 'wachtend', volgendePoging: { lte: now } },
        orderBy: [{ volgendePoging: 'asc' }, { id: 'asc' }],
        take,
      }),
    /**
     * Records an attempt's outcome, only if the row is still as it was read (status and count): of two
     * workers that picked the same event, one records it.
     */
    async recordAttempt(
      id: string,
      seen: number,
      next: Pick<UitgaandRecord, 'status' | 'volgendePoging' | 'laatsteFout' | 'afgeleverdOp'>,
    ): Promise<boolean> {
      const { count } = await db.uitgaand.updateMany({
        where: { id, status: 'wachtend', pogingen: seen },
        data: { ...next, pogingen: seen + 1 },
      });
      return count === 1;
    },
    /** Claims an event for one attempt: false when another worker already has it. */
    async claim(id: string, seen: number, until: Date): Promise<boolean> {
      const { count } = await db.uitgaand.updateMany({
        where: { id, status: 'wachtend', pogingen: seen, volgendePoging: { lt: until } },
        data: { volgendePoging: until },
      });
      return count === 1;
    },
    markWithoutSubscription: async (id: string): Promise<void> => {
      await db.uitgaand.update({ where: { id }, data: { status: 'zonder-abonnement' } });
    },
    deadLetters: (): Promise<UitgaandRecord[]> =>
      db.uitgaand.findMany({ where: { status: 'dood' }, orderBy: [{ aangemaaktOp: 'asc' }, { id: 'asc' }], take: 500 }),
    /** A dead letter back in the queue with a fresh count; false when there is no such dead letter. */
    async requeue(id: string, now: Date): Promise<boolean> {
      const { count } = await db.uitgaand.updateMany({
        where: { id, status: 'dood' },
        data: { status: 'wachtend', pogingen: 0, volgendePoging: now },
      });
      return count === 1;
    },
    findById: (id: string): Promise<UitgaandRecord | null> => db.uitgaand.findUnique({ where: { id } }),
  };
}

export type UitgaandRepository = ReturnType<typeof uitgaandRepository>;
