import type { ComponentChildren } from 'preact';
import { callerOf } from '../../http/caller-of.js';
import { amsterdamDatum } from '../../rechten/termijnen/kalender.js';
import { weigeringsgronden } from '../../rechten/weigeringsgronden.js';
import { inzagerapportVanVerzoek } from '../../rechten/verzoeken/inzagerapport-van-verzoek.js';
import { isAfgesloten, toegestaneOvergangen } from '../../rechten/verzoeken/levenscyclus.js';
import { verlengVerzoek } from '../../rechten/verzoeken/verleng-verzoek.js';
import { toonVerzoek } from '../../rechten/verzoeken/verzoek-weergave.js';
import { verzoekScopeOf } from '../../rechten/verzoeken/verzoek-scope.js';
import { voegWeglatingToe } from '../../rechten/verzoeken/weglatingen.js';
import { wijzigStatus, type Overgang } from '../../rechten/verzoeken/wijzig-status.js';
import { ErrorSummary, TextField, textOf, type FieldError } from '../form-fields.js';
import { datum, datumTijd } from '../format.js';
import { CsrfField } from '../layout.js';
import { formErrorsOf } from '../problem-fields.js';
import type { SignedIn } from '../session.js';
import type { PageRequest, PageResult, WebPage } from '../web-page.js';
import { requireZvhOfficer } from './verzoek-rechten.js';

const BASE = '/rechtenverzoeken';
const itemGronden = weigeringsgronden.filter((g) => !('geheelVerzoek' in g && g.geheelVerzoek));
const geheleGronden = weigeringsgronden.filter((g) => 'geheelVerzoek' in g && g.geheelVerzoek);

function Section(props: { id: string; title: string; children: ComponentChildren }) {
  return (
    <section aria-labelledby={props.id}>
      <h2 class="utrecht-heading-2" id={props.id}>
        {props.title}
      </h2>
      {props.children}
    </section>
  );
}

