import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import request from 'supertest';
import { DomainError } from '../../gateway/errors/domain-error.js';
import { beperkVerwerking, heffBeperkingOp } from '../../gateway/rechten/uitvoering/beperk-verwerking.js';
import { useCaseDeps, type UseCaseDeps } from '../../gateway/use-case-deps.js';
import { testBsn } from '../support/bsn.js';
import { receiptOf } from '../support/receipt.js';
import { useTestApp } from '../support/test-app.js';

/** Restriction, objection and dispute are enforced in every later pull, without telling the recipient why. */
const t = useTestApp();
const as: Record<string, Record<string, string>> = {};
let deps: UseCaseDeps;
let seq = 500;

async function casusWithItem(who = 'gemeente', categorie = 'wonen', grondslag = 'avg-6-1-e-gemeente') {
  const bsn = testBsn(seq++);
  const a = await request(t.app)
    .post('/api/v1/aanmeldingen')
    .set(as.politie!)
    .send({
      soort: 'persoon',
      gemeente: 'Demostad',
      reden: 'Overlast',
      leefgebieden: ['huisvesting-en-wonen'],
      betrokkenen: [{ ref: 'p', bsn, voornamen: 'B', achternaam: 'MARKER-NAAM', geboortedatum: '1970-01-01' }],
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
    .set(as[who]!)
    .send({
      doel: 'casusoverleg',
      items: [{ categorie, betrokkene: persoon, inhoud: 'MARKER-INHOUD', grondslag }],
    })
    .expect(201);
  return { casus, persoon, bsn, itemId: item.body.items[0].id as string };
}

const pull = (casus: string, view = 'informatie', doel = 'casusoverleg', who = 'ggz') =>
  request(t.app).get(`/api/v1/casussen/${casus}/${view}?doel=${doel}`).set(as[who]!);

async function entryOf(res: request.Response) {
  const { index } = receiptOf(res);
  const [entry] = await t.ledger.entries(index, index + 1);
  return JSON.parse(entry!.body);
}

describe('beperkVerwerking', () => {
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

  it('a partner allowed before is refused after; the log names the restriction, the answer does not', async () => {
    const { casus, persoon, itemId } = await casusWithItem();
    const before = await pull(casus).expect(200);
    assert.match(before.text, /MARKER-INHOUD/, 'allowed before the restriction');
    const [id] = await beperkVerwerking(deps, {
      verzoekId: 'MARKER-VERZOEK',
      betrokkeneId: persoon,
      itemIds: [itemId],
      soort: 'beperking',
      door: 'fg-1',
    });
    const after = await pull(casus).expect(200);
    assert.ok(!after.text.includes('MARKER-INHOUD'), 'the restricted item is withheld');
    for (const marker of ['MARKER-VERZOEK', id!, 'beperk', itemId])
      assert.ok(!after.text.includes(marker), `the recipient learns nothing of the restriction (${marker})`);
    const entry = await entryOf(after);
    assert.deepEqual(entry.details.beperkt, [{ beperkingen: [id], item: itemId }], 'the officer sees why');
    assert.deepEqual(entry.subjectRefs, [], 'nothing of the person left');

    await heffBeperkingOp(deps, { beperkingId: id!, door: 'fg-1', grond: 'verzoek-ingetrokken' });
    assert.match((await pull(casus).expect(200)).text, /MARKER-INHOUD/, 'lifting restores the item');
  });

  it('the answer with a restriction looks exactly like one where the covenant refuses', async () => {
    const { casus, persoon, itemId } = await casusWithItem();
    await beperkVerwerking(deps, {
      verzoekId: 'v',
      betrokkeneId: persoon,
      itemIds: [itemId],
      soort: 'betwist',
      door: 'x',
    });
    const restricted = (await pull(casus).expect(200)).body;
    // GGZ may not see police data: a plain covenant refusal.
    const { casus: other } = await casusWithItem('politie', 'politiegegevens', 'wpg-art-20');
    const refused = (await pull(other).expect(200)).body;
    assert.deepEqual(Object.keys(restricted).sort(), Object.keys(refused).sort());
    assert.deepEqual(restricted.items, refused.items);
  });

  it('a person-wide restriction withholds every piece about the person, identification included', async () => {
    const { casus, persoon } = await casusWithItem();
    await beperkVerwerking(deps, { verzoekId: 'v', betrokkeneId: persoon, soort: 'beperking', door: 'fg-1' });
    const inf = await pull(casus).expect(200);
    assert.ok(!inf.text.includes('MARKER-INHOUD'));
    const bet = await pull(casus, 'betrokkenen', 'casusoverleg', 'regie').expect(200);
    assert.ok(!bet.text.includes('MARKER-NAAM'), 'the name is withheld too');
  });

  it('a person-wide restriction makes the verwijsindex answer as for a stranger', async () => {
    const { persoon, bsn } = await casusWithItem();
    const ask = () => request(t.app).post('/api/v1/verwijsindex/zoekvragen').set(as.ggz!).send({ bsn, doel: 'triage' });
    const before = await ask().expect(200);
    assert.equal(before.body.bekend, true, 'known before the restriction');
    await beperkVerwerking(deps, { verzoekId: 'v', betrokkeneId: persoon, soort: 'beperking', door: 'fg-1' });
    const after = await ask().expect(200);
    assert.deepEqual(after.body, { bekend: false, partners: [] });
    assert.deepEqual((await entryOf(after)).details.beperkt?.length, 1, 'the officer sees why');
  });

  it('an objection holds for the purposes objected to and is lifted only on compelling grounds', async () => {
    const { casus, persoon, itemId } = await casusWithItem();
    const [other] = await beperkVerwerking(deps, {
      verzoekId: 'v',
      betrokkeneId: persoon,
      itemIds: [itemId],
      soort: 'bezwaar',
      doelen: ['procesregie'],
      door: 'fg-1',
    });
    assert.match((await pull(casus).expect(200)).text, /MARKER-INHOUD/, 'another purpose is not objected to');
    const [id] = await beperkVerwerking(deps, {
      verzoekId: 'v',
      betrokkeneId: persoon,
      itemIds: [itemId],
      soort: 'bezwaar',
      doelen: ['zvh-samenwerking'],
      door: 'fg-1',
    });
    assert.ok(!(await pull(casus).expect(200)).text.includes('MARKER-INHOUD'), 'objected to a parent purpose');
    await assert.rejects(
      heffBeperkingOp(deps, { beperkingId: id!, door: 'regie-1', grond: 'geen-zin' }),
      (e: unknown) => e instanceof DomainError && e.code === 'invalid-request',
    );
    const lifted = await heffBeperkingOp(deps, {
      beperkingId: id!,
      door: 'regie-1',
      grond: 'dwingende-gronden:gevaar',
    });
    assert.equal(lifted.opheffingsgrond, 'dwingende-gronden:gevaar', 'the ground is recorded');
    assert.match((await pull(casus).expect(200)).text, /MARKER-INHOUD/);
    assert.ok(other);
  });

  it('refuses an item of another person and an unknown person', async () => {
    const a = await casusWithItem();
    const b = await casusWithItem();
    const notFound = (e: unknown) => e instanceof DomainError && e.code === 'not-found';
    await assert.rejects(
      beperkVerwerking(deps, {
        verzoekId: 'v',
        betrokkeneId: a.persoon,
        itemIds: [b.itemId],
        soort: 'beperking',
        door: 'x',
      }),
      notFound,
    );
    await assert.rejects(
      beperkVerwerking(deps, { verzoekId: 'v', betrokkeneId: 'nobody', soort: 'beperking', door: 'x' }),
      notFound,
    );
  });
});
