import { amsterdamDayStart, nextDay } from '../amsterdam-day.js';
import { type FieldError, textOf } from '../form-fields.js';
import type { ReviewQuery } from '../../disclosure/review.js';
import { isValidBsn } from '../../intake/bsn.js';

/** The search form's values as typed (to show them again) and as the use case's query, with any errors. */
export interface LogSearch {
  values: Record<'bsn' | 'partner' | 'doel' | 'casus' | 'van' | 'tot' | 'sortering', string>;
  query: ReviewQuery;
  pagina: number;
  errors: FieldError[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Reads and checks the search form; errors say in plain words what to change. */
export function readLogSearch(form: Record<string, unknown>): LogSearch {
  const v = (name: string) => textOf(form, name) ?? '';
  const values = {
    bsn: v('bsn').replace(/[\s.]/g, ''),
    partner: v('partner'),
    doel: v('doel'),
    casus: v('casus'),
    van: v('van'),
    tot: v('tot'),
    sortering: v('sortering') === 'oudste' ? 'oudste' : 'nieuwste',
  };
  const errors: FieldError[] = [];
  if (values.bsn && (!/^\d{9}$/.test(values.bsn) || !isValidBsn(values.bsn)))
    errors.push({ field: 'bsn', message: 'Vul een geldig BSN in van 9 cijfers.' });
  if (values.casus && !UUID.test(values.casus))
    errors.push({ field: 'casus', message: 'Het casusnummer heeft de vorm 0190f1c2-…: 36 tekens.' });
  if (values.partner.length > 64) errors.push({ field: 'partner', message: 'De partnercode is te lang.' });
  if (values.doel.length > 64) errors.push({ field: 'doel', message: 'Het doel is te lang.' });
  const van = values.van ? amsterdamDayStart(values.van) : undefined;
  const tot = values.tot ? amsterdamDayStart(nextDay(values.tot)) : undefined;
  if (values.van && !van) errors.push({ field: 'van', message: 'Vul de begindatum in als jjjj-mm-dd.' });
  if (values.tot && !tot) errors.push({ field: 'tot', message: 'Vul de einddatum in als jjjj-mm-dd.' });
  const query: ReviewQuery = {
    bsn: values.bsn || undefined,
    partner: values.partner || undefined,
    doel: values.doel || undefined,
    casus: values.casus || undefined,
    van,
    tot,
  };
  const pagina = Math.max(1, Math.min(10_000, Number.parseInt(v('pagina'), 10) || 1));
  return { values, query, pagina, errors };
}
