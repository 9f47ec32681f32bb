import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import request from 'supertest';
import { defaultCovenantDir } from '../../gateway/covenant/record-covenant-version.js';
import { receiptOf } from '../support/receipt.js';
import { useTestApp } from '../support/test-app.js';

/**
 * Under a covenant that says `weglatingen: melden`, an answer that left something out says only that it
 * did (`weggelaten: true`): never which category, field or source. An answer that left nothing out says
 * nothing. The log entry keeps what was withheld, for privacy officers.
 */
const t = useTestApp({
  prepare: async ({ dataDir }) => {
    const dir = join(dataDir, 'convenant-melden');
    mkdirSync(dir, { recursive: true });
    const text = readFileSync(join(defaultCovenantDir, 'zvh-demo-2026.1.yaml'), 'utf8');
    assert.match(text, /weglatingen: verzwijgen/);
    writeFileSync(join(dir, 'zvh-demo.yaml'), text.replace('weglatingen: verzwijgen', 'weglatingen: melden'));
    return { KNOOPPUNT_COVENANT_DIR: dir };
  },
});
const as: Record<string, Record<string, string>> = {};
let casus = '';

describe('weglatingen: melden', () => {
  before(async () => {
    for (const p of ['politie', 'gemeente', 'ggz']) as[p] = await t.tokenHeaders(`${p}-demo`);
    as.regie = await t.tokenHeaders('zvh-demo', 'procesregisseur');
    const a = await request(t.app)
      .post('/api/v1/aanmeldingen')
      .set(as.politie!)
      .send({
        soort: 'persoon',
        gemeente: 'Demostad',
        reden: 'Overlast',
        leefgebieden: ['huisvesting-en-wonen'],
        betrokkenen: [{ ref: 'p', achternaam: 'Smit', geboortedatum: '1970-07-07' }],
      })
      .expect(201);
    casus = a.body.casus;
    const persoon = a.body.betrokkenen[0].betrokkene;
    for (const partner of ['gemeente-demo', 'ggz-demo'])
      await request(t.app).post(`/api/v1/casussen/${casus}/deelnemers`).set(as.regie!).send({ partner }).expect(201);
    await request(t.app)
      .post(`/api/v1/casussen/${casus}/triagebesluit`)
      .set(as.regie!)
      .send({ uitkomst: 'procesregie', motivering: 'meerdere ketens' })
      .expect(201);
    const add = (who: string, categorie: string, grondslag: string, inhoud: string) =>
      request(t.app)
        .post(`/api/v1/casussen/${casus}/informatie`)
        .set(as[who]!)
        .send({ doel: 'casusoverleg', items: [{ categorie, betrokkene: persoon, inhoud, grondslag }] })
        .expect(201);
    await add('ggz', 'psychische-gezondheid', 'uavg-art-30-zorg', 'Psychose');
    await add('gemeente', 'wonen', 'avg-6-1-e-gemeente', 'Huurachterstand');
  });

  it('says only that something was left out: not what, nor whose', async () => {
    const res = await request(t.app)
      .get(`/api/v1/casussen/${casus}/informatie`)
      .query({ doel: 'casusoverleg' })
      .set(as.gemeente!);
    assert.equal(res.status, 200, res.text);
    assert.equal(res.body.weggelaten, true);
    assert.doesNotMatch(res.text, /ggz-demo|psychische|Psychose/);
    const { index } = receiptOf(res);
    const [entry] = await t.ledger.entries(index, index + 1);
    assert.deepEqual(JSON.parse(entry!.body).details.weggelaten, ['ggz-demo:psychische-gezondheid']);
  });

  it('says nothing when nothing was left out', async () => {
    const res = await request(t.app)
      .get(`/api/v1/casussen/${casus}/informatie`)
      .query({ doel: 'casusoverleg' })
      .set(as.ggz!);
    assert.equal(res.status, 200, res.text);
    assert.equal(res.body.items.length, 2);
    assert.equal(res.body.weggelaten, undefined);
  });
});
