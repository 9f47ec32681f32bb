import { callerOf } from '../../http/caller-of.js';
import { isValidBsn } from '../../intake/bsn.js';
import { amsterdamDatum } from '../../rechten/termijnen/kalender.js';
import { verzoekSoorten, type VerzoekSoort } from '../../rechten/termijnen/regimes.js';
import { isAfgesloten, verzoekStatussen } from '../../rechten/verzoeken/levenscyclus.js';
import { registreerVerzoek } from '../../rechten/verzoeken/registreer-verzoek.js';
import { lijstVerzoeken } from '../../rechten/verzoeken/termijnbewaking.js';
import { toonVerzoek } from '../../rechten/verzoeken/verzoek-weergave.js';
import { verzoekScopeOf } from '../../rechten/verzoeken/verzoek-scope.js';
import { ErrorSummary, TextField, textOf, type FieldError } from '../form-fields.js';
import { datum, getal } from '../format.js';
import { CsrfField } from '../layout.js';
import { listViewOf, pageOf, Pagination, SortHeader } from '../list-controls.js';
import { formErrorsOf } from '../problem-fields.js';
import type { PageRequest, PageResult, WebPage } from '../web-page.js';

const BASE = '/rechtenverzoeken';
const PER_PAGE = 20;
const KOLOMMEN = ['termijn', 'ontvangen', 'soort', 'status'] as const;
const METHODEN = ['id-bewijs-aan-balie', 'digid', 'bekend-bij-partner', 'video-identificatie'] as const;

