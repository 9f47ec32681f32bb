import { join, sqltag as sql } from '@prisma/client/runtime/client';
import type { DbClient } from './db-client.js';

export interface BeperkingRecord {
  id: string;
  verzoekId: string;
  betrokkeneId: string;
  /** Null: every item about the person. */
  itemId: string | null;
  soort: string;
  /** JSON array of purposes objected to; null: all. */
  doelen: string | null;
  door: string;
  sinds: Date;
  opgehevenOp: Date | null;
  opgehevenDoor: string | null;
  opheffingsgrond: string | null;
}

/** Restrictions, objections and disputes of processing, open and lifted. */
export function beperkingRepository(db: DbClient) {
  return {
    add: async (b: Omit<BeperkingRecord, 'opgehevenOp' | 'opgehevenDoor' | 'opheffingsgrond'>): Promise<void> => {
      await db.beperking.create({ data: b });
    },
    find: (id: string): Promise<BeperkingRecord | null> => db.beperking.findUnique({ where: { id } }),
    /**
     * The open ones covering any of these persons or items (a person-wide one covers all their items).
     * Asked on every pull: raw SQL, because Prisma's query compiler cost more than the query itself
     * (`npm run bench`, pull-https; docs/scale.md). The row types map the same on SQLite and PostgreSQL.
     */
    openFor: async (betrokkeneIds: string[], itemIds: string[]): Promise<BeperkingRecord[]> => {
      if (betrokkeneIds.length === 0 && itemIds.length === 0) return [];
      const persons =
        betrokkeneIds.length > 0 ? sql`("betrokkeneId" IN (${join(betrokkeneIds)}) AND "itemId" IS NULL)` : sql`1 = 0`;
      const items = itemIds.length > 0 ? sql`"itemId" IN (${join(itemIds)})` : sql`1 = 0`;
      return db.$queryRaw<BeperkingRecord[]>`
        SELECT "id", "verzoekId", "betrokkeneId", "itemId", "soort", "doelen", "door", "sinds", "opgehevenOp",
          "opgehevenDoor", "opheffingsgrond"
        FROM "Beperking" WHERE "opgehevenOp" IS NULL AND (${persons} OR ${items})`;
    },
    /** Every open one of this kind (retention asks for the restrictions: few, whatever the data). */
    openVanSoort: (soort: string): Promise<BeperkingRecord[]> =>
      db.beperking.findMany({ where: { opgehevenOp: null, soort } }),
    /** Lifts an open one; false when it was not open. */
    lift: async (id: string, door: string, grond: string, at: Date): Promise<boolean> =>
      (
        await db.beperking.updateMany({
          where: { id, opgehevenOp: null },
          data: { opgehevenOp: at, opgehevenDoor: door, opheffingsgrond: grond },
        })
      ).count === 1,
    /** Lifts the open ones of one kind on one item (a dispute, when the source partner decided). */
    liftOnItem: async (itemId: string, soort: string, door: string, grond: string, at: Date): Promise<number> =>
      (
        await db.beperking.updateMany({
          where: { itemId, soort, opgehevenOp: null },
          data: { opgehevenOp: at, opgehevenDoor: door, opheffingsgrond: grond },
        })
      ).count,
  };
}

export type BeperkingRepository = ReturnType<typeof beperkingRepository>;
