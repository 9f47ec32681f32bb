import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import request from 'supertest';
import { testBsn } from '../support/bsn.js';
import { assertProblem } from '../support/problem-assertions.js';
import { receiptOf } from '../support/receipt.js';
import { useTestApp } from '../support/test-app.js';

/**
 * Issue #13 on the pull path, point by point: a purpose closed to the partner is a 403; free text goes
 * only where every category it was classified under may; masking removes exactly the masked fields;
 * what is left out stays unsaid (the log keeps it); a triage decision is versioned, never overwritten.
 */
const t = useTestApp();
const as: Record<string, Record<string, string>> = {};
let casus = '';
let moeder = '';
let kind = '';

const pull = (who: string, view: string, doel: string) =>
  request(t.app)
    .get(`/api/v1/casussen/${casus}${view ? `/${view}` : ''}`)
    .query({ doel })
    .set(as[who]!);
/** The log entry behind an answer's receipt (or the latest entry, for a refusal). */
const entryOf = async (res?: request.Response) => {
  const index = res?.headers.ontvangstbewijs ? receiptOf(res).index : (await t.ledger.size()) - 1;
  const [entry] = await t.ledger.entries(index, index + 1);
  return JSON.parse(entry!.body) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
};
const supply = async (who: string, doel: string, items: Record<string, unknown>[]) =>
  request(t.app).post(`/api/v1/casussen/${casus}/informatie`).set(as[who]!).send({ doel, items }).expect(201);
const decide = (body: Record<string, unknown>) =>
  request(t.app).post(`/api/v1/casussen/${casus}/triagebesluit`).set(as.regie!).send(body);

