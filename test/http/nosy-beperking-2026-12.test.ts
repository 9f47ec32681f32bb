import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import request from 'supertest';
import { runRetention } from '../../gateway/bewaartermijnen/run-retention.js';
import { beperkVerwerking } from '../../gateway/rechten/uitvoering/beperk-verwerking.js';
import { useCaseDeps, type UseCaseDeps } from '../../gateway/use-case-deps.js';
import { testBsn } from '../support/bsn.js';
import { receiptOf } from '../support/receipt.js';
import { useTestApp } from '../support/test-app.js';
import { webSessionFor } from '../support/web-session.js';

const t = useTestApp();
const as: Record<string, Record<string, string>> = {};
const DAY = 86_400_000;
let deps: UseCaseDeps;
let seq = 700;

/** A casus with one police item about one person, closed three years ago (police data: two years from closing). */
async function closedCasusWithPoliceItem(): Promise<{ persoon: string; itemId: string }> {
  const a = await request(t.app)
    .post('/api/v1/aanmeldingen')
    .set(as.politie!)
    .send({
      soort: 'persoon',
      gemeente: 'Demostad',
      reden: 'MARKER-REDEN',
      leefgebieden: ['huisvesting-en-wonen'],
      betrokkenen: [{ ref: 'p', bsn: testBsn(seq++), achternaam: 'MARKER-NAAM', geboortedatum: '1970-01-01' }],
    })
    .expect(201);
  const casus = a.body.casus as string;
  const persoon = a.body.betrokkenen[0].betrokkene as string;
  const item = await request(t.app)
    .post(`/api/v1/casussen/${casus}/informatie`)
    .set(as.politie!)
    .send({
      doel: 'triage',
      items: [{ categorie: 'politiegegevens', betrokkene: persoon, inhoud: 'MARKER-INHOUD', grondslag: 'wpg-art-20' }],
    });
  assert.equal(item.status, 201, item.text);
  await t.db.store.db.casus.update({
    where: { id: casus },
    data: { afgeslotenOp: new Date(t.clock.now().getTime() - 3 * 365 * DAY) },
  });
  return { persoon, itemId: item.body.items[0].id as string };
}

const itemExists = async (id: string) => (await t.db.store.db.informatieItem.count({ where: { id } })) === 1;

describe('retention against a restriction of processing (AVG art. 18)', () => {
  before(async () => {
    as.politie = await t.tokenHeaders('politie-demo', 'medewerker');
    as.gemeente = await t.tokenHeaders('gemeente-demo', 'medewerker');
    as.ggz = await t.tokenHeaders('ggz-demo', 'medewerker');
    as.regie = await t.tokenHeaders('zvh-demo', 'procesregisseur');
    as.ggzOfficer = await t.tokenHeaders('ggz-demo', 'privacy-officer');
    as.zvhOfficer = await t.tokenHeaders('zvh-demo', 'privacy-officer');
    deps = useCaseDeps({
      store: t.db.store,
      dp: t.dataProtection,
      covenants: t.covenants,
      clock: t.clock,
      ledger: t.ledger,
    });
  });

  it('keeps items under an open restriction even when their period ended, and even with a clock far ahead', async () => {
    const persoonWijd = await closedCasusWithPoliceItem();
    const perItem = await closedCasusWithPoliceItem();
    const vrij = await closedCasusWithPoliceItem();
    await beperkVerwerking(deps, {
      verzoekId: 'v-1',
      betrokkeneId: persoonWijd.persoon,
      soort: 'beperking',
      door: 'fg-1',
    });
    await beperkVerwerking(deps, {
      verzoekId: 'v-2',
      betrokkeneId: perItem.persoon,
      itemIds: [perItem.itemId],
      soort: 'beperking',
      door: 'fg-1',
    });
    const future = new Date(t.clock.now().getTime() + 50 * 365 * DAY);
    const report = await runRetention(deps, { dryRun: false, now: future });
    assert.ok(await itemExists(persoonWijd.itemId), 'a person-wide restriction keeps the item');
    assert.ok(await itemExists(perItem.itemId), "an item's own restriction keeps it");
    assert.ok(!(await itemExists(vrij.itemId)), 'an unrestricted item whose period ended is deleted');
    assert.equal(report.beperkt, 2, 'the report counts what a restriction kept');
    assert.ok(!JSON.stringify(report).includes(persoonWijd.itemId), 'the report carries no ids');
  });
});

