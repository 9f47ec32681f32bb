import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import request from 'supertest';
import { testBsn } from '../support/bsn.js';
import { assertProblem } from '../support/problem-assertions.js';
import { useTestApp } from '../support/test-app.js';

const t = useTestApp();
let politie: Record<string, string>;

const gezin = (bsn = true) => ({
  soort: 'systeem',
  gemeente: 'Demostad',
  reden: 'Herhaald huiselijk geweld, schulden, drugsgebruik vader',
  codeRood: false,
  leefgebieden: ['relaties-partner-gezin-familie', 'inkomen-en-omgaan-met-geld', 'druggebruik'],
  signalen: ['geweld'],
  betrokkenen: [
    {
      ref: 'vader',
      ...(bsn ? { bsn: testBsn(1) } : {}),
      voornamen: 'Pieter',
      achternaam: 'de Vries',
      geboortedatum: '1981-03-14',
      postcode: '5911 AB',
      rol: 'hoofdpersoon',
    },
    {
      ref: 'moeder',
      ...(bsn ? { bsn: testBsn(2) } : {}),
      voornamen: 'Anna',
      achternaam: 'Jansen',
      geboortedatum: '1983-07-02',
      postcode: '5911AB',
      rol: 'systeemlid',
    },
    {
      ref: 'kind',
      ...(bsn ? { bsn: testBsn(3) } : {}),
      voornamen: 'Sem',
      achternaam: 'de Vries',
      geboortedatum: '2014-11-30',
      rol: 'systeemlid',
    },
  ],
  relaties: [
    { van: 'vader', naar: 'moeder', soort: 'partner' },
    { van: 'vader', naar: 'kind', soort: 'ouder' },
    { van: 'moeder', naar: 'kind', soort: 'ouder' },
  ],
});

/**
 * Registers the De Vries family as politie once: later calls replay the first answer (same
 * Idempotency-Key), so a test that needs the family known can call it whatever ran before it.
 */
const registerFamily = () =>
  request(t.app)
    .post('/api/v1/aanmeldingen')
    .set(politie)
    .set('Idempotency-Key', 'politie-gezin-de-vries')
    .send(gezin());

const count = async () => ({
  casussen: await t.db.store.db.casus.count(),
  betrokkenen: await t.db.store.db.betrokkene.count(),
});

