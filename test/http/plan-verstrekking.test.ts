import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import request from 'supertest';
import { defaultCovenantDir } from '../../gateway/covenant/record-covenant-version.js';
import { assertProblem } from '../support/problem-assertions.js';
import { receiptOf } from '../support/receipt.js';
import { useTestApp } from '../support/test-app.js';

/**
 * Under a covenant that masks progress notes (`toelichting`) for participants in general and grants
 * them unmasked to care partners, the plan is disclosed field by field: the housing corporation sees
 * each report without its note (and is told which field was masked), mental-health care sees the note.
 */
const masked = `  - id: deelnemers-zien-basis
    omschrijving: Partners die aan de casus deelnemen zien basisgegevens en casusgegevens
    effect: permit
    actie: verstrekken
    leverancier: "*"
    ontvanger: "*"
    categorieen: [identificatie, contactgegevens, systeem, casusgegevens]
    toegestaneDoelen: [zvh-samenwerking]
    verbodenDoelen: [handhaving]
    grondslag: avg-6-1-e-gemeente
    maskering: [bsn, toelichting]
  - id: zorg-ziet-voortgang
    omschrijving: Zorgpartners zien de toelichting bij voortgang
    effect: permit
    actie: verstrekken
    leverancier: "*"
    ontvanger: { soort: ggz }
    categorieen: [voortgang]
    toegestaneDoelen: [zvh-samenwerking]
    grondslag: avg-6-1-e-gemeente
`;

const t = useTestApp({
  prepare: async ({ dataDir }) => {
    const dir = join(dataDir, 'convenant-plan');
    mkdirSync(dir, { recursive: true });
    const text = readFileSync(join(defaultCovenantDir, 'zvh-demo-2026.1.yaml'), 'utf8');
    const start = text.indexOf('  - id: deelnemers-zien-basis');
    const end = text.indexOf('  - id: bsn-naar-publieke-partners');
    assert.ok(start > 0 && end > start, 'the demo covenant has the rule this test varies');
    writeFileSync(join(dir, 'zvh-demo.yaml'), text.slice(0, start) + masked + text.slice(end));
    return { KNOOPPUNT_COVENANT_DIR: dir };
  },
});
const as: Record<string, Record<string, string>> = {};
let casus: string;
const plan = (who: string) =>
  request(t.app).get(`/api/v1/casussen/${casus}/plan`).query({ doel: 'procesregie' }).set(as[who]!);

describe('the plan van aanpak as a disclosure', () => {
  before(async () => {
    for (const [k, p, rol] of [
      ['regie', 'zvh-demo', 'procesregisseur'],
      ['politie', 'politie-demo', 'medewerker'],
      ['woning', 'woningcorporatie-demo', 'medewerker'],
      ['ggz', 'ggz-demo', 'medewerker'],
      ['om', 'om-demo', 'medewerker'],
    ] as const)
      as[k] = await t.tokenHeaders(p, rol);
    const a = await request(t.app)
      .post('/api/v1/aanmeldingen')
      .set(as.politie!)
      .send({
        soort: 'persoon',
        gemeente: 'Demostad',
        reden: 'Overlast',
        leefgebieden: ['huisvesting-en-wonen'],
        betrokkenen: [{ ref: 'p', achternaam: 'Plan', geboortedatum: '1970-07-07' }],
      })
      .expect(201);
    casus = a.body.casus;
    for (const partner of ['woningcorporatie-demo', 'ggz-demo'])
      await request(t.app).post(`/api/v1/casussen/${casus}/deelnemers`).set(as.regie!).send({ partner }).expect(201);
    await request(t.app)
      .post(`/api/v1/casussen/${casus}/triagebesluit`)
      .set(as.regie!)
      .send({ uitkomst: 'procesregie', motivering: 'x' })
      .expect(201);
    await request(t.app)
      .post(`/api/v1/casussen/${casus}/overgangen`)
      .set(as.regie!)
      .send({ naar: 'casusoverleg', reden: 'x' })
      .expect(201);
    const i = await request(t.app)
      .post(`/api/v1/casussen/${casus}/interventies`)
      .set(as.regie!)
      .send({
        eigenaar: 'woningcorporatie-demo',
        leefgebied: 'huisvesting-en-wonen',
        titel: 'Betalingsregeling',
        deadline: '2030-01-01T00:00:00Z',
      })
      .expect(201);
    await request(t.app)
      .post(`/api/v1/casussen/${casus}/interventies/${i.body.id}/voortgang`)
      .set(as.woning!)
      .send({ status: 'lopend', toelichting: 'MARKER-toelichting' })
      .expect(201);
  });

  it('masks the progress note for the housing corporation, field by field, and logs the read', async () => {
    const res = await plan('woning');
    assert.equal(res.status, 200, res.text);
    assert.ok(receiptOf(res).index >= 0, 'the answer carries its log receipt');
    assert.equal(res.body.plan.interventies[0].titel, 'Betalingsregeling');
    const [report] = res.body.plan.voortgang;
    assert.equal(report.status, 'lopend', 'the report itself goes');
    assert.equal(report.toelichting, undefined);
    assert.deepEqual(report.gemaskeerd, ['toelichting']);
    assert.doesNotMatch(res.text, /MARKER/);
  });

  it('shows the note to mental-health care, which the covenant grants it', async () => {
    const res = await plan('ggz');
    assert.equal(res.status, 200, res.text);
    assert.equal(res.body.plan.voortgang[0].toelichting, 'MARKER-toelichting');
  });

  it('answers a partner that does not take part with 404, and a call without a token with 401', async () => {
    assertProblem(await plan('om'), 404, 'not-found');
    assertProblem(
      await request(t.app).get(`/api/v1/casussen/${casus}/plan`).query({ doel: 'procesregie' }),
      401,
      'unauthenticated',
    );
  });

  it('refuses an unknown purpose with 400', async () => {
    const res = await request(t.app).get(`/api/v1/casussen/${casus}/plan`).query({ doel: 'nergens' }).set(as.ggz!);
    assertProblem(res, 400, 'invalid-request');
  });
});
