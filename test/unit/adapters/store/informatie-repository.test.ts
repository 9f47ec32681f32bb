import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestDatabase, type TestDatabase } from '../../../support/test-store.js';

let db: TestDatabase;
const at = new Date('2026-11-01T10:00:00Z');

describe('the informatie repository', () => {
  before(async () => {
    db = await createTestDatabase();
    for (const id of ['p1', 'p2'])
      await db.store.partners.create({
        id,
        naam: id,
        oin: `0000009900000000090${id.slice(1)}`,
        soort: 'gemeente',
        regime: 'AVG',
        contactNaam: null,
        contactEmail: null,
      });
    for (const id of ['c1', 'c2']) {
      await db.store.casussen.create({
        id,
        soort: 'persoon',
        gemeente: 'D',
        reden: 'r',
        codeRood: id === 'c1',
        leefgebieden: '[]',
        signalen: '[]',
        aanmelderId: 'p1',
        aangemaaktOp: at,
      });
      await db.store.casussen.addDeelnemer(id, 'p1', 'aanmelder', at);
    }
    await db.store.betrokkenen.create({
      id: 'b1',
      bsnPseudoniem: null,
      bsnVersleuteld: null,
      persoonVersleuteld: 'x',
      matchSleutel: 'm',
      dataSleutel: 'wrapped-b1',
      aangemaaktOp: at,
    });
    const item = { casusId: 'c1', grondslag: 'g', doelVerzameling: 'triage', leefgebied: null };
    await db.store.informatie.addMany([
      {
        ...item,
        id: 'i2',
        betrokkeneId: 'b1',
        bronPartnerId: 'p2',
        categorie: 'gezondheid',
        inhoud: 'sealed',
        versleuteld: true,
        ontvangenOp: new Date(at.getTime() + 1000),
      },
      {
        ...item,
        id: 'i1',
        betrokkeneId: null,
        bronPartnerId: 'p1',
        categorie: 'wonen',
        inhoud: 'plain',
        versleuteld: false,
        ontvangenOp: at,
      },
    ]);
  });
  after(async () => db.drop());

  it('reads the informatie view in receipt order, with the casus facts and each owner’s data key', async () => {
    const rows = await db.store.informatie.view('c1', 'p1');
    assert.deepEqual(
      rows.map((r) => r.id),
      ['i1', 'i2'],
      'items come oldest first',
    );
    assert.equal(rows[0]!.casusFase, 'aanmelding', 'every row carries the casus phase');
    assert.equal(rows[0]!.casusCodeRood, true, 'every row carries code rood as a boolean');
    assert.equal(rows[0]!.casusAanmelder, 'p1', 'every row carries the referrer');
    assert.equal(rows[0]!.dataSleutel, null, 'an item without betrokkene has no data key');
    assert.equal(rows[1]!.dataSleutel, 'wrapped-b1', 'an item about b1 carries b1’s wrapped data key');
    assert.equal(rows[1]!.versleuteld, true, 'the encrypted flag maps to a boolean');
    assert.ok(rows[1]!.ontvangenOp instanceof Date, 'receipt time maps to a Date');
  });

  it('answers one row without an item for a casus without items, and none for a non-participant', async () => {
    const empty = await db.store.informatie.view('c2', 'p1');
    assert.equal(empty.length, 1, 'a casus without items still yields its casus row');
    assert.equal(empty[0]!.id, null, 'that row has no item');
    assert.deepEqual(await db.store.informatie.view('c1', 'p2'), [], 'p2 supplied to c1 but does not take part');
    assert.deepEqual(await db.store.informatie.view('nope', 'p1'), [], 'a missing casus yields nothing');
  });

  it('says on every row whether an open restriction could withhold anything of the casus', async () => {
    const mogelijk = async (casus: string) => !!(await db.store.informatie.view(casus, 'p1'))[0]!.beperkingMogelijk;
    assert.equal(await mogelijk('c1'), false, 'no restriction yet');
    await db.store.betrokkenen.create({
      id: 'b2',
      bsnPseudoniem: null,
      bsnVersleuteld: null,
      persoonVersleuteld: 'x',
      matchSleutel: 'm2',
      dataSleutel: 'wrapped-b2',
      aangemaaktOp: at,
    });
    const beperking = { verzoekId: 'v', soort: 'beperking', doelen: null, door: 'fg', sinds: at };
    // On a person of another casus only: nothing of c1 is about b2 yet.
    await db.store.beperkingen.add({ ...beperking, id: 'r-b2', betrokkeneId: 'b2', itemId: null });
    assert.equal(await mogelijk('c1'), false, 'a restriction on someone else does not count');
    await db.store.casussen.linkBetrokkene('c1', 'b2', 'betrokkene');
    assert.equal(
      await mogelijk('c1'),
      true,
      'person-wide, on a person of the casus (items about the casus are about them)',
    );
    assert.equal(await db.store.beperkingen.lift('r-b2', 'fg', 'klaar', at), true);
    assert.equal(await mogelijk('c1'), false, 'a lifted restriction no longer counts');
    await db.store.beperkingen.add({ ...beperking, id: 'r-i2', betrokkeneId: 'b1', itemId: 'i2' });
    assert.equal(await mogelijk('c1'), true, 'on one item of the casus');
    assert.equal(await mogelijk('c2'), false, 'not for another casus');
    assert.equal(await db.store.beperkingen.lift('r-i2', 'fg', 'klaar', at), true);
    await db.store.beperkingen.add({ ...beperking, id: 'r-b1', betrokkeneId: 'b1', itemId: null });
    assert.equal(await mogelijk('c1'), true, 'person-wide, on the person an item is about');
  });

  it('names each source about a person once, and the facts triage looks at', async () => {
    assert.deepEqual(await db.store.informatie.sourcesAbout(['b1']), ['p2'], 'only p2 supplied about b1');
    const facts = await db.store.informatie.factsOf(['c1', 'c2']);
    assert.deepEqual(
      facts.map((f) => f.categorie).sort(),
      ['gezondheid', 'wonen'],
      'the categories of every item in the casussen',
    );
  });
});
