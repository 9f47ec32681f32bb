import { logScopeOf } from '../../disclosure/log-scope.js';
import { callerOf } from '../../http/caller-of.js';
import { datumTijd, getal } from '../format.js';
import { entryWithProof, type EntryWithProof } from '../log-entry-proof.js';
import type { PageRequest, WebPage } from '../web-page.js';

const soortUitleg: Record<string, string> = {
  verstrekking: 'Gegevens zijn verstrekt: het convenant stond het toe.',
  weigering: 'Het verzoek is geweigerd: er is niets verstrekt.',
  verwijsindex: 'Een vraag aan de verwijsindex: alleen of er iets bekend is, geen inhoud.',
};

function Row({ label, children }: { label: string; children: string }) {
  return (
    <>
      <dt class="kp-dl-term">{label}</dt>
      <dd class="kp-dl-value">{children}</dd>
    </>
  );
}

function Decision({ e }: { e: EntryWithProof }) {
  const r = e.regel;
  const reden = typeof r.details?.reden === 'string' ? r.details.reden : undefined;
  return (
    <dl class="kp-dl">
      <Row label="Tijd">{datumTijd(e.tijd)}</Row>
      <Row label="Soort">{`${r.soort}: ${soortUitleg[r.soort] ?? ''}`}</Row>
      <Row label="Ontvanger">{`${r.ontvanger.partner}, medewerker ${r.ontvanger.actor.id} (${r.ontvanger.actor.rol})`}</Row>
      <Row label="Bronnen">{r.bronnen.join(', ') || 'geen'}</Row>
      <Row label="Doel">{r.doel}</Row>
      <Row label="Grondslagen (regels van het convenant)">{r.grondslagen.join(', ') || 'geen'}</Row>
      <Row label="Categorieën">{r.categorieen.join(', ') || 'geen'}</Row>
      <Row label="Casus">{r.casus ?? 'geen'}</Row>
      <Row label="Convenantversie">{r.convenant}</Row>
      {reden ? <Row label="Reden">{reden}</Row> : null}
      <Row label="Aantal personen">{getal(r.subjectRefs.length)}</Row>
    </dl>
  );
}

function Proof({ e }: { e: EntryWithProof }) {
  return (
    <section aria-labelledby="bewijs-titel">
      <h2 class="utrecht-heading-2" id="bewijs-titel">
        Staat deze regel echt in het log?
      </h2>
      <div
        id="bewijs"
        data-index={String(e.index)}
        data-grootte={String(e.grootte)}
        data-leaf={e.leafHash}
        data-bewijs={e.bewijs.join(',')}
        data-note={e.signedNote}
        data-sleutel={e.verifierKey}
        data-tekst={e.tekst}
      >
        <p class="utrecht-paragraph" id="bewijs-server">
          {e.serverOordeel
            ? `De server heeft het bewijs gecontroleerd: deze regel staat in het ondertekende log van ${getal(e.grootte)} regels.`
            : 'Let op: de server kon het bewijs niet bevestigen. Meld dit bij de beheerder.'}
        </p>
        <p class="utrecht-paragraph" id="bewijs-browser" role="status" aria-live="polite" />
      </div>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={`/logboek/${e.index}/bewijs`}>
          Het bewijs zelf (JSON) om na te rekenen
        </a>
      </p>
    </section>
  );
}

async function load({ deps, user, params }: PageRequest): Promise<EntryWithProof> {
  return entryWithProof(deps.ops, Number(params.index), logScopeOf(callerOf(user.caller)));
}

/** One log entry in full: what happened, under which rules and covenant version, and its proof checked in the browser. */
export const logEntryPage: WebPage = {
  method: 'GET',
  path: '/logboek/:index',
  access: ['privacy-officer'],
  async handle(r) {
    const e = await load(r);
    return {
      title: `Logregel ${getal(e.index)}`,
      scripts: ['/assets/verify-proof.js'],
      body: (
        <>
          <Decision e={e} />
          <Proof e={e} />
        </>
      ),
    };
  },
};

/** The proof as data: for the officer's own tools, and the page without script links to it. */
export const logEntryProof: WebPage = {
  method: 'GET',
  path: '/logboek/:index/bewijs',
  access: ['privacy-officer'],
  async handle(r) {
    const e = await load(r);
    const { index, grootte, leafHash, bewijs, signedNote, verifierKey, tekst } = e;
    return { json: { index, grootte, leafHash, bewijs, signedNote, verifierKey, regel: tekst } };
  },
};
