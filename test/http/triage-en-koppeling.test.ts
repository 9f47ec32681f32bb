import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import request from 'supertest';
import { assertProblem } from '../support/problem-assertions.js';
import { useTestApp } from '../support/test-app.js';

const t = useTestApp();
let regisseur: Record<string, string>;
let casus: string;
let eerste: string;
let tweede: string;

describe('triage and linking by the procesregisseur', () => {
  before(async () => {
    regisseur = await t.tokenHeaders('zvh-demo', 'procesregisseur');
    const persoon = {
      soort: 'persoon',
      gemeente: 'Demostad',
      reden: 'Overlast en schulden',
      leefgebieden: ['huisvesting-en-wonen', 'inkomen-en-omgaan-met-geld'],
      signalen: ['overlast'],
      codeRood: true,
    };
    const a = await request(t.app)
      .post('/api/v1/aanmeldingen')
      .set(await t.tokenHeaders('politie-demo', 'medewerker'))
      .send({ ...persoon, betrokkenen: [{ ref: 'p', achternaam: 'Visser', geboortedatum: '1975-02-02' }] });
    const b = await request(t.app)
      .post('/api/v1/aanmeldingen')
      .set(await t.tokenHeaders('woningcorporatie-demo', 'medewerker'))
      .send({
        ...persoon,
        codeRood: false,
        betrokkenen: [{ ref: 'p', achternaam: 'visser', geboortedatum: '1975-02-02' }],
      });
    casus = a.body.casus;
    eerste = a.body.betrokkenen[0].betrokkene;
    tweede = b.body.betrokkenen[0].betrokkene;
  });

  it('shows the proposal with reasons per criterion, flagging code rood', async () => {
    const res = await request(t.app).get(`/api/v1/casussen/${casus}/triage`).set(regisseur).expect(200);
    assert.equal(res.body.codeRood, true);
    assert.equal(res.body.criteria.length, 4);
    assert.equal(res.body.besluit, null);
  });

  it('records the decision with its motivation, and moves the casus on', async () => {
    const res = await request(t.app)
      .post(`/api/v1/casussen/${casus}/triagebesluit`)
      .set(regisseur)
      .send({ uitkomst: 'procesregie', motivering: 'Code rood; woningcorporatie en politie zien escalatie' });
    assert.equal(res.status, 201, res.text);
    assert.equal(res.body.besluit.uitkomst, 'procesregie');
    assert.equal(res.body.besluit.door, 'zvh-demo/procesregisseur-1');
    const stored = await t.db.store.db.casus.findUnique({ where: { id: casus } });
    assert.equal(stored!.status, 'procesregie');
    assert.equal(stored!.fase, 'casusoverleg');
  });

  it('refuses an unknown outcome (400), an unknown casus (404), and anyone but a procesregisseur of the ZVH (403)', async () => {
    assertProblem(
      await request(t.app)
        .post(`/api/v1/casussen/${casus}/triagebesluit`)
        .set(regisseur)
        .send({ uitkomst: 'afwachten', motivering: 'x' }),
      400,
      'invalid-request',
    );
    assertProblem(
      await request(t.app).get('/api/v1/casussen/0b9e5b0e-0000-4000-8000-000000000000/triage').set(regisseur),
      404,
      'not-found',
    );
    assertProblem(
      await request(t.app)
        .get(`/api/v1/casussen/${casus}/triage`)
        .set(await t.tokenHeaders('politie-demo', 'medewerker')),
      403,
      'forbidden',
    );
    assertProblem(
      await request(t.app)
        .get('/api/v1/koppelvoorstellen')
        .set(await t.tokenHeaders('zvh-demo', 'beheerder')),
      403,
      'forbidden',
    );
  });

  it('merges a proposed match reversibly: a split restores both records and is audited', async () => {
    const open = (await request(t.app).get('/api/v1/koppelvoorstellen').set(regisseur).expect(200)).body
      .koppelvoorstellen;
    const voorstel = open.find((k: { betrokkene: string }) => k.betrokkene === tweede);
    assert.equal(voorstel.kandidaat, eerste);
    await request(t.app)
      .post(`/api/v1/koppelvoorstellen/${voorstel.id}/besluit`)
      .set(regisseur)
      .send({ besluit: 'samenvoegen', motivering: 'zelfde persoon' })
      .expect(201);
    assert.equal((await t.db.store.db.betrokkene.findUnique({ where: { id: tweede } }))!.samengevoegdIn, eerste);
    assertProblem(
      await request(t.app)
        .post(`/api/v1/koppelvoorstellen/${voorstel.id}/besluit`)
        .set(regisseur)
        .send({ besluit: 'afwijzen', motivering: 'toch niet' }),
      409,
      'conflict',
    );
    const split = await request(t.app)
      .post(`/api/v1/betrokkenen/${tweede}/splitsing`)
      .set(regisseur)
      .send({ motivering: 'bleek een naamgenoot' });
    assert.equal(split.status, 201, split.text);
    assert.deepEqual(split.body, { betrokkene: tweede, was: eerste });
    assert.equal((await t.db.store.db.betrokkene.findUnique({ where: { id: tweede } }))!.samengevoegdIn, null);
    assertProblem(
      await request(t.app)
        .post(`/api/v1/betrokkenen/${tweede}/splitsing`)
        .set(regisseur)
        .send({ motivering: 'nog eens' }),
      409,
      'conflict',
    );
    const audit = await t.db.store.db.auditEvent.findMany({ where: { soort: 'koppeling' } });
    assert.deepEqual(audit.map((a) => a.reden.split(':')[0]).sort(), ['samenvoegen', 'splitsen']);
  });
});
