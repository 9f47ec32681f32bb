import { diffCovenants } from '../../../policies/tools/diff-covenants.js';
import { ErrorSummary, type FieldError } from '../form-fields.js';
import { datum, getal } from '../format.js';
import { listViewOf, pageOf, Pagination } from '../list-controls.js';
import type { WebPage } from '../web-page.js';

const BASE = '/convenant/versies';
const PER_PAGE = 50;

function VersionSelect(props: { name: string; label: string; labels: string[]; value: string }) {
  return (
    <div class="utrecht-form-field">
      <label class="utrecht-form-label" for={props.name}>
        {props.label}
      </label>
      <select class="utrecht-select" id={props.name} name={props.name}>
        {props.labels.map((l) => (
          <option value={l} selected={l === props.value} key={l}>
            {l}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * The covenant versions loaded, and what changes between two of them: per action, partner kind,
 * category and purpose the answer before and after, in the contexts where it changes (policies' diff).
 */
export const covenantVersionsPage: WebPage = {
  method: 'GET',
  path: BASE,
  access: ['beheerder', 'privacy-officer', 'procesregisseur'],
  async handle({ req, deps }) {
    const registry = deps.ops.covenants;
    const versions = registry.versions();
    const labels = versions.map((c) => c.label);
    const q = (name: string) => (typeof req.query[name] === 'string' ? String(req.query[name]) : '');
    const van = versions.find((c) => c.label === q('van'));
    const naar = versions.find((c) => c.label === q('naar'));
    const errors: FieldError[] = [];
    if (q('van') && !van) errors.push({ field: 'van', message: 'Kies een versie die bestaat.' });
    if (q('naar') && !naar) errors.push({ field: 'naar', message: 'Kies een versie die bestaat.' });
    if (van && naar && van === naar) errors.push({ field: 'naar', message: 'Kies twee verschillende versies.' });
    const changes = van && naar && errors.length === 0 ? diffCovenants(van, naar) : undefined;
    const view = listViewOf(req, ['volgorde'] as const, { pagina: 1, sort: 'volgorde', richting: 'op' });
    const page =
      changes &&
      pageOf(
        changes.map((c, i) => ({ ...c, i })),
        view,
        { volgorde: (c) => c.i },
        PER_PAGE,
      );
    const base = `${BASE}?${new URLSearchParams({ van: q('van'), naar: q('naar') }).toString()}`;
    return {
      title: 'Convenantversies',
      status: errors.length ? 400 : 200,
      body: (
        <>
          <ErrorSummary errors={errors} />
          <div class="kp-table-wrap">
            <table class="utrecht-table">
              <caption class="utrecht-table__caption">{`${getal(versions.length)} geladen versies; in werking: ${registry.current()?.label ?? 'geen'}`}</caption>
              <thead class="utrecht-table__header">
                <tr class="utrecht-table__row">
                  <th class="utrecht-table__header-cell" scope="col">
                    Versie
                  </th>
                  <th class="utrecht-table__header-cell" scope="col">
                    Titel
                  </th>
                  <th class="utrecht-table__header-cell" scope="col">
                    Geldig
                  </th>
                  <th class="utrecht-table__header-cell" scope="col">
                    Vingerafdruk (SHA-256)
                  </th>
                </tr>
              </thead>
              <tbody class="utrecht-table__body">
                {versions.map((c) => (
                  <tr class="utrecht-table__row" key={c.label}>
                    <td class="utrecht-table__cell">{c.label}</td>
                    <td class="utrecht-table__cell">{c.titel}</td>
                    <td class="utrecht-table__cell">{`vanaf ${datum(c.geldigVanaf)}${c.geldigTot ? ` tot ${datum(c.geldigTot)}` : ''}`}</td>
                    <td class="utrecht-table__cell kp-mono">{c.sha256}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <h2 class="utrecht-heading-2">Twee versies vergelijken</h2>
          {versions.length < 2 ? (
            <p class="utrecht-paragraph">Er is maar één versie geladen. Er is nog niets te vergelijken.</p>
          ) : (
            <form method="get" action={BASE} class="kp-actions">
              <VersionSelect name="van" label="Oude versie" labels={labels} value={van?.label ?? labels[0]!} />
              <VersionSelect name="naar" label="Nieuwe versie" labels={labels} value={naar?.label ?? labels[1]!} />
              <button class="utrecht-button utrecht-button--primary-action" type="submit">
                Vergelijken
              </button>
            </form>
          )}
          {page && page.total === 0 && (
            <p class="utrecht-paragraph">Deze versies geven op elke vraag hetzelfde antwoord.</p>
          )}
          {page && page.total > 0 && (
            <div class="kp-table-wrap">
              <table class="utrecht-table">
                <caption class="utrecht-table__caption">{`${getal(page.total)} veranderingen van ${van!.label} naar ${naar!.label}`}</caption>
                <thead class="utrecht-table__header">
                  <tr class="utrecht-table__row">
                    {['Handeling', 'Partner', 'Leverancier', 'Categorie', 'Doel', 'Was', 'Wordt', 'Wanneer'].map(
                      (h) => (
                        <th class="utrecht-table__header-cell" scope="col" key={h}>
                          {h}
                        </th>
                      ),
                    )}
                  </tr>
                </thead>
                <tbody class="utrecht-table__body">
                  {page.items.map((c) => (
                    <tr class="utrecht-table__row" key={c.i}>
                      <td class="utrecht-table__cell">{c.actie}</td>
                      <td class="utrecht-table__cell">{c.partner}</td>
                      <td class="utrecht-table__cell">{c.leverancier ?? '—'}</td>
                      <td class="utrecht-table__cell">{c.categorie}</td>
                      <td class="utrecht-table__cell">{c.doel}</td>
                      <td class="utrecht-table__cell">{c.van}</td>
                      <td class="utrecht-table__cell">{c.naar}</td>
                      <td class="utrecht-table__cell">{c.contexten.join('; ')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {page && <Pagination base={base} view={view} pagina={page.pagina} pages={page.pages} />}
        </>
      ),
    };
  },
};
