import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import request from 'supertest';
import { defaultCovenantDir } from '../../gateway/covenant/record-covenant-version.js';
import { testBsn } from '../support/bsn.js';
import { assertProblem } from '../support/problem-assertions.js';
import { useTestApp } from '../support/test-app.js';

/** The demo covenant plus one rule that rests on consent: a gemeente may supply zorgcontact with it. */
const covenantDir = mkdtempSync(join(tmpdir(), 'knooppunt-covenant-'));
writeFileSync(
  join(covenantDir, 'zvh-demo-2026.1.yaml'),
  `${readFileSync(join(defaultCovenantDir, 'zvh-demo-2026.1.yaml'), 'utf8').trimEnd()}
  - id: gemeente-levert-zorgcontact-met-toestemming
    omschrijving: Met uitdrukkelijke toestemming levert de gemeente dat betrokkene in zorg is
    effect: permit
    actie: aanleveren
    leverancier: { soort: gemeente }
    categorieen: [zorgcontact]
    toegestaneDoelen: [triage]
    grondslag: uavg-art-30-toestemming
`,
);
const t = useTestApp({ env: { KNOOPPUNT_COVENANT_DIR: covenantDir } });
let casus: string;
let persoon: string;
const as = {} as Record<'politie' | 'ggz' | 'gemeente' | 'vt', Record<string, string>>;

const supply = (who: Record<string, string>, doel: string, items: Record<string, unknown>[]) =>
  request(t.app)
    .post(`/api/v1/casussen/${casus}/informatie`)
    .set(who)
    .send({ doel, items: items.map((i) => ({ betrokkene: persoon, inhoud: 'x', ...i })) });

describe('the legal basis of supplied information', () => {
  before(async () => {
    as.politie = await t.tokenHeaders('politie-demo', 'medewerker');
    as.ggz = await t.tokenHeaders('ggz-demo', 'medewerker');
    as.gemeente = await t.tokenHeaders('gemeente-demo', 'medewerker');
    as.vt = await t.tokenHeaders('veilig-thuis-demo', 'medewerker');
    const res = await request(t.app)
      .post('/api/v1/aanmeldingen')
      .set(as.politie)
      .send({
        soort: 'persoon',
        gemeente: 'Demostad',
        reden: 'x',
        leefgebieden: [],
        betrokkenen: [{ ref: 'p', bsn: testBsn(61), achternaam: 'Bakker', geboortedatum: '1975-05-05' }],
      })
      .expect(201);
    casus = res.body.casus;
    persoon = res.body.betrokkenen[0].betrokkene;
    const regisseur = await t.tokenHeaders('zvh-demo', 'procesregisseur');
    for (const partner of ['ggz-demo', 'gemeente-demo', 'veilig-thuis-demo'])
      await request(t.app).post(`/api/v1/casussen/${casus}/deelnemers`).set(regisseur).send({ partner }).expect(201);
  });

  it('accepts an item under the basis of the rule that permits its category', async () => {
    const res = await supply(as.ggz, 'triage', [{ categorie: 'psychische-gezondheid', grondslag: 'uavg-art-30-zorg' }]);
    assert.equal(res.status, 201, res.text);
    assert.equal(res.body.items[0].versleuteld, true);
  });

  it('refuses health data under a basis that does not cover it, naming the field and why', async () => {
    const before = await t.db.store.db.informatieItem.count();
    const res = await supply(as.ggz, 'triage', [
      { categorie: 'psychische-gezondheid', grondslag: 'uavg-art-30-zorg' },
      { categorie: 'psychische-gezondheid', grondslag: 'avg-6-1-e-gemeente' },
    ]);
    assertProblem(res, 403, 'covenant-denied');
    assert.deepEqual(
      res.body.invalidParams.map((p: { name: string }) => p.name),
      ['/items/1/grondslag'],
    );
    assert.match(res.body.invalidParams[0].reason, /dekt geen art9/);
    assert.equal(await t.db.store.db.informatieItem.count(), before, 'nothing is stored');
  });

  it('refuses a basis that is not the one of any rule permitting the category, naming that rule', async () => {
    const res = await supply(as.politie, 'triage', [{ categorie: 'wonen', grondslag: 'wpg-art-20' }]);
    assertProblem(res, 403, 'covenant-denied');
    assert.equal(res.body.invalidParams[0].name, '/items/0/grondslag');
    assert.match(res.body.invalidParams[0].reason, /ieder-levert-basisgegevens \(grondslag avg-6-1-e-gemeente\)/);
  });

  it('applies a rule that rests on consent only to an item with its consent reference', async () => {
    const without = await supply(as.gemeente, 'triage', [
      { categorie: 'zorgcontact', grondslag: 'uavg-art-30-toestemming' },
    ]);
    assertProblem(without, 403, 'covenant-denied');
    assert.equal(without.body.invalidParams[0].name, '/items/0/toestemming');
    const withConsent = await supply(as.gemeente, 'triage', [
      { categorie: 'zorgcontact', grondslag: 'uavg-art-30-toestemming', toestemming: 'TST-2026-0042' },
    ]);
    assert.equal(withConsent.status, 201, withConsent.text);
  });

  it('refuses a supply purpose the partner may not supply for at all', async () => {
    const res = await supply(as.politie, 'handhaving', [{ categorie: 'wonen', grondslag: 'avg-6-1-e-gemeente' }]);
    assertProblem(res, 403, 'covenant-denied');
    assert.equal(res.body.invalidParams[0].name, '/doel');
    const analyse = await supply(as.politie, 'analyse', [{ categorie: 'wonen', grondslag: 'avg-6-1-e-gemeente' }]);
    assertProblem(analyse, 403, 'covenant-denied');
  });

  it('stores a Veilig Thuis report of domestic violence encrypted (the category is marked gevoelig)', async () => {
    const res = await supply(as.vt, 'triage', [
      { categorie: 'huiselijk-geweld', grondslag: 'wmo-art-5-1-1', inhoud: 'Melding mishandeling kind' },
    ]);
    assert.equal(res.status, 201, res.text);
    assert.equal(res.body.items[0].versleuteld, true);
    const stored = await t.db.store.db.informatieItem.findUnique({ where: { id: res.body.items[0].id } });
    assert.equal(stored!.versleuteld, true);
    assert.doesNotMatch(stored!.inhoud, /mishandeling/);
  });
});
