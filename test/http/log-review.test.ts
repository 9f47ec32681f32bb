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

  describe('a partner’s privacy officer', () => {
    type Regel = { index: number; regel: { ontvanger: { partner: string }; bronnen: string[] } };
    const own = (partner: string) => (r: Regel) =>
      r.regel.ontvanger.partner === partner || r.regel.bronnen.includes(partner);

    it('finds only the entries in which its partner is recipient or source', async () => {
      const fg = await t.tokenHeaders('ggz-demo', 'privacy-officer');
      const res = await request(t.app).post('/api/v1/verstrekkingslog/zoekvragen').set(fg).send({});
      assert.equal(res.status, 200, res.text);
      assert.equal(res.body.regels.length, 4, 'its verwijsindex question and three refused attempts');
      assert.ok(res.body.regels.every(own('ggz-demo')));
      const all = await request(t.app).post('/api/v1/verstrekkingslog/zoekvragen').set(as.fg).send({});
      assert.ok(all.body.regels.length > res.body.regels.length, 'the ZVH officer sees more');
    });

    it('learns nothing by searching for a person or filtering on another partner', async () => {
      const woning = await t.tokenHeaders('woningcorporatie-demo', 'privacy-officer');
      const known = await request(t.app).post('/api/v1/verstrekkingslog/zoekvragen').set(woning).send({ bsn });
      const unknown = await request(t.app)
        .post('/api/v1/verstrekkingslog/zoekvragen')
        .set(woning)
        .send({ bsn: testBsn(49) });
      assert.deepEqual([known.status, known.body], [unknown.status, unknown.body]);
      assert.deepEqual(known.body.regels, []);
      const other = await request(t.app)
        .post('/api/v1/verstrekkingslog/zoekvragen')
        .set(woning)
        .send({ partner: 'politie-demo' });
      assert.deepEqual(other.body.regels, []);
    });

    it('lists by index range only its own entries, leaving out even the others’ leaf hashes', async () => {
      const fg = await t.tokenHeaders('politie-demo', 'privacy-officer');
      const size = await t.ledger.size();
      const res = await request(t.app).get(`/api/v1/verstrekkingslog/regels?van=0&tot=${size}`).set(fg).expect(200);
      assert.equal(res.body.regels.length, 3, 'the two pulls and the verwijsindex answer naming politie');
      assert.ok(res.body.regels.every(own('politie-demo')));
      const leaves = (await t.ledger.entries(0, size)).filter(
        (e) => !own('politie-demo')({ index: e.index, regel: JSON.parse(e.body) }),
      );
      for (const e of leaves) assert.doesNotMatch(res.text, new RegExp(e.leafHash.toString('hex')));
      const zvh = await request(t.app).get(`/api/v1/verstrekkingslog/regels?van=0&tot=${size}`).set(as.fg).expect(200);
      assert.equal(zvh.body.regels.length, size);
    });

    it('exports only its own entries and gets signals only about them', async () => {
      const politie = await t.tokenHeaders('politie-demo', 'privacy-officer');
      const json = await request(t.app).get('/api/v1/verstrekkingslog/export?formaat=json').set(politie).expect(200);
      assert.equal(json.body.length, 3);
      assert.ok(json.body.every(own('politie-demo')));
      const signals = await request(t.app).get('/api/v1/verstrekkingslog/signalen').set(politie).expect(200);
      assert.deepEqual(signals.body.signalen, [], 'ggz’s refused attempts are not politie’s business');
      const ggz = await t.tokenHeaders('ggz-demo', 'privacy-officer');
      const own3 = await request(t.app).get('/api/v1/verstrekkingslog/signalen').set(ggz).expect(200);
      assert.equal(own3.body.signalen.length, 1, 'ggz’s officer sees its own partner’s refused attempts');
    });

    it('still needs the privacy-officer role', async () => {
      assertProblem(
        await request(t.app).get('/api/v1/verstrekkingslog/regels?van=0&tot=1').set(as.ggz),
        403,
        'forbidden',
      );
    });
  });
});
