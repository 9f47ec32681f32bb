import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import request from 'supertest';
import { beperkVerwerking } from '../../gateway/rechten/uitvoering/beperk-verwerking.js';
import { useCaseDeps, type UseCaseDeps } from '../../gateway/use-case-deps.js';
import { testBsn } from '../support/bsn.js';
import { useTestApp } from '../support/test-app.js';

/** A restriction is about a person, not about one of the records a merge made one. */
const t = useTestApp();
const as: Record<string, Record<string, string>> = {};
let deps: UseCaseDeps;

/** A casus about one person (with or without a BSN) and one item of the gemeente about them. */
async function casusWithItem(persoon: Record<string, string>, marker: string) {
  const a = await request(t.app)
    .post('/api/v1/aanmeldingen')
    .set(as.politie!)
    .send({
      soort: 'persoon',
      gemeente: 'Demostad',
      reden: 'Overlast',
      leefgebieden: ['huisvesting-en-wonen'],
      betrokkenen: [{ ref: 'p', voornamen: 'B', geboortedatum: '1970-01-01', ...persoon }],
    })
    .expect(201);
  const casus = a.body.casus as string;
  const betrokkene = a.body.betrokkenen[0].betrokkene as string;
  for (const partner of ['gemeente-demo', 'ggz-demo'])
    await request(t.app).post(`/api/v1/casussen/${casus}/deelnemers`).set(as.regie!).send({ partner }).expect(201);
  await request(t.app)
    .post(`/api/v1/casussen/${casus}/triagebesluit`)
    .set(as.regie!)
    .send({ uitkomst: 'procesregie', motivering: 'meerdere ketens' })
    .expect(201);
  await request(t.app)
    .post(`/api/v1/casussen/${casus}/informatie`)
    .set(as.gemeente!)
    .send({
      doel: 'casusoverleg',
      items: [{ categorie: 'wonen', betrokkene, inhoud: marker, grondslag: 'avg-6-1-e-gemeente' }],
    })
    .expect(201);
  return { casus, betrokkene };
}

const pull = (casus: string) =>
  request(t.app).get(`/api/v1/casussen/${casus}/informatie?doel=casusoverleg`).set(as.ggz!).expect(200);

describe('a person-wide restriction on a person whose records were merged', () => {
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

  it('withholds the items about every record of the person, whichever record it was placed on', async () => {
    const metBsn = await casusWithItem({ bsn: testBsn(801), achternaam: 'MARKER-A' }, 'MARKER-MET-BSN');
    const zonder = await casusWithItem({ achternaam: 'MARKER-B' }, 'MARKER-ZONDER-BSN');
    await request(t.app)
      .post('/api/v1/koppelingen')
      .set(as.regie!)
      .send({ betrokkeneA: zonder.betrokkene, betrokkeneB: metBsn.betrokkene, motivering: 'zelfde persoon' })
      .expect(201);
    assert.match((await pull(zonder.casus)).text, /MARKER-ZONDER-BSN/, 'shown before the restriction');
    // A request by BSN reaches the record with the BSN, the one the other was merged into.
    await beperkVerwerking(deps, { verzoekId: 'v', betrokkeneId: metBsn.betrokkene, soort: 'beperking', door: 'fg' });
    assert.doesNotMatch((await pull(metBsn.casus)).text, /MARKER-MET-BSN/, 'the record it names is withheld');
    assert.doesNotMatch(
      (await pull(zonder.casus)).text,
      /MARKER-ZONDER-BSN/,
      'and so is the item about the record merged into it: the same person',
    );
  });
});