describe("a recipient partner's privacy officer against a restriction in the log", () => {
  it('sees its own pull in the log without a trace of the restriction; the ZVH officer sees why', async () => {
    const a = await request(t.app)
      .post('/api/v1/aanmeldingen')
      .set(as.politie!)
      .send({
        soort: 'persoon',
        gemeente: 'Demostad',
        reden: 'Overlast',
        leefgebieden: ['huisvesting-en-wonen'],
        betrokkenen: [{ ref: 'p', bsn: testBsn(seq++), achternaam: 'MARKER-NAAM', geboortedatum: '1970-01-01' }],
      })
      .expect(201);
    const casus = a.body.casus as string;
    const persoon = a.body.betrokkenen[0].betrokkene as string;
    for (const partner of ['gemeente-demo', 'ggz-demo'])
      await request(t.app).post(`/api/v1/casussen/${casus}/deelnemers`).set(as.regie!).send({ partner }).expect(201);
    await request(t.app)
      .post(`/api/v1/casussen/${casus}/triagebesluit`)
      .set(as.regie!)
      .send({ uitkomst: 'procesregie', motivering: 'meerdere ketens' })
      .expect(201);
    const item = await request(t.app)
      .post(`/api/v1/casussen/${casus}/informatie`)
      .set(as.gemeente!)
      .send({
        doel: 'casusoverleg',
        items: [{ categorie: 'wonen', betrokkene: persoon, inhoud: 'MARKER-INHOUD', grondslag: 'avg-6-1-e-gemeente' }],
      })
      .expect(201);
    const itemId = item.body.items[0].id as string;
    const [beperking] = await beperkVerwerking(deps, {
      verzoekId: 'MARKER-VERZOEK',
      betrokkeneId: persoon,
      itemIds: [itemId],
      soort: 'beperking',
      door: 'fg-1',
    });
    const pulled = await request(t.app).get(`/api/v1/casussen/${casus}/informatie?doel=casusoverleg`).set(as.ggz!);
    assert.equal(pulled.status, 200, pulled.text);
    const { index } = receiptOf(pulled);
    const views = [
      await request(t.app)
        .get('/api/v1/verstrekkingslog/regels')
        .query({ van: index, tot: index + 1 })
        .set(as.ggzOfficer!),
      await request(t.app).post('/api/v1/verstrekkingslog/zoekvragen').send({ casus }).set(as.ggzOfficer!),
    ];
    for (const res of views) {
      assert.equal(res.status, 200, res.text);
      assert.ok(res.text.includes(pulled.headers['trace-id'] ?? casus), 'the officer sees its own pull');
      for (const marker of ['beperk', beperking!, itemId, 'MARKER-VERZOEK'])
        assert.ok(!res.text.includes(marker), `the recipient's officer learns nothing of the restriction (${marker})`);
    }
    const zvh = await request(t.app)
      .get('/api/v1/verstrekkingslog/regels')
      .query({ van: index, tot: index + 1 })
      .set(as.zvhOfficer!);
    assert.equal(zvh.status, 200, zvh.text);
    assert.ok(zvh.text.includes(beperking!), "the ZVH's officer, who handles the restriction, sees it");
    // The staff web application's entry page and its proof must not hand over the raw entry either.
    const ggzWeb = await webSessionFor(t, 'ggz-demo', 'privacy-officer');
    for (const path of [`/logboek/${index}`, `/logboek/${index}/bewijs`]) {
      const page = await request(t.app).get(path).set('Cookie', ggzWeb.cookie);
      assert.equal(page.status, 200, `${path}: ${page.text.slice(0, 200)}`);
      for (const marker of ['beperk', beperking!, 'MARKER-VERZOEK'])
        assert.ok(!page.text.includes(marker), `${path} tells the recipient's officer nothing of the restriction`);
    }
    const proof = await request(t.app).get(`/logboek/${index}/bewijs`).set('Cookie', ggzWeb.cookie);
    assert.equal(proof.body.regel, undefined, 'the proof starts at the leaf hash, without the entry text');
    const zvhWeb = await webSessionFor(t, 'zvh-demo', 'privacy-officer');
    const zvhProof = await request(t.app).get(`/logboek/${index}/bewijs`).set('Cookie', zvhWeb.cookie);
    assert.ok(String(zvhProof.body.regel).includes(beperking!), "the ZVH's officer gets the whole entry to hash");
    const logs = t.logLines().join('\n');
    for (const marker of ['MARKER-INHOUD', 'MARKER-NAAM', 'MARKER-VERZOEK'])
      assert.ok(!logs.includes(marker), `no log line carries ${marker}`);
  });
});