function Select(props: { name: string; label: string; options: { value: string; label: string }[] }) {
  return (
    <div class="utrecht-form-field">
      <label class="utrecht-form-label" for={props.name}>
        {props.label}
      </label>
      <select class="utrecht-select" id={props.name} name={props.name}>
        {props.options.map((o) => (
          <option value={o.value} key={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

function ActionForm(props: { user: SignedIn; action: string; knop: string; children: ComponentChildren }) {
  return (
    <form method="post" action={props.action} class="kp-form">
      <CsrfField user={props.user} />
      {props.children}
      <button class="utrecht-button utrecht-button--secondary-action" type="submit">
        {props.knop}
      </button>
    </form>
  );
}

/** One request: deadlines per regime, history, withheld items, and (for the ZVH's officer) the actions. */
async function verzoekPage(r: PageRequest, errors: FieldError[] = [], status = 200): Promise<PageResult> {
  const useCases = r.deps.ops.useCases;
  const id = r.params.verzoekId ?? '';
  const v = await toonVerzoek(useCases, verzoekScopeOf(callerOf(r.user.caller)), id);
  const zvh = r.user.partner.soort === 'zvh';
  const open = !isAfgesloten(v.status);
  const vandaag = amsterdamDatum(useCases.clock.now());
  const naar = toegestaneOvergangen(v.status).filter((s) => s !== 'verlengd');
  const base = `${BASE}/${v.id}`;
  return {
    title: `Verzoek om ${v.soort}`,
    status,
    body: (
      <>
        <ErrorSummary errors={errors} />
        <dl class="kp-dl">
          <dt class="kp-dl-term">Status</dt>
          <dd class="kp-dl-value">{v.status}</dd>
          <dt class="kp-dl-term">Ontvangen</dt>
          <dd class="kp-dl-value">{datum(v.ontvangstdatum)}</dd>
          <dt class="kp-dl-term">Uiterlijk</dt>
          <dd class="kp-dl-value">
            {`${datum(v.termijn.uiterlijk)} (${v.termijn.bepalendRegime})`}
            {open && v.termijn.uiterlijk < vandaag && <strong class="kp-status--te-laat"> te laat</strong>}
          </dd>
          {v.termijn.verlengingMaanden ? (
            <>
              <dt class="kp-dl-term">Verlengd</dt>
              <dd class="kp-dl-value">{`${v.termijn.verlengingMaanden} maanden`}</dd>
            </>
          ) : null}
        </dl>
        <Section id="termijnen" title="Termijn per regime">
          <ul class="utrecht-unordered-list">
            {v.termijn.perRegime.map((p) => (
              <li key={p.regime}>{`${p.regime}: uiterlijk ${datum(p.uiterlijk)} — ${p.artikel}`}</li>
            ))}
          </ul>
        </Section>
        <Section id="weglatingen" title="Weggelaten gegevens">
          {v.weglatingen.length === 0 ? (
            <p class="utrecht-paragraph">Er zijn geen gegevens weggelaten.</p>
          ) : (
            <ul class="utrecht-unordered-list">
              {v.weglatingen.map((w) => (
                <li
                  key={w.id}
                >{`Gegeven ${w.itemId}: ${w.label} (${w.artikel})${w.vermelden ? ', wordt vermeld' : ', wordt niet vermeld'}`}</li>
              ))}
            </ul>
          )}
        </Section>
        <Section id="geschiedenis" title="Geschiedenis">
          <ol class="utrecht-ordered-list">
            {v.geschiedenis.map((g) => (
              <li key={g.volgnummer}>
                {`${datumTijd(g.op)}: ${g.soort}${g.van ? ` van ${g.van}` : ''}${g.naar ? ` naar ${g.naar}` : ''}${'reden' in g && g.reden ? `. Reden: ${g.reden}` : ''}`}
              </li>
            ))}
          </ol>
        </Section>
        {zvh && v.soort === 'inzage' && (
          <p class="utrecht-paragraph">
            <a class="utrecht-link" href={`${base}/inzagerapport`}>
              Inzagerapport bekijken (dit wordt vastgelegd in het verstrekkingslog)
            </a>
          </p>
        )}
        {zvh && open && (
          <>
            <Section id="status-wijzigen" title="Status wijzigen">
              <ActionForm user={r.user} action={`${base}/status`} knop="Status wijzigen">
                <Select name="naar" label="Nieuwe status" options={naar.map((s) => ({ value: s, label: s }))} />
                <Select
                  name="grond"
                  label="Weigeringsgrond (alleen bij geweigerd)"
                  options={[
                    { value: '', label: 'Geen' },
                    ...geheleGronden.map((g) => ({ value: g.code, label: `${g.label} (${g.artikel})` })),
                  ]}
                />
                <TextField name="uitkomst" label="Uitkomst (alleen bij afgehandeld)" errors={errors} />
                <TextField name="reden" label="Reden" errors={errors} />
              </ActionForm>
            </Section>
            {v.status !== 'verlengd' && (
              <Section id="verlengen" title="Termijn verlengen">
                <ActionForm user={r.user} action={`${base}/verlenging`} knop="Verlengen">
                  <TextField name="maanden" label="Aantal maanden" inputMode="numeric" errors={errors} />
                  <TextField name="verlengreden" label="Reden voor de verlenging" errors={errors} />
                </ActionForm>
              </Section>
            )}
            <Section id="weglaten" title="Een gegeven weglaten">
              <ActionForm user={r.user} action={`${base}/weglatingen`} knop="Gegeven weglaten">
                <TextField
                  name="item"
                  label="Nummer van het gegeven"
                  hint="Dit nummer staat in het inzagerapport."
                  errors={errors}
                />
                <Select
                  name="weiggrond"
                  label="Grond"
                  options={itemGronden.map((g) => ({ value: g.code, label: `${g.label} (${g.artikel})` }))}
                />
                <TextField name="weigtoelichting" label="Toelichting (niet verplicht)" errors={errors} />
              </ActionForm>
            </Section>
          </>
        )}
      </>
    ),
  };
}

export const verzoekPageGet: WebPage = {
  method: 'GET',
  path: `${BASE}/:verzoekId`,
  access: ['privacy-officer'],
  handle: (r) => verzoekPage(r),
};

/** Runs one action of the ZVH's officer; a refusal shows the request again with the error by its field. */
async function action(r: PageRequest, fallback: string, run: () => Promise<unknown>): Promise<PageResult> {
  requireZvhOfficer(r.user);
  try {
    await run();
  } catch (err) {
    const { errors, status } = formErrorsOf(err, fallback);
    return verzoekPage(r, errors, status);
  }
  return { redirect: `${BASE}/${r.params.verzoekId ?? ''}` };
}

const missing = (field: string, message: string) => ({ errors: [{ field, message }], status: 400 });

export const changeVerzoekStatusAction: WebPage = {
  method: 'POST',
  path: `${BASE}/:verzoekId/status`,
  access: ['privacy-officer'],
  async handle(r) {
    requireZvhOfficer(r.user);
    const reden = textOf(r.form, 'reden');
    if (!reden) {
      const { errors, status } = missing('reden', 'Geef een reden voor de nieuwe status.');
      return verzoekPage(r, errors, status);
    }
    const naar = textOf(r.form, 'naar') as Overgang['naar'];
    const uitkomst = textOf(r.form, 'uitkomst');
    return action(r, 'naar', () =>
      wijzigStatus(r.deps.ops.useCases, callerOf(r.user.caller), r.params.verzoekId ?? '', {
        naar,
        reden,
        ...(uitkomst ? { uitkomst: { code: 'beantwoord', toelichting: uitkomst } } : {}),
        ...(textOf(r.form, 'grond') ? { grond: textOf(r.form, 'grond') } : {}),
      }),
    );
  },
};

export const extendVerzoekAction: WebPage = {
  method: 'POST',
  path: `${BASE}/:verzoekId/verlenging`,
  access: ['privacy-officer'],
  async handle(r) {
    requireZvhOfficer(r.user);
    const reden = textOf(r.form, 'verlengreden');
    const maanden = Number.parseInt(textOf(r.form, 'maanden') ?? '', 10);
    const fout = !reden
      ? missing('verlengreden', 'Geef een reden voor de verlenging.')
      : !(maanden >= 1 && maanden <= 12)
        ? missing('maanden', 'Vul een aantal maanden in.')
        : undefined;
    if (fout) return verzoekPage(r, fout.errors, fout.status);
    return action(r, 'maanden', () =>
      verlengVerzoek(r.deps.ops.useCases, callerOf(r.user.caller), r.params.verzoekId ?? '', {
        maanden,
        reden: reden!,
      }),
    );
  },
};

export const addWeglatingAction: WebPage = {
  method: 'POST',
  path: `${BASE}/:verzoekId/weglatingen`,
  access: ['privacy-officer'],
  async handle(r) {
    requireZvhOfficer(r.user);
    const item = textOf(r.form, 'item');
    if (!item) {
      const { errors, status } = missing('item', 'Vul het nummer van het gegeven in.');
      return verzoekPage(r, errors, status);
    }
    const toelichting = textOf(r.form, 'weigtoelichting');
    return action(r, 'item', () =>
      voegWeglatingToe(r.deps.ops.useCases, callerOf(r.user.caller), r.params.verzoekId ?? '', {
        item,
        grond: textOf(r.form, 'weiggrond') ?? '',
        ...(toelichting ? { toelichting } : {}),
      }),
    );
  },
};

/** The access report as the person would receive it, without the withheld items; logged before it is shown. */
export const inzagerapportPreview: WebPage = {
  method: 'GET',
  path: `${BASE}/:verzoekId/inzagerapport`,
  access: ['privacy-officer'],
  async handle(r) {
    requireZvhOfficer(r.user);
    const ops = r.deps.ops;
    const deps = {
      ...ops.useCases,
      ledger: ops.ledger,
      checkpoints: ops.integrity,
      verifierKey: ops.signer.verifierKey(),
    };
    const pending = await inzagerapportVanVerzoek(deps, callerOf(r.user.caller), r.params.verzoekId ?? '', {
      voor: 'betrokkene',
      formaat: 'html',
      traceId: r.res.locals.ctx.traceId,
    });
    return { document: String(pending.body), disclosures: [pending] };
  },
};
