import { callerOf } from '../../http/caller-of.js';
import { planDisclosure } from '../../plan/plan-disclosure.js';
import { datum, datumTijd } from '../format.js';
import { leefgebiedNaam } from '../leefgebied-naam.js';
import { doelOf, PurposeForm } from '../purpose-form.js';
import type { WebPage } from '../web-page.js';

interface Interventie {
  id: string;
  eigenaar?: string;
  leefgebied?: string;
  titel?: string;
  deadline?: string;
  status?: string;
}
interface Voortgang {
  id: string;
  interventie?: string;
  partner?: string;
  status?: string;
  op?: string;
  toelichting?: string;
  gemaskeerd?: string[];
}

const klaar = new Set(['afgerond', 'gestopt']);
/** Overdue: the due date has passed and the work is not finished or stopped. */
const teLaat = (i: Interventie, nu: Date) => !!i.deadline && new Date(i.deadline) < nu && !klaar.has(i.status ?? '');

function VoortgangLijst({ reports }: { reports: Voortgang[] }) {
  if (reports.length === 0) return <p class="utrecht-paragraph">Nog geen voortgang gemeld.</p>;
  return (
    <ul class="utrecht-unordered-list">
      {reports.map((v) => (
        <li key={v.id}>
          {`${v.op ? datumTijd(v.op) : 'Datum niet zichtbaar'}, ${v.partner ?? 'partner niet zichtbaar'}: ${v.status ?? '—'}.`}
          {v.toelichting !== undefined
            ? ` ${v.toelichting}`
            : v.gemaskeerd?.includes('toelichting')
              ? ' De toelichting mag u niet zien.'
              : ''}
        </li>
      ))}
    </ul>
  );
}

/**
 * The plan van aanpak as a timeline: interventions by due date with status, owner and progress, overdue
 * ones marked. The same disclosure as the API's getCasusPlan, for a declared purpose: the covenant
 * masks field by field, and the view is logged with this employee as actor before the page leaves.
 */
export const casusPlanPage: WebPage = {
  method: 'GET',
  path: '/mijn-casussen/:casusId/plan',
  access: ['procesregisseur', 'ketenmanager'],
  async handle(r) {
    const casusId = r.params.casusId ?? '';
    const doel = doelOf(r);
    const title = `Plan van aanpak van casus ${casusId.slice(0, 8)}`;
    const action = `/mijn-casussen/${casusId}/plan`;
    if (!doel) return { title, body: <PurposeForm r={r} action={action} knop="Plan bekijken" /> };
    const { useCases } = r.deps.ops;
    const pending = await planDisclosure(useCases, callerOf(r.user.caller), casusId, doel, r.res.locals.ctx.traceId);
    const body = pending.body as { plan?: { interventies?: Interventie[]; voortgang?: Voortgang[] } };
    const interventies = [...(body.plan?.interventies ?? [])].sort((a, b) =>
      (a.deadline ?? '9999').localeCompare(b.deadline ?? '9999'),
    );
    const voortgang = body.plan?.voortgang ?? [];
    const nu = useCases.clock.now();
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
          <h2 class="utrecht-heading-2">Interventies op volgorde van deadline</h2>
          {interventies.length === 0 ? (
            <p class="utrecht-paragraph">Er zijn geen interventies die u voor dit doel mag zien.</p>
          ) : (
            <ol class="utrecht-ordered-list">
              {interventies.map((i) => (
                <li key={i.id}>
                  <h3 class="utrecht-heading-3">
                    {i.titel ?? 'Titel niet zichtbaar'}
                    {teLaat(i, nu) && <strong class="kp-te-laat"> (te laat)</strong>}
                  </h3>
                  <dl class="kp-dl">
                    <dt class="kp-dl-term">Deadline</dt>
                    <dd class="kp-dl-value">{i.deadline ? datum(i.deadline) : 'niet zichtbaar'}</dd>
                    <dt class="kp-dl-term">Status</dt>
                    <dd class="kp-dl-value">{i.status ?? 'niet zichtbaar'}</dd>
                    <dt class="kp-dl-term">Eigenaar</dt>
                    <dd class="kp-dl-value">{i.eigenaar ?? 'niet zichtbaar'}</dd>
                    <dt class="kp-dl-term">Leefgebied</dt>
                    <dd class="kp-dl-value">{i.leefgebied ? leefgebiedNaam(i.leefgebied) : 'niet zichtbaar'}</dd>
                  </dl>
                  <h4 class="utrecht-heading-4">Voortgang</h4>
                  <VoortgangLijst reports={voortgang.filter((v) => v.interventie === i.id)} />
                </li>
              ))}
            </ol>
          )}
        </>
      ),
    };
  },
};
