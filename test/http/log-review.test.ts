import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import request from 'supertest';
import { testBsn } from '../support/bsn.js';
import { assertProblem } from '../support/problem-assertions.js';
import { useTestApp } from '../support/test-app.js';

const t = useTestApp();
const as = {} as Record<'politie' | 'fg' | 'ggz', Record<string, string>>;
let casus: string;
const bsn = testBsn(41);

describe('the privacy officer’s review of the disclosure log', () => {
  before(async () => {
    as.politie = await t.tokenHeaders('politie-demo', 'medewerker');
    as.fg = await t.tokenHeaders('zvh-demo', 'privacy-officer');
    as.ggz = await t.tokenHeaders('ggz-demo', 'medewerker');
    const a = await request(t.app)
      .post('/api/v1/aanmeldingen')
      .set(as.politie)
      .send({
        soort: 'persoon',
        gemeente: 'Demostad',
        reden: 'x',
        leefgebieden: ['huisvesting-en-wonen'],
        betrokkenen: [{ ref: 'p', bsn, achternaam: 'Mulder', geboortedatum: '1966-06-06' }],
      });
    casus = a.body.casus;
    await request(t.app).get(`/api/v1/casussen/${casus}/betrokkenen?doel=triage`).set(as.politie).expect(200);
    await request(t.app).get(`/api/v1/casussen/${casus}?doel=triage`).set(as.politie).expect(200);
    await request(t.app).post('/api/v1/verwijsindex/zoekvragen').set(as.ggz).send({ bsn, doel: 'triage' }).expect(200);
    for (let i = 0; i < 3; i++)
      await request(t.app).get(`/api/v1/casussen/${casus}/informatie?doel=triage`).set(as.ggz).expect(404);
  });

  it('finds every disclosure about a person by BSN, which is sent in the body and matched through keyed references', async () => {
    const res = await request(t.app).post('/api/v1/verstrekkingslog/zoekvragen').set(as.fg).send({ bsn });
    assert.equal(res.status, 200, res.text);
    // The persons and the referral (which is about them too) left, and the verwijsindex answered.
    assert.deepEqual(res.body.regels.map((r: { regel: { soort: string } }) => r.regel.soort).sort(), [
      'verstrekking',
      'verstrekking',
      'verwijsindex',
    ]);
    assert.doesNotMatch(res.text, new RegExp(bsn));
  });

  it('filters by partner, purpose, casus and period', async () => {
    const byPartner = await request(t.app)
      .post('/api/v1/verstrekkingslog/zoekvragen')
      .set(as.fg)
      .send({ partner: 'ggz-demo' });
    assert.ok(
      byPartner.body.regels.every(
        (r: { regel: { ontvanger: { partner: string }; bronnen: string[] } }) =>
          r.regel.ontvanger.partner === 'ggz-demo' || r.regel.bronnen.includes('ggz-demo'),
      ),
      'every result has ggz-demo as recipient or source',
    );
    assert.equal(byPartner.body.regels.length, 4);
    const byCasus = await request(t.app)
      .post('/api/v1/verstrekkingslog/zoekvragen')
      .set(as.fg)
      .send({ casus, doel: 'triage' });
    assert.equal(byCasus.body.regels.length, 5);
    const future = await request(t.app)
      .post('/api/v1/verstrekkingslog/zoekvragen')
      .set(as.fg)
      .send({ van: '2099-01-01T00:00:00Z' });
    assert.deepEqual(future.body.regels, []);
  });

  it('exports CSV for spreadsheets, JSON, and the Logboek Dataverwerkingen shape', async () => {
    const csv = await request(t.app)
      .get('/api/v1/verstrekkingslog/export?formaat=csv')
      .set(as.fg)
      .set('Accept', 'text/csv')
      .expect(200);
    assert.match(csv.headers['content-type']!, /^text\/csv/);
    assert.match(csv.headers['content-disposition']!, /attachment; filename="verstrekkingen-\d{4}-\d{2}-\d{2}\.csv"/);
    const lines = csv.text.trim().split('\r\n');
    assert.equal(
      lines[0],
      'index;tijd;soort;ontvanger;actor;rol;bronnen;doel;grondslagen;categorieen;casus;convenant;traceId;leafHash',
    );
    assert.equal(lines.length, 1 + (await t.ledger.size()));
    const logboek = await request(t.app).get('/api/v1/verstrekkingslog/export?formaat=logboek').set(as.fg).expect(200);
    assert.equal(logboek.body[0]['attributes']['dpl.core.data_subject_id_type'], 'knooppunt-subject-ref');
    assert.match(logboek.body[0].trace_id, /^[0-9a-f]{32}$/);
    const json = await request(t.app)
      .get(`/api/v1/verstrekkingslog/export?formaat=json&casus=${casus}`)
      .set(as.fg)
      .expect(200);
    assert.ok(
      json.body.every((r: { regel: { casus: string } }) => r.regel.casus === casus),
      `every exported entry belongs to casus ${casus}`,
    );
  });

  it('signals refused attempts at casussen a partner does not take part in', async () => {
    const res = await request(t.app).get('/api/v1/verstrekkingslog/signalen').set(as.fg).expect(200);
    assert.deepEqual(
      res.body.signalen.map((s: { soort: string; partner: string; aantal: number }) => [s.soort, s.partner, s.aantal]),
      [['weigeringen-buiten-deelname', 'ggz-demo', 3]],
    );
  });

  it('is for privacy officers only, and refuses an invalid BSN', async () => {
    assertProblem(
      await request(t.app).post('/api/v1/verstrekkingslog/zoekvragen').set(as.politie).send({ bsn }),
      403,
      'forbidden',
    );
    assertProblem(
      await request(t.app).get('/api/v1/verstrekkingslog/export?formaat=csv').set(as.politie),
      403,
      'forbidden',
    );
    assertProblem(
      await request(t.app).post('/api/v1/verstrekkingslog/zoekvragen').set(as.fg).send({ bsn: '123456789' }),
      400,
      'invalid-request',
    );
  });
});
