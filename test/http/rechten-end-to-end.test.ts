import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { compactVerify, createLocalJWKSet } from 'jose';
import request from 'supertest';
import { verifyReportProofs, type ReportProofs } from '../../adapters/ledger/verify-report.js';
import { loadGatewayKeys } from '../../adapters/crypto/gateway-keys.js';
import { keyPaths } from '../../gateway/bootstrap/key-paths.js';
import { voerVerzoekUit } from '../../gateway/rechten/verzoeken/uitvoeren.js';
import { outbox } from '../../gateway/meldingen/outbox.js';
import { useCaseDeps } from '../../gateway/use-case-deps.js';
import { runCli } from '../../gateway/cli/knooppunt.js';
import { testBsn } from '../support/bsn.js';
import { assertProblem } from '../support/problem-assertions.js';
import { receiptOf } from '../support/receipt.js';
import { useTestApp } from '../support/test-app.js';

/**
 * Issue #15 "done when": two partners supply data about a person, three partners pull it; the access
 * report lists exactly those disclosures with proofs an independent check accepts; the erasure request
 * is carried out: the data is unreadable, the verwijsindex forgets the person, the log still verifies
 * and exactly the three recipients got a signed notice and a webhook.
 */
const t = useTestApp();
const as: Record<string, Record<string, string>> = {};
const nobody = '00000000-0000-4000-8000-000000000000';

async function casusMet(bsn: string, items: [who: string, categorie: string, grondslag: string, inhoud: string][]) {
  const a = await request(t.app)
    .post('/api/v1/aanmeldingen')
    .set(as.politie!)
    .send({
      soort: 'persoon',
      gemeente: 'Demostad',
      reden: 'Overlast',
      leefgebieden: ['huisvesting-en-wonen'],
      betrokkenen: [{ ref: 'p', bsn, voornamen: 'Eind', achternaam: 'MARKER-NAAM', geboortedatum: '1971-07-07' }],
    });
  assert.equal(a.status, 201, a.text);
  const casus = a.body.casus as string;
  const persoon = a.body.betrokkenen[0].betrokkene as string;
  for (const partner of ['gemeente-demo', 'ggz-demo'])
    await request(t.app).post(`/api/v1/casussen/${casus}/deelnemers`).set(as.regie!).send({ partner }).expect(201);
  await request(t.app)
    .post(`/api/v1/casussen/${casus}/triagebesluit`)
    .set(as.regie!)
    .send({ uitkomst: 'procesregie', motivering: 'meerdere ketens' })
    .expect(201);
  const ids: string[] = [];
  for (const [who, categorie, grondslag, inhoud] of items) {
    const res = await request(t.app)
      .post(`/api/v1/casussen/${casus}/informatie`)
      .set(as[who]!)
      .send({ doel: 'casusoverleg', items: [{ categorie, betrokkene: persoon, inhoud, grondslag }] });
    assert.equal(res.status, 201, res.text);
    ids.push(res.body.items[0].id);
  }
  return { casus, persoon, ids };
}

const pull = (casus: string, who: string) =>
  request(t.app).get(`/api/v1/casussen/${casus}/informatie?doel=casusoverleg`).set(as[who]!);

async function verzoek(soort: string, bsn: string, inBehandeling = true): Promise<string> {
  const res = await request(t.app)
    .post('/api/v1/verzoeken')
    .set(as.fg!)
    .send({ soort, bsn, identiteit: { methode: 'id-bewijs-aan-balie' } });
  assert.equal(res.status, 201, res.text);
  if (inBehandeling)
    await request(t.app)
      .post(`/api/v1/verzoeken/${res.body.id}/overgangen`)
      .set(as.fg!)
      .send({ naar: 'in-behandeling', reden: 'Identiteit vastgesteld' })
      .expect(204);
  return res.body.id as string;
}

const uitvoeren = (id: string, body: object = {}, who = as.fg!) =>
  request(t.app).post(`/api/v1/verzoeken/${id}/uitvoering`).set(who).send(body);

const geschiedenis = async (id: string) =>
  (await request(t.app).get(`/api/v1/verzoeken/${id}`).set(as.fg!).expect(200)).body.geschiedenis as {
    soort: string;
    reden?: string;
  }[];

