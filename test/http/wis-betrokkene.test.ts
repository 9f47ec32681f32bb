import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import request from 'supertest';
import { runCli } from '../../gateway/cli/knooppunt.js';
import { versleutelBestaandeItems } from '../../gateway/rechten/uitvoering/versleutel-bestaande-items.js';
import { wisBetrokkene } from '../../gateway/rechten/uitvoering/wis-betrokkene.js';
import { useCaseDeps, type UseCaseDeps } from '../../gateway/use-case-deps.js';
import { testBsn } from '../support/bsn.js';
import { useTestApp } from '../support/test-app.js';

/** Erasure by crypto-shredding: the data key goes, the log stays verifiable, legal duties keep their items. */
const t = useTestApp();
const as: Record<string, Record<string, string>> = {};
let deps: UseCaseDeps;

async function casusWith(bsn: string, items: [who: string, categorie: string, grondslag: string, inhoud: string][]) {
  const a = await request(t.app)
    .post('/api/v1/aanmeldingen')
    .set(as.politie!)
    .send({
      soort: 'persoon',
      gemeente: 'Demostad',
      reden: 'Overlast',
      leefgebieden: ['huisvesting-en-wonen'],
      betrokkenen: [{ ref: 'p', bsn, voornamen: 'Wis', achternaam: 'MARKER-NAAM', geboortedatum: '1975-05-05' }],
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
  const ids: string[] = [];
  for (const [who, categorie, grondslag, inhoud] of items) {
    const res = await request(t.app)
      .post(`/api/v1/casussen/${casus}/informatie`)
      .set(as[who]!)
      .send({ doel: 'casusoverleg', items: [{ categorie, betrokkene: persoon, inhoud, grondslag }] })
      .expect(201);
    ids.push(res.body.items[0].id);
  }
  return { casus, persoon, ids };
}

describe('wisBetrokkene (erasure by crypto-shredding)', () => {
  before(async () => {
    for (const [k, p, rol] of [
      ['politie', 'politie-demo', 'medewerker'],
      ['gemeente', 'gemeente-demo', 'medewerker'],
      ['ggz', 'ggz-demo', 'medewerker'],
      ['regie', 'zvh-demo', 'procesregisseur'],
    ] as const)
      as[k] = await t.tokenHeaders(p, rol);
    deps = useCaseDeps({
      store: t.db.store,
      dp: t.dataProtection,
      covenants: t.covenants,
      clock: t.clock,
      ledger: t.ledger,
    });
  });

  it('destroys the data key: stored ciphertext (a backup) no longer decrypts, and the wrapped key is nowhere', async () => {
    const bsn = testBsn(401);
    const { casus, persoon, ids } = await casusWith(bsn, [
      ['gemeente', 'wonen', 'avg-6-1-e-gemeente', 'Huurachterstand MARKER-WONEN'],
    ]);
    await request(t.app).get(`/api/v1/casussen/${casus}/informatie?doel=casusoverleg`).set(as.ggz!).expect(200);
    const backup = await t.db.store.db.betrokkene.findUnique({ where: { id: persoon } });
    const itemBackup = await t.db.store.db.informatieItem.findUnique({ where: { id: ids[0]! } });
    const oldKey = t.dataProtection.unwrapDataKey(backup!.dataSleutel!);

    const uitkomst = await wisBetrokkene(deps, { betrokkeneId: persoon, verzoekId: 'verzoek-1', door: 'fg-1' });

    assert.deepEqual(uitkomst.gewist, ids);
    assert.deepEqual(uitkomst.geweigerd, []);
    const after = await t.db.store.db.betrokkene.findUnique({ where: { id: persoon } });
    assert.equal(after!.dataSleutel, null, 'the wrapped data key is destroyed');
    assert.ok(after!.gewistOp, 'the record is marked erased');
    assert.equal(after!.bsnPseudoniem, null);
    assert.equal(after!.matchSleutel, null);
    assert.equal(await t.db.store.db.blokkeerSleutel.count({ where: { betrokkeneId: persoon } }), 0);
    const stillThere = await t.db.store.db.betrokkene.count({ where: { dataSleutel: backup!.dataSleutel } });
    assert.equal(stillThere, 0, 'no row holds the old wrapped key');
    // Only someone who kept the unwrapped key could read a backup; the store cannot any more.
    assert.match(t.dataProtection.decrypt(oldKey, itemBackup!.inhoud, `item:${ids[0]}`), /MARKER-WONEN/);
    assert.throws(
      () => t.dataProtection.decrypt(t.dataProtection.newDataKey().key, itemBackup!.inhoud, `item:${ids[0]}`),
      'no other key opens the ciphertext',
    );
    const item = await t.db.store.db.informatieItem.findUnique({ where: { id: ids[0]! } });
    assert.equal(item!.inhoud, '', 'the item content is gone from the store');
  });

  it('the person is found neither by BSN nor by the verwijsindex, and reads say gewist instead of failing', async () => {
    const bsn = testBsn(402);
    const { casus, persoon } = await casusWith(bsn, [['gemeente', 'wonen', 'avg-6-1-e-gemeente', 'MARKER-X']]);
    await wisBetrokkene(deps, { betrokkeneId: persoon, verzoekId: 'verzoek-2', door: 'fg-1' });
    assert.equal(await t.db.store.betrokkenen.findIdByBsnPseudonym(t.dataProtection.bsnPseudonym(bsn)), null);
    const vi = await request(t.app).post('/api/v1/verwijsindex/zoekvragen').set(as.ggz!).send({ bsn, doel: 'triage' });
    assert.equal(vi.status, 200, vi.text);
    assert.equal(vi.body.bekend, false, 'the verwijsindex no longer knows the person');
    const inf = await request(t.app).get(`/api/v1/casussen/${casus}/informatie?doel=casusoverleg`).set(as.ggz!);
    assert.equal(inf.status, 200, inf.text);
    assert.equal(inf.body.items[0].gewist, true);
    assert.ok(!inf.text.includes('MARKER-X'));
    const bet = await request(t.app).get(`/api/v1/casussen/${casus}/betrokkenen?doel=casusoverleg`).set(as.regie!);
    assert.equal(bet.status, 200, bet.text);
    assert.ok(!bet.text.includes('MARKER-NAAM'), 'the name is gone');
  });

  it('refuses items a source partner must keep by law, naming the ground, and erases the rest', async () => {
    const bsn = testBsn(403);
    const { casus, persoon, ids } = await casusWith(bsn, [
      ['politie', 'politiegegevens', 'wpg-art-20', 'Aangifte MARKER-POLITIE'],
      ['gemeente', 'wonen', 'avg-6-1-e-gemeente', 'MARKER-GEMEENTE'],
    ]);
    const uitkomst = await wisBetrokkene(deps, { betrokkeneId: persoon, verzoekId: 'verzoek-3', door: 'fg-1' });
    assert.deepEqual(uitkomst.geweigerd, [{ item: ids[0], grond: 'wettelijke-bewaarplicht-wpg' }]);
    assert.deepEqual(uitkomst.gewist, [ids[1]]);
    const regie = await request(t.app).get(`/api/v1/casussen/${casus}/informatie?doel=casusoverleg`).set(as.regie!);
    assert.equal(regie.status, 200, regie.text);
    assert.match(regie.text, /MARKER-POLITIE/, 'the kept police item is still readable');
    assert.ok(!regie.text.includes('MARKER-GEMEENTE'));
  });

  it('seals items about a person stored in plain text before every such item was sealed', async () => {
    const { casus, persoon, ids } = await casusWith(testBsn(404), [['gemeente', 'wonen', 'avg-6-1-e-gemeente', 'x']]);
    await t.db.store.db.informatieItem.update({
      where: { id: ids[0]! },
      data: { inhoud: 'MARKER-LEGACY', velden: null, versleuteld: false },
    });
    assert.ok((await versleutelBestaandeItems(deps)) >= 1);
    const stored = await t.db.store.db.informatieItem.findUnique({ where: { id: ids[0]! } });
    assert.equal(stored!.versleuteld, true);
    assert.ok(!stored!.inhoud.includes('MARKER-LEGACY'), 'no plain text left');
    const owner = await t.db.store.db.betrokkene.findUnique({ where: { id: persoon } });
    const key = t.dataProtection.unwrapDataKey(owner!.dataSleutel!);
    assert.equal(t.dataProtection.decrypt(key, stored!.inhoud, `item:${ids[0]}`), 'MARKER-LEGACY');
    const inf = await request(t.app).get(`/api/v1/casussen/${casus}/informatie?doel=casusoverleg`).set(as.ggz!);
    assert.match(inf.text, /MARKER-LEGACY/, 'still readable to those allowed');
    assert.equal(await versleutelBestaandeItems(deps), 0, 'a second run has nothing to do');
  });

  it('leaves the disclosure log verifiable', async () => {
    await t.integrity.sign();
    const vkey = (await request(t.app).get('/api/v1/verstrekkingslog/publieke-sleutel')).body.verifierKey;
    const out: string[] = [];
    const code = await runCli(['ledger', 'verify', '--key', vkey], {
      out: (l) => out.push(l),
      err: (l) => out.push(l),
      env: { DATABASE_URL: t.db.url, KNOOPPUNT_DATA_DIR: t.dataDir },
    });
    assert.equal(code, 0, out.join('\n'));
  });
});