/** The subject-request queue: open requests by deadline (overdue first), closed ones after them. */
export const verzoekenPage: WebPage = {
  method: 'GET',
  path: BASE,
  access: ['privacy-officer'],
  async handle({ req, deps, user }) {
    const useCases = deps.ops.useCases;
    const scope = verzoekScopeOf(callerOf(user.caller));
    const status = (verzoekStatussen as readonly string[]).includes(String(req.query.status ?? ''))
      ? String(req.query.status)
      : undefined;
    const view = listViewOf(req, KOLOMMEN, { pagina: 1, sort: 'termijn', richting: 'op' });
    const alle = await lijstVerzoeken(useCases, scope, status);
    const page = pageOf(
      alle,
      view,
      {
        termijn: (v) => `${isAfgesloten(v.status) ? 1 : 0}${v.uiterlijk}`,
        ontvangen: (v) => v.ontvangstdatum,
        soort: (v) => v.soort,
        status: (v) => v.status,
      },
      PER_PAGE,
    );
    const vandaag = amsterdamDatum(useCases.clock.now());
    // The article of the governing deadline, for the requests on this page only.
    const artikelen = new Map<string, string>();
    for (const v of page.items) {
      const t = (await toonVerzoek(useCases, scope, v.id)).termijn;
      artikelen.set(v.id, t.perRegime.find((p) => p.regime === t.bepalendRegime)?.artikel ?? '');
    }
    return {
      title: 'Verzoeken van betrokkenen',
      body: (
        <>
          <p class="utrecht-paragraph">
            <a class="utrecht-link" href="/rechtenverzoeken/nieuw">
              Nieuw verzoek registreren
            </a>
          </p>
          <form method="get" action={BASE} class="kp-actions">
            <div class="utrecht-form-field">
              <label class="utrecht-form-label" for="status">
                Status
              </label>
              <select class="utrecht-select" id="status" name="status">
                {['', ...verzoekStatussen].map((s) => (
                  <option value={s} selected={s === (status ?? '')} key={s}>
                    {s || 'Alle'}
                  </option>
                ))}
              </select>
            </div>
            <button class="utrecht-button utrecht-button--secondary-action" type="submit">
              Filteren
            </button>
          </form>
          {alle.length === 0 ? (
            <p class="utrecht-paragraph">Er zijn geen verzoeken.</p>
          ) : (
            <div class="kp-table-wrap">
              <table class="utrecht-table">
                <caption class="utrecht-table__caption">{`${getal(page.total)} verzoeken. Open verzoeken met de vroegste termijn staan eerst; te late bovenaan.`}</caption>
                <thead class="utrecht-table__header">
                  <tr class="utrecht-table__row">
                    <SortHeader base={BASE} view={view} kolom="termijn" label="Uiterlijk" />
                    <th class="utrecht-table__header-cell" scope="col">
                      Regime en artikel
                    </th>
                    <SortHeader base={BASE} view={view} kolom="soort" label="Soort" />
                    <SortHeader base={BASE} view={view} kolom="status" label="Status" />
                    <SortHeader base={BASE} view={view} kolom="ontvangen" label="Ontvangen" />
                  </tr>
                </thead>
                <tbody class="utrecht-table__body">
                  {page.items.map((v) => (
                    <tr class="utrecht-table__row" key={v.id}>
                      <td class="utrecht-table__cell">
                        <a class="utrecht-link" href={`${BASE}/${v.id}`}>
                          {datum(v.uiterlijk)}
                        </a>
                        {!isAfgesloten(v.status) && v.uiterlijk < vandaag && (
                          <strong class="kp-status--te-laat"> (te laat)</strong>
                        )}
                      </td>
                      <td class="utrecht-table__cell">{`${v.bepalendRegime}: ${artikelen.get(v.id) ?? ''}`}</td>
                      <td class="utrecht-table__cell">{v.soort}</td>
                      <td class="utrecht-table__cell">{v.status}</td>
                      <td class="utrecht-table__cell">{datum(v.ontvangstdatum)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <Pagination base={BASE} view={view} pagina={page.pagina} pages={page.pages} />
        </>
      ),
    };
  },
};

function registerForm(r: PageRequest, errors: FieldError[] = [], status = 200): PageResult {
  const v = (name: string) => (errors.length ? (textOf(r.form, name) ?? '') : '');
  return {
    title: 'Nieuw verzoek registreren',
    status,
    body: (
      <>
        <ErrorSummary errors={errors} />
        <form method="post" action={BASE} class="kp-form">
          <CsrfField user={r.user} />
          <div class="utrecht-form-field">
            <label class="utrecht-form-label" for="soort">
              Soort verzoek
            </label>
            <select class="utrecht-select" id="soort" name="soort">
              {verzoekSoorten.map((s) => (
                <option value={s} key={s} selected={s === v('soort')}>
                  {s}
                </option>
              ))}
            </select>
          </div>
          {/* The BSN is only ever sent in this form's body, never in a URL, and is not shown back after an error. */}
          <TextField name="bsn" label="BSN van de betrokkene" inputMode="numeric" errors={errors} />
          <div class="utrecht-form-field">
            <label class="utrecht-form-label" for="methode">
              Hoe is de identiteit vastgesteld?
            </label>
            <select class="utrecht-select" id="methode" name="methode">
              {METHODEN.map((m) => (
                <option value={m} key={m} selected={m === v('methode')}>
                  {m}
                </option>
              ))}
            </select>
          </div>
          <TextField
            name="ontvangstdatum"
            label="Ontvangen op (leeg: vandaag)"
            hint="Bijvoorbeeld 2026-12-01"
            value={v('ontvangstdatum')}
            errors={errors}
          />
          <TextField name="toelichting" label="Toelichting (niet verplicht)" value={v('toelichting')} errors={errors} />
          <button class="utrecht-button utrecht-button--primary-action" type="submit">
            Registreren
          </button>
        </form>
      </>
    ),
  };
}

export const registerVerzoekPage: WebPage = {
  method: 'GET',
  path: `${BASE}/nieuw`,
  access: ['privacy-officer'],
  async handle(r) {
    return registerForm(r);
  },
};

/** Registers a request (the API's registerVerzoek) and opens it. */
export const registerVerzoekAction: WebPage = {
  method: 'POST',
  path: BASE,
  access: ['privacy-officer'],
  async handle(r) {
    const bsn = (textOf(r.form, 'bsn') ?? '').replace(/[\s.]/g, '');
    const soort = textOf(r.form, 'soort') ?? '';
    const ontvangstdatum = textOf(r.form, 'ontvangstdatum');
    const errors: FieldError[] = [];
    if (!/^\d{9}$/.test(bsn) || !isValidBsn(bsn))
      errors.push({ field: 'bsn', message: 'Vul een geldig BSN in van 9 cijfers.' });
    if (!(verzoekSoorten as readonly string[]).includes(soort))
      errors.push({ field: 'soort', message: 'Kies een soort verzoek.' });
    if (ontvangstdatum && !/^\d{4}-\d{2}-\d{2}$/.test(ontvangstdatum))
      errors.push({ field: 'ontvangstdatum', message: 'Vul de datum in als jjjj-mm-dd.' });
    if (errors.length) return registerForm(r, errors, 400);
    try {
      const { id } = await registreerVerzoek(r.deps.ops.useCases, callerOf(r.user.caller), {
        soort: soort as VerzoekSoort,
        bsn,
        identiteit: { methode: textOf(r.form, 'methode') ?? 'id-bewijs-aan-balie' },
        ...(ontvangstdatum ? { ontvangstdatum } : {}),
        ...(textOf(r.form, 'toelichting') ? { toelichting: textOf(r.form, 'toelichting') } : {}),
      });
      return { redirect: `${BASE}/${id}` };
    } catch (err) {
      const { errors: found, status } = formErrorsOf(err, 'soort');
      return registerForm(r, found, status);
    }
  },
};
