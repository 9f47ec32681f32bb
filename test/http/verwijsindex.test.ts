import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { before, describe, it } from 'node:test';
import request from 'supertest';
import { verifyInclusion } from '../../adapters/ledger/merkle.js';
import { testBsn } from '../support/bsn.js';
import { assertProblem } from '../support/problem-assertions.js';
import { rawBody } from '../support/raw-body.js';
import { receiptOf } from '../support/receipt.js';
import { useTestApp } from '../support/test-app.js';

const t = useTestApp();
const bsn = testBsn(21);
let ggz: Record<string, string>;

describe('POST /api/v1/verwijsindex/zoekvragen', () => {
  before(async () => {
    ggz = await t.tokenHeaders('ggz-demo', 'medewerker');
    await request(t.app)
      .post('/api/v1/aanmeldingen')
      .set(await t.tokenHeaders('politie-demo', 'medewerker'))
      .send({
        soort: 'persoon',
        gemeente: 'Demostad',
        reden: 'x',
        leefgebieden: [],
        betrokkenen: [{ ref: 'p', bsn, achternaam: 'Kok', geboortedatum: '1970-01-01' }],
      })
      .expect(201);
  });

  it('answers which partners know the person — names and contacts only — with a receipt from the disclosure log', async () => {
    const res = await request(t.app).post('/api/v1/verwijsindex/zoekvragen').set(ggz).send({ bsn, doel: 'triage' });
    assert.equal(res.status, 200, res.text);
    assert.equal(res.body.bekend, true);
    assert.deepEqual(
      res.body.partners.map((p: { id: string }) => p.id),
      ['politie-demo'],
      'the referrer supplied data about the person; the ZVH only takes part in the casus',
    );
    assert.deepEqual(Object.keys(res.body.partners[0]).sort(), ['contactEmail', 'contactNaam', 'id', 'naam']);
    const { index, leafHash } = receiptOf(res);
    const size = await t.ledger.size();
    const [entry] = await t.ledger.entries(index, index + 1);
    assert.equal(entry!.leafHash.toString('hex'), leafHash);
    assert.ok(
      verifyInclusion(
        index,
        size,
        entry!.leafHash,
        await t.ledger.inclusionProof(index, size),
        await t.ledger.root(size),
      ),
      'the logged verwijsindex query is provably included in the log',
    );
    const body = JSON.parse(entry!.body);
    assert.equal(body.soort, 'verwijsindex');
    assert.equal(body.ontvanger.partner, 'ggz-demo');
    assert.deepEqual(body.details.partners, ['politie-demo']);
    assert.doesNotMatch(entry!.body, new RegExp(bsn), 'the log holds a keyed reference, never the BSN');
  });

  it('logs the SHA-256 of exactly the bytes of the answer sent', async () => {
    const res = await request(t.app)
      .post('/api/v1/verwijsindex/zoekvragen')
      .set(ggz)
      .send({ bsn, doel: 'triage' })
      .buffer(true)
      .parse(rawBody);
    assert.equal(res.status, 200, 'ggz may ask the verwijsindex for triage');
    const { index } = receiptOf(res);
    const [entry] = await t.ledger.entries(index, index + 1);
    assert.equal(
      JSON.parse(entry!.body).payloadDigest,
      createHash('sha256').update(res.body).digest('hex'),
      'the log entry names the SHA-256 of the body bytes received',
    );
  });

  it('logs a question about an unknown person too, and answers "not known"', async () => {
    const before = await t.ledger.size();
    const res = await request(t.app)
      .post('/api/v1/verwijsindex/zoekvragen')
      .set(ggz)
      .send({ bsn: testBsn(22), doel: 'triage' })
      .expect(200);
    assert.deepEqual([res.body.bekend, res.body.partners], [false, []]);
    assert.equal(await t.ledger.size(), before + 1);
  });

  it('refuses a partner the covenant does not allow to ask (403), and logs the refusal', async () => {
    const before = await t.ledger.size();
    const res = await request(t.app)
      .post('/api/v1/verwijsindex/zoekvragen')
      .set(await t.tokenHeaders('woningcorporatie-demo', 'medewerker'))
      .send({ bsn, doel: 'triage' });
    assertProblem(res, 403, 'covenant-denied');
    const [entry] = await t.ledger.entries(before, before + 1);
    assert.equal(JSON.parse(entry!.body).soort, 'weigering');
  });

  it('refuses a purpose outside the covenant and an invalid BSN with a clear problem', async () => {
    assertProblem(
      await request(t.app).post('/api/v1/verwijsindex/zoekvragen').set(ggz).send({ bsn, doel: 'fraudebestrijding' }),
      403,
      'covenant-denied',
    );
    const bad = await request(t.app)
      .post('/api/v1/verwijsindex/zoekvragen')
      .set(ggz)
      .send({ bsn: '123456789', doel: 'triage' });
    assertProblem(bad, 400, 'invalid-request');
    assert.equal(bad.body.invalidParams[0].name, '/bsn');
  });

  it('discloses nothing (503) when the disclosure log cannot be written', async () => {
    const append = t.ledger.append;
    t.ledger.append = async () => {
      throw new Error('disk full');
    };
    try {
      const res = await request(t.app).post('/api/v1/verwijsindex/zoekvragen').set(ggz).send({ bsn, doel: 'triage' });
      assertProblem(res, 503, 'unavailable');
      assert.doesNotMatch(res.text, /politie-demo/);
    } finally {
      t.ledger.append = append;
    }
  });

  describe('names exactly the partners that supplied data about that person', () => {
    const moeder = testBsn(23);
    const kind = testBsn(24);
    const names = (res: request.Response) => res.body.partners.map((p: { id: string }) => p.id);
    let ids: Record<string, string> = {};

    before(async () => {
      const politie = await t.tokenHeaders('politie-demo', 'medewerker');
      const regisseur = await t.tokenHeaders('zvh-demo', 'procesregisseur');
      const a = await request(t.app)
        .post('/api/v1/aanmeldingen')
        .set(politie)
        .send({
          soort: 'systeem',
          gemeente: 'Demostad',
          reden: 'x',
          leefgebieden: [],
          betrokkenen: [
            { ref: 'moeder', bsn: moeder, achternaam: 'Visser', geboortedatum: '1980-02-02', rol: 'hoofdpersoon' },
            { ref: 'kind', bsn: kind, achternaam: 'Visser', geboortedatum: '2010-03-03', rol: 'systeemlid' },
          ],
        })
        .expect(201);
      ids = Object.fromEntries(
        a.body.betrokkenen.map((b: { ref: string; betrokkene: string }) => [b.ref, b.betrokkene]),
      );
      for (const partner of ['ggz-demo', 'om-demo', 'gemeente-demo'])
        await request(t.app)
          .post(`/api/v1/casussen/${a.body.casus}/deelnemers`)
          .set(regisseur)
          .send({ partner })
          .expect(201);
      await request(t.app)
        .post(`/api/v1/casussen/${a.body.casus}/informatie`)
        .set(ggz)
        .send({
          doel: 'triage',
          items: [
            {
              categorie: 'psychische-gezondheid',
              betrokkene: ids.moeder,
              inhoud: 'opname',
              grondslag: 'uavg-art-30-zorg',
            },
          ],
        })
        .expect(201);
      await request(t.app)
        .post(`/api/v1/casussen/${a.body.casus}/informatie`)
        .set(await t.tokenHeaders('gemeente-demo', 'medewerker'))
        .send({
          doel: 'triage',
          items: [
            { categorie: 'wonen', betrokkene: ids.kind, inhoud: 'schoolverzuim', grondslag: 'avg-6-1-e-gemeente' },
          ],
        })
        .expect(201);
    });

    it('never names participants that hold nothing about the person, nor a source of health data to the police', async () => {
      const res = await request(t.app)
        .post('/api/v1/verwijsindex/zoekvragen')
        .set(await t.tokenHeaders('politie-demo', 'medewerker'))
        .send({ bsn: moeder, doel: 'triage' })
        .expect(200);
      assert.deepEqual(
        names(res),
        [],
        'not the police itself, not GGZ (health), not OM or the gemeente (nothing on her)',
      );
      assert.equal(res.body.bekend, false);
      assert.doesNotMatch(res.text, /ggz|om-demo|gemeente-demo/);
    });

    it('names the supplier per person: the gemeente for the child, not for the mother', async () => {
      const om = await t.tokenHeaders('om-demo', 'medewerker');
      const aboutKind = await request(t.app)
        .post('/api/v1/verwijsindex/zoekvragen')
        .set(om)
        .send({ bsn: kind, doel: 'triage' });
      assert.deepEqual(names(aboutKind), ['gemeente-demo', 'politie-demo']);
      const aboutMoeder = await request(t.app)
        .post('/api/v1/verwijsindex/zoekvragen')
        .set(om)
        .send({ bsn: moeder, doel: 'triage' });
      assert.deepEqual(names(aboutMoeder), ['politie-demo']);
    });

    it('counts what was supplied about a record merged into the person', async () => {
      const gemeente = await t.tokenHeaders('gemeente-demo', 'medewerker');
      const regisseur = await t.tokenHeaders('zvh-demo', 'procesregisseur');
      const b = await request(t.app)
        .post('/api/v1/aanmeldingen')
        .set(await t.tokenHeaders('verslavingszorg-demo', 'medewerker'))
        .send({
          soort: 'persoon',
          gemeente: 'Demostad',
          reden: 'x',
          leefgebieden: [],
          betrokkenen: [{ ref: 'm', voornamen: 'Anna', achternaam: 'Visser', geboortedatum: '1980-02-02' }],
        })
        .expect(201);
      const voorstel = (
        await request(t.app).get('/api/v1/koppelvoorstellen').set(regisseur)
      ).body.koppelvoorstellen.find((k: { betrokkene: string }) => k.betrokkene === b.body.betrokkenen[0].betrokkene);
      assert.ok(voorstel, 'the record without BSN is proposed for linking');
      await request(t.app)
        .post(`/api/v1/koppelvoorstellen/${voorstel.id}/besluit`)
        .set(regisseur)
        .send({ besluit: 'samenvoegen', motivering: 'zelfde persoon' })
        .expect(201);
      const res = await request(t.app)
        .post('/api/v1/verwijsindex/zoekvragen')
        .set(gemeente)
        .send({ bsn: moeder, doel: 'triage' })
        .expect(200);
      assert.deepEqual(names(res), ['politie-demo', 'verslavingszorg-demo']);
    });
  });
});
