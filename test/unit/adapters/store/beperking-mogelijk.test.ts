import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { createTestDatabase, type TestDatabase } from '../../../support/test-store.js';

let db: TestDatabase;
const at = new Date('2026-11-01T10:00:00Z');
let run = 0;

const scenario = fc.record({
  /** Per item of the casus: the person (0..3) it is about, or null for the casus as a whole. */
  items: fc.array(fc.option(fc.nat(3)), { maxLength: 3 }),
  /** Persons linked to the casus. */
  linked: fc.uniqueArray(fc.nat(3), { maxLength: 4 }),
  /** For persons 1..3: merged into a person with a lower number, or not. */
  merges: fc.tuple(fc.option(fc.constant(0)), fc.option(fc.nat(1)), fc.option(fc.nat(2))),
  /** Restrictions: on a person (whole), on an item of this casus, or on the item of another casus. */
  beperkingen: fc.array(
    fc.record({
      op: fc.oneof(
        fc.record({ persoon: fc.nat(3) }),
        fc.record({ item: fc.nat(2) }),
        fc.record({ elders: fc.constant(true) }),
      ),
      opgeheven: fc.boolean(),
    }),
    { maxLength: 3 },
  ),
});

describe('the informatie view saying whether a restriction could apply (beperkingMogelijk)', () => {
  before(async () => {
    db = await createTestDatabase();
    await db.store.partners.create({
      id: 'p1',
      naam: 'p1',
      oin: '00000099000000000901',
      soort: 'gemeente',
      regime: 'AVG',
      contactNaam: null,
      contactEmail: null,
    });
  });
  after(async () => db.drop());

  it('never says no when an open restriction covers an item or a record of a person of the casus (property)', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async (s) => {
        const r = `r${run++}`;
        const s_ = db.store;
        const persoon = (n: number) => `${r}-b${n}`;
        for (let n = 0; n < 4; n++)
          await s_.betrokkenen.create({
            id: persoon(n),
            bsnPseudoniem: null,
            bsnVersleuteld: null,
            persoonVersleuteld: 'x',
            matchSleutel: `${r}-m${n}`,
            dataSleutel: `${r}-k${n}`,
            aangemaaktOp: at,
          });
        for (let i = 0; i < 3; i++) {
          const into = s.merges[i];
          if (into !== null && into !== undefined) await s_.betrokkenen.setMergedInto(persoon(i + 1), persoon(into));
        }
        for (const casus of [`${r}-c`, `${r}-elders`]) {
          await s_.casussen.create({
            id: casus,
            soort: 'persoon',
            gemeente: 'D',
            reden: 'r',
            codeRood: false,
            leefgebieden: '[]',
            signalen: '[]',
            aanmelderId: 'p1',
            aangemaaktOp: at,
          });
          await s_.casussen.addDeelnemer(casus, 'p1', 'aanmelder', at);
        }
        for (const n of s.linked) await s_.casussen.linkBetrokkene(`${r}-c`, persoon(n), 'betrokkene');
        const item = { grondslag: 'g', doelVerzameling: 'triage', leefgebied: null, bronPartnerId: 'p1' };
        const rows = [
          ...s.items.map((p, i) => ({
            id: `${r}-i${i}`,
            casusId: `${r}-c`,
            betrokkeneId: p === null ? null : persoon(p),
          })),
          { id: `${r}-elders-i`, casusId: `${r}-elders`, betrokkeneId: persoon(0) },
        ];
        await s_.informatie.addMany(
          rows.map((x) => ({ ...x, ...item, categorie: 'wonen', inhoud: 'x', versleuteld: false, ontvangenOp: at })),
        );
        let covers = false;
        // What the full lookup withholds: an item of the casus named, or any record of a person an item is about.
        const subjects = new Set<string>();
        for (const p of s.items)
          for (const id of p === null ? s.linked.map(persoon) : [persoon(p)])
            for (const rec of await s_.betrokkenen.recordsOfPerson(id)) subjects.add(rec);
        for (const [k, b] of s.beperkingen.entries()) {
          const id = `${r}-bp${k}`;
          const base = { id, verzoekId: 'v', soort: 'beperking', doelen: null, door: 'fg', sinds: at };
          if ('persoon' in b.op)
            await s_.beperkingen.add({ ...base, betrokkeneId: persoon(b.op.persoon), itemId: null });
          else if ('item' in b.op)
            await s_.beperkingen.add({ ...base, betrokkeneId: persoon(0), itemId: `${r}-i${b.op.item}` });
          else await s_.beperkingen.add({ ...base, betrokkeneId: persoon(0), itemId: `${r}-elders-i` });
          if (b.opgeheven) await s_.beperkingen.lift(id, 'fg', 'klaar', at);
          else if ('persoon' in b.op) covers ||= subjects.has(persoon(b.op.persoon));
          else if ('item' in b.op) covers ||= b.op.item < s.items.length;
        }
        const [first] = await s_.informatie.view(`${r}-c`, 'p1');
        if (covers)
          assert.ok(first!.beperkingMogelijk, `a covering restriction makes the view look: ${JSON.stringify(s)}`);
      }),
      { numRuns: 40 },
    );
  });
});
