import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import request from 'supertest';
import { testBsn } from '../support/bsn.js';
import { useTestApp } from '../support/test-app.js';
import { webSessionFor, type WebSession } from '../support/web-session.js';

const t = useTestApp();
const BSN = testBsn(912);
const origin = () => t.config.web.origin;
let politieItem = '';
let officer: WebSession;

async function supply(who: Record<string, string>, item: Record<string, unknown>): Promise<string> {
  const a = await request(t.app)
    .post('/api/v1/aanmeldingen')
    .set(who)
    .send({
      soort: 'persoon',
      gemeente: 'Demostad',
      reden: 'Overlast',
      leefgebieden: ['huisvesting-en-wonen'],
      betrokkenen: [{ ref: 'p', bsn: BSN, achternaam: 'Verzoeker', geboortedatum: '1970-01-01' }],
    });
  assert.equal(a.status, 201, a.text);
  const res = await request(t.app)
    .post(`/api/v1/casussen/${a.body.casus}/informatie`)
    .set(who)
    .send({ doel: 'triage', items: [{ ...item, betrokkene: a.body.betrokkenen[0].betrokkene }] });
  assert.equal(res.status, 201, res.text);
  return res.body.items[0].id as string;
}

const get = (path: string, s: WebSession) => request(t.app).get(path).set('Cookie', s.cookie);
const post = (path: string, s: WebSession, form: Record<string, string>, from = origin()) =>
  request(t.app).post(path).set('Cookie', s.cookie).set('Origin', from).type('form').send(form);

/** Registers an inzage request through the web form and answers its id. */
async function register(soort = 'inzage'): Promise<string> {
  const res = await post('/rechtenverzoeken', officer, { _csrf: officer.csrf, soort, bsn: BSN, methode: 'digid' });
  assert.equal(res.status, 303, res.text.slice(0, 500));
  const id = /^\/rechtenverzoeken\/([0-9a-f-]{36})$/.exec(res.headers.location ?? '')?.[1];
  assert.ok(id, `it opens the new request: ${res.headers.location}`);
  return id;
}

