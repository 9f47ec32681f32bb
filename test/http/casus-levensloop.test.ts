import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import request from 'supertest';
import type { Melding } from '../../gateway/meldingen/meldingen.js';
import { runCasusSignalen } from '../../gateway/signalen/run-casus-signalen.js';
import { assertProblem } from '../support/problem-assertions.js';
import { useTestApp } from '../support/test-app.js';

const t = useTestApp();
const as: Record<string, Record<string, string>> = {};
const DAY = 24 * 60 * 60 * 1000;
let casus: string;
let interventie: string;
const meldingen: Melding[] = [];

const url = (path = '') => `/api/v1/casussen/${casus}${path}`;
const step = (naar: string, reden = `naar ${naar}`) =>
  request(t.app).post(url('/overgangen')).set(as.regie!).send({ naar, reden });
const signals = () =>
  runCasusSignalen({ store: t.db.store, meldingen: { plaats: async (m) => void meldingen.push(m) } }, t.clock.now());

/** Tokens for everyone, issued at the clock's now (a test that moves the clock logs in again). */
async function login() {
  for (const [k, p, rol] of [
    ['regie', 'zvh-demo', 'procesregisseur'],
    ['keten', 'zvh-demo', 'ketenmanager'],
    ['politie', 'politie-demo', 'medewerker'],
    ['gemeente', 'gemeente-demo', 'medewerker'],
    ['woning', 'woningcorporatie-demo', 'medewerker'],
    ['ggz', 'ggz-demo', 'medewerker'],
    ['om', 'om-demo', 'medewerker'],
  ] as const)
    as[k] = await t.tokenHeaders(p, rol);
}

