import type { Ledger } from '../../../adapters/ledger/ledger.js';
import type { DisclosureFacts } from '../../disclosure/disclosure-log.js';

/** One entry of the log that names the person, with its exact body (the bytes its leaf hash covers). */
export interface GelogdeVerstrekking {
  index: number;
  leafHash: string;
  logRegel: string;
  regel: DisclosureFacts & { tijd: string };
}

const PAGE = 5000;

/**
 * Every disclosure in the log up to `peildatum` that names one of `refs` (the person's keyed
 * references). Refusals are skipped: nothing left. Entries are canonical JSON, so an entry whose text
 * holds none of the references cannot match and is not parsed. A full scan, as the officer's search.
 */
export async function verstrekkingenUitLog(
  ledger: Pick<Ledger, 'size' | 'entries'>,
  refs: ReadonlySet<string>,
  peildatum: Date,
): Promise<GelogdeVerstrekking[]> {
  const wanted = [...refs];
  const out: GelogdeVerstrekking[] = [];
  const size = await ledger.size();
  for (let from = 0; from < size; from += PAGE) {
    for (const e of await ledger.entries(from, Math.min(size, from + PAGE))) {
      if (e.tijd > peildatum || !wanted.some((r) => e.body.includes(r))) continue;
      const regel = JSON.parse(e.body) as GelogdeVerstrekking['regel'];
      if (regel.soort === 'weigering' || !regel.subjectRefs?.some((r) => refs.has(r))) continue;
      out.push({ index: e.index, leafHash: e.leafHash.toString('hex'), logRegel: e.body, regel });
    }
  }
  return out;
}