describe('subject-rights requests in the web application', () => {
  before(async () => {
    officer = await webSessionFor(t, 'zvh-demo', 'privacy-officer');
    politieItem = await supply(await t.tokenHeaders('politie-demo', 'medewerker'), {
      categorie: 'politiegegevens',
      inhoud: 'WEBVZ-MARKER-POLITIE',
      grondslag: 'wpg-art-20',
      leefgebied: 'delictgeschiedenis',
    });
    await supply(await t.tokenHeaders('gemeente-demo', 'medewerker'), {
      categorie: 'wonen',
      inhoud: 'WEBVZ-MARKER-WONEN',
      grondslag: 'avg-6-1-e-gemeente',
    });
  });

  it('shows an empty queue before any request', async () => {
    const res = await get('/rechtenverzoeken', officer);
    assert.equal(res.status, 200, res.text.slice(0, 300));
    assert.match(res.text, /Er zijn geen verzoeken/, 'the empty state says so');
  });

  it('registers a request from a form with the BSN in the body, never echoing it', async () => {
    const id = await register();
    const res = await get(`/rechtenverzoeken/${id}`, officer);
    assert.equal(res.status, 200, res.text.slice(0, 300));
    assert.match(res.text, /Termijn per regime/, 'the deadlines per regime are shown');
    assert.match(res.text, /Wpg art\. 25/, 'with the article of the police regime');
    assert.doesNotMatch(res.text, new RegExp(BSN), 'the BSN is not shown');
    const queue = await get('/rechtenverzoeken', officer);
    assert.match(queue.text, new RegExp(`/rechtenverzoeken/${id}`), 'the request is in the queue');
    assert.match(queue.text, /AVG: AVG .*art\. 12 lid 3/, 'with its governing regime and article');
    assert.doesNotMatch(queue.text, new RegExp(BSN), 'and no BSN');
  });

  it('explains an invalid BSN next to its field and does not show it back', async () => {
    const res = await post('/rechtenverzoeken', officer, { _csrf: officer.csrf, soort: 'inzage', bsn: '123456789' });
    assert.equal(res.status, 400, 'a form error');
    assert.match(res.text, /href="#bsn"/, 'the summary links to the BSN field');
    assert.doesNotMatch(res.text, /123456789/, 'the typed BSN is not echoed');
  });

  it('changes the status with a reason, and asks for the reason when it is missing', async () => {
    const id = await register();
    const without = await post(`/rechtenverzoeken/${id}/status`, officer, {
      _csrf: officer.csrf,
      naar: 'in-behandeling',
    });
    assert.equal(without.status, 400, 'a missing reason is a form error');
    assert.match(without.text, /href="#reden"/, 'it links to the reason field');
    const res = await post(`/rechtenverzoeken/${id}/status`, officer, {
      _csrf: officer.csrf,
      naar: 'in-behandeling',
      reden: 'Gestart WEBVZ-REDEN',
    });
    assert.equal(res.status, 303, res.text.slice(0, 300));
    const page = await get(`/rechtenverzoeken/${id}`, officer);
    assert.match(page.text, /in-behandeling/, 'the new status is shown');
    assert.match(page.text, /Reden: Gestart WEBVZ-REDEN/, 'the history shows the reason');
  });

  it('explains a transition the request does not allow', async () => {
    const id = await register();
    const res = await post(`/rechtenverzoeken/${id}/status`, officer, {
      _csrf: officer.csrf,
      naar: 'geweigerd',
      reden: 'x',
    });
    assert.equal(res.status, 400, 'refusing without a ground is a form error');
    assert.match(res.text, /weigeringsgrond/i, 'it asks for the ground');
  });

  it('extends a request with a reason', async () => {
    const id = await register();
    const res = await post(`/rechtenverzoeken/${id}/verlenging`, officer, {
      _csrf: officer.csrf,
      maanden: '2',
      verlengreden: 'Ingewikkeld verzoek',
    });
    assert.equal(res.status, 303, res.text.slice(0, 500));
    const page = await get(`/rechtenverzoeken/${id}`, officer);
    assert.match(page.text, /2 maanden/, 'the extension is shown');
  });

  it('withholds an item on a ground, and the report preview leaves it out and is logged', async () => {
    const id = await register();
    const res = await post(`/rechtenverzoeken/${id}/weglatingen`, officer, {
      _csrf: officer.csrf,
      item: politieItem,
      weiggrond: 'WPG_27_ONDERZOEK',
    });
    assert.equal(res.status, 303, res.text.slice(0, 500));
    const page = await get(`/rechtenverzoeken/${id}`, officer);
    assert.match(page.text, new RegExp(`Gegeven ${politieItem}`), 'the withheld item is listed');
    const before = await t.ledger.size();
    const preview = await get(`/rechtenverzoeken/${id}/inzagerapport`, officer);
    assert.equal(preview.status, 200, preview.text.slice(0, 500));
    assert.match(preview.text, /WEBVZ-MARKER-WONEN/, 'the report shows the gemeente item');
    assert.doesNotMatch(preview.text, /WEBVZ-MARKER-POLITIE/, 'but not the withheld police item');
    const entries = await t.ledger.entries(before, await t.ledger.size());
    const actors = entries.map((e) => JSON.parse(e.body).ontvanger.actor.id);
    assert.ok(actors.includes(officer.medewerkerId), `the preview is logged with the officer as actor: ${actors}`);
  });

  it('refuses a withholding with an unknown item next to its field', async () => {
    const id = await register();
    const res = await post(`/rechtenverzoeken/${id}/weglatingen`, officer, {
      _csrf: officer.csrf,
      item: 'onbekend-WEBVZ',
      weiggrond: 'WPG_27_ONDERZOEK',
    });
    assert.equal(res.status, 400, 'a form error');
    assert.match(res.text, /href="#item"/, 'it links to the item field');
  });

  it('refuses the actions without the CSRF token or from another origin', async () => {
    const id = await register();
    const form = { naar: 'in-behandeling', reden: 'x' };
    assert.equal((await post(`/rechtenverzoeken/${id}/status`, officer, form)).status, 403, 'no token');
    const cross = await post(
      `/rechtenverzoeken/${id}/status`,
      officer,
      { ...form, _csrf: officer.csrf },
      'https://evil.example',
    );
    assert.equal(cross.status, 403, 'another origin');
    assert.equal(
      (await post('/rechtenverzoeken', officer, { soort: 'inzage', bsn: BSN })).status,
      403,
      'register needs it too',
    );
  });

  it("lets a partner's officer read but not act, and never shows it another partner's items", async () => {
    const id = await register();
    const gemeente = await webSessionFor(t, 'gemeente-demo', 'privacy-officer');
    const page = await get(`/rechtenverzoeken/${id}`, gemeente);
    assert.equal(page.status, 200, page.text.slice(0, 300));
    assert.doesNotMatch(page.text, /Wpg/, "the police regime is not revealed to the gemeente's officer");
    assert.doesNotMatch(page.text, /Status wijzigen/, 'no actions are offered');
    assert.equal((await get(`/rechtenverzoeken/${id}/inzagerapport`, gemeente)).status, 403, 'no report preview');
    const act = await post(`/rechtenverzoeken/${id}/status`, gemeente, {
      _csrf: gemeente.csrf,
      naar: 'in-behandeling',
      reden: 'x',
    });
    assert.equal(act.status, 403, 'no status change');
  });

  it('refuses other roles and sends a visitor without a session to sign in', async () => {
    const regisseur = await webSessionFor(t, 'zvh-demo', 'procesregisseur');
    assert.equal((await get('/rechtenverzoeken', regisseur)).status, 403, 'a procesregisseur gets the 403 page');
    const anonymous = await request(t.app).get('/rechtenverzoeken');
    assert.equal(anonymous.status, 303, 'no session');
    assert.equal(anonymous.headers.location, '/inloggen');
  });
});
