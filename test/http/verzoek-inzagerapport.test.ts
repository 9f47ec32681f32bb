import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import request from 'supertest';
import { testBsn } from '../support/bsn.js';
import { assertProblem } from '../support/problem-assertions.js';
import { receiptOf } from '../support/receipt.js';
import { useTestApp } from '../support/test-app.js';

const t = useTestApp();
const as = {} as Record<'fg' | 'politieFg' | 'politie' | 'gemeente' | 'regisseur', Record<string, string>>;
const BSN = testBsn(811);
let politieItem: string;
let inzage: string;
let wissing: string;

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

const report = (id: string, who = as.fg, query = '', accept = 'application/json') =>
  request(t.app).get(`/api/v1/verzoeken/${id}/inzagerapport${query}`).set(who).set('Accept', accept);

describe('the access report answering an inzage request', () => {
  before(async () => {
    as.fg = await t.tokenHeaders('zvh-demo', 'privacy-officer');
    as.politieFg = await t.tokenHeaders('politie-demo', 'privacy-officer');
    as.politie = await t.tokenHeaders('politie-demo', 'medewerker');
    as.gemeente = await t.tokenHeaders('gemeente-demo', 'medewerker');
    as.regisseur = await t.tokenHeaders('zvh-demo', 'procesregisseur');
    politieItem = await supply(as.politie, {
      categorie: 'politiegegevens',
      inhoud: 'MARKER-ONDERZOEK',
      grondslag: 'wpg-art-20',
      leefgebied: 'delictgeschiedenis',
    });
    await supply(as.gemeente, { categorie: 'wonen', inhoud: 'MARKER-WONEN', grondslag: 'avg-6-1-e-gemeente' });
    const register = (soort: string) =>
      request(t.app)
        .post('/api/v1/verzoeken')
        .set(as.fg)
        .send({ soort, bsn: BSN, identiteit: { methode: 'id-bewijs-aan-balie' } });
    const i = await register('inzage');
    assert.equal(i.status, 201, i.text);
    inzage = i.body.id;
    const w = await register('wissing');
    assert.equal(w.status, 201, w.text);
    wissing = w.body.id;
    const weg = await request(t.app)
      .post(`/api/v1/verzoeken/${inzage}/weglatingen`)
      .set(as.fg)
      .send({ item: politieItem, grond: 'WPG_27_ONDERZOEK' });
    assert.equal(weg.status, 201, weg.text);
  });

  it('gives the person every supplied item except the one the officer withheld, without saying so for an investigation', async () => {
    const res = await report(inzage);
    assert.equal(res.status, 200, res.text);
    assert.match(res.text, /MARKER-WONEN/, 'the municipality’s item is in the copy');
    assert.doesNotMatch(res.text, /MARKER-ONDERZOEK/, 'the withheld police item is not');
    assert.doesNotMatch(res.text, /WPG_27_ONDERZOEK/, 'nor that an investigation is the reason');
    assert.doesNotMatch(res.text, new RegExp(BSN), 'the BSN is not repeated in the report');
  });

  it('shows the officer what was withheld and on which ground', async () => {
    const res = await report(inzage, as.fg, '?voor=functionaris');
    assert.equal(res.status, 200, res.text);
    const weg = res.body.bronnen.flatMap((b: { weggelaten: { itemId?: string; grond: string }[] }) => b.weggelaten);
    assert.deepEqual(
      weg.map((w: { itemId?: string; grond: string }) => [w.itemId, w.grond]),
      [[politieItem, 'WPG_27_ONDERZOEK']],
    );
  });

  it('logs the report before it leaves, naming the request it answers', async () => {
    const res = await report(inzage);
    const { index } = receiptOf(res);
    const [entry] = await t.ledger.entries(index, index + 1);
    const body = JSON.parse(entry!.body);
    assert.equal(body.doel, 'rechten-betrokkene');
    assert.equal(body.details.verzoek, inzage);
  });

  it('prints as a Dutch HTML document when asked for HTML', async () => {
    const res = await report(inzage, as.fg, '', 'text/html');
    assert.equal(res.status, 200, res.text);
    assert.match(res.headers['content-type']!, /text\/html/);
    assert.match(res.text, /<html lang="nl"/);
    assert.doesNotMatch(res.text, /MARKER-ONDERZOEK/);
  });

  it('refuses a report for a request that is not an inzage request (409)', async () => {
    assertProblem(await report(wissing), 409, 'conflict');
  });

  it('answers 404 for an unknown request', async () => {
    assertProblem(await report('00000000-0000-4000-8000-000000000000'), 404, 'not-found');
  });

  it('is for the ZVH’s privacy officer only: a partner’s officer, a regisseur and a partner get 403, no token 401', async () => {
    assertProblem(await report(inzage, as.politieFg), 403, 'forbidden');
    assertProblem(await report(inzage, as.regisseur), 403, 'forbidden');
    assertProblem(await report(inzage, as.politie), 403, 'forbidden');
    const none = await request(t.app).get(`/api/v1/verzoeken/${inzage}/inzagerapport`);
    assert.equal(none.status, 401, none.text);
  });
});
