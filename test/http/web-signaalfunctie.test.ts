import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import request from 'supertest';
import { testBsn } from '../support/bsn.js';
import { useTestApp } from '../support/test-app.js';
import { webSessionFor } from '../support/web-session.js';

const K = 3;
const t = useTestApp({ env: { KNOOPPUNT_SIGNAAL_K: String(K) } });
const MARKER_GEMEENTE = 'WEBGEM-MARKER-5521';
const BSN = testBsn(733);

async function refer(politie: Record<string, string>, gemeente: string, n: number, procesregie: boolean) {
  const res = await request(t.app)
    .post('/api/v1/aanmeldingen')
    .set(politie)
    .send({
      soort: 'persoon',
      gemeente,
      reden: `WEBREDEN-MARKER-${n}`,
      leefgebieden: ['druggebruik'],
      betrokkenen: [
        {
          ref: 'p',
          voornamen: `WEBNAAM-MARKER-${n}`,
          achternaam: 'Signaalmans',
          geboortedatum: '1980-01-01',
          ...(n === 0 ? { bsn: BSN } : {}),
        },
      ],
    });
  assert.equal(res.status, 201, res.text);
  if (procesregie) {
    const regisseur = await t.tokenHeaders('zvh-demo', 'procesregisseur');
    await request(t.app)
      .post(`/api/v1/casussen/${res.body.casus}/triagebesluit`)
      .set(regisseur)
      .send({ uitkomst: 'procesregie', motivering: 'Meerdere leefgebieden' })
      .expect(201);
  }
}

const thisQuarter = () => {
  const now = t.clock.now();
  const q = Math.floor(now.getUTCMonth() / 3);
  const day = (d: Date) => d.toISOString().slice(0, 10);
  return {
    van: day(new Date(Date.UTC(now.getUTCFullYear(), q * 3, 1))),
    tot: day(new Date(Date.UTC(now.getUTCFullYear(), q * 3 + 3, 0))),
  };
};

const open = async (query: string, rol = 'beleidsmedewerker') => {
  const s = await webSessionFor(t, 'gemeente-demo', rol);
  return request(t.app).get(`/beleidscijfers${query}`).set('Cookie', s.cookie);
};

describe('the signaalfunctie in the web application', () => {
  /** Alfadorp: 1 procesregie (a cell under k) and 4 without a decision; Betastad 3 and 3; one casus in a marker gemeente. */
  before(async () => {
    const politie = await t.tokenHeaders('politie-demo', 'medewerker');
    let n = 0;
    for (const p of [true, false, false, false, false]) await refer(politie, 'Alfadorp', n++, p);
    for (const p of [true, true, true, false, false, false]) await refer(politie, 'Betastad', n++, p);
    await refer(politie, MARKER_GEMEENTE, n++, false);
  });

  it('shows a beleidsmedewerker the counts as an SVG chart and a table, with suppressed cells named', async () => {
    const q = thisQuarter();
    const res = await open(`?van=${q.van}&tot=${q.tot}&indeling=triage-uitkomst`);
    assert.equal(res.status, 200, res.text.slice(0, 500));
    assert.match(res.text, /<svg[^>]*role="img"/, 'the chart is an SVG image');
    assert.match(res.text, /De aantallen staan ook in de tabel/, 'the chart points to its text alternative');
    assert.match(res.text, /<th[^>]*scope="col"[^>]*>Alfadorp<\/th>/, 'the gemeente with enough casussen is a column');
    assert.match(res.text, /onderdrukt/, 'a suppressed cell says so');
    assert.match(res.text, /href="\/beleidscijfers\.csv\?/, 'the CSV download is offered');
  });

  it('never puts a suppressed count, a name, a reason, a BSN or a small gemeente into the HTML or SVG', async () => {
    const q = thisQuarter();
    for (const indeling of ['triage-uitkomst', 'leefgebied', 'heraanmelding']) {
      const res = await open(`?van=${q.van}&tot=${q.tot}&indeling=${indeling}`);
      assert.equal(res.status, 200, `${indeling}: ${res.text.slice(0, 300)}`);
      // Every count under k is suppressed, so 1 (Alfadorp's procesregie) and 2 never stand in a cell or bar label.
      assert.doesNotMatch(res.text, />\s*[12]\s*</, `${indeling}: no count under k is shown`);
      assert.doesNotMatch(res.text, /WEBNAAM-MARKER|WEBREDEN-MARKER/, `${indeling}: no name or reason`);
      assert.doesNotMatch(res.text, new RegExp(BSN), `${indeling}: no BSN`);
      assert.doesNotMatch(res.text, new RegExp(MARKER_GEMEENTE), `${indeling}: a gemeente under k is not named`);
    }
  });

  it('downloads the same tables as CSV, with suppressed cells empty', async () => {
    const q = thisQuarter();
    const s = await webSessionFor(t, 'gemeente-demo', 'beleidsmedewerker');
    const res = await request(t.app)
      .get(`/beleidscijfers.csv?van=${q.van}&tot=${q.tot}&indeling=triage-uitkomst`)
      .set('Cookie', s.cookie);
    assert.equal(res.status, 200, res.text);
    assert.match(res.headers['content-type'] ?? '', /text\/csv/, 'as CSV');
    assert.match(res.headers['content-disposition'] ?? '', /attachment; filename="signaalfunctie-triage-uitkomst-/);
    assert.match(res.text, /;procesregie;Alfadorp;\r\n/, 'the small cell is empty');
    assert.doesNotMatch(res.text, new RegExp(MARKER_GEMEENTE), 'the small gemeente is not named');
  });

  it('explains a period that does not fit quarters next to its field', async () => {
    const res = await open('?van=2026-02-01&tot=2026-03-31&indeling=leefgebied');
    assert.equal(res.status, 400, 'the form error is a bad request');
    assert.match(res.text, /Er is 1 fout in het formulier/, 'the error summary is shown');
    assert.match(res.text, /href="#van"/, 'it links to the field');
    assert.match(res.text, /id="van"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*id="van"/, 'the field is marked');
  });

  it('refuses a ketenmanager and sends a visitor without a session to sign in', async () => {
    const regisseur = await open('', 'ketenmanager');
    assert.equal(regisseur.status, 403, 'another role gets the 403 page');
    assert.doesNotMatch(regisseur.text, /<svg/, 'with no chart');
    const anonymous = await request(t.app).get('/beleidscijfers');
    assert.equal(anonymous.status, 303, 'no session is redirected');
    assert.equal(anonymous.headers.location, '/inloggen', 'to the sign-in page');
    const csv = await request(t.app).get('/beleidscijfers.csv');
    assert.equal(csv.status, 303, 'the CSV needs a session too');
  });
});
