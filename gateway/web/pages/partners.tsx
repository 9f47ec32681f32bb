import type { ComponentChildren } from 'preact';
import { actorOf } from '../../operations/partnerbeheer/actor-of.js';
import { DomainError } from '../../errors/domain-error.js';
import { datum } from '../format.js';
import { textOf } from '../form-fields.js';
import { CsrfField } from '../layout.js';
import type { SignedIn } from '../session.js';
import type { PageRequest, WebPage } from '../web-page.js';

/** The partner registry is the ZVH's own beheerders' (zvhBeheerder in the API). */
function requireZvh(user: SignedIn): void {
  if (user.partner.soort !== 'zvh')
    throw new DomainError('forbidden', 'Alleen beheerders van het Zorg- en Veiligheidshuis beheren partners.');
}

/** A changing action with the reason it needs: a small form per action. */
function ActionForm(props: {
  user: SignedIn;
  action: string;
  id: string;
  label: string;
  children?: ComponentChildren;
}) {
  return (
    <form method="post" action={props.action} class="kp-action-form">
      <CsrfField user={props.user} />
      {props.children}
      <label class="utrecht-form-label" for={props.id}>
        {`Reden voor: ${props.label.toLowerCase()}`}
      </label>
      <input class="utrecht-textbox" id={props.id} name="reden" required maxLength={300} autoComplete="off" />
      <button class="utrecht-button utrecht-button--secondary-action" type="submit">
        {props.label}
      </button>
    </form>
  );
}

export const partnersPage: WebPage = {
  method: 'GET',
  path: '/beheer/partners',
  access: ['beheerder'],
  async handle({ deps, user }) {
    requireZvh(user);
    const partners = await deps.ops.admin.list();
    return {
      title: 'Partners',
      body: (
        <div class="kp-table-wrap">
          <table class="utrecht-table">
            <caption class="utrecht-table__caption">{`${partners.length} partners`}</caption>
            <thead class="utrecht-table__header">
              <tr class="utrecht-table__row">
                <th class="utrecht-table__header-cell" scope="col">
                  Naam
                </th>
                <th class="utrecht-table__header-cell" scope="col">
                  Soort
                </th>
                <th class="utrecht-table__header-cell" scope="col">
                  Regime
                </th>
                <th class="utrecht-table__header-cell" scope="col">
                  Status
                </th>
              </tr>
            </thead>
            <tbody class="utrecht-table__body">
              {partners.map((p) => (
                <tr class="utrecht-table__row" key={p.id}>
                  <td class="utrecht-table__cell">
                    <a class="utrecht-link" href={`/beheer/partners/${p.id}`}>
                      {p.naam}
                    </a>
                  </td>
                  <td class="utrecht-table__cell">{p.soort}</td>
                  <td class="utrecht-table__cell">{p.regime}</td>
                  <td class="utrecht-table__cell">{p.status}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ),
    };
  },
};

export const partnerPage: WebPage = {
  method: 'GET',
  path: '/beheer/partners/:partnerId',
  access: ['beheerder'],
  async handle({ deps, user, params }) {
    requireZvh(user);
    const { partner, certificaten, sleutels } = await deps.ops.admin.show(params.partnerId ?? '');
    const base = `/beheer/partners/${partner.id}`;
    return {
      title: partner.naam,
      body: (
        <>
          <p class="utrecht-paragraph">{`${partner.soort}, ${partner.regime}, OIN ${partner.oin}. Status: ${partner.status}.`}</p>
          <ActionForm
            user={user}
            action={`${base}/status`}
            id="status-reden"
            label={partner.status === 'actief' ? 'Partner schorsen' : 'Partner weer toelaten'}
          >
            <input type="hidden" name="status" value={partner.status === 'actief' ? 'geschorst' : 'actief'} />
          </ActionForm>
          <h2 class="utrecht-heading-2">Certificaten</h2>
          <ul class="utrecht-unordered-list">
            {certificaten.map((c, i) => (
              <li key={c.fingerprint}>
                <p class="utrecht-paragraph kp-mono">{`${c.subject} — geldig tot ${datum(c.geldigTot)}${c.ingetrokkenOp ? `, ingetrokken op ${datum(c.ingetrokkenOp)}` : ''}`}</p>
                {!c.ingetrokkenOp && (
                  <ActionForm user={user} action={`${base}/certificaat`} id={`cert-${i}`} label="Certificaat intrekken">
                    <input type="hidden" name="fingerprint" value={c.fingerprint} />
                  </ActionForm>
                )}
              </li>
            ))}
          </ul>
          <h2 class="utrecht-heading-2">Sleutels</h2>
          <ul class="utrecht-unordered-list">
            {sleutels.map((k, i) => (
              <li key={k.kid}>
                <p class="utrecht-paragraph">{`${k.kid}${k.ingetrokkenOp ? `, ingetrokken op ${datum(k.ingetrokkenOp)}` : ''}`}</p>
                {!k.ingetrokkenOp && (
                  <ActionForm user={user} action={`${base}/sleutel`} id={`sleutel-${i}`} label="Sleutel intrekken">
                    <input type="hidden" name="kid" value={k.kid} />
                  </ActionForm>
                )}
              </li>
            ))}
          </ul>
        </>
      ),
    };
  },
};

/** The reason goes to the audit trail beside the registry's own event (ids and the beheerder's words). */
async function withReason(r: PageRequest, wat: string, change: (actor: string) => Promise<unknown>) {
  requireZvh(r.user);
  const reden = textOf(r.form, 'reden');
  if (!reden || reden.length > 300) throw new DomainError('invalid-request', 'Vul een reden in (tot 300 tekens).');
  const actor = actorOf(r.user.caller);
  await change(actor);
  await r.deps.ops.useCases.store.audit.record(
    {
      soort: 'beheer-reden',
      reden: wat,
      partnerId: r.params.partnerId,
      actor,
      details: JSON.stringify({ toelichting: reden }),
    },
    r.deps.ops.useCases.clock.now(),
  );
  return { redirect: `/beheer/partners/${r.params.partnerId}` };
}

export const partnerStatus: WebPage = {
  method: 'POST',
  path: '/beheer/partners/:partnerId/status',
  access: ['beheerder'],
  handle: (r) =>
    withReason(r, 'status', (actor) =>
      r.deps.ops.admin.setStatus(
        r.params.partnerId ?? '',
        textOf(r.form, 'status') === 'actief' ? 'actief' : 'geschorst',
        actor,
      ),
    ),
};

export const revokeCertificate: WebPage = {
  method: 'POST',
  path: '/beheer/partners/:partnerId/certificaat',
  access: ['beheerder'],
  handle: (r) =>
    withReason(r, 'certificaat-ingetrokken', (actor) =>
      r.deps.ops.admin.revokeCertificate(r.params.partnerId ?? '', textOf(r.form, 'fingerprint') ?? '', actor),
    ),
};

export const revokeKey: WebPage = {
  method: 'POST',
  path: '/beheer/partners/:partnerId/sleutel',
  access: ['beheerder'],
  handle: (r) =>
    withReason(r, 'sleutel-ingetrokken', (actor) =>
      r.deps.ops.admin.revokeKey(r.params.partnerId ?? '', textOf(r.form, 'kid') ?? '', actor),
    ),
};
