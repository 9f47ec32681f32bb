import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import request from 'supertest';
import { assertProblem } from '../support/problem-assertions.js';
import { useTestApp } from '../support/test-app.js';

const t = useTestApp();
const as: Record<string, Record<string, string>> = {};
let overleg: string;
const casus: Record<string, string> = {};
const punt: Record<string, string> = {};

/** Refers a casus as `who`, with a marker in every field a supplier sends. */
async function refer(who: string, marker: string): Promise<string> {
  const res = await request(t.app)
    .post('/api/v1/aanmeldingen')
    .set(as[who]!)
    .send({
      soort: 'persoon',
      gemeente: `Gemeente-${marker}`,
      reden: `Reden-${marker}`,
      leefgebieden: ['huisvesting-en-wonen'],
      betrokkenen: [{ ref: 'p', achternaam: `Naam${marker}`, geboortedatum: '1980-01-01' }],
    })
    .expect(201);
  return res.body.casus;
}

describe('a casusoverleg with an agenda of several casussen', () => {
  before(async () => {
    for (const [k, p, rol] of [
      ['regie', 'zvh-demo', 'procesregisseur'],
      ['politie', 'politie-demo', 'medewerker'],
      ['gemeente', 'gemeente-demo', 'medewerker'],
      ['ggz', 'ggz-demo', 'medewerker'],
    ] as const)
      as[k] = await t.tokenHeaders(p, rol);
    casus.a = await refer('politie', 'MARKERA');
    casus.b = await refer('gemeente', 'MARKERB');
    casus.c = await refer('politie', 'MARKERC');
    await request(t.app)
      .post(`/api/v1/casussen/${casus.c}/deelnemers`)
      .set(as.regie!)
      .send({ partner: 'ggz-demo', reden: 'behandeling' })
      .expect(201);
    const o = await request(t.app)
      .post('/api/v1/casusoverleggen')
      .set(as.regie!)
      .send({ datum: '2030-05-01T13:00:00Z', locatie: 'Zaal 2' });
    assert.equal(o.status, 201, o.text);
    overleg = o.body.id;
    for (const [k, genodigden] of [
      ['a', ['politie-demo']],
      ['b', ['gemeente-demo']],
      ['c', ['politie-demo', 'ggz-demo']],
    ] as const) {
      const res = await request(t.app)
        .post(`/api/v1/casusoverleggen/${overleg}/agendapunten`)
        .set(as.regie!)
        .send({ casus: casus[k], genodigden });
      assert.equal(res.status, 201, res.text);
      punt[k] = res.body.id;
    }
    for (const k of ['a', 'b', 'c']) {
      const owner = k === 'b' ? 'gemeente-demo' : 'politie-demo';
      const res = await request(t.app)
        .post(`/api/v1/casusoverleggen/${overleg}/agendapunten/${punt[k]}/notulen`)
        .set(as.regie!)
        .send({
          notulen: `NOTULEN-${k.toUpperCase()}`,
          afspraken: [{ tekst: `AFSPRAAK-${k.toUpperCase()}`, eigenaar: owner }],
        });
      assert.equal(res.status, 201, res.text);
    }
  });

  it('shows the regisseur the whole agenda with minutes and agreements', async () => {
    const res = await request(t.app).get(`/api/v1/casusoverleggen/${overleg}`).set(as.regie!).expect(200);
    assert.deepEqual(
      res.body.agendapunten.map((p: { casus: string }) => p.casus),
      [casus.a, casus.b, casus.c],
    );
    assert.equal(res.body.agendapunten[1].notulen, 'NOTULEN-B');
    assert.equal(res.body.agendapunten[1].afspraken[0].tekst, 'AFSPRAAK-B');
  });

  it('shows the municipality only its own item: no other casus, id, position, count or minutes', async () => {
    const res = await request(t.app).get(`/api/v1/casusoverleggen/${overleg}`).set(as.gemeente!).expect(200);
    assert.deepEqual(
      res.body.agendapunten.map((p: { casus: string }) => p.casus),
      [casus.b],
    );
    assert.equal(res.body.agendapunten[0].volgorde, undefined, 'its position would tell how many came before');
    for (const hidden of [casus.a, casus.c, punt.a, punt.c, 'MARKERA', 'MARKERC', 'NOTULEN', '-A', '-C'])
      assert.ok(!res.text.includes(hidden!), `the municipality's view does not contain ${hidden}`);
    assert.match(res.text, /AFSPRAAK-B/, 'it sees the agreement it owns');
  });

  it('shows the police its two items, with only the agreements it owns', async () => {
    const res = await request(t.app).get(`/api/v1/casusoverleggen/${overleg}`).set(as.politie!).expect(200);
    assert.deepEqual(res.body.agendapunten.map((p: { casus: string }) => p.casus).sort(), [casus.a, casus.c].sort());
    assert.ok(!res.text.includes(casus.b!) && !res.text.includes('MARKERB') && !res.text.includes('-B'));
    assert.ok(!res.text.includes('NOTULEN'), 'minutes are the ZVH’s');
  });

  it('shows mental-health care its one item without the agreements of others', async () => {
    const res = await request(t.app).get(`/api/v1/casusoverleggen/${overleg}`).set(as.ggz!).expect(200);
    assert.deepEqual(res.body.agendapunten, [{ id: punt.c, casus: casus.c, afspraken: [] }]);
  });

  it('hides an item from a partner whose participation ended, even though it was invited', async () => {
    await request(t.app)
      .post(`/api/v1/casussen/${casus.c}/deelnemers/ggz-demo/beeindiging`)
      .set(as.regie!)
      .send({ reden: 'Behandeling afgerond' })
      .expect(201);
    assertProblem(await request(t.app).get(`/api/v1/casusoverleggen/${overleg}`).set(as.ggz!), 404, 'not-found');
  });

  it('refuses to invite a partner that does not take part in the casus', async () => {
    const res = await request(t.app)
      .post(`/api/v1/casusoverleggen/${overleg}/agendapunten`)
      .set(as.regie!)
      .send({ casus: casus.a, genodigden: ['ggz-demo'] });
    assertProblem(res, 400, 'invalid-request');
  });

  it('refuses the agenda and minutes to anyone but the regisseur, and everything without a token', async () => {
    assertProblem(
      await request(t.app).post('/api/v1/casusoverleggen').set(as.politie!).send({ datum: '2030-01-01T00:00:00Z' }),
      403,
      'forbidden',
    );
    assertProblem(
      await request(t.app)
        .post(`/api/v1/casusoverleggen/${overleg}/agendapunten/${punt.a}/notulen`)
        .set(as.politie!)
        .send({ notulen: 'x' }),
      403,
      'forbidden',
    );
    assertProblem(await request(t.app).get(`/api/v1/casusoverleggen/${overleg}`), 401, 'unauthenticated');
  });

  it('keeps minutes and agreements encrypted at rest', async () => {
    const rows = await t.db.store.db.agendapunt.findMany({ where: { overlegId: overleg } });
    const afspraken = await t.db.store.db.afspraak.findMany();
    assert.doesNotMatch(JSON.stringify([rows, afspraken]), /NOTULEN|AFSPRAAK/);
  });
});
