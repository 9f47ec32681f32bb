import type { Operation } from '../operation.js';
import { covenantReader } from '../roles.js';

/** The covenant versions loaded (and the files refused), and which one is in force. */
export const listConvenanten: Operation<'listConvenanten'> = {
  roles: covenantReader,
  async handle(_request, { covenants }) {
    return {
      status: 200,
      body: {
        inWerking: covenants.current()?.label ?? null,
        versies: covenants.versions().map((c) => ({
          id: c.id,
          versie: c.versie,
          titel: c.titel,
          sha256: c.sha256,
          geldigVanaf: c.geldigVanaf.toISOString(),
          geldigTot: c.geldigTot?.toISOString() ?? null,
          ondertekenaars: c.document.convenant.ondertekenaars.map((o) => o.partner),
        })),
        geweigerd: covenants.refused().map((r) => ({ bestand: r.file, redenen: r.reasons, op: r.at.toISOString() })),
      },
    };
  },
};
