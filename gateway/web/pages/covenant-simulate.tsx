import { partnerSoorten } from '../../../policies/taxonomy/partner-soorten.js';
import { simulate, type SimulationRow } from '../../../policies/tools/simulate.js';
import { DomainError } from '../../errors/domain-error.js';
import type { WebPage } from '../web-page.js';

const effectNamen: Record<string, string> = { permit: 'mag', deny: 'mag niet', aggregaat: 'alleen geaggregeerd' };

function Select(props: { name: string; label: string; options: string[]; value: string }) {
  return (
    <div class="utrecht-form-field">
      <label class="utrecht-form-label" for={props.name}>
        {props.label}
      </label>
      <select class="utrecht-select" id={props.name} name={props.name}>
        {props.options.map((o) => (
          <option value={o} selected={o === props.value} key={o}>
            {o}
          </option>
        ))}
      </select>
    </div>
  );
}

function Rows({ rows }: { rows: SimulationRow[] }) {
  return (
    <div class="kp-table-wrap">
      <table class="utrecht-table">
        <caption class="utrecht-table__caption">Per categorie en leverancier, met de reden</caption>
        <thead class="utrecht-table__header">
          <tr class="utrecht-table__row">
            <th class="utrecht-table__header-cell" scope="col">
              Categorie
            </th>
            <th class="utrecht-table__header-cell" scope="col">
              Leverancier
            </th>
            <th class="utrecht-table__header-cell" scope="col">
              Uitkomst
            </th>
            <th class="utrecht-table__header-cell" scope="col">
              Waarom
            </th>
          </tr>
        </thead>
        <tbody class="utrecht-table__body">
          {rows.flatMap((r) =>
            r.bronnen.map((b) => (
              <tr class="utrecht-table__row" key={`${r.categorie}-${b.leverancier}`}>
                <td class="utrecht-table__cell">{r.categorie}</td>
                <td class="utrecht-table__cell">{b.leverancier}</td>
                <td class="utrecht-table__cell">{effectNamen[b.effect] ?? b.effect}</td>
                <td class="utrecht-table__cell">{`${b.uitleg}${b.regels.length ? ` (${b.regels.join(', ')})` : ''}`}</td>
              </tr>
            )),
          )}
        </tbody>
      </table>
    </div>
  );
}

/**
 * The covenant simulator as a form (the API's simulateConvenant): what would a partner of this kind see
 * for this purpose, and why. A GET: it reads the covenant only, no personal data, nothing changes.
 */
export const covenantSimulatePage: WebPage = {
  method: 'GET',
  path: '/convenant/simuleren',
  access: ['beheerder', 'privacy-officer', 'procesregisseur'],
  async handle({ req, deps }) {
    const covenant = deps.ops.covenants.current();
    if (!covenant) throw new DomainError('conflict', 'Er is nu geen convenant van kracht.');
    const doelen = [...covenant.purposes.keys()];
    const soort = String(req.query.soort ?? '');
    const doel = String(req.query.doel ?? '');
    const asked = (partnerSoorten as readonly string[]).includes(soort) && doelen.includes(doel);
    const rows = asked ? simulate(covenant, { partner: { id: `(${soort})`, soort }, doel }) : [];
    return {
      title: 'Convenant simuleren',
      body: (
        <>
          <p class="utrecht-paragraph">{`Convenant van kracht: ${covenant.label}.`}</p>
          <form method="get" action="/convenant/simuleren">
            <Select name="soort" label="Soort partner" options={[...partnerSoorten]} value={soort} />
            <Select name="doel" label="Doel" options={doelen} value={doel} />
            <button class="utrecht-button utrecht-button--primary-action" type="submit">
              Simuleren
            </button>
          </form>
          {asked && (
            <section aria-labelledby="uitkomst">
              <h2 class="utrecht-heading-2" id="uitkomst">{`Wat ziet een ${soort} voor ${doel}?`}</h2>
              <Rows rows={rows} />
            </section>
          )}
        </>
      ),
    };
  },
};
