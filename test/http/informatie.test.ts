import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import request from 'supertest';
import { testBsn } from '../support/bsn.js';
import { assertProblem } from '../support/problem-assertions.js';
import { useTestApp } from '../support/test-app.js';

const t = useTestApp();
let politie: Record<string, string>;
let casus: string;
let vader: string;

const item = (over: Record<string, unknown> = {}) => ({
  categorie: 'politiegegevens',
  betrokkene: vader,
  inhoud: 'Drie meldingen huiselijk geweld in 2026; aanhouding op 3 mei.',
  grondslag: 'wpg-art-20',
  leefgebied: 'relaties-partner-gezin-familie',
  ...over,
});
const items = async () => t.db.store.db.informatieItem.count();

describe('POST /api/v1/casussen/{id}/informatie', () => {
  before(async () => {
    politie = await t.tokenHeaders('politie-demo', 'medewerker');
    const res = await request(t.app)
      .post('/api/v1/aanmeldingen')
      .set(politie)
      .send({
        soort: 'persoon',
        gemeente: 'Demostad',
        reden: 'Overlast',
        leefgebieden: ['huisvesting-en-wonen'],
        betrokkenen: [{ ref: 'v', bsn: testBsn(7), achternaam: 'de Vries', geboortedatum: '1981-03-14' }],
      });
    casus = res.body.casus;
    vader = res.body.betrokkenen[0].betrokkene;
  });

  it('stores items from a participating partner; everything about a person encrypted with the betrokkene’s own key', async () => {
    const res = await request(t.app)
      .post(`/api/v1/casussen/${casus}/informatie`)
      .set(politie)
      .send({
        doel: 'triage',
        items: [
          item(),
          item({
            categorie: 'wonen',
            inhoud: 'Huurachterstand',
            grondslag: 'avg-6-1-e-gemeente',
            leefgebied: 'huisvesting-en-wonen',
          }),
        ],
      });
    assert.equal(res.status, 201, res.text);
    assert.deepEqual(
      res.body.items.map((i: { versleuteld: boolean }) => i.versleuteld),
      [true, true],
    );
    const stored = await t.db.store.db.informatieItem.findUnique({ where: { id: res.body.items[0].id } });
    assert.doesNotMatch(stored!.inhoud, /aanhouding/);
    const owner = await t.db.store.db.betrokkene.findUnique({ where: { id: vader } });
    const key = t.dataProtection.unwrapDataKey(owner!.dataSleutel!);
    assert.match(t.dataProtection.decrypt(key, stored!.inhoud, `item:${stored!.id}`), /aanhouding op 3 mei/);
    assert.equal(stored!.bronPartnerId, 'politie-demo');
    assert.equal(stored!.grondslag, 'wpg-art-20');
  });

  it('refuses, with 403 and nothing stored, a category this partner may not supply', async () => {
    const before = await items();
    const res = await request(t.app)
      .post(`/api/v1/casussen/${casus}/informatie`)
      .set(politie)
      .send({
        doel: 'triage',
        items: [
          item({ categorie: 'wonen', grondslag: 'avg-6-1-e-gemeente' }),
          item({ categorie: 'psychische-gezondheid', grondslag: 'uavg-art-30-zorg' }),
        ],
      });
    assertProblem(res, 403, 'covenant-denied');
    assert.match(JSON.stringify(res.body.invalidParams), /psychische-gezondheid/);
    assert.equal(await items(), before);
  });

  it('refuses an unknown category or legal basis with 400 naming the item', async () => {
    const res = await request(t.app)
      .post(`/api/v1/casussen/${casus}/informatie`)
      .set(politie)
      .send({ doel: 'triage', items: [item({ categorie: 'schoenmaat' }), item({ grondslag: 'gevoel' })] });
    assertProblem(res, 400, 'invalid-request');
    assert.deepEqual(
      res.body.invalidParams.map((p: { name: string }) => p.name),
      ['/items/0/categorie', '/items/1/grondslag'],
    );
  });

  it('refuses a missing purpose, an unknown leefgebied and oversized content with 400', async () => {
    assertProblem(
      await request(t.app)
        .post(`/api/v1/casussen/${casus}/informatie`)
        .set(politie)
        .send({ items: [item()] }),
      400,
      'invalid-request',
    );
    assertProblem(
      await request(t.app)
        .post(`/api/v1/casussen/${casus}/informatie`)
        .set(politie)
        .send({ doel: 'triage', items: [item({ leefgebied: 'astrologie' })] }),
      400,
      'invalid-request',
    );
    assertProblem(
      await request(t.app)
        .post(`/api/v1/casussen/${casus}/informatie`)
        .set(politie)
        .send({ doel: 'triage', items: [item({ inhoud: 'x'.repeat(20_001) })] }),
      400,
      'invalid-request',
    );
  });

  it('refuses special data without a betrokkene (it could not be erased per person)', async () => {
    const res = await request(t.app)
      .post(`/api/v1/casussen/${casus}/informatie`)
      .set(politie)
      .send({ doel: 'triage', items: [item({ betrokkene: undefined })] });
    assertProblem(res, 400, 'invalid-request');
    assert.equal(res.body.invalidParams[0].name, '/items/0/betrokkene');
  });

  it('answers a casus the partner does not take part in exactly like a missing one (404)', async () => {
    const ggz = await t.tokenHeaders('ggz-demo', 'medewerker');
    const notMine = await request(t.app)
      .post(`/api/v1/casussen/${casus}/informatie`)
      .set(ggz)
      .send({ doel: 'triage', items: [item({ categorie: 'psychische-gezondheid', grondslag: 'uavg-art-30-zorg' })] });
    const missing = await request(t.app)
      .post('/api/v1/casussen/0b9e5b0e-0000-4000-8000-000000000000/informatie')
      .set(ggz)
      .send({ doel: 'triage', items: [item({ categorie: 'psychische-gezondheid', grondslag: 'uavg-art-30-zorg' })] });
    assertProblem(notMine, 404, 'not-found');
    assertProblem(missing, 404, 'not-found');
    assert.equal(notMine.body.title, missing.body.title);
    assert.equal(notMine.body.detail, missing.body.detail);
  });

  it('makes retries with an Idempotency-Key safe: same answer, no duplicate items', async () => {
    const body = {
      doel: 'triage',
      items: [item({ categorie: 'wonen', inhoud: 'Woning vervuild', grondslag: 'avg-6-1-e-gemeente' })],
    };
    const first = await request(t.app)
      .post(`/api/v1/casussen/${casus}/informatie`)
      .set(politie)
      .set('Idempotency-Key', 'info-000001')
      .send(body);
    const before = await items();
    const again = await request(t.app)
      .post(`/api/v1/casussen/${casus}/informatie`)
      .set(politie)
      .set('Idempotency-Key', 'info-000001')
      .send(body);
    assert.deepEqual(again.body, first.body);
    assert.equal(await items(), before);
  });
});