describe('a casus from aanmelding to closure with three partners', () => {
  before(async () => {
    await login();
    const a = await request(t.app)
      .post('/api/v1/aanmeldingen')
      .set(as.politie!)
      .send({
        soort: 'persoon',
        gemeente: 'Demostad',
        reden: 'Overlast en schulden',
        leefgebieden: ['huisvesting-en-wonen', 'inkomen-en-omgaan-met-geld'],
        signalen: ['overlast'],
        betrokkenen: [{ ref: 'p', achternaam: 'Levensloop', geboortedatum: '1970-07-07' }],
      })
      .expect(201);
    casus = a.body.casus;
  });

  it('starts as aangemeld, with triage as its only plain next step', async () => {
    const res = await request(t.app).get(url('/levensloop')).set(as.regie!).expect(200);
    assert.equal(res.body.status, 'aangemeld');
    assert.deepEqual(res.body.toegestaan, ['triage']);
    assert.deepEqual(res.body.overgangen, []);
  });

  it('refuses an illegal step with a 409 that names the allowed ones', async () => {
    const res = await step('monitoring');
    assertProblem(res, 409, 'conflict');
    assert.match(res.body.detail, /toegestaan: triage\./);
  });

  it('the acute shortcut to an overleg is open to code rood only', async () => {
    assert.match((await step('casusoverleg')).body.detail, /niet naar casusoverleg/);
  });

  it('a triage decision drives the lifecycle through triage to procesregie', async () => {
    await request(t.app)
      .post(url('/triagebesluit'))
      .set(as.regie!)
      .send({ uitkomst: 'procesregie', motivering: 'Meerdere leefgebieden' })
      .expect(201);
    const res = await request(t.app).get(url('/levensloop')).set(as.regie!).expect(200);
    assert.equal(res.body.status, 'procesregie');
    assert.equal(res.body.fase, 'casusoverleg');
    assert.deepEqual(
      res.body.overgangen.map((o: { van: string; naar: string }) => `${o.van}>${o.naar}`),
      ['aangemeld>triage', 'triage>procesregie'],
    );
  });

  it('invites three partners, each for a recorded reason', async () => {
    for (const [partner, reden] of [
      ['gemeente-demo', 'schuldhulp'],
      ['woningcorporatie-demo', 'huurachterstand'],
      ['ggz-demo', 'behandeling'],
    ])
      await request(t.app).post(url('/deelnemers')).set(as.regie!).send({ partner, reden }).expect(201);
    const res = await request(t.app).get(url('/levensloop')).set(as.regie!).expect(200);
    assert.deepEqual(
      res.body.deelnames.map((d: { partner: string; reden: string }) => `${d.partner}:${d.reden}`),
      ['gemeente-demo:schuldhulp', 'woningcorporatie-demo:huurachterstand', 'ggz-demo:behandeling'],
    );
  });

  it('holds an overleg and makes a plan with an intervention owned by the municipality', async () => {
    await step('casusoverleg').expect(201);
    await step('plan-van-aanpak').expect(201);
    const res = await request(t.app).post(url('/interventies')).set(as.regie!).send({
      eigenaar: 'gemeente-demo',
      leefgebied: 'inkomen-en-omgaan-met-geld',
      titel: 'Schuldhulptraject',
      deadline: '2026-03-20T00:00:00Z',
    });
    assert.equal(res.status, 201, res.text);
    interventie = res.body.id;
    await step('monitoring').expect(201);
  });

  it('lets the owner partner post progress, and nobody else', async () => {
    const path = url(`/interventies/${interventie}/voortgang`);
    const body = { status: 'lopend', toelichting: 'MARKER-voortgang intake gedaan' };
    const own = await request(t.app).post(path).set(as.gemeente!).send(body);
    assert.equal(own.status, 201, own.text);
    assert.equal(own.body.status, 'lopend');
    assertProblem(await request(t.app).post(path).set(as.woning!).send(body), 403, 'forbidden');
    assertProblem(await request(t.app).post(path).set(as.om!).send(body), 404, 'not-found');
    const stored = await t.db.store.db.voortgang.findMany({ where: { interventieId: interventie } });
    assert.equal(stored.length, 1);
    assert.doesNotMatch(stored[0]!.toelichting, /MARKER/, 'the note is encrypted at rest');
  });

  it('shows a partner only its own interventions, and the regisseur all', async () => {
    const gemeente = await request(t.app).get(url('/interventies')).set(as.gemeente!).expect(200);
    assert.deepEqual(
      gemeente.body.interventies.map((i: { id: string }) => i.id),
      [interventie],
    );
    const woning = await request(t.app).get(url('/interventies')).set(as.woning!).expect(200);
    assert.deepEqual(woning.body.interventies, []);
    assertProblem(await request(t.app).get(url('/interventies')).set(as.om!), 404, 'not-found');
  });

  it('signals the overdue intervention once, and escalates it to the ketenmanager later', async () => {
    t.clock.set(new Date(t.clock.now().getTime() + 19 * DAY));
    await login();
    assert.deepEqual(await signals(), { opgeworpen: 1, geescaleerd: 0 });
    assert.deepEqual(await signals(), { opgeworpen: 0, geescaleerd: 0 }, 'a second run raises nothing');
    const regie = await request(t.app).get('/api/v1/casussignalen').set(as.regie!).expect(200);
    assert.deepEqual(
      regie.body.signalen.map((s: { soort: string; onderwerp: string }) => `${s.soort}:${s.onderwerp}`),
      [`interventie-verlopen:${interventie}`],
    );
    assert.deepEqual((await request(t.app).get('/api/v1/casussignalen').set(as.keten!)).body.signalen, []);
    t.clock.set(new Date(t.clock.now().getTime() + 15 * DAY));
    await login();
    const run = await signals();
    assert.equal(run.geescaleerd, 1);
    const keten = await request(t.app).get('/api/v1/casussignalen').set(as.keten!).expect(200);
    assert.equal(keten.body.signalen[0].onderwerp, interventie);
    assert.ok(keten.body.signalen[0].geescaleerdOp, 'the escalated signal says when');
    assert.ok(
      meldingen.some((m) => m.soort === 'interventie-verlopen' && m.partnerId === 'gemeente-demo'),
      'the owner hears its intervention is overdue',
    );
    assert.ok(
      meldingen.some((m) => m.soort === 'escalatie' && m.partnerId === 'zvh-demo'),
      'the ZVH hears of the escalation',
    );
    assert.doesNotMatch(JSON.stringify(meldingen), /Levensloop|MARKER/, 'meldingen carry ids only');
  });

  it('a partner removed from the casus loses access at once', async () => {
    await request(t.app)
      .get(url('?doel=casusoverleg'))
      .set(as.woning!)
      .expect((r) => assert.equal(r.status, 200, `before its participation ends: ${r.text}`));
    const end = await request(t.app)
      .post(url('/deelnemers/woningcorporatie-demo/beeindiging'))
      .set(as.regie!)
      .send({ reden: 'Huurachterstand opgelost' });
    assert.equal(end.status, 201, end.text);
    assertProblem(await request(t.app).get(url('?doel=casusoverleg')).set(as.woning!), 404, 'not-found');
    assertProblem(await request(t.app).get(url('/interventies')).set(as.woning!), 404, 'not-found');
  });

  it('closes through evaluatie, starting the retention clock, and keeps the whole history in order', async () => {
    await step('evaluatie').expect(201);
    const closed = await step('afgesloten', 'Doelen bereikt');
    assert.equal(closed.status, 201, closed.text);
    assert.equal(closed.body.afgeslotenOp, t.clock.now().toISOString());
    assert.deepEqual(closed.body.toegestaan, ['heropend']);
    assert.deepEqual(
      closed.body.overgangen.map((o: { naar: string }) => o.naar),
      ['triage', 'procesregie', 'casusoverleg', 'plan-van-aanpak', 'monitoring', 'evaluatie', 'afgesloten'],
    );
    assert.deepEqual(
      closed.body.overgangen.map((o: { volgnummer: number }) => o.volgnummer),
      [1, 2, 3, 4, 5, 6, 7],
    );
    assert.equal(closed.body.deelnames.at(-1).soort, 'beeindigd');
  });

  it('reopens: the retention clock stops, and the casus goes back to triage or monitoring', async () => {
    const res = await step('heropend', 'Nieuwe melding');
    assert.equal(res.status, 201, res.text);
    assert.equal(res.body.afgeslotenOp, null);
    assert.deepEqual(res.body.toegestaan, ['triage', 'monitoring']);
  });
});

