import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import request from 'supertest';
import { runRetention } from '../../gateway/bewaartermijnen/run-retention.js';
import { useCaseDeps, type UseCaseDeps } from '../../gateway/use-case-deps.js';
import { testBsn } from '../support/bsn.js';
import { useTestApp } from '../support/test-app.js';

const t = useTestApp();
const as: Record<string, Record<string, string>> = {};
const DAY = 86_400_000;
let deps: UseCaseDeps;
let seq = 760;

/** A casus with one police item about one person (with a BSN), closed three years ago: police data has expired. */
async function expiredPoliceItem(): Promise<{ bsn: string; itemId: string }> {
  const bsn = testBsn(seq++);
  const a = await request(t.app)
    .post('/api/v1/aanmeldingen')
    .set(as.politie!)
    .send({
      soort: 'persoon',
      gemeente: 'Demostad',
      reden: 'Overlast',
      leefgebieden: ['huisvesting-en-wonen'],
      betrokkenen: [{ ref: 'p', bsn, achternaam: 'Bewaard', geboortedatum: '1970-01-01' }],
    })
    .expect(201);
  const item = await request(t.app)
    .post(`/api/v1/casussen/${a.body.casus}/informatie`)
    .set(as.politie!)
    .send({
      doel: 'triage',
      items: [
        {
          categorie: 'politiegegevens',
          betrokkene: a.body.betrokkenen[0].betrokkene,
          inhoud: 'Registratie',
          grondslag: 'wpg-art-20',
        },
      ],
    });
  assert.equal(item.status, 201, item.text);
  await t.db.store.db.casus.update({
    where: { id: a.body.casus },
    data: { afgeslotenOp: new Date(t.clock.now().getTime() - 3 * 365 * DAY) },
  });
  return { bsn, itemId: item.body.items[0].id as string };
}

async function verzoek(soort: string, bsn: string): Promise<string> {
  const res = await request(t.app)
    .post('/api/v1/verzoeken')
    .set(as.fg!)
    .send({ soort, bsn, identiteit: { methode: 'id-bewijs-aan-balie' } });
  assert.equal(res.status, 201, res.text);
  return res.body.id as string;
}

const exists = async (id: string) => (await t.db.store.db.informatieItem.count({ where: { id } })) === 1;

describe('retention while a subject-rights request is open', () => {
  before(async () => {
    as.politie = await t.tokenHeaders('politie-demo', 'medewerker');
    as.fg = await t.tokenHeaders('zvh-demo', 'privacy-officer');
    deps = useCaseDeps({
      store: t.db.store,
      dp: t.dataProtection,
      covenants: t.covenants,
      clock: t.clock,
      ledger: t.ledger,
    });
  });

  it('keeps the items of a person who asked for access until the request is closed, then deletes them', async () => {
    const gevraagd = await expiredPoliceItem();
    const gewist = await expiredPoliceItem();
    const niemand = await expiredPoliceItem();
    const inzage = await verzoek('inzage', gevraagd.bsn);
    await verzoek('wissing', gewist.bsn);

    const report = await runRetention(deps, { dryRun: false, now: t.clock.now() });
    assert.ok(await exists(gevraagd.itemId), 'the item of the person awaiting an answer to an access request is kept');
    assert.ok(!(await exists(gewist.itemId)), 'an erasure request keeps nothing: retention does what it asks');
    assert.ok(!(await exists(niemand.itemId)), 'an expired item without a request is deleted');
    assert.equal(report.inVerzoek, 1, 'the report counts what an open request kept');
    assert.ok(!JSON.stringify(report).includes(gevraagd.itemId), 'and carries no ids');

    await request(t.app)
      .post(`/api/v1/verzoeken/${inzage}/overgangen`)
      .set(as.fg!)
      .send({ naar: 'ingetrokken', reden: 'Ingetrokken door betrokkene' })
      .expect(204);
    const after = await runRetention(deps, { dryRun: false, now: t.clock.now() });
    assert.equal(after.inVerzoek, 0, 'nothing is held once the request is closed');
    assert.ok(!(await exists(gevraagd.itemId)), 'and the expired item goes at the next run');
  });
});
