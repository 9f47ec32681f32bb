import type { InformatieRecord } from './informatie-repository.js';
import type { DbClient } from './db-client.js';

/** An item about a person, with its owner's wrapped data key (null once erased). */
export type InzageItem = InformatieRecord & { dataSleutel: string | null };

/** A linking proposal about a person, with who decided it and when. */
export interface InzageKoppelvoorstel {
  id: string;
  betrokkeneId: string;
  kandidaatId: string;
  status: string;
  score: number | null;
  overeenkomsten: string[];
  besluitDoor: string | null;
  besluitOp: Date | null;
  aangemaaktOp: Date;
}

/** Reads for an access request (AVG art. 15): everything held about a set of records of one person. */
export function inzageRepository(db: DbClient) {
  return {
    itemsAbout: async (betrokkeneIds: string[]): Promise<InzageItem[]> =>
      (
        await db.informatieItem.findMany({
          where: { betrokkeneId: { in: betrokkeneIds } },
          include: { betrokkene: { select: { dataSleutel: true } } },
          orderBy: [{ ontvangenOp: 'asc' }, { id: 'asc' }],
        })
      ).map(({ betrokkene, ...i }) => ({ ...i, dataSleutel: betrokkene?.dataSleutel ?? null })),
    koppelvoorstellenOver: async (betrokkeneIds: string[]): Promise<InzageKoppelvoorstel[]> =>
      (
        await db.koppelVoorstel.findMany({
          where: { OR: [{ betrokkeneId: { in: betrokkeneIds } }, { kandidaatId: { in: betrokkeneIds } }] },
          orderBy: { aangemaaktOp: 'asc' },
        })
      ).map((k) => ({ ...k, overeenkomsten: k.overeenkomsten ? (JSON.parse(k.overeenkomsten) as string[]) : [] })),
  };
}

export type InzageRepository = ReturnType<typeof inzageRepository>;