describe('the lifecycle operations guard who calls them', () => {
  it('refuse a partner employee (wrong role) with 403', async () => {
    assertProblem(await request(t.app).get(url('/levensloop')).set(as.politie!), 403, 'forbidden');
    assertProblem(
      await request(t.app).post(url('/overgangen')).set(as.politie!).send({ naar: 'triage', reden: 'x' }),
      403,
      'forbidden',
    );
    assertProblem(
      await request(t.app).post(url('/deelnemers/ggz-demo/beeindiging')).set(as.gemeente!).send({ reden: 'x' }),
      403,
      'forbidden',
    );
    assertProblem(await request(t.app).get('/api/v1/casussignalen').set(as.gemeente!), 403, 'forbidden');
  });

  it('refuse a call without a token with 401', async () => {
    assertProblem(await request(t.app).get(url('/levensloop')), 401, 'unauthenticated');
    assertProblem(await request(t.app).get('/api/v1/casussignalen'), 401, 'unauthenticated');
  });

  it('answer 404 for an unknown casus or a partner that does not take part', async () => {
    const nobody = '00000000-0000-4000-8000-000000000000';
    assertProblem(
      await request(t.app)
        .post(`/api/v1/casussen/${nobody}/overgangen`)
        .set(as.regie!)
        .send({ naar: 'triage', reden: 'x' }),
      404,
      'not-found',
    );
    assertProblem(
      await request(t.app).post(url('/deelnemers/om-demo/beeindiging')).set(as.regie!).send({ reden: 'x' }),
      404,
      'not-found',
    );
  });

  it('keep the referrer in its own casus', async () => {
    assertProblem(
      await request(t.app).post(url('/deelnemers/politie-demo/beeindiging')).set(as.regie!).send({ reden: 'x' }),
      409,
      'conflict',
    );
  });

  it('reject a status the contract does not know with 400', async () => {
    assertProblem(await step('gesloten'), 400, 'invalid-request');
  });
});
