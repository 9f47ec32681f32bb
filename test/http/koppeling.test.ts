import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import request from 'supertest';
import { testBsn } from '../support/bsn.js';
import { assertProblem } from '../support/problem-assertions.js';
import { receiptOf } from '../support/receipt.js';
import { useTestApp } from '../support/test-app.js';

const t = useTestApp();
const as = {} as Record<'politie' | 'gemeente' | 'regisseur' | 'fgZvh', Record<string, string>>;

interface Persoon {
  ref?: string;
  voornamen?: string;
  tussenvoegsel?: string;
  achternaam: string;
  geboortedatum?: string;
  postcode?: string;
  bsn?: string;
}
type Voorstel = {
  id: string;
  betrokkene: string;
  kandidaat: string;
  score: number;
  overeenkomsten: string[];
  vergelijking: { betrokkene: Record<string, unknown>; kandidaat: Record<string, unknown> };
};

async function refer(who: Record<string, string>, p: Persoon): Promise<string> {
  const res = await request(t.app)
    .post('/api/v1/aanmeldingen')
    .set(who)
    .send({ soort: 'persoon', gemeente: 'Demostad', reden: 'x', leefgebieden: [], betrokkenen: [{ ref: 'p', ...p }] });
  assert.equal(res.status, 201, res.text);
  return res.body.betrokkenen[0].betrokkene;
}

const proposals = async (): Promise<Voorstel[]> =>
  (await request(t.app).get('/api/v1/koppelvoorstellen').set(as.regisseur).expect(200)).body.koppelvoorstellen;
const between = async (a: string, b: string) =>
  (await proposals()).find(
    (k) => (k.betrokkene === a && k.kandidaat === b) || (k.betrokkene === b && k.kandidaat === a),
  );

