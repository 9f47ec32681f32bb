import { pullCasus } from '../../disclosure/pull-casus.js';
import { callerOf } from '../../http/caller-of.js';
import { datumTijd } from '../format.js';
import { leefgebiedNaam, leefgebiedVolgorde } from '../leefgebied-naam.js';
import { doelOf, PurposeForm } from '../purpose-form.js';
import type { WebPage } from '../web-page.js';

interface Item {
  id: string;
  categorie?: string;
  leefgebied?: string | null;
  bron?: string;
  ontvangenOp?: string;
  inhoud?: string;
  velden?: Record<string, string>;
  gemaskeerd?: string[];
  gewist?: boolean;
}

/** Items grouped per leefgebied, in a stable order; items without one under "Overig". */
function perLeefgebied(items: Item[]): [string, Item[]][] {
  const groups = new Map<string, Item[]>();
  for (const i of items) {
    const k = i.leefgebied ?? 'overig';
    groups.set(k, [...(groups.get(k) ?? []), i]);
  }
  return [...groups].sort(([a], [b]) => (a === 'overig' ? 1 : b === 'overig' ? -1 : leefgebiedVolgorde(a, b)));
}

function ItemTekst({ i }: { i: Item }) {
  if (i.gewist) return <p class="utrecht-paragraph">Deze informatie is gewist.</p>;
  const velden = Object.entries(i.velden ?? {});
  return (
    <>
      {i.inhoud !== undefined && <p class="utrecht-paragraph">{i.inhoud}</p>}
      {velden.length > 0 && (
        <dl class="kp-dl">
          {velden.map(([k, v]) => [
            <dt class="kp-dl-term" key={`t-${k}`}>
              {k}
            </dt>,
            <dd class="kp-dl-value" key={`v-${k}`}>
              {v}
            </dd>,
          ])}
        </dl>
      )}
      {(i.gemaskeerd?.length ?? 0) > 0 && (
        <p class="utrecht-paragraph">{`Weggelaten velden: ${i.gemaskeerd!.join(', ')}.`}</p>
      )}
    </>
  );
}

/**
 * The information of a casus per leefgebied, as the covenant allows for a declared purpose: the same
 * disclosure as the API's getCasusInformatie, logged with this employee as actor before the page leaves.
 */
export const casusInformatiePage: WebPage = {
  method: 'GET',
  path: '/mijn-casussen/:casusId/informatie',
  access: ['procesregisseur', 'ketenmanager'],
  async handle(r) {
    const casusId = r.params.casusId ?? '';
    const doel = doelOf(r);
    const title = `Informatie per leefgebied, casus ${casusId.slice(0, 8)}`;
    const action = `/mijn-casussen/${casusId}/informatie`;
    if (!doel) return { title, body: <PurposeForm r={r} action={action} knop="Informatie bekijken" /> };
    const caller = callerOf(r.user.caller);
    const pending = await pullCasus(r.deps.ops.useCases, caller, casusId, 'informatie', doel, r.res.locals.ctx.traceId);
    const body = pending.body as { items?: Item[]; weggelaten?: boolean };
    const groepen = perLeefgebied(body.items ?? []);
    return {
      title,
      disclosures: [pending],
      body: (
        <>
          <p class="utrecht-paragraph">{`Doel: ${doel}.`}</p>
          <p class="utrecht-paragraph">
            <a class="utrecht-link" href={`/mijn-casussen/${casusId}?doel=${encodeURIComponent(doel)}`}>
              Terug naar de casus
            </a>
          </p>
          {body.weggelaten === true && (
            <p class="utrecht-paragraph">Het convenant staat niet alles toe voor dit doel: een deel is weggelaten.</p>
          )}
          {groepen.length === 0 && <p class="utrecht-paragraph">Er is geen informatie die u voor dit doel mag zien.</p>}
          {groepen.map(([leefgebied, items]) => (
            <section key={leefgebied} aria-labelledby={`lg-${leefgebied}`}>
              <h2 class="utrecht-heading-2" id={`lg-${leefgebied}`}>
                {leefgebied === 'overig' ? 'Overig (geen leefgebied)' : leefgebiedNaam(leefgebied)}
              </h2>
              <ul class="utrecht-unordered-list">
                {items.map((i) => (
                  <li key={i.id}>
                    <p class="utrecht-paragraph">
                      <strong>{i.categorie ?? 'Categorie niet zichtbaar'}</strong>
                      {`, van ${i.bron ?? 'onbekende bron'}`}
                      {i.ontvangenOp ? `, ontvangen op ${datumTijd(i.ontvangenOp)}` : ''}
                    </p>
                    <ItemTekst i={i} />
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </>
      ),
    };
  },
};
