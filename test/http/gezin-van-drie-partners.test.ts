import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import request from 'supertest';
import { runCli } from '../../gateway/cli/knooppunt.js';
import { testBsn } from '../support/bsn.js';
import { useTestApp } from '../support/test-app.js';

/**
 * The acceptance story: the family De Vries–Jansen reaches Knooppunt three times — from the
 * police with BSNs, from Veilig Thuis without, and from the municipality as a file export — and ends as
 * one linked family system whose triage proposal is procesregie.
 */
const t = useTestApp();
let regisseur: Record<string, string>;
let politieCasus: string;

const persons = {
  vader: { voornamen: 'Pieter', achternaam: 'de Vries', geboortedatum: '1981-03-14', postcode: '5911 AB' },
  moeder: { voornamen: 'Anna', achternaam: 'Jansen', geboortedatum: '1983-07-02', postcode: '5911 AB' },
  kind: { voornamen: 'Sem', achternaam: 'de Vries', geboortedatum: '2014-11-30', postcode: '5911 AB' },
};

describe('one family from three partners', () => {
  before(async () => {
    regisseur = await t.tokenHeaders('zvh-demo', 'procesregisseur');
  });

  it('1. the police refer the family with BSNs, and add police information', async () => {
    const politie = await t.tokenHeaders('politie-demo', 'medewerker');
    const res = await request(t.app)
      .post('/api/v1/aanmeldingen')
      .set(politie)
      .send({
        soort: 'systeem',
        gemeente: 'Demostad',
        reden: 'Derde melding huiselijk geweld dit jaar',
        leefgebieden: ['relaties-partner-gezin-familie', 'druggebruik'],
        signalen: ['geweld'],
        betrokkenen: [
          { ref: 'v', bsn: testBsn(11), ...persons.vader, rol: 'hoofdpersoon' },
          { ref: 'm', bsn: testBsn(12), ...persons.moeder },
          { ref: 'k', bsn: testBsn(13), ...persons.kind },
        ],
        relaties: [
          { van: 'v', naar: 'm', soort: 'partner' },
          { van: 'v', naar: 'k', soort: 'ouder' },
          { van: 'm', naar: 'k', soort: 'ouder' },
        ],
      });
    assert.equal(res.status, 201, res.text);
    politieCasus = res.body.casus;
    await request(t.app)
      .post(`/api/v1/casussen/${politieCasus}/informatie`)
      .set(politie)
      .send({
        doel: 'triage',
        items: [
          {
            categorie: 'politiegegevens',
            betrokkene: res.body.betrokkenen[0].betrokkene,
            inhoud: 'Aanhouding 3 mei, mishandeling partner',
            grondslag: 'wpg-art-20',
            leefgebied: 'delictgeschiedenis',
          },
        ],
      })
      .expect(201);
  });

  it('2. Veilig Thuis refers mother and child without BSN: matches go to the review queue', async () => {
    const vt = await t.tokenHeaders('veilig-thuis-demo', 'medewerker');
    const res = await request(t.app)
      .post('/api/v1/aanmeldingen')
      .set(vt)
      .send({
        soort: 'systeem',
        gemeente: 'Demostad',
        reden: 'Melding kindermishandeling school',
        leefgebieden: ['relaties-partner-gezin-familie', 'emotioneel-welzijn'],
        betrokkenen: [
          { ref: 'm', ...persons.moeder, achternaam: 'JANSEN', postcode: '5911AB', rol: 'hoofdpersoon' },
          { ref: 'k', ...persons.kind, achternaam: 'de vries' },
        ],
        relaties: [{ van: 'm', naar: 'k', soort: 'ouder' }],
      });
    assert.equal(res.status, 201, res.text);
    assert.deepEqual(
      res.body.betrokkenen.map((b: { koppeling: string }) => b.koppeling),
      ['nieuw-met-kandidaten', 'nieuw-met-kandidaten'],
    );
  });

  it('3. the municipality imports its export of father and child', async () => {
    const file = join(t.dataDir, 'zorgmeldingen.csv');
    writeFileSync(
      file,
      [
        'Dossiernummer;BSN;Voornamen;Tussenvoegsel;Achternaam;Geboortedatum;Postcode;Relatie tot hoofdpersoon;Reden melding;Leefgebieden;Signalen',
        'Z-2026-0412;;Pieter;de;Vries;14-03-1981;5911 AB;;Huurachterstand en overlast;huisvesting-en-wonen,inkomen-en-omgaan-met-geld;overlast',
        'Z-2026-0412;;Sem;de;Vries;30-11-2014;5911 AB;kind;;;',
      ].join('\n'),
    );
    const out: string[] = [];
    const code = await runCli(['import', '--partner', 'gemeente-demo', file], {
      out: (l) => out.push(l),
      err: () => {},
      env: { DATABASE_URL: t.db.url, KNOOPPUNT_DATA_DIR: t.dataDir },
    });
    assert.equal(code, 0, out.join('\n'));
    assert.match(out.join('\n'), /2 rijen in 1 dossiers: 1 aangemeld, 0 al eerder geïmporteerd, 0 rijen geweigerd/);
  });

  it('4. the procesregisseur merges the proposed matches, and the family is one linked system', async () => {
    const open = (await request(t.app).get('/api/v1/koppelvoorstellen').set(regisseur).expect(200)).body
      .koppelvoorstellen;
    assert.ok(open.length >= 4, `expected at least 4 proposals, got ${open.length}`);
    for (const k of open) {
      await request(t.app)
        .post(`/api/v1/koppelvoorstellen/${k.id}/besluit`)
        .set(regisseur)
        .send({ besluit: 'samenvoegen', motivering: 'Zelfde naam, geboortedatum en adres' })
        .expect(201);
    }
    const all = await t.db.store.db.betrokkene.findMany();
    assert.equal(all.filter((b) => !b.samengevoegdIn).length, 3, 'three persons remain');
    assert.equal(all.length, 7, 'no record was deleted: merges are reversible');
  });

  it('5. the triage proposal for the police casus, seeing the whole family, is procesregie', async () => {
    const res = await request(t.app).get(`/api/v1/casussen/${politieCasus}/triage`).set(regisseur).expect(200);
    assert.equal(res.body.voorstel, 'procesregie');
    assert.deepEqual(
      res.body.criteria.map((c: { criterium: string; voldaan: boolean }) => `${c.criterium}:${c.voldaan}`),
      ['A:true', 'B:true', 'C:true', 'D:false'],
    );
    assert.match(res.body.criteria[1].redenen.join(' '), /dwangketen: politie.*drang\/zorg: .*(gemeente|veilig-thuis)/);
  });

  it('6. running the same import again creates nothing twice', async () => {
    const before = await t.db.store.db.casus.count();
    const out: string[] = [];
    const code = await runCli(['import', '--partner', 'gemeente-demo', join(t.dataDir, 'zorgmeldingen.csv')], {
      out: (l) => out.push(l),
      err: () => {},
      env: { DATABASE_URL: t.db.url, KNOOPPUNT_DATA_DIR: t.dataDir },
    });
    assert.equal(code, 0);
    assert.match(out.join('\n'), /0 aangemeld, 1 al eerder geïmporteerd/);
    assert.equal(await t.db.store.db.casus.count(), before);
  });
});