describe('purpose limitation on the pull path', () => {
  before(async () => {
    for (const p of [
      'politie',
      'gemeente',
      'ggz',
      'veilig-thuis',
      'dji',
      'verslavingszorg',
      'woningcorporatie',
      'rvdk',
    ])
      as[p] = await t.tokenHeaders(`${p}-demo`);
    as.regie = await t.tokenHeaders('zvh-demo', 'procesregisseur');
    const a = await request(t.app)
      .post('/api/v1/aanmeldingen')
      .set(as.politie!)
      .send({
        soort: 'systeem',
        gemeente: 'Demostad',
        reden: 'Moeder in crisis, opgenomen geweest',
        redenCategorieen: ['psychische-gezondheid'],
        leefgebieden: ['emotioneel-welzijn', 'huisvesting-en-wonen'],
        betrokkenen: [
          { ref: 'm', bsn: testBsn(501), voornamen: 'Ria', achternaam: 'Verbeek', geboortedatum: '1985-04-04' },
          { ref: 'k', voornamen: 'Tim', achternaam: 'Verbeek', geboortedatum: '2015-05-05' },
        ],
        relaties: [{ van: 'm', naar: 'k', soort: 'ouder' }],
      })
      .expect(201);
    casus = a.body.casus;
    [moeder, kind] = a.body.betrokkenen.map((b: { betrokkene: string }) => b.betrokkene);
    for (const p of ['gemeente', 'ggz', 'veilig-thuis', 'dji', 'verslavingszorg', 'woningcorporatie'])
      await request(t.app)
        .post(`/api/v1/casussen/${casus}/deelnemers`)
        .set(as.regie!)
        .send({ partner: `${p}-demo` });
    await decide({
      uitkomst: 'procesregie',
      motivering: 'Melding huiselijk geweld bij Veilig Thuis',
      motiveringCategorieen: ['huiselijk-geweld'],
    }).expect(201);
  });

  describe('a purpose closed to the partner', () => {
    it('is a 403 naming the rule for a participant, logged as a refusal', async () => {
      const res = await pull('gemeente', 'informatie', 'handhaving');
      assertProblem(res, 403, 'doel-niet-toegestaan');
      assert.match(res.body.detail, /niets-voor-handhaving/);
      const entry = await entryOf();
      assert.deepEqual(
        [entry.soort, entry.details.regel, entry.ontvanger.partner],
        ['weigering', 'niets-voor-handhaving', 'gemeente-demo'],
      );
    });

    it('is the same 403 for a non-participant, who gets the 404 of a missing casus for an open purpose', async () => {
      assertProblem(await pull('rvdk', '', 'handhaving'), 403, 'doel-niet-toegestaan');
      assertProblem(await pull('rvdk', '', 'casusoverleg'), 404, 'not-found');
      const missing = await request(t.app)
        .get('/api/v1/casussen/0b9e5b0e-0000-4000-8000-000000000000')
        .query({ doel: 'handhaving' })
        .set(as.rvdk!);
      assertProblem(missing, 403, 'doel-niet-toegestaan');
      assert.equal((await entryOf()).soort, 'weigering');
    });

    it('is a 403 for a purpose no rule opens to the partner (analyse for a care partner)', async () => {
      const res = await pull('ggz', 'informatie', 'analyse');
      assertProblem(res, 403, 'doel-niet-toegestaan');
      assert.match(res.body.detail, /geen regel/);
    });
  });

  describe('free text follows the categories its supplier classified it under', () => {
    it('gives the referral, reason included, to a partner that may receive every category of the reason', async () => {
      const res = await pull('ggz', '', 'casusoverleg');
      assert.equal(res.status, 200, res.text);
      assert.equal(res.body.aanmelding.reden, 'Moeder in crisis, opgenomen geweest');
      const entry = await entryOf(res);
      assert.ok(entry.categorieen.includes('psychische-gezondheid'), 'the log names what left with the text');
    });

    it('gives neither the reason nor the referral it is part of to a partner that may not, and says nothing', async () => {
      const res = await pull('woningcorporatie', '', 'casusoverleg');
      assert.equal(res.status, 200, res.text);
      assert.equal(res.body.aanmelding, undefined);
      assert.doesNotMatch(res.text, /crisis|psychische|weggelaten/);
      assert.deepEqual((await entryOf(res)).details.weggelaten, ['politie-demo:aanmelding'], 'the log keeps it');
    });

    it('shows the triage decision without its motivation where the motivation may not go', async () => {
      const vt = await pull('veilig-thuis', '', 'casusoverleg');
      assert.equal(vt.body.triage.motivering, 'Melding huiselijk geweld bij Veilig Thuis');
      const gemeente = await pull('gemeente', '', 'casusoverleg');
      assert.equal(gemeente.body.triage.uitkomst, 'procesregie');
      assert.equal(gemeente.body.triage.motivering, undefined);
      assert.doesNotMatch(gemeente.text, /Veilig Thuis|huiselijk/);
      assert.ok((await entryOf(gemeente)).details.tekstWeggelaten.includes('zvh-demo:triage-uitkomst.motivering'));
    });

    it('refuses a classification with a category the covenant does not know', async () => {
      const res = await request(t.app)
        .post('/api/v1/aanmeldingen')
        .set(as.politie!)
        .send({
          soort: 'persoon',
          gemeente: 'Demostad',
          reden: 'Zorgen',
          redenCategorieen: ['wonen', 'horoscoop'],
          leefgebieden: [],
          betrokkenen: [{ ref: 'p', achternaam: 'Anders', geboortedatum: '1990-01-01' }],
        });
      assertProblem(res, 400, 'invalid-request');
      assert.deepEqual(
        res.body.invalidParams.map((p: { name: string }) => p.name),
        ['/redenCategorieen/1'],
      );
      assertProblem(
        await decide({ uitkomst: 'procesregie', motivering: 'x', motiveringCategorieen: ['nee'] }),
        400,
        'invalid-request',
      );
    });
  });

  describe('masking removes exactly the masked fields', () => {
    before(async () => {
      await supply('dji', 'casusoverleg', [
        {
          categorie: 'detentie',
          betrokkene: moeder,
          inhoud: 'Uit detentie per 1 maart',
          velden: { samenvatting: 'Ontslag 1 maart', delict: 'Diefstal met geweld' },
          grondslag: 'wjsg-art-39f',
        },
      ]);
      await supply('ggz', 'casusoverleg', [
        {
          categorie: 'psychische-gezondheid',
          betrokkene: moeder,
          inhoud: 'In behandeling',
          velden: { zorgaanbieder: 'GGZ Demo', diagnose: 'Psychose', behandeling: 'Depot' },
          grondslag: 'uavg-art-30-zorg',
        },
      ]);
    });

    it('gives the municipality the detention item without the offence, and logs the masking', async () => {
      const res = await pull('gemeente', 'informatie', 'casusoverleg');
      const item = res.body.items.find((i: { categorie: string }) => i.categorie === 'detentie');
      assert.equal(item.inhoud, 'Uit detentie per 1 maart');
      assert.deepEqual(item.velden, { samenvatting: 'Ontslag 1 maart' });
      assert.deepEqual(item.gemaskeerd, ['delict']);
      assert.doesNotMatch(res.text, /Diefstal/);
      assert.deepEqual((await entryOf(res)).details.gemaskeerd, { detentie: ['delict'] });
    });

    it('gives the regisseur who is in care and where, without diagnosis or treatment', async () => {
      const res = await pull('regie', 'informatie', 'casusoverleg');
      const item = res.body.items.find((i: { categorie: string }) => i.categorie === 'psychische-gezondheid');
      assert.deepEqual([item.inhoud, item.velden], ['In behandeling', { zorgaanbieder: 'GGZ Demo' }]);
      assert.deepEqual([...item.gemaskeerd].sort(), ['behandeling', 'diagnose']);
      const ggz = await pull('ggz', 'informatie', 'casusoverleg');
      const full = ggz.body.items.find((i: { categorie: string }) => i.categorie === 'psychische-gezondheid');
      assert.deepEqual(full.velden, { zorgaanbieder: 'GGZ Demo', diagnose: 'Psychose', behandeling: 'Depot' });
      assert.equal(full.gemaskeerd, undefined);
    });

    it('stores the fields of a special category encrypted, like its content', async () => {
      const rows = await t.db.store.db.$queryRawUnsafe<{ velden: string }[]>(
        `SELECT "velden" FROM "InformatieItem" WHERE "categorie" = 'psychische-gezondheid'`,
      );
      assert.equal(rows.length, 1);
      assert.doesNotMatch(rows[0]!.velden, /Psychose|GGZ Demo/);
    });

    it('leaves the BSN out where only the basic rule (which masks it) applies, and shows the rest', async () => {
      const basic = await pull('gemeente', 'betrokkenen', 'zvh-samenwerking');
      assert.equal(basic.status, 200, basic.text);
      assert.equal(basic.body.betrokkenen.find((b: { id: string }) => b.id === moeder).achternaam, 'Verbeek');
      assert.doesNotMatch(basic.text, new RegExp(`${testBsn(501)}|"bsn"`));
      const overleg = await pull('gemeente', 'betrokkenen', 'casusoverleg');
      assert.equal(overleg.body.betrokkenen.find((b: { id: string }) => b.id === moeder).bsn, testBsn(501));
    });
  });

  it('shows an item resting on consent only when it was supplied with a consent reference', async () => {
    await supply('verslavingszorg', 'casusoverleg', [
      {
        categorie: 'zorgcontact',
        betrokkene: moeder,
        inhoud: 'Met toestemming: in zorg',
        grondslag: 'uavg-art-30-zorg',
        toestemming: 'TS-1',
      },
      {
        categorie: 'zorgcontact',
        betrokkene: kind,
        inhoud: 'Zonder toestemming: in zorg',
        grondslag: 'uavg-art-30-zorg',
      },
    ]);
    const res = await pull('gemeente', 'informatie', 'casusoverleg');
    assert.match(res.text, /Met toestemming/);
    assert.doesNotMatch(res.text, /Zonder toestemming/);
  });

  it('logs one keyed reference per person whose data left', async () => {
    const betrokkenen = await entryOf(await pull('gemeente', 'betrokkenen', 'casusoverleg'));
    const refs = [moeder, kind].map((id) => t.dataProtection.subjectRef(id)).sort();
    assert.deepEqual([...betrokkenen.subjectRefs].sort(), refs);
    const systeem = await entryOf(await pull('gemeente', 'systeem', 'casusoverleg'));
    assert.deepEqual([...systeem.subjectRefs].sort(), refs, 'a relation is about both its persons');
  });

  describe('a triage decision is versioned, never overwritten', () => {
    it('records a second decision as a new version naming the one it replaces, and keeps the history', async () => {
      const first = (await request(t.app).get(`/api/v1/casussen/${casus}/triage`).set(as.regie!).expect(200)).body;
      assert.equal(first.besluit.versie, 1);
      assert.equal(first.besluit.motivering, 'Melding huiselijk geweld bij Veilig Thuis', 'the regisseur may read it');
      const res = await decide({
        uitkomst: 'ondersteunen-aanmelder',
        motivering: 'Politie houdt regie na aanhouding',
        motiveringCategorieen: ['politiegegevens'],
      });
      assert.equal(res.status, 201, res.text);
      assert.deepEqual(
        res.body.geschiedenis.map((b: { versie: number; uitkomst: string }) => [b.versie, b.uitkomst]),
        [
          [1, 'procesregie'],
          [2, 'ondersteunen-aanmelder'],
        ],
      );
      assert.equal(res.body.besluit.vervangt, first.besluit.id);
      assert.equal(res.body.besluit.door, 'zvh-demo/procesregisseur-1');
      assert.equal(res.body.geschiedenis[0].vervangt, null);
      assert.equal(res.body.besluit.motivering, undefined, 'police data from the ZVH may not go back to it');
      assert.doesNotMatch(res.text, /aanhouding/);
      const view = await pull('ggz', '', 'casusoverleg');
      assert.equal(view.body.triage.uitkomst, 'ondersteunen-aanmelder', 'the casus shows the current decision');
    });

    it('is for the procesregisseur only', async () => {
      assertProblem(
        await request(t.app)
          .post(`/api/v1/casussen/${casus}/triagebesluit`)
          .set(as.gemeente!)
          .send({ uitkomst: 'procesregie', motivering: 'x' }),
        403,
        'forbidden',
      );
    });
  });
});