describe('subject rights end to end (issue #15)', () => {
  before(async () => {
    for (const [k, p, rol] of [
      ['politie', 'politie-demo', 'medewerker'],
      ['gemeente', 'gemeente-demo', 'medewerker'],
      ['ggz', 'ggz-demo', 'medewerker'],
      ['regie', 'zvh-demo', 'procesregisseur'],
      ['fg', 'zvh-demo', 'privacy-officer'],
      ['gemeenteFg', 'gemeente-demo', 'privacy-officer'],
      ['ggzFg', 'ggz-demo', 'privacy-officer'],
      ['politieFg', 'politie-demo', 'privacy-officer'],
    ] as const)
      as[k] = await t.tokenHeaders(p, rol);
  });

  describe('access, then erasure, of one person', () => {
    const BSN = testBsn(1501);
    let casus: string;
    let ids: string[];
    const pulls = new Map<string, { index: number; tijd: string }>();
    let inzage: string;
    let wissing: string;

    before(async () => {
      ({ casus, ids } = await casusMet(BSN, [
        ['gemeente', 'wonen', 'avg-6-1-e-gemeente', 'Huurachterstand MARKER-GEMEENTE'],
        ['ggz', 'psychische-gezondheid', 'uavg-art-30-zorg', 'Behandeling MARKER-GGZ'],
      ]));
      for (const who of ['gemeente', 'ggz', 'politie']) {
        const res = await pull(casus, who);
        assert.equal(res.status, 200, res.text);
        const { index } = receiptOf(res);
        const [entry] = await t.ledger.entries(index, index + 1);
        pulls.set(`${who}-demo`, { index, tijd: entry!.tijd.toISOString() });
      }
      inzage = await verzoek('inzage', BSN);
      wissing = await verzoek('wissing', BSN);
    });

    it('the access report lists exactly the three disclosures, to whom and when, with proofs a pinned check accepts', async () => {
      const res = await request(t.app).get(`/api/v1/verzoeken/${inzage}/inzagerapport`).set(as.fg!);
      assert.equal(res.status, 200, res.text);
      const listed = (res.body.verstrekkingen as { index: number; tijd: string; ontvanger: { partner: string } }[])
        .map((v) => [v.ontvanger.partner, v.index, v.tijd])
        .sort();
      assert.deepEqual(
        listed,
        [...pulls].map(([p, { index, tijd }]) => [p, index, tijd]).sort(),
        'exactly the three pulls, by recipient, index and time',
      );
      const published = (await request(t.app).get('/api/v1/verstrekkingslog/publieke-sleutel').expect(200)).body;
      const verdict = verifyReportProofs(res.body as ReportProofs, published.verifierKey);
      assert.deepEqual(verdict.problems, [], 'the independent check finds no problem');
      assert.deepEqual(verdict.warnings, [], 'pinned to the published key: no warning');
      assert.equal(verdict.checked, 3);
    });

    it('carries out the erasure: everything erased, nothing refused, the three recipients told', async () => {
      const res = await uitvoeren(wissing);
      assert.equal(res.status, 200, res.text);
      assert.deepEqual(res.body.gedaan, [...ids].sort());
      assert.deepEqual(res.body.geweigerd, []);
      assert.deepEqual(res.body.geinformeerd, ['gemeente-demo', 'ggz-demo', 'politie-demo']);
      assert.equal(res.body.herhaald, false);
    });

    it('leaves the data unreadable: reads say gewist, no content, and the ciphertext’s key is gone', async () => {
      const res = await pull(casus, 'gemeente');
      assert.equal(res.status, 200, res.text);
      assert.doesNotMatch(res.text, /MARKER-GEMEENTE|MARKER-GGZ/);
      for (const item of res.body.items as { gewist?: boolean }[]) assert.equal(item.gewist, true);
      const record = await t.db.store.db.betrokkene.findFirst({
        where: { id: (await t.db.store.db.informatieItem.findUnique({ where: { id: ids[0]! } }))!.betrokkeneId! },
      });
      assert.equal(record!.dataSleutel, null, 'the wrapped data key is destroyed');
    });

    it('the verwijsindex no longer knows the person', async () => {
      const vi = await request(t.app)
        .post('/api/v1/verwijsindex/zoekvragen')
        .set(as.ggz!)
        .send({ bsn: BSN, doel: 'triage' });
      assert.equal(vi.status, 200, vi.text);
      assert.equal(vi.body.bekend, false);
    });

    it('the disclosure log still verifies', async () => {
      await t.integrity.sign();
      const published = (await request(t.app).get('/api/v1/verstrekkingslog/publieke-sleutel').expect(200)).body;
      const out: string[] = [];
      const code = await runCli(['ledger', 'verify', '--key', published.verifierKey], {
        out: (l) => out.push(l),
        err: (l) => out.push(l),
        env: { DATABASE_URL: t.db.url, KNOOPPUNT_DATA_DIR: t.dataDir },
      });
      assert.equal(code, 0, out.join('\n'));
    });

    it('each recipient got exactly one signed wissing notice, verifiable with the published JWKS, and a webhook', async () => {
      const jwks = createLocalJWKSet((await request(t.app).get('/api/v1/jwks.json').expect(200)).body);
      for (const [who, partner] of [
        ['gemeenteFg', 'gemeente-demo'],
        ['ggzFg', 'ggz-demo'],
        ['politieFg', 'politie-demo'],
      ] as const) {
        const list = await request(t.app).get('/api/v1/kennisgevingen').set(as[who]!).expect(200);
        const mine = (
          list.body.kennisgevingen as { verzoekId: string; soort: string; jws: string; id: string }[]
        ).filter((k) => k.verzoekId === wissing);
        assert.equal(mine.length, 1, `one notice for ${partner}`);
        assert.equal(mine[0]!.soort, 'wissing');
        const { payload } = await compactVerify(mine[0]!.jws, jwks);
        const claims = JSON.parse(new TextDecoder().decode(payload));
        assert.deepEqual([claims.partner, claims.verzoek, claims.soort], [partner, wissing, 'wissing']);
        const webhooks = (
          await t.db.store.db.uitgaand.findMany({ where: { partnerId: partner, soort: 'kennisgeving' } })
        )
          .map((u) => JSON.parse(u.data) as { kennisgeving: string })
          .filter((d) => d.kennisgeving === mine[0]!.id);
        assert.equal(webhooks.length, 1, `one outbox event for ${partner}`);
      }
      const all = await t.db.store.db.kennisgeving.findMany({ where: { verzoekId: wissing } });
      assert.deepEqual(all.map((k) => k.partnerId).sort(), ['gemeente-demo', 'ggz-demo', 'politie-demo']);
    });

    it('records the outcome and the partners told in the request’s history, and a retry changes nothing', async () => {
      const again = await uitvoeren(wissing);
      assert.equal(again.status, 200, again.text);
      assert.equal(again.body.herhaald, true);
      assert.deepEqual(again.body.geinformeerd, ['gemeente-demo', 'ggz-demo', 'politie-demo']);
      const g = (await geschiedenis(wissing)).filter((e) => e.soort === 'uitgevoerd');
      assert.equal(g.length, 1, 'recorded once');
      assert.match(g[0]!.reden!, /politie-demo/);
      assert.doesNotMatch(g[0]!.reden!, /MARKER/, 'ids only');
      assert.equal(await t.db.store.db.kennisgeving.count({ where: { verzoekId: wissing } }), 3, 'no second notices');
    });
  });

  it('refuses to erase police data under a legal duty to keep, naming the ground, and erases the rest', async () => {
    const bsn = testBsn(1502);
    const { ids } = await casusMet(bsn, [
      ['politie', 'politiegegevens', 'wpg-art-20', 'Aangifte MARKER-POLITIE'],
      ['gemeente', 'wonen', 'avg-6-1-e-gemeente', 'MARKER-WONEN'],
    ]);
    const res = await uitvoeren(await verzoek('wissing', bsn));
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(res.body.geweigerd, [{ item: ids[0], grond: 'wettelijke-bewaarplicht-wpg' }]);
    assert.deepEqual(res.body.gedaan, [ids[1]]);
  });

  it('a retry after a failure half-way (erased, recipients not yet told) still tells them and records the outcome', async () => {
    const bsn = testBsn(1511);
    const { casus, ids } = await casusMet(bsn, [['gemeente', 'wonen', 'avg-6-1-e-gemeente', 'MARKER-HALF']]);
    await pull(casus, 'ggz').expect(200);
    const id = await verzoek('wissing', bsn);
    const base = {
      ...useCaseDeps({
        store: t.db.store,
        dp: t.dataProtection,
        covenants: t.covenants,
        clock: t.clock,
        ledger: t.ledger,
        meldingen: outbox(t.db.store, t.clock),
      }),
      keys: await loadGatewayKeys(keyPaths(t.dataDir).gatewaySigning, new Date()),
    };
    const broken = {
      size: () => t.ledger.size(),
      entries: async () => {
        throw new Error('log unreachable');
      },
    };
    const fg = { partner: { id: 'zvh-demo', soort: 'zvh' }, actor: { id: 'fg-1', rol: 'privacy-officer' } };
    await assert.rejects(voerVerzoekUit({ ...base, ledger: broken }, fg, id, {}), /log unreachable/);
    assert.equal((await pull(casus, 'ggz')).body.items[0].gewist, true, 'the erasure itself committed');
    const retry = await uitvoeren(id);
    assert.equal(retry.status, 200, retry.text);
    assert.equal(retry.body.herhaald, false, 'the first attempt recorded no outcome');
    assert.deepEqual(retry.body.gedaan, ids, 'what the first attempt erased');
    assert.deepEqual(retry.body.geinformeerd, ['ggz-demo']);
  });

  describe('restriction, objection and rectification', () => {
    it('a restriction makes a later pull withhold the item, and tells who received it', async () => {
      const bsn = testBsn(1503);
      const { casus, ids } = await casusMet(bsn, [['gemeente', 'wonen', 'avg-6-1-e-gemeente', 'MARKER-BEPERKT']]);
      assert.match((await pull(casus, 'ggz')).text, /MARKER-BEPERKT/, 'before: GGZ receives it');
      const id = await verzoek('beperking', bsn);
      const res = await uitvoeren(id, { items: [ids[0]] });
      assert.equal(res.status, 200, res.text);
      assert.deepEqual(res.body.gedaan, [ids[0]]);
      assert.equal(res.body.beperkingen.length, 1);
      assert.deepEqual(res.body.geinformeerd, ['ggz-demo']);
      const after = await pull(casus, 'ggz');
      assert.equal(after.status, 200, after.text);
      assert.doesNotMatch(after.text, /MARKER-BEPERKT/, 'after: withheld');
      const lift = await request(t.app)
        .post(`/api/v1/verzoeken/${id}/opheffingen`)
        .set(as.fg!)
        .send({ beperking: res.body.beperkingen[0], grond: 'juistheid-vastgesteld' });
      assert.equal(lift.status, 200, lift.text);
      assert.match((await pull(casus, 'ggz')).text, /MARKER-BEPERKT/, 'lifted: disclosed again');
      assert.ok((await geschiedenis(id)).some((e) => e.soort === 'beperking-opgeheven'));
    });

    it('an objection is lifted only on compelling grounds', async () => {
      const bsn = testBsn(1504);
      await casusMet(bsn, [['gemeente', 'wonen', 'avg-6-1-e-gemeente', 'MARKER-BEZWAAR']]);
      const id = await verzoek('bezwaar', bsn);
      const res = await uitvoeren(id, { doelen: ['casusoverleg'] });
      assert.equal(res.status, 200, res.text);
      assert.deepEqual(res.body.geinformeerd, [], 'art. 19 does not cover an objection');
      const lift = (grond: string) =>
        request(t.app)
          .post(`/api/v1/verzoeken/${id}/opheffingen`)
          .set(as.fg!)
          .send({ beperking: res.body.beperkingen[0], grond });
      assertProblem(await lift('gewoon'), 400, 'invalid-request');
      const ok = await lift('dwingende-gronden:veiligheid-kind');
      assert.equal(ok.status, 200, ok.text);
      assert.equal(ok.body.soort, 'bezwaar');
      assertProblem(await lift('dwingende-gronden:veiligheid-kind'), 409, 'conflict');
    });

    it('a rectification asks the source; its acceptance reaches the history and the recipients', async () => {
      const bsn = testBsn(1505);
      const { casus, ids } = await casusMet(bsn, [['gemeente', 'wonen', 'avg-6-1-e-gemeente', 'MARKER-OUD']]);
      await pull(casus, 'ggz').expect(200);
      const id = await verzoek('rectificatie', bsn);
      const res = await uitvoeren(id, { item: ids[0], gewenst: { inhoud: 'MARKER-NIEUW' } });
      assert.equal(res.status, 200, res.text);
      assert.ok(res.body.rectificatie);
      const answer = await request(t.app)
        .post(`/api/v1/rectificaties/${res.body.rectificatie}/antwoord`)
        .set(as.gemeenteFg!)
        .send({ besluit: 'aanvaard', gecorrigeerd: { inhoud: 'MARKER-NIEUW' } });
      assert.equal(answer.status, 200, answer.text);
      const g = (await geschiedenis(id)).find((e) => e.soort === 'rectificatie-aanvaard');
      assert.ok(g, 'the outcome is in the request’s history');
      assert.match(g.reden!, /ggz-demo/);
      const k = await t.db.store.db.kennisgeving.findMany({ where: { verzoekId: id, soort: 'rectificatie' } });
      assert.deepEqual(
        k.map((x) => x.partnerId),
        ['ggz-demo'],
      );
      assert.match((await pull(casus, 'ggz')).text, /MARKER-NIEUW/);
    });
  });

  describe('errors and security', () => {
    it('refuses a request that is not in behandeling (409, naming its state), and an inzage request', async () => {
      const bsn = testBsn(1506);
      await casusMet(bsn, [['gemeente', 'wonen', 'avg-6-1-e-gemeente', 'x']]);
      const res = await uitvoeren(await verzoek('wissing', bsn, false));
      assertProblem(res, 409, 'conflict');
      assert.match(res.body.detail, /ontvangen/);
      assertProblem(await uitvoeren(await verzoek('inzage', bsn)), 409, 'conflict');
    });

    it('refuses a rectification without item, and an item about someone else (400)', async () => {
      const a = await casusMet(testBsn(1507), [['gemeente', 'wonen', 'avg-6-1-e-gemeente', 'x']]);
      const bsn = testBsn(1508);
      await casusMet(bsn, [['gemeente', 'wonen', 'avg-6-1-e-gemeente', 'y']]);
      const id = await verzoek('rectificatie', bsn);
      assertProblem(await uitvoeren(id, {}), 400, 'invalid-request');
      assertProblem(await uitvoeren(id, { item: a.ids[0], gewenst: { inhoud: 'z' } }), 400, 'invalid-request');
    });

    it('refuses fields another soort takes: an erasure of some items would erase them all (400)', async () => {
      const bsn = testBsn(1510);
      const { ids } = await casusMet(bsn, [['gemeente', 'wonen', 'avg-6-1-e-gemeente', 'MARKER-BLIJFT']]);
      const res = await uitvoeren(await verzoek('wissing', bsn), { items: [ids[0]] });
      assertProblem(res, 400, 'invalid-request');
      const bezwaar = await verzoek('bezwaar', bsn);
      assertProblem(await uitvoeren(bezwaar, { doelen: ['geen-doel'] }), 400, 'invalid-request');
      assertProblem(await uitvoeren(bezwaar, { item: ids[0] }), 400, 'invalid-request');
      const item = await t.db.store.db.informatieItem.findUnique({ where: { id: ids[0]! } });
      assert.ok(!item!.gewistOp, 'nothing was erased');
    });

    it('answers 404 for an unknown request', async () => {
      assertProblem(await uitvoeren(nobody), 404, 'not-found');
      assertProblem(
        await request(t.app)
          .post(`/api/v1/verzoeken/${nobody}/opheffingen`)
          .set(as.fg!)
          .send({ beperking: nobody, grond: 'x' }),
        404,
        'not-found',
      );
    });

    it('is for the ZVH’s privacy officer only: partners’ officers and other roles 403, no token 401', async () => {
      const bsn = testBsn(1509);
      await casusMet(bsn, [['gemeente', 'wonen', 'avg-6-1-e-gemeente', 'x']]);
      const id = await verzoek('beperking', bsn);
      assertProblem(await uitvoeren(id, {}, as.gemeenteFg!), 403, 'forbidden');
      assertProblem(await uitvoeren(id, {}, as.regie!), 403, 'forbidden');
      assertProblem(await uitvoeren(id, {}, as.gemeente!), 403, 'forbidden');
      const none = await request(t.app).post(`/api/v1/verzoeken/${id}/uitvoering`).send({});
      assert.equal(none.status, 401, none.text);
      assert.equal((await geschiedenis(id)).filter((e) => e.soort === 'uitgevoerd').length, 0, 'nothing was done');
    });
  });
});