describe('linking records of one person without a BSN', () => {
  before(async () => {
    as.politie = await t.tokenHeaders('politie-demo', 'medewerker');
    as.gemeente = await t.tokenHeaders('gemeente-demo', 'medewerker');
    as.regisseur = await t.tokenHeaders('zvh-demo', 'procesregisseur');
  });

  const variants: [string, Persoon, Persoon][] = [
    [
      'ij and y',
      { achternaam: 'Kuijpers', geboortedatum: '1980-01-01' },
      { achternaam: 'Kuypers', geboortedatum: '1980-01-01' },
    ],
    [
      'v.d. and van den, tussenvoegsel in its own field and in any case',
      { achternaam: 'v.d. Bosch', geboortedatum: '1981-02-02' },
      { tussenvoegsel: 'Van Den', achternaam: 'BOSCH', geboortedatum: '1981-02-02' },
    ],
    [
      'tussenvoegsel after the name',
      { achternaam: 'Berg, van den', geboortedatum: '1982-03-03' },
      { achternaam: 'van den Berg', geboortedatum: '1982-03-03' },
    ],
    [
      'diacritics',
      { achternaam: 'Çelik', geboortedatum: '1983-04-04' },
      { achternaam: 'Celik', geboortedatum: '1983-04-04' },
    ],
    [
      'no birth date, but surname, initial and postcode',
      { voornamen: 'Karin', achternaam: 'Meijer', postcode: '1234 AB' },
      { voornamen: 'K.', achternaam: 'Meyer', postcode: '1234ab' },
    ],
    [
      'a birth date with day and month swapped',
      { voornamen: 'Piet', achternaam: 'Smit', geboortedatum: '1984-05-06' },
      { voornamen: 'Piet', achternaam: 'Smidt', geboortedatum: '1984-06-05' },
    ],
  ];
  for (const [name, a, b] of variants)
    it(`proposes, never merges, records that differ only by ${name}`, async () => {
      const first = await refer(as.politie, a);
      const second = await refer(as.gemeente, b);
      const k = await between(first, second);
      assert.ok(k, 'a proposal is made');
      assert.ok(k.score >= 0.6 && k.score <= 1);
      assert.ok(k.overeenkomsten.includes('achternaam'));
      const merged = await t.db.store.db.betrokkene.findUnique({ where: { id: second } });
      assert.equal(merged!.samengevoegdIn, null, 'nothing merged without a decision');
    });

  it('does not propose on a common surname alone, nor on surname and initial without a birth date or postcode', async () => {
    const a = await refer(as.politie, { voornamen: 'Jan', achternaam: 'de Jong' });
    const b = await refer(as.gemeente, { voornamen: 'Jan', achternaam: 'de Jong' });
    const c = await refer(as.gemeente, { achternaam: 'de Jong', geboortedatum: '1990-01-01', postcode: '1000AA' });
    const d = await refer(as.politie, { achternaam: 'de Jong', geboortedatum: '1991-09-09', postcode: '1000AA' });
    assert.equal(await between(a, b), undefined);
    assert.equal(await between(c, d), undefined);
  });

  it('stores only keyed blocking keys, never a name or date in the clear', async () => {
    const keys = await t.db.store.db.blokkeerSleutel.findMany();
    assert.ok(keys.length > 0);
    for (const k of keys) assert.doesNotMatch(k.sleutel, /kuypers|bosch|19\d\d|\|/i);
  });

  it('shows both records side by side, with their suppliers, score and agreement, never the BSN, and logs it', async () => {
    const a = await refer(as.politie, {
      voornamen: 'Sanne',
      achternaam: 'Hendriks',
      geboortedatum: '1970-07-07',
      bsn: testBsn(81),
    });
    const b = await refer(as.gemeente, {
      voornamen: 'S.',
      achternaam: 'Hendrikx',
      geboortedatum: '1970-07-07',
      postcode: '2000 BB',
    });
    const res = await request(t.app).get('/api/v1/koppelvoorstellen').set(as.regisseur).expect(200);
    const k = (res.body.koppelvoorstellen as Voorstel[]).find((x) => x.betrokkene === b && x.kandidaat === a)!;
    assert.ok(k, res.text);
    assert.deepEqual(k.vergelijking.kandidaat, {
      id: a,
      bronnen: ['politie-demo'],
      voornamen: 'Sanne',
      achternaam: 'Hendriks',
      geboortedatum: '1970-07-07',
    });
    assert.deepEqual(k.vergelijking.betrokkene.bronnen, ['gemeente-demo']);
    assert.equal(k.vergelijking.betrokkene.postcode, '2000BB');
    assert.deepEqual(k.overeenkomsten.sort(), ['achternaam-bijna', 'geboortedatum', 'voorletter']);
    assert.doesNotMatch(res.text, new RegExp(testBsn(81)));
    const { index } = receiptOf(res);
    const [entry] = await t.ledger.entries(index, index + 1);
    const logged = JSON.parse(entry!.body);
    assert.deepEqual(
      [logged.soort, logged.ontvanger.partner, logged.categorieen],
      ['verstrekking', 'zvh-demo', ['identificatie']],
    );
    assert.doesNotMatch(entry!.body, /Hendriks|Sanne/);
  });

  describe('by hand', () => {
    let a = '';
    let b = '';
    before(async () => {
      a = await refer(as.politie, { voornamen: 'Fatima', achternaam: 'Yilmaz', geboortedatum: '1988-08-08' });
      b = await refer(as.gemeente, { voornamen: 'Fatma', achternaam: 'Yılmaz-Demir', geboortedatum: '1988-03-18' });
    });

    it('links two records the scoring missed, with a motivation, audited; a split undoes it', async () => {
      assert.equal(await between(a, b), undefined, 'the scoring missed this one');
      const res = await request(t.app)
        .post('/api/v1/koppelingen')
        .set(as.regisseur)
        .send({ betrokkeneA: b, betrokkeneB: a, motivering: 'Zelfde persoon volgens wijkagent en consulent' });
      assert.equal(res.status, 201, res.text);
      assert.deepEqual(
        [res.body.betrokkene, res.body.kandidaat, res.body.status, res.body.reden],
        [b, a, 'samengevoegd', 'handmatig'],
      );
      assert.equal((await t.db.store.db.betrokkene.findUnique({ where: { id: b } }))!.samengevoegdIn, a);
      const audit = await t.db.store.db.auditEvent.findMany({ where: { soort: 'koppeling' } });
      assert.ok(audit.some((e) => e.reden.startsWith('koppelen:') && e.actor !== null));
      assertProblem(
        await request(t.app)
          .post('/api/v1/koppelingen')
          .set(as.regisseur)
          .send({ betrokkeneA: b, betrokkeneB: a, motivering: 'nog eens' }),
        409,
        'conflict',
      );
      await request(t.app)
        .post(`/api/v1/betrokkenen/${b}/splitsing`)
        .set(as.regisseur)
        .send({ motivering: 'toch niet' })
        .expect(201);
      assert.equal((await t.db.store.db.betrokkene.findUnique({ where: { id: b } }))!.samengevoegdIn, null);
    });

    it('never links two records that each have a BSN', async () => {
      const x = await refer(as.politie, { achternaam: 'Peters', bsn: testBsn(82) });
      const y = await refer(as.gemeente, { achternaam: 'Peters', bsn: testBsn(83) });
      assertProblem(
        await request(t.app)
          .post('/api/v1/koppelingen')
          .set(as.regisseur)
          .send({ betrokkeneA: x, betrokkeneB: y, motivering: 'm' }),
        409,
        'conflict',
      );
    });

    it('answers an unknown record 404, an invalid body 400, and anyone but the ZVH’s procesregisseur 403', async () => {
      assertProblem(
        await request(t.app)
          .post('/api/v1/koppelingen')
          .set(as.regisseur)
          .send({ betrokkeneA: a, betrokkeneB: '0b9e5b0e-0000-4000-8000-000000000000', motivering: 'm' }),
        404,
        'not-found',
      );
      assertProblem(
        await request(t.app).post('/api/v1/koppelingen').set(as.regisseur).send({ betrokkeneA: a, betrokkeneB: b }),
        400,
        'invalid-request',
      );
      for (const who of [as.politie, await t.tokenHeaders('politie-demo', 'procesregisseur').catch(() => as.gemeente)])
        assertProblem(
          await request(t.app)
            .post('/api/v1/koppelingen')
            .set(who)
            .send({ betrokkeneA: a, betrokkeneB: b, motivering: 'm' }),
          403,
          'forbidden',
        );
      assertProblem(await request(t.app).get('/api/v1/koppelvoorstellen').set(as.gemeente), 403, 'forbidden');
    });
  });
});