describe('POST /api/v1/aanmeldingen', () => {
  before(async () => {
    politie = await t.tokenHeaders('politie-demo', 'medewerker');
  });

  it('creates a casus with linked betrokkenen, family links, and the referrer and the ZVH as participants', async () => {
    const res = await registerFamily();
    assert.equal(res.status, 201, res.text);
    assert.equal(res.headers.location, `/api/v1/casussen/${res.body.casus}`);
    assert.equal(res.body.status, 'aangemeld');
    assert.deepEqual(
      res.body.betrokkenen.map((b: { koppeling: string }) => b.koppeling),
      ['bsn-nieuw', 'bsn-nieuw', 'bsn-nieuw'],
    );
    const deelnemers = await t.db.store.db.casusDeelnemer.findMany({ where: { casusId: res.body.casus } });
    assert.deepEqual(deelnemers.map((d) => `${d.partnerId}:${d.rol}`).sort(), [
      'politie-demo:aanmelder',
      'zvh-demo:zvh',
    ]);
    assert.equal(await t.db.store.db.systeemRelatie.count(), 3);
  });

  it('keeps no BSN or name in plain text at rest', async () => {
    await registerFamily();
    for (const b of await t.db.store.db.betrokkene.findMany()) {
      const row = JSON.stringify(b);
      assert.doesNotMatch(row, new RegExp(`${testBsn(1)}|${testBsn(2)}|Pieter|Jansen|de Vries|1981-03-14`));
    }
  });

  it('links a known BSN from another partner to the same betrokkene', async () => {
    const known = await registerFamily();
    const moeder = known.body.betrokkenen[1].betrokkene as string;
    const vt = await t.tokenHeaders('veilig-thuis-demo', 'medewerker');
    const res = await request(t.app)
      .post('/api/v1/aanmeldingen')
      .set(vt)
      .send({ ...gezin(), betrokkenen: gezin().betrokkenen.slice(1, 2), relaties: [], soort: 'persoon' });
    assert.equal(res.status, 201, res.text);
    assert.equal(res.body.betrokkenen[0].koppeling, 'bsn-bekend');
    assert.equal(res.body.betrokkenen[0].betrokkene, moeder, 'the mother politie registered');
  });

  it('without BSN never merges silently: a possible match goes to the review queue', async () => {
    await registerFamily();
    const before = await count();
    const res = await request(t.app)
      .post('/api/v1/aanmeldingen')
      .set(await t.tokenHeaders('gemeente-demo', 'medewerker'))
      .send({
        ...gezin(false),
        betrokkenen: [{ ...gezin(false).betrokkenen[0], achternaam: 'De  Vriës' }],
        relaties: [],
        soort: 'persoon',
      });
    assert.equal(res.status, 201, res.text);
    assert.equal(res.body.betrokkenen[0].koppeling, 'nieuw-met-kandidaten');
    assert.equal(res.body.koppelvoorstellen, 1);
    assert.equal((await count()).betrokkenen, before.betrokkenen + 1);
    const voorstel = await t.db.store.db.koppelVoorstel.findFirst({
      where: { betrokkeneId: res.body.betrokkenen[0].betrokkene },
    });
    assert.equal(voorstel?.status, 'open');
    assert.equal(voorstel?.reden, 'achternaam+voorletter+geboortedatum+postcode');
    assert.equal(voorstel?.score, 1);
  });

  it('answers a retry with the same Idempotency-Key with the first answer, and creates nothing new', async () => {
    const body = {
      ...gezin(false),
      betrokkenen: [{ ref: 'x', achternaam: 'Bakker', geboortedatum: '1990-01-01' }],
      relaties: [],
      soort: 'persoon',
    };
    const first = await request(t.app)
      .post('/api/v1/aanmeldingen')
      .set(politie)
      .set('Idempotency-Key', 'politie-ref-000123')
      .send(body);
    const before = await count();
    const again = await request(t.app)
      .post('/api/v1/aanmeldingen')
      .set(politie)
      .set('Idempotency-Key', 'politie-ref-000123')
      .send(body);
    assert.equal(again.status, 201);
    assert.deepEqual(again.body, first.body);
    assert.equal(again.headers.location, first.headers.location);
    assert.deepEqual(await count(), before);
  });

  it('answers 409 for the same Idempotency-Key with a different body', async () => {
    const body = {
      ...gezin(false),
      betrokkenen: [{ ref: 'y', achternaam: 'Smit', geboortedatum: '1991-01-01' }],
      relaties: [],
      soort: 'persoon',
    };
    await request(t.app)
      .post('/api/v1/aanmeldingen')
      .set(politie)
      .set('Idempotency-Key', 'politie-ref-000124')
      .send(body)
      .expect(201);
    assertProblem(
      await request(t.app)
        .post('/api/v1/aanmeldingen')
        .set(politie)
        .set('Idempotency-Key', 'politie-ref-000124')
        .send({ ...body, reden: 'anders' }),
      409,
      'idempotency-conflict',
    );
  });

  it('refuses an invalid BSN with 400 naming it, and writes nothing', async () => {
    const before = await count();
    const body = gezin();
    body.betrokkenen[1]!.bsn = '123456789';
    const res = await request(t.app).post('/api/v1/aanmeldingen').set(politie).send(body);
    assertProblem(res, 400, 'invalid-request');
    assert.equal(res.body.invalidParams[0].name, '/betrokkenen/1/bsn');
    assert.deepEqual(await count(), before);
  });

  it('refuses an unknown leefgebied, a relation to an unknown person, and an oversized reason', async () => {
    assertProblem(
      await request(t.app)
        .post('/api/v1/aanmeldingen')
        .set(politie)
        .send({ ...gezin(), leefgebieden: ['sterrenkunde'] }),
      400,
      'invalid-request',
    );
    assertProblem(
      await request(t.app)
        .post('/api/v1/aanmeldingen')
        .set(politie)
        .send({ ...gezin(), relaties: [{ van: 'vader', naar: 'oom', soort: 'broer-zus' }] }),
      400,
      'invalid-request',
    );
    assertProblem(
      await request(t.app)
        .post('/api/v1/aanmeldingen')
        .set(politie)
        .send({ ...gezin(), reden: 'x'.repeat(4001) }),
      400,
      'invalid-request',
    );
  });

  it('refuses, with 403 naming the category, what the covenant does not let this partner supply — and writes nothing', async () => {
    const before = await count();
    const res = await request(t.app)
      .post('/api/v1/aanmeldingen')
      .set(await t.tokenHeaders('woningcorporatie-demo', 'medewerker'))
      .send(gezin());
    assertProblem(res, 403, 'covenant-denied');
    assert.match(JSON.stringify(res.body.invalidParams), /bsn.*woningcorporatie-levert-geen-bsn/);
    assert.deepEqual(await count(), before);
  });
});
